import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toText} from 'hast-util-to-text'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {convert} from '../index.js'
import {blockStats} from '../lib/analyse/blocks/block-stats.js'
import type {BlockContext} from '../lib/analyse/clean/boilerplate.js'
import {judgeBlock} from '../lib/analyse/clean/boilerplate.js'
import {cleanArticleRoot, cleaningListener, gatherCleaningFacts} from '../lib/analyse/clean/clean-article-root.js'
import type {CleaningFacts} from '../lib/analyse/clean/clean-article-root.js'
import {withElementRecords} from '../lib/analyse/blocks/element-records.js'
import {walkShared} from '../lib/util/walk.js'
import fs from 'node:fs'
import {inlineShape} from '../lib/analyse/blocks/inline-runs.js'
import {holdsSentence, isContentLike} from '../lib/analyse/blocks/prose.js'

/** The first element of `html` (a fragment) matching `tagName`. */
function element(html: string, tagName = 'div'): Element {
  const tree = fromHtml(html, {fragment: true})
  const stack: Array<Root | Element> = [tree]
  while (stack.length > 0) {
    const node = stack.shift()!
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (child.tagName === tagName) return child
      stack.push(child)
    }
  }
  throw new Error('No `' + tagName + '` in ' + html)
}

/** Prose of about `count` sentences, unique by `label`. */
function prose(label: string, count = 3): string {
  const sentences: Array<string> = []
  for (let index = 0; index < count; index++) {
    sentences.push(label + ' sentence ' + index + ' carries enough words, commas and detail to read like a paragraph of news.')
  }
  return sentences.join(' ')
}

/** Judge the first `tagName` of `block` inside an article root with plenty of other text. */
function judge(block: string, tagName = 'div', context?: BlockContext) {
  const root = element('<article><p>' + prose('Body', 12) + '</p>' + block + '</article>', 'article')
  const node = element(block, tagName)
  const stats = blockStats(root)
  const target = stats.blocks.find((candidate) => candidate.node.tagName === tagName && toText(candidate.node) === toText(node))
  assert.ok(target, 'block found in the root')
  return judgeBlock(target.node, target, stats.byNode.get(root)!.all.text, context)
}

test('inline runs: runs split at blocks and breaks, links and teaser cards counted', function () {
  const shape = inlineShape(element('<div><p><a href="/a">One linked sentence stands here.</a></p><a href="/b"><h3>Card</h3><p>Summary text.</p></a>Home<br><a href="/c">Menu</a></div>'))
  assert.equal(
    shape.runs.map((run) => [run.text, run.inCard, run.loneLink]),
    [
      ['One linked sentence stands here.', false, true],
      ['Card', true, true],
      ['Summary text.', true, true],
      ['Home', false, false],
      ['Menu', false, true]
    ]
  )
  assert.is(shape.links, 3)
  assert.is(shape.cards, 1)
  assert.is(shape.linkedHeadings, 1)
  assert.is(shape.truncated, false)
})

test('inline runs: hidden and script content is not read; the walk is bounded', function () {
  const shape = inlineShape(element('<div><p>Seen.</p><p hidden>Hidden.</p><script>var x = 1</script><p style="display: none">Gone.</p></div>'))
  assert.equal(
    shape.runs.map((run) => run.text),
    ['Seen.']
  )
  let deep = '<p>end</p>'
  for (let index = 0; index < 50; index++) deep = '<div>' + deep + '</div>'
  assert.is(inlineShape(element(deep), 20).truncated, true)
})

