import {execFile, spawn} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {Readable, Writable} from 'node:stream'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {folder, page, runInProcess, tree} from './util/cli-harness.js'
import {test} from 'uvu'
import {acquireLock} from '../lib/cli/lock.js'
import * as assert from 'uvu/assert'
import YAML from 'yaml'
import {run} from '../lib/cli.js'
import {pageSlug} from '../lib/output/layouts.js'
import {collisionSuffix, PathRegistry} from '../lib/cli/path-registry.js'
import {inShard, parseShard} from '../lib/cli/shard.js'
import {maxBytes, safeSegment, slugFromUrl, slugify} from '../lib/output/slug.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const exec = promisify(execFile)

const urlPage = page({title: '武汉解封首日', url: 'https://www.bannedbook.org/bnews/zh/20200406/1307292.html', tags: ['武汉', '疫情']})

function sink() {
  const chunks: Array<Buffer> = []
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(Buffer.from(chunk))
      callback()
    }
  })
  return {stream, text: () => Buffer.concat(chunks).toString('utf8')}
}

async function cli(argv: Array<string>, cwd: string, stdin?: string | Uint8Array, isTTY = true) {
  // In-process conversion unless a test asks for workers (they start slowly under tsx).
  if (!argv.includes('--jobs') && !argv.includes('--help') && !argv.includes('--version')) argv = [...argv, '--jobs', '1']
  const stdout = sink()
  const stderr = sink()
  const code = await run(argv, {stdin: Readable.from(stdin === undefined ? [] : [Buffer.from(stdin)]), stdout: stdout.stream, stderr: stderr.stream, cwd, isTTY: stdin === undefined ? isTTY : false})
  return {code, stdout: stdout.text(), stderr: stderr.text()}
}

async function frontmatter(file: string): Promise<Record<string, unknown>> {
  const text = await fs.readFile(file, 'utf8')
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text)
  assert.ok(match, 'expected frontmatter in ' + file)
  return YAML.parse(match[1]) as Record<string, unknown>
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false
  )
}

// Usage.

test('cli: --help and --version', async function () {
  const help = await cli(['--help'], root)
  assert.is(help.code, 0)
  assert.match(help.stdout, /^Usage: news-markdown/)
  assert.match(help.stdout, /--layout/)
  const version = await cli(['--version'], root)
  const pkg = JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as {version: string}
  assert.is(version.code, 0)
  assert.is(version.stdout, pkg.version + '\n')
})

test('cli: usage errors exit 2 with a clear message', async function () {
  const dir = await folder({'a.html': urlPage})
  const cases: Array<[Array<string>, RegExp]> = [
    [['--nope'], /Unknown option '--nope'/],
    [['a.html', '--out', 'o', '--layout', 'gatsby'], /Invalid `--layout` `gatsby`: expected one of plain, hugo, jekyll, astro, eleventy/],
    [['a.html', '--out', 'o', '--jobs', '0'], /Invalid `--jobs`/],
    [['a.html', '--out', 'o', '--shard', '3/2'], /Invalid `--shard` `3\/2`/],
    [['a.html', '--out', 'o', '--related', 'top'], /Invalid `--related`/],
    [['a.html'], /Missing `--out <dir>`/],
    [['missing.html', '--out', 'o'], /Input not found: `missing.html`/],
    [['*.xml', '--out', 'o'], /No files match `\*\.xml`/],
    [['a.html', '--out', 'o', '--profile', 'none.json'], /Cannot read/],
    [['a.html', '--out', 'o', '--base-url', 'not a url'], /Invalid `--base-url`/],
    [[], /Missing input/]
  ]
  for (const [argv, expected] of cases) {
    const result = await cli(argv, dir)
    assert.is(result.code, 2, argv.join(' '))
    assert.match(result.stderr, expected)
    assert.match(result.stderr, /--help/)
  }
  assert.not.ok(await exists(path.join(dir, 'o')), 'nothing written on usage errors')
})

