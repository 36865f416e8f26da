// How often the hast stage walks the tree: counts (not time) from
// `scripts/count-walks.ts`, so that a change that adds walks is caught.
// The article phase (after pruning to the root) is held to the ceilings
// below, which only go down as walks are shared (issue 16 aims at 2).
import fs from 'node:fs'
import type {Element, Parents} from 'hast'
import rehypeParse from 'rehype-parse'
import {visitParents} from 'unist-util-visit-parents'
import {unified} from 'unified'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {VFile} from 'vfile'
import {rehypeNewsArticle} from '../index.js'
import {gatherShortTexts, shortText, withShortTexts} from '../lib/analyse/blocks/short-text.js'
import {collapseFormatting} from '../lib/plugins/rehype-collapse-formatting.js'
import {supSubTags} from '../lib/plugins/rehype-sup-sub.js'
import {walkShared} from '../lib/util/walk.js'
import {countPhases} from '../scripts/count-walks.js'

/** Pages, each with the most whole-tree walks its article phase may take. */
const pages: Array<[string, number]> = [
  // Splitting `<br>` runs reads each prose block's children once more.
  ['fixtures/core-seed/input.html', 5.5],
  ['fixtures/full-page-published-time/input.html', 6.5],
  ['fixtures/core-table-weather/input.html', 6.5]
]

for (const [page, ceiling] of pages) {
  test('walks: the article phase of ' + page + ' walks the tree at most ' + ceiling + ' times', function () {
    const file = new VFile(fs.readFileSync(new URL('../' + page, import.meta.url), 'utf8'))
    const tree = unified().use(rehypeParse).parse(file)
    const counted = countPhases(tree, () => unified().use(rehypeNewsArticle, {}).runSync(tree, file))
    assert.ok(counted.articleNodes !== undefined, 'pruned to an article root')
    const walks = counted.articleVisits / counted.articleNodes!
    assert.ok(walks > 0.5, 'the article is walked at all: ' + walks.toFixed(2))
    assert.ok(walks <= ceiling, walks.toFixed(2) + ' whole-tree walks over ' + counted.articleNodes + ' nodes')
  })
}

test('walks: the counter counts one read of each child as one walk', function () {
  const tree = unified().use(rehypeParse, {fragment: true}).parse('<p>a <b>b</b></p><p>c</p>')
  const counted = countPhases(tree, () => {
    const stack: Array<{children: Array<unknown>}> = [tree]
    while (stack.length > 0) {
      const node = stack.pop()!
      for (const child of node.children) if (typeof child === 'object' && child && 'children' in child) stack.push(child as {children: Array<unknown>})
    }
  })
  // 6 nodes below the root (2 paragraphs, 3 texts, 1 `<b>`), each read once.
  assert.is(counted.articleNodes, undefined)
  assert.is(counted.pageVisits, 6)
})

test('walks: short texts gathered on a shared walk answer `shortText` as its own walk does', function () {
  const limits: Array<[number, number]> = [
    [20, 300],
    [40, 40],
    [60, 300],
    [200, 300],
    [300, 300],
    [800, 300],
    [200, 5]
  ]
  for (const page of ['fixtures/core-seed/input.html', 'fixtures/full-page-published-time/input.html', 'fixtures/core-table-weather/input.html']) {
    const tree = unified()
      .use(rehypeParse)
      .parse(fs.readFileSync(new URL('../' + page, import.meta.url), 'utf8'))
    const gathering = gatherShortTexts()
    walkShared(tree, [gathering.listener])
    const elements: Array<Element> = []
    visitParents(tree, 'element', (node) => void elements.push(node))
    for (const element of elements) {
      for (const [length, nodes] of limits) {
        const walked = shortText(element, length, nodes)
        const answered = withShortTexts(gathering.result(), () => shortText(element, length, nodes))
        assert.is(answered, walked, page + ' <' + element.tagName + '> ' + length + '/' + nodes)
      }
    }
  }
})

test('walks: the collapse gathers superscript and subscript in document order, with their ancestors', function () {
  const html = '<div><p>10<sup>6</sup> and <span>H<sub>2</sub>O</span></p><b><b>x<sup>a<sup>b</sup></sup></b></b><p><sup>1</sup><sup>2</sup></p><ul><li>m<sup>2</sup></li></ul></div>'
  const tree = unified().use(rehypeParse, {fragment: true}).parse(html)
  const gathered = collapseFormatting(tree, supSubTags)
  const walked: Array<[Element, Array<Parents>]> = []
  visitParents(tree, 'element', function (node, ancestors) {
    if (supSubTags.has(node.tagName)) walked.push([node, ancestors as Array<Parents>])
  })
  assert.ok(gathered)
  assert.is(gathered.length, 7)
  assert.is(gathered.length, walked.length)
  for (const [index, [node, ancestors]] of gathered.entries()) {
    assert.is(node, walked[index][0], 'element ' + index)
    assert.equal(ancestors, walked[index][1], 'ancestors of element ' + index)
  }
})

test.run()
