// The verdict (`file.data.verdict`): each check on pages that trip it, the
// measurements behind it, and the fallbacks that keep a page with text from
// failing (`no-content` only when there is truly nothing).
import fs from 'node:fs/promises'
import {fromHtml} from 'hast-util-from-html'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import path from 'node:path'
import {convert} from '../index.js'
import {cli, folder} from './util/cli-harness.js'
import type {Verdict, VerdictMeasurements} from '../lib/types.js'
import {select, selectAll} from 'hast-util-select'
import type {Element} from 'hast'
import {collectCandidates, fieldEvidence} from '../lib/verdict/fields.js'
import {codePoints, measurePageText, recordWrapped} from '../lib/verdict/page-text.js'
import {attachWrapper} from '../lib/util/attach-wrapper.js'
import {isWhiteSpace} from '../lib/util/text.js'
import {indexPage} from '../lib/analyse/page-index.js'
import {forgetTexts, memoText, withTextMemo} from '../lib/analyse/text-memo.js'
import type {TextMemo} from '../lib/analyse/text-memo.js'
import {measurePage} from '../lib/verdict/index.js'
import {rehypeExtractMeta, rehypeResolveProfile, rehypeSelectRoot} from '../index.js'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {judge, thresholds} from '../lib/verdict/rules.js'
import {isGluedName, splitAuthors} from '../lib/verdict/authors.js'
import {boilerplateTail} from '../lib/verdict/tail.js'
import {otherReadings} from '../lib/verdict/visible-date.js'
import {sameDay} from '../lib/verdict/fields.js'

const fixtures = new URL('../fixtures/', import.meta.url)

async function fixture(name: string): Promise<{verdict: Verdict; ruleIds: Array<string>}> {
  const folder = new URL(name + '/', fixtures)
  const options = JSON.parse(await fs.readFile(new URL('options.json', folder), 'utf8').catch(() => '{}'))
  const file = await convert(await fs.readFile(new URL('input.html', folder), 'utf8'), options)
  assert.ok(file.data.verdict, 'a verdict on ' + name)
  return {verdict: file.data.verdict!, ruleIds: file.messages.map((message) => String(message.ruleId))}
}

const sentence = (topic: string, index: number) => 'The ' + topic + ' report number ' + index + ' says that the committee met on Tuesday and agreed to publish its findings in the spring.'
const paragraphs = (topic: string, count: number) => Array.from({length: count}, (_, index) => '<p>' + sentence(topic, index) + '</p>').join('')

test('verdict: a sidebar chosen as the root (a profile selector matching it first) fails, for its short output and its root', async function () {
  const {verdict} = await fixture('verdict-sidebar-root')
  assert.is(verdict.status, 'failed')
  assert.equal(verdict.reasons, ['short-article', 'suspect-root'])
  assert.is(verdict.measurements.titleNearRoot, false)
  assert.ok(verdict.measurements.sentenceTextOutsideRoot > 0.9)
  assert.ok(verdict.measurements.pageCharacters > 800)
})

test('verdict: a browser-upgrade notice as the whole output is a short article to review', async function () {
  const {verdict, ruleIds} = await fixture('verdict-browser-upgrade')
  assert.is(verdict.status, 'review')
  assert.equal(verdict.reasons, ['short-article'])
  assert.ok(ruleIds.includes('short-article'))
  assert.ok(verdict.measurements.outputCharacters < thresholds.shortWeight)
  assert.is(verdict.measurements.outputParagraphs, 1)
})

test('verdict: ad, paywall and cookie classes on <body> and wrappers remove nothing of the article', async function () {
  const {verdict} = await fixture('verdict-body-ad-class')
  assert.is(verdict.status, 'ok')
  assert.equal(verdict.reasons, [])
  assert.is(verdict.measurements.droppedCharacters, 0)
  assert.ok(verdict.measurements.outputCharacters > 700)
})

test('verdict: an article inside a <form> is kept, controls aside', async function () {
  const {verdict} = await fixture('verdict-article-in-form')
  assert.is(verdict.status, 'ok')
  assert.ok(verdict.measurements.outputCharacters > 700)
  assert.is(verdict.measurements.outputParagraphs, 4)
})

test('verdict: a JSON-LD date contradicting the visible date is a metadata conflict', async function () {
  const {verdict} = await fixture('verdict-json-ld-date-conflict')
  assert.is(verdict.status, 'review')
  assert.equal(verdict.reasons, ['metadata-conflict'])
  assert.equal(verdict.measurements.fields.date, {
    source: 'json-ld:NewsArticle.datePublished',
    conflict: {value: '2021-03-14', source: 'visible-date'}
  })
  assert.equal(verdict.measurements.fields.author, {source: 'json-ld:NewsArticle.author', conflict: null})
})

