// `--images download` with real generators: pages whose images come from a
// local server on 127.0.0.1, a “Save Page As… complete” folder and a web
// mirror are converted for Hugo, Jekyll, Eleventy and Astro and built; every
// `<img src>` of the built pages must resolve to a file of the built site,
// and every image must be there. The site skeletons are those of
// `test/generators.ts` (`test/generators/<name>/`).
import {spawnSync} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Element} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {selectAll} from 'hast-util-select'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import type {LayoutName} from '../lib/output/layouts.js'
import type {ReportEntry} from '../lib/cli/report.js'
import {cli} from './util/cli-harness.js'
import {png, startImageServer} from './util/image-server.js'
import type {ImageServer} from './util/image-server.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const skeletons = path.join(root, 'test', 'generators')
const origin = 'https://example.org'

let server: ImageServer
const folders: Array<string> = []

test.before(async function () {
  server = await startImageServer()
})

test.after(async function () {
  await server.close()
  if (!process.env.NEWS_MARKDOWN_KEEP_SITES) await Promise.all(folders.map((folder) => fs.rm(folder, {recursive: true, force: true})))
  else console.error('  sites kept: ' + folders.join(' '))
})

const article = (title: string, url: string, body: string) =>
  '<!doctype html><html><head><meta charset="utf-8"><link rel="canonical" href="' +
  url +
  '"><title>' +
  title +
  '</title>' +
  '<meta property="article:published_time" content="2020-04-06T10:00:00+08:00"></head><body><h1>' +
  title +
  '</h1>' +
  '<div class="entry"><p>正文第一段，记者报道了当地的情况。</p>' +
  body +
  '<p>第二段内容，更多的文字。</p></div>' +
  '<div class="postfooter"><a rel="tag" href="/tag/1">图片</a></div></body></html>'

/** Three pages: remote images, a saved page with its `_files` folder, a mirrored page. */
async function inputs(dir: string): Promise<void> {
  const o = server.origin
  const files: Record<string, string | Uint8Array> = {
    'remote/story.html': article(
      '远程图片',
      'https://news.example/2020/04/06/story-1.html',
      `<figure><img src="${o}/img/cover.png?size=40" alt="封面"><figcaption>封面图</figcaption></figure><p><img src="${o}/redirect/2/moved.png" alt="搬家"><img src="${o}/same/x.png" alt="同"></p>`
    ),
    'saved/报道.html': article('另存网页', 'https://news.example/2020/04/06/saved-2.html', '<p><img src="报道_files/photo.png" alt="照片"></p>'),
    'saved/报道_files/photo.png': png(20, 10, 'saved'),
    'mirror/news.example/2020/04/mirrored-3.html': article('镜像网页', 'https://news.example/2020/04/mirrored-3.html', '<p><img src="../../wp-content/uploads/m.png" alt="镜像"></p>'),
    'mirror/news.example/wp-content/uploads/m.png': png(12, 12, 'mirror')
  }
  for (const [name, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, name)), {recursive: true})
    await fs.writeFile(path.join(dir, name), content)
  }
}

function spawn(name: string, command: string, args: Array<string>, options: {cwd?: string; env?: NodeJS.ProcessEnv} = {}) {
  const result = spawnSync(command, args, {encoding: 'utf8', timeout: 120_000, ...options})
  if (result.error) assert.unreachable(name + ' failed to run (install it with `scripts/install-generators.sh`): ' + String(result.error))
  assert.is(result.status, 0, name + ' exited with ' + String(result.status ?? result.signal) + ':\n' + result.stdout + result.stderr)
}

interface Built {
  /** The generator's output folder. */
  output: string
  report: Array<ReportEntry>
}

async function convert(layout: LayoutName, dir: string, out: string): Promise<Array<ReportEntry>> {
  await inputs(path.join(dir, 'in'))
  const report = path.join(dir, 'report.json')
  const result = await cli(['in/remote', 'in/saved', 'in/mirror', '--out', out, '--layout', layout, '--images', 'download', '--report', report], dir)
  assert.is(result.code, 0, result.stderr)
  return (JSON.parse(await fs.readFile(report, 'utf8')) as {files: Array<ReportEntry>}).files
}

