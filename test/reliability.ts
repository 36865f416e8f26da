/**
 * Bad and hostile input, for `convert()` and the CLI: empty, binary and
 * plain-text files, broken and mislabelled encodings, huge and deeply nested
 * pages, thousands of items, and text full of YAML- and Markdown-significant
 * characters. Each case ends in a converted page or one of the documented
 * fatal messages (`not-html`, `too-large`, `no-content`) naming the file:
 * never a crash, a hang or silent loss.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {toString} from 'mdast-util-to-string'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import YAML from 'yaml'
import {VFile} from 'vfile'
import {convert, createProcessor} from '../index.js'
import type {ConvertOptions} from '../index.js'
import {analyse} from 'scslre'
import {maxJobs} from '../lib/cli/pool.js'
import {countNodes} from '../lib/input/limits.js'
import {safeSegment, slugFromUrl, slugify} from '../lib/output/slug.js'
import {cleanAuthors} from '../lib/analyse/meta/author-names.js'
import {chooseTitle} from '../lib/analyse/meta/title.js'
import {normalizeDate} from '../lib/util/normalize-date.js'
import {parseCreditLine, readCredits} from '../lib/analyse/meta/credit-line.js'
import {readCjkByline, readNameRoles} from '../lib/analyse/meta/cjk-byline.js'
import {socialBoxUrl} from '../lib/media/social-box.js'
import {adversarialPage, pumps} from './util/adversarial.js'
import {cli, folder, page} from './util/cli-harness.js'
import {loadedRegexes, staticRegexes} from './util/regex-inventory.js'
import {parseMarkdown} from './util/properties.js'

const encoder = new TextEncoder()
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0])
const gzip = Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03, 0x4b, 0x4c, 0x4a, 0x06, 0x00, 0xc2, 0x41, 0x24, 0x35, 0x03, 0, 0, 0])
const article =
  '<h2>武汉解封首日</h2><div class="entry"><p>（来源：美國之音 作者：张三）</p><p>今天，武汉市民终于可以离开城市，火车站挤满了人。</p><p>第二段：记者在现场看到，许多人拖着行李排队。</p></div><div class="postfooter"><a rel="tag" href="/t/1">武汉</a></div>'

/** One way in that reads a page: `convert()`, or a processor of `createProcessor()`. */
type Run = (input: string | Uint8Array, options?: ConvertOptions) => Promise<VFile>

/**
 * Both ways in: the input stage (limits, decoding, deep-safe parsing) is
 * shared, so every input test runs through each (`createProcessor()` used
 * to parse with plain `rehype-parse`, overflowing the stack on deep pages).
 */
const entries: Array<[string, Run]> = [
  ['convert', convert],
  [
    'createProcessor',
    async function (input, options) {
      const {path, ...rest} = options || {}
      return createProcessor(rest).process(new VFile({path, value: input}))
    }
  ]
]

/** The fatal message `run` rejects with, or fails the test. */
async function rejection(run: Run, input: string | Uint8Array, options?: ConvertOptions): Promise<{ruleId?: string; message: string; source?: string; fatal?: boolean}> {
  try {
    await run(input, options)
  } catch (error) {
    return error as {ruleId?: string; message: string}
  }
  assert.unreachable('expected a rejection')
  throw new Error('unreachable')
}

function bodyText(markdown: string): string {
  const {tree} = parseMarkdown(markdown)
  tree.children = tree.children.filter((node) => node.type !== 'yaml')
  return toString(tree, {includeImageAlt: false})
}

const squash = (value: string) => value.replace(/\s+/g, '')

// Not a page.

for (const [way, run] of entries) {
  test('reliability (' + way + '): empty and white-space-only input is `not-html`, naming the file', async function () {
    for (const input of ['', ' \n\t\r\n ', '\u00a0\u3000', new Uint8Array(0), encoder.encode('  \n\n  '), Uint8Array.from([0xef, 0xbb, 0xbf]), Uint8Array.from([0xff, 0xfe])]) {
      const error = await rejection(run, input, {path: 'archive/empty.html'})
      assert.is(error.ruleId, 'not-html', JSON.stringify(input))
      assert.is(error.source, 'news-markdown')
      assert.is(error.fatal, true)
      assert.match(error.message, /empty/)
      assert.match(String(error), 'archive/empty.html')
    }
  })
}

for (const [way, run] of entries) {
  test('reliability (' + way + '): binary files (PNG, gzip, PDF, ZIP, NUL bytes) are `not-html`, naming the file', async function () {
    const files: Record<string, Uint8Array> = {
      'photo.html': png,
      'page.html.gz': gzip,
      'doc.html': encoder.encode('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj'),
      'archive.html': Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]),
      'nul.html': new Uint8Array(512)
    }
    for (const [name, bytes] of Object.entries(files)) {
      const error = await rejection(run, bytes, {path: name})
      assert.is(error.ruleId, 'not-html', name)
      assert.match(error.message, /binary/)
      assert.match(String(error), name)
    }
  })
}

for (const [way, run] of entries) {
  test('reliability (' + way + '): plain text without any tag is `not-html` (a crawler error page, JSON, a text file)', async function () {
    // Decision: not converted as paragraphs, so a batch never publishes an
    // error message or an API response as an article; the README's `not-html`
    // rule already says “has no markup”.
    for (const input of ['Hello world.\n\nSecond paragraph.', '今天天气很好。\n\n第二段。', '{"error": "not found", "status": 404}', 'a < b and c > d', encoder.encode('503 Service Unavailable')]) {
      const error = await rejection(run, input, {path: 'text.html'})
      assert.is(error.ruleId, 'not-html', JSON.stringify(input))
      assert.match(error.message, /markup/)
      assert.match(String(error), 'text.html')
    }
    // One tag is enough to be a page.
    assert.match(String(await run('<p>Hello world.</p>')), 'Hello world.')
  })
}

// Encodings.

