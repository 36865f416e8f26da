import type {Element, Root} from 'hast'
import {leadFixtures} from './util/lead-fixtures.js'
import {fromHtml} from 'hast-util-from-html'
import {toText} from 'hast-util-to-text'
import {select, selectAll} from 'hast-util-select'
import fs from 'node:fs'
import {visitParents} from 'unist-util-visit-parents'
import {indexPage} from '../lib/analyse/page-index.js'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {cleanArticleRoot} from '../lib/analyse/clean/clean-article-root.js'
import {findArticleRoot} from '../lib/analyse/root/find-article-root.js'
import {leadUnderHeadline} from '../lib/analyse/root/lead-under-headline.js'
import {holdsArticle, proseMass, withRecordedProse} from '../lib/analyse/root/holds-article.js'
import {joinContinuations} from '../lib/analyse/root/section-continuations.js'
import {convert} from '../index.js'

/** `count` sentences of running text, numbered so each is unique. */
function prose(label: string, count = 4): string {
  const sentences: Array<string> = []
  for (let index = 0; index < count; index++) {
    sentences.push(`${label} sentence ${index}, which carries enough words, commas and detail to read like a real paragraph of news.`)
  }
  return sentences.join(' ')
}

/** Chinese running text. */
function zhProse(label: string, count = 4): string {
  let value = ''
  for (let index = 0; index < count; index++) {
    value += `${label}第${index}句，记者在现场了解到，相关部门已经展开调查，并表示将尽快公布结果。`
  }
  return value
}

function extract(html: string): {root: Element | undefined; merged: boolean; text: string} {
  const found = findArticleRoot(fromHtml(html))
  const root = found && found.node
  if (root) cleanArticleRoot(root)
  return {root, merged: Boolean(found && found.merged), text: root ? toText(root).replace(/\s+/g, ' ') : ''}
}

function links(prefix: string, count: number): string {
  let value = ''
  for (let index = 0; index < count; index++) {
    value += `<li><a href="/${prefix}/${index}">${prefix} ${index}</a></li>`
  }
  return value
}

test('blog page: skips header nav, sidebar, comments and footer', () => {
  const {root, text} = extract(`<html><head><title>Blog</title></head><body>
<header class="site-header"><nav><ul>${links('Menu', 12)}</ul></nav></header>
<div id="main">
  <article class="post">
    <h1>Post title</h1>
    <div class="entry-content">
      <p>${prose('Alpha')}</p><p>${prose('Beta')}</p><p>${prose('Gamma')}</p>
    </div>
  </article>
  <aside class="sidebar"><h3>Archives</h3><ul>${links('Archive', 10)}</ul>
    <p>${prose('Sidebar blurb', 1)}</p></aside>
  <section id="comments" class="comments-area"><h2>3 Comments</h2>
    <div class="comment"><p>${prose('Commenter one')}</p></div>
    <div class="comment"><p>${prose('Commenter two')}</p></div>
  </section>
</div>
<footer class="site-footer"><p>Copyright 2024, all rights reserved, no really.</p></footer>
</body></html>`)
  assert.ok(root)
  assert.ok(text.includes('Alpha sentence 0'))
  assert.ok(text.includes('Gamma sentence 3'))
  assert.not.ok(text.includes('Menu 1'))
  assert.not.ok(text.includes('Archive'))
  assert.not.ok(text.includes('Commenter'))
  assert.not.ok(text.includes('Copyright'))
  assert.is.not(root.tagName, 'body')
})

test('Chinese portal: skips a large navigation block and the 评论 section', () => {
  const {root, text} = extract(`<html><body>
<div class="top"><div class="daohang"><ul>${links('频道', 80)}</ul></div></div>
<div class="wrap">
  <div class="left">
    <h1>新闻标题</h1>
    <div class="info">2024年5月1日 来源：本报</div>
    <div id="zoom"><p>${zhProse('正文一')}</p><p>${zhProse('正文二')}</p><p>${zhProse('正文三')}</p></div>
    <div class="pl"><h3>网友评论</h3>
      <div class="item"><p>${zhProse('网友甲', 2)}</p></div>
      <div class="item"><p>${zhProse('网友乙', 2)}</p></div>
    </div>
  </div>
  <div class="right"><ul>${links('排行', 20)}</ul></div>
</div>
</body></html>`)
  assert.ok(root)
  assert.ok(text.includes('正文一第0句'))
  assert.ok(text.includes('正文三第3句'))
  assert.not.ok(text.includes('频道 1'))
  assert.not.ok(text.includes('网友甲'))
  assert.not.ok(text.includes('排行 1'))
})

