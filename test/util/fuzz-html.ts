/**
 * Random news pages for property-based tests (`test/fuzz.ts`, quick, fixed
 * seed) and the long fuzz run (`scripts/fuzz-long.ts`): a grammar of the
 * elements the converter handles, in the markup of the built-in site
 * profile (`div.entry`, `p.notice`, credit line, `ul.op-related-articles`,
 * `div.postfooter a[rel=tag]`), with text full of CJK, YAML- and
 * Markdown-significant characters; byte-level mutations of the fixtures;
 * and the properties every conversion must keep.
 */
import fs from 'node:fs'
import type {Root as MdastRoot} from 'mdast'
import {toString} from 'mdast-util-to-string'
import fc from 'fast-check'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import YAML from 'yaml'
import {convert, rules, source} from '../../index.js'
import type {ConvertOptions} from '../../index.js'
import {printComments} from '../../lib/output/body-escape-hugo.js'
import {eleventyReservedTags, maxTagBytes} from '../../lib/output/frontmatter-generator-tags.js'
import {renderPage} from '../../lib/output/render-page.js'
import {lineBreaks11, unprintable} from '../../lib/util/yaml-text.js'

/** A generated page and what its conversion must keep or drop. */
export interface Page {
  html: string
  /** Text of each article block (paragraph, heading, list item, cell, caption…): must all appear. */
  kept: Array<string>
  /** Unique markers inside promo blocks and sponsored entries: must not appear. */
  dropped: Array<string>
  /** Titles of related entries with a safe link: must appear. */
  related: Array<string>
}

// Common Han characters without those of credit-line keywords (来源, 作者, 记者, 编辑, 责编, 摄影, 出处, 原文…).
const han =
  '的一是不了在人有我他这个们中上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直资命山金指许统区保至队形社便空决治展马科司五基书非则听白界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运步改收根造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始存未远台'
const latin = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
/** YAML-significant: flow indicators, comments, tags, anchors, aliases, directives, quotes, escapes. */
const yamlSignificant = [
  ': ',
  '#',
  '---',
  '...',
  '"',
  "'",
  '\\',
  '!!',
  '!',
  '&a',
  '*a',
  '@',
  '%',
  '|',
  '>',
  '?',
  '{',
  '}',
  '[',
  ']',
  ',',
  '- ',
  'yes',
  'no',
  'on',
  'null',
  '~',
  '1:30',
  '2020-01-01',
  '0x1F',
  '1_000',
  '.inf'
]
/** Markdown-significant: emphasis, links, headings, lists, HTML, code, tables, escapes, entities. */
const markdownSignificant = [
  '*',
  '_',
  '**',
  '__',
  '[',
  ']',
  '](',
  '![',
  '#',
  '# ',
  '1. ',
  '1) ',
  '- ',
  '+ ',
  '> ',
  '<',
  '</',
  '<b>',
  '`',
  '```',
  '~~',
  '|',
  '\\',
  '&amp;',
  '&#x61;',
  '&copy',
  '<!--',
  '-->',
  '***',
  '===',
  '    ',
  'http://example.com',
  '<https://x.y>',
  '[^1]'
]
const cjkPunctuation = ['，', '。', '、', '“', '”', '「', '」', '《', '》', '（', '）', '！', '？', '；', '…', '—', '·']
const other = ['é', 'ü', 'ß', 'ø', 'Ω', 'Ж', 'ع', 'ע', '😀', '👍🏽', 'ｶ', 'が', 'ㄅ', '한', 'e\u0301', '\u00a0', ' ', ' ', ' ']
/** Static site generators' own syntax: Hugo shortcodes and summary divider, kramdown extensions, attribute lists, math, abbreviations, Goldmark attributes. */
export const generatorSyntax = [
  '{{<',
  '{{%',
  '>}}',
  '%}}',
  '{{< gist a b >}}',
  '{{% notice %}}',
  '{{</* x */>}}',
  '{{<br />',
  '<!--more-->',
  '{:',
  '{::nomarkdown}',
  '{:/}',
  '{: .c onclick="x()"}',
  '{::comment}',
  '{:toc}',
  '{#id}',
  '{.cls}',
  '{style="color:red"}',
  '$$',
  '*[A]: ',
  ': ',
  '^',
  '{%',
  '{{ x }}'
]
/** Characters YAML readers refuse or read as line breaks, a BOM, lone surrogates. */
export const controlCharacters = ['\x01', '\x1b', '\x7f', '\x85', '\x9b', '\u2028', '\u2029', '\ufffe', '\uffff', '\ufeff', '\ud800', '\udc00']

