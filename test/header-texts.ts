// The texts after the headline told from the index walk (`recordedHeaderTexts`)
// are those a walk from the top of the page to the root reads, for every
// element as the root, and for a merged root's wrapper.
import fs from 'node:fs'
import type {Element, Root} from 'hast'
import rehypeParse from 'rehype-parse'
import {selectAll} from 'hast-util-select'
import {unified} from 'unified'
import {visitParents} from 'unist-util-visit-parents'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {indexPage} from '../lib/analyse/page-index.js'
import type {PageIndex} from '../lib/analyse/page-index.js'
import {recordHeaderLeads, recordHeaderMoved, recordHeaderWrapper, recordedHeaderTexts, walkedHeaderTexts} from '../lib/analyse/meta/header-texts.js'
import {attachWrapper} from '../lib/util/attach-wrapper.js'
import {VFile} from 'vfile'
import {rehypeNewsArticle, rehypeResolveProfile} from '../index.js'

// A headline in the navigation first (boilerplate), the byline in a script's neighbour, a root in a script, in the headline, before it.
const made = [
  '<body><nav><h1>Site name</h1></nav><div id="top"><p>Before the headline</p></div><header><h1>标题：<b>暴雨</b>来袭</h1><script>var a = "本报记者 王五"</script><noscript>无脚本</noscript><div class="meta"><span>石佳/中国青年报</span> <span>2024年5月1日</span></div></header>' +
    '<section><p>正文第一段，记者在现场了解到情况。</p><p>第二段</p><p>第三段</p><style>p{}</style><p>第四段</p></section></body>',
  '<body><div><h1>Headline</h1>' + Array.from({length: 16}, (_, at) => '<p>Line ' + at + ' <i>and more</i></p>').join('') + '</div><script><p>x</p></script></body>',
  '<body><p>No headline here at all.</p><div><p>Text</p></div></body>',
  // More texts than the walk reads: a long lead, then short paragraphs.
  '<body><h1>Headline</h1><p>' +
    Array.from({length: 55}, (_, at) => '<i>w' + at + '</i> ').join('') +
    '</p>' +
    Array.from({length: 20}, (_, at) => '<p>Line ' + at + '</p>').join('') +
    '<div>Root</div></body>',
  // More texts than the walk reads in one paragraph of lines: the text after the last is met with no element before it.
  '<body><h1>Headline</h1><p>' + Array.from({length: 70}, (_, at) => 'Line ' + at + '<br>').join('') + 'Last line</p><div>Root</div></body>'
]
const fixtures = ['meta-cjk-byline-agency-dateline', 'meta-cjk-byline-reporter-place', 'meta-cjk-byline-filed-from', 'core-seed', 'full-page-published-time', 'generic-table-article']

/** The non-excluded `<h1>`s, as `headerByline` takes them. */
function headlines(index: PageIndex): Set<Element> {
  return new Set(index.headings.filter((entry) => !entry.context.excluded).map((entry) => entry.element))
}

/** Every element of `tree`. */
function elements(tree: Root): Array<Element> {
  const found: Array<Element> = []
  visitParents(tree, 'element', (node) => void found.push(node))
  return found
}

const pages = [...made, ...fixtures.map((name) => fs.readFileSync(new URL('../fixtures/' + name + '/input.html', import.meta.url), 'utf8'))]

test('header-texts: the texts between the headline and each element as the root, told from the index walk, are those a walk reads', function () {
  let told = 0
  let some = 0
  for (const html of pages) {
    const tree = unified().use(rehypeParse).parse(html)
    const index = indexPage(tree, {headerTexts: true})
    assert.ok(index.headerTexts, 'recorded')
    const headings = headlines(index)
    for (const root of elements(tree)) {
      const recorded = recordedHeaderTexts(index.headerTexts, tree, root)
      assert.equal(recorded, walkedHeaderTexts(tree, headings, root), '<' + root.tagName + '> of ' + html.slice(0, 60))
      told++
      if (recorded && recorded.length > 0) some++
    }
  }
  assert.ok(told > 400 && some > 100, 'told ' + told + ', with texts ' + some)
})