test('prose: a linked sentence is running text, linked headlines are not', function () {
  const linkedSentence = inlineShape(element('<div><p><a href="/a">The full ruling of the court is available on the website.</a></p></div>'))
  assert.ok(holdsSentence(linkedSentence))
  // Headlines end in `!` and `?` too; a list of them is not running text.
  const headlines = inlineShape(element('<div><a href="/a">Why does my bread not rise?</a><br><a href="/b">Twenty kilos lighter with THIS plan!</a></div>'))
  assert.not.ok(holdsSentence(headlines))
  // Text cut with an ellipsis is a teaser.
  const cut = inlineShape(element('<div><a href="/a">Seeing the sights on the spring holiday, beware of selfie...</a><br><a href="/b">Another headline cut short in the middle of its…</a></div>'))
  assert.not.ok(holdsSentence(cut))
  // Text inside a teaser card does not count.
  const cards = inlineShape(
    element('<div><a href="/a"><h3>Title</h3><p>A summary that reads like a full sentence.</p></a><a href="/b"><h3>Other</h3><p>Another summary that reads like one.</p></a></div>')
  )
  assert.not.ok(holdsSentence(cards))
  assert.ok(isContentLike(inlineShape(element('<div><p>' + prose('Real', 2) + '</p></div>'))))
  assert.not.ok(isContentLike(inlineShape(element('<div><p>Sign up for free, every Monday.</p></div>'))))
})

test('judge: one link, a linked sentence and blocks inside a link are content', function () {
  assert.is(judge('<p><a href="/x"><strong>On Friday three men from the harbour district denied the charge in court.</strong></a></p>', 'p'), 'keep')
  assert.is(judge('<p><a href="https://court.example/ruling.pdf">the full ruling (PDF)</a></p>', 'p'), 'keep')
  assert.is(judge('<div><a href="/a"><h2>Council budget explained</h2></a></div>'), 'keep')
  assert.is(judge('<p><a href="/a">Residents asked for a wider path at the hearing.</a> <a href="/b">Engineers said the design has one.</a></p>', 'p'), 'keep')
  // Inside a link (`<a><p>…</p></a>`) a block is judged with the link.
  assert.is(judge('<div><a href="/a">A</a> <a href="/b">B</a></div>', 'div', {structured: true}), 'keep')
})

test('judge: several short links and no sentence are a link list; lists of teaser cards go', function () {
  assert.is(judge('<div><a href="/county">County</a> · <a href="/traffic">Traffic</a> · <a href="/schools">Schools</a></div>'), 'link-list')
  assert.is(judge('<p><a href="/a">Why does my bread not rise?</a><br><br><a href="/b">Twenty kilos lighter with THIS plan!</a></p>', 'p'), 'link-list')
  const cards = '<ul><li><a href="/a"><h3>Library hours extended</h3><p>Open until nine.</p></a></li><li><a href="/b"><h3>Park fees unchanged</h3><p>Forty dollars a year.</p></a></li></ul>'
  assert.is(judge(cards, 'ul'), 'teaser-list')
  // A list of links in the text stays, and so does one link wrapping a paragraph.
  assert.is(judge('<ul><li><a href="/a">Report A</a></li><li><a href="/b">Report B</a></li></ul>', 'ul'), 'keep')
  assert.is(judge('<ul><li><a href="/terms#a1"><p>Article I. Purpose</p></a></li></ul>', 'ul'), 'keep')
})

test('judge: class hints do not remove article text', function () {
  // Paragraphs and quotes that read as article text keep, whatever their class.
  assert.is(judge('<p class="paywall">' + prose('Paid') + '</p>', 'p'), 'keep')
  assert.is(judge('<blockquote class="quote tag"><p>' + prose('Quoted', 2) + '</p></blockquote>', 'blockquote'), 'keep')
  assert.is(judge('<p class="paywall-prompt">Subscribe to read on.</p>', 'p'), 'boilerplate-hint')
  // `teaser` is the lead on many sites; it goes only when it links out or is not prose.
  assert.is(judge('<div class="teaser-text"><p>' + prose('Lead', 2) + '</p></div>'), 'keep')
  assert.is(judge('<div class="teaser"><h3><a href="/other">Other story</a></h3><p>' + prose('Summary', 1) + '</p></div>'), 'teaser-hint')
  assert.is(judge('<h2 class="teaser-title-on-photos">Gallery of the new designs</h2>', 'h2'), 'teaser-hint')
  // An id that is the slug of the section's heading names the section.
  assert.is(judge('<div class="section" id="sharing-with-a-single-developer"><h2>Sharing with a single developer¶</h2><p>' + prose('Section') + '</p></div>'), 'keep')
  assert.is(judge('<div id="sharing-tools"><a href="/f">Facebook</a></div>'), 'boilerplate-hint')
  // `side-by-side` photos are not a sidebar; a sidebar is.
  assert.is(judge('<div class="photos side-by-side"><img src="a.jpg"><p>' + prose('Caption', 1) + '</p></div>'), 'keep')
  assert.is(judge('<div class="side"><p>Weather: sunny.</p></div>'), 'furniture-hint')
  assert.is(judge('<div class="button-row"><a href="/buy">Order now</a></div>'), 'furniture-hint')
})

