import fs from 'node:fs'
/**
 * The page index (`lib/analyse/page-index.ts`): the `<h1>`s it records,
 * also inside subtrees it does not index (an `<svg>`'s `<foreignObject>`),
 * and which of several page addresses it names (the one a depth-first
 * search with a stack meets first, `metBefore`).
 */
import {fromHtml} from 'hast-util-from-html'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {indexPage, metBefore} from '../lib/analyse/page-index.js'
import {visitParents} from 'unist-util-visit-parents'

test('page index: `<h1>`s inside an `<svg>` are recorded with their ancestors; an `<svg>` without one adds none', function () {
  const tree = fromHtml(
    '<body><h1>Ferry timetable changes</h1><svg><title>Map</title><foreignObject><div><h1>Route map</h1></div></foreignObject></svg><svg><circle r="2"></circle></svg><p>The first ferry leaves at six.</p></body>'
  )
  const headlines = indexPage(tree).headlines || []
  assert.equal(
    headlines.map((headline) => [headline.element.children.map((child) => (child.type === 'text' ? child.value : '')).join(''), headline.ancestors.map((ancestor) => ancestor.tagName).join(' < ')]),
    [
      ['Ferry timetable changes', 'body < html'],
      ['Route map', 'div < foreignObject < svg < body < html']
    ]
  )
})

test('page index: every `<h1>`–`<h3>` is recorded with its ancestors, also those in subtrees the index skips (`<svg>`, `<noscript>`, `<script>`)', function () {
  const made =
    '<body><svg><g><foreignObject><h2>In a drawing</h2><div><h3>Deeper <h1>inside</h1></h3></div></foreignObject></g></svg><noscript><div><h1>No script</h1></div></noscript>' +
    '<main><h1>Headline</h1><meta itemprop="x"><section><h2>Part</h2><svg><circle r="1"></circle></svg></section></main></body>'
  let checked = 0
  for (const html of [
    made,
    ...['core-seed', 'full-page-published-time', 'generic-table-article', 'root-titled-sibling'].map((name) => fs.readFileSync(new URL('../fixtures/' + name + '/input.html', import.meta.url), 'utf8'))
  ]) {
    for (const scripting of [true, false]) {
      const tree = fromHtml(html, {})
      if (!scripting) visitParents(tree, 'element', (node) => void (node.tagName === 'noscript' && (node.tagName = 'div')))
      const recorded = (indexPage(tree).titleHeadings || []).map((heading) => [heading.element, ...heading.ancestors])
      const walked: Array<Array<unknown>> = []
      visitParents(tree, 'element', function (node, ancestors) {
        if (/^h[1-3]$/.test(node.tagName)) walked.push([node, ...ancestors.filter((ancestor) => ancestor.type === 'element').reverse()])
      })
      assert.is(recorded.length, walked.length, html.slice(0, 60))
      for (const line of walked)
        assert.ok(
          recorded.some((other) => other.length === line.length && other.every((element, at) => element === line[at])),
          'recorded: ' + html.slice(0, 60)
        )
      checked += walked.length
    }
  }
  assert.ok(checked > 20, 'headings: ' + checked)
})

test('page index: the walk order of trails (`metBefore`): a node before its descendants, later siblings’ subtrees before earlier ones', function () {
  // An ancestor first; two children of one node in their order.
  assert.ok(metBefore([0], [0, 1]))
  assert.not.ok(metBefore([0, 1], [0]))
  assert.ok(metBefore([0, 1], [0, 2]))
  assert.not.ok(metBefore([0, 2], [0, 1]))
  // A child of a node is met before anything deeper in its siblings' subtrees.
  assert.ok(metBefore([0, 1], [0, 0, 5]))
  assert.not.ok(metBefore([0, 0, 5], [0, 1]))
  // Deeper in both: the later sibling's subtree first.
  assert.ok(metBefore([0, 2, 0], [0, 1, 0]))
  assert.not.ok(metBefore([0, 1, 0], [0, 2, 0]))
})

test('page index: of two canonical links, the one the stack search meets first names the page', function () {
  const tree = fromHtml(
    '<html><head><link rel="canonical" href="https://harbour.example/first"></head><body><div><link rel="canonical" href="https://harbour.example/deep"></div><link rel="canonical" href="https://harbour.example/second"></body></html>'
  )
  // Children of a node are examined together, the later subtrees first: the body's own link before the one in its division and the head's.
  assert.is(indexPage(tree).address.canonical, 'https://harbour.example/second')
})

test('page index: headings are prepared once each, with or without block statistics', function () {
  for (const stats of [false, true]) {
    const prepared: Array<string> = []
    const tree = fromHtml('<head><title>Ferries</title></head><body><h1>Ferry timetable changes</h1><p>The first ferry leaves at six.</p><h2>Winter</h2></body>')
    const index = indexPage(tree, {
      stats,
      prepare(element) {
        prepared.push(element.tagName)
        return undefined
      }
    })
    assert.equal(prepared, ['title', 'h1', 'h2'], String(stats))
    assert.is(index.stats !== undefined, stats)
  }
})

test('page index: text right under the root of a fragment is no cue (only text in an element is)', function () {
  assert.equal(indexPage(fromHtml('By Jane Doe, staff reporter', {fragment: true})).cues, [])
  assert.equal(
    indexPage(fromHtml('<p>By Jane Doe, staff reporter</p>', {fragment: true})).cues.map((cue) => cue.value),
    ['By Jane Doe, staff reporter']
  )
})

test.run()