test('reliability: invalid UTF-8 in a UTF-8 page keeps the page UTF-8 (one U+FFFD, a warning)', async function () {
  const at = article.indexOf('第二段')
  const broken = Uint8Array.from([...encoder.encode(article.slice(0, at)), 0xff, ...encoder.encode(article.slice(at))])
  const file = await convert(broken)
  assert.is(file.data.encoding, 'utf-8')
  assert.ok(file.messages.some((message) => message.ruleId === 'invalid-bytes' && /1 invalid byte sequence/.test(message.reason)))
  assert.match(String(file), '许多人拖着行李排队')
  // Cut in the middle of the last character (a truncated download).
  const truncated = encoder.encode('<h2>标题</h2><div class="entry"><p>' + '火车站挤满了人。'.repeat(10) + '最后')
  const cut = await convert(truncated.subarray(0, truncated.length - 1))
  assert.is(cut.data.encoding, 'utf-8')
  assert.match(String(cut), '火车站挤满了人。最后'.slice(0, 8))
  assert.ok(cut.messages.some((message) => message.ruleId === 'invalid-bytes'))
})

test('reliability: a declared charset that disagrees with the bytes is overruled, with a warning', async function () {
  const gbk = new Uint8Array(await fs.readFile(new URL('data/gbk-undeclared.html', import.meta.url)))
  const big5 = new Uint8Array(await fs.readFile(new URL('data/big5-undeclared.html', import.meta.url)))
  const cases: Array<[string, Uint8Array, string, string]> = [
    ['utf-8', gbk, 'gb18030', '国家统计局今天发布的数据显示'],
    ['big5', gbk, 'gb18030', '国家统计局今天发布的数据显示'],
    ['euc-kr', gbk, 'gb18030', '国家统计局今天发布的数据显示'],
    ['windows-1252', gbk, 'gb18030', '国家统计局今天发布的数据显示'],
    ['gb2312', big5, 'big5', '行政院今天召開院會'],
    ['utf-8', big5, 'big5', '行政院今天召開院會']
  ]
  for (const [declared, bytes, encoding, text] of cases) {
    const file = await convert(Uint8Array.from([...encoder.encode('<meta charset="' + declared + '">'), ...bytes]))
    assert.is(file.data.encoding, encoding, declared)
    assert.match(String(file), text)
    assert.ok(
      file.messages.some((message) => message.ruleId === 'charset-mismatch'),
      declared
    )
  }
  // Declared legacy charset, valid UTF-8 bytes: UTF-8 wins (and also with a broken byte).
  const utf8 = encoder.encode('<meta charset="gbk">' + article)
  const file = await convert(Uint8Array.from([...utf8.subarray(0, 150), 0xff, ...utf8.subarray(150)]))
  assert.is(file.data.encoding, 'utf-8')
  assert.ok(file.messages.some((message) => message.ruleId === 'charset-mismatch'))
  assert.match(String(file), '许多人拖着行李排队')
  // A correct declaration is kept, without warnings.
  const right = await convert(Uint8Array.from([...encoder.encode('<meta charset="gbk">'), ...gbk]))
  assert.is(right.data.encoding, 'gbk')
  assert.not.ok(right.messages.some((message) => /charset/.test(String(message.ruleId))))
})

test('reliability: UTF-16 with a BOM, and without one (sniffed, warned)', async function () {
  const html = '<meta charset="utf-8">' + article
  const le = Buffer.from(html, 'utf16le')
  const be = Buffer.from(le).swap16()
  for (const [bytes, encoding, warned] of [
    [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'utf-16le', false],
    [Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'utf-16be', false],
    [le, 'utf-16le', true],
    [be, 'utf-16be', true],
    [Buffer.from('\n\n' + html, 'utf16le'), 'utf-16le', true]
  ] as Array<[Buffer, string, boolean]>) {
    const file = await convert(new Uint8Array(bytes))
    assert.is(file.data.encoding, encoding)
    assert.match(String(file), '许多人拖着行李排队')
    assert.is(
      file.messages.some((message) => message.ruleId === 'charset-sniffed'),
      warned,
      encoding
    )
  }
})

test('reliability: GBK and Big5 pages without a declaration are sniffed, with a warning', async function () {
  for (const [name, encoding, text] of [
    ['gbk-undeclared.html', 'gb18030', '国家统计局今天发布的数据显示'],
    ['big5-undeclared.html', 'big5', '行政院今天召開院會']
  ]) {
    const file = await convert(new Uint8Array(await fs.readFile(new URL('data/' + name, import.meta.url))))
    assert.is(file.data.encoding, encoding)
    assert.match(String(file), text)
    assert.ok(file.messages.some((message) => message.ruleId === 'charset-sniffed' && message.reason.includes(encoding)))
  }
})

// Size.

for (const [way, run] of entries) {
  test('reliability (' + way + '): input over `maxSize` stops at once with `too-large`; the limit is configurable', async function () {
    const big = '<p>' + 'x'.repeat(60 * 1024 * 1024) + '</p>'
    const error = await rejection(run, big, {path: 'huge.html'})
    assert.is(error.ruleId, 'too-large')
    // Refused on its length, before decoding, counting or parsing (their limits would name elements or nodes).
    assert.match(error.message, 'Input is ' + big.length + ' characters, more than `maxSize` (52428800)')
    assert.match(String(error), 'huge.html')
    assert.is((await rejection(run, encoder.encode(article), {maxSize: 100})).ruleId, 'too-large')
    // 100,000 paragraphs (2.4 MB) under a 1 MB limit.
    assert.is((await rejection(run, '<div class="entry">' + '<p>段落<b>粗</b>文字。</p>'.repeat(100_000) + '</div>', {maxSize: 1_000_000})).ruleId, 'too-large')
  })
}

for (const [way, run] of entries) {
  test('reliability (' + way + '): a page with more elements than `maxElements` stops with `too-large` (memory grows with elements, not bytes)', async function () {
    // About 4 KB of memory per element: a 50 MB page of short paragraphs needs several GB.
    const html = '<div class="entry">' + '<p>段落</p>'.repeat(2000) + '</div>'
    const error = await rejection(run, html, {maxElements: 1000, path: 'dense.html'})
    assert.is(error.ruleId, 'too-large')
    assert.match(error.message, /2001 elements, more than `maxElements` \(1000\)/)
    assert.match(String(await run(html, {maxElements: 5000})), '段落')
  })
}

