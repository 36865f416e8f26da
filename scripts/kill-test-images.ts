// Kill the CLI with SIGKILL while `--images download` is fetching, then
// rerun, and check:
//
// - right after each kill: every file in the output folder (Markdown and
//   images) is byte-identical to the one a clean run writes at that path
//   (no partial image file), and the manifest is valid JSON whose images
//   name existing files with their hashes;
// - every image URL the manifest records as saved at a kill is not fetched
//   again by the runs after it;
// - each rerun exits 0 and leaves the folder byte-identical to a clean run's
//   (manifest included, stamps aside), with no temporary file or lock.
//
// The images come from a local server on 127.0.0.1 with 5 ms latency per
// request: shared images, one per page, and a 404 every 20 pages.
//
// Usage: npm run build && npx tsx scripts/kill-test-images.ts [--pages 400] [--kills 10] [--seed 1]
import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {comparable} from '../test/util/cli-harness.js'
import {startImageServer} from '../test/util/image-server.js'

const {values} = parseArgs({
  options: {pages: {type: 'string', default: '400'}, kills: {type: 'string', default: '10'}, seed: {type: 'string', default: '1'}, layout: {type: 'string', default: 'hugo'}}
})
const pageCount = Number(values.pages)
const killCount = Number(values.kills)
let seed = Number(values.seed)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'bin/news-markdown.js')
const server = await startImageServer({latency: 5})

/** mulberry32: the same kill points for the same seed. */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

function page(index: number): string {
  const o = server.origin
  const images = [`<img src="${o}/img/shared-${index % 25}.png?size=64" alt="共用">`, `<img src="${o}/img/own-${index}.png?size=${8 + (index % 50)}" alt="本篇">`]
  if (index % 20 === 0) images.push(`<img src="${o}/status/404/gone-${index}.png" alt="失效">`)
  return (
    '<!doctype html><html><head><meta charset="utf-8"><link rel="canonical" href="https://www.bannedbook.org/bnews/zh/20200415/' +
    (100000 + index) +
    '.html"><title>文章' +
    index +
    '</title></head><body><h2>文章' +
    index +
    '</h2>' +
    '<div class="entry"><p>（来源：美國之音 作者：记者' +
    (index % 7) +
    '）</p><p>第' +
    index +
    '篇的正文，记者报道了当地的情况。</p><p>' +
    images.join('</p><p>') +
    '</p><p>第二段。</p></div>' +
    '<div class="postfooter">本文标签：<a rel="tag" href="/t/1">标签' +
    (index % 13) +
    '</a></div></body></html>'
  )
}

async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>()
  const entries = await fs.readdir(dir, {withFileTypes: true, recursive: true}).catch(() => [])
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    const name = path.relative(dir, file).split(path.sep).join('/')
    const bytes = await fs.readFile(file)
    let value: Buffer = bytes
    if (name.endsWith('.json')) {
      try {
        value = comparable(name, bytes)
      } catch {}
    }
    result.set(name, value)
  }
  return new Map([...result].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
}

function runCli(out: string, cwd: string, jobs: number) {
  const child = spawn(process.execPath, [bin, 'pages', '--out', out, '--layout', String(values.layout), '--jobs', String(jobs), '--images', 'download', '--quiet'], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8')
  })
  const done = new Promise<{code: number | null; signal: NodeJS.Signals | null; stderr: string}>((resolve) => child.on('close', (code, signal) => resolve({code, signal, stderr})))
  return {child, done}
}

interface ManifestFile {
  files: Record<string, {output: string; outputHash: string; images?: Array<{url: string; from?: string; file?: string; hash?: string}>}>
}

/** Problems right after a kill, and the image URLs the manifest records as saved. */
async function afterKill(dir: string, clean: Map<string, Buffer>): Promise<{problems: Array<string>; saved: Set<string>}> {
  const problems: Array<string> = []
  const saved = new Set<string>()
  const files = await snapshot(dir)
  for (const [name, bytes] of files) {
    if (name.startsWith('.') || name.includes('/.')) continue
    const want = clean.get(name)
    if (!want) problems.push('unexpected file ' + name)
    else if (!want.equals(bytes)) problems.push('partial or different ' + name)
  }
  const manifest = files.get('.news-markdown-manifest.json')
  if (manifest) {
    try {
      const data = JSON.parse(manifest.toString('utf8')) as ManifestFile
      for (const [input, entry] of Object.entries(data.files)) {
        const output = files.get(entry.output)
        if (!output || createHash('sha256').update(output).digest('hex') !== entry.outputHash) problems.push('manifest entry without its output: ' + input)
        for (const image of entry.images || []) {
          if (!image.file) continue
          const bytes = files.get(image.file)
          if (!bytes || createHash('sha256').update(bytes).digest('hex') !== image.hash) problems.push('manifest image without its file: ' + image.file)
          else saved.add(image.from || image.url)
        }
      }
    } catch {
      problems.push('manifest is not valid JSON')
    }
  }
  return {problems, saved}
}

