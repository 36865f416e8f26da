/**
 * The blocks of the article container after the chosen root
 * (`articleTail`, `judgeTail`): related lists are kept, the rest recorded
 * as removals; a sidebar outside the `<article>` is neither.
 */
import fs from 'node:fs/promises'
import type {Element, Root} from 'hast'
import rehypeParse from 'rehype-parse'
import {select} from 'hast-util-select'
import {visitParents} from 'unist-util-visit-parents'
import {unified} from 'unified'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {convert} from '../index.js'
import {articleHead, articleTail, judgeHead, judgeTail} from '../lib/analyse/root/article-tail.js'
import {leadAboveRoot} from '../lib/analyse/root/lead-above-root.js'

async function fixture(name: string) {
  return fs.readFile(new URL('../fixtures/' + name + '/input.html', import.meta.url), 'utf8')
}

function parse(html: string) {
  const tree = unified().use(rehypeParse, {fragment: true}).parse(html) as Root
  const parents = new Map<Element, Root | Element>()
  visitParents(tree, 'element', function (node, ancestors) {
    parents.set(node, ancestors[ancestors.length - 1] as Root | Element)
  })
  return {tree, parentOf: (node: Element) => parents.get(node)}
}

test('article tail: what pruning drops of the article before and after the root is recorded, the sidebar is not', async function () {
  const file = await convert(await fixture('generic-related-after-root'))
  const removals = file.data.removals || []
  assert.equal(
    removals.filter((removal) => removal.rule.startsWith('outside-root')).map((removal) => removal.element + ' ' + removal.rule),
    // The byline before the root is recorded too (the headline, now the title, is not).
    ['p.byline outside-root', 'div.newsletter-signup outside-root-furniture']
  )
  assert.ok(!removals.some((removal) => removal.sample && removal.sample.includes('Most read')), 'the sidebar outside the article is not the article’s')
  assert.ok(file.data.verdict && file.data.verdict.measurements.removedCharacters > 0)
  assert.is(file.data.related && file.data.related.length, 3)
})

test('article tail: comments in the article after the root are recorded as a comment thread', async function () {
  const file = await convert(await fixture('generic-related-after-root-read-more'))
  const rules = (file.data.removals || []).map((removal) => removal.element + ' ' + removal.rule)
  assert.ok(rules.includes('section.comments comment-thread'), rules.join(', '))
  assert.ok(!file.messages.some((message) => message.ruleId === 'dropped-content'))
})

test('article tail: a long section of prose after the root is reported', async function () {
  const sentence = (n: number) => 'Witness ' + n + ' told the committee that the new bus lanes had made the morning journey across town longer, not shorter, and asked for a review. '
  const paragraph = (from: number) => '<p>' + [0, 1, 2, 3, 4, 5].map((n) => sentence(from + n)).join('') + '</p>'
  const body = '<div class="story-body">' + paragraph(0) + paragraph(10) + paragraph(20) + '</div>'
  const html =
    '<body><article><h1>Bus lanes</h1>' + body + '<div class="coda"><h2>The other view</h2>' + paragraph(30).replace(/Witness/g, 'Driver') + '</div></article><aside><p>Sidebar</p></aside></body>'
  const file = await convert(html, {url: 'https://example.org/bus'})
  const removals = (file.data.removals || []).filter((removal) => removal.rule === 'outside-root')
  assert.equal(
    removals.map((removal) => removal.element + ' ' + String(removal.reported)),
    ['div.coda true']
  )
  assert.ok(file.messages.some((message) => message.ruleId === 'dropped-content'))
})

test('article tail: no `<article>` above the root, no tail; parents unknown, none', function () {
  const {tree, parentOf} = parse('<div class="page"><div id="root"><p>Text</p></div><ul><li><a href="/a">A</a></li></ul></div>')
  const root = select('#root', tree)!
  assert.is(articleTail(root, parentOf), undefined)
  assert.is(
    articleTail(root, () => undefined),
    undefined
  )
})

test('article tail: a related heading titles the list right after it at the same level only; `Read more` needs two links', function () {
  const {tree, parentOf} = parse(
    '<article><div class="w"><div id="root"><p>Text</p></div><h2>Related</h2></div>' +
      '<ul><li><a href="/a">Alpha story</a></li><li><a href="/b">Beta story</a></li></ul>' +
      '<h2>Read more</h2><p><a href="/c">Gamma story</a></p>' +
      '<h2>Read more</h2><ul><li><a href="/d">Delta story</a></li><li><a href="/e">Epsilon story</a></li></ul>' +
      '<div class="related-posts"><p>No links here at all, only words.</p></div>' +
      '<div class="comments"><p>A reader wrote in.</p></div><p>A note from the editor on how the story was reported.</p><div class="spacer"></div></article>'
  )
  const root = select('#root', tree)!
  const tail = articleTail(root, parentOf)!
  const verdicts = judgeTail(tail)
  const described = tail.map(({node}, index) => {
    const verdict = verdicts[index]
    return node.tagName + ' ' + (verdict.keep ? 'keep' + (verdict.heading ? ' titled' : '') : verdict.rule)
  })
  assert.equal(described, [
    'h2 outside-root',
    'ul outside-root-furniture',
    'h2 outside-root',
    'p outside-root-furniture',
    'h2 keep',
    'ul keep titled',
    'div outside-root-furniture',
    'div comment-thread',
    'p outside-root',
    'div outside-root'
  ])
})