for (const [way, run] of entries) {
  test('reliability (' + way + '): a 50 MB page (one huge paragraph and a huge data image) converts under the default limit', async function () {
    const size = 50_000_000
    const filler = '很长的文字，没有任何标签。'
    const html =
      '<h2>Big</h2><div class="entry"><p>start</p><p>' +
      filler.repeat(Math.floor(size / 2 / Buffer.byteLength(filler))) +
      '</p><img src="data:image/png;base64,' +
      'A'.repeat(size / 2 - 1000) +
      '"><p>end of page</p></div>'
    assert.ok(Buffer.byteLength(html) >= 49_000_000 && Buffer.byteLength(html) < 52_428_800)
    const file = await run(html)
    const markdown = String(file)
    assert.match(markdown, 'end of page')
    assert.not.match(markdown, 'data:image')
    assert.ok(markdown.length > 8_000_000, 'the paragraph is all there (' + markdown.length + ' characters)')
  })
}

// Nesting.

for (const [way, run] of entries) {
  test('reliability (' + way + '): 100,000 levels of `<div>`, `<b>` and `<span>` convert, keeping the text', async function () {
    for (const tag of ['div', 'b', 'span']) {
      const html = '<h2>T</h2><div class="entry"><p>start</p>' + ('<' + tag + '>').repeat(100_000) + 'deep text' + ('</' + tag + '>').repeat(100_000) + '<p>after</p></div>'
      const markdown = String(await run(html))
      assert.match(markdown, 'deep text', tag)
      assert.match(markdown, 'after', tag)
    }
  })
}

for (const [way, run] of entries) {
  test('reliability (' + way + '): nesting the depth estimate could miss (`<div/>`, stray end tags, misnested `<b>`) converts', async function () {
    const shapes: Record<string, string> = {
      'self-closing div': '<div/>'.repeat(20_000),
      'self-closing span': '<span/>'.repeat(20_000),
      'stray </p>': '<div><div></p></p>'.repeat(10_000),
      'stray </x>': '<div></x></y>'.repeat(20_000),
      'stray </br>': '<div></br>'.repeat(5000),
      'misnested <b><div></b>': '<b><div></b>'.repeat(20_000),
      'unclosed tables': '<table><tr><td>'.repeat(5000),
      'template content': '<template>' + '<div>'.repeat(50_000) + '</template>'
    }
    for (const [name, body] of Object.entries(shapes)) {
      const markdown = String(await run('<h2>T</h2><div class="entry"><p>start</p>' + body + 'deep text</div>'))
      assert.match(markdown, 'start', name)
      if (name !== 'template content') assert.match(markdown, 'deep text', name)
    }
  })
}

test('reliability: thousands of empty wrappers or white-space runs stay fast (no quadratic pass)', async function () {
  // Unfixed, the white-space pass of `hast-util-to-mdast` took 14 s for 3,000 `<b></b>` and 56 s for 5,000:
  // quadratic, so 4× the wrappers cost 16× the work; linear code costs 4× or less.
  const wrapped = (unit: string) => (n: number) => convert('<h2>T</h2><div class="entry"><p>x' + unit.repeat(n) + 'y</p></div>')
  const slow: Array<string> = []
  for (const [unit, times] of [
    ['<b></b>', 3000],
    ['<i></i>', 3000],
    ['<span> </span>', 20_000]
  ] as const) {
    assert.match(squash(String(await wrapped(unit)(times))), 'xy', unit)
    const ratio = await growth(wrapped(unit), times / 4, 8)
    if (ratio >= 8) slow.push(unit + ': ' + ratio.toFixed(1) + '× the work for 4× the wrappers')
  }
  assert.equal(slow, [])
})

// Many items and long strings.

test('reliability: thousands of related items, tags and links', async function () {
  const related = Array.from({length: 5000}, (_, index) => '<li><a href="https://news.example/' + index + '.html">相关文章 ' + index + '</a></li>').join('')
  const links = Array.from({length: 10_000}, (_, index) => '<a href="https://example.com/' + index + '">链接' + index + '</a> ').join('')
  const tags = Array.from({length: 5000}, (_, index) => '<a rel="tag" href="/tag/' + index + '">标签' + index + '</a>').join(', ')
  const html = '<h2>标题</h2><div class="entry"><p>' + links + '</p><ul class="op-related-articles" title="相关阅读">' + related + '</ul></div><div class="postfooter">本文标签：' + tags + '</div>'
  const file = await convert(html, {relatedFrontmatter: true})
  const markdown = String(file)
  assert.is(file.data.related?.length, 5000)
  assert.is(file.data.article?.tags?.length, 5000)
  const {tree, matter} = parseMarkdown(markdown)
  assert.equal(matter.tags, file.data.article?.tags)
  assert.is((matter.related as Array<unknown>).length, 5000)
  let count = 0
  for (const node of tree.children) if (node.type === 'paragraph') count += node.children.filter((child) => child.type === 'link').length
  assert.is(count, 10_000)
})

test('reliability: a 10,000-character title round-trips through the frontmatter; its file name is capped', async function () {
  const title = '长'.repeat(5000) + 'Long title '.repeat(500)
  const file = await convert(page({title}))
  assert.is(file.data.article?.title, title.trim())
  assert.is(parseMarkdown(String(file)).matter.title, file.data.article?.title)
  const dir = await folder({'a.html': page({title})})
  const result = await cli(['a.html', '--out', 'out', '--layout', 'hugo'], dir)
  assert.is(result.code, 0, result.stderr)
  const [name] = await fs.readdir(path.join(dir, 'out/posts'))
  assert.ok(Buffer.byteLength(name) <= 80 + 3, name)
  assert.match(name, /^长+\.md$/)
})

// YAML and Markdown.