test('header-texts: a merged root stands where its first block was; blocks moved otherwise tell nothing', function () {
  let wrapped = 0
  for (const html of pages) {
    const count = selectAll('div, section, header, body', unified().use(rehypeParse).parse(html)).length
    for (let at = 0; at < count; at++) {
      for (const step of [1, 2]) {
        const tree = unified().use(rehypeParse).parse(html)
        const index = indexPage(tree, {headerTexts: true})
        const headings = headlines(index)
        const parents = new Map<Element, Element>()
        visitParents(tree, 'element', (node, ancestors) => void parents.set(node, ancestors[ancestors.length - 1] as Element))
        const parent = selectAll('div, section, header, body', tree)[at]
        const children = parent.children.filter((child, place): child is Element => child.type === 'element' && place % step === 0)
        if (children.length < 2) continue
        const wrapper: Element = {type: 'element', tagName: 'div', properties: {}, children}
        const first = attachWrapper(tree, wrapper, (element) => parents.get(element))
        assert.ok(first)
        recordHeaderWrapper(index.headerTexts!, wrapper, first)
        assert.equal(recordedHeaderTexts(index.headerTexts, tree, wrapper), walkedHeaderTexts(tree, headings, wrapper), 'wrapper at ' + at + ' of ' + html.slice(0, 60))
        wrapped++
        recordHeaderMoved(index.headerTexts!)
        assert.is(recordedHeaderTexts(index.headerTexts, tree, wrapper), undefined)
      }
    }
  }
  assert.ok(wrapped > 20, 'wrapped ' + wrapped)
})

test('header-texts: leads moved into the root leave the texts before it', function () {
  let moved = 0
  let told = 0
  for (const html of pages) {
    const count = selectAll('p, div', unified().use(rehypeParse).parse(html)).length
    for (let root = 0; root < count; root++) {
      // No lead, the first paragraph after the headline, two of them (one inside the other's line or not).
      for (const pick of [[], [0], [0, 1], [1, 3]]) {
        const tree = unified().use(rehypeParse).parse(html)
        const index = indexPage(tree, {headerTexts: true})
        const headings = headlines(index)
        const target = selectAll('p, div', tree)[root]
        const paragraphs = selectAll('p', tree).filter((p) => !selectAll('*', target).includes(p) && !selectAll('*', p).includes(target) && p !== target)
        const leads = pick.map((at) => paragraphs[at]).filter(Boolean)
        if (leads.length < pick.length) continue
        const parents = new Map<Element, Element>()
        visitParents(tree, 'element', (node, ancestors) => void parents.set(node, ancestors[ancestors.length - 1] as Element))
        for (const lead of leads) {
          const parent = parents.get(lead)!
          parent.children.splice(parent.children.indexOf(lead), 1)
        }
        target.children.unshift(...leads)
        recordHeaderLeads(index.headerTexts!, leads)
        const recorded = recordedHeaderTexts(index.headerTexts, tree, target)
        if (recorded) {
          assert.equal(recorded, walkedHeaderTexts(tree, headings, target), 'root ' + root + ' leads ' + pick.join('+') + ' of ' + html.slice(0, 60))
          told++
        }
        moved++
      }
    }
  }
  assert.ok(moved > 300 && told > moved * 0.8 && told < moved, 'moved ' + moved + ', told ' + told)
})

test('header-texts: an analysis made before the chain (its headings prepared after the index walk) tells nothing', function () {
  for (const before of [false, true]) {
    const file = new VFile(made[0])
    const tree = unified().use(rehypeParse).parse(file)
    if (before) unified().use(rehypeResolveProfile).runSync(tree, file)
    let stale: boolean | undefined
    unified()
      .use(rehypeNewsArticle)
      .use(() => (_: Root, file: VFile) => void (stale = file.data.analysis?.index.headerTexts?.stale))
      .runSync(tree, file)
    assert.is(stale, before, before ? 'analysed before' : 'analysed in the chain')
  }
})

test('header-texts: not recorded unless asked; not enumerable', function () {
  const tree = unified().use(rehypeParse).parse(made[0])
  assert.is(indexPage(tree).headerTexts, undefined)
  assert.not.ok(Object.keys(indexPage(tree, {headerTexts: true})).includes('headerTexts'))
  assert.is(recordedHeaderTexts(indexPage(tree, {headerTexts: true}).headerTexts, unified().use(rehypeParse).parse(made[0]), tree.children[0] as Element), undefined, 'another tree')
})

test.run()