test('cli: an invalid `--profile` is a usage error', async function () {
  const dir = await folder({'a.html': urlPage, 'bad.json': '{"id": "x", "content": ["p[["]}', 'extra.json': '{"hosts": []}'})
  const bad = await cli(['a.html', '--out', 'o', '--profile', 'bad.json'], dir)
  assert.is(bad.code, 2)
  assert.match(bad.stderr, /bad\.json/)
  const missingId = await cli(['a.html', '--out', 'o', '--profile', 'extra.json'], dir)
  assert.is(missingId.code, 2)
  assert.match(missingId.stderr, /missing `id`/)
})

// Stdin.

test('cli: stdin → stdout', async function () {
  const result = await cli([], root, urlPage)
  assert.is(result.code, 0)
  assert.match(result.stdout, /^---\ntitle: 武汉解封首日\n/)
  assert.match(result.stdout, /正文第一段/)
  const hugo = await cli(['--layout', 'hugo'], root, urlPage)
  assert.match(hugo.stdout, /aliases:\n {2}- \/bnews\/zh\/20200406\/1307292\.html/)
  const empty = await cli([], root, '')
  assert.is(empty.code, 1)
  assert.match(empty.stderr, /<stdin>: .*\[not-html\]/)
})

// Layouts.

const layoutInputs = {
  'a/known.html': urlPage,
  'b/undated.html': page({title: '没有链接的文章', tags: ['测试']})
}

test('cli: layout plain mirrors the input tree', async function () {
  const dir = await folder(layoutInputs)
  const result = await cli(['.', '--out', 'out', '--jobs', '1'], dir)
  assert.is(result.code, 0, result.stderr)
  assert.equal([...(await tree(path.join(dir, 'out'))).keys()], ['.news-markdown-manifest.json', 'a/known.md', 'b/undated.md'])
  const data = await frontmatter(path.join(dir, 'out/a/known.md'))
  assert.equal(Object.keys(data), ['title', 'date', 'source', 'tags', 'url'])
  assert.match(result.stderr, /2 converted, 0 unchanged, 0 skipped, 0 failed/)
})

test('cli: layout hugo writes `posts/<slug>.md` with `aliases`', async function () {
  const dir = await folder(layoutInputs)
  assert.is((await cli(['.', '--out', 'content', '--layout', 'hugo'], dir)).code, 0)
  const known = await frontmatter(path.join(dir, 'content/posts/1307292.md'))
  assert.equal(known.aliases, ['/bnews/zh/20200406/1307292.html'])
  assert.is(known.date, '2020-04-06')
  assert.equal(known.tags, ['武汉', '疫情'])
  const undated = await frontmatter(path.join(dir, 'content/posts/没有链接的文章.md'))
  assert.is(undated.aliases, undefined)
})

test('cli: layout jekyll writes `_posts/YYYY-MM-DD-<slug>.md`, undated pages to `_drafts/`', async function () {
  const dir = await folder(layoutInputs)
  const result = await cli(['.', '--out', 'site', '--layout', 'jekyll', '--report', 'report.json'], dir)
  assert.is(result.code, 0)
  const known = await frontmatter(path.join(dir, 'site/_posts/2020-04-06-1307292.md'))
  assert.is(known.layout, 'post')
  assert.equal(known.redirect_from, ['/bnews/zh/20200406/1307292.html'])
  assert.ok(await exists(path.join(dir, 'site/_drafts/没有链接的文章.md')))
  const report = JSON.parse(await fs.readFile(path.join(dir, 'report.json'), 'utf8')) as {files: Array<{input: string; reason?: string}>}
  assert.match(String(report.files.find((entry) => entry.input === 'b/undated.html')?.reason), /_drafts/)
})

test('cli: layout astro writes `<slug>.md` with `pubDate`', async function () {
  const dir = await folder(layoutInputs)
  assert.is((await cli(['.', '--out', 'src/content/news', '--layout', 'astro'], dir)).code, 0)
  const known = await frontmatter(path.join(dir, 'src/content/news/1307292.md'))
  assert.is(known.pubDate, '2020-04-06')
  assert.is(known.date, undefined)
  assert.is(known.title, '武汉解封首日')
})