/** One text unit: mostly words, often significant characters. */
const unit: fc.Arbitrary<string> = fc.oneof(
  {weight: 6, arbitrary: fc.constantFrom(...han)},
  {weight: 4, arbitrary: fc.constantFrom(...latin)},
  {weight: 3, arbitrary: fc.constant(' ')},
  {weight: 2, arbitrary: fc.constantFrom(...yamlSignificant)},
  {weight: 2, arbitrary: fc.constantFrom(...markdownSignificant)},
  {weight: 2, arbitrary: fc.constantFrom(...cjkPunctuation)},
  {weight: 1, arbitrary: fc.constantFrom(...other)},
  {weight: 1, arbitrary: fc.constantFrom(...generatorSyntax)},
  {weight: 1, arbitrary: fc.constantFrom(...controlCharacters)}
)

/**
 * Text with at least one letter (so it is never only white space). A
 * backslash right before a pipe is kept apart: in inline code in a GFM
 * table cell, `\\|` has no agreed meaning (GitHub and micromark differ,
 * github/cmark-gfm#277), so no serialiser can round-trip it.
 */
export const text: fc.Arbitrary<string> = fc.tuple(fc.constantFrom(...han, ...latin), fc.string({unit, maxLength: 24})).map(([first, rest]) => (first + rest).replace(/\\\|/g, '\\ |'))

/** Short words for names and tags. */
const word: fc.Arbitrary<string> = fc.string({unit: fc.oneof(fc.constantFrom(...han), fc.constantFrom(...latin)), minLength: 1, maxLength: 6})

/** Link targets: safe, relative, unsafe and obfuscated. */
const href: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'https://example.com/a',
    'http://example.org/b?x=1&y=2',
    '/relative/path.html',
    'page.html#frag',
    '#top',
    'mailto:a@example.com',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'jav&#x61;script:alert(1)',
    '&#106;avascript:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'java&#x0A;script:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/png;base64,iVBORw0KGgo=',
    'data:image/svg+xml,<svg onload=alert(1)>',
    '',
    ' ',
    'https://exa mple.com/',
    'http://[::1',
    '//cdn.example.com/x.png'
  ),
  fc.webUrl()
)

interface Generated {
  html: string
  /** Texts of the blocks, with the level of headings. */
  kept: Array<{text: string; heading?: number | undefined}>
}

