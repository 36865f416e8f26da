/**
 * `news-markdown merge` run in process (`test/migration.ts` runs it through
 * the built binary beside GNU parallel): shard runs merged equal one
 * unsharded run, pages in page bundles with their images, reports and
 * redirect maps combined, conflicts and bad arguments reported, an
 * interrupted merge.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {withAlias} from '../lib/cli/merge.js'
import {articlePage, cli, folder, page, runInProcess, tree} from './util/cli-harness.js'
import {png} from './util/image-server.js'

const article = articlePage

/** 12 pages: titles that collide, old URLs (some shared), tags in two forms. */
function pages(count = 12): Record<string, string> {
  const files: Record<string, string> = {}
  for (let index = 0; index < count; index++) {
    const url = index % 4 === 0 ? 'https://old.example/news/show.php?id=' + (index % 8) : index % 3 === 0 ? 'https://old.example/新闻/' + index + '.html' : undefined
    files['in/p' + String(index).padStart(2, '0') + '.html'] = page({title: '标题' + (index % 3), url, body: '内容 ' + index, tags: ['AI', index % 2 ? 'Wuhan' : 'WUHAN']})
  }
  return files
}

async function shards(dir: string, common: Array<string>, count: number, report = true): Promise<void> {
  for (let k = 1; k <= count; k++) {
    const result = await cli([...common, '--out', 'shard-' + k, '--shard', k + '/' + count, ...(report ? ['--report', 'report-' + k + '.json'] : [])], dir)
    assert.ok(result.code <= 1, result.stderr)
  }
}

/** `news-markdown merge ARGS` in process (`cli()` of the harness adds `--jobs`, which `merge` refuses). */
function merge(args: Array<string>, cwd: string, signal?: AbortSignal) {
  return runInProcess(['merge', ...args], {cwd, isTTY: true, ...(signal ? {signal} : {})})
}

test('merge (in process): shards of a Jekyll run merged equal the unsharded run, report and redirect map included', async function () {
  const dir = await folder(pages())
  const common = ['in', '--layout', 'jekyll', '-q']
  const single = await cli([...common, '--out', 'single', '--report', 'single.json', '--redirects', 'single.conf', '--redirects-format', 'apache'], dir)
  assert.ok(single.code <= 1, single.stderr)
  await shards(dir, common, 3)
  const merged = await merge(
    [
      'merged',
      'shard-1',
      'shard-2',
      'shard-3',
      'report-1.json',
      'report-2.json',
      'report-3.json',
      '--layout',
      'jekyll',
      '--report',
      'merged.json',
      '--redirects',
      'merged.conf',
      '--redirects-format',
      'apache'
    ],
    dir
  )
  assert.match(merged.stderr, /merged 12 pages from 3 shard folders into /)
  assert.equal(await tree(path.join(dir, 'merged')), await tree(path.join(dir, 'single')))
  assert.is(await fs.readFile(path.join(dir, 'merged.json'), 'utf8'), await fs.readFile(path.join(dir, 'single.json'), 'utf8'))
  assert.is(await fs.readFile(path.join(dir, 'merged.conf'), 'utf8'), await fs.readFile(path.join(dir, 'single.conf'), 'utf8'))
  assert.match(await fs.readFile(path.join(dir, 'merged.conf'), 'utf8'), /Redirect|RewriteRule/)
})

