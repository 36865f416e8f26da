// `--images copy|download` end to end: a web-mirror-like tree and a “Save
// Page As… complete” tree made here, downloads from a local server on
// 127.0.0.1 (never any other host), reruns, and the files a user owns.
import {spawn} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {Manifest} from '../lib/cli/manifest.js'
import type {ManifestEntry} from '../lib/cli/manifest.js'
import type {ReportEntry, Summary} from '../lib/cli/report.js'
import {articlePage, cli, folder, root, tree} from './util/cli-harness.js'
import {png, startImageServer} from './util/image-server.js'
import type {ImageServer} from './util/image-server.js'

let server: ImageServer

test.before(async function () {
  server = await startImageServer()
})

test.after(async function () {
  await server.close()
})

const article = articlePage

async function read(dir: string, file: string): Promise<string> {
  return fs.readFile(path.join(dir, ...file.split('/')), 'utf8')
}

async function report(dir: string): Promise<{summary: Summary; files: Array<ReportEntry>}> {
  return JSON.parse(await read(dir, 'report.json'))
}

/** The manifest of `dir/out` with its journal merged (what the next run reads). */
async function manifest(dir: string): Promise<Record<string, ManifestEntry>> {
  const loaded = await Manifest.load(path.join(dir, 'out/.news-markdown-manifest.json'))
  return Object.fromEntries(loaded.entries())
}

/** Image destinations in a Markdown file. */
function destinations(markdown: string): Array<string> {
  return [...markdown.matchAll(/!\[[^\]]*\]\(<?([^)\s>]+)/g)].map((match) => match[1])
}

test('copy: a web mirror (wget --mirror --page-requisites) into Hugo page bundles', async function () {
  const dir = await folder({
    'mirror/news.example/2020/04/story.html': article(
      '镜像里的文章',
      '<p><img src="../../wp-content/uploads/2020/04/photo.png" alt="相对"></p>' +
        '<p><img src="/wp-content/uploads/2020/04/root.png" alt="根"></p>' +
        '<p><img src="https://news.example/wp-content/uploads/2020/04/abs.png?w=300" alt="绝对"></p>' +
        '<p><img src="https://cdn.other.example/not-mirrored.png" alt="远程"></p>' +
        '<p><img src="../../wp-content/uploads/2020/04/error.jpg" alt="坏"></p>',
      '<link rel="canonical" href="https://news.example/2020/04/story.html">'
    ),
    'mirror/news.example/wp-content/uploads/2020/04/photo.png': png(3, 2, 'photo'),
    'mirror/news.example/wp-content/uploads/2020/04/root.png': png(3, 2, 'root'),
    'mirror/news.example/wp-content/uploads/2020/04/abs.png?w=300': png(3, 2, 'abs'),
    'mirror/news.example/wp-content/uploads/2020/04/error.jpg': '<!DOCTYPE html><html><body>404 Not Found</body></html>'
  })
  const result = await cli(['mirror', '--out', 'out', '--layout', 'hugo', '--images', 'copy', '--report', 'report.json'], dir)
  assert.is(result.code, 0, result.stderr)
  const markdown = await read(dir, 'out/posts/story/index.md')
  const files = [...(await tree(path.join(dir, 'out'))).keys()].filter((name) => name.startsWith('posts/'))
  assert.equal(files.sort(), ['posts/story/abs-', 'posts/story/index.md', 'posts/story/photo-', 'posts/story/root-'].map((prefix) => files.find((name) => name.startsWith(prefix)) as string).sort())
  const local = destinations(markdown).filter((url) => !url.includes('://'))
  assert.is(local.length, 3)
  for (const url of local) assert.ok(files.includes('posts/story/' + url), url + ' is a file of the bundle')
  assert.ok(markdown.includes('](https://cdn.other.example/not-mirrored.png)'), 'an image the mirror lacks stays remote')
  assert.ok(markdown.includes('](https://news.example/wp-content/uploads/2020/04/error.jpg)'), 'a failed copy keeps its original URL')
  const {files: entries, summary} = await report(dir)
  assert.equal(summary.images, {saved: 3, reused: 0, downloaded: 0, remote: 1, failed: 1})
  const failed = entries[0].images?.find((image) => image.status === 'failed')
  assert.match(failed?.reason || '', 'HTML page')
  assert.ok(entries[0].warnings.some((warning) => warning.ruleId === 'image-not-saved' && warning.reason.includes('error.jpg')))
  assert.ok(entries[0].warnings.some((warning) => warning.ruleId === 'image-left-remote' && warning.kind === 'info'))
})