test('verdict: a plain article is ok, with every measurement filled', async function () {
  const file = await convert(
    '<html><head><title>Committee report</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>' +
      '<article><h1>Committee report</h1>' +
      paragraphs('committee', 6) +
      '</article><footer>Contact us</footer></body></html>',
    {url: 'https://news.example.com/report'}
  )
  const verdict = file.data.verdict!
  assert.is(verdict.status, 'ok')
  const keys: Array<keyof VerdictMeasurements> = [
    'outputCharacters',
    'outputParagraphs',
    'pageCharacters',
    'sentenceTextOutsideRoot',
    'titleNearRoot',
    'leadOutsideRoot',
    'linkTextShare',
    'removedCharacters',
    'droppedCharacters',
    'removedMedia',
    'replacementCharacters',
    'boilerplateTail',
    'authorNames',
    'authorGlued',
    'fields'
  ]
  assert.equal(Object.keys(verdict.measurements).sort(), [...keys].sort())
  assert.is(verdict.measurements.boilerplateTail, null)
  assert.is(verdict.measurements.authorNames, 0)
  assert.is(verdict.measurements.outputParagraphs, 6)
  assert.is(verdict.measurements.sentenceTextOutsideRoot, 0)
  assert.is(verdict.measurements.titleNearRoot, true)
  assert.is(verdict.measurements.linkTextShare, 0)
  assert.equal(verdict.measurements.fields.title, {source: 'h1', conflict: null})
  assert.equal(verdict.measurements.fields.author, {source: null, conflict: null})
})

test('verdict: cleaning that would empty the root is undone and flagged, never `no-content`', async function () {
  for (const tag of ['aside', 'nav']) {
    const file = await convert('<html><body><article class="post"><' + tag + ' class="entry-aside">' + paragraphs('storm', 3) + '</' + tag + '></article></body></html>')
    assert.match(String(file), /storm report number 2/)
    assert.is(file.data.verdict!.status, 'review')
    assert.equal(file.data.verdict!.reasons, ['suspect-root'])
  }
  // Truly nothing: still fatal.
  try {
    await convert('<html><body><nav><a href="/">Home</a></nav></body></html>')
    assert.unreachable('should fail')
  } catch (error) {
    assert.match(String(error), /Nothing convertible/)
  }
})

test('verdict: relative links without a page URL are reported, with the option to fix them', async function () {
  const html = '<html><body><article><h1>Report</h1>' + paragraphs('budget', 3) + '<p>See <a href="/budget/2024">the budget</a> for details.</p></article></body></html>'
  const without = await convert(html)
  const message = without.messages.find((m) => m.ruleId === 'relative-urls-unresolved')
  assert.ok(message)
  assert.match(message!.reason, /`url` option \(CLI: `--base-url`\)/)
  assert.is(without.data.verdict!.status, 'ok')
  const withUrl = await convert(html, {url: 'https://news.example.com/a'})
  assert.not.ok(withUrl.messages.some((m) => m.ruleId === 'relative-urls-unresolved'))
})

test('verdict: garbled text (U+FFFD) is flagged', async function () {
  const garbled = paragraphs('bridge', 4).replace(/committee/g, 'Gr\ufffd\ufffde K\ufffdln')
  const file = await convert('<html><body><article><h1>Bridge</h1>' + garbled + '</article></body></html>')
  assert.ok(file.data.verdict!.measurements.replacementCharacters >= thresholds.replacementCharacters)
  assert.equal(file.data.verdict!.reasons, ['garbled-text'])
})

test('verdict: sentence-like text between the headline and the root, outside it, is measured as a lead left out', function () {
  const head = (between: string, title = '<h1>Storm closes the mountain pass</h1>') =>
    fromHtml('<body><div class="head">' + title + between + '</div><div id="main">' + paragraphs('main', 3) + '</div><aside><p>' + sentence('aside', 1) + '</p></aside></body>')
  const lead = sentence('lead', 1)
  let tree = head('<p class="intro">' + lead + '</p><p>By A. Writer</p>')
  let page = measurePageText(tree, select('#main', tree), 'Storm closes the mountain pass')
  assert.is(page.headOutside, codePoints(lead))
  assert.is(page.headSample, lead)
  // Site furniture is no lead; the sentences after the root do not count.
  tree = head('<p>Sign up for our newsletter to get the news from the pass each morning.</p>')
  assert.is(measurePageText(tree, select('#main', tree), 'Storm closes the mountain pass').headOutside, 0)
  // A lead the body repeats is not lost.
  tree = fromHtml('<body><h1>Storm closes the mountain pass</h1><p>' + sentence('main', 1) + '</p><div id="main">' + paragraphs('main', 3) + '</div></body>')
  assert.is(measurePageText(tree, select('#main', tree), 'Storm closes the mountain pass').headOutside, 0)
  // Far from the headline: not the root's edge.
  tree = head('<div>' + paragraphs('other', 15) + '</div>')
  assert.is(measurePageText(tree, select('#main', tree), 'Storm closes the mountain pass').headOutside, 0)
  // No headline before the root (it is inside it): nothing is measured.
  tree = fromHtml('<body><p>' + lead + '</p><div id="main"><h1>Storm closes the mountain pass</h1>' + paragraphs('main', 3) + '</div></body>')
  page = measurePageText(tree, select('#main', tree), 'Storm closes the mountain pass')
  assert.is(page.headOutside, 0)
  assert.is(page.headSample, '')
})

