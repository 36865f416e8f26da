// The generator layouts' rules, unit by unit: escaping of Hugo's and
// kramdown's syntax (`lib/output/body-escape-*.ts`), frontmatter every YAML reader
// takes (`lib/util/yaml-text.ts`), tags and alias paths generators can
// make files of, fallback titles, Jekyll dates. `test/generators.ts` proves
// them with the real generators.
import type {Root} from 'mdast'
import {toString as mdastToString} from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import YAML from 'yaml'
import {convert} from '../index.js'
import {escapeHugo, neutraliseShortcodes, printComments, zeroWidthSpace} from '../lib/output/body-escape-hugo.js'
import {escapeKramdown} from '../lib/output/body-escape-kramdown.js'
import {fallbackTitle} from '../lib/output/frontmatter-fallback-title.js'
import {footnotesAsText} from '../lib/output/body-footnotes-text.js'
import {eleventyReservedTags, generatorTags, maxTagBytes} from '../lib/output/frontmatter-generator-tags.js'
import {removeInvisibleCharacters} from '../lib/output/body-invisible.js'
import {jekyllDate, layoutNames} from '../lib/output/layouts.js'
import {renderPage} from '../lib/output/render-page.js'
import {aliasPath} from '../lib/output/alias-path.js'
import {restringify} from '../lib/output/body-restringify.js'
import {stringifyFrontmatter} from '../lib/output/frontmatter.js'
import {cleanLine, escapeForYaml, needsEscape, unprintable} from '../lib/util/yaml-text.js'

const parser = unified().use(remarkParse).use(remarkGfm)
const textOf = (markdown: string) => mdastToString(parser.parse(markdown) as Root, {includeImageAlt: true})
/** Hugo prints a shortcode in its comment form without the markers; the zero-width space is invisible. */
const printedByHugo = (value: string) => printComments(value).replaceAll(zeroWidthSpace, '')

async function body(html: string): Promise<string> {
  return String(await convert('<h2>T</h2><div class="entry">' + html + '</div>', {frontmatter: false}))
}

// Hugo.