test('copy: a “Save Page As… complete” folder, `srcset` and `<picture>` largest, `file:` and `data:` images', async function () {
  const dir = await folder({
    'saved/报道.html': article(
      '另存的网页',
      '<figure><picture><source srcset="./报道_files/p-800.png 800w, ./报道_files/p-1600.png 1600w"><img src="./报道_files/p-400.png" alt="图"></picture><figcaption>图说</figcaption></figure>' +
        '<p><img src="FILEURL" alt="文件"></p>' +
        '<p><img src="data:image/png;base64,' +
        png(2, 2, 'inline').toString('base64') +
        '" alt="内嵌"></p>' +
        // A lazy-loading placeholder (1×1 GIF) is no picture: not saved as a file.
        '<p><img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" alt="占位"></p>'
    ),
    'saved/报道_files/p-400.png': png(4, 4, 'small'),
    'saved/报道_files/p-800.png': png(8, 8, 'medium'),
    'saved/报道_files/p-1600.png': png(16, 16, 'large'),
    'saved/报道_files/by-url.png': png(2, 2, 'file-url')
  })
  const page = path.join(dir, 'saved', '报道.html')
  await fs.writeFile(page, (await fs.readFile(page, 'utf8')).replace('FILEURL', pathToFileURL(path.join(dir, 'saved', '报道_files', 'by-url.png')).href))
  const result = await cli(['saved', '--out', 'out', '--images', 'copy', '--report', 'report.json'], dir)
  assert.is(result.code, 0, result.stderr)
  const markdown = await read(dir, 'out/报道.md')
  const urls = destinations(markdown)
  assert.is(urls.length, 3)
  for (const url of urls) assert.not.match(url, /[:/]/, 'every image points at a copy beside the page: ' + url)
  const bytes = await fs.readFile(path.join(dir, 'out', urls[0]))
  assert.equal(bytes, png(16, 16, 'large'), 'the largest `<picture>` source is the copy')
  assert.equal(await fs.readFile(path.join(dir, 'out', urls[2])), png(2, 2, 'inline'), 'the `data:` image is decoded')
  assert.match(urls[2], /^image-[\da-f]{8}\.png$/)
  assert.equal((await report(dir)).summary.images, {saved: 3, reused: 0, downloaded: 1, remote: 0, failed: 0})
  assert.equal(
    (await fs.readdir(path.join(dir, 'out'))).filter((name) => name.endsWith('.gif')),
    [],
    'no placeholder GIF saved'
  )
  assert.match(result.stderr, /dropped-image ×1/, 'the placeholder is reported as a dropped image: ' + result.stderr)
})