test('verdict: a lead left outside the root is reported as `lead-outside-root`, the verdict unchanged', async function () {
  const {verdict, ruleIds} = await fixture('root-lead-linked-reported')
  assert.ok(ruleIds.includes('lead-outside-root'))
  assert.is(verdict.measurements.leadOutsideRoot, 116)
  assert.is(verdict.status, 'ok')
  const kept = await fixture('root-lead-inline-link')
  assert.not.ok(kept.ruleIds.includes('lead-outside-root'))
  assert.is(kept.verdict.measurements.leadOutsideRoot, 0)
})

test('verdict: page text measures the root’s share of sentences and the title’s place', function () {
  const tree = fromHtml(
    '<body><h1>Storm closes pass</h1><div id="side"><p>' +
      sentence('side', 1) +
      '</p></div>' +
      '<div id="main"><p>' +
      sentence('main', 1) +
      '</p><p>' +
      sentence('main', 2) +
      '</p><ul><li><a href="/x">A link only line that is long enough.</a></li></ul></div></body>'
  )
  const root = select('#main', tree)
  const page = measurePageText(tree, root, 'Storm closes pass')
  assert.is(page.sentenceInRoot * 3, page.sentenceCharacters * 2)
  assert.is(page.titleNearRoot, true)
  assert.is(page.longestOutside, page.longestInside)
  assert.is(measurePageText(tree, root, 'Another headline').titleNearRoot, false)
  assert.is(measurePageText(tree, undefined, 'Storm closes pass').sentenceInRoot, 0)
})

test('verdict: white space and code points are read as `\\s` and the string iterator read them', function () {
  for (let code = 0; code <= 0xffff; code++) assert.is(isWhiteSpace(code), /\s/.test(String.fromCharCode(code)), 'U+' + code.toString(16))
  // The count as a regex and the string iterator give it.
  const reference = (value: string) => {
    let count = 0
    let space = false
    for (const character of value) {
      if (/\s/.test(character)) {
        if (!space) count++
        space = true
      } else {
        count++
        space = false
      }
    }
    return count
  }
  const pieces = ['a', ' ', '  ', '\t\n', '\u00a0', '\u3000', '\u2028', '\ufeff', '中', '文', '😀', '\ud83d', '\ude00', 'é', 'e\u0301', '\u200b', '\u205f']
  let seed = 7
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648
  for (let round = 0; round < 2000; round++) {
    const value = Array.from({length: Math.floor(random() * 12)}, () => pieces[Math.floor(random() * pieces.length)]).join('')
    assert.is(codePoints(value), reference(value), JSON.stringify(value))
  }
})

test('verdict: the title counts near the root up to 600 folded characters before it, and where it starts inside it', function () {
  // Runs of 99 characters: six of them and the spaces between them are 599 characters.
  const filler = (index: number) => '<p>' + ('Filler ' + index + ' ').padEnd(99, 'x') + '</p>'
  const page = (before: string, runs: number, inside: string, after: string) =>
    fromHtml('<body>' + before + Array.from({length: runs}, (_, index) => filler(index)).join('') + '<div id="main"><p>' + inside + '</p></div>' + after + '</body>')
  const near = (tree: ReturnType<typeof fromHtml>, title: string) => measurePageText(tree, select('#main', tree), title).titleNearRoot
  // “Headline” then a space: 9 characters, then the filler runs, each with the space after it.
  assert.is(near(page('<p>Headline</p>', 5, 'Body text.', ''), 'Headline'), true, 'starts 9 + 500 characters before')
  assert.is(near(page('<p>Headline</p>', 6, 'Body text.', ''), 'Headline'), false, 'starts 9 + 600 characters before')
  assert.is(near(page('<p>Headline</p>', 0, 'Body text.', ''), 'headline'), true, 'case folded')
  assert.is(near(page('<p>Ｈｅａｄｌｉｎｅ</p>', 5, 'Body text.', ''), 'Headline'), true, 'NFKC folded')
  // A match that starts inside the root and runs on past its end counts; one after the root does not.
  assert.is(near(page('', 3, 'Storm closes', '<p>pass today</p>'), 'Storm closes pass'), true, 'runs on past the root')
  assert.is(near(page('', 3, 'Body text.', '<p>Storm closes pass</p>'), 'Storm closes pass'), false, 'after the root')
  assert.is(near(page('', 3, 'Body text.', ''), ''), false, 'no title')
})

