/**
 * Migrating an archive (issue #13): slugs from script URLs and `--slug`,
 * collision suffixes derived from the page, tags normalised, `--timezone`,
 * pages found by content, `merge` of shards run by GNU parallel, progress
 * lines in logs, Ctrl-C, messages in words, the demo.
 */
import {execFile, spawn} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import YAML from 'yaml'
import {baseOutput, withAlias} from '../lib/cli/merge.js'
import {collisionSuffix} from '../lib/cli/path-registry.js'
import {duration, progressLine} from '../lib/cli/progress.js'
import {looksLikeHtml} from '../lib/cli/sniff-page.js'
import {idFromUrl, maxBytes, queryId, scriptUrl, slugFor, titleSlug} from '../lib/output/slug.js'
import {frontmatterTags, withTags} from '../lib/output/frontmatter-tags.js'
import {BatchTags, normalizeTags} from '../lib/output/tags.js'
import {isTimeZone, withTimeZone} from '../lib/output/timezone.js'
import {isPlaceholderUrl} from '../lib/plugins/rehype-normalize-media.js'
import {bin, build, cli, exists, folder, page, root, tree} from './util/cli-harness.js'

const exec = promisify(execFile)

async function frontmatter(file: string): Promise<Record<string, unknown>> {
  const text = await fs.readFile(file, 'utf8')
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text)
  assert.ok(match, 'expected frontmatter in ' + file)
  return YAML.parse(match[1]) as Record<string, unknown>
}

/** A page with a date in its metadata. */
function dated(spec: {title: string; url?: string; date: string; tags?: Array<string>}): string {
  return page(spec).replace('</head>', '<meta property="article:published_time" content="' + spec.date + '"></head>')
}

// Slugs.

test('slug: a script URL gets its slug from the identifying query parameter, else the title', function () {
  const title = 'Big Story Today'
  const cases: Array<[string, string]> = [
    ['https://x.example/service/news_view.htm?lang=e&Seq_Code=181595', '181595'],
    ['https://x.example/show.php?id=9', '9'],
    ['https://x.example/news/index.php?id=9&utm_source=feed', '9'],
    ['https://x.example/article.aspx?newsId=A-77&page=2', 'a-77'],
    ['https://x.example/read.jsp?cat=3&doc=20200406001', '20200406001'],
    ['https://x.example/index.html', 'big-story-today'],
    ['https://x.example/news_view.htm?lang=e', 'big-story-today'],
    ['https://x.example/news/2020/my-story/index.html', 'my-story'],
    ['https://x.example/show/NCT03746262?term=cancer', 'nct03746262'],
    ['https://x.example/a/20200406/1307292.html', '1307292'],
    ['https://x.example/a/my-post.html?utm_source=x', 'my-post']
  ]
  for (const [url, slug] of cases) assert.is(slugFor({url, title, relative: 'a.html'}), slug, url)
  // Never the script's name.
  for (const [url] of cases) assert.not.match(slugFor({url, title, relative: 'a.html'}), /^(?:news-view|show|index|article|read)(?:-|$)/, url)
  assert.equal(queryId('https://x.example/s.php?lang=en&q=abc&id=12'), {name: 'id', value: '12'})
  assert.is(queryId('https://x.example/s.php?lang=en&sort=date'), undefined)
  assert.equal(queryId('https://x.example/show.php?cat=world&art=2020-001'), {name: 'art', value: '2020-001'}, 'no name says identifier: the only value with a digit')
  assert.ok(scriptUrl('https://x.example/show.php?id=9'))
  assert.not.ok(scriptUrl('https://x.example/post/my-story.html?utm_source=rss'))
})

test('slug: --slug title and id; identifiers are never cut, words are cut on a boundary', function () {
  const url = 'https://x.example/news/20200406/1307292.html'
  assert.is(slugFor({url, title: 'Wuhan Reopens', relative: 'a.html'}, 'title'), 'wuhan-reopens')
  assert.is(slugFor({url, title: 'Wuhan Reopens', relative: 'a.html'}, 'id'), '1307292')
  assert.is(slugFor({url: 'https://x.example/about-us.html', title: 'About', relative: 'a.html'}, 'id'), 'about-us', 'no identifier: as `url`')
  assert.is(slugFor({title: 'Only a Title', relative: 'a.html'}, 'id'), 'only-a-title')
  assert.is(slugFor({relative: 'dir/My Page.shtml'}, 'id'), 'my-page')
  assert.is(idFromUrl('https://x.example/p.php?id=9'), '9')
  const longId = '9'.repeat(100)
  assert.is(slugFor({url: 'https://x.example/show.php?id=' + longId, relative: 'a.html'}), longId, 'an identifier over the word cap is kept whole')
  const words = titleSlug('migration '.repeat(20))
  assert.ok(Buffer.byteLength(words) <= maxBytes)
  assert.match(words, /^(?:migration-)*migration$/, 'cut between words: ' + words)
  assert.is(titleSlug('长'.repeat(100)), '长'.repeat(26), 'CJK has no word boundary: cut on a character')
})