test('cli: layout eleventy writes `posts/<slug>.md` with `date` and `tags`', async function () {
  const dir = await folder(layoutInputs)
  assert.is((await cli(['.', '--out', 'src', '--layout', 'eleventy'], dir)).code, 0)
  const known = await frontmatter(path.join(dir, 'src/posts/1307292.md'))
  assert.is(known.date, '2020-04-06')
  assert.equal(known.tags, ['武汉', '疫情'])
  assert.ok(await exists(path.join(dir, 'src/posts/没有链接的文章.md')))
})

// Slugs.

test('slug: from URL, title, file name', function () {
  assert.is(slugFromUrl('https://www.bannedbook.org/bnews/zh/20200406/1307292.html'), '1307292')
  assert.is(slugFromUrl('https://example.com/news/2020/big-story/index.html'), 'big-story')
  assert.is(slugFromUrl('https://example.com/'), '')
  assert.is(slugFromUrl('https://example.com/a/%E6%96%B0%E9%97%BB.html'), '新闻')
  assert.is(slugify('Hello, World! 2020'), 'hello-world-2020')
  assert.is(slugify('武汉解封首日：市民出行'), '武汉解封首日-市民出行')
  assert.is(slugify('Ünïcödé Café'), 'ünïcödé-café')
  assert.is(pageSlug({relative: 'x/My Page.html', article: {}}), 'my-page')
  assert.is(pageSlug({relative: 'x/!!!.html', article: {}}), 'page')
  assert.is(pageSlug({relative: 'a.html', article: {title: '标题', url: 'https://e.com/1.html'}}), '1')
  assert.is(pageSlug({relative: 'a.html', article: {title: '标题'}}), '标题')
})

test('slug: hostile names are neutralised', function () {
  for (const hostile of ['../../etc/passwd', '..', '.', '/abs/path', 'a\\b', 'con', 'CON.txt', 'nul', 'com1', 'LPT9', 'a\u0000b\u001fc', '.hidden', '   ', '\u202Eevil']) {
    for (const result of [slugify(hostile), safeSegment(hostile)]) {
      assert.not.match(result, /[/\\\u0000-\u001f\u202e]/, JSON.stringify(hostile))
      assert.not.ok(result === '.' || result === '..' || result.startsWith('.'), JSON.stringify(hostile) + ' → ' + result)
      assert.not.match(result, /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i, JSON.stringify(hostile) + ' → ' + result)
    }
  }
  assert.is(safeSegment('CON'), 'CON_')
  assert.is(safeSegment('CON.txt'), 'CON_.txt')
  assert.is(safeSegment('..'), '_')
  const long = slugify('长'.repeat(100))
  assert.ok(Buffer.byteLength(long) <= maxBytes)
  assert.is(long, '长'.repeat(26))
})

test('slug: collisions get suffixes derived from the page, not from the order of claims', function () {
  const suffix = (identity: string) => collisionSuffix(identity)
  const registry = new PathRegistry()
  assert.equal(
    [
      ['posts/a.md', 'u1'],
      ['posts/A.md', 'u2'],
      ['posts/a.md', 'u3'],
      ['posts/b.md', 'u4']
    ].map(([p, identity]) => registry.claim(p, identity)),
    ['posts/a.md', 'posts/A-' + suffix('u2') + '.md', 'posts/a-' + suffix('u3') + '.md', 'posts/b.md']
  )
  // In another order, every suffixed page keeps its name.
  const other = new PathRegistry()
  assert.equal(
    [
      ['posts/a.md', 'u3'],
      ['posts/a.md', 'u1'],
      ['posts/A.md', 'u2']
    ].map(([p, identity]) => other.claim(p, identity)),
    ['posts/a.md', 'posts/a-' + suffix('u1') + '.md', 'posts/A-' + suffix('u2') + '.md']
  )
  // Two pages with one identity: the fallback (input path), then a counter.
  const same = new PathRegistry()
  assert.equal(
    [
      ['x/index.md', 'u', ['p1']],
      ['x/index.md', 'u', ['p1']],
      ['x/index.md', 'u', ['p2']],
      ['x/index.md', 'u', ['p2']]
    ].map(([p, identity, fallbacks]) => same.claim(p as string, identity as string, fallbacks as Array<string>)),
    ['x/index.md', 'x-' + suffix('u') + '/index.md', 'x-' + suffix('p2') + '/index.md', 'x-' + suffix('p2') + '-2/index.md']
  )
  assert.match(suffix('https://example.com/a'), /^[\da-f]{8}$/)
})