test('merge (in process): Hugo page bundles with images move with their page; `--report-html`; one folder says `folder`', async function () {
  const files: Record<string, string> = {}
  for (let index = 0; index < 6; index++) {
    // Four pages of one title: bundles `posts/同名/`, `posts/同名-<suffix>/`; which gets the suffix depends on the other pages of the shard.
    const image = '<p><img src="data:image/png;base64,' + png(2, 2, 'image ' + index).toString('base64') + '" alt="图"></p>'
    files['in/p' + index + '.html'] = article(index < 4 ? '同名' : '标题' + index, '<p>内容 ' + index + '</p>' + image)
  }
  const dir = await folder(files)
  const common = ['in', '--layout', 'hugo', '--images', 'copy', '-q']
  const single = await cli([...common, '--out', 'single', '--report', 'single.json'], dir)
  assert.ok(single.code <= 1, single.stderr)
  const names = [...(await tree(path.join(dir, 'single'))).keys()]
  assert.ok(
    names.some((name) => name.endsWith('/index.md')),
    'page bundles: ' + names.join(', ')
  )
  await shards(dir, common, 2)
  const merged = await merge(['merged', 'shard-1', 'shard-2', 'report-1.json', 'report-2.json', '--layout', 'hugo', '--report', 'merged.json', '--report-html', 'merged.html'], dir)
  assert.is(merged.code, single.code, merged.stderr)
  assert.equal(await tree(path.join(dir, 'merged')), await tree(path.join(dir, 'single')))
  const report = JSON.parse(await fs.readFile(path.join(dir, 'merged.json'), 'utf8')) as {summary: {images?: {saved: number}}; files: Array<{images?: Array<{file?: string}>; output: string}>}
  const expected = JSON.parse(await fs.readFile(path.join(dir, 'single.json'), 'utf8')) as typeof report
  assert.equal(report.summary.images, expected.summary.images)
  assert.ok(report.summary.images && report.summary.images.saved > 0, 'images counted')
  assert.equal(
    report.files.map((file) => file.images),
    expected.files.map((file) => file.images)
  )
  assert.match(await fs.readFile(path.join(dir, 'merged.html'), 'utf8'), /<html/i)

  const one = await merge(['one', 'shard-1', '--layout', 'hugo'], dir)
  assert.match(one.stderr, /from 1 shard folder into /)
})

test('merge (in process): a page in two shards with different outputs, an unreadable output and a file that differs are conflicts (exit 1)', async function () {
  const dir = await folder(pages(4))
  // The same inputs in another layout: other bytes for every page.
  await cli(['in', '-q', '--out', 'a'], dir)
  await cli(['in', '-q', '--out', 'b', '--layout', 'hugo'], dir)
  // A file of the user's in both, with other bytes; and the same file with the same bytes.
  await fs.writeFile(path.join(dir, 'a/notes.txt'), 'mine')
  await fs.writeFile(path.join(dir, 'b/notes.txt'), 'theirs')
  await fs.mkdir(path.join(dir, 'a/extra'))
  await fs.mkdir(path.join(dir, 'b/extra'))
  await fs.writeFile(path.join(dir, 'a/extra/same.txt'), 'same')
  await fs.writeFile(path.join(dir, 'b/extra/same.txt'), 'same')
  const outputs = [...(await tree(path.join(dir, 'a'))).keys()].filter((name) => name.endsWith('.md'))
  assert.is(outputs.length, 4)
  await fs.rm(path.join(dir, 'a', outputs[0]))
  const merged = await merge(['merged', 'a', 'b'], dir)
  assert.is(merged.code, 1, merged.stderr)
  assert.match(merged.stderr, /is in two shards with different outputs \(`.*[/\\]a`, `.*[/\\]b`\): the first is kept/)
  assert.match(merged.stderr, /cannot read its output .*: not merged/)
  assert.match(merged.stderr, /`notes\.txt` differs between shards: the first one is kept/)
  assert.not.match(merged.stderr, /same\.txt/)
  assert.is(await fs.readFile(path.join(dir, 'merged/notes.txt'), 'utf8'), 'mine')
  assert.is(await fs.readFile(path.join(dir, 'merged/extra/same.txt'), 'utf8'), 'same')
  const manifest = JSON.parse(await fs.readFile(path.join(dir, 'merged/.news-markdown-manifest.json'), 'utf8')) as {files: Record<string, unknown>}
  const merged3 = Object.keys(manifest.files)
  assert.is(merged3.length, 3, 'the page whose output is unreadable is not merged: ' + JSON.stringify(merged3))
})