const yamlNasty = [
  'a: b',
  'key: value # comment',
  '# hash',
  '---',
  '...',
  '"quoted"',
  "it's",
  "'single'",
  'back\\slash \\n',
  '!!binary x',
  '!tag',
  '&a anchor',
  '*a alias',
  '@at',
  '%YAML 1.2',
  '`tick',
  '- dash',
  '? question',
  '{a: 1}',
  '[1, 2]',
  '| pipe',
  '> fold',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  'null',
  '~',
  'true',
  '2020-01-01',
  '2020-01-01 10:00:00',
  '2001-12-14t21:59:43.123456789012345678901234567890123456789-05:00',
  '1:30',
  '0x1F',
  '0o17',
  '012',
  '1_000',
  '0b101',
  '1e3',
  '.inf',
  '-.5',
  '+1',
  '<<',
  '=',
  'tab\there',
  'line\u2028sep',
  '标题：副标题',
  '「引号」#话题',
  'Ω≈ç√ 😀'
]

test('reliability: YAML-significant titles, sources, authors and tags read back exactly (YAML 1.2 and 1.1)', async function () {
  for (const value of yamlNasty) {
    const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;')
    const html =
      '<h2>' +
      escaped +
      '</h2><div class="entry"><p>（来源：' +
      escaped +
      ' 作者：' +
      escaped +
      '）</p><p>正文。</p></div><div class="postfooter"><a rel="tag" href="/a">' +
      escaped +
      '</a><a rel="tag" href="/b">x ' +
      escaped +
      '</a></div>'
    const file = await convert(html)
    const article = file.data.article || {}
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(String(file))
    assert.ok(yaml, 'frontmatter for ' + JSON.stringify(value))
    const data12 = YAML.parse(yaml[1]) as Record<string, unknown>
    const data11 = YAML.parse(yaml[1], {version: '1.1'}) as Record<string, unknown>
    for (const key of ['title', 'source', 'author', 'tags'] as const) {
      if (article[key] === undefined) continue
      assert.equal(data12[key], article[key], key + ' of ' + JSON.stringify(value) + ' (YAML 1.2)')
      assert.equal(data11[key], article[key], key + ' of ' + JSON.stringify(value) + ' (YAML 1.1: Jekyll, old Hugo)')
    }
    assert.is(article.title, value.replace(/\s+/g, ' ').trim(), 'title extracted as written')
  }
})

test('reliability: YAML-significant values through every CLI layout read back exactly', async function () {
  const files: Record<string, string> = {}
  for (const [index, value] of yamlNasty.entries())
    files['p' + String(index).padStart(2, '0') + '.html'] = page({title: value.replace(/&/g, '&amp;').replace(/</g, '&lt;'), tags: [value.replace(/&/g, '&amp;').replace(/</g, '&lt;'), 'on']})
  const dir = await folder(files)
  for (const layout of ['plain', 'hugo', 'jekyll', 'astro', 'eleventy']) {
    const result = await cli(['.', '--out', layout, '--layout', layout, '--report', layout + '.json'], dir)
    assert.is(result.code, 0, result.stderr)
    for (const [name, content] of await treeOf(path.join(dir, layout))) {
      if (!name.endsWith('.md')) continue
      const yaml = /^---\n([\s\S]*?)\n---\n/.exec(content)
      assert.ok(yaml, name)
      const data12 = YAML.parse(yaml[1]) as Record<string, unknown>
      const data11 = YAML.parse(yaml[1], {version: '1.1'}) as Record<string, unknown>
      assert.type(data12.title, 'string', layout + '/' + name)
      assert.equal(data11.title, data12.title, layout + '/' + name + ' title under YAML 1.1')
      assert.equal(data11.tags, data12.tags, layout + '/' + name + ' tags under YAML 1.1')
      assert.ok(
        yamlNasty.some((value) => value.replace(/\s+/g, ' ').trim() === data12.title),
        layout + '/' + name + ': ' + String(data12.title)
      )
    }
  }
})

async function treeOf(dir: string): Promise<Array<[string, string]>> {
  const result: Array<[string, string]> = []
  for (const entry of await fs.readdir(dir, {withFileTypes: true, recursive: true})) {
    if (entry.isFile()) result.push([path.relative(dir, path.join(entry.parentPath, entry.name)), await fs.readFile(path.join(entry.parentPath, entry.name), 'utf8')])
  }
  return result
}

const markdownNasty = [
  '*star* and _under_',
  '**bold**',
  '[link](x) [ref]',
  '![img](x)',
  '# hash at start',
  '## two',
  '1. one',
  '1) paren',
  '- dash',
  '+ plus',
  '> quote',
  '<div>',
  '<b>x</b>',
  '<!-- c -->',
  '`tick` ``double``',
  '```fence',
  '~~~tilde',
  '| a | b |',
  'a | b',
  '\\ backslash \\*',
  '&amp; entity &copy;',
  '***',
  '---',
  '===',
  '~~strike~~',
  'http://example.com/auto',
  '<http://x.y>',
  '[^1]',
  '2020. year',
  '*',
  '_',
  '#',
  '\\',
  '|',
  '`',
  '<',
  '[',
  '<code>',
  'a_b_c',
  'snake_case_name',
  '中文*强调*中文',
  '“**引号**”'
]

test('reliability: Markdown-significant text renders back as the same text (paragraph, heading, list, quote, table cell)', async function () {
  for (const value of markdownNasty) {
    const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    const blocks = [
      '<p>' + escaped + '</p>',
      '<h3>' + escaped + '</h3>',
      '<ul><li>' + escaped + '</li></ul>',
      '<blockquote><p>' + escaped + '</p></blockquote>',
      '<table><tr><th>h</th><th>h2</th></tr><tr><td>' + escaped + '</td><td>x</td></tr></table>',
      '<p><b>' + escaped + '</b></p>',
      '<p><code>' + escaped + '</code></p>'
    ]
    for (const block of blocks) {
      const markdown = String(await convert('<h2>T</h2><div class="entry">' + block + '</div><div class="postfooter"></div>'))
      const {tree} = parseMarkdown(markdown)
      tree.children = tree.children.filter((node) => node.type !== 'yaml')
      const table = tree.children.find((node) => node.type === 'table')
      const text = table ? toString(table.children[1]?.children[0]) : toString(tree)
      assert.is(squash(text), squash(value), JSON.stringify(value) + ' in ' + block.slice(0, 12) + ' → ' + JSON.stringify(markdown.split('---\n')[2]))
    }
  }
})

