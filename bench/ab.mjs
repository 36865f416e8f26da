// Two builds of news-markdown in one process, alternating on the same pages:
// is the working tree's `convert()` slower than an earlier build's? On a
// shared machine two processes see different loads; one process running
// both in turn sees the same. Each round runs one batch of the base build,
// one of the head build and one more of the base build (the A/A control:
// the same code in another slot), in a rotated order, and reports the
// median of the per-round ratios, wall time and CPU time (user + system
// of the whole process, `process.cpuUsage()`, so garbage collection
// counts; it is collected before each batch when node runs with
// `--expose-gc`).
//
// Usage:
//   node --expose-gc ab.mjs --base PROJECT_DIR [--head PROJECT_DIR] [--sets a,b] [--rounds N] [--target-ms MS]
// `PROJECT_DIR`: a checkout with `dist/` built (`npm run build`), e.g. a
// `git worktree add --detach DIR COMMIT` of the commit to compare with;
// `--head` defaults to this project (`..`, built by `npm run ab`).
// A ratio above 1 means the head is slower (its time over the base's).
import path from 'node:path'
import {parseArgs} from 'node:util'
import {performance} from 'node:perf_hooks'
import {pathToFileURL} from 'node:url'
import {corpusSet, setNames} from './corpus.mjs'

const {values} = parseArgs({
  options: {
    base: {type: 'string'},
    head: {type: 'string', default: path.resolve(import.meta.dirname, '..')},
    sets: {type: 'string', default: setNames.join(',')},
    rounds: {type: 'string', default: '12'},
    'target-ms': {type: 'string', default: '400'}
  }
})
if (!values.base) {
  console.error('Usage: node --expose-gc ab.mjs --base PROJECT_DIR [--head PROJECT_DIR] [--sets a,b] [--rounds N] [--target-ms MS]')
  process.exit(2)
}
const rounds = Number(values.rounds)
const targetMs = Number(values['target-ms'])
const sets = values.sets.split(',')

/** `convert` of the build in `dir` (its `dist/index.js`). */
async function load(dir) {
  const {convert} = await import(pathToFileURL(path.resolve(dir, 'dist/index.js')).href)
  return async (html) => String(await convert(html))
}

const base = await load(values.base)
const head = await load(values.head)

/** Convert every page once; throws on the first page that throws. */
async function pass(run, pages) {
  for (const page of pages) await run(page)
}

/** Wall and CPU milliseconds of `passes` passes. */
async function time(run, pages, passes) {
  if (globalThis.gc) globalThis.gc()
  const cpu = process.cpuUsage()
  const start = performance.now()
  for (let index = 0; index < passes; index++) await pass(run, pages)
  const used = process.cpuUsage(cpu)
  return {ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000}
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

const format = (ratio) => ratio.toFixed(2) + '×'
const slots = [
  ['base', base],
  ['head', head],
  ['base again', base]
]
console.log('base: ' + path.resolve(values.base) + '\nhead: ' + path.resolve(values.head) + '\nrounds: ' + rounds + (globalThis.gc ? ', gc before each batch' : ', no --expose-gc'))
console.log('\n| set | head ÷ base (wall) | head ÷ base (CPU) | A/A (wall) | A/A (CPU) | base ms/pass (CPU) |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
for (const set of sets) {
  const pages = corpusSet(set)
  // Warm both up (one second each at least one pass), then size a batch on the base.
  for (const [, run] of slots.slice(0, 2)) {
    const start = performance.now()
    do await pass(run, pages)
    while (performance.now() - start < 1000)
  }
  const once = await time(base, pages, 1)
  const passes = Math.max(1, Math.round(targetMs / once.ms))
  const ratios = {wall: [], cpu: [], aaWall: [], aaCpu: []}
  const baseCpu = []
  for (let round = 0; round < rounds; round++) {
    const results = new Map()
    // Rotate the order so that no slot always runs first.
    for (let at = 0; at < slots.length; at++) {
      const [name, run] = slots[(at + round) % slots.length]
      results.set(name, await time(run, pages, passes))
    }
    const first = results.get('base')
    ratios.wall.push(results.get('head').ms / first.ms)
    ratios.cpu.push(results.get('head').cpuMs / first.cpuMs)
    ratios.aaWall.push(results.get('base again').ms / first.ms)
    ratios.aaCpu.push(results.get('base again').cpuMs / first.cpuMs)
    baseCpu.push(first.cpuMs / passes)
  }
  console.log(
    '| ' + set + ' | ' + [format(median(ratios.wall)), format(median(ratios.cpu)), format(median(ratios.aaWall)), format(median(ratios.aaCpu)), median(baseCpu).toFixed(1)].join(' | ') + ' |'
  )
}
