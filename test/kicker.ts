/**
 * The kicker above a headline (`lib/analyse/clean/kicker.ts`): its
 * section's link or a short breadcrumb goes with the headline; a line that
 * reads as the article does not.
 */
import type {Element} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {select} from 'hast-util-select'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {kickerBefore} from '../lib/analyse/clean/kicker.js'

/** The kicker's text found before the `<h1>` of `html` (its parent's children before it). */
function kicker(html: string): string {
  const tree = fromHtml('<div id="head">' + html + '</div>', {fragment: true})
  const head = select('#head', tree) as Element
  const heading = select('h1', tree) as Element
  return kickerBefore(head, heading)
    .map((node) => select('a', node) || node)
    .map((node) => (node.children[0] && node.children[0].type === 'text' ? node.children[0].value : '?'))
    .join(' ')
}

test('kicker: a section link, a wrapped link and a short breadcrumb are kickers', function () {
  assert.is(kicker('<a class="section" href="/local/">Local</a><h1>Title</h1>'), 'Local')
  assert.is(kicker('\n<p class="kicker"><a href="/sport/">Sport</a></p>\n<!-- x --><h1>Title</h1>'), 'Sport')
  assert.is(kicker('<nav><a href="/news/">News</a> › <a href="/news/region/">Region</a></nav><h1>Title</h1>'), 'News')
  assert.is(kicker('<span><a href="/a/">A</a></span> <span><a href="/b/">B</a></span><h1>T</h1>'), 'A B', 'several elements together')
})

test('kicker: a sentence, plain text, a link without a target, media, long text and text before the headline are no kicker', function () {
  assert.is(kicker('<p>Read <a href="/live/">our live blog</a>.</p><h1>Title</h1>'), '', 'a sentence end')
  assert.is(kicker('<p class="kicker">Analysis</p><h1>Title</h1>'), '', 'text outside links')
  assert.is(kicker('<p><a href="#">Local</a></p><h1>Title</h1>'), '', 'a placeholder target')
  assert.is(kicker('<p><a>Local</a></p><h1>Title</h1>'), '', 'no target')
  assert.is(kicker('<p><a href="/g/"><img src="a.jpg" alt="">Gallery</a></p><h1>Title</h1>'), '', 'media')
  assert.is(kicker('<p><a href="/x/">One two three four five six</a></p><h1>Title</h1>'), '', 'more than five words')
  assert.is(kicker('<p><a href="/x/">' + 'x'.repeat(41) + '</a></p><h1>Title</h1>'), '', 'more than 40 characters')
  assert.is(kicker('Dateline <a href="/x/">Local</a><h1>Title</h1>'), '', 'text directly before the headline')
  assert.is(kicker('<h1>Title</h1><p><a href="/x/">Local</a></p>'), '', 'nothing before the headline')
})

test('kicker: a link nested 30,000 elements deep is read without overflowing the stack', function () {
  const depth = 30_000
  const head: Element = {type: 'element', tagName: 'div', properties: {}, children: []}
  let inner: Element = {type: 'element', tagName: 'a', properties: {href: '/deep/'}, children: [{type: 'text', value: 'Deep'}]}
  for (let level = 0; level < depth; level++) inner = {type: 'element', tagName: 'span', properties: {}, children: [inner]}
  const heading: Element = {type: 'element', tagName: 'h1', properties: {}, children: [{type: 'text', value: 'Title'}]}
  head.children.push(inner, heading)
  assert.equal(kickerBefore(head, heading), [inner])
})

test.run()