test('verdict: page text read in the index walk measures what a walk of its own does', function () {
  const html =
    '<body><h1>Storm closes pass</h1><div id="side"><p>' +
    sentence('side', 1) +
    '<br>' +
    sentence('side', 2) +
    '</p><a href="/x"><div id="card">' +
    sentence('card', 1) +
    '</div></a></div>Loose text ' +
    '<div id="main"><p>' +
    sentence('main', 1) +
    '</p><p hidden>' +
    sentence('hidden', 1) +
    '</p><p>Credit: <b>Jane Roe</b></p></div><span id="tail">' +
    sentence('tail', 1) +
    '</span> after</body>'
  for (const id of ['main', 'side', 'card', 'tail']) {
    const tree = fromHtml(html)
    const index = indexPage(tree, {pageText: true})
    const root = select('#' + id, tree)
    assert.ok(index.pageText, 'recorded')
    assert.equal(measurePageText(tree, undefined, 'Storm closes pass', index.pageText), measurePageText(tree, undefined, 'Storm closes pass'), id)
    // The root changes after the walk (a credit line leaves it): it is read again.
    if (id === 'main') root!.children.pop()
    assert.equal(measurePageText(tree, root, 'Storm closes pass', index.pageText), measurePageText(tree, root, 'Storm closes pass'), id)
  }
  // Not enumerable: copies of the analysis stay as they were.
  assert.not.ok(Object.keys(indexPage(fromHtml(html), {pageText: true})).includes('pageText'))
})

test('verdict: page text told of the edits after the index walk (blocks removed, children changed, leads moved) measures what a walk of its own does', function () {
  // Each page: a root `#main`, blocks marked `data-x` to remove (some right after text of their parent's run: they end a run by starting), leads marked `data-lead` outside it.
  const pages = [
    '<body><h1>Storm closes pass</h1><p data-lead>' +
      sentence('lead', 1) +
      '</p><div id="main"><p data-x>By Jane Roe</p><p>' +
      sentence('main', 1) +
      '</p><div data-x>Loose <b>words</b></div><p data-x>' +
      sentence('main', 2) +
      '</p></div><p>' +
      sentence('after', 1) +
      '</p></body>',
    '<body><div>Kicker text<p data-lead>' +
      sentence('lead', 1) +
      '</p>tail words</div><figure data-lead><img src="a.png"></figure><div id="main">Text before <p data-x>' +
      sentence('cut', 1) +
      '</p> text after<section data-x><p data-x>' +
      sentence('nested', 1) +
      '</p>inline tail</section><p>' +
      sentence('main', 1) +
      '</p></div></body>',
    '<body><main><div id="main"><p data-x>Credit: Jane Roe</p>' +
      paragraphs('main', 3) +
      '<a href="/x"><div data-x>' +
      sentence('card', 1) +
      '</div></a><p data-x hidden>' +
      sentence('hidden', 1) +
      '</p></div></main><p data-lead hidden>' +
      sentence('lead', 2) +
      '</p></body>'
  ]
  const title = 'Storm closes pass'
  let placed = 0
  for (const [number, html] of pages.entries()) {
    const count = (selector: string) => selectAll(selector, fromHtml(html)).length
    // Every removal alone, then every two together; with and without the leads moved.
    const removals: Array<Array<number>> = [[]]
    for (let a = 0; a < count('[data-x]'); a++) {
      removals.push([a])
      for (let b = a + 1; b < count('[data-x]'); b++) removals.push([a, b])
    }
    for (const removal of removals) {
      for (const moveLeads of [false, true]) {
        for (const shallow of [false, true]) {
          const tree = fromHtml(html)
          const record = indexPage(tree, {pageText: true}).pageText!
          const root = select('#main', tree)!
          const marked = selectAll('[data-x]', tree)
          if (moveLeads) {
            const leads = selectAll('[data-lead]', tree)
            for (const lead of leads) {
              const parent = parentOf(tree, lead)!
              parent.children.splice(parent.children.indexOf(lead), 1)
            }
            root.children.unshift(...leads)
            record.moved.push(...leads)
          }
          for (const at of removal) {
            const element = marked[at]
            const parent = parentOf(tree, element)
            if (!parent) continue
            parent.children.splice(parent.children.indexOf(element), 1)
            // Told as a removal, or only as a change of the parent's children.
            record.edits.push(shallow ? {parent, removed: element} : {parent})
          }
          const id = number + ' ' + removal.join('+') + (moveLeads ? ' leads' : '') + (shallow ? ' removed' : ' changed')
          const walked = measurePageText(tree, root, title)
          assert.equal(measurePageText(tree, root, title, record, true), walked, id)
          assert.equal(measurePageText(tree, root, title, record), walked, id + ' (root read)')
          placed++
        }
      }
    }
  }
  assert.ok(placed > 50, 'cases: ' + placed)
})