test('`<br><br>`-separated text makes its own block the root', () => {
  const {root, text} = extract(`<html><body>
<div class="main">
  <h1>标题</h1>
  <div id="text">${zhProse('段一', 2)}<br><br>${zhProse('段二', 2)}<br><br>${zhProse('段三', 2)}</div>
  <div class="box"><h3>发表评论</h3><p>${zhProse('留言', 3)}</p></div>
</div>
</body></html>`)
  assert.ok(root)
  assert.is(root.properties.id, 'text')
  assert.ok(text.includes('段三第1句'))
  assert.not.ok(text.includes('留言'))
})

test('article split into sibling divs is merged into a wrapper', () => {
  const {root, merged, text} = extract(`<html><body>
<div class="nav"><a href="/">Home</a> <a href="/news">News</a></div>
<div class="container">
  <div class="story-part"><p>${prose('Part one', 6)}</p><p>${prose('Part one b', 6)}</p></div>
  <div class="ad-slot"><a href="/ad">Buy now</a></div>
  <div class="story-part"><p>${prose('Part two', 6)}</p><p>${prose('Part two b', 6)}</p></div>
  <div class="story-part"><p>${prose('Part three', 6)}</p><p>${prose('Part three b', 6)}</p></div>
</div>
<div class="footer-links">${links('Footer', 8)}</div>
</body></html>`)
  assert.ok(root)
  assert.ok(merged)
  assert.is(root.tagName, 'div')
  assert.ok(text.includes('Part one sentence 0'))
  assert.ok(text.includes('Part two sentence 0'))
  assert.ok(text.includes('Part three b sentence 5'))
  assert.not.ok(text.includes('Buy now'))
  assert.not.ok(text.includes('Footer'))
})

test('merged siblings keep a table and a list between them; furniture between is returned for the removal log', () => {
  const found = findArticleRoot(
    fromHtml(`<html><body>
<div class="wrap">
  <div class="body-text"><p>${prose('Main', 6)}</p><p>${prose('Main b', 6)}</p><p>${prose('Main c', 6)}</p></div>
  <table class="figures"><tr><th>Year</th><th>Calls</th></tr><tr><td>2023</td><td>1,200</td></tr></table>
  <div class="ad-slot advert">Advertisement</div>
  <p>${prose('Tail one', 2)}</p>
  <ul class="points"><li>Night work only.</li><li>Ferries run as usual.</li></ul>
  <p>${prose('Tail two', 2)}</p>
</div>
</body></html>`)
  )
  assert.ok(found)
  assert.ok(found.merged)
  const text = toText(found.node).replace(/\s+/g, ' ')
  assert.ok(text.includes('1,200'), 'table kept')
  assert.ok(text.includes('Ferries run as usual.'), 'list kept')
  assert.ok(text.includes('Tail two sentence 1'))
  assert.not.ok(text.includes('Advertisement'))
  assert.equal(
    found.between.map((node) => node.properties.className),
    [['ad-slot', 'advert']]
  )
})