test('cli: pages of one script get their identifiers as slugs, and suffixes from the page', async function () {
  const files: Record<string, string> = {}
  for (const code of ['181595', '181596', '181597']) files['in/v' + code + '.html'] = page({title: 'News view', url: 'https://old.example/service/news_view.htm?lang=e&Seq_Code=' + code})
  files['in/same-a.html'] = page({title: '同名', url: 'https://old.example/a/same.html'})
  files['in/same-b.html'] = page({title: '同名', url: 'https://other.example/b/same.html'})
  const dir = await folder(files)
  const result = await cli(['in', '--out', 'content', '--layout', 'hugo'], dir)
  assert.is(result.code, 0, result.stderr)
  const names = [...(await tree(path.join(dir, 'content'))).keys()].filter((name) => name.endsWith('.md')).sort()
  assert.equal(names, ['posts/181595.md', 'posts/181596.md', 'posts/181597.md', 'posts/same-' + collisionSuffix('https://other.example/b/same.html') + '.md', 'posts/same.md'])
  const titles = await cli(['in', '--out', 'by-title', '--layout', 'hugo', '--slug', 'title'], dir)
  assert.is(titles.code, 0)
  assert.ok(await exists(path.join(dir, 'by-title/posts/news-view.md')))
  const bad = await cli(['in', '--out', 'x', '--slug', 'name'], dir)
  assert.is(bad.code, 2)
  assert.match(bad.stderr, /Invalid `--slug` `name`: expected one of url, title, id/)
})

// Tags.

test('tags: NFKC, trimmed, case-only duplicates merged to the most frequent form, junk dropped', function () {
  const result = normalizeTags(['ＡＩ', ' ai ', 'AI', 'Ai', 'category:news', '@newsdesk', '2020', '10:30', '#Hong  Kong', 'x'.repeat(51), '', '武汉', '武汉'])
  assert.equal(result.tags, ['AI', 'Hong Kong', '武汉'])
  assert.equal(result.merged, [{kept: 'AI', forms: ['ai', 'Ai']}])
  assert.equal(
    result.dropped.map((each) => each.reason),
    ['key-value', 'handle', 'number', 'number', 'too-long']
  )
  // Ties: the first form seen.
  assert.equal(normalizeTags(['Covid', 'COVID']).tags, ['Covid'])
  assert.equal(normalizeTags(['COVID', 'Covid']).tags, ['COVID'])
  assert.equal(normalizeTags(['https://x.example/tag']).dropped[0].reason, 'key-value')
  assert.equal(normalizeTags(['C++', 'Node.js', '5G', 'COVID-19']).tags, ['C++', 'Node.js', '5G', 'COVID-19'], 'tags with a letter are kept')
})

test('cli: tags are normalised in the frontmatter and the report notes what was dropped or merged', async function () {
  const dir = await folder({'in/a.html': page({title: '标签', url: 'https://x.example/a.html', tags: ['ＡＩ', 'ai', 'AI', 'source:rss', '@desk', '2020', '武汉']})})
  const result = await cli(['in', '--out', 'site', '--layout', 'eleventy', '--report', 'report.json'], dir)
  assert.is(result.code, 0, result.stderr)
  assert.equal((await frontmatter(path.join(dir, 'site/posts/a.md'))).tags, ['AI', '武汉'])
  const report = JSON.parse(await fs.readFile(path.join(dir, 'report.json'), 'utf8')) as {files: Array<{warnings: Array<{ruleId: string; reason: string; kind: string}>}>}
  const notes = report.files[0].warnings.filter((warning) => warning.ruleId.startsWith('tag'))
  assert.equal(
    notes.map((note) => note.ruleId),
    ['tag-dropped', 'tag-dropped', 'tag-dropped', 'tags-merged']
  )
  assert.ok(notes.every((note) => note.kind === 'info'))
  assert.match(notes[0].reason, /Tag `source:rss` dropped: a `key:value` pair or a URL/)
  assert.match(notes[3].reason, /merged into `AI`/)
})

test('tags: the batch writes each tag in the form most pages use; ties in code-unit order, whatever the page order', function () {
  const pages = [['Covid', 'ai'], ['COVID'], ['Covid', 'AI'], ['武汉'], ['Ai']]
  for (const order of [pages, [...pages].reverse()]) {
    const batch = new BatchTags()
    for (const tags of order) batch.add(tags)
    assert.is(batch.form('COVID'), 'Covid', '2 pages to 1')
    assert.is(batch.form('ai'), 'AI', 'one page each: the first in code-unit order')
    assert.is(batch.form('武汉'), '武汉')
    assert.is(batch.form('unseen'), 'unseen')
    assert.equal(batch.forms(['COVID', 'ai']), ['Covid', 'AI'])
    assert.is(batch.describe(['Covid', 'AI']), undefined)
    assert.match(batch.describe(['COVID']) as string, /^Tag `COVID` written as `Covid` \(2 of the 3 pages with this tag use that form\)/)
  }
  // Counted once per page: a page never counts twice for one form.
  const batch = new BatchTags()
  batch.add(['ai', 'ai', 'ai'])
  batch.add(['AI'])
  batch.add(['AI'])
  assert.is(batch.form('ai'), 'AI')
})