test('cli: colliding titles get suffixes derived from their input paths, the same with any `--jobs`', async function () {
  const files: Record<string, string> = {}
  for (const name of ['c.html', 'a.html', 'b.html']) files[name] = page({title: '同一个标题', body: '内容 ' + name})
  const dir = await folder(files)
  for (const jobs of ['1', '2']) {
    assert.is((await cli(['.', '--out', 'out' + jobs, '--layout', 'hugo', '--jobs', jobs], dir)).code, 0)
    for (const [name, output] of [
      ['a', '同一个标题'],
      ['b', '同一个标题-' + collisionSuffix('b.html')],
      ['c', '同一个标题-' + collisionSuffix('c.html')]
    ]) {
      assert.match(await fs.readFile(path.join(dir, 'out' + jobs, 'posts', output + '.md'), 'utf8'), '内容 ' + name + '.html')
    }
  }
})

test('cli: hostile input file names stay inside the output folder', async function () {
  const dir = await folder({
    'in/CON.html': page({body: 'con'}),
    'in/..dots.html': page({body: 'dots'}),
    'in/a\u0001b.html': page({body: 'control'}),
    'in/nul/aux.html': page({body: 'nested'})
  })
  const result = await cli(['in', 'in/..dots.html', '--out', 'out'], dir)
  assert.is(result.code, 0, result.stderr)
  const outputs = [...(await tree(path.join(dir, 'out'))).keys()].filter((name) => !name.startsWith('.news-markdown'))
  assert.equal(outputs.sort(), ['CON_.md', 'a-b.md', 'in/dots.md', 'nul_/aux_.md'].sort())
  assert.equal(await fs.readdir(dir), ['in', 'out'])
})

// Reruns.

test('cli: an unchanged rerun rewrites nothing; `--force` converts again', async function () {
  const dir = await folder({'a.html': urlPage, 'b.html': page({title: '第二篇'}), 'c.html': page({title: '第三篇'})})
  assert.is((await cli(['.', '--out', 'out', '--layout', 'hugo'], dir)).code, 0)
  const before = await tree(path.join(dir, 'out'))
  const mtimes = new Map<string, number>()
  for (const name of before.keys()) mtimes.set(name, (await fs.stat(path.join(dir, 'out', name))).mtimeMs)
  await new Promise((resolve) => setTimeout(resolve, 20))
  const again = await cli(['.', '--out', 'out', '--layout', 'hugo'], dir)
  assert.is(again.code, 0)
  assert.match(again.stderr, /0 converted, 3 unchanged, 0 skipped, 0 failed/)
  for (const name of before.keys()) assert.is((await fs.stat(path.join(dir, 'out', name))).mtimeMs, mtimes.get(name), name)
  // A changed input is converted again; the others stay.
  await fs.writeFile(path.join(dir, 'b.html'), page({title: '第二篇', body: '改过的内容'}))
  const changed = await cli(['.', '--out', 'out', '--layout', 'hugo'], dir)
  assert.match(changed.stderr, /1 converted, 2 unchanged/)
  assert.match(await fs.readFile(path.join(dir, 'out/posts/第二篇.md'), 'utf8'), /改过的内容/)
  const forced = await cli(['.', '--out', 'out', '--layout', 'hugo', '--force'], dir)
  assert.is(forced.code, 0)
  assert.match(forced.stderr, /3 converted, 0 unchanged/)
})

