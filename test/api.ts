import fs from 'node:fs/promises'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {toString as hastToString} from 'hast-util-to-string'
import {VFile} from 'vfile'
import * as mod from '../index.js'
import {report, rereport} from '../lib/messages.js'
import {fixtureInputs} from './util/fuzz-html.js'

test('api: exports', function () {
  assert.equal(Object.keys(mod).sort(), [
    'builtinProfiles',
    'convert',
    'createProcessor',
    'frontmatterKeys',
    'genericNews',
    'layoutNames',
    'matchProfile',
    'newsMarkdownPreset',
    'parseCreditLine',
    'rehypeCjkSpacing',
    'rehypeCollapseFormatting',
    'rehypeExtractMeta',
    'rehypeNewsArticle',
    'rehypeNormalizeMedia',
    'rehypeNormalizeStructure',
    'rehypeParseSafe',
    'rehypePruneToRoot',
    'rehypeRelatedArticles',
    'rehypeRemarkOptions',
    'rehypeRemovePromos',
    'rehypeResolveProfile',
    'rehypeSelectRoot',
    'rehypeStripInvisible',
    'rehypeSupSub',
    'rehypeVerdictPage',
    'remarkArticleFrontmatter',
    'remarkCjkEmphasis',
    'remarkGfmOptions',
    'remarkVerdict',
    'renderPage',
    'rules',
    'source',
    'stringifyOptions',
    'validateProfile'
  ])
})

test('api: convert() resolves to a VFile with Markdown, data and messages', async function () {
  const file = await mod.convert('<h2>标题</h2><div class="entry"><p>（来源：美國之音, 文章內容並不代表本網立場和觀點。）</p><p>正文第一段。</p></div>')
  assert.equal(String(file), '---\ntitle: 标题\nsource: 美國之音\n---\n\n正文第一段。\n')
  assert.equal(file.data.article, {title: '标题', source: '美國之音'})
  assert.equal(file.data.articleSources?.source, 'credit-line')
  assert.ok(file.messages.some((m) => m.ruleId === 'missing-author' && m.source === 'news-markdown'))
})

test('api: convert() always stores `article`, `images` and `verdict` (`ConvertedFile`), on pages without metadata or images too', async function () {
  const pages = [
    '<h2>标题</h2><div class="entry"><p>正文第一段。</p><p><img src="https://example.com/a.jpg" alt="图"></p></div>',
    '<p>Only a sentence, no title, no image.</p>',
    '<table><tr><td>A cell of text alone.</td></tr></table>',
    '<html><head><title>Only an image</title></head><body><nav><a href="/">Home</a></nav><img src="/b.png"></body></html>'
  ]
  for (const page of pages) {
    const file: mod.ConvertedFile = await mod.convert(page)
    assert.type(file.data.article, 'object', page)
    assert.ok(Array.isArray(file.data.images), page)
    assert.ok(['ok', 'review', 'failed'].includes(file.data.verdict.status), page)
  }
  const first = await mod.convert(pages[0])
  assert.equal(
    first.data.images.map((image) => image.url),
    ['https://example.com/a.jpg']
  )
})

test('api: `frontmatter: false` gives the body only; the metadata stays in `file.data.article`', async function () {
  const html = '<h2>标题</h2><div class="entry"><p>（来源：美國之音, 文章內容並不代表本網立場和觀點。）</p><p>正文第一段。</p><hr><p>第二段。</p><hr></div>'
  const file = await mod.convert(html, {frontmatter: false})
  assert.equal(String(file), '正文第一段。\n\n---\n\n第二段。\n\n---\n')
  assert.equal(file.data.article, {title: '标题', source: '美國之音'})
  assert.equal(String(await mod.convert(html)), '---\ntitle: 标题\nsource: 美國之音\n---\n\n' + String(file))
})

test('api: convert() accepts bytes', async function () {
  const file = await mod.convert(new TextEncoder().encode('<h2>标题</h2><div class="entry"><p>正文。</p></div>'))
  assert.match(String(file), '正文。')
  assert.is(file.data.encoding, 'utf-8')
})