test('reliability: adjacent and empty inline code, breaks at emphasis edges, code with line breaks', async function () {
  const cases: Array<[string, string]> = [
    ['<p><code>A</code><code>B</code></p>', 'AB'],
    ['<p><code> </code>x</p>', 'x'],
    ['<p>x<code><img src="https://example.com/a.png" alt="pic"></code>y</p>', 'xy'],
    ['<p><b><a href="https://example.com/a">的<br></a></b>的</p>', '的的'],
    ['<p><b>A<br></b>B</p>', 'AB'],
    ['<h3><code>A<br>B</code>C</h3>', 'ABC'],
    ['<table><tr><th><code>a<br>b</code></th></tr><tr><td>c</td></tr></table>', 'abc']
  ]
  for (const [html, text] of cases) {
    const markdown = String(await convert('<h2>T</h2><div class="entry">' + html + '</div><div class="postfooter"></div>'))
    assert.is(squash(bodyText(markdown)), text, html + ' → ' + JSON.stringify(markdown.split('---\n')[2]))
    assert.not.match(markdown, '&#x', html)
  }
})

// The CLI.

// Regular expressions: linear time on page text.

/**
 * CPU time (µs) of one run of `action`: runs are repeated until they take
 * 20 ms together (short runs are below the clock's resolution and GC noise),
 * and the fastest of `rounds` such measurements is kept.
 */
async function cpuCost(action: () => unknown, rounds = 2): Promise<number> {
  let best = Number.POSITIVE_INFINITY
  for (let round = 0; round < rounds; round++) {
    const started = process.cpuUsage()
    let runs = 0
    let used: number
    do {
      await action()
      runs++
      const elapsed = process.cpuUsage(started)
      used = elapsed.user + elapsed.system
    } while (used < 20_000)
    best = Math.min(best, used / runs)
  }
  return best
}

/**
 * How much more work 4× the input takes (measured again when over `limit`,
 * so one noisy sample never fails a test). Linear code gives about 4 or
 * less; quadratic code 16. With `baseline` (a linear pass over the same
 * input), the ratio is divided by the baseline's: memory effects (strings
 * outgrowing a cache) cancel out, linear code gives about 1, quadratic 4.
 */
async function growth(action: (n: number) => unknown, n: number, limit: number, baseline?: (n: number) => unknown): Promise<number> {
  let ratio = 0
  for (let attempt = 0; attempt < 3; attempt++) {
    ratio = (await cpuCost(() => action(4 * n))) / (await cpuCost(() => action(n)))
    if (baseline) ratio /= (await cpuCost(() => baseline(4 * n))) / (await cpuCost(() => baseline(n)))
    if (ratio < limit) break
  }
  return ratio
}

test('reliability: no regular expression in lib/ can backtrack super-linearly (scslre, every literal and every `RegExp(…)`)', async function () {
  const {literals, dynamic} = await staticRegexes()
  const loaded = (await loadedRegexes()).filter((regex) => regex.where.startsWith('lib/'))
  // Every `RegExp(…)` runs when its module loads, so it is audited here too:
  // a pattern built at run time from data would escape the audit (profile
  // patterns run on RE2 instead, `lib/profiles/url-pattern.ts`).
  const audited = new Set(loaded.map((regex) => regex.where))
  assert.equal(
    dynamic.filter((where) => !audited.has(where)),
    [],
    'built at run time, not audited'
  )
  assert.ok(literals.length > 150, literals.length + ' literals found')
  const problems: Array<string> = []
  for (const regex of [...literals, ...loaded]) {
    for (const report of analyse({source: regex.source, flags: regex.flags}).reports) {
      problems.push(
        regex.where + ': /' + regex.source + '/' + regex.flags + ' — ' + report.type + (report.exponential ? ' (exponential)' : '') + ' on a run of ' + JSON.stringify(report.character.pick)
      )
    }
  }
  assert.equal(problems, [])
})