const escapeText = (value: string) =>
  value
    .replace(/&(?![#a-zA-Z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
/** Text exactly as written: `&` always escaped, so `&amp;` in the text stays literal. */
const literal = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const attribute = (value: string) =>
  value
    .replace(/&(?![#a-zA-Z0-9]+;)/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
void escapeText

/** Inline content: text, formatting, links, images, breaks, spans. Returns HTML and its text. */
const inline: fc.Arbitrary<{html: string; text: string}> = fc.letrec<{inline: {html: string; text: string}; inlines: {html: string; text: string}}>((tie) => ({
  inline: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    {weight: 5, arbitrary: text.map((value) => ({html: literal(value), text: value}))},
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom('b', 'strong', 'i', 'em', 'code', 'span'), tie('inlines')).map(([tag, inner]) => ({html: '<' + tag + '>' + inner.html + '</' + tag + '>', text: inner.text}))
    },
    {weight: 2, arbitrary: fc.tuple(href, tie('inlines')).map(([target, inner]) => ({html: '<a href="' + attribute(target) + '">' + inner.html + '</a>', text: inner.text}))},
    {weight: 1, arbitrary: fc.constant({html: '<br>', text: ' '})},
    {weight: 1, arbitrary: fc.tuple(href, text).map(([src, alt]) => ({html: '<img src="' + attribute(src) + '" alt="' + attribute(alt) + '">', text: ' '}))}
  ),
  inlines: fc.array(tie('inline'), {minLength: 1, maxLength: 4}).map((parts) => ({html: parts.map((part) => part.html).join(''), text: parts.map((part) => part.text).join('')}))
})).inlines

/** Block content of the article. */
const block: fc.Arbitrary<Generated> = fc.letrec<{block: Generated; blocks: Generated}>((tie) => ({
  block: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    {weight: 6, arbitrary: inline.map((inner) => ({html: '<p>' + inner.html + '</p>', kept: [{text: inner.text}]}))},
    // `h1`/`h2` inside the article are title candidates of the site profile (`.post h1` first), so h3–h6.
    {
      weight: 1,
      arbitrary: fc.tuple(fc.integer({min: 3, max: 6}), inline).map(([level, inner]) => ({html: '<h' + level + '>' + inner.html + '</h' + level + '>', kept: [{text: inner.text, heading: level}]}))
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom('ul', 'ol'), fc.array(inline, {minLength: 1, maxLength: 4})).map(([tag, items]) => ({
        html: '<' + tag + '>' + items.map((item) => '<li>' + item.html + '</li>').join('') + '</' + tag + '>',
        kept: items.map((item) => ({text: item.text}))
      }))
    },
    {weight: 1, arbitrary: tie('blocks').map((inner) => ({html: '<blockquote>' + inner.html + '</blockquote>', kept: inner.kept}))},
    {weight: 1, arbitrary: tie('blocks').map((inner) => ({html: '<div>' + inner.html + '</div>', kept: inner.kept}))},
    {
      weight: 1,
      arbitrary: fc.tuple(fc.integer({min: 1, max: 3}), fc.array(fc.array(inline, {minLength: 1, maxLength: 3}), {minLength: 1, maxLength: 4})).map(([columns, rows]) => {
        const cells = rows.map((row) => Array.from({length: columns}, (_, index) => row[index % row.length]))
        return {
          html:
            '<table>' + cells.map((row, index) => '<tr>' + row.map((cell) => (index === 0 ? '<th>' : '<td>') + cell.html + (index === 0 ? '</th>' : '</td>')).join('') + '</tr>').join('') + '</table>',
          kept: cells.flat().map((cell) => ({text: cell.text}))
        }
      })
    },
    {
      weight: 1,
      arbitrary: fc.tuple(href, fc.option(text, {nil: undefined})).map(([src, caption]) => ({
        html: '<figure><img src="' + attribute(src) + '">' + (caption === undefined ? '' : '<figcaption>' + literal(caption) + '</figcaption>') + '</figure>',
        kept: caption === undefined ? [] : [{text: caption}]
      }))
    }
  ),
  blocks: fc.array(tie('block'), {minLength: 1, maxLength: 3}).map((parts) => ({html: parts.map((part) => part.html).join(''), kept: parts.flatMap((part) => part.kept)}))
})).blocks

let markerCount = 0
/** A marker no generated text can contain. */
const marker = fc.nat().map(() => 'PROMOMARKER' + ++markerCount + 'X')

/** A whole page in the site's markup. */
export const page: fc.Arbitrary<Page> = fc
  .record({
    title: text,
    credit: fc.option(fc.tuple(word, fc.option(word, {nil: undefined})), {nil: undefined}),
    notice: fc.option(marker, {nil: undefined}),
    body: fc.array(block, {minLength: 1, maxLength: 6}),
    related: fc.array(fc.tuple(text, fc.boolean(), marker), {maxLength: 5}),
    tags: fc.array(text, {maxLength: 6}),
    trailingPromo: fc.option(marker, {nil: undefined}),
    relatedFirst: fc.boolean()
  })
  .map((spec) => {
    const dropped: Array<string> = []
    const related: Array<string> = []
    let entry = ''
    if (spec.notice) {
      entry += '<p class="notice"><b>大陆网友注意：' + spec.notice + '</b></p>'
      dropped.push(spec.notice)
    }
    if (spec.credit) entry += '<p>（来源：' + literal(spec.credit[0]) + (spec.credit[1] ? ' 作者：' + literal(spec.credit[1]) : '') + '，文章内容并不代表本网立场和观点。）</p>'
    let list = ''
    if (spec.related.length > 0) {
      list = '<ul class="op-related-articles" title="相关阅读">'
      for (const [index, [title, sponsored, mark]] of spec.related.entries()) {
        if (sponsored) {
          list += '<li data-sponsored="true"><a href="https://ad.example/' + index + '">' + mark + '</a></li>'
          dropped.push(mark)
        } else {
          list += '<li><a href="https://news.example/' + index + '.html">' + literal(title) + '</a></li>'
          related.push(title)
        }
      }
      list += '</ul>'
    }
    if (spec.relatedFirst) entry += list
    entry += spec.body.map((part) => part.html).join('')
    if (!spec.relatedFirst) entry += list
    if (spec.trailingPromo) {
      entry += '<div class="texttj"><a href="https://promo.example/">' + spec.trailingPromo + '</a></div><a name="sharetosocial"></a>'
      dropped.push(spec.trailingPromo)
    }
    const tags = spec.tags.map((tag, index) => '<a rel="tag" href="/tag/' + index + '">' + literal(tag) + '</a>').join(', ')
    const html =
      '<!doctype html><html><head><meta charset="utf-8"><title>' +
      literal(spec.title) +
      '</title></head><body><div class="post">' +
      '<h2>' +
      literal(spec.title) +
      '</h2><div class="entry">' +
      entry +
      '</div>' +
      '<div class="postfooter"><div>本文标签：' +
      tags +
      '</div></div></div></body></html>'
    // A heading repeating the title goes with the title (to the frontmatter), by design.
    const kept = spec.body.flatMap((part) => part.kept).filter((item) => !(item.heading !== undefined && item.heading <= 2 && squash(item.text) === squash(spec.title)))
    return {html, kept: kept.map((item) => item.text), dropped, related}
  })

/** The fixture inputs, as bytes. */
export function fixtureInputs(): Array<{name: string; bytes: Uint8Array}> {
  const root = new URL('../../fixtures/', import.meta.url)
  return fs
    .readdirSync(root, {withFileTypes: true})
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({name, bytes: new Uint8Array(fs.readFileSync(new URL(name + '/input.html', root)))}))
}

