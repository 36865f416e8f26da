// `renderPage` (`lib/output/render-page.ts`): the page a layout writes, from
// the library as from the CLI. Unit tests of its inputs (a file converted with
// or without its frontmatter, any Markdown with article data), and a
// fixture-level check that the CLI writes exactly what `renderPage` returns.
import fs from 'node:fs/promises'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {VFile} from 'vfile'
import YAML from 'yaml'
import {convert, layoutNames, renderPage} from '../index.js'
import type {LayoutName} from '../index.js'
import {cli, folder, root} from './util/cli-harness.js'

const html =
  '<html><head><meta charset="utf-8"><link rel="canonical" href="https://www.bannedbook.org/bnews/zh/20200406/1307292.html"><title>武汉解封首日</title>' +
  '<meta property="article:published_time" content="2020-04-06T08:30:00+08:00"></head><body><h2>武汉解封首日</h2>' +
  '<div class="entry"><p>（来源：美國之音, 文章內容並不代表本網立場和觀點。）</p><p>正文第一段，{{&lt; gist a b &gt;}} 和 {:toc}。</p><p>Second paragraph of the article text.</p></div></body></html>'

function frontmatterOf(markdown: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?\n)---\n/.exec(markdown)
  if (!match) throw new Error('no frontmatter: ' + markdown.slice(0, 80))
  return YAML.parse(match[1]) as Record<string, unknown>
}

test('renderPage: the plain layout is the frontmatter convert() writes, with or without it converted', async function () {
  const withFrontmatter = await convert(html)
  const without = await convert(html, {frontmatter: false})
  assert.is(renderPage(withFrontmatter).markdown, String(withFrontmatter))
  assert.is(renderPage(without, {frontmatter: false}).markdown, String(withFrontmatter))
  const extra = {extraFrontmatter: {draft: 'no', weight: 3}, relatedFrontmatter: true}
  const converted = await convert(html, extra)
  assert.is(renderPage(converted, extra).markdown, String(converted))
  assert.match(String(converted), 'draft: "no"\nweight: 3\n')
})

test('renderPage: hugo, jekyll, astro and eleventy pages from a file converted with its frontmatter', async function () {
  const pages = new Map<LayoutName, ReturnType<typeof renderPage>>()
  for (const layout of layoutNames) pages.set(layout, renderPage(await convert(html), {layout}))
  const hugo = pages.get('hugo')!
  assert.is(hugo.placement.path, 'posts/1307292.md')
  assert.equal(frontmatterOf(hugo.markdown), {
    title: '武汉解封首日',
    date: '2020-04-06T08:30:00+08:00',
    source: '美國之音',
    original_url: 'https://www.bannedbook.org/bnews/zh/20200406/1307292.html',
    aliases: ['/bnews/zh/20200406/1307292.html']
  })
  assert.is(hugo.markdown.match(/^---\n/gm)?.length, 2, 'one frontmatter block')
  assert.match(hugo.markdown, '{\\{< gist a b >}}')
  const jekyll = pages.get('jekyll')!
  assert.is(jekyll.placement.path, '_posts/2020-04-06-1307292.md')
  const data = frontmatterOf(jekyll.markdown)
  assert.is(data.layout, 'post')
  assert.is(data.render_with_liquid, false)
  assert.is(data.date, '2020-04-06 08:30:00')
  assert.equal(data.redirect_from, ['/bnews/zh/20200406/1307292.html'])
  assert.match(jekyll.markdown, '\\{:toc}')
  assert.is(frontmatterOf(pages.get('astro')!.markdown).pubDate, '2020-04-06T08:30:00+08:00')
  assert.is(pages.get('astro')!.placement.path, '1307292.md')
  assert.is(frontmatterOf(pages.get('eleventy')!.markdown).templateEngineOverride, 'md')
  assert.is(pages.get('plain')!.placement.path, 'page.md')
})

test('renderPage: any Markdown with article data; the file path, tags, time zone, slug and alias options', function () {
  const file = new VFile({value: 'Body text.\n', path: 'archive/2020/story.html', data: {article: {title: 'A story', date: '2020-04-06T08:30', tags: ['News', 'news', '..', 'all']}}})
  const plain = renderPage(file, {timezone: 'Asia/Shanghai'})
  assert.is(plain.placement.path, 'archive/2020/story.md')
  assert.is(plain.markdown, '---\ntitle: A story\ndate: 2020-04-06T08:30+08:00\ntags:\n  - News\n  - all\n---\n\nBody text.\n')
  assert.equal(
    file.messages.map((message) => [message.ruleId, message.fatal]),
    [
      ['tag-dropped', undefined],
      ['tags-merged', undefined]
    ]
  )
  assert.equal(file.data.article?.tags, ['News', 'news', '..', 'all'], 'the file’s own data is left as it is')
  const eleventy = renderPage(file, {layout: 'eleventy', slug: 'title'})
  assert.is(eleventy.placement.path, 'posts/a-story.md')
  assert.equal(frontmatterOf(eleventy.markdown).tags, ['News'], 'a tag Eleventy reserves is dropped')
  assert.is(frontmatterOf(eleventy.markdown).date, '2020-04-06T08:30', 'no time zone given')
  assert.ok(file.messages.some((message) => message.ruleId === 'unusable-tag'))
  const undated = renderPage(new VFile({value: 'Text.\n', data: {article: {url: 'https://example.org/x/old.html'}}}), {layout: 'jekyll', aliases: false})
  assert.is(undated.placement.path, '_drafts/old.md')
  assert.ok(undated.placement.note)
  const data = frontmatterOf(undated.markdown)
  assert.is(data.redirect_from, undefined)
  assert.is(data.title, 'Text.', 'a fallback title')
})