test("merge (in process): a page two shards hold with different outputs keeps the first shard's file only; the other is reported, never copied unmanifested", async function () {
  const dir = await folder(pages(3))
  await cli(['in', '-q', '--out', 'a'], dir)
  // The same pages, one changed: its output differs; the other two are the same bytes.
  await fs.writeFile(path.join(dir, 'in/p01.html'), page({title: '另一个标题', body: '改过的内容'}))
  await cli(['in', '-q', '--out', 'b'], dir)
  const merged = await merge(['merged', 'a', 'b'], dir)
  assert.is(merged.code, 1, merged.stderr)
  assert.match(merged.stderr, /`p01\.html` is in two shards with different outputs \(`.*[/\\]a`, `.*[/\\]b`\): the first is kept, the other not copied/)
  assert.is(merged.stderr.match(/p01\.md/g)?.length, 1, 'one message names the conflict: ' + merged.stderr)
  const manifest = JSON.parse(await fs.readFile(path.join(dir, 'merged/.news-markdown-manifest.json'), 'utf8')) as {files: Record<string, {output: string}>}
  const listed = new Set(Object.values(manifest.files).map((entry) => entry.output))
  const pagesWritten = [...(await tree(path.join(dir, 'merged'))).keys()].filter((name) => name.endsWith('.md'))
  assert.equal(pagesWritten.sort(), [...listed].sort(), 'every page file in the merged folder is in its manifest')
  assert.is(pagesWritten.length, 3)
  for (const name of pagesWritten) assert.not.match(await fs.readFile(path.join(dir, 'merged', name), 'utf8'), /另一个标题/)

  // The second shard named the page otherwise (another naming rule): its file is still not copied.
  const manifestFile = path.join(dir, 'b/.news-markdown-manifest.json')
  const other = JSON.parse(await fs.readFile(manifestFile, 'utf8')) as {files: Record<string, {output: string}>}
  const entry = Object.values(other.files).find((value) => value.output === 'p01.md')
  assert.ok(entry)
  entry.output = 'renamed/p01-other.md'
  await fs.mkdir(path.join(dir, 'b/renamed'))
  await fs.rename(path.join(dir, 'b/p01.md'), path.join(dir, 'b/renamed/p01-other.md'))
  await fs.writeFile(manifestFile, JSON.stringify(other))
  const again = await merge(['merged-2', 'a', 'b'], dir)
  assert.is(again.code, 1, again.stderr)
  assert.match(again.stderr, /the first is kept, the other not copied \(`renamed\/p01-other\.md`\)/)
  assert.equal([...(await tree(path.join(dir, 'merged-2'))).keys()].filter((name) => name.endsWith('.md')).sort(), pagesWritten)
})

test('merge (in process): bad arguments are usage errors (exit 2) naming the problem', async function () {
  const dir = await folder({'a.html': page({title: '标题'}), 'file.txt': 'x', 'full/x.txt': 'x'})
  await cli(['a.html', '--out', 'shard', '-q', '--report', 'report.json'], dir)
  const cases: Array<[Array<string>, RegExp]> = [
    [['--nope'], /Unknown option '--nope'/],
    [['out'], /needs an output folder and at least one shard folder/],
    [['out', 'shard', '--layout', 'wiki'], /Invalid `--layout` `wiki`: expected one of plain, hugo/],
    [['out', 'shard', '--redirects-format', 'iis'], /Invalid `--redirects-format` `iis`/],
    [['out', 'shard', '--permalink', '/:nope/'], /permalink|:nope/i],
    [['out', 'shard', '--redirects', 'map.txt'], /Cannot tell the redirect map format from `map\.txt`/],
    [['out', 'shard', '--redirects', 'map.conf', '--redirects-format', 'nginx'], /`--redirects` with `--layout plain` needs `--permalink <pattern>`/],
    [['out', 'missing'], /Shard not found: `missing`/],
    [['out', 'report.json'], /needs at least one shard output folder/],
    [['out', 'shard', '--report', 'r.json'], /need the shards’ reports/],
    [['shard', 'shard'], /is also a shard folder/],
    [['file.txt', 'shard'], /is a file, not a folder/],
    [['full', 'shard'], /is not empty/]
  ]
  for (const [args, expected] of cases) {
    const result = await merge([...args], dir)
    assert.is(result.code, 2, args.join(' ') + ': ' + result.stderr)
    assert.match(result.stderr, expected, args.join(' '))
  }
  const help = await merge(['-h'], dir)
  assert.is(help.code, 0)
  assert.match(help.stdout, /^Usage: news-markdown merge/)
})

