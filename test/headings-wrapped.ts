// A merged root's titled item told from the index walk's headings
// (`headingsWrapped`) is the one a search of the wrapper finds.
import fs from 'node:fs'
import type {Element} from 'hast'
import rehypeParse from 'rehype-parse'
import {selectAll} from 'hast-util-select'
import {unified} from 'unified'
import {visitParents} from 'unist-util-visit-parents'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {indexPage} from '../lib/analyse/page-index.js'
import {headingsWrapped} from '../lib/analyse/root/headings-wrapped.js'
import {foldTitle, titledItem} from '../lib/analyse/root/titled-sibling.js'
import {attachWrapper} from '../lib/util/attach-wrapper.js'
import {textOf} from '../lib/util/text.js'

/** A story card: a heading and running text. */
function card(title: string, sentences: number): string {
  return '<div class="card"><h2>' + title + '</h2><p>' + (title + ' went on for a while, with enough words to count as prose. ').repeat(sentences) + '</p></div>'
}

// Runs of cards at several depths, a heading between, a heading as a block.
const made = [
  '<body><section><div class="intro"><p>Opening words of the page, a line or two.</p></div><div class="list">' +
    card('Storm closes the mountain pass', 12) +
    card('Markets rally after the vote', 10) +
    '</div><aside><p>Share</p></aside><div class="more"><div class="inner">' +
    card('Council approves the new budget', 12) +
    card('Harbour works begin next spring', 3) +
    '</div></div><h2>Storm closes the mountain pass</h2><p>Closing words.</p></section></body>',
  '<body><main><div><h3>Outer <h2>Storm closes the mountain pass</h2></h3><div class="card"><h2>Markets rally after the vote</h2><p>Text of the second card, long enough.</p></div></div><div><div class="row">' +
    card('Storm closes the mountain pass', 12) +
    card('River levels fall across the valley', 12) +
    '</div></div></main></body>'
]

test('headings-wrapped: a merged root’s titled item told from the index walk’s headings is the one a search finds', function () {
  let wrapped = 0
  let found = 0
  const pages = [
    ...made,
    ...['core-seed', 'full-page-published-time', 'generic-table-article', 'root-titled-sibling', 'root-titled-header-column'].map((name) =>
      fs.readFileSync(new URL('../fixtures/' + name + '/input.html', import.meta.url), 'utf8')
    )
  ]
  for (const html of pages) {
    const count = selectAll('div, section, main, body', unified().use(rehypeParse).parse(html)).length
    for (let at = 0; at < count; at++) {
      for (const step of [1, 2]) {
        const tree = unified().use(rehypeParse).parse(html)
        const index = indexPage(tree)
        const headings = index.titleHeadings!
        // Every heading's text is a title: several items are titled.
        const titles = headings.map((heading) => foldTitle(textOf(heading.element))).filter((title) => title.length > 0)
        const parents = new Map<Element, Element>()
        visitParents(tree, 'element', (node, ancestors) => void parents.set(node, ancestors[ancestors.length - 1] as Element))
        const parent = selectAll('div, section, main, body', tree)[at]
        // Every block, or every other one (what lies between stays), as content scoring merges siblings.
        const children = parent.children.filter((child, index): child is Element => child.type === 'element' && index % step === 0)
        if (children.length < 2) continue
        const wrapper: Element = {type: 'element', tagName: 'div', properties: {}, children}
        attachWrapper(tree, wrapper, (element) => parents.get(element))
        wrapped++
        const inside = headingsWrapped(headings, wrapper)
        // Each heading's ancestors are its real ones up to the wrapper.
        const real: Array<Element> = []
        visitParents(wrapper, 'element', function (node, ancestors) {
          if (!/^h[1-3]$/.test(node.tagName)) return
          real.push(node)
          const recorded = inside.find((heading) => heading.element === node)
          assert.ok(recorded, '<' + node.tagName + '> found')
          assert.equal(recorded.ancestors, [...ancestors].reverse(), 'ancestors of <' + node.tagName + '>')
        })
        assert.is(inside.length, real.length)
        // Of the `<h1>`s alone: whether the wrapper holds one.
        assert.is(
          headingsWrapped(index.headlines!, wrapper).length > 0,
          real.some((node) => node.tagName === 'h1'),
          'holds an <h1>'
        )
        const item = titledItem(wrapper, titles, inside)
        assert.is(item, titledItem(wrapper, titles), 'item of a wrapper at ' + at)
        if (item) found++
      }
    }
  }
  assert.ok(wrapped > 20 && found > 0, 'wrapped ' + wrapped + ', titled items ' + found)
})

test('headings-wrapped: white space between a merged root’s blocks is no block', function () {
  const html = '<body><div><h2>First story</h2><p>One.</p></div>\n<div><h2>Second story</h2><p>Two.</p></div></body>'
  const tree = unified().use(rehypeParse).parse(html)
  const index = indexPage(tree)
  const parents = new Map<Element, Element>()
  visitParents(tree, 'element', (node, ancestors) => void parents.set(node, ancestors[ancestors.length - 1] as Element))
  const body = selectAll('body', tree)[0]
  const wrapper: Element = {type: 'element', tagName: 'div', properties: {}, children: [...body.children]}
  assert.ok(
    wrapper.children.some((child) => child.type === 'text'),
    'white space between the blocks'
  )
  attachWrapper(tree, wrapper, (element) => parents.get(element))
  const inside = headingsWrapped(index.titleHeadings!, wrapper)
  assert.equal(
    inside.map((heading) => textOf(heading.element)),
    ['First story', 'Second story']
  )
})

test.run()
