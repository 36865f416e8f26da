// How often the hast stage walks the tree: counts (not time) from
// `scripts/count-walks.ts`, so that a change that adds walks is caught.
// Both phases are held to the ceilings below, which only go down as walks
// are shared (issue 16 aims at 2 each).
import fs from 'node:fs'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {VFile} from 'vfile'
import {rehypeNewsArticle} from '../index.js'
import {countPhases} from '../scripts/count-walks.js'

/** Pages, each with the most whole-tree walks its page phase (before pruning) and its article phase may take. */
const pages: Array<[string, {page: number; article: number}]> = [
  // Page 8.2: the index walk (1), the root read again for the verdict (0.6),
  // its rendered lines for a byline (1.3, the whole of a short article), the
  // lead under the headline (1.8: parents, `<h1>`s, the way to the root),
  // candidates' text (0.7), byline lines (0.4).
  // Article 7: splitting `<br>` runs reads each prose block's children once more.
  ['fixtures/core-seed/input.html', {page: 8.5, article: 7}],
  ['fixtures/full-page-published-time/input.html', {page: 5.5, article: 9}],
  ['fixtures/core-table-weather/input.html', {page: 8.5, article: 9}]
]

for (const [page, ceiling] of pages) {
  test('walks: ' + page + ' walks the tree at most ' + ceiling.page + ' times before pruning, ' + ceiling.article + ' after', function () {
    const file = new VFile(fs.readFileSync(new URL('../' + page, import.meta.url), 'utf8'))
    const tree = unified().use(rehypeParse).parse(file)
    const counted = countPhases(tree, () => unified().use(rehypeNewsArticle, {}).runSync(tree, file))
    assert.ok(counted.articleNodes !== undefined, 'pruned to an article root')
    const pageWalks = counted.pageVisits / counted.pageNodes
    assert.ok(pageWalks >= 1, 'the page is walked at least once (the index walk): ' + pageWalks.toFixed(2))
    assert.ok(pageWalks <= ceiling.page, 'page phase: ' + pageWalks.toFixed(2) + ' whole-tree walks over ' + counted.pageNodes + ' nodes')
    const walks = counted.articleVisits / counted.articleNodes!
    assert.ok(walks > 0.5, 'the article is walked at all: ' + walks.toFixed(2))
    assert.ok(walks <= ceiling.article, 'article phase: ' + walks.toFixed(2) + ' whole-tree walks over ' + counted.articleNodes + ' nodes')
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