test('article head: the blocks before the root in the `<article>`, in document order, judged as the tail is (none kept)', function () {
  const {tree, parentOf} = parse(
    '<p>Before the article.</p><article><header><h1>Title</h1></header><div class="related"><a href="/a">Alpha story</a> <a href="/b">Beta story</a></div>' +
      '<div class="w"><p>An introduction that the root left out of the article.</p><div class="comments"><p>A reader wrote in.</p></div><div id="root"><p>Text</p></div><p>After.</p></div></article>'
  )
  const root = select('#root', tree)!
  const head = articleHead(root, parentOf)!
  assert.equal(
    head.map(({node}) => node.tagName + (node.properties.className ? '.' + String(node.properties.className) : '')),
    ['header', 'div.related', 'p', 'div.comments']
  )
  assert.equal(judgeHead(head), ['outside-root', 'outside-root-furniture', 'outside-root', 'comment-thread'])
  assert.is(articleHead(select('p', tree)!, parentOf), undefined)
})

test('article head: the pictures of a block before the root are reported once per URL, not a placeholder beside them nor an author’s picture', async function () {
  const sentence = (n: number) => 'Resident ' + n + ' said the new ferry timetable left the island without a boat for most of the afternoon on weekdays. '
  const body = '<div class="story-body">' + [0, 1, 2].map((k) => '<p>' + [0, 1, 2, 3].map((n) => sentence(k * 10 + n)).join('') + '</p>').join('') + '</div>'
  const pictures =
    '<div class="hero"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="https://example.org/hero.jpg" alt="Pier"><img src="https://example.org/hero.jpg" alt="Pier">' +
    '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="x"><img class="avatar" src="https://example.org/u/1.jpg" alt="Reporter"><img src="https://example.org/author-jo.jpg" alt="Jo"><p>The pier at dawn</p></div>'
  const file = await convert('<body><article><h1>Ferry timetable</h1>' + pictures + body + '</article></body>', {url: 'https://example.org/ferry'})
  const images = (file.data.removals || []).filter((removal) => removal.kind === 'image' && removal.rule === 'outside-root')
  assert.equal(
    images.map((removal) => removal.sample),
    ['https://example.org/hero.jpg']
  )
  assert.ok(file.messages.some((message) => message.ruleId === 'dropped-image' && message.reason.includes('hero.jpg')))
})

test('article head: a lead right above the root is taken, with the picture between it and the root, past furniture and empty blocks', function () {
  const lead = 'The council approved the new budget on Tuesday after a debate that lasted most of the night.'
  const page = (before: string, root = '<div id="root"><p>Body text of the article.</p></div>') => parse('<article>' + before + root + '</article>')
  const take = (before: string, titles: Array<string> = [], root?: string) => {
    const {tree, parentOf} = page(before, root)
    return leadAboveRoot(select('#root', tree)!, parentOf, titles).map(({node}) => node.tagName + (node.properties.className ? '.' + String(node.properties.className) : ''))
  }
  const figure = '<figure><img src="https://example.org/a.jpg" alt="A"><figcaption>The chamber.</figcaption></figure>'
  const share = '<div class="share"><a href="/f">Facebook</a> <a href="/t">X</a></div>'
  assert.equal(take('<h2>Budget</h2><p class="standfirst">' + lead + '</p>' + share + figure + '<div class="ad-slot"></div><script>x()</script> '), ['p.standfirst', 'figure'])
  // Nested: the siblings of the root first, then those of its ancestors.
  assert.equal(take('<p>' + lead + '</p>', [], '<div class="wrap"><div hidden><p>' + lead + '</p></div><div id="root"><p>Body.</p></div></div>'), ['p'])
  // A picture alone, a caption-named paragraph, a notice, the title, a heading between, loose text, more than three paragraphs: none.
  assert.equal(take(figure), [])
  assert.equal(take('<p class="caption">' + lead + '</p>'), [])
  assert.equal(take('<p class="notice">' + lead + '</p>'), [])
  assert.equal(take('<p>' + lead + '</p>', [foldTitleOf(lead) + ' city news']), [])
  assert.equal(take('<p>' + lead + '</p><h3>Background</h3>'), [])
  assert.equal(take('<p>' + lead + '</p>Loose words'), [])
  assert.equal(take('<p>' + lead + '</p><p>' + lead + '</p><p>' + lead + '</p><p>' + lead + '</p>'), [])
  // Two pictures: the search ends at the second; a picture above a paragraph is not taken; a block of another kind ends it.
  assert.equal(take('<p>' + lead + '</p>' + figure + figure), [])
  assert.equal(take(figure + '<p>' + lead + '</p>'), ['p'])
  assert.equal(take('<p>' + lead + '</p><div><p>Short.</p><p>Other.</p></div>'), [])
  // No `<article>` holding the root: none.
  const {tree, parentOf} = parse('<div><p>' + lead + '</p><div id="root"><p>Body.</p></div></div>')
  assert.equal(leadAboveRoot(select('#root', tree)!, parentOf, []), [])
})

function foldTitleOf(text: string): string {
  return text.toLowerCase().replace(/[.,]/g, '')
}

test.run()