test('verdict: page text of a merged root (its blocks wrapped after the index walk, `recordWrapped`), with leads moved and removals, measures what a walk of its own does', function () {
  // Blocks marked `data-b` (some right after text of their parent's run, one a link's), leads `data-lead`, removals `data-x`.
  const pages = [
    '<body><h1>Storm closes pass</h1><p data-lead>' +
      sentence('lead', 1) +
      '</p><section><p data-b>' +
      sentence('one', 1) +
      '</p><div class="ad">Advert text</div><div data-b><p data-x>By Jane Roe</p><p>' +
      sentence('two', 1) +
      '</p></div>Loose words<p data-b>' +
      sentence('three', 1) +
      '</p>tail words.<aside>' +
      sentence('aside', 1) +
      '</aside><div data-b>Tail <b>words</b><p data-x>' +
      sentence('four', 1) +
      '</p></div></section><p data-o>' +
      sentence('after', 1) +
      '</p></body>',
    '<body><div data-o>Kicker<p data-lead>' +
      sentence('lead', 1) +
      '</p></div><main><div data-b><p>' +
      sentence('one', 1) +
      '</p></div><a href="/x"><div data-b>' +
      sentence('card', 1) +
      '</div></a><div data-b hidden><p>' +
      sentence('hidden', 1) +
      '</p></div><p data-b>' +
      sentence('two', 1) +
      '</p></main></body>'
  ]
  const title = 'Storm closes pass'
  let told = 0
  let cases = 0
  for (const [number, html] of pages.entries()) {
    const blocks = selectAll('[data-b]', fromHtml(html)).length
    // Every run of two or more blocks in order, with a gap or not: bits of a mask.
    for (let mask = 0; mask < 1 << blocks; mask++) {
      if (mask.toString(2).replace(/0/g, '').length < 2) continue
      for (const variant of ['plain', 'leads', 'removed', 'changed', 'block removed'] as const) {
        const tree = fromHtml(html)
        const record = indexPage(tree, {pageText: true}).pageText!
        const chosen = selectAll('[data-b]', tree).filter((_, at) => mask & (1 << at))
        const parents = new Map(chosen.map((block) => [block, parentOf(tree, block)!]))
        const wrapper: Element = {type: 'element', tagName: 'div', properties: {}, children: chosen}
        const first = attachWrapper(tree, wrapper, (element) => parents.get(element))
        assert.ok(first, 'attached')
        recordWrapped(record, wrapper, chosen)
        if (variant === 'leads') {
          const leads = selectAll('[data-lead]', tree)
          for (const lead of leads) {
            const parent = parentOf(tree, lead)!
            parent.children.splice(parent.children.indexOf(lead), 1)
          }
          wrapper.children.unshift(...leads)
          record.moved.push(...leads)
        }
        if (variant === 'removed' || variant === 'changed') {
          for (const element of selectAll('[data-x]', wrapper)) {
            const parent = parentOf(tree, element)!
            parent.children.splice(parent.children.indexOf(element), 1)
            record.edits.push(variant === 'removed' ? {parent, removed: element} : {parent})
          }
        }
        if (variant === 'block removed') {
          const block = wrapper.children.splice(1, 1)[0] as Element
          record.edits.push({parent: wrapper, removed: block})
        }
        const id = number + ' ' + mask.toString(2) + ' ' + variant
        const walked = measurePageText(tree, wrapper, title)
        const recorded = measurePageText(tree, wrapper, title, record, true)
        assert.equal(recorded, walked, id)
        assert.equal(measurePageText(tree, wrapper, title, record), walked, id + ' (root read)')
        cases++
        // Told without reading the whole page where the blocks' runs were recorded: text changed outside the root unseen.
        if (variant === 'plain' && chosen.every((block) => record.starts.has(block) && !record.cuts.has(block))) {
          const outside = select('[data-o]', tree)!
          outside.children.unshift({type: 'text', value: sentence('unseen', 1) + ' '})
          assert.equal(measurePageText(tree, wrapper, title, record, true), recorded, id + ' (from the record)')
          assert.not.equal(measurePageText(tree, wrapper, title), walked, id + ' (a walk sees the change)')
          told++
        }
      }
    }
  }
  assert.ok(cases > 100 && told >= 5, 'cases ' + cases + ', told ' + told)
})

/** Parent of `node` in `tree`. */
function parentOf(tree: ReturnType<typeof fromHtml>, node: Element): Element | ReturnType<typeof fromHtml> | undefined {
  const stack: Array<Element | ReturnType<typeof fromHtml>> = [tree]
  while (stack.length > 0) {
    const parent = stack.pop()!
    for (const child of parent.children) {
      if (child === node) return parent
      if (child.type === 'element') stack.push(child)
    }
  }
  return undefined
}