const generators: Record<string, (dir: string) => Promise<Built>> = {
  async hugo(dir) {
    const site = path.join(dir, 'site')
    const out = path.join(dir, 'content')
    await fs.cp(path.join(skeletons, 'hugo'), site, {recursive: true})
    const report = await convert('hugo', dir, out)
    spawn('Hugo', 'hugo', ['--source', site, '--contentDir', out, '--destination', path.join(dir, 'public'), '--quiet'])
    return {output: path.join(dir, 'public'), report}
  },
  async jekyll(dir) {
    const out = path.join(dir, 'site')
    const report = await convert('jekyll', dir, out)
    await fs.cp(path.join(skeletons, 'jekyll'), out, {recursive: true})
    const env = {...process.env, LANG: process.env.LANG || 'C.UTF-8'}
    spawn('Jekyll', 'jekyll', ['build', '--source', out, '--destination', path.join(dir, '_site'), '--quiet'], {cwd: out, env})
    return {output: path.join(dir, '_site'), report}
  },
  async eleventy(dir) {
    const out = path.join(dir, 'site')
    const report = await convert('eleventy', dir, out)
    await fs.writeFile(path.join(out, 'posts', 'posts.11tydata.json'), JSON.stringify({layout: 'post.njk'}) + '\n')
    await fs.cp(path.join(skeletons, 'eleventy'), out, {recursive: true})
    spawn('Eleventy', process.execPath, [path.join(root, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs'), '--quiet'], {cwd: out})
    return {output: path.join(out, '_site'), report}
  },
  async astro(dir) {
    const site = path.join(dir, 'site')
    await fs.cp(path.join(skeletons, 'astro'), site, {recursive: true})
    await fs.symlink(path.join(root, 'node_modules'), path.join(site, 'node_modules'), 'dir')
    const report = await convert('astro', dir, path.join(site, 'src', 'content', 'news'))
    spawn('Astro', process.execPath, [path.join(root, 'node_modules', 'astro', 'astro.js'), 'build', '--root', site, '--silent'], {cwd: site, env: {...process.env, ASTRO_TELEMETRY_DISABLED: '1'}})
    return {output: path.join(site, 'dist'), report}
  }
}

/** The built file a URL of the site points to, or `undefined` when it is outside the site. */
function resolve(output: string, page: string, src: string): string | undefined {
  const base = origin + '/' + path.relative(output, page).split(path.sep).join('/')
  const url = new URL(src, base)
  if (url.origin !== origin) return undefined
  return path.join(output, ...decodeURIComponent(url.pathname).split('/'))
}

for (const [name, build] of Object.entries(generators)) {
  test(name + ': the built pages show every image from a file of the site', async function () {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'news-markdown-images-' + name + '-'))
    folders.push(dir)
    const {output, report} = await build(dir)
    assert.is(report.length, 3)
    for (const entry of report) {
      assert.is(entry.status, 'converted', entry.input)
      for (const image of entry.images || []) assert.is(image.status, 'saved', entry.input + ': ' + image.url + ': ' + image.reason)
    }
    const pages: Array<string> = []
    for (const item of await fs.readdir(output, {withFileTypes: true, recursive: true})) {
      if (item.isFile() && item.name.endsWith('.html')) pages.push(path.join(item.parentPath, item.name))
    }
    let checked = 0
    const titles = new Set<string>()
    for (const page of pages) {
      const tree = fromHtml(await fs.readFile(page, 'utf8'))
      const body = selectAll('.body', tree)[0] as Element | undefined
      if (!body) continue
      titles.add(String(selectAll('h1', tree).map((node) => (node.children[0] as {value?: string})?.value)[0]))
      for (const img of selectAll('img', body)) {
        const src = String(img.properties.src || '')
        assert.not.match(src, /^https?:\/\/127\.0\.0\.1/, page + ': an image still points at the old host: ' + src)
        const file = resolve(output, page, src)
        assert.ok(file, page + ': <img src="' + src + '"> leaves the site')
        const stats = await fs.stat(file).catch(() => undefined)
        assert.ok(stats && stats.isFile(), page + ': <img src="' + src + '"> resolves to no file (' + file + ')')
        checked++
      }
    }
    assert.equal([...titles].sort(), ['另存网页', '远程图片', '镜像网页'])
    assert.is(checked, 5, 'five images in the three built pages')
  })
}

test('astro: a relative image whose file could not be copied is written as a link, and the site builds', async function () {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'news-markdown-images-astro-missing-'))
  folders.push(dir)
  const files: Record<string, string | Uint8Array> = {
    // Saved without its URL: the images stay relative paths.
    'in/ferry.html': article(
      '渡轮复航',
      'https://news.example/2020/04/06/ferry-4.html',
      '<p><img src="pics/quay.png" alt="码头"></p><p><img src="pics/missing.jpg" alt="船长"></p><p><img src="pics/crane.bmp" alt="吊车"></p>'
    ).replace(/<link rel="canonical"[^>]*>/, ''),
    'in/pics/quay.png': png(16, 8, 'quay'),
    'in/pics/crane.bmp': Buffer.from('BM' + 'x'.repeat(60))
  }
  for (const [name, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, name)), {recursive: true})
    await fs.writeFile(path.join(dir, name), content)
  }
  const site = path.join(dir, 'site')
  await fs.cp(path.join(skeletons, 'astro'), site, {recursive: true})
  await fs.symlink(path.join(root, 'node_modules'), path.join(site, 'node_modules'), 'dir')
  const out = path.join(site, 'src', 'content', 'news')
  const result = await cli(['in', '--out', out, '--layout', 'astro', '--images', 'copy', '--verbose'], dir)
  assert.is(result.code, 0, result.stderr)
  assert.match(result.stderr, /image-not-saved ×2/, result.stderr)
  assert.match(result.stderr, /astro-relative-image ×2/)
  const written = (await fs.readdir(out, {recursive: true})).find((name) => String(name).endsWith('.md'))
  assert.ok(written, 'the page is written')
  const markdown = await fs.readFile(path.join(out, String(written)), 'utf8')
  assert.match(markdown, /!\[码头\]\(\.\/[^)]+\.png\)/, 'the copied image stays an image, at its copy')
  assert.ok(markdown.includes('\n[船长](pics/missing.jpg)\n'), 'a missing file: a link, not an image Astro would import:\n' + markdown)
  assert.ok(markdown.includes('\n[吊车](pics/crane.bmp)\n'), 'a type Astro cannot process: a link too:\n' + markdown)
  spawn('Astro', process.execPath, [path.join(root, 'node_modules', 'astro', 'astro.js'), 'build', '--root', site, '--silent'], {cwd: site, env: {...process.env, ASTRO_TELEMETRY_DISABLED: '1'}})
  const pages: Array<string> = []
  for (const item of await fs.readdir(path.join(site, 'dist'), {withFileTypes: true, recursive: true})) {
    if (item.isFile() && item.name.endsWith('.html')) pages.push(await fs.readFile(path.join(item.parentPath, item.name), 'utf8'))
  }
  const page = pages.find((html) => html.includes('渡轮复航') && html.includes('船长'))
  assert.ok(page, 'the page is built')
  assert.match(page, /<a href="pics\/missing\.jpg">船长<\/a>/)
})

test.run()
