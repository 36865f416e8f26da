// Kill the CLI with SIGKILL at random points of a 2,000-page batch, 20
// times, and check that nothing is lost or half-written:
//
// - right after each kill: every Markdown file in the folder is byte-identical
//   to the one a clean run writes at that path, and the manifest (if any) is
//   valid JSON whose entries name existing outputs with their hashes;
// - each rerun completes (exit 0), and then the whole folder (manifest
//   included) is byte-identical to a clean run's, with no temporary file or
//   lock left.
//
// Kills come in pairs: one during the first run, one during the resumed
// run, then a final rerun. Trials alternate `--jobs 1` and `--jobs 2`.
//
// Usage: npm run build && npx tsx scripts/kill-test.ts [--pages 2000] [--kills 20] [--seed 1]
import {comparable} from '../test/util/cli-harness.js'
import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

const {values} = parseArgs({
  options: {pages: {type: 'string', default: '2000'}, kills: {type: 'string', default: '20'}, seed: {type: 'string', default: '1'}, layout: {type: 'string', default: 'hugo'}}
})
const pageCount = Number(values.pages)
const killCount = Number(values.kills)
let seed = Number(values.seed)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'bin/news-markdown.js')

/** mulberry32: the same kill points for the same seed. */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

function page(index: number): string {
  // Every tenth title repeats (collision suffixes); bodies vary in length.
  const title = index % 10 === 0 ? '重复的标题' : '文章' + index
  const url = index % 3 === 0 ? '<link rel="canonical" href="https://www.bannedbook.org/bnews/zh/2020' + String(1 + (index % 12)).padStart(2, '0') + '15/' + (100000 + index) + '.html">' : ''
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    url +
    '<title>' +
    title +
    '</title></head><body><h2>' +
    title +
    '</h2>' +
    '<div class="entry"><p>（来源：美國之音 作者：记者' +
    (index % 7) +
    '）</p>' +
    ('<p>第' + index + '篇的正文，记者报道了当地的情况。<b>重点</b>内容。</p>').repeat(1 + (index % 9)) +
    '<ul class="op-related-articles" title="相关阅读"><li><a href="https://www.bannedbook.org/bnews/' +
    index +
    '.html">相关' +
    index +
    '</a></li></ul></div>' +
    '<div class="postfooter">本文标签：<a rel="tag" href="/t/1">标签' +
    (index % 13) +
    '</a></div></body></html>'
  )
}

function tryComparable(name: string, bytes: Buffer): Buffer {
  try {
    return comparable(name, bytes)
  } catch {
    return bytes
  }
}

async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>()
  const entries = await fs.readdir(dir, {withFileTypes: true, recursive: true}).catch(() => [])
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    const name = path.relative(dir, file).split(path.sep).join('/')
    const bytes = await fs.readFile(file)
    // A manifest read mid-write by a kill is left as is: `afterKill` reports it.
    result.set(name, name.endsWith('.json') ? tryComparable(name, bytes) : bytes)
  }
  return new Map([...result].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
}

function runCli(out: string, cwd: string, jobs: number) {
  const child = spawn(process.execPath, [bin, 'pages', '--out', out, '--layout', String(values.layout), '--jobs', String(jobs), '--quiet'], {cwd, stdio: ['ignore', 'ignore', 'pipe']})
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8')
  })
  const done = new Promise<{code: number | null; signal: NodeJS.Signals | null; stderr: string}>((resolve) => child.on('close', (code, signal) => resolve({code, signal, stderr})))
  return {child, done}
}