test('judge: comment threads go, a live ticker’s commentary stays', function () {
  assert.is(judge('<section class="comments"><h2>Comments</h2><p>' + prose('Reader', 1) + '</p></section>', 'section'), 'comment-thread')
  assert.is(judge('<div class="live-match-comments"><div class="live-match-comment"><p>' + prose('Minute', 1) + '</p></div></div>'), 'keep')
  assert.is(judge('<div class="live-match-comment"><p>' + prose('Minute', 1) + '</p></div>'), 'keep')
  // Parts of a comment-named block kept as the article are not comments.
  assert.is(judge('<div class="comment"><p>' + prose('Minute', 1) + '</p></div>', 'div', {inComments: true}), 'keep')
})

test('clean: every removed element is reported with its rule', function () {
  const root = element(
    '<article><p>' +
      prose('Body', 8) +
      '</p>' +
      '<div class="share-bar"><a href="https://social.example/s">Share</a></div>' +
      '<div><a href="/a">A</a> <a href="/b">B</a> <a href="/c">C</a></div>' +
      '<nav><a href="/x">X</a></nav>' +
      '<div hidden><p>' +
      prose('Hidden', 1) +
      '</p></div>' +
      '<iframe src="https://ads.example/frame"></iframe>' +
      '<iframe src="https://www.youtube.com/embed/abc"></iframe>' +
      '<a href="/card"><div><p>' +
      prose('Linked', 1) +
      '</p></div></a>' +
      '</article>',
    'article'
  )
  const removed: Array<string> = []
  cleanArticleRoot(root, {onRemove: (node, rule) => void removed.push(node.tagName + ' ' + rule)})
  // Embeds stay for the media step to judge.
  assert.equal(removed, ['div boilerplate-hint', 'div link-list', 'nav furniture-element', 'div hidden'])
  assert.match(toText(root), 'Linked sentence 0')
})

test('removals: recorded on file.data.removals; only content-like text warns', async function () {
  const file = await convert(
    '<html><head><title>Title of the page</title></head><body><article><h1>Title of the page</h1>' +
      '<p>' +
      prose('Body', 8) +
      '</p>' +
      '<aside class="pullquote"><p>Body sentence 3 carries enough words, commas and detail to read like a paragraph of news.</p></aside>' +
      '<div style="display:none"><p>' +
      prose('Hidden', 8) +
      '</p></div>' +
      '<div class="newsletter"><h3>Our newsletter</h3><p>Sign up, it is free, every morning at seven.</p><img src="https://cdn.example/nl.png" alt=""></div>' +
      '<section class="comments"><h2>Comments</h2><p>' +
      prose('Reader', 4) +
      '</p></section>' +
      '<div><a href="/a">Home</a> <a href="/b">World</a></div>' +
      '<p>' +
      prose('Closing', 2) +
      '</p>' +
      '</article></body></html>'
  )
  const removals = (file.data.removals || []).map((removal) => removal.kind + ' ' + removal.rule + ' ' + removal.element)
  // The image in the newsletter box is recorded by the media step.
  assert.equal(removals, [
    'image boilerplate img',
    'text furniture-element aside.pullquote',
    'text hidden div',
    'text boilerplate-hint div.newsletter',
    'text comment-thread section.comments',
    'text link-list div'
  ])
  const hidden = file.data.removals!.find((removal) => removal.rule === 'hidden')!
  assert.ok(hidden.characters > 600)
  assert.match(hidden.sample, /^Hidden sentence 0/)
  assert.ok(hidden.sample.length <= 80)
  // The pull quote repeats the text, the newsletter is short, comments are
  // expected to go, the link row is not prose: only the hidden text warns.
  const warnings = file.messages.filter((message) => message.ruleId === 'dropped-content')
  assert.is(warnings.length, 1)
  assert.match(warnings[0].reason, /rule `hidden`/)
  assert.match(String(file), 'Closing sentence 1')
})