test('merged siblings leave out a row between them that holds neither a sentence nor media (source, time, a font-size control)', () => {
  const found = findArticleRoot(
    fromHtml(`<html><body>
<div class="wrap">
  <div class="body-text"><p>${zhProse('正文', 6)}</p><p>${zhProse('正文乙', 6)}</p></div>
  <div class="info-row"><p>本报讯</p><p>2025-04-08 09:30</p><div class="fontsize"><span>字号</span></div></div>
  <h3>各方回应</h3>
  <p>${zhProse('后文', 2)}</p>
  <div class="pic"><img src="/photo.jpg" alt="现场"></div>
  <p>好。</p>
  <p>${zhProse('结尾', 2)}</p>
</div>
</body></html>`)
  )
  assert.ok(found)
  assert.ok(found.merged)
  const text = toText(found.node).replace(/\s+/g, ' ')
  assert.ok(text.includes('各方回应'), 'subheading kept')
  assert.ok(text.includes('好。'), 'short paragraph kept')
  assert.ok(text.includes('结尾第1句'))
  assert.ok(select('img', found.node), 'wrapper with an image kept')
  assert.not.ok(text.includes('字号'))
  assert.equal(
    found.between.map((node) => node.properties.className),
    [['info-row']]
  )
})

test('layout table: the article is a `<td>`', () => {
  const {root, text} = extract(`<html><body><table>
<tr><td colspan="2"><a href="/">Home</a> | <a href="/a">About</a> | <a href="/c">Contact</a></td></tr>
<tr>
  <td class="menu"><ul>${links('Section', 15)}</ul></td>
  <td><h1>Old school page</h1><p>${prose('Cell')}</p><p>${prose('Cell more')}</p><p>${prose('Cell end')}</p></td>
</tr></table></body></html>`)
  assert.ok(root)
  assert.is(root.tagName, 'td')
  assert.ok(text.includes('Cell sentence 0'))
  assert.ok(text.includes('Cell end sentence 3'))
  assert.not.ok(text.includes('Section 1'))
})

test('`itemprop=articleBody` wins over a block of similar text', () => {
  const {root, text} = extract(`<html><body>
<div class="panel"><p>${prose('Other block')}</p><p>${prose('Other block more')}</p></div>
<div class="box"><div itemprop="articleBody"><p>${prose('Body')}</p><p>${prose('Body more')}</p></div></div>
</body></html>`)
  assert.ok(root)
  assert.ok(text.includes('Body sentence 0'))
  assert.not.ok(text.includes('Other block'))
})

test('clean: keeps inline markup, marks related lists, drops share bars and newsletters', () => {
  const root = findArticleRoot(
    fromHtml(`<html><body><div class="article-content">
<div class="share-bar"><a href="https://facebook.com/x">Share on Facebook</a> <a href="https://x.com/y">Tweet</a></div>
<p>${prose('Intro')} It links <a href="/ref">to a source</a> and says <b>something bold</b>, <em>stressed</em> and <span>spanned</span> in the middle.</p>
<p>${prose('Second')}</p>
<figure><img src="a.jpg" alt=""><figcaption>A caption, with a comma.</figcaption></figure>
<blockquote><p>A quoted sentence, kept as text.</p></blockquote>
<ul><li>First point of the list, in the text.</li><li>Second point of the list.</li></ul>
<iframe src="https://www.youtube.com/embed/abc"></iframe>
<iframe src="https://ads.example/frame"></iframe>
<div class="newsletter-signup"><h3>Get our newsletter</h3><p>Sign up, it is free, every morning.</p><form><input type="email"><button>Subscribe</button></form></div>
<div class="related-articles"><h3>Related</h3><ul>${links('Related story', 4)}</ul></div>
<div class="also" style="display: none">Hidden text, not shown.</div>
<p>${prose('Closing')}</p>
<div class="author-bio"><p>Jane writes about things, and more things, for this site.</p></div>
</div></body></html>`)
  )?.node
  assert.ok(root)
  const relatedLists = cleanArticleRoot(root)
  const text = toText(root).replace(/\s+/g, ' ')
  assert.ok(text.includes('It links to a source and says something bold, stressed and spanned in the middle.'))
  assert.ok(text.includes('A caption, with a comma.'))
  assert.ok(text.includes('A quoted sentence'))
  assert.ok(text.includes('Second point of the list.'))
  assert.ok(text.includes('Closing sentence 3'))
  assert.not.ok(text.includes('Share on Facebook'))
  assert.not.ok(text.includes('newsletter'))
  assert.not.ok(text.includes('Hidden text'))
  assert.not.ok(text.includes('Jane writes'))
  assert.ok(text.includes('Related story 3'))

  assert.is(relatedLists.length, 1)
  assert.ok(root.children.includes(relatedLists[0]))
  // Embeds stay for `rehypeNormalizeMedia`, which drops (and records) the ad frame.
  const frames = root.children.filter((node) => node.type === 'element' && node.tagName === 'iframe')
  assert.is(frames.length, 2)
})