test('tags: the frontmatter’s tags block is read and replaced, the rest of the file kept byte for byte', function () {
  const markdown = '---\ntitle: "yes"\ndate: 2020-04-06T09:30:00+08:00\ntags:\n  - ai\n  - "no"\n  - 武汉\nurl: https://x.example/a\n---\n\ntags:\n  - body\n'
  assert.equal(frontmatterTags(markdown), ['ai', 'no', '武汉'])
  const replaced = withTags(markdown, ['AI', 'no', '武汉'])
  assert.is(replaced, markdown.replace('  - ai\n', '  - AI\n'))
  assert.is(withTags(replaced, ['ai', 'no', '武汉']), markdown, 'back to the page’s own forms: the same bytes')
  const last = '---\ntitle: T\ntags:\n  - a\n---\n\nBody\n'
  assert.is(withTags(last, ['A']), '---\ntitle: T\ntags:\n  - A\n---\n\nBody\n')
  assert.is(withTags('---\ntitle: T\n---\n\nBody\n', ['A']), '---\ntitle: T\n---\n\nBody\n', 'no tags block: unchanged')
  assert.equal(frontmatterTags('No frontmatter\ntags:\n  - a\n'), [])
  // `tags` as the first key, tags that are no list, an unclosed block, no tags left.
  const first = '---\ntags:\n  - a\n  - b\ntitle: T\n---\n\nBody\n'
  assert.equal(frontmatterTags(first), ['a', 'b'])
  assert.is(withTags(first, ['A', 'b']), '---\ntags:\n  - A\n  - b\ntitle: T\n---\n\nBody\n')
  assert.is(withTags(first, []), '---\ntitle: T\n---\n\nBody\n', 'no tags: the block goes')
  assert.equal(frontmatterTags('---\ntags: solo\n---\n\nBody\n'), [], 'not a list: no tags read')
  assert.equal(frontmatterTags('---\ntags:\n  - a\n'), [], 'never closed: no frontmatter')
})

test('cli: a rerun that adds pages moves the batch’s tag forms, rewrites only the tags of unchanged pages, and equals a clean run', async function () {
  const first: Record<string, string> = {}
  for (const [name, tag] of [
    ['a', 'covid'],
    ['b', 'covid'],
    ['c', 'Covid']
  ])
    first['in/' + name + '.html'] = page({title: 'Page ' + name, url: 'https://x.example/' + name + '.html', tags: [tag, '武汉']})
  const dir = await folder(first)
  const run1 = await cli(['in', '--out', 'site', '--layout', 'jekyll', '--report', 'report.json'], dir)
  assert.is(run1.code, 0, run1.stderr)
  const tagsOf = async (out: string) => {
    const result: Record<string, unknown> = {}
    for (const [name] of await tree(path.join(dir, out))) if (name.endsWith('.md')) result[path.posix.basename(name)] = (await frontmatter(path.join(dir, out, name))).tags
    return result
  }
  assert.equal(await tagsOf('site'), {'a.md': ['covid', '武汉'], 'b.md': ['covid', '武汉'], 'c.md': ['covid', '武汉']})
  const report = JSON.parse(await fs.readFile(path.join(dir, 'report.json'), 'utf8')) as {files: Array<{input: string; warnings: Array<{ruleId: string; reason: string}>}>}
  assert.equal(
    report.files.map((file) => file.warnings.filter((warning) => warning.ruleId === 'tags-merged-batch').map((warning) => warning.reason)),
    [[], [], ['Tag `Covid` written as `covid` (2 of the 3 pages with this tag use that form): the batch writes each tag in its most frequent form']]
  )
  // Two more pages with `Covid`: now 3 of 5 use it.
  await fs.writeFile(path.join(dir, 'in/d.html'), page({title: 'Page d', url: 'https://x.example/d.html', tags: ['Covid']}))
  await fs.writeFile(path.join(dir, 'in/e.html'), page({title: 'Page e', url: 'https://x.example/e.html', tags: ['Covid']}))
  const run2 = await cli(['in', '--out', 'site', '--layout', 'jekyll'], dir)
  assert.is(run2.code, 0, run2.stderr)
  assert.match(run2.stderr, /2 converted, 3 unchanged/)
  assert.equal(await tagsOf('site'), {'a.md': ['Covid', '武汉'], 'b.md': ['Covid', '武汉'], 'c.md': ['Covid', '武汉'], 'd.md': ['Covid'], 'e.md': ['Covid']})
  const run3 = await cli(['in', '--out', 'site', '--layout', 'jekyll'], dir)
  assert.match(run3.stderr, /0 converted, 5 unchanged/)
  const clean = await cli(['in', '--out', 'clean', '--layout', 'jekyll'], dir)
  assert.is(clean.code, 0, clean.stderr)
  const withoutManifest = async (out: string) => new Map([...(await tree(path.join(dir, out)))].filter(([name]) => name.endsWith('.md')))
  assert.equal(await withoutManifest('site'), await withoutManifest('clean'))
})