test('removals: a profile’s removals are recorded, not warned; hidden text and forms in the profile path too', async function () {
  const file = await convert(
    '<html><body><h2>标题</h2><div class="entry"><p>（来源：大纪元 作者：李四）</p><p>正文第一段，记者在现场了解到，相关部门已经展开调查。</p>' +
      '<div class="texttj"><a href="https://promo.example/a">安卓翻墙</a></div>' +
      '<p style="display:none">隐藏的一段文字。</p>' +
      '<form><p>请留下您的邮箱。</p><input name="email"></form>' +
      '<p>正文第二段，并表示将尽快公布结果。</p></div><div class="postfooter"></div></body></html>'
  )
  const removals = (file.data.removals || []).map((removal) => removal.rule + ' ' + removal.element)
  // The credit line moves to the frontmatter (source, author): recorded too.
  assert.equal(removals, ['credit-line p', 'profile-remove div.texttj', 'hidden p', 'form form'])
  assert.not.ok(file.messages.some((message) => message.ruleId === 'dropped-content'))
  assert.ok(file.messages.some((message) => message.ruleId === 'promo-removed'))
})

/** The article root of `tree`: its `<article>`, else its `<body>`, else its first element. */
function rootOf(tree: Root): Element {
  let first: Element | undefined
  let body: Element | undefined
  const stack: Array<Root | Element> = [tree]
  while (stack.length > 0) {
    const node = stack.shift()!
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (child.tagName === 'article') return child
      if (child.tagName === 'body' && !body) body = child
      if (!first) first = child
      stack.push(child)
    }
  }
  return body || first!
}

/** `CleaningFacts` of `root`, from a walk of its own. */
function factsOf(root: Element): CleaningFacts {
  const gathering = gatherCleaningFacts(root)
  withElementRecords(gathering.records, () => walkShared(root, gathering.listeners))
  return gathering.result()
}

/** What cleaning `html` makes: the removals and related lists in order, and the tree, `cleanArticleRoot`’s way or on a walk (`cleaningListener`). */
function cleaned(html: string, onWalk: boolean, listen = true) {
  const tree = fromHtml(html)
  const root = rootOf(tree)
  const facts = factsOf(root)
  const removals: Array<[Element, string]> = []
  // Their texts once cleaning is over (the walk's listener calls `onRemove` then).
  const onRemove = listen ? (node: Element, rule: string) => void removals.push([node, rule]) : undefined
  const heard: Array<Element> = []
  let related: Array<Element>
  if (onWalk) {
    const cleaning = cleaningListener(root, facts, {onRemove, onRelated: listen ? (list) => void heard.push(list) : undefined})
    // A listener after it hears the cleaned tree (and empty texts in removed blocks’ place).
    const seen: Array<string> = []
    walkShared(tree, [cleaning.listener, {enter: (element) => void seen.push(element.tagName)}])
    related = cleaning.done()
    if (listen) assert.equal(new Set(heard), new Set(related))
  } else {
    related = cleanArticleRoot(root, {onRemove, facts})
  }
  const removed = removals.map(([node, rule]) => node.tagName + ' ' + rule + ' ' + toText(node).slice(0, 40))
  return {removed, related: related.map((list) => JSON.stringify(list)), html: JSON.stringify(tree)}
}