test('100,000-deep nested divs do not throw', () => {
  // `fromHtml` itself recurses per level, so the tree is built here.
  let inner: Element = {
    type: 'element',
    tagName: 'p',
    properties: {},
    children: [{type: 'text', value: prose('Deep', 2)}]
  }
  for (let index = 0; index < 100000; index++) {
    inner = {type: 'element', tagName: 'div', properties: {}, children: [inner]}
  }
  const tree: Root = {
    type: 'root',
    children: [
      {
        type: 'element',
        tagName: 'html',
        properties: {},
        children: [{type: 'element', tagName: 'body', properties: {}, children: [inner]}]
      }
    ]
  }
  const root = findArticleRoot(tree)
  assert.ok(root)
  cleanArticleRoot(root.node)
})

test('a page without text has no root', () => {
  assert.is(findArticleRoot(fromHtml('<html><body><div><img src="a.png"></div></body></html>')), undefined)
})

/** Text of the lead paragraphs found before `#body`. */
function leads(html: string): Array<string> {
  const tree = fromHtml(html)
  const root = findById(tree, 'body')
  assert.ok(root)
  return leadUnderHeadline(tree, root).map((node) => toText(node))
}

function findById(node: Root | Element, id: string): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (child.properties.id === id) return child
    const found = findById(child, id)
    if (found) return found
  }
  return undefined
}

const standfirst = 'The council voted to keep the pool open through the winter, after a petition signed by two thousand residents.'

test('a lead between the headline and the root is found', () => {
  assert.equal(leads(`<header><h1>Pool stays open</h1><div><p>${standfirst}</p></div><p>By A. Writer</p></header><section><div id="body"><p>${prose('Body')}</p></div></section>`), [standfirst])
})

test('a teaser card, a navigation block or a related block before the root is no lead', () => {
  assert.equal(leads(`<h1>Pool stays open</h1><div class="card"><p>${standfirst}</p><a href="/pool">Read more</a></div><div id="body"><p>${prose('Body')}</p></div>`), [])
  assert.equal(leads(`<h1>Pool stays open</h1><nav><p>${standfirst}</p></nav><div id="body"><p>${prose('Body')}</p></div>`), [])
  assert.equal(leads(`<h1>Pool stays open</h1><div class="related-posts"><p>${standfirst}</p></div><div id="body"><p>${prose('Body')}</p></div>`), [])
})

test('no lead is looked for without a headline before the root, or with one inside it', () => {
  assert.equal(leads(`<div><p>${standfirst}</p></div><div id="body"><p>${prose('Body')}</p></div>`), [])
  assert.equal(leads(`<h1>Site</h1><p>${standfirst}</p><div id="body"><h1>Pool stays open</h1><p>${prose('Body')}</p></div>`), [])
})

test('a long stretch of other text between headline and root is not a headline block', () => {
  assert.equal(leads(`<h1>Pool stays open</h1><p>${standfirst}</p><div>${prose('Other', 8)}</div><div id="body"><p>${prose('Body')}</p></div>`), [])
})

test('no lead is taken when a section of the body follows it outside the root', () => {
  assert.equal(leads(`<h1>Pool stays open</h1><p>${standfirst}</p><h2>Costs</h2><p>${standfirst.replace('council', 'city')}</p><div id="body"><p>${prose('Body')}</p></div>`), [])
})