test('download: every kind of server answer; the page converts whatever fails', async function () {
  const o = server.origin
  const dir = await folder({
    'pages/a.html': article(
      '下载测试',
      `<p><img src="${o}/img/normal.png" alt="正常"></p>` +
        `<p><img src="${o}/status/404/gone.png" alt="没了"></p>` +
        `<p><img src="${o}/retry/1/429/1/busy.png" alt="忙"></p>` +
        `<p><img src="${o}/redirect/3/moved.png" alt="搬了"></p>` +
        `<p><img src="${o}/html/fake.jpg" alt="假图"></p>` +
        `<p><img src="${o}/huge/3000000/big.jpg" alt="大图"></p>` +
        `<p><img src="${o}/slow/3000/slow.png" alt="慢"></p>` +
        `<p><img src="${o}/same/one.png" alt="同一"><img src="${o}/same/two.png" alt="同二"></p>`
    ),
    'pages/b.html': article('第二篇', `<p><img src="${o}/img/normal.png" alt="再用"></p>`)
  })
  const argv = ['pages', '--out', 'out', '--layout', 'jekyll', '--images', 'download', '--image-max-size', '1M', '--image-timeout', '0.5', '--report', 'report.json']
  const result = await cli(argv, dir)
  assert.is(result.code, 0, result.stderr)
  assert.match(result.stderr, 'images: ')
  assert.is(server.hits.get('/img/normal.png'), 1, 'one download for two pages')
  const {files, summary} = await report(dir)
  const images = new Map((files.find((file) => file.input === 'a.html')?.images || []).map((image) => [new URL(image.url).pathname, image]))
  assert.is(images.get('/img/normal.png')?.status, 'saved')
  assert.is(images.get('/status/404/gone.png')?.reason, 'HTTP 404')
  assert.is(images.get('/retry/1/429/1/busy.png')?.status, 'saved')
  assert.is(images.get('/redirect/3/moved.png')?.status, 'saved')
  assert.match(images.get('/html/fake.jpg')?.reason || '', 'HTML page')
  assert.match(images.get('/huge/3000000/big.jpg')?.reason || '', 'larger than the size limit (1 MiB)')
  assert.match(images.get('/slow/3000/slow.png')?.reason || '', 'timed out after 0.5 s')
  assert.is(images.get('/same/one.png')?.file, images.get('/same/two.png')?.file, 'the same bytes under two URLs: one file')
  assert.equal(summary.images, {saved: 6, reused: 0, downloaded: 5, remote: 0, failed: 4})
  const markdown = await read(dir, 'out/_drafts/下载测试.md')
  assert.ok(markdown.includes('](' + o + '/status/404/gone.png)'), 'failed images keep their URLs')
  for (const url of destinations(markdown).filter((url) => url.startsWith('/'))) {
    assert.ok((await fs.stat(path.join(dir, 'out', ...decodeURIComponent(url).split('/'))).catch(() => undefined))?.isFile(), url)
  }
  const left = (await fs.readdir(path.join(dir, 'out'))).filter((name) => name.startsWith('.news-markdown-tmp'))
  assert.equal(left, [], 'no temporary file left')

  // A rerun fetches nothing it has and writes the same folder.
  const before = await tree(path.join(dir, 'out'))
  const requests = server.requests()
  const again = await cli(argv, dir)
  assert.is(again.code, 0, again.stderr)
  assert.equal([...(await tree(path.join(dir, 'out'))).keys()], [...before.keys()])
  // Only the transient failure (the slow image) is tried again.
  assert.is(server.requests() - requests, 1)
  assert.is(server.hits.get('/slow/3000/slow.png'), 2)
  assert.match(await read(dir, 'report.json'), 'HTTP 404 (in an earlier run; --force tries again)')

  // `--force` tries the failures again; `--verbose` prints each.
  const forced = await cli([...argv, '--force', '--verbose'], dir)
  assert.is(server.hits.get('/status/404/gone.png'), 2)
  assert.is(server.hits.get('/img/normal.png'), 1, 'saved images are still taken from the output')
  assert.match(forced.stderr, /a\.html\n[\s\S]*warning\s+Image not saved, its original URL is kept: `[^`]+\/status\/404\/gone\.png`: HTTP 404\s+image-not-saved/)
})

test('download: a rerun retries transient failures and takes what an earlier run saved', async function () {
  const o = server.origin
  const dir = await folder({'pages/a.html': article('重试', `<p><img src="${o}/retry/4/503/0/flaky.png" alt="不稳"></p><p><img src="${o}/img/kept.png" alt="留"></p>`)})
  const argv = ['pages', '--out', 'out', '--layout', 'hugo', '--images', 'download', '--report', 'report.json']
  assert.is((await cli(argv, dir)).code, 0)
  assert.is(server.hits.get('/retry/4/503/0/flaky.png'), 4, 'one try and three retries')
  assert.match((await report(dir)).files[0].images?.[0].reason || '', 'HTTP 503')
  const first = await read(dir, 'out/posts/重试/index.md')
  assert.ok(first.includes(o + '/retry/4/503/0/flaky.png'))
  assert.is((await cli(argv, dir)).code, 0)
  const second = await read(dir, 'out/posts/重试/index.md')
  assert.is(destinations(second).filter((url) => url.startsWith('http')).length, 0, 'the rerun saved it')
  assert.is(server.hits.get('/img/kept.png'), 1, 'the image saved before was taken from the output, not downloaded again')
  // A deleted copy comes back.
  const copy = destinations(second).find((url) => url.startsWith('kept-')) as string
  await fs.rm(path.join(dir, 'out', 'posts', '重试', copy))
  assert.is((await cli(argv, dir)).code, 0)
  assert.ok(await fs.stat(path.join(dir, 'out', 'posts', '重试', copy)))
  // Back to `keep`: original URLs, and the copies go.
  assert.is((await cli(['pages', '--out', 'out', '--layout', 'hugo'], dir)).code, 0)
  const kept = [...(await tree(path.join(dir, 'out'))).keys()].filter((name) => !name.startsWith('.'))
  assert.equal(kept, ['posts/重试.md'])
  assert.ok((await read(dir, 'out/posts/重试.md')).includes(o + '/img/kept.png'))
})

test('download: a file the user put at an image path is never replaced', async function () {
  const o = server.origin
  const dir = await folder({'pages/a.html': article('用户文件', `<p><img src="${o}/img/mine.png" alt="图"></p>`)})
  const argv = ['pages', '--out', 'out', '--images', 'download']
  assert.is((await cli(argv, dir)).code, 0)
  const name = destinations(await read(dir, 'out/a.md'))[0]
  // Replace the copy by the user's own file, then reconvert.
  await fs.writeFile(path.join(dir, 'out', name), 'my own notes')
  assert.is((await cli([...argv, '--force'], dir)).code, 0)
  assert.is(await read(dir, 'out/' + name), 'my own notes')
  const now = destinations(await read(dir, 'out/a.md'))[0]
  assert.is(now, name.replace(/\.png$/, '-2.png'))
  assert.equal(await fs.readFile(path.join(dir, 'out', now)), png(4, 3, 'mine.png'))
})

test('download: output is the same with one or two worker threads', async function () {
  const o = server.origin
  const files: Record<string, string> = {}
  for (let index = 0; index < 12; index++)
    files['pages/p' + index + '.html'] = article('篇' + (index % 4), `<p><img src="${o}/img/shared.png" alt="共"><img src="${o}/img/p${index % 3}.png" alt="各"></p>`)
  const dir = await folder(files)
  assert.is((await cli(['pages', '--out', 'one', '--layout', 'hugo', '--images', 'download', '--jobs', '1'], dir)).code, 0)
  assert.is((await cli(['pages', '--out', 'two', '--layout', 'hugo', '--images', 'download', '--jobs', '2'], dir)).code, 0)
  assert.equal(await tree(path.join(dir, 'two')), await tree(path.join(dir, 'one')))
  const bundles = [...(await tree(path.join(dir, 'one'))).keys()].filter((name) => name.endsWith('index.md'))
  const same = bundles.filter((name) => name.startsWith('posts/篇0'))
  assert.is(same.length, 3)
  assert.ok(same.includes('posts/篇0/index.md'))
  for (const name of same) assert.match(name, /^posts\/篇0(?:-[\da-f]{8})?\/index\.md$/)
})

/** The CLI in its own process (through tsx, no build needed), as `test/faults.ts` runs it. */
function spawnCli(args: Array<string>, cwd: string) {
  const script =
    'import(' +
    JSON.stringify(path.join(root, 'lib/cli.ts')) +
    ').then(async ({run}) => { process.exitCode = await run(process.argv.slice(1), {stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), isTTY: true}) })'
  const loader = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href
  const child = spawn(process.execPath, ['--import', loader, '--input-type=module', '-e', script, ...args], {cwd, stdio: ['ignore', 'ignore', 'pipe'], env: {...process.env, NODE_OPTIONS: ''}})
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8')
  })
  const done = new Promise<{code: number | null; signal: NodeJS.Signals | null; stderr: string}>((resolve) => child.on('close', (code, signal) => resolve({code, signal, stderr})))
  return {child, done}
}

test('download: SIGKILL while downloading, then a rerun: no partial image, nothing saved fetched again, the same folder as a clean run', async function () {
  const slow = await startImageServer({latency: 50})
  try {
    const files: Record<string, string> = {}
    for (let index = 0; index < 60; index++)
      files['pages/p' + String(index).padStart(2, '0') + '.html'] = article(
        '杀' + index,
        `<p><img src="${slow.origin}/img/k${index}a.png?size=64" alt="甲"><img src="${slow.origin}/img/k${index}b.png?size=32" alt="乙"></p>`
      )
    const dir = await folder(files)
    const argv = ['pages', '--out', 'out', '--layout', 'hugo', '--images', 'download', '--jobs', '1']
    assert.is((await cli(['pages', '--out', 'clean', '--layout', 'hugo', '--images', 'download'], dir)).code, 0)
    const clean = await tree(path.join(dir, 'clean'))
    const before = new Map(slow.hits)
    const running = spawnCli(argv, dir)
    // Kill once the manifest records some images and others are on the way.
    for (let waited = 0; waited < 60_000; waited += 20) {
      // Each write lands in the manifest's journal first.
      const text = await fs.readFile(path.join(dir, 'out', '.news-markdown-manifest.json.journal'), 'utf8').catch(() => '')
      if (text.includes('"hash"')) break
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    running.child.kill('SIGKILL')
    assert.is((await running.done).signal, 'SIGKILL')
    const killed = await tree(path.join(dir, 'out'))
    let images = 0
    for (const [name, bytes] of killed) {
      // Temporary files (removed at the next start) and the manifest aside.
      if (name.split('/').some((segment) => segment.startsWith('.'))) continue
      assert.ok(clean.get(name)?.equals(bytes), 'after the kill, ' + name + ' is whole and as a clean run writes it')
      if (name.endsWith('.png')) images++
    }
    assert.ok(images > 0 && images < 120, images + ' of 120 images were in place at the kill')
    const recorded = Object.values(await manifest(dir)).flatMap((entry) => (entry.images || []).filter((image) => image.file).map((image) => new URL(image.url)))
    const hitsAtKill = new Map(recorded.map((url) => [url.pathname + url.search, slow.hits.get(url.pathname + url.search) || 0]))
    const rerun = await cli(argv, dir)
    assert.is(rerun.code, 0, rerun.stderr)
    assert.equal(await tree(path.join(dir, 'out')), clean, 'the rerun leaves the folder a clean run leaves')
    for (const [key, hits] of hitsAtKill) assert.is(slow.hits.get(key), hits, key + ' was saved before the kill and not fetched again')
    assert.ok(hitsAtKill.size > 0, 'the manifest recorded images before the kill')
    const fetchedTwice = [...slow.hits].filter(([key, hits]) => hits - (before.get(key) || 0) > 1 && hitsAtKill.has(key))
    assert.equal(fetchedTwice, [])
  } finally {
    await slow.close()
  }
})

test('images: usage errors', async function () {
  const dir = await folder({'a.html': article('x', '')})
  const bad = await cli(['a.html', '--out', 'out', '--images', 'all'], dir)
  assert.is(bad.code, 2)
  assert.match(bad.stderr, 'Invalid `--images` `all`: expected one of keep, copy, download')
  const root = await cli(['a.html', '--out', 'out', '--image-root', 'x'], dir)
  assert.is(root.code, 2)
  assert.match(root.stderr, 'need `--images copy` or `--images download`')
  const stdin = await cli(['--images', 'copy'], dir, article('x', ''))
  assert.is(stdin.code, 2)
  const size = await cli(['a.html', '--out', 'out', '--images', 'download', '--image-max-size', 'big'], dir)
  assert.match(size.stderr, 'Invalid `--image-max-size` `big`')
})

test.run()