/** Links of `count` teaser headlines. */
function teasers(label: string, count: number): string {
  let html = ''
  for (let index = 0; index < count; index++) html += '<li><a href="/' + label + '-' + index + '">' + label + ' headline number ' + index + '</a></li>'
  return html
}

const sections = [
  // Same rank after the gap; a comment and white space before it.
  '<article><p>' +
    prose('A') +
    '</p><h2>Background</h2> <!-- bar --> <div class="share-buttons"><a href="/f">Facebook</a> <a href="/t">Twitter</a></div>\n<h2>Next part</h2><p>' +
    prose('B') +
    '</p></article>',
  // A higher rank after it; a lower rank (it stays); the end of an inner block (it stays).
  '<article><p>' +
    prose('A') +
    '</p><h3>More</h3><nav><a href="/x">X</a></nav><h2>Later</h2><p>' +
    prose('B') +
    '</p><h2>Kept</h2><nav><a href="/y">Y</a></nav><h3>Sub</h3><p>' +
    prose('C') +
    '</p><div><h2>Inner</h2><nav><a href="/z">Z</a></nav></div></article>',
  // The end of the root after a script (no gap of its own) and a removed block; text after the gap keeps it.
  '<article><p>' +
    prose('A') +
    '</p><h2>Words</h2><nav><a href="/w">W</a></nav>Some words.<h4>Only a script</h4><script>x()</script><h4>Last</h4><!-- c --><script>y()</script><aside><a href="/l">L</a></aside>  </article>',
  // A section heading holding a link and a hidden span, cleaned inside after it goes; a related list kept.
  '<article><p>' +
    prose('A') +
    '</p><div class="related-articles"><h3>Related</h3><ul>' +
    teasers('Related', 4) +
    '</ul></div><h2><a href="/s">Section</a> <span style="display:none">hidden part</span><b><i>x</i> <span hidden>more</span></b><span><a href="/s2">Part</a></span></h2><nav><a href="/n">N</a></nav></article>',
  // A related list inside a section heading that goes (cleaned inside it all the same).
  '<article><p>' + prose('A') + '</p><h2>Section title<aside class="related-articles"><h3>Related</h3><ul>' + teasers('Related', 4) + '</ul></aside></h2><nav><a href="/n">N</a></nav></article>',
  // Text structure, quotes and links, a comments block, a form, a quiet paragraph.
  '<body><div><p>' +
    prose('A', 6) +
    '</p><blockquote><div class="share">Share <a href="/q">q</a></div><p>' +
    prose('Q', 1) +
    '</p></blockquote><a href="/card"><div><p>' +
    prose('Card', 1) +
    '</p></div></a><table><tr><td><nav><a href="/c">c</a></nav>' +
    prose('Cell', 1) +
    '</td></tr></table><div id="comments"><div class="comment"><p>' +
    prose('Reader', 1) +
    '</p></div></div><form><input name="q"><button>Go</button></form><p>' +
    prose('Z') +
    '<!-- x --></p></div></body>'
]

test('clean on a walk: the same removals, in the same order, the same lists and tree as cleanArticleRoot', function () {
  for (const html of sections) {
    const alone = cleaned(html, false)
    assert.equal(cleaned(html, true), alone, html)
    // Without listeners, alike.
    assert.equal(cleaned(html, true, false).html, alone.html)
    assert.equal(cleaned(html, false, false).html, alone.html)
  }
  // Empty sections removed as the rules say.
  assert.equal(
    cleaned(sections[0], true).removed.map((line) => line.split(' ').slice(0, 2).join(' ')),
    ['div boilerplate-hint', 'h2 empty-section']
  )
  const fixtures = fs.readdirSync('fixtures').filter((name) => fs.existsSync('fixtures/' + name + '/input.html'))
  assert.ok(fixtures.length > 100)
  for (const name of fixtures) {
    const html = fs.readFileSync('fixtures/' + name + '/input.html', 'utf8')
    assert.equal(cleaned(html, true), cleaned(html, false), name)
  }
})

test.run()