test('cli: reruns skip by size, mtime and inode; a touched file is hashed once, an edited one converted', async function () {
  const dir = await folder({'a.html': page({title: '第一篇'}), 'b.html': page({title: '第二篇'})})
  await cli(['.', '--out', 'out', '--layout', 'hugo'], dir)
  const manifestFile = path.join(dir, 'out/.news-markdown-manifest.json')
  const stamps = () => fs.readFile(manifestFile, 'utf8').then((text) => (JSON.parse(text) as {files: Record<string, {inputStamp?: string; outputStamp?: string}>}).files)
  const first = await stamps()
  const stats = await fs.stat(path.join(dir, 'a.html'))
  assert.is(first['a.html'].inputStamp, stats.size + ':' + stats.mtimeMs + ':' + stats.ino)
  assert.ok(first['a.html'].outputStamp)
  // Touched, same bytes: unchanged (by hash), and the new stamp is recorded.
  const later = new Date(Date.now() + 5000)
  await fs.utimes(path.join(dir, 'a.html'), later, later)
  const touched = await cli(['.', '--out', 'out', '--layout', 'hugo'], dir)
  assert.match(touched.stderr, /0 converted, 2 unchanged/)
  assert.is.not((await stamps())['a.html'].inputStamp, first['a.html'].inputStamp)
  assert.is((await stamps())['b.html'].inputStamp, first['b.html'].inputStamp)
  // Same size, new content: converted again.
  const original = await fs.readFile(path.join(dir, 'b.html'), 'utf8')
  await fs.writeFile(path.join(dir, 'b.html'), original.replace('第二段内容', '第三段内容'))
  assert.is(Buffer.byteLength(await fs.readFile(path.join(dir, 'b.html'))), Buffer.byteLength(original))
  const edited = await cli(['.', '--out', 'out', '--layout', 'hugo'], dir)
  assert.match(edited.stderr, /1 converted, 1 unchanged/)
  assert.match(await fs.readFile(path.join(dir, 'out/posts/第二篇.md'), 'utf8'), '第三段内容')
})

test('cli: a page whose slug changes moves, leaving no stale output', async function () {
  const dir = await folder({'a.html': page({title: '旧标题'})})
  await cli(['.', '--out', 'out', '--layout', 'hugo'], dir)
  await fs.writeFile(path.join(dir, 'a.html'), page({title: '新标题'}))
  assert.is((await cli(['.', '--out', 'out', '--layout', 'hugo'], dir)).code, 0)
  assert.equal(await fs.readdir(path.join(dir, 'out/posts')), ['新标题.md'])
})

test('cli: two pages that swap titles swap files, with overlapping writes and any `--jobs`', async function () {
  for (const jobs of ['1', '2']) {
    const dir = await folder({'a.html': page({title: '甲', body: '甲的正文'}), 'b.html': page({title: '乙', body: '乙的正文'})})
    await cli(['.', '--out', 'out', '--layout', 'hugo', '--jobs', jobs], dir)
    await fs.writeFile(path.join(dir, 'a.html'), page({title: '乙', body: '甲的正文'}))
    await fs.writeFile(path.join(dir, 'b.html'), page({title: '甲', body: '乙的正文'}))
    const result = await cli(['.', '--out', 'out', '--layout', 'hugo', '--jobs', jobs], dir)
    assert.is(result.code, 0, result.stderr)
    assert.equal((await fs.readdir(path.join(dir, 'out/posts'))).sort(), ['乙.md', '甲.md'])
    assert.match(await fs.readFile(path.join(dir, 'out/posts/乙.md'), 'utf8'), '甲的正文')
    assert.match(await fs.readFile(path.join(dir, 'out/posts/甲.md'), 'utf8'), '乙的正文')
  }
})

// Failures.

