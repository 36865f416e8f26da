// How often the hast stage walks the tree: counts (not time) from
// `scripts/count-walks.ts`, so that a change that adds walks is caught.
// The article phase (after pruning to the root) is held to the ceilings
// below, which only go down as walks are shared (issue 16 aims at 2).
import fs from 'node:fs'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {VFile} from 'vfile'
import {rehypeNewsArticle} from '../index.js'
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

test.run()