test('api: convert() rejects empty input with `not-html`', async function () {
  for (const input of ['', '   \n', new Uint8Array(0)]) {
    try {
      await mod.convert(input)
      assert.unreachable('should reject')
    } catch (error) {
      assert.is((error as {ruleId?: string}).ruleId, 'not-html')
    }
  }
})

test('api: convert() rejects a PNG with `not-html`', async function () {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
  try {
    await mod.convert(png, {path: 'photo.html'})
    assert.unreachable('should reject')
  } catch (error) {
    assert.is((error as {ruleId?: string}).ruleId, 'not-html')
    assert.match(String(error), 'photo.html')
  }
})

test('api: convert() rejects input over `maxSize` with `too-large`', async function () {
  try {
    await mod.convert('<p>' + 'x'.repeat(2000) + '</p>', {maxSize: 1000})
    assert.unreachable('should reject')
  } catch (error) {
    assert.is((error as {ruleId?: string}).ruleId, 'too-large')
  }
})

test('api: plugins work in a processor of your own', async function () {
  const file = await unified()
    .use(rehypeParse)
    .use(mod.rehypeNewsArticle, {url: 'https://www.bannedbook.org/bnews/a/20210101/1.html'})
    .use(rehypeRemark)
    .use(mod.remarkArticleFrontmatter)
    .use(remarkFrontmatter)
    .use(remarkStringify)
    .process('<h2>标题</h2><div class="entry"><p>正文。</p></div><div class="postfooter"></div>')
  assert.equal(file.data.article?.date, '2021-01-01')
  assert.equal(file.data.profile?.id, 'bannedbook-org')
  assert.match(String(file), 'date: 2021-01-01')
})

/** The README's “In a unified processor” example: the whole chain by hand. */
function readmeChain() {
  return unified()
    .use(mod.rehypeParseSafe, {maxSize: 10 * 1024 * 1024})
    .use(mod.rehypeNewsArticle, {related: 'end'})
    .use(rehypeRemark, mod.rehypeRemarkOptions)
    .use(remarkGfm, mod.remarkGfmOptions)
    .use(mod.remarkCjkEmphasis)
    .use(mod.remarkArticleFrontmatter)
    .use(mod.remarkVerdict)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkStringify, mod.stringifyOptions)
}

test('api: the README’s chain by hand is `convert()`: the same Markdown, messages and verdict on every fixture page', async function () {
  const processor = readmeChain().freeze()
  let pages = 0
  for (const {name, bytes} of fixtureInputs()) {
    const byHand = await processor.process(bytes)
    const converted = await mod.convert(bytes, {maxSize: 10 * 1024 * 1024, related: 'end'})
    assert.is(String(byHand), String(converted), name)
    assert.equal(
      byHand.messages.map((message) => message.ruleId),
      converted.messages.map((message) => message.ruleId),
      name
    )
    assert.equal(byHand.data.verdict, converted.data.verdict, name)
    pages++
  }
  assert.ok(pages > 200, 'fixture pages: ' + pages)
})