test('reliability: text helpers (dates, credit lines, authors, titles, slugs) take linear time on runs of any character', async function () {
  // Each helper with the input it is given for a run of characters.
  const helpers: Array<[string, (run: string) => string, (input: string) => unknown]> = [
    ['normalizeDate', (run) => '2020-01-01' + run + 'x', normalizeDate],
    ['normalizeDate (time)', (run) => '2020年1月1日 10:30' + run + 'x', normalizeDate],
    ['normalizeDate (names)', (run) => 'April' + run + '14' + run + '2020', normalizeDate],
    ['parseCreditLine', (run) => '来源：' + run + '新华社 作者：' + run + 'x', parseCreditLine],
    ['cleanAuthors', (run) => 'By Jane' + run + 'x 作者：张三' + run + 'x', (input) => cleanAuthors([input, input.slice(input.indexOf('作者'))])],
    ['cleanAuthors (strict)', (run) => 'Jane' + run + 'Doe' + run, (input) => cleanAuthors(input, {strict: true})],
    [
      'chooseTitle (site name)',
      (run) => 'Title' + run + 'x' + run + '| Site',
      (input) => chooseTitle({candidates: [{value: input, from: 'og:title'}], titleElement: undefined, headings: [], siteNames: ['Site'], host: 'site.example'})
    ],
    // Chinese credit lines: names ended by a label after them, a date ending a value, a reporter after a dateline, names with their parts (`周明远/文`), a photo credit before the writer's.
    ['readCredits (labels after names)', (run) => '作者：周明远' + run + '发布时间：' + run + '2021-03-04' + run + 'x', readCredits],
    ['readCredits (photo then writer)', (run) => '图/陈思远' + run + '文/周明远' + run + 'x', readCredits],
    ['readCjkByline (after a dateline)', (run) => '本报讯 记者周明远' + run + '今年' + run + 'x', readCjkByline],
    ['readNameRoles', (run) => '（周明远/文' + run + '陈思远/图' + run + '）', readNameRoles],
    [
      'chooseTitle (info row in the h1)',
      (run) => '标题文字' + run + ' 2021-03-04' + run + '来源：' + run + 'x',
      (input) =>
        chooseTitle({
          candidates: [{value: '标题文字_河湾网', from: 'title-element'}],
          titleElement: undefined,
          headings: [{element: {type: 'element', tagName: 'h1', properties: {}, children: [{type: 'text', value: input}]}, context: {inArticle: true, inHeader: false, excluded: false}}],
          siteNames: [],
          host: undefined
        })
    ],
    ['slugify', (run) => 'a' + run + 'b' + run, slugify],
    ['slugFromUrl', (run) => 'https://example.com/' + encodeURIComponent(run) + 'x' + encodeURIComponent(run), slugFromUrl],
    ['safeSegment', (run) => 'a' + run + 'b' + run, safeSegment],
    [
      'socialBoxUrl (Bluesky `at:` URI)',
      (run) => 'at://did:plc:' + run + '/app.bsky.feed.post/' + run + '/x',
      (input) => socialBoxUrl({type: 'element', tagName: 'blockquote', properties: {className: ['bluesky-embed'], dataBlueskyUri: input}, children: []})
    ]
  ]
  const slow: Array<string> = []
  for (const [name, input, helper] of helpers) {
    for (const char of pumps) {
      // Baseline: linear passes over the same input (normalised, lower-cased copies).
      const ratio = await growth(
        (n) => helper(input(char.repeat(n))),
        20_000,
        2.5,
        (n) => input(char.repeat(n)).normalize('NFKD').toLowerCase()
      )
      if (ratio >= 2.5) slow.push(name + ' on ' + JSON.stringify(char) + ': ' + ratio.toFixed(1) + '× the growth of a linear pass')
    }
  }
  assert.equal(slow, [])
})

test('reliability: pages with a long run of one character in every field convert in linear time', async function () {
  const slow: Array<string> = []
  const convertPage = (char: string) => (n: number) => convert(adversarialPage(char, n)).catch(() => undefined)
  await convertPage('x')(1000)
  for (const char of pumps) {
    const ratio = await growth(convertPage(char), 4000, 6)
    if (ratio >= 6) slow.push(JSON.stringify(char) + ': ' + ratio.toFixed(1) + '× the work for 4× the run')
  }
  assert.equal(slow, [])
})

test('reliability: the reported backtracking pages (spaces after a date, dots in an author, separators in a title) convert in linear time', async function () {
  // The shapes of `shared/cases/attack/gen-redos.py`, at 100,000 characters:
  // 11–34 s each before (quadratic backtracking), well under a second now.
  const n = 100_000
  const head = (title: string, meta: string, body: string) =>
    '<!doctype html><html><head><meta charset="utf-8"><title>' +
    title +
    '</title>' +
    meta +
    '</head><body><article><h1>' +
    title +
    '</h1><div class="entry-content">' +
    body +
    '</div></article></body></html>'
  const para = '<p>This is a paragraph with enough words for the content scorer to pick it as the article, with more words.</p>'.repeat(3)
  const pages: Record<string, (size: number) => string> = {
    time: (size) => head('Date test', '', '<p><time datetime="2020-01-01' + ' '.repeat(size) + 'x">Jan 1</time> lead text</p>' + para),
    metaAuthor: (size) => head('Author test', '<meta name="author" content="Jane' + '.'.repeat(size) + 'x">', para),
    byline: (size) => head('Byline test', '', '<div class="byline">By Jane' + '.'.repeat(size) + 'x</div>' + para),
    title: (size) => head('Title' + '~'.repeat(size) + 'x', '', para),
    // A credit line's source glued to what follows (`来源：河湾晨报作者：…`), on a run without a break.
    source: (size) => head('Source test', '', '<p class="info">来源：' + '河'.repeat(size) + '作者：x</p>' + para)
  }
  const slow: Array<string> = []
  for (const [name, page] of Object.entries(pages)) {
    assert.match(String(await convert(page(n))), /paragraph with enough words/, name)
    // Backtracking is quadratic (16× the work for 4× the run) or worse; linear code is about 4×.
    const ratio = await growth((size) => convert(page(size)), n / 4, 8)
    if (ratio >= 8) slow.push(name + ': ' + ratio.toFixed(1) + '× the work for 4× the run')
  }
  assert.equal(slow, [])
})

test('reliability: long runs where the Latin byline and date readers look (a published `title`, name classes, a dated byline, a byline of many lines) convert in linear time', async function () {
  const n = 100_000
  const para = '<p>This is a paragraph with enough words for the content scorer to pick it as the article, with more words.</p>'.repeat(3)
  const shell = (top: string, end = '') =>
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Grid test</title></head><body><article><header><h1>Grid test</h1>' +
    top +
    '</header><div class="entry-content">' +
    para +
    end +
    '</div></article></body></html>'
  const pages: Record<string, (size: number) => string> = {
    abbrTitle: (size) => shell('<abbr class="published" title="2023-03-03' + 'T'.repeat(size) + 'x">March 3</abbr>'),
    nameClass: (size) => shell('<div class="byline"><span class="' + 'name-'.repeat(size) + '">Jane Roe</span><span>Ridge beat</span></div>'),
    datedByline: (size) => shell('<p class="post-meta">Posted by Jane Roe on' + ' March 3,'.repeat(size / 9) + ' 2023</p>'),
    bylineLines: (size) => shell('<div class="byline">' + 'Jane Roe<br>'.repeat(size / 11) + '</div>'),
    closingBoilerplate: (size) => shell('', '<p>— Jane Roe</p>' + '<div class="related"></div>'.repeat(size / 26))
  }
  const slow: Array<string> = []
  for (const [name, page] of Object.entries(pages)) {
    assert.match(String(await convert(page(n))), /paragraph with enough words/, name)
    const ratio = await growth((size) => convert(page(size)), n / 4, 8)
    if (ratio >= 8) slow.push(name + ': ' + ratio.toFixed(1) + '× the work for 4× the run')
  }
  assert.equal(slow, [])
})