test('verdict: dates a day apart agree, more do not; authors sharing a name agree', function () {
  const page = (date: string, visible: string, author: string, byline: string) =>
    fromHtml(
      '<html><head><meta property="article:published_time" content="' +
        date +
        '"><meta name="author" content="' +
        author +
        '"></head>' +
        '<body><p class="byline">By ' +
        byline +
        '</p><time class="date">' +
        visible +
        '</time><p>' +
        sentence('x', 1) +
        '</p></body></html>'
    )
  const near = collectCandidates(page('2021-03-13T23:30:00Z', '14 March 2021', 'Anna Berg', 'Anna Berg'))
  assert.equal(fieldEvidence({date: '2021-03-13T23:30:00Z', author: 'Anna Berg'}, {date: 'meta', author: 'meta'}, near).date, {source: 'meta', conflict: null})
  const far = collectCandidates(page('2021-03-10T10:00:00Z', '14 March 2021', 'Anna Berg', 'Jon Olsen'))
  const fields = fieldEvidence({date: '2021-03-10T10:00:00Z', author: 'Anna Berg'}, {date: 'meta', author: 'meta'}, far)
  assert.equal(fields.date!.conflict, {value: '2021-03-14', source: 'visible-date'})
  assert.equal(fields.author!.conflict, {value: 'Jon Olsen', source: 'byline'})
})

test('verdict: rules flag at their thresholds and not below', function () {
  const base: VerdictMeasurements = {
    outputCharacters: 2000,
    outputParagraphs: 10,
    pageCharacters: 5000,
    sentenceTextOutsideRoot: 0.1,
    leadOutsideRoot: 0,
    titleNearRoot: true,
    linkTextShare: 0.05,
    removedCharacters: 0,
    droppedCharacters: 0,
    removedMedia: 0,
    replacementCharacters: 0,
    boilerplateTail: null,
    authorNames: 1,
    authorGlued: [],
    fields: {}
  }
  const page = {characters: 5000, sentenceCharacters: 2400, sentenceInRoot: 2160, longestOutside: 200, longestInside: 400, titleNearRoot: true, headOutside: 0, headSample: ''}
  // Latin test text: the weighted length is the character count.
  const ids = (m: Partial<VerdictMeasurements>, p: Partial<typeof page> = {}, hasTitle = true) =>
    judge({...base, ...m}, {page: {...page, ...p}, hasTitle, outputWeight: m.outputCharacters ?? base.outputCharacters}).map((finding) => finding.ruleId + ':' + finding.status)
  assert.equal(ids({}), [])
  assert.equal(ids({outputCharacters: 39}), ['short-article:failed'])
  assert.equal(ids({outputCharacters: 149}), ['short-article:review'])
  assert.equal(ids({outputCharacters: 299}), ['short-article:review'])
  assert.equal(ids({outputCharacters: 300}), [])
  assert.equal(ids({titleNearRoot: false, sentenceTextOutsideRoot: 0.51}), ['suspect-root:review'])
  assert.equal(ids({titleNearRoot: false, sentenceTextOutsideRoot: 0.5}), [])
  assert.equal(ids({titleNearRoot: false, sentenceTextOutsideRoot: 0.9}, {}, false), [])
  assert.equal(ids({}, {longestOutside: 1601}), ['suspect-root:review'])
  assert.equal(ids({}, {longestOutside: 1600}), [])
  assert.equal(ids({linkTextShare: 0.51}), ['suspect-root:review'])
  // Linked sentences are prose: only the other link text makes a list of links.
  const links = (listLinkShare: number) => judge({...base, linkTextShare: 0.7}, {page, hasTitle: true, outputWeight: 2000, listLinkShare}).map((finding) => finding.ruleId)
  assert.equal(links(0.5), [])
  assert.equal(links(0.51), ['suspect-root'])
  assert.equal(ids({droppedCharacters: 1001}), ['dropped-content:review'])
  assert.equal(ids({droppedCharacters: 1000}), [])
  assert.equal(ids({replacementCharacters: 3}), ['garbled-text:review'])
  assert.equal(ids({boilerplateTail: 'Follow us on Mastodon'}), ['boilerplate-tail:review'])
  assert.equal(ids({authorNames: 4}), ['suspect-author:review'])
  assert.equal(ids({authorNames: 3}), [])
  assert.equal(ids({authorNames: 1, authorGlued: ['Joe Davidson Washington Post']}), ['suspect-author:review'])
  assert.equal(ids({fields: {date: {source: 'meta', conflict: {value: '2020-01-01', source: 'visible-date'}}}}), ['metadata-conflict:review'])
  // CJK weighs twice: 80 CJK characters are not short, 70 are.
  assert.equal(
    judge({...base, outputCharacters: 80}, {page: {...page, sentenceCharacters: 500}, hasTitle: true, outputWeight: 160}).map((finding) => finding.ruleId),
    []
  )
  assert.equal(
    judge({...base, outputCharacters: 70}, {page: {...page, sentenceCharacters: 500}, hasTitle: true, outputWeight: 140}).map((finding) => finding.ruleId),
    ['short-article']
  )
  // Too little sentence text on the page for the share checks.
  assert.equal(ids({titleNearRoot: false, sentenceTextOutsideRoot: 0.9, outputCharacters: 200}, {sentenceCharacters: 700}), [])
})