/** One byte-level edit. */
type Mutation = {kind: 'flip' | 'set' | 'insert' | 'delete' | 'truncate' | 'duplicate' | 'splice-tag'; at: number; value: number; length: number}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('flip', 'set', 'insert', 'delete', 'truncate', 'duplicate', 'splice-tag'),
  at: fc.nat(),
  value: fc.nat({max: 255}),
  length: fc.integer({min: 1, max: 64})
})

const tagSnippets = [
  '<div>',
  '</div>',
  '<p>',
  '</p>',
  '<b>',
  '</b>',
  '<table><tr><td>',
  '</table>',
  '<!--',
  '-->',
  '<script>',
  '</script>',
  '<![CDATA[',
  '<svg>',
  '<math>',
  '<template>',
  '<plaintext>',
  '<a href="javascript:x">',
  '<meta charset="big5">',
  '<li>',
  '<select>',
  '<iframe srcdoc="<b>">',
  '<div/>',
  '&#0;',
  '&#x110000;',
  '\uFEFF',
  '<?xml?>',
  '</br>',
  '<isindex>'
]

/** A fixture with a few byte-level edits. */
export const mutatedFixture = (fixtures: Array<{name: string; bytes: Uint8Array}>) =>
  fc.record({fixture: fc.nat({max: fixtures.length - 1}), mutations: fc.array(mutation, {minLength: 1, maxLength: 8})}).map(({fixture, mutations}) => {
    let bytes = Array.from(fixtures[fixture].bytes)
    for (const edit of mutations) {
      const at = bytes.length === 0 ? 0 : edit.at % bytes.length
      if (edit.kind === 'flip') bytes[at] ^= 1 << (edit.value % 8)
      else if (edit.kind === 'set') bytes[at] = edit.value
      else if (edit.kind === 'insert') bytes.splice(at, 0, edit.value)
      else if (edit.kind === 'delete') bytes.splice(at, edit.length)
      else if (edit.kind === 'truncate') bytes = bytes.slice(0, at)
      else if (edit.kind === 'duplicate') bytes.splice(at, 0, ...bytes.slice(at, at + edit.length * 16))
      else bytes.splice(at, 0, ...Buffer.from(tagSnippets[edit.value % tagSnippets.length]))
    }
    return {name: fixtures[fixture].name, bytes: Uint8Array.from(bytes)}
  })

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)
/** Text without white space; a lone surrogate counts as U+FFFD (what a UTF-8 encoder makes of it). */
const squash = (value: string) => value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD').replace(/[\s\u00a0]+/g, '')
const safeScheme = /^(?:https?|mailto|ftp|tel):/i