// Memory and time per page.

for (const [way, run] of entries) {
  test('reliability (' + way + '): comments and text nodes count toward the limits (`maxNodes`): 12 million of them in two elements fail at once', async function () {
    assert.is(countNodes('<p>a<!---->b</p>'), 4)
    assert.is(countNodes('text <b>bold</b> tail'), 4)
    // `shared/cases/attack/gen-oom.py`, a quarter of it: 1.5 million text nodes and as many comments.
    const html = '<!doctype html><html><head><title>OOM</title></head><body><p>' + 'a<!---->'.repeat(1_500_000) + '</p></body></html>'
    const error = await rejection(run, html, {path: 'oom.html'})
    assert.is(error.ruleId, 'too-large')
    // The count that stops at the limit, before parsing, says “more than”: it never builds the tree.
    assert.match(error.message, /more than 1500000 nodes \(elements, text and comments\), more than `maxNodes`/)
    // Configurable both ways.
    assert.is((await rejection(run, '<p>' + 'a<!---->'.repeat(60) + '</p>', {maxNodes: 100})).ruleId, 'too-large')
    assert.match(String(await run('<p>' + 'word <!-- c -->'.repeat(200) + '</p>', {maxNodes: 1000})), 'word')
  })
}

test('cli: a page that exhausts a worker’s heap is retried in a worker with a large heap; past that it fails alone (`out-of-memory`), with any --jobs', async function () {
  const dir = await folder({
    'in/a-small.html': page({title: '小'}),
    'in/b-big.html': page({title: '大', body: '<p>这是一个段落，有一些文字。Some words too.</p>'.repeat(130_000)}),
    'in/c-small.html': page({title: '又小'})
  })
  // Heaps with room for a small page even under coverage counters (`npm test` runs the suites under c8);
  // the big page (130,000 paragraphs, under `maxElements`) exhausts a 128 MB heap with or without them.
  for (const jobs of ['1', '2']) {
    // The retry heap suffices: everything converts.
    const retried = await cli(['in', '--out', 'out-retry-' + jobs, '--jobs', jobs, '--worker-memory', '96M', '--report', 'report-retry-' + jobs + '.json'], dir)
    assert.is(retried.code, 0, retried.stderr)
    // The retry is reported: the big page alone carries the note, with both heaps.
    const retriedReport = JSON.parse(await fs.readFile(path.join(dir, 'report-retry-' + jobs + '.json'), 'utf8')) as {
      files: Array<{input: string; status: string; warnings: Array<{ruleId: string; reason: string}>}>
    }
    assert.equal(
      retriedReport.files.map((file) => [file.input, file.status, file.warnings.filter((warning) => warning.ruleId === 'worker-memory-retry').length]),
      [
        ['a-small.html', 'converted', 0],
        ['b-big.html', 'converted', 1],
        ['c-small.html', 'converted', 0]
      ]
    )
    assert.match(retriedReport.files[1].warnings.find((warning) => warning.ruleId === 'worker-memory-retry')!.reason, /exhausted a 96 MB worker heap .*a \d+ MB heap/)
    // It does not: the big page fails with a clear reason, the rest converts, the lock is gone.
    process.env.NEWS_MARKDOWN_RETRY_HEAP = '128'
    let result
    try {
      result = await cli(['in', '--out', 'out-' + jobs, '--jobs', jobs, '--worker-memory', '96M', '--report', 'report-' + jobs + '.json'], dir)
    } finally {
      delete process.env.NEWS_MARKDOWN_RETRY_HEAP
    }
    assert.is(result.code, 1)
    assert.match(result.stderr, /b-big\.html: Converting this page ran out of memory \(a 128 MB heap\): not converted; the batch goes on .*\[out-of-memory\]/)
    assert.match(result.stderr, /2 converted, 0 unchanged, 0 skipped, 1 failed/)
    const report = JSON.parse(await fs.readFile(path.join(dir, 'report-' + jobs + '.json'), 'utf8')) as {files: Array<{input: string; status: string; error: {ruleId: string} | null}>}
    assert.equal(
      report.files.map((file) => [file.input, file.status, file.error?.ruleId ?? null]),
      [
        ['a-small.html', 'converted', null],
        ['b-big.html', 'failed', 'out-of-memory'],
        ['c-small.html', 'converted', null]
      ]
    )
    assert.not.ok(
      await fs.access(path.join(dir, 'out-' + jobs, '.news-markdown.lock')).then(
        () => true,
        () => false
      ),
      'no lock left'
    )
  }
})

test('cli: a page past `--page-timeout` is stopped and reported; the batch goes on', async function () {
  const dir = await folder({
    'in/a-small.html': page({title: '小'}),
    'in/b-slow.html': page({title: '慢', body: '<p>段落<b>粗</b>文字。</p>'.repeat(100_000)}),
    'in/c-small.html': page({title: '又小'})
  })
  const result = await cli(['in', '--out', 'out', '--page-timeout', '4', '--report', 'report.json'], dir)
  assert.is(result.code, 1)
  assert.match(result.stderr, /b-slow\.html: Converting this page took longer than 4 s \(`--page-timeout`\): stopped; the batch goes on \[timeout\]/, result.stderr)
  assert.match(result.stderr, /2 converted, 0 unchanged, 0 skipped, 1 failed/)
  for (const bad of ['-1', 'soon']) {
    const usage = await cli(['in', '--out', 'out2', '--page-timeout=' + bad], dir)
    assert.is(usage.code, 2, bad)
    assert.match(usage.stderr, /Invalid `--page-timeout`/)
  }
})

test('cli: `--jobs` beyond what the machine can run is capped, with a notice', async function () {
  const dir = await folder({'in/a.html': page({title: '标题'})})
  const result = await cli(['in', '--out', 'out', '--jobs', '4096'], dir)
  assert.is(result.code, 0, result.stderr)
  assert.match(result.stderr, new RegExp('`--jobs 4096` capped to ' + maxJobs() + ': this machine has ' + os.availableParallelism() + ' CPUs'))
  assert.ok(maxJobs() <= os.availableParallelism())
})