test('cli: bad files in the middle of a batch are reported, the rest converted, exit 1', async function () {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0])
  const dir = await folder({'1.html': page({title: '第一篇'}), '2-empty.html': '', '3-image.html': png, '4.html': page({title: '第四篇'})})
  for (const jobs of ['1', '2']) {
    const result = await cli(['.', '--out', 'out' + jobs, '--report', 'report' + jobs + '.json', '--jobs', jobs], dir)
    assert.is(result.code, 1)
    assert.match(result.stderr, /2-empty\.html: .*\[not-html\]/)
    assert.match(result.stderr, /3-image\.html: .*binary.*\[not-html\]/)
    assert.match(result.stderr, /2 converted, 0 unchanged, 0 skipped, 2 failed/)
    assert.ok(await exists(path.join(dir, 'out' + jobs, '1.md')))
    assert.ok(await exists(path.join(dir, 'out' + jobs, '4.md')))
    const report = JSON.parse(await fs.readFile(path.join(dir, 'report' + jobs + '.json'), 'utf8')) as {
      files: Array<{input: string; status: string; output: string | null; error: {ruleId: string} | null}>
    }
    assert.equal(
      report.files.map((entry) => [entry.input, entry.status, entry.error && entry.error.ruleId]),
      [
        ['1.html', 'converted', null],
        ['2-empty.html', 'failed', 'not-html'],
        ['3-image.html', 'failed', 'not-html'],
        ['4.html', 'converted', null]
      ]
    )
  }
})