/** Outcome of checking one conversion. */
export interface Outcome {
  /** `converted`, a documented fatal message (`rejected`), or a problem. */
  status: 'converted' | 'rejected'
  ruleId?: string | undefined
  /** Milliseconds of the first conversion. */
  time: number
}

/**
 * Convert `input` twice and check every property; throws an `Error`
 * describing the first property that does not hold. `expected` (for
 * grammar pages) adds: every article text kept, promo markers dropped,
 * related titles kept.
 */
export async function checkConversion(input: string | Uint8Array, options: ConvertOptions = {}, expected?: Page): Promise<Outcome> {
  const start = performance.now()
  let file: VFile
  try {
    file = await convert(input, options)
  } catch (error) {
    const time = performance.now() - start
    const cause = error as {ruleId?: unknown; source?: unknown; fatal?: unknown; name?: unknown; message?: unknown}
    if (typeof cause.ruleId === 'string' && Object.hasOwn(rules, cause.ruleId) && rules[cause.ruleId as keyof typeof rules].kind === 'fatal' && cause.source === source && cause.fatal === true) {
      // Documented; and the second conversion must agree.
      const again = await convert(input, options).then(
        () => 'converted',
        (other: {ruleId?: unknown}) => other.ruleId
      )
      if (again !== cause.ruleId) throw new Error('not deterministic: rejected with `' + cause.ruleId + '`, then `' + String(again) + '`', {cause: error})
      if (expected && !(cause.ruleId === 'no-content' && expected.kept.every((value) => !squash(value)))) throw new Error('a generated page was rejected: ' + String(cause.message), {cause: error})
      return {status: 'rejected', ruleId: cause.ruleId, time}
    }
    throw new Error('crash: ' + String(cause.name) + ': ' + String(cause.message), {cause: error})
  }
  const time = performance.now() - start
  const markdown = String(file)
  const second = String(await convert(input, options))
  if (second !== markdown) throw new Error('not deterministic: two conversions differ')

  // Frontmatter: valid YAML (1.2 and 1.1) that gives back `file.data.article`.
  const tree = parser.parse(markdown) as MdastRoot
  const head = tree.children[0]
  const article = (file.data.article || {}) as Record<string, unknown>
  const present = ['title', 'source', 'author', 'tags', 'url', 'date'].filter((key) => (Array.isArray(article[key]) ? (article[key] as Array<unknown>).length > 0 : Boolean(article[key])))
  if (present.length > 0) {
    if (!head || head.type !== 'yaml') throw new Error('no frontmatter, yet metadata ' + present.join(', '))
    const data12 = YAML.parse(head.value) as Record<string, unknown>
    const data11 = YAML.parse(head.value, {version: '1.1'}) as Record<string, unknown>
    for (const key of present) {
      if (JSON.stringify(data12[key]) !== JSON.stringify(article[key]))
        throw new Error('frontmatter `' + key + '` reads back as ' + JSON.stringify(data12[key]) + ', extracted ' + JSON.stringify(article[key]))
      if (key !== 'date' && JSON.stringify(data11[key]) !== JSON.stringify(article[key]))
        throw new Error('frontmatter `' + key + '` reads back under YAML 1.1 as ' + JSON.stringify(data11[key]) + ', extracted ' + JSON.stringify(article[key]))
    }
  }

  // Markdown: parses; no raw HTML; links and images only with safe or relative URLs.
  visit(tree, function (node) {
    if (node.type === 'html') throw new Error('raw HTML in the output: ' + JSON.stringify(node.value.slice(0, 60)))
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && /^[a-z][a-z\d+.-]*:/i.test(node.url) && !safeScheme.test(node.url)) {
      if (!(node.type === 'image' && options.allowDataImages && /^data:image\/(png|gif|jpe?g|webp|avif);/i.test(node.url))) throw new Error('unsafe URL in the output: ' + node.url.slice(0, 60))
    }
  })

  if (expected) {
    tree.children = tree.children.filter((node) => node.type !== 'yaml')
    const body = squash(toString(tree, {includeImageAlt: false}))
    // A table cell's lines are kept apart by `;`/`；` (`lib/util/table-cell-handler.ts`): text is compared without them.
    const unseparated = body.replace(/[;；]/g, '')
    for (const value of expected.kept) {
      if (squash(value) && !body.includes(squash(value)) && !unseparated.includes(squash(value).replace(/[;；]/g, ''))) throw new Error('lost article text ' + JSON.stringify(value))
    }
    for (const value of expected.related) {
      if (squash(value) && !body.includes(squash(value))) throw new Error('lost related title ' + JSON.stringify(value))
    }
    const all = squash(markdown)
    for (const value of expected.dropped) if (all.includes(value)) throw new Error('promo text kept: ' + value)
  }
  return {status: 'converted', time}
}

