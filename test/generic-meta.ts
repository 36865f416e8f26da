import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {fromHtml} from 'hast-util-from-html'
import {extractGenericMeta} from '../lib/analyse/meta/generic-meta.js'
import type {GenericMeta} from '../lib/analyse/meta/generic-meta.js'
import fs from 'node:fs'
import {fieldOrder, fieldSources, precedenceTable} from '../lib/analyse/meta/fields.js'
import {convert} from '../index.js'

/** Extract from a page made of `head` and `body` HTML. */
function extract(head: string, body = '', url?: string): GenericMeta {
  const html = `<!doctype html><html><head>${head}</head><body>${body}</body></html>`
  return extractGenericMeta(fromHtml(html), {url})
}

function ld(data: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(data)}</script>`
}

// ------------------------------------------------------------------ JSON-LD

test('json-ld: NewsArticle fields', () => {
  const meta = extract(
    ld({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Rivers rise',
      author: {'@type': 'Person', name: 'Jane Doe'},
      datePublished: '2020-04-14T10:30:00+08:00',
      dateModified: '2020-04-15T08:00:00+08:00',
      keywords: 'floods, weather',
      articleSection: 'World',
      publisher: {'@type': 'Organization', name: 'Daily Planet'},
      mainEntityOfPage: {'@id': 'https://example.com/rivers'},
      image: {'@type': 'ImageObject', url: 'https://example.com/a.jpg'},
      description: 'Water everywhere.'
    })
  )
  assert.equal(meta.title, {value: 'Rivers rise', from: 'json-ld:NewsArticle.headline'})
  assert.equal(meta.author, {value: 'Jane Doe', from: 'json-ld:NewsArticle.author'})
  assert.equal(meta.date, {value: '2020-04-14T10:30:00+08:00', from: 'json-ld:NewsArticle.datePublished'})
  assert.equal(meta.modified, {value: '2020-04-15T08:00:00+08:00', from: 'json-ld:NewsArticle.dateModified'})
  assert.equal(meta.tags, {value: ['floods', 'weather'], from: 'json-ld:NewsArticle.keywords'})
  assert.equal(meta.section, {value: 'World', from: 'json-ld:NewsArticle.articleSection'})
  assert.equal(meta.source, {value: 'Daily Planet', from: 'json-ld:NewsArticle.publisher'})
  assert.equal(meta.siteName, {value: 'Daily Planet', from: 'json-ld:NewsArticle.publisher'})
  assert.equal(meta.url, {value: 'https://example.com/rivers', from: 'json-ld:NewsArticle.mainEntityOfPage'})
  assert.equal(meta.image, {value: 'https://example.com/a.jpg', from: 'json-ld:NewsArticle.image'})
  assert.equal(meta.description, {value: 'Water everywhere.', from: 'json-ld:NewsArticle.description'})
})

test('json-ld: `@graph` with `@id` references (Yoast)', () => {
  const meta = extract(
    ld({
      '@context': 'https://schema.org',
      '@graph': [
        {'@type': 'WebSite', '@id': 'https://example.com/#website', name: 'Example Blog'},
        {'@type': 'WebPage', '@id': 'https://example.com/post/#webpage', name: 'Post – Example Blog', datePublished: '2019-01-01'},
        {
          '@type': 'Article',
          '@id': 'https://example.com/post/#article',
          headline: 'Post',
          author: {'@id': 'https://example.com/#/schema/person/1'},
          datePublished: '2020-02-03T04:05:06+00:00',
          isPartOf: {'@id': 'https://example.com/post/#webpage'}
        },
        {'@type': 'Person', '@id': 'https://example.com/#/schema/person/1', name: 'Ann Author'}
      ]
    })
  )
  assert.equal(meta.title, {value: 'Post', from: 'json-ld:Article.headline'})
  assert.equal(meta.author, {value: 'Ann Author', from: 'json-ld:Article.author'})
  assert.equal(meta.date, {value: '2020-02-03T04:05:06+00:00', from: 'json-ld:Article.datePublished'})
  assert.equal(meta.siteName, {value: 'Example Blog', from: 'json-ld:WebSite.name'})
})

test('json-ld: arrays of entities and several authors', () => {
  const meta = extract(
    ld([
      {'@type': 'BreadcrumbList', itemListElement: []},
      {
        '@type': ['ReportageNewsArticle'],
        headline: 'Two bylines',
        author: [{'@type': 'Person', name: 'Jane Doe'}, {'@type': 'Person', name: 'John Roe'}, 'Kim Lee'],
        keywords: ['a', 'b', 'a']
      }
    ])
  )
  assert.equal(meta.author, {value: 'Jane Doe, John Roe, Kim Lee', from: 'json-ld:ReportageNewsArticle.author'})
  assert.equal(meta.tags?.value, ['a', 'b'], 'deduplicated')
})

test('json-ld: article types win over WebPage', () => {
  const meta = extract(
    ld({'@type': 'WebPage', name: 'Page', headline: 'Page headline', datePublished: '2019-01-01'}) + ld({'@type': 'BlogPosting', headline: 'Post headline', datePublished: '2020-01-01'})
  )
  assert.equal(meta.title, {value: 'Post headline', from: 'json-ld:BlogPosting.headline'})
  assert.equal(meta.date, {value: '2020-01-01', from: 'json-ld:BlogPosting.datePublished'})
})

test('json-ld: WebPage is a fallback', () => {
  const meta = extract(ld({'@type': 'WebPage', headline: 'Only a page', datePublished: '2019-05-06'}))
  assert.equal(meta.title, {value: 'Only a page', from: 'json-ld:WebPage.headline'})
  assert.equal(meta.date, {value: '2019-05-06', from: 'json-ld:WebPage.datePublished'})
})

test('json-ld: invalid JSON is ignored, other sources still work', () => {
  const meta = extract(
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>' + '<meta property="og:title" content="From OpenGraph">' + '<meta name="author" content="Meta Author">'
  )
  assert.equal(meta.title, {value: 'From OpenGraph', from: 'meta:og:title'})
  assert.equal(meta.author, {value: 'Meta Author', from: 'meta:author'})
})

test('json-ld: cheap repairs (raw newlines, trailing commas)', () => {
  const meta = extract('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Line\none", "author": {"name": "Jane Doe"},}</script>')
  assert.equal(meta.title?.value, 'Line one')
  assert.equal(meta.author?.value, 'Jane Doe')
})

test('json-ld: organisation authors only when no person is found', () => {
  const head = ld({'@type': 'NewsArticle', headline: 'X', author: {'@type': 'Organization', name: 'Wire Service'}})
  assert.equal(extract(head).author, {value: 'Wire Service', from: 'json-ld:NewsArticle.author'})
  assert.equal(extract(head + '<meta name="author" content="Jane Doe">').author, {value: 'Jane Doe', from: 'meta:author'})
})

// --------------------------------------------------------- OpenGraph, meta

test('opengraph and article:*', () => {
  const meta = extract(
    [
      '<meta property="og:title" content="Open title">',
      '<meta property="og:url" content="/news/1">',
      '<meta property="og:site_name" content="Graph Times">',
      '<meta property="og:image" content="/img/1.jpg">',
      '<meta property="og:description" content="Summary.">',
      '<meta property="article:published_time" content="2021-06-01T09:00:00+02:00">',
      '<meta property="article:modified_time" content="2021-06-02T09:00:00+02:00">',
      '<meta property="article:tag" content="Politics">',
      '<meta property="article:tag" content="Europe">',
      '<meta property="article:tag" content="politics">',
      '<meta property="article:section" content="News">',
      '<meta property="article:author" content="https://www.facebook.com/someone">'
    ].join(''),
    '',
    'https://example.com/page'
  )
  assert.equal(meta.title, {value: 'Open title', from: 'meta:og:title'})
  assert.equal(meta.url, {value: 'https://example.com/news/1', from: 'meta:og:url'})
  assert.equal(meta.siteName, {value: 'Graph Times', from: 'meta:og:site_name'})
  assert.equal(meta.source, {value: 'Graph Times', from: 'meta:og:site_name'})
  assert.equal(meta.image, {value: 'https://example.com/img/1.jpg', from: 'meta:og:image'})
  assert.equal(meta.description, {value: 'Summary.', from: 'meta:og:description'})
  assert.equal(meta.date, {value: '2021-06-01T09:00:00+02:00', from: 'meta:article:published_time'})
  assert.equal(meta.modified, {value: '2021-06-02T09:00:00+02:00', from: 'meta:article:modified_time'})
  assert.equal(meta.tags, {value: ['Politics', 'Europe'], from: 'meta:article:tag'})
  assert.equal(meta.section, {value: 'News', from: 'meta:article:section'})
  assert.is(meta.author, undefined, '`article:author` URLs are ignored')
})

test('meta names are case-insensitive; keywords split on , ， 、', () => {
  const meta = extract('<meta NAME="Author" content="Jane Doe"><meta name="KEYWORDS" content="经济，贸易、关税, trade">')
  assert.equal(meta.author, {value: 'Jane Doe', from: 'meta:author'})
  assert.equal(meta.tags, {value: ['经济', '贸易', '关税', 'trade'], from: 'meta:keywords'})
})

test('meta: parsely, sailthru, Dublin Core and pubdate', () => {
  assert.equal(extract('<meta name="parsely-author" content="Pat Parsely">').author, {value: 'Pat Parsely', from: 'meta:parsely-author'})
  assert.equal(extract('<meta name="sailthru.author" content="Sam Sail">').author, {value: 'Sam Sail', from: 'meta:sailthru.author'})
  assert.equal(extract('<meta name="DC.creator" content="Dana Core">').author, {value: 'Dana Core', from: 'meta:dc.creator'})
  assert.equal(extract('<meta name="byl" content="By Bo Byline">').author, {value: 'Bo Byline', from: 'meta:byl'})
  assert.equal(extract('<meta name="pubdate" content="20200414">').date, undefined, 'compact digits are not a date')
  assert.equal(extract('<meta name="DC.date.issued" content="2020-04-14">').date, {value: '2020-04-14', from: 'meta:dc.date.issued'})
  assert.equal(extract('<meta name="parsely-pub-date" content="2020-04-14T01:02:03Z">').date, {value: '2020-04-14T01:02:03Z', from: 'meta:parsely-pub-date'})
  assert.equal(extract('<meta name="dc.title" content="Dublin">').title, {value: 'Dublin', from: 'meta:dc.title'})
  assert.equal(extract('<meta name="twitter:title" content="Tweet title">').title, {value: 'Tweet title', from: 'meta:twitter:title'})
})

test('meta: `<meta itemprop>`', () => {
  const meta = extract('<meta itemprop="datePublished" content="2018-07-08"><meta itemprop="author" content="Ida Item">')
  assert.equal(meta.date, {value: '2018-07-08', from: 'meta:itemprop:datepublished'})
  assert.equal(meta.author, {value: 'Ida Item', from: 'meta:itemprop:author'})
})

// ------------------------------------------------------- in-page markup

test('microdata: author scope with name, datePublished, headline', () => {
  const meta = extract(
    '',
    [
      '<article itemscope itemtype="https://schema.org/NewsArticle">',
      '<h2 itemprop="headline">Micro headline</h2>',
      '<span itemprop="author" itemscope itemtype="https://schema.org/Person"><a href="/u/1"><span itemprop="name">Mia Micro</span></a></span>',
      '<span itemprop="datePublished" content="2017-03-04T05:06:00+01:00">4 March</span>',
      '</article>'
    ].join('')
  )
  assert.equal(meta.author, {value: 'Mia Micro', from: 'microdata:author'})
  assert.equal(meta.date, {value: '2017-03-04T05:06:00+01:00', from: 'microdata:datePublished'})
  assert.equal(meta.title, {value: 'Micro headline', from: 'microdata:headline'})
})

test('microdata: authors in comments are ignored', () => {
  const meta = extract('', '<div class="comments"><div itemscope itemtype="https://schema.org/Comment"><span itemprop="author">Troll</span></div></div>')
  assert.is(meta.author, undefined)
})

test('rel=author links', () => {
  const meta = extract('<link rel="author" href="/humans.txt">', '<p><a rel="author" href="/u/r">Rel Author</a></p>')
  assert.equal(meta.author, {value: 'Rel Author', from: 'rel=author'})
})

test('time: `pubdate`, then in the article, not in the sidebar, not updated', () => {
  const sidebar = '<div class="sidebar"><time datetime="2001-01-01">old</time></div>'
  assert.equal(extract('', sidebar + '<article><time class="updated" datetime="2020-02-02">u</time><time datetime="2020-01-01T10:00">1 Jan</time></article>').date, {
    value: '2020-01-01T10:00:00',
    from: 'time[datetime]'
  })
  assert.equal(extract('', '<article><time datetime="2020-01-01">a</time></article><time pubdate datetime="2019-12-31">b</time>').date, {value: '2019-12-31', from: 'time[pubdate]'})
  assert.equal(extract('', '<header><time>March 3, 2015</time></header>').date, {value: '2015-03-03', from: 'time'})
})

// ------------------------------------------------------------ bylines

test('byline: class hint with several names, agency and role dropped', () => {
  const meta = extract('', '<article><h1>Headline here</h1><div class="byline">By Jane Doe and John Roe | Reuters</div></article>')
  assert.equal(meta.author, {value: 'Jane Doe, John Roe', from: 'byline'})
})

test('byline: `By` text, role and date dropped', () => {
  const meta = extract('', '<article><p><span>By </span><a href="/p/jd">Jane Doe</a>, Staff Writer</p><p>April 14, 2020</p></article>')
  assert.equal(meta.author, {value: 'Jane Doe', from: 'byline'})
  assert.equal(meta.date, {value: '2020-04-14', from: 'visible-date'})
})

test('byline: German `Von` and a date before `von`', () => {
  assert.equal(extract('', '<article><p class="meta">Von Max Mustermann und Erika Muster</p></article>').author?.value, 'Max Mustermann, Erika Muster')
  assert.equal(extract('', '<article><span>06.11.2023 13:30 von Olga </span></article>').author?.value, 'Olga')
  assert.is(extract('', '<ul><li>2015 Ernst Ulrich von Weizsäcker</li></ul>').author, undefined, 'a year is no date')
})

test('byline: sentences starting with “by” are not bylines', () => {
  assert.is(extract('', '<article><p>by the end of the day nothing had changed.</p></article>').author, undefined)
})

test('byline: Chinese credit lines', () => {
  assert.equal(extract('', '<div class="info">作者：张三　来源：新华网</div>').author, {value: '张三', from: 'byline'})
  assert.equal(extract('', '<div class="info">作者：张三　来源：新华网</div>').source, {value: '新华网', from: 'credit-line'})
  assert.equal(extract('', '<p>新华社北京4月14日电（记者 李四 王五 报道）今天……</p>').author?.value, '李四, 王五')
  assert.equal(extract('', '<p>本報訊（記者陳大文報導）</p>').author?.value, '陳大文')
  assert.equal(extract('', '<p>文／林小明</p>').author?.value, '林小明')
  assert.equal(extract('', '<p>文/林小明</p>').author?.value, '林小明')
  assert.equal(extract('', '<div>发布时间：2020-04-14 10:30 来源：人民网</div>').date, {value: '2020-04-14T10:30:00', from: 'credit-line'})
})

test('byline: a Chinese byline stands alone, never inside a sentence', () => {
  // On a line of its own, after a dateline, before other credits or a date, or in brackets.
  assert.equal(extract('', '<p>本报记者 王小明</p>').author?.value, '王小明')
  assert.equal(extract('', '<div><span>2024-03-02 08:15</span>\n<span>本报记者 王小明</span>\n<span>来源：江城日报</span></div>').author?.value, '王小明')
  assert.equal(extract('', '<p>作者：张三<br>正文从这里开始，这是一个很长的句子。</p>').author?.value, '张三')
  assert.equal(extract('', '<p>本报讯（记者 王小明）停航三年的轮渡昨晚恢复运营。</p>').author?.value, '王小明')
  assert.equal(extract('', '<div class="info">作者：张三来源：新华网</div>').author?.value, '张三')
  // Inside a sentence, wrapped across lines or not: no author.
  assert.is(extract('', '<article><p>记者在<strong>现场\n</strong>看到<a href="/q">许多\n市民</a>排队。</p></article>').author, undefined)
  assert.is(extract('', '<p>记者在市场 看到许多市民排队。</p>').author, undefined)
  assert.is(extract('', '<p>据美联社记者\n张伟报道，类似的市集近年在多个城市兴起。</p>').author, undefined)
  assert.is(extract('', '<p>记者张伟报道，昨日市政府宣布了新的措施。</p>').author, undefined)
  assert.is(extract('', '<p>该书作者：李海洋在序言中写道，希望读者了解家乡。</p>').author, undefined)
  assert.is(extract('', '<p>记者 走访 了解到，多数摊主是退休教师。</p>').author, undefined)
})

test('byline: a link to an author page', () => {
  assert.equal(extract('', '<article><div class="meta"><a href="/about/editors/jon-fingas/">Jon Fingas</a></div></article>').author, {value: 'Jon Fingas', from: 'author-link'})
  assert.equal(extract('', '<article><a href="https://example.com/author/mj">Alles von Martin Junker</a></article>').author?.value, 'Martin Junker')
})

test('byline: the editor in charge is recorded, never the author', () => {
  assert.equal(extract('', '<div>责任编辑：赵六</div>').author, undefined)
  assert.equal(extract('', '<div>责任编辑：赵六</div>').editors, {value: ['赵六'], from: 'credit-line:editor'})
  assert.equal(extract('', '<div>作者：张三</div><div>责任编辑：赵六</div>').author?.value, '张三')
  assert.equal(extract('', '<div class="author">责任编辑：赵六</div>').author, undefined)
  // A site-wide meta author who is the page's editor in charge.
  const editorMeta = extract('<meta name="author" content="孔德明">', '<p>半月谈记者 史卫燕</p><p>责任编辑：孔德明</p>').author
  assert.equal([editorMeta?.value, editorMeta?.from, editorMeta?.passed], ['史卫燕', 'byline', [{value: '孔德明', from: 'meta:author', reason: 'editor'}]])
})

// --------------------------------------------------------- precedence

test('precedence: JSON-LD author > meta author > visible byline', () => {
  const byline = '<article><div class="byline">By Visible Person</div></article>'
  const meta = '<meta name="author" content="Meta Person">'
  const json = ld({'@type': 'NewsArticle', author: {name: 'Json Person'}})
  assert.equal(extract(json + meta, byline).author, {value: 'Json Person', from: 'json-ld:NewsArticle.author'})
  assert.equal(extract(meta, byline).author, {value: 'Meta Person', from: 'meta:author'})
  assert.equal(extract('', byline).author, {value: 'Visible Person', from: 'byline'})
})

test('precedence: a lone first name yields to a visible byline that completes it', () => {
  const head = ld({'@type': 'Article', author: {'@type': 'Person', name: 'Stefanus'}})
  const fuller = extract(head, '<article><p class="author">Von Stefanus Stahl</p></article>').author
  assert.equal([fuller?.value, fuller?.from], ['Stefanus Stahl', 'byline'])
  assert.equal(extract(head, '<article><p class="author">Von Maria Meier</p></article>').author?.value, 'Stefanus')
})

test('precedence: a WebPage author is weaker than a visible byline', () => {
  const head = ld({'@type': 'WebPage', author: {'@type': 'Person', name: 'Page Owner'}})
  assert.equal(extract(head, '<article><div class="byline">By Real Writer</div></article>').author?.value, 'Real Writer')
  assert.equal(extract(head).author, {value: 'Page Owner', from: 'json-ld:WebPage.author'})
})

test('precedence: author equal to the site name, a URL or an e-mail is rejected', () => {
  const byline = '<article><div class="byline">By Real Person</div></article>'
  assert.equal(extract('<meta property="og:site_name" content="Daily Planet"><meta name="author" content="Daily Planet">', byline).author?.value, 'Real Person')
  assert.equal(extract('<meta name="author" content="https://example.com/staff">', byline).author?.value, 'Real Person')
  assert.equal(extract('<meta name="author" content="desk@example.com">', byline).author?.value, 'Real Person')
  assert.equal(extract('<meta name="author" content="El Diario">', byline, 'https://www.eldiario.es/a').author?.value, 'Real Person')
})

test('precedence: conflicting dates', () => {
  const json = ld({'@type': 'NewsArticle', datePublished: '2020-01-02T03:04:05+01:00'})
  const og = '<meta property="article:published_time" content="2021-01-01T00:00:00+01:00">'
  const body = '<article><time datetime="2022-02-02">2 Feb</time></article>'
  assert.equal(extract(json + og, body).date?.from, 'json-ld:NewsArticle.datePublished')
  assert.equal(extract(og, body).date?.from, 'meta:article:published_time')
  assert.equal(extract('', body).date?.from, 'time[datetime]')
  assert.equal(extract('', '', 'https://example.com/2016/12/13/story').date, {value: '2016-12-13', from: 'url-path'})
})

test('precedence: `dc.date` comes after `<time>`', () => {
  const meta = extract('<meta name="dcterms.date" content="2022-01-21">', '<article><time datetime="2022-01-25T08:00:00+01:00">25.01.2022</time></article>')
  assert.equal(meta.date, {value: '2022-01-25T08:00:00+01:00', from: 'time[datetime]'})
})

test('precedence: an unparseable date falls through to the next source', () => {
  const meta = extract(ld({'@type': 'NewsArticle', datePublished: 'yesterday'}) + '<meta name="date" content="2020-04-14">')
  assert.equal(meta.date, {value: '2020-04-14', from: 'meta:date'})
})

test('precedence: a UTC timestamp one day off the visible day yields the visible day', () => {
  const head = '<meta property="article:published_time" content="2016-12-23T00:47:31Z">'
  assert.equal(extract(head, '<article><p class="date">Dec 22, 2016</p></article>').date, {value: '2016-12-22', from: 'visible-date'})
  assert.equal(extract(head, '<article><p class="date">Dec 20, 2016</p></article>').date?.from, 'meta:article:published_time')
})

test('precedence: tags', () => {
  const head = '<meta property="article:tag" content="One"><meta name="keywords" content="site, wide">'
  assert.equal(extract(head).tags, {value: ['One'], from: 'meta:article:tag'})
  assert.equal(extract('', '<a rel="tag" href="/t/x">X</a> <a rel="tag" href="/t/y">Y</a>').tags, {value: ['X', 'Y'], from: 'rel=tag'})
})

test('precedence: source', () => {
  const head = '<meta property="og:site_name" content="Site">' + ld({'@type': 'NewsArticle', publisher: {name: 'Publisher'}})
  assert.equal(extract(head).source, {value: 'Publisher', from: 'json-ld:NewsArticle.publisher'})
  assert.equal(extract(head, '<p>来源：新华网</p>').source, {value: '新华网', from: 'credit-line'})
  assert.equal(extract(head).siteName, {value: 'Site', from: 'meta:og:site_name'})
})

// ---------------------------------------------------------------- title

test('title: site suffix stripped with og:site_name', () => {
  assert.equal(extract('<title>Big News | The Site</title><meta property="og:site_name" content="The Site">').title, {value: 'Big News', from: 'title-element'})
  assert.equal(extract('<title>标题 - 禁闻网</title><meta property="og:site_name" content="禁闻网">').title?.value, '标题')
  assert.equal(extract('<title>The Site: Big News Today</title><meta property="og:site_name" content="The Site">').title?.value, 'Big News Today')
})

test('title: site suffix stripped by the host or the separators heuristic', () => {
  assert.equal(extract('<title>Big News Today – Examplepost</title>', '', 'https://www.examplepost.com/a').title?.value, 'Big News Today')
  assert.equal(extract('<title>A fairly long headline about things - Gazette</title>').title?.value, 'A fairly long headline about things')
  assert.equal(extract('<title>这个约会软件，想用你和对方的相似好恶_智能_好奇心日报</title>').title?.value, '这个约会软件，想用你和对方的相似好恶')
  assert.equal(extract('<title>Why - and how - it works</title>').title?.value, 'Why - and how - it works', 'no name-like part')
})

test('title: the h1 contained in `<title>` wins', () => {
  const meta = extract('<title>Storm hits coast | Local | The Site</title>', '<h1>Storm hits coast</h1>')
  assert.equal(meta.title, {value: 'Storm hits coast', from: 'h1'})
})

test('title: agreement of h1 and og:title, typographic quotes', () => {
  const meta = extract('<meta property="og:title" content="Why Trump won\'t change">', '<article><h1>Why Trump won’t change</h1></article>')
  assert.equal(meta.title, {value: 'Why Trump won’t change', from: 'h1'})
})

test('title: a decorated h1 yields the metadata title', () => {
  const meta = extract('<meta property="og:title" content="Brothel busted in Boston">', '<article><h1>Local News | Brothel busted in Boston</h1></article>')
  assert.equal(meta.title, {value: 'Brothel busted in Boston', from: 'meta:og:title'})
})

test('title: a logo h1 outside the article is not the title', () => {
  const meta = extract('<meta property="og:title" content="Real headline of the story">', '<header><h1>Politico Logo</h1></header>')
  assert.equal(meta.title?.value, 'Real headline of the story')
})

// ------------------------------------------------------------ url, lang

test('url: canonical > og:url > options.url, relative resolved', () => {
  const base = 'https://example.com/news/story?utm=x'
  assert.equal(extract('<link rel="canonical" href="/news/story"><meta property="og:url" content="https://example.com/og">', '', base).url, {
    value: 'https://example.com/news/story',
    from: 'link:canonical'
  })
  assert.equal(extract('<meta property="og:url" content="https://example.com/og">', '', base).url, {value: 'https://example.com/og', from: 'meta:og:url'})
  assert.equal(extract('', '', base).url, {value: base, from: 'options.url'})
  assert.is(extract('').url, undefined)
})

test('language', () => {
  const meta = extractGenericMeta(fromHtml('<html lang="zh-CN"><head></head><body></body></html>'))
  assert.equal(meta.language, {value: 'zh-CN', from: 'html[lang]'})
  assert.equal(extract('<meta property="og:locale" content="en_GB">').language, {value: 'en-GB', from: 'meta:og:locale'})
})

test('empty page', () => {
  assert.equal(extractGenericMeta(fromHtml('')), {})
})

test('precedence: the README table is the one `fields.ts` gives (run `npx tsx scripts/precedence-table.ts`)', () => {
  const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const start = readme.indexOf('<!-- precedence:start -->\n')
  const end = readme.indexOf('<!-- precedence:end -->')
  assert.ok(start !== -1 && end > start, 'README has the precedence markers')
  assert.is(readme.slice(start + '<!-- precedence:start -->\n'.length, end), precedenceTable())
})

test('precedence: every field lists distinct sources', () => {
  for (const field of fieldOrder) {
    const ids = fieldSources[field].map((source) => source.id)
    assert.ok(ids.length > 0, field)
    assert.is(new Set(ids).size, ids.length, field)
  }
})

test('precedence: the first source that gives a value wins, and is recorded', async () => {
  // The credit line beats the JSON-LD author and publisher; JSON-LD's date
  // beats the visible date; the labelled tag footer beats meta keywords.
  const html =
    '<html><head><meta name="keywords" content="meta1, meta2">' +
    '<script type="application/ld+json">{"@type":"NewsArticle","headline":"标题","author":{"@type":"Person","name":"Jane Doe"},"publisher":{"@type":"Organization","name":"某报"},"datePublished":"2020-04-14T10:30:00+08:00"}</script>' +
    '</head><body><div class="entry-content"><p>（来源：新华网 作者：张三）</p><p>正文第一段，说了一件事。</p>' +
    '<p class="meta">发布时间：2021-01-01</p><div>本文标签：<a href="/t/a">甲</a> <a href="/t/b">乙</a></div></div></body></html>'
  const file = await convert(html)
  assert.equal(file.data.article && {source: file.data.article.source, author: file.data.article.author, date: file.data.article.date, tags: file.data.article.tags}, {
    source: '新华网',
    author: '张三',
    date: '2020-04-14T10:30:00+08:00',
    tags: ['甲', '乙']
  })
  assert.equal(file.data.articleSources && [file.data.articleSources.source, file.data.articleSources.author, file.data.articleSources.tags], ['credit-line', 'credit-line', 'tag-footer'])
  assert.not.match(String(file), '来源')
  assert.not.match(String(file), '本文标签')
  // The standard metadata stays whole on the analysis, the fields the frontmatter does not write too.
  assert.is(file.data.analysis && file.data.analysis.meta && file.data.analysis.meta.author && file.data.analysis.meta.author.value, 'Jane Doe')
})

test('generic meta: a personal site’s owner is the last author source; an organisation’s copyright on its own site is none', () => {
  const post = '<article><h1>Bread in winter</h1><p>Every winter my sourdough loaves came out flat and dense.</p></article>'
  assert.equal(extract('<title>Imke Sandvoss’s Notebook | Bread in winter</title>', post).author, {value: 'Imke Sandvoss', from: 'title:owner'})
  assert.equal(extract('<title>Bread in winter</title>', post + '<footer><p>© 2006–2019 by Imke Sandvoss</p></footer>').author, {value: 'Imke Sandvoss', from: 'copyright'})
  assert.equal(
    extract('<title>Bread in winter | Imke Sandvoss</title>', post + '<footer><p>Copyright (c) 2014- Imke Sandvoss. All rights reserved.</p></footer>', 'https://imkesandvoss.example/bread').author
      ?.value,
    'Imke Sandvoss',
    'a site named after its owner'
  )
  assert.equal(
    extract(
      '<title>Reisehinweise - Stadtwerke Nordheim</title><meta property="og:site_name" content="Stadtwerke Nordheim">',
      post + '<footer><p>© 1995 – 2021 Stadtwerke Nordheim</p></footer>',
      'https://www.nordheim-energie.example/hinweise'
    ).author,
    undefined,
    'the site’s own name on a domain of another name: an organisation'
  )
  assert.equal(extract('<title>Bread in winter</title>', post + '<footer><p>© 2024 Harbour Communications</p></footer>').author, undefined, 'not a person')
  assert.equal(extract('<title>Bread in winter</title><meta name="author" content="Jane Roe">', post + '<footer><p>© 2024 Imke Sandvoss</p></footer>').author?.value, 'Jane Roe', 'a named writer wins')
})

test.run()