// Time zones.

test('timezone: dates without an offset get the zone’s offset, daylight saving included', function () {
  assert.is(withTimeZone('2020-04-06T09:30:00', 'Asia/Shanghai'), '2020-04-06T09:30:00+08:00')
  assert.is(withTimeZone('2020-04-06T09:30', 'America/New_York'), '2020-04-06T09:30-04:00')
  assert.is(withTimeZone('2020-01-06T09:30:00', 'America/New_York'), '2020-01-06T09:30:00-05:00')
  assert.is(withTimeZone('2020-06-01T12:00:00', 'Asia/Kolkata'), '2020-06-01T12:00:00+05:30')
  assert.is(withTimeZone('2020-03-08T02:30:00', 'America/New_York'), '2020-03-08T02:30:00-05:00', 'a skipped hour: the offset before it')
  assert.is(withTimeZone('2020-11-01T01:30:00', 'America/New_York'), '2020-11-01T01:30:00-04:00', 'a repeated hour: the earlier instant')
  assert.is(withTimeZone('2020-04-06T09:30:00Z', 'Asia/Shanghai'), '2020-04-06T09:30:00Z')
  assert.is(withTimeZone('2020-04-06T09:30:00+02:00', 'Asia/Shanghai'), '2020-04-06T09:30:00+02:00')
  assert.is(withTimeZone('2020-04-06', 'Asia/Shanghai'), '2020-04-06', 'a day stays a day')
  assert.ok(isTimeZone('Europe/Paris'))
  assert.ok(isTimeZone('UTC'))
  assert.not.ok(isTimeZone('Mars/Olympus'))
  // Empty, and longer than any zone name (`--timezone=` given no value, or text pasted by mistake).
  assert.not.ok(isTimeZone(''))
  assert.not.ok(isTimeZone('Europe/' + 'Paris'.repeat(20)))
  // Fixed offsets, as a profile's `timeZone` may give them (`Intl` on Node 20 refuses them).
  assert.ok(isTimeZone('+08:00'))
  assert.not.ok(isTimeZone('+25:00'))
  assert.is(withTimeZone('2020-04-06T09:30:00', '+0530'), '2020-04-06T09:30:00+05:30')
  assert.is(withTimeZone('2020-04-06T09:30:00', '-03:00'), '2020-04-06T09:30:00-03:00')
  assert.is(withTimeZone('2020-04-06T09:30:00', 'Z'), '2020-04-06T09:30:00+00:00')
})