test('cli: a foreign file in the way is skipped, not overwritten; `--overwrite` replaces it', async function () {
  const dir = await folder({'a.html': urlPage, 'b.html': page({title: '第二篇'}), 'content/posts/1307292.md': 'my own notes\n'})
  const result = await cli(['.', '--out', 'content', '--layout', 'hugo'], dir)
  assert.is(result.code, 1)
  assert.match(result.stderr, /a\.html: skipped: a file news-markdown did not write is in the way at `posts\/1307292\.md` \(use --overwrite/)
  assert.match(result.stderr, /1 converted, 0 unchanged, 1 skipped, 0 failed/)
  assert.is(await fs.readFile(path.join(dir, 'content/posts/1307292.md'), 'utf8'), 'my own notes\n')
  const overwrite = await cli(['.', '--out', 'content', '--layout', 'hugo', '--overwrite'], dir)
  assert.is(overwrite.code, 0, overwrite.stderr)
  assert.match(await fs.readFile(path.join(dir, 'content/posts/1307292.md'), 'utf8'), /武汉解封首日/)
  // An output edited by the user is not overwritten on a forced rerun.
  await fs.appendFile(path.join(dir, 'content/posts/1307292.md'), '\nEdited.\n')
  const edited = await cli(['.', '--out', 'content', '--layout', 'hugo', '--force'], dir)
  assert.is(edited.code, 1)
  assert.match(edited.stderr, /edited since news-markdown wrote it/)
  assert.match(await fs.readFile(path.join(dir, 'content/posts/1307292.md'), 'utf8'), /Edited\./)
})

test('cli: `--report` lists each input with output, status, fields and warnings', async function () {
  const dir = await folder({'a.html': urlPage})
  assert.is((await cli(['a.html', '--out', 'out', '--layout', 'hugo', '--report', 'r.json'], dir)).code, 0)
  const report = JSON.parse(await fs.readFile(path.join(dir, 'r.json'), 'utf8')) as {
    converter: string
    summary: {converted: number; warnings: Record<string, number>}
    files: Array<Record<string, unknown>>
  }
  assert.match(report.converter, /^news-markdown@/)
  assert.is(report.summary.converted, 1)
  assert.is(report.summary.warnings['missing-author'], 1)
  const [entry] = report.files
  assert.is(entry.input, 'a.html')
  assert.is(entry.output, 'posts/1307292.md')
  assert.is(entry.status, 'converted')
  assert.is(entry.error, null)
  assert.equal([...(entry.fields as Array<string>)].sort(), ['date', 'source', 'tags', 'title', 'url'])
  assert.ok((entry.warnings as Array<{ruleId: string; kind: string}>).some((warning) => warning.ruleId === 'missing-author' && warning.kind === 'warning'))
  const verbose = await cli(['a.html', '--out', 'out2', '--verbose'], dir)
  assert.match(verbose.stderr, /a\.html\n.*warning.*missing-author/)
})

test('cli: `--url-from` (CSV and JSON) and `--base-url` supply original URLs', async function () {
  const dir = await folder({
    'in/x/one.html': page({title: '一'}),
    'in/two.html': page({title: '二'}),
    'urls.csv': 'path,url\nx/one.html,https://example.com/2021/05/01/first.html\n',
    'urls.json': '{"two.html": "https://example.com/news/second.html"}'
  })
  assert.is((await cli(['in', '--out', 'csv', '--layout', 'hugo', '--url-from', 'urls.csv'], dir)).code, 0)
  assert.equal((await frontmatter(path.join(dir, 'csv/posts/first.md'))).aliases, ['/2021/05/01/first.html'])
  assert.ok(await exists(path.join(dir, 'csv/posts/二.md')))
  assert.is((await cli(['in', '--out', 'json', '--layout', 'hugo', '--url-from', 'urls.json'], dir)).code, 0)
  assert.ok(await exists(path.join(dir, 'json/posts/second.md')))
  assert.is((await cli(['in', '--out', 'base', '--layout', 'jekyll', '--base-url', 'https://old.example.org/archive'], dir)).code, 0)
  assert.equal((await frontmatter(path.join(dir, 'base/_drafts/one.md'))).redirect_from, ['/archive/x/one.html'])
})

test('cli: `--shard 1/2` and `--shard 2/2` cover every input exactly once', async function () {
  const files: Record<string, string> = {}
  for (let index = 0; index < 30; index++) files['p' + index + '.html'] = page({title: '文章' + index})
  const dir = await folder(files)
  const seen: Array<string> = []
  for (const shard of ['1/2', '2/2']) {
    const result = await cli(['.', '--out', 'out', '--shard', shard, '--report', 'r' + shard[0] + '.json'], dir)
    assert.is(result.code, 0, result.stderr)
    const report = JSON.parse(await fs.readFile(path.join(dir, 'r' + shard[0] + '.json'), 'utf8')) as {files: Array<{input: string}>}
    assert.ok(report.files.length > 0 && report.files.length < 30, 'each shard has a part')
    seen.push(...report.files.map((entry) => entry.input))
  }
  assert.equal(seen.sort(), Object.keys(files).sort())
  assert.equal(parseShard('2/5'), {index: 2, count: 5})
  assert.is([1, 2, 3].filter((index) => inShard('same/path.html', {index, count: 3})).length, 1)
})

test('cli: a second concurrent run refuses; a stale lock is taken over', async function () {
  const dir = await folder({'a.html': urlPage})
  // A run in this very process holds the folder.
  await fs.mkdir(path.join(dir, 'out'))
  const held = await acquireLock(path.join(dir, 'out/.news-markdown.lock'))
  const refused = await cli(['a.html', '--out', 'out'], dir)
  await held.release()
  assert.is(refused.code, 1)
  assert.match(refused.stderr, /Another run is writing to this folder: process \d+/)
  await fs.writeFile(path.join(dir, 'out/.news-markdown.lock'), JSON.stringify({pid: 2 ** 22 + 12345, host: os.hostname(), started: 'then'}))
  const taken = await cli(['a.html', '--out', 'out'], dir)
  assert.is(taken.code, 0, taken.stderr)
  assert.not.ok(await exists(path.join(dir, 'out/.news-markdown.lock')), 'lock released')
})

// The real binary.

let built: Promise<void> | undefined

/** Build `dist/` once (type errors are `npm run typecheck`'s job: emitted output is enough here). */
function build(): Promise<void> {
  built ||= exec(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {cwd: root}).then(
    () => undefined,
    async (error: Error) => {
      if (!(await exists(path.join(root, 'dist/lib/cli.js')))) throw error
    }
  )
  return built
}

const bin = path.join(root, 'bin/news-markdown.js')

test('bin: `--version` and a small folder', async function () {
  await build()
  const pkg = JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as {version: string}
  assert.is((await exec(process.execPath, [bin, '--version'])).stdout, pkg.version + '\n')
  const dir = await folder(layoutInputs)
  const result = await exec(process.execPath, [bin, '.', '--out', 'out', '--layout', 'hugo', '--jobs', '2'], {cwd: dir})
  assert.match(result.stderr, /2 converted, 0 unchanged, 0 skipped, 0 failed/)
  assert.ok(await exists(path.join(dir, 'out/posts/1307292.md')))
})

test('bin: a run killed mid-batch, then rerun, equals a clean run; no temporaries remain', async function () {
  await build()
  const files: Record<string, string> = {}
  for (let index = 0; index < 300; index++) {
    // Every tenth title repeats, so collision suffixes are involved.
    const title = index % 10 === 0 ? '重复的标题' : '文章' + index
    files['pages/' + String(index).padStart(3, '0') + '.html'] = page({title, body: '第' + index + '篇的正文。'.repeat(1 + (index % 7))})
  }
  const dir = await folder(files)
  const args = [bin, 'pages', '--layout', 'hugo', '--jobs', '2']
  await exec(process.execPath, [...args, '--out', 'clean'], {cwd: dir})

  const child = spawn(process.execPath, [...args, '--out', 'killed'], {cwd: dir, stdio: 'ignore'})
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
  // Kill once some outputs are there (mid-batch), or after 300 ms at worst.
  const started = Date.now()
  while (Date.now() - started < 5000) {
    const written = await fs.readdir(path.join(dir, 'killed/posts')).catch(() => [])
    if (written.length >= 5 || (written.length > 0 && Date.now() - started > 300)) break
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  child.kill('SIGKILL')
  assert.is(await exited, 'SIGKILL', 'the run was interrupted')
  const partial = await fs.readdir(path.join(dir, 'killed/posts')).catch(() => [])
  assert.ok(partial.length < 300, 'killed before the end (' + partial.length + ' written)')

  const rerun = await exec(process.execPath, [...args, '--out', 'killed'], {cwd: dir})
  assert.match(rerun.stderr, /0 failed/)
  const clean = await tree(path.join(dir, 'clean'))
  const killed = await tree(path.join(dir, 'killed'))
  assert.equal([...killed.keys()], [...clean.keys()])
  for (const [name, bytes] of clean) assert.ok(bytes.equals(killed.get(name) as Buffer), name + ' differs')
  assert.not.ok(
    [...killed.keys()].some((name) => /news-markdown-tmp|\.lock$/.test(name)),
    'no temporaries or locks left'
  )
})

test('cli: the summary counts files that are not pages (listed with --verbose) and says warnings are messages on how many pages', async function () {
  const dir = await folder({
    'in/a.html': page({title: '第一篇'}),
    'in/b.html': page({title: '第二篇'}),
    'in/img/photo.png': 'not really a png',
    'in/style.css': 'p{}',
    'in/notes.txt': 'plain words, no markup at all'
  })
  const quiet = await cliRun(['in', '--out', 'out'], dir)
  assert.is(quiet.code, 0, quiet.stderr)
  assert.match(quiet.stderr, /\nskipped 3 files that are not pages \(.*--verbose lists them\)\n/)
  // Two pages, each without author: messages counted by rule, on how many pages.
  assert.match(quiet.stderr, /\nwarnings: \d+ messages on 2 pages, by rule: .*missing-author ×2/)
  assert.not.match(quiet.stderr, /photo\.png/)
  const verbose = await cliRun(['in', '--out', 'out-2', '--verbose'], dir)
  assert.match(verbose.stderr, /in[/\\]img[/\\]photo\.png: skipped: not a page/)
  assert.match(verbose.stderr, /in[/\\]notes\.txt: skipped: /)
  assert.match(verbose.stderr, /in[/\\]style\.css: skipped/)
})

/** `news-markdown ARGS` in process, with stdout and stderr. */
function cliRun(args: Array<string>, cwd: string) {
  return runInProcess(args, {cwd, isTTY: false})
}

test.run()