/** Hugo prints a shortcode in its comment form without the markers; its zero-width space is invisible. */
export function printedByHugo(value: string): string {
  return printComments(value).replace(/\u200B/g, '')
}

/** Visible text (with alt text), link and image URLs of Markdown as remark reads it; code as `code` maps it. */
function readable(markdown: string, code: (value: string) => string): {text: string; urls: Array<string>} {
  const tree = parser.parse(markdown) as MdastRoot
  let text = ''
  const urls: Array<string> = []
  visit(tree, function (node) {
    if (node.type === 'text') text += node.value
    else if (node.type === 'inlineCode' || node.type === 'code') text += code(node.value)
    else if (node.type === 'image') {
      text += node.alt || ''
      urls.push(node.url)
      // Not GFM's literal autolinks, found in text after escapes (`http\://…` stays text for `convert()`).
    } else if (node.type === 'link' && node.position) urls.push(node.url)
  })
  // The generator layouts remove control characters from the text (`lib/output/body-invisible.ts`).
  return {text: squash(text.replace(/[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]/g, '')), urls}
}

/**
 * Lay out a converted body (`convert()` with `frontmatter: false`) with
 * every generator layout and check what the generators rely on; throws an
 * `Error` naming the first property that does not hold:
 *
 * *   the frontmatter has no character a YAML reader refuses or reads as a
 *     line break, and reads back the same under YAML 1.2 and 1.1; it has a
 *     title; every tag is at most 100 bytes and has a letter or digit;
 *     Eleventy gets no reserved tag
 * *   the body reads the same as the plain conversion (text, alt text, code
 *     as the generator prints it, link and image URLs), control characters
 *     aside
 * *   hugo: no `{{<`, `{{%` or `<!--more-->` outside Hugo's comment form
 * *   jekyll: no unescaped `{:`, `{#`, `$$`, `|`, `\&` or `\@` in text, no
 *     line of text starting with `: `
 */