test('merge (in process): stopped by a signal, it saves what it copied and says so (exit 130)', async function () {
  const dir = await folder(pages(4))
  await cli(['in', '--layout', 'plain', '-q', '--out', 'shard'], dir)
  const controller = new AbortController()
  controller.abort('SIGINT')
  const result = await merge(['merged', 'shard'], dir, controller.signal)
  assert.is(result.code, 130)
  assert.match(result.stderr, /merge interrupted: 0 of 4 pages copied into .*merged.*; empty it and merge again/)
  assert.equal(
    [...(await tree(path.join(dir, 'merged'))).keys()].filter((name) => name.endsWith('.md')),
    [],
    'no page copied'
  )
})

test('merge (in process): a page that failed in its shard stays failed in the merged report; a redirect map that cannot be written is said; `-q` prints only errors', async function () {
  const dir = await folder({...pages(4), 'in/p99.html': page({title: '很长的一篇', body: '长文。'.repeat(800)})})
  const common = ['in', '--layout', 'jekyll', '-q', '--max-size', '3000']
  await shards(dir, common, 2)
  // A folder where the redirect map must be written.
  await fs.mkdir(path.join(dir, 'merged.conf'))
  const merged = await merge(
    ['merged', 'shard-1', 'shard-2', 'report-1.json', 'report-2.json', '--layout', 'jekyll', '--report', 'merged.json', '--redirects', 'merged.conf', '--redirects-format', 'apache', '-q'],
    dir
  )
  assert.is(merged.code, 1, merged.stderr)
  assert.match(merged.stderr, /^news-markdown: Cannot write the redirect map `.*merged\.conf`: a folder is in the way where a file is needed \(EISDIR\)$/m)
  assert.not.match(merged.stderr, /merged \d+ pages/, 'quiet: no summary')
  const report = JSON.parse(await fs.readFile(path.join(dir, 'merged.json'), 'utf8')) as {files: Array<{input: string; status: string; output: string | null; error: {ruleId: string} | null}>}
  assert.equal(
    report.files.map((entry) => [entry.input, entry.status]),
    [
      ['p00.html', 'converted'],
      ['p01.html', 'converted'],
      ['p02.html', 'converted'],
      ['p03.html', 'converted'],
      ['p99.html', 'failed']
    ]
  )
  const failed = report.files[4]
  assert.is(failed.output, null)
  assert.is(failed.error?.ruleId, 'too-large')
})

test('merge: `withAlias` leaves Markdown without a closed YAML frontmatter alone; Jekyll aliases are `redirect_from`', function () {
  assert.is(withAlias('# No frontmatter\n', 'hugo', '/a'), '# No frontmatter\n')
  assert.is(withAlias('---\ntitle: x\nno end\n', 'hugo', '/a'), '---\ntitle: x\nno end\n')
  assert.is(withAlias('---\n\n---\n\nBody\n', 'hugo', '/a'), '---\n\n---\n\nBody\n', 'empty frontmatter: nothing to set the alias on')
  assert.is(withAlias('---\ntitle: x\n---\n\nBody\n', 'jekyll', '/old.html'), '---\ntitle: x\nredirect_from:\n  - /old.html\n---\n\nBody\n')
})

test.run()