test('api: `rehypeParseSafe` reads bytes and strings as `convert()` does, in a processor of your own', async function () {
  const processor = readmeChain()
  const html = '<html><head><meta charset="gbk"><title>标题</title></head><body><h2>标题</h2><div class="entry"><p>正文第一段。</p></div></body></html>'
  const fromString = await processor.process(html)
  assert.match(String(fromString), '正文第一段。')
  // Bytes are sniffed: an undeclared GBK page (read as its superset GB18030), as `convert()` reads it.
  const gbk = await fs.readFile(new URL('data/gbk-undeclared.html', import.meta.url))
  const viaProcessor = await processor.process(gbk)
  const viaConvert = await mod.convert(gbk, {related: 'end'})
  assert.is(viaProcessor.data.encoding, 'gb18030')
  assert.is(viaProcessor.data.encoding, viaConvert.data.encoding)
  assert.equal(
    viaProcessor.messages.map((message) => message.ruleId),
    viaConvert.messages.map((message) => message.ruleId)
  )
  assert.ok(viaProcessor.messages.some((message) => message.ruleId === 'charset-sniffed'))
  // The same fatal messages as `convert()`.
  for (const [input, ruleId] of [
    ['', 'not-html'],
    ['plain text', 'not-html'],
    ['<p>' + 'x'.repeat(100) + '</p>', 'too-large']
  ] as const) {
    try {
      await unified().use(mod.rehypeParseSafe, {maxSize: 50}).parse(input)
      assert.unreachable('should throw')
    } catch (error) {
      assert.is((error as {ruleId?: string}).ruleId, ruleId, input)
    }
  }
  // Deeper than `rehype-parse` can take.
  const deep = '<h2>T</h2><div class="entry"><p>start</p>' + '<b>'.repeat(20_000) + 'deep text' + '</b>'.repeat(20_000) + '</div>'
  assert.match(String(await processor.process(deep)), 'deep text')
})

test('api: `createProcessor()` is `newsMarkdownPreset` in a processor, and gives what `convert()` gives', async function () {
  const html = '<h2>标题</h2><div class="entry"><p>正文<b><b>粗</b></b>。</p></div>'
  const viaPreset = await unified()
    .use(mod.newsMarkdownPreset({related: 'end'}))
    .process(html)
  const viaProcessor = await mod.createProcessor({related: 'end'}).process(html)
  const viaConvert = await mod.convert(html, {related: 'end'})
  assert.is(String(viaPreset), String(viaConvert))
  assert.is(String(viaProcessor), String(viaConvert))
  assert.match(String(viaConvert), '正文**粗**。')
})

test('api: the stages used without options, one by one or as the preset, give what `convert()` gives without options', async function () {
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>Tram line opens</title></head><body><article><h1>Tram line opens</h1>' +
    '<p>The new tram line<sup><a href="#n1">1</a></sup> opened on Sunday with free rides all day.</p>' +
    '<figure><img src="https://tram.example/line.jpg" alt="A tram"><figcaption>The first tram.</figcaption></figure>' +
    '<ul class="related"><li><a href="/a">Earlier: the depot</a></li><li><a href="/b">Earlier: the tracks</a></li></ul>' +
    '<ol class="footnotes"><li id="n1">Line 4, from the station to the harbour.</li></ol></article></body></html>'
  const expected = String(await mod.convert(html))
  assert.match(expected, 'tram line[^1] opened')
  assert.match(expected, '![A tram](https://tram.example/line.jpg)')
  assert.is(String(await unified().use(mod.newsMarkdownPreset()).process(html)), expected)
  assert.is(String(await mod.createProcessor().process(html)), expected)
  const byHand = unified()
    .use(mod.rehypeParseSafe)
    .use(mod.rehypeNewsArticle)
    .use(rehypeRemark, mod.rehypeRemarkOptions)
    .use(remarkGfm, mod.remarkGfmOptions)
    .use(mod.remarkCjkEmphasis)
    .use(mod.remarkArticleFrontmatter)
    .use(mod.remarkVerdict)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkStringify, mod.stringifyOptions)
  assert.is(String(await byHand.process(html)), expected)
})