export function checkLayouts(file: VFile, relative: string): void {
  const plain = readable(String(file), (value) => value)
  for (const layout of ['hugo', 'jekyll', 'astro', 'eleventy'] as const) {
    const rendered = renderPage(file, {layout, relative, frontmatter: false})
    const match = /^---\n([\s\S]*?\n)---\n/.exec(rendered.markdown)
    if (!match) throw new Error(layout + ': no frontmatter')
    const yaml = match[1]
    if (unprintable.test(yaml) || lineBreaks11.test(yaml)) throw new Error(layout + ': frontmatter has a character YAML readers refuse: ' + JSON.stringify(yaml.slice(0, 200)))
    const data = YAML.parse(yaml) as Record<string, unknown>
    const data11 = YAML.parse(yaml, {version: '1.1'}) as Record<string, unknown>
    for (const key of ['title', 'author', 'source', 'tags']) {
      if (JSON.stringify(data11[key]) !== JSON.stringify(data[key]))
        throw new Error(layout + ': `' + key + '` reads differently under YAML 1.1: ' + JSON.stringify(data11[key]) + ' / ' + JSON.stringify(data[key]))
    }
    if (typeof data.title !== 'string' || !data.title) throw new Error(layout + ': no title')
    for (const tag of Array.isArray(data.tags) ? data.tags.map(String) : []) {
      if (Buffer.byteLength(tag) > maxTagBytes || !/[\p{L}\p{N}]/u.test(tag)) throw new Error(layout + ': unusable tag ' + JSON.stringify(tag))
      if (layout === 'eleventy' && eleventyReservedTags.has(tag)) throw new Error('eleventy: reserved tag ' + tag)
    }
    const body = rendered.markdown.slice(match[0].length).replace(/^\n/, '')
    const laid = readable(body, layout === 'hugo' ? printedByHugo : (value) => value)
    if (laid.text !== plain.text) throw new Error(layout + ': the body reads differently: ' + JSON.stringify(firstDifference(plain.text, laid.text)))
    if (JSON.stringify(laid.urls) !== JSON.stringify(plain.urls)) throw new Error(layout + ': link or image URLs differ: ' + JSON.stringify(plain.urls) + ' / ' + JSON.stringify(laid.urls))
    if (layout === 'hugo') {
      const left = body.replace(/\{\{<\/\*[\s\S]*?\*\/>\}\}|\{\{%\/\*[\s\S]*?\*\/%\}\}/g, '')
      const found = /\{\{[<%]|<!--more-->/.exec(left)
      if (found) throw new Error('hugo: Hugo would read ' + JSON.stringify(left.slice(Math.max(0, found.index - 20), found.index + 20)))
    }
    if (layout === 'jekyll') {
      // The source of each paragraph, heading and table cell, its code spans blanked out.
      const tree = parser.parse(body) as MdastRoot
      visit(tree, function (node) {
        if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return undefined
        const start = node.position!.start.offset!
        let source = body.slice(start, node.position!.end.offset)
        // A cell's own pipes are the table's, not the text's.
        if (node.type === 'tableCell') source = source.replace(/^\|/, ' ').replace(/(?<!\\)\|\s*$/, ' ')
        const blank = (from: number, to: number) => {
          source = source.slice(0, from - start) + ' '.repeat(to - from) + source.slice(to - start)
        }
        // Code, images (kramdown reads alt text raw) and link destinations and titles are no text.
        visit(node, function (child) {
          if (!child.position || child === node) return undefined
          const from = child.position.start.offset!
          const to = child.position.end.offset!
          if (child.type === 'inlineCode' || child.type === 'image') blank(from, to)
          else if (child.type === 'link') {
            const last = child.children[child.children.length - 1]
            if (body.charAt(from) === '<') blank(from, to)
            else blank(last && last.position ? last.position.end.offset! : from + 1, to)
          }
          return undefined
        })
        const found = /(?<!\\)\{[:#]|(?<!\\)\$\$|(?<!\\)\||(?:^|[^\\])(?:\\\\)*\\[&@]|\n[\t >]*:[ \t]/.exec(source)
        if (found) throw new Error('jekyll: kramdown would read ' + JSON.stringify(source.slice(Math.max(0, found.index - 20), found.index + 20)))
        return 'skip'
      })
    }
  }
}

function firstDifference(a: string, b: string): [string, string] {
  let index = 0
  while (index < a.length && a[index] === b[index]) index++
  return [a.slice(Math.max(0, index - 20), index + 20), b.slice(Math.max(0, index - 20), index + 20)]
}