/** Problems in a folder right after a kill. */
async function afterKill(dir: string, clean: Map<string, Buffer>): Promise<Array<string>> {
  const problems: Array<string> = []
  const files = await snapshot(dir)
  for (const [name, bytes] of files) {
    if (!name.endsWith('.md')) continue
    const want = clean.get(name)
    if (!want) problems.push('unexpected file ' + name)
    else if (!want.equals(bytes)) problems.push('half-written or different ' + name)
  }
  const manifest = files.get('.news-markdown-manifest.json')
  if (manifest) {
    try {
      const data = JSON.parse(manifest.toString('utf8')) as {files: Record<string, {output: string; outputHash: string}>}
      // Changes since the last save are in the journal (one JSON line each).
      for (const line of (files.get('.news-markdown-manifest.json.journal')?.toString('utf8') || '').split('\n')) {
        if (!line.trim()) continue
        const record = JSON.parse(line.trim()) as {input: string; entry: {output: string; outputHash: string} | null}
        if (record.entry) data.files[record.input] = record.entry
        else delete data.files[record.input]
      }
      for (const [input, entry] of Object.entries(data.files)) {
        const output = files.get(entry.output)
        if (!output || createHash('sha256').update(output).digest('hex') !== entry.outputHash) problems.push('manifest entry without its output: ' + input)
      }
    } catch {
      problems.push('manifest is not valid JSON')
    }
  }
  return problems
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

const work = await fs.mkdtemp(path.join(os.tmpdir(), 'news-markdown-kill-'))
await fs.mkdir(path.join(work, 'pages'))
for (let index = 0; index < pageCount; index++) await fs.writeFile(path.join(work, 'pages', String(index).padStart(5, '0') + '.html'), page(index))

const cleanStart = performance.now()
const clean = await runCli('clean', work, 2).done
const cleanTime = performance.now() - cleanStart
if (clean.code !== 0) throw new Error('clean run failed: ' + clean.stderr)
const reference = await snapshot(path.join(work, 'clean'))
console.log('clean run: %d pages, %d files, %s s (--jobs 2)', pageCount, reference.size, (cleanTime / 1000).toFixed(1))

let kills = 0
let survived = 0
let trials = 0
const failures: Array<string> = []
const start = performance.now()
while (kills < killCount) {
  trials++
  const jobs = trials % 2 === 0 ? 2 : 1
  const out = 'killed-' + trials
  const dir = path.join(work, out)
  // Runs with --jobs 1 take about twice as long.
  const span = cleanTime * (jobs === 1 ? 2 : 1)
  const points: Array<number> = []
  for (let round = 0; round < 2 && kills < killCount; round++) {
    const delay = 30 + random() * span * 0.95
    const running = runCli(out, work, jobs)
    const timer = setTimeout(() => running.child.kill('SIGKILL'), delay)
    const result = await running.done
    clearTimeout(timer)
    if (result.signal !== 'SIGKILL') {
      // Finished before the kill point: not a kill; try another point.
      round--
      if (result.code !== 0) failures.push('trial ' + trials + ': run failed: ' + result.stderr.slice(0, 300))
      await fs.rm(dir, {recursive: true, force: true})
      continue
    }
    kills++
    const written = [...(await snapshot(dir)).keys()].filter((name) => name.endsWith('.md')).length
    points.push(Math.round(delay))
    const problems = await afterKill(dir, reference)
    if (problems.length > 0) failures.push('after kill ' + kills + ' (' + written + ' pages written): ' + problems.slice(0, 5).join('; '))
    else survived++
  }
  const rerun = await runCli(out, work, jobs).done
  const problems = rerun.code === 0 ? compare(await snapshot(dir), reference) : ['rerun exited ' + rerun.code + ': ' + rerun.stderr.slice(0, 300)]
  const leftovers = [...(await snapshot(dir)).keys()].filter((name) => /news-markdown-tmp|\.lock$|\.takeover$/.test(name))
  if (leftovers.length > 0) problems.push('left behind: ' + leftovers.join(', '))
  if (problems.length > 0) failures.push('trial ' + trials + ' final: ' + problems.slice(0, 5).join('; '))
  console.log('trial %d (--jobs %d): killed at %s ms; rerun %s', trials, jobs, points.join(' and '), problems.length === 0 ? 'byte-identical to the clean run' : 'DIFFERS')
  await fs.rm(dir, {recursive: true, force: true})
}

console.log('')
console.log('pages per run:          %d', pageCount)
console.log('kills (SIGKILL):        %d', kills)
console.log('kills survived:         %d/%d (no half-written file, manifest consistent)', survived, kills)
console.log('reruns identical:       %d/%d (byte-identical to a clean run, no temporary file or lock left)', trials - failures.filter((failure) => failure.includes('final')).length, trials)
console.log('time:                   %s s', ((performance.now() - start) / 1000).toFixed(1))
for (const failure of failures) console.log('FAILURE: ' + failure)
await fs.rm(work, {recursive: true, force: true})
process.exitCode = failures.length > 0 ? 1 : 0