test('a heading in an ad rail, an aside or a share bar between the lead and the root is no section of the body', () => {
  assert.equal(leads(`<h1>Pool stays open</h1><p>${standfirst}</p><div id="right-ads-rail"><h4>Sponsored links</h4></div><div id="body"><p>${prose('Body')}</p></div>`), [standfirst])
  assert.equal(leads(`<h1>Pool stays open</h1><p>${standfirst}</p><aside><h3>Most read</h3></aside><div id="body"><p>${prose('Body')}</p></div>`), [standfirst])
  assert.equal(
    leads(`<h1>Pool stays open</h1><p>${standfirst}</p><div class="social-buttons"><h2 class="sr-only">Share this story</h2><h3>Share</h3></div><div id="body"><p>${prose('Body')}</p></div>`),
    [standfirst]
  )
})

test('a deck in an `<h2>` right under the headline is the first lead; a question or a short heading is not', () => {
  const deck = 'Two thousand residents signed the petition that kept the pool open.'
  assert.equal(
    leads(`<header><h1>Pool stays open</h1><h2 class="dek">${deck}</h2><p class="byline">By <a href="/author/a-writer">A. Writer</a></p></header><div id="body"><p>${prose('Body')}</p></div>`),
    [deck]
  )
  assert.equal(leads(`<h1>Pool stays open</h1><h2>Will the pool stay open all through the winter months?</h2><div id="body"><p>${prose('Body')}</p></div>`), [])
  assert.equal(leads(`<h1>Pool stays open</h1><h2>Costs.</h2><div id="body"><p>${prose('Body')}</p></div>`), [])
})

test('a hidden paragraph or an image caption is no lead', () => {
  assert.equal(leads(`<h1>Pool stays open</h1><div style="visibility: hidden"><p>${standfirst}</p></div><div id="body"><p>${prose('Body')}</p></div>`), [])
  assert.equal(leads(`<h1>Pool stays open</h1><div class="image-caption"><p>${standfirst}</p></div><div id="body"><p>${prose('Body')}</p></div>`), [])
})

test('a visible headline in an `<h2>` after a hidden or navigation `<h1>` still heads the lead', () => {
  assert.equal(leads(`<ul><li><h1>Pool stays open</h1></li></ul><div><h2>Pool stays open through winter</h2><p>${standfirst}</p></div><div id="body"><p>${prose('Body')}</p></div>`), [standfirst])
})

test('a lead whose links make a small share of it is found, with its container; a linked promo or a lead mostly of links is not', () => {
  const linked = 'The council voted to keep the pool open through the winter, after <a href="/petition">a petition</a> signed by two thousand residents.'
  const text = standfirst
  assert.equal(leads(`<h1>Pool stays open</h1><div class="standfirst"><p>${linked}</p></div><div id="body"><p>${prose('Body')}</p></div>`), [text])
  assert.equal(leads(`<h1>Pool stays open</h1><div class="standfirst">${linked}</div><div id="body"><p>${prose('Body')}</p></div>`), [text])
  // A teaser card's link beside the paragraph still tells a card.
  assert.equal(leads(`<h1>Pool stays open</h1><div class="card"><p>${linked}</p><a href="/pool">Read more</a></div><div id="body"><p>${prose('Body')}</p></div>`), [])
  assert.equal(
    leads(
      `<h1>Pool stays open</h1><p>Read <a href="/pool-live">our live coverage of the council meeting</a> and <a href="/pool-vote">how each member voted</a>.</p><div id="body"><p>${prose('Body')}</p></div>`
    ),
    []
  )
  assert.equal(leads(`<h1>Pool stays open</h1><p>Sign up for our newsletter to get the week's council news every Friday, <a href="/nl">here</a>.</p><div id="body"><p>${prose('Body')}</p></div>`), [])
  // A notice or a promo paragraph, by its own class, is none.
  assert.equal(leads(`<h1>Pool stays open</h1><p class="notice">${linked}</p><div id="body"><p>${prose('Body')}</p></div>`), [])
  assert.equal(leads(`<h1>Pool stays open</h1><p class="promo">${linked}</p><div id="body"><p>${prose('Body')}</p></div>`), [])
  // A `<div>` holding blocks is no paragraph.
  assert.equal(leads(`<h1>Pool stays open</h1><div class="standfirst">${text}<ul><li>One</li></ul></div><div id="body"><p>${prose('Body')}</p></div>`), [])
})

