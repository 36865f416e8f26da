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
import {articleTail, judgeTail} from '../lib/analyse/root/article-tail.js'

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

test('article tail: what pruning drops of the article after the root is recorded, the sidebar is not', async function () {
  const file = await convert(await fixture('generic-related-after-root'))
  const removals = file.data.removals || []
  assert.equal(
    removals.filter((removal) => removal.rule.startsWith('outside-root')).map((removal) => removal.element + ' ' + removal.rule),
    ['div.newsletter-signup outside-root-furniture']
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

test.run()
