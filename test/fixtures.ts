import fs from 'node:fs/promises'
import path from 'node:path'
import rehypeParse from 'rehype-parse'
import {toString as hastToString} from 'hast-util-to-string'
import {toString as mdastToString} from 'mdast-util-to-string'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import type {Root as HastRoot} from 'hast'
import {convert, rehypeNewsArticle} from '../index.js'
import {decodeHtml} from '../lib/input/decode.js'
import {footnoteRefTag} from '../lib/plugins/rehype-footnotes.js'
import {visit} from 'unist-util-visit'
import {checkProperties, parseMarkdown} from './util/properties.js'
import type {Expected} from './util/properties.js'

const root = new URL('../fixtures/', import.meta.url)
const update = Boolean(process.env.UPDATE)
const cases = (await fs.readdir(root, {withFileTypes: true}))
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
  .map((entry) => entry.name)
  .sort()

test('fixtures: there are fixtures', function () {
  assert.ok(cases.length >= 16, 'expected at least 16 fixtures, found ' + cases.length)
})

for (const name of cases) {
  const folder = new URL(name + '/', root)
  const read = async (file: string) => fs.readFile(new URL(file, folder), 'utf8').catch(() => undefined)

  test('fixtures: ' + name, async function () {
    const expected: Expected = JSON.parse((await read('expected.json')) || '{}')
    const options = {...JSON.parse((await read('options.json')) || '{}'), ...expected.options}
    const bytes = await fs.readFile(new URL('input.html', folder))
    const file = await convert(expected.bytes ? new Uint8Array(bytes) : bytes.toString('utf8'), {...options, path: path.join('fixtures', name, 'input.html')})
    const actual = String(file)
    const outputUrl = new URL('output.md', folder)
    let want = await read('output.md')
    if (update) {
      await fs.writeFile(outputUrl, actual)
      want = actual
    }
    if (want === undefined) throw new Error('Missing `fixtures/' + name + '/output.md`: run `UPDATE=1 npm test` and review the diff')
    assert.fixture(actual, want, 'output.md')
    assert.equal(checkProperties(actual, expected), [], 'expected.json properties')

    const messagesJson = await read('messages.json')
    if (messagesJson) {
      const ruleIds = file.messages.map((message) => message.ruleId).filter((id) => id !== 'promo-removed')
      assert.equal([...new Set(ruleIds)].sort(), (JSON.parse(messagesJson) as Array<string>).sort(), 'messages.json')
    }

    // Round trip: the Markdown's text is the article text, whitespace aside.
    const html = expected.bytes ? decodeHtml(new Uint8Array(bytes)).value : bytes.toString('utf8')
    const hast = unified().use(rehypeParse).use(rehypeNewsArticle, options)
    const tree = (await hast.run(hast.parse(html), new VFile({data: {pageUrl: options.url}}))) as HastRoot
    const {tree: mdast} = parseMarkdown(actual)
    mdast.children = mdast.children.filter((node) => node.type !== 'yaml')
    // A footnote reference is its label in Markdown (`[^1]`), its mark as text in hast.
    visit(tree, 'element', (node) => {
      if (node.tagName === footnoteRefTag) node.children = []
    })
    // A table cell's blocks and lines are joined by separators and an
    // ordered list's numbers (`lib/util/table-cell-handler.ts`), which
    // the hast has not: both sides' cells are read without them.
    const cellText = (value: string) => value.replace(/(^|[;；]\s*)\d+\.\s/g, '$1').replace(/[;；]/g, '')
    visit(tree, 'element', (node) => {
      if (node.tagName === 'td' || node.tagName === 'th') node.children = [{type: 'text', value: cellText(hastToString(node))}]
    })
    visit(mdast, 'tableCell', (node) => {
      node.children = [{type: 'text', value: cellText(mdastToString(node, {includeImageAlt: false}))}]
    })
    const squash = (value: string) => value.replace(/\s+/g, '')
    assert.equal(squash(mdastToString(mdast, {includeImageAlt: false})), squash(hastToString(tree)), 'round trip text')
  })
}

test.run()