test('renderPage: a body opening with a thematic break is not taken for frontmatter', function () {
  const value = '---\n\nText between rules.\n\n---\n\nMore.\n'
  const file = new VFile({value, data: {article: {title: 'T'}}})
  assert.is(renderPage(file).markdown, '---\ntitle: T\n---\n\n' + value)
  assert.is(renderPage(new VFile({value: '---\ntitle: Old\n---\n\nBody.\n', data: {article: {title: 'New'}}})).markdown, '---\ntitle: New\n---\n\nBody.\n')
})

test('renderPage: frontmatter with no body after it, a `---` never closed, a body right under the closing line', function () {
  const article = {data: {article: {title: 'New'}}}
  // Only frontmatter (no newline after the closing `---`): replaced, no body left.
  assert.is(renderPage(new VFile({value: '---\ntitle: Old\n---', ...article})).markdown, '---\ntitle: New\n---\n')
  // A `---` line that is never closed is body text.
  assert.is(renderPage(new VFile({value: '---\nNo closing line.\n', ...article})).markdown, '---\ntitle: New\n---\n\n---\nNo closing line.\n')
  // The body starts right under the closing line (no blank line): kept whole.
  assert.is(renderPage(new VFile({value: '---\ntitle: Old\n---\nBody.\n', ...article})).markdown, '---\ntitle: New\n---\n\nBody.\n')
})

test('renderPage: a file outside its working folder is placed by its name; a file with no path as `page`', function () {
  const outside = renderPage(new VFile({value: 'Text.\n', path: '/elsewhere/archive/far-story.html', cwd: '/work/site', data: {article: {title: 'Far'}}}))
  assert.is(outside.placement.path, 'far-story.md')
  const nameless = renderPage(new VFile({value: 'Text.\n', data: {article: {title: 'Nameless'}}}))
  assert.is(nameless.placement.path, 'page.md')
})

test('renderPage: a generator layout with no title and no body takes the file name as title; tags that are all dropped leave no `tags`', function () {
  const file = new VFile({value: '', path: 'archive/quiet-harbour.html', data: {article: {tags: ['..', '!!']}}})
  const hugo = renderPage(file, {layout: 'hugo'})
  assert.is(hugo.markdown, '---\ntitle: quiet-harbour\n---\n')
  assert.equal(
    file.messages.map((message) => message.ruleId),
    ['fallback-title', 'tag-dropped', 'tag-dropped']
  )
  assert.match(file.messages[0].reason, /^No title: used “quiet-harbour” \(the file name\)/)
})

test('renderPage: the CLI writes what renderPage returns, fixture by fixture, in every layout', async function () {
  const names = (await fs.readdir(path.join(root, 'fixtures'))).filter((name) => /^(generator-|meta-|seed|cjk-)/.test(name)).sort()
  const files: Record<string, Uint8Array> = {}
  for (const name of names) {
    const folderPath = path.join(root, 'fixtures', name)
    // Fixtures with their own options are converted with them; the CLI has no flag for most.
    if (await fs.stat(path.join(folderPath, 'options.json')).catch(() => undefined)) continue
    files[name + '.html'] = await fs.readFile(path.join(folderPath, 'input.html'))
  }
  assert.ok(Object.keys(files).length >= 15, Object.keys(files).length + ' fixtures')
  const input = await folder(files)
  let compared = 0
  for (const layout of layoutNames) {
    const out = path.join(input, '..', path.basename(input) + '-' + layout)
    const report = path.join(out + '.json')
    const result = await cli([input, '--out', out, '--layout', layout, '--jobs', '1', '--quiet', '--report', report], input)
    assert.ok(result.code === 0 || result.code === 1, result.stderr)
    const entries = (JSON.parse(await fs.readFile(report, 'utf8')) as {files: Array<{input: string; output?: string; status: string}>}).files
    for (const entry of entries) {
      if (entry.status !== 'converted' || !entry.output) continue
      const written = await fs.readFile(path.join(out, entry.output), 'utf8')
      // The library's way: convert() with its frontmatter, then the layout.
      const file = await convert(files[entry.input], {path: entry.input})
      const rendered = renderPage(file, {layout})
      assert.is(rendered.markdown, written, layout + ': ' + entry.input)
      assert.is(rendered.placement.path.replace(/\.md$/, ''), entry.output.replace(/(-[\da-f]{8}(-\d+)?)?\.md$/, ''), layout + ': ' + entry.input)
      compared++
    }
  }
  assert.ok(compared >= 5 * 15, compared + ' pages compared')
  for (const layout of layoutNames) await fs.rm(path.join(input, '..', path.basename(input) + '-' + layout), {recursive: true, force: true})
  await fs.rm(path.join(input, '..', path.basename(input) + '-' + 'plain.json'), {force: true})
  await fs.rm(input, {recursive: true, force: true})
})

test.run()