test('verdict: a list of linked headlines is a list of links, linked sentences are not', async function () {
  const sentences = await fixture('verdict-linked-sentences')
  assert.ok(sentences.verdict.measurements.linkTextShare > thresholds.linkShare, 'most of the output is link text')
  assert.not.ok(sentences.ruleIds.includes('suspect-root'))
  const items = [
    'Council approves the budget',
    'Storm closes the harbour',
    'New school opens in the north',
    'Bakery wins the regional prize',
    'Football club signs a keeper',
    'Bridge works start in May'
  ]
  const html =
    '<html><head><title>Local news</title></head><body><main><h1>Local news</h1><p>The week in the valley, in brief.</p><ul>' +
    items.map((item, index) => '<li><a href="https://valley.example/n/' + index + '">' + item + '</a></li>').join('') +
    '</ul></main></body></html>'
  const file = await convert(html)
  assert.ok(
    file.messages.some((message) => message.ruleId === 'suspect-root'),
    'headlines make a list of links'
  )
})

test('verdict: the CLI reports each page’s verdict and ends its summary with the pages that need review', async function () {
  const read = (name: string) => fs.readFile(new URL(name + '/input.html', fixtures), 'utf8')
  const dir = await folder({
    'in/good.html': '<html><head><title>Committee report</title></head><body><article><h1>Committee report</h1>' + paragraphs('committee', 6) + '</article></body></html>',
    'in/upgrade.html': await read('verdict-browser-upgrade'),
    'in/dates.html': await read('verdict-json-ld-date-conflict'),
    'in/form.html': await read('verdict-article-in-form')
  })
  const result = await cli(['in', '--out', 'out', '--report', 'report.json', '--base-url', 'https://news.example.com/'], dir)
  assert.is(result.code, 0, result.stderr)
  const report = JSON.parse(await fs.readFile(path.join(dir, 'report.json'), 'utf8')) as {files: Array<{input: string; verdict: Verdict | null}>}
  const status = Object.fromEntries(report.files.map((file) => [file.input, file.verdict && file.verdict.status + ' ' + file.verdict.reasons.join(',')]))
  assert.equal(status, {'dates.html': 'review metadata-conflict', 'form.html': 'ok ', 'good.html': 'ok ', 'upgrade.html': 'review short-article'})
  assert.match(result.stderr, /2 pages need review: metadata-conflict ×1, short-article ×1\nwhich pages, and why: report\.json\n$/)
})

test('verdict: an output ending with a comment policy or a call to scan a QR code is a boilerplate tail to review', async function () {
  for (const name of ['verdict-boilerplate-tail', 'verdict-boilerplate-tail-cjk']) {
    const {verdict, ruleIds} = await fixture(name)
    assert.is(verdict.status, 'review', name)
    assert.equal(verdict.reasons, ['boilerplate-tail'], name)
    assert.ok(ruleIds.includes('boilerplate-tail'), name)
    assert.ok(verdict.measurements.boilerplateTail && verdict.measurements.boilerplateTail.length < 200, name)
  }
  assert.is(boilerplateTail(['The council will decide in June.', 'Follow us on Mastodon for more.'])!.phrase, 'Follow us on')
  assert.is(boilerplateTail(['公园还将在北门增设一处自行车停放点。', '欢迎扫码关注我们的公众号'])!.phrase, '扫码关注')
  assert.is(boilerplateTail(['长按识别下方二维码，订阅每日早报'])!.phrase, '长按识别下方二维码')
  // An article's sentence that names QR codes or a scan in passing is no call to scan.
  assert.is(boilerplateTail(['部分摊位已经开始使用电子秤和二维码支付。']), undefined)
  assert.is(boilerplateTail(['医生为他安排了一次CT扫描，结果显示并无大碍。']), undefined)
  // An article’s sentence naming a newsletter, or a long closing paragraph, is no furniture.
  assert.is(boilerplateTail(['The union said it would write to members in its weekly newsletter.']), undefined)
  assert.is(boilerplateTail(['All rights reserved, the court found, ' + 'and the judge explained the ruling at length. '.repeat(10)]), undefined)
})