test('escape-hugo: shortcodes in text, links, titles and alt text are escaped and read the same', async function () {
  const markdown = await body(
    '<p>Type {{&lt; youtube abc &gt;}} or {{% notice %}} or {{{&lt; x.</p>' +
      '<p>Read <a href="https://example.org/?q={{%25x%25}}" title="{{&lt; t &gt;}}">see {{&lt; gist a b &gt;}}</a> and <img src="https://example.org/i.png" alt="{{% alt %}}"> for more.</p>'
  )
  const {markdown: escaped} = escapeHugo(markdown)
  assert.not.match(escaped, /\{\{[<%]/, 'no `{{<` or `{{%` left: ' + escaped)
  assert.is(textOf(escaped), textOf(markdown))
  const titles: Array<string | null | undefined> = []
  visit(parser.parse(escaped), 'link', (link) => void titles.push(link.title))
  assert.equal(titles, ['{{< t >}}'])
})

test('escape-hugo: code keeps its text through Hugo’s comment form, or a zero-width space where none closes', function () {
  assert.equal(neutraliseShortcodes('a {{< figure src="x" >}} b'), {value: 'a {{</* figure src="x" */>}} b', zeroWidth: 0})
  assert.equal(neutraliseShortcodes('{{% a %}}{{%b%}}'), {value: '{{%/* a */%}}{{%/*b*/%}}', zeroWidth: 0})
  // Already in comment form (an article about Hugo): Hugo prints it as written.
  assert.is(printedByHugo(neutraliseShortcodes('{{</* x */>}}').value), '{{</* x */>}}')
  assert.equal(neutraliseShortcodes('t={{%s|token}}'), {value: 't={{' + zeroWidthSpace + '%s|token}}', zeroWidth: 1})
  assert.equal(neutraliseShortcodes('<!--more-->'), {value: '<!' + zeroWidthSpace + '--more-->', zeroWidth: 1})
  assert.equal(neutraliseShortcodes('a {{ b }} c'), {value: 'a {{ b }} c', zeroWidth: 0})
  for (const value of ['{{% a {{</* x */>}} {{% b %}} c', '{{< a {{< b >}} >}}', '{{< a */>}}', '{{<>}}', '{{<br />', 'x {{% y', '{{{< z >}}', '<!--more--> {{< q >}}']) {
    const result = neutraliseShortcodes(value)
    assert.is(printedByHugo(result.value), value, value)
    // What Hugo would still read: `{{<`/`{{%` outside the comment form, or the divider.
    assert.not.match(result.value.replace(/\{\{<\/\*[\s\S]*?\*\/>\}\}|\{\{%\/\*[\s\S]*?\*\/%\}\}/g, ''), /\{\{[<%]|<!--more-->/, value)
  }
})

test('escape-hugo: code blocks, inline code, headings, block attributes, definitions and the summary divider', async function () {
  const markdown = await body(
    '<pre><code>x = "{{&lt; vimeo 1 &gt;}}" {{%s}}\n&lt;!--more--&gt;</code></pre><p><code>{{&lt; a &gt;}}</code></p>' +
      '<h3>Results {style="color:red"}</h3><p>line<br>{.lead}</p><p>Term<br>: definition</p><p>the &lt;!--more--&gt; divider</p>'
  )
  const result = escapeHugo(markdown)
  assert.is(result.zeroWidth, 2)
  assert.match(result.markdown, '```\nx = "{{</* vimeo 1 */>}}" {{' + zeroWidthSpace + '%s}}\n<!' + zeroWidthSpace + '--more-->\n```')
  assert.match(result.markdown, '`{{</* a */>}}`')
  assert.match(result.markdown, '### Results \\{style="color:red"}')
  assert.match(result.markdown, 'line\\\n\\{.lead}')
  assert.match(result.markdown, 'Term\\\n\\: definition')
  assert.match(result.markdown, 'the \\<!\\--more--> divider')
  assert.is(printedByHugo(textOf(result.markdown)), textOf(markdown))
})

test('escape-hugo: Markdown with nothing Hugo reads is returned as it is', async function () {
  const markdown = await body('<p>Plain text, a <a href="https://example.org/">link</a> and <code>code</code>.</p>')
  assert.is(escapeHugo(markdown).markdown, markdown)
})

// kramdown.

test('escape-kramdown: extensions, attribute lists, math, tables, definitions and end-of-block markers read as text', async function () {
  const markdown = await body(
    '<p>A {::nomarkdown}&lt;script&gt;x&lt;/script&gt;{:/} and <em>this</em>{: onmouseover="alert(1)"} and {:toc}.</p>' +
      '<p>{: .cls}</p><p>$$x^2$$ and $5</p><p>Source | agency</p><p>Term<br>: def<br>^</p><h3>Head {#id}</h3><p>&lt;中文 x&gt;</p>'
  )
  const escaped = escapeKramdown(markdown).markdown
  for (const pattern of [/(?<!\\)\{:/, /(?<!\\)\{#/, /(?<!\\)\$\$/, /(?<!\\)\|/, /^: /m, /^\^$/m, /(?<!\\)<中/]) {
    assert.not.match(escaped, pattern, String(pattern) + ' in ' + escaped)
  }
  assert.is(textOf(escaped), textOf(markdown))
})

test('escape-kramdown: escapes kramdown lacks become character references; URLs and titles take no escapes', async function () {
  const markdown = await body(
    '<p>Mail a@b.org, the code &amp;amp; means &amp;.</p>' +
      '<p><a href="https://en.wikipedia.org/wiki/A_(b)?x=1&amp;y=2|z" title="News | &quot;Site&quot;">wiki</a> is the source of it.</p>' +
      '<p>See <img src="https://example.org/i.png" alt="a &amp;amp; b ~ c"> here.</p>'
  )
  const escaped = escapeKramdown(markdown).markdown
  assert.not.match(escaped, /\\[&@]/, 'no `\\&` or `\\@` (kramdown shows the backslash)')
  assert.match(escaped, '&#x26;amp;')
  assert.match(escaped, '(https://en.wikipedia.org/wiki/A_&#x28;b&#x29;?x=1&#x26;y=2&#x7C;z "News &#x7C; &#x22;Site&#x22;")')
  assert.match(escaped, '![a &#x26;amp; b &#x7E; c]')
  const tree = parser.parse(escaped) as Root
  const paragraph = tree.children[1]
  assert.ok(paragraph.type === 'paragraph' && paragraph.children[0].type === 'link')
  assert.is(paragraph.children[0].url, 'https://en.wikipedia.org/wiki/A_(b)?x=1&y=2|z')
  assert.is(paragraph.children[0].title, 'News | "Site"')
  assert.is(textOf(escaped), textOf(markdown))
})

test('escape-kramdown: code spans keep their code where kramdown ends a span at a shorter backtick run', async function () {
  const markdown = await body('<p>Run <code>a`b</code>, <code>``</code> and <code>x</code> now.</p><table><tr><th>A</th><th>B</th></tr><tr><td><code>x|y</code> `q`</td><td>b</td></tr></table>')
  const escaped = escapeKramdown(markdown).markdown
  // A fence longer than the longest run inside, padded: one span each in kramdown and CommonMark.
  assert.match(escaped, 'Run `` a`b ``, ``` `` ``` and `x` now.')
  // In a table cell, kramdown opens a code span at an escaped backtick: written as a reference.
  assert.match(escaped, '| `x\\|y` &#x60;q&#x60; |')
  const code: Array<string> = []
  visit(parser.parse(escaped), 'inlineCode', (node) => void code.push(node.value))
  assert.equal(code, ['a`b', '``', 'x', 'x|y'])
  assert.is(textOf(escaped), textOf(markdown))
})

test('restringify: literal autolinks kept as text by convert() stay text', async function () {
  const markdown = await body('<p>Mail tips@example.org or see http://example.org/x and www.example.org, or <a href="https://example.org/y">this</a>.</p>')
  assert.match(markdown, 'tips\\@example.org')
  const again = restringify(markdown, {})
  assert.is(again, markdown)
  const urls: Array<string> = []
  visit(parser.parse(escapeHugo(markdown).markdown), 'link', (node) => void (node.position && urls.push(node.url)))
  assert.ok(urls.includes('https://example.org/y'))
})

test('layouts: control characters in the article text are removed, with a warning', async function () {
  const html =
    '<html><head><title>Title</title></head><body><h2>Title</h2><div class="entry"><p>Ctrl a\x01b\uFFFEc <em>em\x1B</em> and <code>co\uFFFFde</code>.</p><p>Second paragraph of text.</p></div></body></html>'
  for (const layout of layoutNames) {
    if (layout === 'plain') continue
    const file = await convert(html, {frontmatter: false})
    const page = renderPage(file, {layout, relative: 'in/page.html', frontmatter: false})
    const text = page.markdown.split('---\n').slice(2).join('---\n')
    assert.not.match(text, /[\x01\x1B\uFFFE\uFFFF]/, layout)
    assert.match(text, 'Ctrl abc *em* and `code`.', layout)
    assert.ok(
      file.messages.some((message) => message.ruleId === 'invalid-characters' && /control character/.test(message.reason)),
      layout
    )
  }
  assert.equal(removeInvisibleCharacters('Plain *text*.\n'), {markdown: 'Plain *text*.\n', removed: 0})
})

test('restringify: convert() output is a fixed point of parsing and serialising', async function () {
  const markdown = await body(
    '<h3>标题</h3><p>他说<strong>“引号”</strong>后面，<em>强调</em>和<code>code</code>。</p><ul><li>一</li><li>二</li></ul>' +
      '<table><tr><th>列</th><th>Column</th></tr><tr><td>中文</td><td>x | y</td></tr></table><blockquote><p>引用 *星号* _下划线_</p></blockquote>'
  )
  assert.is(restringify(markdown, {}), markdown)
})

// Frontmatter.

test('yaml-text: characters outside YAML’s printable set and YAML 1.1 line breaks', function () {
  for (const character of ['\0', '\x01', '\x08', '\x0B', '\x1B', '\x7F', '\x80', '\x9F', '\uFFFE', '\uFFFF', '\uD800', '\uDC00']) {
    assert.ok(unprintable.test('a' + character + 'b'), JSON.stringify(character))
  }
  for (const character of ['\t', '\n', '\r', ' ', '\x85', '\xA0', '\u2028', '\uFEFF', '\uFFFD', '😀', '\uFDD0']) assert.not.ok(unprintable.test('a' + character + 'b'), JSON.stringify(character))
  assert.ok(needsEscape('a\u2028b') && needsEscape('a\x85b') && !needsEscape('a b'))
  assert.equal(cleanLine('a\x7Fb\u2028c\uD800d  e'), {value: 'ab c\uFFFDd e', changed: 3})
  assert.equal(cleanLine('plain  text'), {value: 'plain  text', changed: 0})
  assert.is(escapeForYaml('"a\x7F\x85\u2028\u2029\uFFFE"'), '"a\\x7F\\N\\L\\P\\uFFFE"')
  assert.is(escapeForYaml('"a\uD800b\uDFFF"'), '"a\uFFFDb\uFFFD"', 'lone surrogates: no escape carries them through a UTF-8 reader')
})

test('frontmatter: any string reads back under YAML 1.2 and 1.1, and the text has nothing a reader refuses', function () {
  const values = ['a\x7Fb', 'c\x80d', 'nel\x85x', 'ls\u2028ps\u2029', 'non\uFFFE\uFFFFchar', 'lone\uD800', 'ctl\x01\x1B[31m', 'yes', 'multi\nline\x7F']
  const text = stringifyFrontmatter({title: values[0], tags: values, ['key\x7F']: values[2]})
  assert.not.match(text, unprintable)
  assert.not.match(text, /[\x85\u2028\u2029]/)
  const expected = values.map((value) => value.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))
  for (const version of ['1.1', '1.2'] as const) {
    const data = YAML.parse(text, {version}) as Record<string, unknown>
    assert.equal(data.tags, expected, 'YAML ' + version)
    assert.is(data['key\x7F'], values[2])
  }
})

test('convert: metadata loses the characters no YAML reader takes, with a warning', async function () {
  const file = await convert(
    '<html><head><title>Ti\x7Ftle\u2028here</title><meta name="author" content="Ann\x9B Lee"></head><body><h2>x</h2><div class="entry"><p>Text of the article.</p></div></body></html>'
  )
  assert.is(file.data.article?.title, 'Title here')
  assert.is(file.data.article?.author, 'Ann Lee')
  assert.ok(file.messages.some((message) => message.ruleId === 'invalid-characters'))
})

// Tags, redirects, titles, dates.

test('generator-tags: long, symbol-only, reserved and repeated tags', function () {
  const long = '预算'.repeat(40)
  const {tags, problems} = generatorTags(['Budget', 'budget', 'ＢＵＤＧＥＴ', '..', '!!!', '😀', long, 'x'.repeat(300), '__proto__', 'all', 'roads/bridges'], eleventyReservedTags)
  assert.is(tags[0], 'Budget')
  assert.ok(tags.every((tag) => Buffer.byteLength(tag) <= maxTagBytes))
  assert.ok(tags.includes('roads/bridges'))
  assert.not.ok(tags.includes('__proto__') || tags.includes('all') || tags.includes('..') || tags.includes('!!!'))
  assert.ok(tags[1].startsWith('预算') && long.startsWith(tags[1]))
  assert.is(problems.length, 9)
  assert.equal(generatorTags(['__proto__', 'all']).tags, ['__proto__', 'all'], 'only Eleventy reserves them')
})

test('alias-path: the old URLs that broke Hugo and Jekyll builds give no alias', function () {
  // `%00` crashed Jekyll; a 300-byte segment failed both; an encoded `/` or `\\` escapes the folder.
  for (const url of [
    'https://a.example/a%00b.html',
    'https://a.example/%0A/x.html',
    'https://a.example/a%2F..%2Fb.html',
    'https://a.example/a%5Cb.html',
    'https://a.example/' + 'a'.repeat(300) + '.html',
    'https://a.example/' + '%E4%B8%AD'.repeat(90) + '.html'
  ]) {
    for (const generator of ['hugo', 'jekyll'] as const) {
      const result = aliasPath(url, generator)
      assert.ok(result.reason && result.path === undefined, generator + ': ' + url.slice(0, 60))
    }
  }
  assert.equal(aliasPath('https://a.example/x/%252e%252e/y', 'hugo'), {reason: 'it has a character a file name cannot hold (`%`)'}, 'decoded once only, and `%` is refused')
})

test('fallback-title: the first heading, the first sentence, or the file name', function () {
  assert.equal(fallbackTitle('## Storm warning\n\nText.', 'a/b.html'), {title: 'Storm warning', from: 'the first heading'})
  assert.equal(fallbackTitle('Residents gathered on Sunday. The mayor spoke.', 'a/b.html'), {title: 'Residents gathered on Sunday.', from: 'the first paragraph'})
  assert.equal(fallbackTitle('居民周日聚集。市长讲话。', 'a/b.html').title, '居民周日聚集。')
  assert.is(fallbackTitle('word '.repeat(100), 'x.html').title.length, 80)
  assert.equal(fallbackTitle('', 'archive/2020/story-12.html'), {title: 'story-12', from: 'the file name'})
  // A paragraph of an image only has no text: the next one; a line break reads as a space; a name that is all extension stays whole.
  assert.equal(fallbackTitle('![](harbour.png)\n\nBoats came back early.', 'a.html'), {title: 'Boats came back early.', from: 'the first paragraph'})
  assert.is(fallbackTitle('Boats came back  \nearly, with `nets` torn.', 'a.html').title, 'Boats came back early, with nets torn.')
  assert.equal(fallbackTitle('', 'archive/.hidden'), {title: '.hidden', from: 'the file name'})
})

test('footnotes as text: a note opening with a list or a quote gets its mark as a paragraph of its own (no trailing space); a label without a superscript form is bracketed', function () {
  assert.is(
    footnotesAsText('Boats¹ came back.\n\nBoats came back[^1] early.\n\n[^1]:\n    > The harbour master’s words.\n'),
    'Boats¹ came back.\n\nBoats came back¹ early.\n\n¹\n\n> The harbour master’s words.\n'
  )
  assert.is(footnotesAsText('Boats came back[^q] early.\n\n[^q]: - torn nets\n    - lost buoys\n'), 'Boats came back\\[q] early.\n\n\\[q]\n\n- torn nets\n- lost buoys\n')
})

test('layouts: Jekyll dates keep the article’s local day and time', function () {
  assert.is(jekyllDate('2015-07-30T07:30:00+08:00'), '2015-07-30 07:30:00')
  assert.is(jekyllDate('2015-07-30T23:30Z'), '2015-07-30 23:30:00')
  assert.is(jekyllDate('2015-07-30'), '2015-07-30')
})

test('layouts: every generator layout gives a title-less page a title and reports it', async function () {
  for (const layout of layoutNames) {
    const file = await convert('<html><body><div class="entry"><p>Residents gathered on Sunday. The mayor spoke.</p></div></body></html>', {frontmatter: false})
    const page = renderPage(file, {layout, relative: 'in/page.html', frontmatter: false})
    const data = YAML.parse(page.markdown.split('---\n')[1] || '') as Record<string, unknown> | null
    if (layout === 'plain') {
      assert.not.ok(
        file.messages.some((message) => message.ruleId === 'fallback-title'),
        'plain writes what was found'
      )
      continue
    }
    assert.is(data?.title, 'Residents gathered on Sunday.', layout)
    assert.ok(
      file.messages.some((message) => message.ruleId === 'fallback-title'),
      layout
    )
  }
})

test.run()