test('api: root selection and metadata extraction used alone, without options or the stages before them, read the page with the generic profile', async function () {
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>Tram line opens</title><meta name="author" content="Ada Byrne"><meta property="article:published_time" content="2025-05-04T09:00:00Z"></head>' +
    '<body><article><h1>Tram line opens</h1><p>The new tram line opened on Sunday with free rides all day, the city said.</p><p>Another paragraph with more words about trams and the harbour.</p><div class="footer-links">Tags: <a href="/t/trams">Trams</a>, <a href="/t/harbour">Harbour</a></div></article></body></html>'
  const meta = unified().use(rehypeParse).use(mod.rehypeExtractMeta)
  const alone = new VFile(html)
  // Without a root the tag footer is read and left in place; with one, it is read and taken out of the article.
  assert.match(hastToString(await meta.run(meta.parse(alone), alone)), 'Tags: Trams, Harbour')
  assert.equal(alone.data.article, {title: 'Tram line opens', author: 'Ada Byrne', date: '2025-05-04T09:00:00Z', tags: ['Trams', 'Harbour']})
  assert.is(alone.data.articleSources?.tags, 'tag-footer')
  const both = unified().use(rehypeParse).use(mod.rehypeSelectRoot).use(mod.rehypeExtractMeta)
  const file = new VFile(html)
  assert.not.match(hastToString(await both.run(both.parse(file), file)), 'Tags:')
  assert.equal(file.data.article, alone.data.article)
  assert.is(file.data.articleSources?.root, 'content-scoring')
})

test('api: each plugin takes only its own options (types)', function () {
  // Checked by `tsc` (test/ is type-checked): an option of another stage is an error.
  // @ts-expect-error: `maxSize` is an input option (`rehypeParseSafe`), not a media one.
  unified().use(mod.rehypeNormalizeMedia, {maxSize: 1})
  // @ts-expect-error: `allowDataImages` belongs to `rehypeNormalizeMedia`.
  unified().use(mod.rehypeParseSafe, {allowDataImages: true})
  // @ts-expect-error: `profiles` belongs to `rehypeResolveProfile`.
  unified().use(mod.rehypeRelatedArticles, {profiles: []})
  unified().use(mod.rehypeNormalizeMedia, {allowDataImages: true, url: 'https://a.example/'})
  unified().use(mod.rehypeNewsArticle, {profiles: [], related: 'inline', allowFileImages: true})
  assert.ok(true)
})

test('api: related lists go to `file.data.related` and optionally the frontmatter', async function () {
  const html =
    '<h2>T</h2><div class="entry"><p>正文。</p><ul class="op-related-articles" title="相关阅读"><li><a href="https://a.example/1">一</a></li><li data-sponsored="true"><a href="https://ad.example/">广告</a></li></ul></div>'
  const file = await mod.convert(html, {relatedFrontmatter: true})
  assert.equal(file.data.related, [{title: '一', url: 'https://a.example/1'}])
  assert.match(String(file), 'related:\n  - title: 一\n    url: https://a.example/1\n')
  assert.not.match(String(file), '广告')
})

test('api: a page with nothing convertible fails with `no-content`', async function () {
  try {
    await mod.convert('<html><head><title>x</title><script>var a = 1</script></head><body><nav></nav></body></html>')
    assert.unreachable('should reject')
  } catch (error) {
    assert.is((error as {ruleId?: string}).ruleId, 'no-content')
  }
})

test('api: README lists every message rule with its kind', async function () {
  const readme = await fs.readFile(new URL('../README.md', import.meta.url), 'utf8')
  for (const [ruleId, rule] of Object.entries(mod.rules)) {
    assert.ok(readme.includes('| `' + ruleId + '` | ' + rule.kind + ' |'), 'README misses `' + ruleId + '` (' + rule.kind + ')')
  }
})

test('rereport: a message moved to another rule takes that rule’s kind, reason and README anchor', function () {
  const file = new VFile()
  const message = report(file, 'dropped-image', 'Removed image `a.jpg`')
  assert.is(message.fatal, false, 'a warning')
  rereport(message, 'hidden-image-kept', 'Removed image `a.jpg`; the same image is kept elsewhere in the article')
  assert.is(message.ruleId, 'hidden-image-kept')
  assert.is(message.fatal, undefined, 'now information')
  assert.is(message.reason, 'Removed image `a.jpg`; the same image is kept elsewhere in the article')
  assert.ok(message.url?.endsWith('-hidden-image-kept'), String(message.url))
  rereport(message, 'dropped-image', 'Removed image `a.jpg`')
  assert.is(message.fatal, false, 'a warning again')
  assert.is(file.messages.length, 1, 'moved, not added')
})

test.run()