test('verdict: an author glued to an outlet, or a list of other articles’ bylines, is a suspect author', async function () {
  const glued = await fixture('verdict-glued-author')
  assert.is(glued.verdict.status, 'review')
  assert.equal(glued.verdict.reasons, ['suspect-author'])
  assert.equal(glued.verdict.measurements.authorGlued, ['Marta Quill Riverside Tribune'])
  const list = await fixture('verdict-author-list')
  assert.equal(list.verdict.reasons, ['suspect-author'])
  assert.is(list.verdict.measurements.authorNames, 5)
  // A teaser rail’s bylines do not reach the author field: nothing to flag.
  const rail = await fixture('verdict-teaser-bylines')
  assert.is(rail.verdict.status, 'ok')
  assert.is(rail.verdict.measurements.authorNames, 1)
  assert.ok(isGluedName('Joe Davidson Washington Post'))
  assert.ok(isGluedName('FOCUS-Online-Experte Robin Tschöpe'))
  assert.ok(isGluedName('方敏北京大学经济学院教授'))
  assert.not.ok(isGluedName('Joe Davidson'))
  assert.not.ok(isGluedName('Multimedia Redaktion'), 'an outlet alone names no one')
  assert.not.ok(isGluedName('Smart Shopping Team'), 'an organisation’s name')
  assert.ok(isGluedName('Meg Wagner NEW YORK DAILY NEWS'))
  assert.not.ok(isGluedName('jroe_42'), 'a user name')
  assert.not.ok(isGluedName('欧阳晓明'))
  assert.not.ok(isGluedName('加拿大必读'), 'an account name without a person’s name')
  assert.equal(splitAuthors('张三、李四, Jane Roe'), ['张三', '李四', 'Jane Roe'])
})

test('verdict: the visible date compares like with like (no ambiguous order, body text, listing or headline)', async function () {
  for (const name of ['verdict-date-ambiguous-order', 'verdict-date-in-body']) {
    const {verdict} = await fixture(name)
    assert.is(verdict.status, 'ok', name)
    assert.is(verdict.measurements.fields.date!.conflict, null, name)
  }
  assert.equal(otherReadings('06/11/2023'), ['2023-11-06'])
  assert.equal(otherReadings('6-11-2023 10:00'), ['2023-11-06'])
  assert.equal(otherReadings('13/11/2023'), [], 'a day over 12 is unambiguous')
  assert.equal(otherReadings('06.11.2023'), [], 'dots are day first everywhere')
  assert.equal(otherReadings('05/05/2023'), [])
  // A time with a zone is any local day from UTC-12 to UTC+14; without zones a day apart agrees.
  assert.ok(sameDay('2021-03-13T23:30:00-08:00', '2021-03-14'))
  assert.ok(sameDay('2021-03-13T23:30:00Z', '2021-03-14'))
  assert.not.ok(sameDay('2020-01-17T21:08:00Z', '2020-01-19'))
  assert.ok(sameDay('2020-01-17', '2020-01-18'))
  assert.not.ok(sameDay('2020-01-17', '2020-01-19'))
  assert.not.ok(sameDay('not a date', '2020-01-19'))
})

test('verdict: candidates read right after extraction, with the texts it kept, are those read afresh (credit lines, bylines and tag footers taken out)', async function () {
  let compared = 0
  for (const name of ['core-seed', 'full-page-published-time', 'meta-credit-after-lead-image', 'zh-byline-author-after-lead', 'meta-date-teaser-row']) {
    const html = await fs.readFile(new URL(name + '/input.html', fixtures), 'utf8')
    const options = await fs.readFile(new URL(name + '/options.json', fixtures), 'utf8').then(JSON.parse, () => ({}))
    const file = new VFile(html)
    const tree = unified().use(rehypeParse).parse(file)
    const steps = unified().use(rehypeResolveProfile, options).use(rehypeSelectRoot).use(rehypeExtractMeta, options)
    steps.runSync(tree, file)
    const index = file.data.analysis!.index
    assert.ok(index.texts, name + ': texts kept')
    measurePage(tree, file, true)
    assert.is(index.texts, undefined, name + ': not kept past the verdict')
    assert.equal(file.data.verdictPage!.candidates, collectCandidates(tree, index), name)
    assert.equal(file.data.verdictPage!.text, measurePageText(tree, file.data.analysis!.root, file.data.article!.title), name + ' text')
    compared++
  }
  assert.is(compared, 5)
})

test('verdict: the text memo answers what it read, and forgets the nodes an edit touched', function () {
  const tree = fromHtml('<div id="a"><p id="b">one</p><p id="c">two</p></div>')
  const [a, b, c] = ['#a', '#b', '#c'].map((selector) => select(selector, tree)!)
  const memo: TextMemo = new Map()
  let reads = 0
  const read = (node: Element) => memoText(node, 'text', () => String(++reads))
  withTextMemo(memo, () => {
    assert.is(read(a), '1')
    assert.is(read(a), '1', 'read once')
    assert.is(read(b), '2')
    assert.is(read(c), '3')
  })
  assert.is(read(a), '4', 'no memo out of scope')
  forgetTexts(memo, [b, a])
  assert.equal([...memo.keys()], [c])
  forgetTexts(memo, undefined)
  assert.is(memo.size, 0)
})

test.run()