test('cli: --timezone and a profile’s timezone give dates their offset; a bad zone is a usage error', async function () {
  const dir = await folder({
    'in/a.html': dated({title: '时间', url: 'https://news.example/a.html', date: '2020-04-06T09:30:00'}),
    'profile.json': JSON.stringify({id: 'news-example', hosts: ['news.example'], timeZone: 'Asia/Shanghai'})
  })
  const plain = await cli(['in', '--out', 'plain', '--layout', 'hugo'], dir)
  assert.is(plain.code, 0)
  assert.is((await frontmatter(path.join(dir, 'plain/posts/a.md'))).date, '2020-04-06T09:30:00')
  // The summary names the option once, with the count of pages.
  assert.is(plain.stderr.split('--timezone').length, 2, plain.stderr)
  assert.match(plain.stderr, /\n1 page has a date without a UTC offset, written as the page gives it .*: pass --timezone ZONE/)
  const zoned = await cli(['in', '--out', 'zoned', '--layout', 'hugo', '--timezone', 'Europe/Paris'], dir)
  assert.is(zoned.code, 0)
  assert.not.match(zoned.stderr, /UTC offset/)
  assert.is((await frontmatter(path.join(dir, 'zoned/posts/a.md'))).date, '2020-04-06T09:30:00+02:00')
  assert.is((await cli(['in', '--out', 'jekyll', '--layout', 'jekyll', '--timezone', 'Europe/Paris'], dir)).code, 0)
  // Jekyll's layout writes the wall time without offset (its `_config.yml` `timezone` says the zone).
  assert.is((await frontmatter(path.join(dir, 'jekyll/_posts/2020-04-06-a.md'))).date, '2020-04-06 09:30:00')
  assert.is((await cli(['in', '--out', 'profiled', '--layout', 'hugo', '--timezone', 'Europe/Paris', '--profile', 'profile.json'], dir)).code, 0)
  assert.is((await frontmatter(path.join(dir, 'profiled/posts/a.md'))).date, '2020-04-06T09:30:00+08:00', 'the site’s zone first')
  const bad = await cli(['in', '--out', 'x', '--timezone', 'China'], dir)
  assert.is(bad.code, 2)
  assert.match(bad.stderr, /Invalid `--timezone` `China`: expected an IANA time zone/)
  await fs.writeFile(path.join(dir, 'bad-profile.json'), JSON.stringify({id: 'x', timeZone: 'GMT+8 Beijing'}))
  const badProfile = await cli(['in', '--out', 'x', '--profile', 'bad-profile.json'], dir)
  assert.is(badProfile.code, 2)
  assert.match(badProfile.stderr, /timeZone`: `GMT\+8 Beijing` is not a time zone/)
})

// Pages found by content.

test('sniff: HTML by content, whatever the name; binaries, feeds and text are not pages', function () {
  const bytes = (text: string) => new TextEncoder().encode(text)
  assert.ok(looksLikeHtml(bytes('<!DOCTYPE html><html><body><p>x</p></body></html>')))
  assert.ok(looksLikeHtml(bytes('\n\n  <div class="post"><p>片段</p></div>')), 'a fragment')
  assert.ok(looksLikeHtml(bytes('\uFEFF<html><head><title>t</title></head></html>')))
  assert.ok(looksLikeHtml(new Uint8Array([0xff, 0xfe, ...[...'<html><body>x</body></html>'].flatMap((c) => [c.charCodeAt(0), 0])])), 'UTF-16 with a BOM')
  assert.ok(looksLikeHtml(new Uint8Array([0x3c, 0x70, 0x3e, 0xd6, 0xd0, 0xce, 0xc4, 0x3c, 0x2f, 0x70, 0x3e])), 'GBK bytes in markup')
  assert.not.ok(looksLikeHtml(bytes('<?xml version="1.0"?><rss><channel><title>feed</title></channel></rss>')))
  assert.not.ok(looksLikeHtml(bytes('just some text, no markup')))
  assert.not.ok(looksLikeHtml(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x3c, 0x70, 0x3e])))
  assert.not.ok(looksLikeHtml(bytes('<?php echo $x; ?>')))
})

test('cli: a mirror with odd extensions: every page found by content; a folder without pages says what it saw, exits 1', async function () {
  const names = ['a.shtml', 'b.php', 'c.asp', 'd.aspx', 'e.jsp', 'f.cfm', 'news_view.htm@lang=e&Seq_Code=1', 'noext', 'g.html']
  const files: Record<string, string | Uint8Array> = {}
  for (const [index, name] of names.entries()) files['mirror/' + name] = page({title: '镜像' + index, body: '第' + index + '篇'})
  files['mirror/style.css'] = 'body{color:red}'
  files['mirror/logo.png'] = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])
  files['mirror/api.php'] = '{"json": true}'
  files['mirror/robots'] = 'User-agent: *'
  const dir = await folder(files)
  const result = await cli(['mirror', '--out', 'out', '--report', 'report.json'], dir)
  assert.is(result.code, 0, result.stderr)
  const report = JSON.parse(await fs.readFile(path.join(dir, 'report.json'), 'utf8')) as {files: Array<{input: string; status: string}>}
  assert.equal(report.files.map((file) => file.input).sort(), [...names].sort())
  assert.ok(report.files.every((file) => file.status === 'converted'))

  const empty = await folder({'assets/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]), 'assets/site.css': 'a{}', 'assets/x.php': 'plain text', 'assets/y.php': 'more text'})
  const none = await cli(['assets', '--out', 'out'], empty)
  assert.is(none.code, 1)
  assert.match(
    none.stderr,
    /No page found in `assets`: saw 4 files, none a page: 1 \.css, 1 \.png not opened \(images, styles, scripts, data: never pages\); 2 \.php read but with no HTML markup in their first 4 KB/
  )
  assert.not.ok(await exists(path.join(empty, 'out')), 'nothing written')
})

// Messages.

test('cli: messages in words: a missing --url-from file, an --out that is a file; -q still prints failures', async function () {
  const dir = await folder({'in/a.html': page({title: 'A'}), 'in/bad.html': new Uint8Array(64), 'a-file': 'x'})
  const missing = await cli(['in', '--out', 'o', '--url-from', 'nope.csv'], dir)
  assert.is(missing.code, 2)
  assert.match(missing.stderr, /Cannot read the `--url-from` file `[^`]*nope\.csv`: there is no such file/)
  assert.not.match(missing.stderr, /ENOENT|errno/)
  const profile = await cli(['in', '--out', 'o', '--profile', 'in'], dir)
  assert.is(profile.code, 2)
  assert.match(profile.stderr, /Cannot read the profile `[^`]*in`: it is a folder, not a file/)
  const file = await cli(['in', '--out', 'a-file'], dir)
  assert.is(file.code, 2)
  assert.match(file.stderr, /`[^`]*a-file` is a file, not a folder/)
  assert.not.match(file.stderr, /ENOTDIR|EEXIST/)
  const quiet = await cli(['in', '--out', 'q', '-q'], dir)
  assert.is(quiet.code, 1)
  assert.match(quiet.stderr, /bad\.html: Input is not an HTML page.*\[not-html\]/)
  assert.not.match(quiet.stderr, /converted/, 'no summary with -q')
  assert.not.match(quiet.stderr, /failed the checks/)
  // A page not written (a file in the way) is printed with -q too.
  await fs.mkdir(path.join(dir, 'q2'))
  const first = await cli(['in', '--out', 'q1', '--report', 'q1.json'], dir)
  const output = (JSON.parse(await fs.readFile(path.join(dir, 'q1.json'), 'utf8')) as {files: Array<{input: string; output: string | null}>}).files.find((file) => file.input === 'a.html')?.output
  assert.ok(output, first.stderr)
  await fs.mkdir(path.dirname(path.join(dir, 'q2', output)), {recursive: true})
  await fs.writeFile(path.join(dir, 'q2', output), 'my own notes\n')
  const skipped = await cli(['in', '--out', 'q2', '-q'], dir)
  assert.is(skipped.code, 1)
  assert.match(skipped.stderr, /a\.html: skipped: a file news-markdown did not write is in the way/)
  assert.is(await fs.readFile(path.join(dir, 'q2', output), 'utf8'), 'my own notes\n')
  // Without -q the summary tells failures to convert from the verdict `failed`.
  assert.match(first.stderr, /1 converted, 0 unchanged, 0 skipped, 1 failed to convert\n/)
})

test('cli: two pages with one old URL: the run lists them on stderr and in the report', async function () {
  const dir = await folder({
    'in/a.html': page({title: 'First', url: 'https://old.example/news/show.php?id=9'}),
    'in/copy/b.jsp': page({title: 'Copy', url: 'https://old.example/news/show.php?id=9'})
  })
  const result = await cli(['in', '--out', 'site', '--layout', 'hugo'], dir)
  assert.is(result.code, 0, result.stderr)
  assert.match(
    result.stderr,
    /news-markdown: 1 old URL is claimed by two pages \(each kept by the first by input path\):\n {2}copy\/b\.jsp: Old URL `\/news\/show\.php\?id=9` is also the original URL of `a\.html`/
  )
})

test('convert: `#` and `javascript:;` placeholders are counted quietly, not `unsafe-url`', async function () {
  const {convert} = await import('../index.js')
  const html =
    '<article><h1>T</h1><p>正文<a href="#">更多</a> <a href="javascript:;">分享</a> <a href="javascript:void(0)">赞</a> <a href="JavaScript: void 0">踩</a> <a href="javascript:alert(1)">坏</a></p><p>第二段内容，足够长的正文。</p></article>'
  const file = await convert(html)
  assert.equal(file.messages.filter((message) => message.ruleId === 'unsafe-url').length, 1, 'only the real script URL')
  assert.is(file.data.placeholderUrls, 4)
  assert.ok(isPlaceholderUrl(' # '))
  assert.not.ok(isPlaceholderUrl('#section-2'))
  assert.not.ok(isPlaceholderUrl('javascript:alert(1)'))
})

// Merge.

test('merge: names before their collision suffix; aliases set or removed with the layouts’ serializer', function () {
  const url = 'https://x.example/a.html'
  assert.is(baseOutput({output: 'posts/a-' + collisionSuffix(url) + '.md', redirect: {from: url}}, 'a.html'), 'posts/a.md')
  assert.is(baseOutput({output: 'posts/a-' + collisionSuffix('p.html') + '-2/index.md', redirect: null}, 'p.html'), 'posts/a/index.md')
  assert.is(baseOutput({output: 'posts/report-deadbeef.md', redirect: null}, 'p.html'), 'posts/report-deadbeef.md', 'a slug that only looks suffixed')
  const markdown = '---\ntitle: "yes"\ndate: 2020-04-06T09:30:00+08:00\ntags:\n  - 武汉\naliases:\n  - /old/新闻.html\n---\n\nBody\n'
  assert.is(withAlias(markdown, 'hugo', undefined), '---\ntitle: "yes"\ndate: 2020-04-06T09:30:00+08:00\ntags:\n  - 武汉\n---\n\nBody\n')
  assert.is(withAlias(withAlias(markdown, 'hugo', undefined), 'hugo', '/old/新闻.html'), markdown)
})

test('merge: 4 shards run at once by GNU parallel, merged, equal one unsharded run byte for byte', async function () {
  await exec('bash', [path.join(root, 'scripts/install-batch.sh')])
  await build()
  const files: Record<string, string> = {}
  for (let index = 0; index < 24; index++) {
    const url = index % 6 === 0 ? 'https://old.example/news/show.php?id=' + (index % 12) : index % 4 === 0 ? 'https://old.example/新闻/' + index + '.html' : undefined
    // `Wuhan` on 14 pages, `WUHAN` on 10: shards whose pages mostly use `WUHAN` write it, the merge writes `Wuhan` as one run does.
    files['in/p' + String(index).padStart(2, '0') + '.html'] = page({
      title: '标题' + (index % 3),
      url,
      body: '内容 ' + index,
      tags: ['AI', index % 2 ? 'ai' : 'AI', index % 2 || index < 4 ? 'Wuhan' : 'WUHAN']
    })
  }
  const dir = await folder(files)
  const common = ['in', '--layout', 'hugo', '--jobs', '1', '-q']
  await exec(process.execPath, [bin, ...common, '--out', 'single', '--report', 'single.json', '--redirects', 'single.nginx.conf'], {cwd: dir})
  await exec(process.execPath, [bin, 'merge', 'x', 'y', '--help'], {cwd: dir})
  // GNU parallel: four shards at once, each into its own folder.
  await exec('parallel', ['--jobs', '4', '--halt', 'now,fail=1', process.execPath, bin, ...common, '--out', 'shard-{}', '--shard', '{}/4', '--report', 'report-{}.json', ':::', '1', '2', '3', '4'], {
    cwd: dir,
    timeout: 600_000
  })
  const shardPages = await Promise.all([1, 2, 3, 4].map(async (k) => [...(await tree(path.join(dir, 'shard-' + k))).keys()].filter((name) => name.endsWith('.md')).length))
  assert.is(
    shardPages.reduce((a, b) => a + b, 0),
    24
  )
  assert.ok(
    shardPages.every((count) => count > 0),
    'every shard had pages: ' + shardPages.join(', ')
  )
  const merged = await exec(
    process.execPath,
    [
      bin,
      'merge',
      'merged',
      'shard-1',
      'shard-2',
      'shard-3',
      'shard-4',
      'report-1.json',
      'report-2.json',
      'report-3.json',
      'report-4.json',
      '--layout',
      'hugo',
      '--report',
      'merged.json',
      '--redirects',
      'merged.nginx.conf'
    ],
    {cwd: dir}
  )
  assert.match(merged.stderr, /merged 24 pages from 4 shard folders/)
  assert.match(merged.stderr, /old URLs? (?:is|are) claimed by two pages/, 'the true conflicts are reported')
  assert.equal(await tree(path.join(dir, 'merged')), await tree(path.join(dir, 'single')))
  const forms = async (out: string) => {
    const result = new Set<string>()
    for (const [name] of await tree(path.join(dir, out))) if (name.endsWith('.md')) for (const tag of (await frontmatter(path.join(dir, out, name))).tags as Array<string>) result.add(tag)
    return [...result].sort()
  }
  assert.equal(await forms('single'), ['AI', 'Wuhan'])
  const shardForms = await Promise.all([1, 2, 3, 4].map((k) => forms('shard-' + k)))
  assert.ok(
    shardForms.some((each) => each.includes('WUHAN')),
    'a shard chose another form, which the merge replaced: ' + JSON.stringify(shardForms)
  )
  assert.is(await fs.readFile(path.join(dir, 'merged.json'), 'utf8'), await fs.readFile(path.join(dir, 'single.json'), 'utf8'))
  assert.is(await fs.readFile(path.join(dir, 'merged.nginx.conf'), 'utf8'), await fs.readFile(path.join(dir, 'single.nginx.conf'), 'utf8'))
  // A rerun on the merged folder finds every page unchanged.
  const rerun = await exec(process.execPath, [bin, 'in', '--layout', 'hugo', '--jobs', '1', '--out', 'merged'], {cwd: dir})
  assert.match(rerun.stderr, /0 converted, 24 unchanged/)
  // Shards sharing ONE folder: every page is written (a name another shard holds is stepped around),
  // and `merge` of that folder gives the unsharded run byte for byte.
  await exec('parallel', ['--jobs', '4', '--halt', 'now,fail=1', process.execPath, bin, ...common, '--out', 'shared', '--shard', '{}/4', ':::', '1', '2', '3', '4'], {cwd: dir, timeout: 600_000})
  assert.is([...(await tree(path.join(dir, 'shared'))).keys()].filter((name) => name.endsWith('.md')).length, 24, 'every page in the shared folder')
  await exec(process.execPath, [bin, 'merge', 'from-shared', 'shared', '--layout', 'hugo', '-q'], {cwd: dir})
  assert.equal(await tree(path.join(dir, 'from-shared')), await tree(path.join(dir, 'single')))
  const sharedRerun = await exec(process.execPath, [bin, 'in', '--layout', 'hugo', '--jobs', '1', '--out', 'shared', '--shard', '2/4'], {cwd: dir})
  assert.match(sharedRerun.stderr, /0 converted, \d+ unchanged, 0 skipped/)
  const notEmpty = await exec(process.execPath, [bin, 'merge', 'merged', 'shard-1'], {cwd: dir}).catch((error: {code: number; stderr: string}) => error)
  assert.is((notEmpty as {code: number}).code, 2)
  assert.match((notEmpty as {stderr: string}).stderr, /is not empty/)
})

test('cli: shards sharing one folder write every page; a run of another shard count is told what the folder holds', async function () {
  await build()
  const files: Record<string, string> = {}
  for (let index = 0; index < 8; index++) files['in/p' + index + '.html'] = page({title: 'Same title', url: 'https://old.example/n/' + index + '/same.html', body: 'Body ' + index})
  const dir = await folder(files)
  for (const k of [1, 2, 3]) {
    const result = await cli(['in', '--out', 'shared', '--layout', 'hugo', '--shard', k + '/3'], dir)
    assert.is(result.code, 0, result.stderr)
    assert.not.match(result.stderr, /skipped: /)
  }
  const names = [...(await tree(path.join(dir, 'shared'))).keys()].filter((name) => name.endsWith('.md'))
  assert.is(names.length, 8, names.join(', '))
  assert.ok(names.includes('posts/same.md'))
  const single = await cli(['in', '--out', 'single', '--layout', 'hugo'], dir)
  assert.is(single.code, 0, single.stderr)
  await exec(process.execPath, [bin, 'merge', 'merged', 'shared', '--layout', 'hugo', '-q'], {cwd: dir})
  assert.equal(await tree(path.join(dir, 'merged')), await tree(path.join(dir, 'single')))
  const unsharded = await cli(['in', '--out', 'shared', '--layout', 'hugo'], dir)
  assert.match(unsharded.stderr, /also holds pages of shard runs \(`\.news-markdown-manifest\.shard-1-of-3\.json`, .*run `news-markdown merge NEW-FOLDER /)
})

// Progress and Ctrl-C.

test('progress: a plain line with count, rate and ETA', function () {
  assert.is(progressLine(0, 10, 1000), 'news-markdown: 0/10 pages (0%), 0.0 pages/s, ETA unknown')
  assert.is(progressLine(5, 10, 2000), 'news-markdown: 5/10 pages (50%), 2.5 pages/s, ETA 2s')
  assert.is(duration(106), '1m 46s')
  assert.is(duration(7500), '2h 05m')
})

/** Many pages, slow enough that a run lasts a few seconds. */
function manyPages(count: number): Record<string, string> {
  const files: Record<string, string> = {}
  const paragraph = '<p>' + '正文内容，记者报道了当地的情况。'.repeat(40) + '</p>'
  for (let index = 0; index < count; index++) files['in/p' + String(index).padStart(4, '0') + '.html'] = page({title: '第' + index + '篇', body: paragraph.repeat(30)})
  return files
}

test('cli: stderr not a terminal: progress lines every interval', async function () {
  await build()
  const dir = await folder(manyPages(60))
  const result = await exec(process.execPath, [bin, 'in', '--out', 'out', '--jobs', '1', '--progress-interval', '0.2'], {cwd: dir})
  const lines = result.stderr.split('\n').filter((line) => line.startsWith('news-markdown: ') && line.includes(' pages ('))
  assert.ok(lines.length >= 2, 'progress lines: ' + result.stderr)
  for (const line of lines) assert.match(line, /^news-markdown: \d+\/60 pages \(\d+%\), \d+\.\d pages\/s, ETA (?:unknown|\d+s|\d+m \d\ds)$/)
  assert.match(result.stderr, /60 converted/)
  assert.not.match(result.stderr, /\u001b\[/, 'no terminal escapes in a log')
})

test('cli: SIGINT mid-run: message, lock released, no temporaries, exit 130; the rerun finishes the batch as a clean run', async function () {
  await build()
  const dir = await folder(manyPages(150))
  await exec(process.execPath, [bin, 'in', '--out', 'clean', '--layout', 'hugo', '--jobs', '1', '-q'], {cwd: dir})
  const child = spawn(process.execPath, [bin, 'in', '--out', 'out', '--layout', 'hugo', '--jobs', '1', '--progress-interval', '0.2'], {cwd: dir, stdio: ['ignore', 'ignore', 'pipe']})
  let stderr = ''
  child.stderr.setEncoding('utf8')
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  // Interrupt once some pages are written (a progress line says so).
  await new Promise<void>((resolve) => {
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk
      if (/news-markdown: [1-9]\d*\/150 pages/.test(stderr)) resolve()
    })
    void exited.then(() => resolve())
  })
  child.kill('SIGINT')
  const code = await exited
  assert.is(code, 130, stderr)
  assert.match(stderr, /interrupted: finishing the pages being written/)
  assert.match(stderr, /interrupted: \d+ of 150 pages written and recorded in the manifest; run the same command again/)
  const names = [...(await tree(path.join(dir, 'out'))).keys()]
  assert.not.ok(names.includes('.news-markdown.lock'), 'lock released')
  assert.not.ok(
    names.some((name) => /news-markdown-tmp/.test(name)),
    'no temporaries'
  )
  const written = names.filter((name) => name.endsWith('.md')).length
  assert.ok(written > 0 && written < 150, 'interrupted mid-run: ' + written)
  const rerun = await exec(process.execPath, [bin, 'in', '--out', 'out', '--layout', 'hugo', '--jobs', '1'], {cwd: dir})
  assert.match(rerun.stderr, new RegExp(150 - written + ' converted, ' + written + ' unchanged'))
  assert.equal(await tree(path.join(dir, 'out')), await tree(path.join(dir, 'clean')))
})

test.run()