test('page-builder sections: a selector root goes on in a sibling of its kind, with a figure between; an ad between is logged, the next story is not joined', async () => {
  const html =
    '<html><head><title>Quarry lake opens for swimmers</title></head><body><main><h1>Quarry lake opens for swimmers</h1>' +
    `<section class="band"><div class="entry-content"><p>${prose('Opening')}</p></div></section>` +
    '<section class="band"><figure><img src="https://lake.example/beach.jpg" alt="The new beach"><figcaption>The new beach.</figcaption></figure></section>' +
    '<section class="band"><div class="entry-content"><p>The lifeguards start their season in June, and the kiosk opens on warm weekends from ten in the morning.</p></div></section>' +
    '<div class="ad-slot"><span>Advertisement</span> <a href="https://ads.example/">Buy now</a></div>' +
    '<section class="band"><div class="entry-content"><p>Closing words of the story, after the advertisement, about the car park and the bus from the station.</p></div></section>' +
    '<section class="band"><h2><a href="/next">Another story</a></h2><div class="entry-content"><p>The next story in full, which is not this article and must stay out of it, whatever its class.</p></div></section>' +
    '</main></body></html>'
  const file = await convert(html)
  const output = String(file)
  assert.ok(output.includes('Opening sentence 0'))
  assert.ok(output.includes('![The new beach](https://lake.example/beach.jpg)'), 'the figure between continuations')
  assert.ok(output.includes('The lifeguards start their season in June'))
  assert.ok(output.includes('Closing words of the story'))
  assert.not.ok(output.includes('The next story in full'), 'a section titled by a linked heading ends the search')
  assert.not.ok(output.includes('Buy now'))
  assert.is(file.data.articleSources?.root, '.entry-content+sections')
  assert.ok(
    (file.data.removals || []).some((removal) => removal.rule === 'furniture-hint' && removal.element.startsWith('div.ad-slot')),
    'the ad between is logged'
  )
})

test('page-builder sections: a merged root goes on in a sibling section; a root without classes has no kind', () => {
  const joined = (html: string) => {
    const found = findArticleRoot(fromHtml(html))
    assert.ok(found)
    const sections = joinContinuations(found.node, found.merged, found.stats)
    return {merged: found.merged, text: sections ? toText(sections.node).replace(/\s+/g, ' ') : undefined}
  }
  const merged = joined(
    '<html><body><main><div class="layout"><section class="band">' +
      `<div class="widget-text"><p>${prose('First')}</p><p>${prose('Second')}</p></div><p>A short closing line of the first part, with a full stop.</p></section>` +
      '<section class="band"><figure><img src="https://band.example/a.jpg" alt=""></figure></section>' +
      `<section class="band"><p>${prose('Continued', 2)}</p></section></div></main></body></html>`
  )
  assert.ok(merged.merged, 'content scoring merged the first part')
  assert.ok(merged.text && merged.text.includes('First sentence 0') && merged.text.includes('Continued sentence 1'), 'the next section of the kind joins the root')
  const bare = joined(`<html><body><div><div><p>${prose('Bare')}</p><p>${prose('More')}</p></div></div><div><div><p>${prose('Elsewhere', 2)}</p></div></div></body></html>`)
  assert.is(bare.text, undefined, 'no kind without classes')
})

