// How much faster can two converters be than one on this machine? Not a
// test: it prints figures. `convert()` runs over the fixture pages (in
// memory, no file I/O) in 1 process, then in 2 processes at once, then in
// 1 and 2 worker threads of one process. The ratios are the ceiling for
// `--jobs 2` / `--jobs 1`: the CLI adds reading, naming and writing on top.
//
//   npm run build && npx tsx scripts/parallel-ceiling.ts [--passes 40]
import {execFile} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {Worker} from 'node:worker_threads'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {values} = parseArgs({options: {passes: {type: 'string', default: '40'}, child: {type: 'boolean', default: false}}})
const passes = Number(values.passes)

/** Convert every fixture page `passes` times; resolves to pages converted. */
async function convertAll(): Promise<number> {
  const {convert} = (await import(path.join(root, 'dist/index.js'))) as typeof import('../index.js')
  const pages = fs.readdirSync(path.join(root, 'fixtures')).sort().map((name) => path.join(root, 'fixtures', name, 'input.html')).filter((file) => fs.existsSync(file)).map((file) => fs.readFileSync(file))
  let count = 0
  for (let pass = 0; pass < passes; pass++) {
    for (const page of pages) {
      await convert(page).catch(() => undefined)
      count++
    }
  }
  return count
}

if (values.child) {
  // One converter (a child process or a worker thread): report pages and time.
  const start = performance.now()
  const count = await convertAll()
  const report = JSON.stringify({count, ms: performance.now() - start})
  const {parentPort} = await import('node:worker_threads')
  if (parentPort) parentPort.postMessage(report)
  else process.stdout.write(report)
} else {
  const script = fileURLToPath(import.meta.url)
  const processes = (n: number) => timed(() => Promise.all(Array.from({length: n}, () => new Promise<number>((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', script, '--child', '--passes', String(passes)], {cwd: root}, (error, stdout) => (error ? reject(error) : resolve((JSON.parse(stdout) as {count: number}).count)))
  }))))
  const threads = (n: number) => timed(() => Promise.all(Array.from({length: n}, () => new Promise<number>((resolve, reject) => {
    const worker = new Worker(script, {argv: ['--child', '--passes', String(passes)], execArgv: ['--import', 'tsx']})
    worker.once('message', (report: string) => resolve((JSON.parse(report) as {count: number}).count))
    worker.once('error', reject)
  }))))
  const one = await processes(1)
  const two = await processes(2)
  const oneThread = await threads(1)
  const twoThreads = await threads(2)
  console.log('1 process   ' + one.rate.toFixed(0).padStart(6) + ' pages/s')
  console.log('2 processes ' + two.rate.toFixed(0).padStart(6) + ' pages/s  ' + (two.rate / one.rate).toFixed(2) + '× one process')
  console.log('1 thread    ' + oneThread.rate.toFixed(0).padStart(6) + ' pages/s')
  console.log('2 threads   ' + twoThreads.rate.toFixed(0).padStart(6) + ' pages/s  ' + (twoThreads.rate / oneThread.rate).toFixed(2) + '× one thread')
}

async function timed(run: () => Promise<Array<number>>): Promise<{rate: number}> {
  const start = performance.now()
  const counts = await run()
  const seconds = (performance.now() - start) / 1000
  return {rate: counts.reduce((a, b) => a + b, 0) / seconds}
}