function compare(actual: Map<string, Buffer>, expected: Map<string, Buffer>): Array<string> {
  const problems: Array<string> = []
  for (const name of new Set([...actual.keys(), ...expected.keys()])) {
    const a = actual.get(name)
    const b = expected.get(name)
    if (!a) problems.push('missing ' + name)
    else if (!b) problems.push('extra ' + name)
    else if (!a.equals(b)) problems.push('differs ' + name)
  }
  return problems
}

function hitsOf(urls: Set<string>): Map<string, number> {
  const result = new Map<string, number>()
  for (const url of urls) {
    const parsed = new URL(url)
    result.set(url, server.hits.get(parsed.pathname + parsed.search) || 0)
  }
  return result
}

const work = await fs.mkdtemp(path.join(os.tmpdir(), 'news-markdown-kill-images-'))
await fs.mkdir(path.join(work, 'pages'))
for (let index = 0; index < pageCount; index++) await fs.writeFile(path.join(work, 'pages', String(index).padStart(5, '0') + '.html'), page(index))

const cleanStart = performance.now()
const clean = await runCli('clean', work, 2).done
const cleanTime = performance.now() - cleanStart
if (clean.code !== 0) throw new Error('clean run failed: ' + clean.stderr)
const reference = await snapshot(path.join(work, 'clean'))
const images = [...reference.keys()].filter((name) => name.endsWith('.png')).length
console.log('clean run: %d pages, %d files (%d images), %s s (--jobs 2)', pageCount, reference.size, images, (cleanTime / 1000).toFixed(1))

let kills = 0
let survived = 0
let trials = 0
let refetched = 0
let checkedUrls = 0
const failures: Array<string> = []
const start = performance.now()
while (kills < killCount) {
  trials++
  const jobs = trials % 2 === 0 ? 2 : 1
  const out = 'killed-' + trials
  const dir = path.join(work, out)
  const span = cleanTime * (jobs === 1 ? 1.5 : 1)
  const points: Array<number> = []
  // URLs saved at a kill → their hit counts then: later runs must not fetch them.
  const watched = new Map<string, number>()
  for (let round = 0; round < 2 && kills < killCount; round++) {
    const delay = 50 + random() * span * 0.9
    const running = runCli(out, work, jobs)
    const timer = setTimeout(() => running.child.kill('SIGKILL'), delay)
    const result = await running.done
    clearTimeout(timer)
    if (result.signal !== 'SIGKILL') {
      round--
      if (result.code !== 0) failures.push('trial ' + trials + ': run failed: ' + result.stderr.slice(0, 300))
      await fs.rm(dir, {recursive: true, force: true})
      watched.clear()
      continue
    }
    kills++
    points.push(Math.round(delay))
    const {problems, saved} = await afterKill(dir, reference)
    for (const [url, hits] of hitsOf(saved)) if (!watched.has(url)) watched.set(url, hits)
    if (problems.length > 0) failures.push('after kill ' + kills + ': ' + problems.slice(0, 5).join('; '))
    else survived++
  }
  const rerun = await runCli(out, work, jobs).done
  const problems = rerun.code === 0 ? compare(await snapshot(dir), reference) : ['rerun exited ' + rerun.code + ': ' + rerun.stderr.slice(0, 300)]
  const leftovers = [...(await snapshot(dir)).keys()].filter((name) => /news-markdown-tmp|\.lock$|\.takeover$/.test(name))
  if (leftovers.length > 0) problems.push('left behind: ' + leftovers.join(', '))
  const now = hitsOf(new Set(watched.keys()))
  const again = [...watched].filter(([url, hits]) => (now.get(url) || 0) > hits).map(([url]) => url)
  checkedUrls += watched.size
  refetched += again.length
  if (again.length > 0) problems.push('fetched again after it was saved: ' + again.slice(0, 3).join(', '))
  if (problems.length > 0) failures.push('trial ' + trials + ' final: ' + problems.slice(0, 5).join('; '))
  console.log(
    'trial %d (--jobs %d): killed at %s ms; %d saved URLs watched, %d fetched again; rerun %s',
    trials,
    jobs,
    points.join(' and '),
    watched.size,
    again.length,
    problems.length === 0 ? 'byte-identical to the clean run' : 'DIFFERS'
  )
  await fs.rm(dir, {recursive: true, force: true})
}

console.log('')
console.log('pages per run:            %d (%d image files)', pageCount, images)
console.log('kills (SIGKILL):          %d', kills)
console.log('kills survived:           %d/%d (no partial file, manifest consistent)', survived, kills)
console.log('saved URLs fetched again: %d of %d watched', refetched, checkedUrls)
console.log('reruns identical:         %d/%d (byte-identical to a clean run, no temporary file or lock left)', trials - failures.filter((failure) => failure.includes('final')).length, trials)
console.log('time:                     %s s', ((performance.now() - start) / 1000).toFixed(1))
for (const failure of failures) console.log('FAILURE: ' + failure)
await server.close()
await fs.rm(work, {recursive: true, force: true})
process.exitCode = failures.length > 0 ? 1 : 0