test('article root: the lead under the headline with the root’s ancestors known walks once and finds what the walk without them finds', function () {
  let leads = 0
  let roots = 0
  for (const name of leadFixtures) {
    const html = fs.readFileSync(new URL('../fixtures/' + name + '/input.html', import.meta.url), 'utf8')
    // Also with a teaser card beside the headline (a paragraph taken that fails its ancestors' checks once the root is known).
    const variants = [html, html.replace(/<h1[^>]*>[\s\S]*?<\/h1>/, '$&<div class="teaser-card"><p>' + prose('teaser', 1) + '</p><a href="/next">Next</a></div>')]
    for (const markup of variants) {
      const count = selectAll('div, section, article, main', fromHtml(markup)).length
      for (let at = 0; at < count; at++) {
        const tree = fromHtml(markup)
        const root = selectAll('div, section, article, main', tree)[at]
        const headlines = indexPage(tree).headlines
        let above: Set<Element> | undefined
        visitParents(tree, 'element', function (node, ancestors) {
          if (node === root) above = new Set(ancestors.filter((ancestor): ancestor is Element => ancestor.type === 'element'))
        })
        const walked = leadUnderHeadline(tree, root)
        assert.equal(leadUnderHeadline(tree, root, headlines, above), walked, name + ' root ' + at)
        assert.equal(leadUnderHeadline(tree, root, undefined, above), walked, name + ' root ' + at + ' (no headlines)')
        // Ancestors that are not the root's (a tree changed since they were told): the walk meets the root under others and walks again.
        assert.equal(leadUnderHeadline(tree, root, headlines, new Set([...above!].slice(1))), walked, name + ' root ' + at + ' (other ancestors)')
        roots++
        leads += walked.length
      }
    }
  }
  assert.ok(leads > 10 && roots > 100, 'leads found: ' + leads + ' over ' + roots + ' roots')
})

test('article root: whether a selector’s match holds the article, told from the parents the walk saw, is what a search of the scoring root tells', function () {
  let inner = 0
  let pairs = 0
  for (const name of ['core-seed', 'full-page-published-time', 'generic-table-article', 'root-selector-related-cards']) {
    const tree = fromHtml(fs.readFileSync(new URL('../fixtures/' + name + '/input.html', import.meta.url), 'utf8'))
    const parents = new Map<Element, Root | Element>()
    visitParents(tree, 'element', (node, ancestors) => void parents.set(node, ancestors[ancestors.length - 1] as Root | Element))
    const blocks = selectAll('div, section, article, main, body', tree)
    // A merged root, detached: the first two element children of a block with several.
    const parent = blocks.find((block) => block.children.filter((child) => child.type === 'element').length > 2)!
    const wrapper: Element = {type: 'element', tagName: 'div', properties: {}, children: parent.children.filter((child): child is Element => child.type === 'element').slice(0, 2)}
    for (const scoring of [...blocks, wrapper]) {
      // A low bar, so that the share inside or outside decides.
      const prose = Math.max(proseMass(scoring), 80)
      for (const match of blocks) {
        const told = holdsArticle(match, scoring, prose, (element) => parents.get(element))
        assert.is(told, holdsArticle(match, scoring, prose), name + ' ' + blocks.indexOf(scoring) + ' ' + blocks.indexOf(match))
        pairs++
        // Held only as a match inside the scoring root (a tenth of its prose, not half).
        if (told && proseMass(match) < prose * 0.5) inner++
      }
    }
  }
  assert.ok(pairs > 500 && inner > 0, 'pairs ' + pairs + ', inside and held ' + inner)
})

test('article root: an element’s prose told from the index walk’s page text is what reading it tells', function () {
  let told = 0
  const made =
    '<body><div><p>Loose <a href="/x">linked words in a sentence.</a> and more words that end here.</p><a href="/y"><div>A card in a link reads as a sentence.</div></a><p hidden>Hidden words that end a sentence here.</p><div>Line one ends here.<br>Line two ends here too…<br>Third line, no end</div><p>Dots... and more words…</p></div></body>'
  for (const html of [
    made,
    ...['core-seed', 'full-page-published-time', 'generic-table-article', 'core-table-weather', 'clean-block-in-link'].map((name) =>
      fs.readFileSync(new URL('../fixtures/' + name + '/input.html', import.meta.url), 'utf8')
    )
  ]) {
    const tree = fromHtml(html)
    const record = indexPage(tree, {pageText: true}).pageText!
    visitParents(tree, 'element', function (node) {
      const read = proseMass(node)
      assert.is(
        withRecordedProse(record, () => proseMass(node)),
        read,
        '<' + node.tagName + '> of ' + html.slice(0, 40)
      )
      if (record.starts.has(node) && read > 0) told++
    })
  }
  assert.ok(told > 50, 'told ' + told)
})

test.run()
