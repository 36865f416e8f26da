// How much faster can two converters be than one on this machine? Not a
// test: it prints figures. `convert()` runs over the fixture pages (in
// memory, no file I/O) in 1 process, then in 2 processes at once, then in
// 1 and 2 worker threads of one process. The ratios are the ceiling for
// `--jobs 2` / `--jobs 1`: the CLI adds reading, naming and writing on top.
//
//   npm run build && npx tsx scripts/parallel-ceiling.ts [--passes 40] [--dir FOLDER]
//
// `--dir` converts the `.html`/`.htm` pages under FOLDER instead of the
// fixtures (`scripts/bench-cli.ts --corpus real` passes the real corpus).
import {execFile} from 'node:child_process'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {Worker} from 'node:worker_threads'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {values} = parseArgs({options: {passes: {type: 'string', default: '40'}, dir: {type: 'string'}}})
const passes = Number(values.passes)
const folder = values.dir ? path.resolve(values.dir) : undefined

// One converter (a child process or a worker thread, as plain JavaScript):
// convert every fixture page `passes` times, report pages and time.
const child = `(async () => {
  const fs = require('node:fs'), path = require('node:path')
  const {convert} = await import(${JSON.stringify(pathToFileURL(path.join(root, 'dist/index.js')).href)})
  const fixtures = ${JSON.stringify(path.join(root, 'fixtures'))}
  const folder = ${JSON.stringify(folder ?? null)}
  const files = folder
    ? fs.readdirSync(folder, {recursive: true}).map(String).filter((name) => /\\.html?$/i.test(name)).sort().map((name) => path.join(folder, name))
    : fs.readdirSync(fixtures).sort().map((name) => path.join(fixtures, name, 'input.html')).filter((file) => fs.existsSync(file))
  const pages = files.map((file) => fs.readFileSync(file))
  const start = performance.now()
  let count = 0
  for (let pass = 0; pass < ${passes}; pass++) for (const page of pages) { await convert(page).catch(() => undefined); count++ }
  const report = JSON.stringify({count, ms: performance.now() - start})
  const {parentPort} = require('node:worker_threads')
  if (parentPort) parentPort.postMessage(report); else process.stdout.write(report)
})()`

const processes = (n: number) =>
  timed(
    n,
    () =>
      new Promise<number>((resolve, reject) => {
        execFile(process.execPath, ['-e', child], (error, stdout) => (error ? reject(error) : resolve((JSON.parse(stdout) as {count: number}).count)))
      })
  )
const threads = (n: number) =>
  timed(
    n,
    () =>
      new Promise<number>((resolve, reject) => {
        const worker = new Worker(child, {eval: true})
        worker.once('message', (report: string) => resolve((JSON.parse(report) as {count: number}).count))
        worker.once('error', reject)
      })
  )

const one = await processes(1)
const two = await processes(2)
const oneThread = await threads(1)
const twoThreads = await threads(2)
console.log('1 process   ' + one.toFixed(0).padStart(6) + ' pages/s')
console.log('2 processes ' + two.toFixed(0).padStart(6) + ' pages/s  ' + (two / one).toFixed(2) + '× one process')
console.log('1 thread    ' + oneThread.toFixed(0).padStart(6) + ' pages/s')
console.log('2 threads   ' + twoThreads.toFixed(0).padStart(6) + ' pages/s  ' + (twoThreads / oneThread).toFixed(2) + '× one thread')

/** Pages per second of `n` converters started at once (start-up included). */
async function timed(n: number, start: () => Promise<number>): Promise<number> {
  const begin = performance.now()
  const counts = await Promise.all(Array.from({length: n}, start))
  return counts.reduce((a, b) => a + b, 0) / ((performance.now() - begin) / 1000)
}