test('cli: stdin converts in a worker too: a page past the time budget fails cleanly', async function () {
  const result = await cli(['--page-timeout', '2'], await folder(), page({title: '慢', body: '<p>段落<b>粗</b>文字。</p>'.repeat(100_000)}))
  assert.is(result.code, 1)
  assert.match(result.stderr, /<stdin>: Converting this page took longer than 2 s/, result.stderr)
  const ok = await cli([], await folder(), page({title: '快'}))
  assert.is(ok.code, 0, ok.stderr)
  assert.match(ok.stdout, /正文第一段/)
})

test('cli: a batch of bad files: each failure names its file and reason; good pages convert; exit 1', async function () {
  const gbk = await fs.readFile(new URL('data/gbk-undeclared.html', import.meta.url))
  const dir = await folder({
    'good.html': page({title: '好的'}),
    'empty.html': '',
    'blank.html': '  \n\t\n',
    'image.html': png,
    'archive.html': gzip,
    'text.html': 'Just some words, no markup at all.\n',
    'broken-utf8.html': Uint8Array.from([...encoder.encode(page({title: '坏字节'})), 0xff, 0xfe]),
    'utf16.html': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page({title: '十六位'}), 'utf16le')]),
    'gbk.html': gbk,
    'deep.html': '<h2>深</h2><div class="entry">' + '<div>'.repeat(100_000) + '深层文字' + '</div>'.repeat(100_000) + '</div>'
  })
  const result = await cli(['.', '--out', 'out', '--report', 'report.json'], dir)
  assert.is(result.code, 1)
  for (const [name, pattern] of [
    ['empty.html', /empty/],
    ['blank.html', /empty/],
    ['image.html', /binary/],
    ['archive.html', /binary/],
    ['text.html', /markup/]
  ] as const) {
    assert.match(result.stderr, new RegExp(name.replace('.', '\\.') + ': Input is not an HTML page: .*' + pattern.source + '.*\\[not-html\\]'))
  }
  const report = JSON.parse(await fs.readFile(path.join(dir, 'report.json'), 'utf8')) as {
    files: Array<{input: string; status: string; error: {ruleId: string} | null; warnings: Array<{ruleId: string}>}>
  }
  const status = Object.fromEntries(report.files.map((entry) => [entry.input, entry.status + (entry.error ? ':' + entry.error.ruleId : '')]))
  assert.equal(status, {
    'archive.html': 'failed:not-html',
    'blank.html': 'failed:not-html',
    'broken-utf8.html': 'converted',
    'deep.html': 'converted',
    'empty.html': 'failed:not-html',
    'gbk.html': 'converted',
    'good.html': 'converted',
    'image.html': 'failed:not-html',
    'text.html': 'failed:not-html',
    'utf16.html': 'converted'
  })
  const warned = (input: string, ruleId: string) => report.files.find((entry) => entry.input === input)?.warnings.some((warning) => warning.ruleId === ruleId)
  assert.ok(warned('broken-utf8.html', 'invalid-bytes'))
  assert.ok(warned('gbk.html', 'charset-sniffed'))
  assert.match(await fs.readFile(path.join(dir, 'out/deep.md'), 'utf8'), '深层文字')
  assert.match(await fs.readFile(path.join(dir, 'out/utf16.md'), 'utf8'), '十六位')
})

test('cli: stdin that is empty, binary or plain text fails clearly with exit 1', async function () {
  for (const [input, pattern] of [
    ['', /empty/],
    [png, /binary/],
    ['plain words', /markup/]
  ] as const) {
    const result = await cli([], path.resolve('.'), input)
    assert.is(result.code, 1)
    assert.match(result.stderr, new RegExp('^<stdin>: Input is not an HTML page: .*' + pattern.source + '.*\\[not-html\\]'))
    assert.is(result.stdout, '')
  }
})

test('cli: `--max-size` refuses bigger files before reading them; bad values are usage errors', async function () {
  const dir = await folder({'small.html': page({title: '小'}), 'big.html': page({title: '大', body: '很长的正文。'.repeat(2000)})})
  const result = await cli(['.', '--out', 'out', '--max-size', '8K', '--report', 'r.json'], dir)
  assert.is(result.code, 1)
  assert.match(result.stderr, /big\.html: Input is \d+ bytes, more than the limit of 8192 \(`--max-size`\); use --max-size to raise it \[too-large\]/)
  assert.match(result.stderr, /1 converted, 0 unchanged, 0 skipped, 1 failed/)
  const stdin = await cli(['--max-size', '100'], dir, page({title: '大'}))
  assert.is(stdin.code, 1)
  assert.match(stdin.stderr, /<stdin>: .*\[too-large\]/)
  for (const bad of ['0', '-5', 'big', '10X', '1.5.5M']) {
    const usage = await cli(['.', '--out', 'out2', '--max-size=' + bad], dir)
    assert.is(usage.code, 2, bad)
    assert.match(usage.stderr, /Invalid `--max-size`/)
  }
  assert.is((await cli(['.', '--out', 'out3', '--max-size', '1M'], dir)).code, 0)
})

test('cli: `--max-elements` refuses denser pages with `too-large`', async function () {
  const dir = await folder({'small.html': page({title: '小'}), 'dense.html': page({title: '密', body: '<b>字</b>'.repeat(3000)})})
  const result = await cli(['.', '--out', 'out', '--max-elements', '1000'], dir)
  assert.is(result.code, 1)
  assert.match(result.stderr, /dense\.html: Input has \d+ elements, more than `--max-elements` \(1000\) \[too-large\]/)
  assert.match(result.stderr, /1 converted, 0 unchanged, 0 skipped, 1 failed/)
  for (const bad of ['0', 'many', '1.5']) {
    const usage = await cli(['.', '--out', 'out2', '--max-elements=' + bad], dir)
    assert.is(usage.code, 2, bad)
    assert.match(usage.stderr, /Invalid `--max-elements`/)
  }
})

test.run()
