// One child process per (tool, corpus set), driven over IPC by run.mjs or
// scale.mjs: check, warm up, calibrate a fixed batch, then time one batch
// per `round` message (wall and CPU time: `process.cpuUsage()`, user +
// system, all threads of the process, so garbage collection counts); report
// peak RSS (`maxRSS`) on `end`.
// Usage: node child.mjs TOOL CORPUS_JSON WARMUP_MS TARGET_MS
import fs from 'node:fs'
import {performance} from 'node:perf_hooks'
import {bytes} from './corpus.mjs'
import {tools} from './tools.mjs'

const [tool, corpusFile, warmupMs = '1000', targetMs = '300'] = process.argv.slice(2)
const send = (message) => new Promise((resolve) => process.send(message, resolve))

/** Convert every page once; count pages that throw. */
async function pass(run, pages) {
  let errors = 0
  let size = 0
  let error
  for (const page of pages) {
    try {
      size += (await run(page)).length
    } catch (cause) {
      errors++
      error ??= String((cause && cause.message) || cause).split('\n')[0]
    }
  }
  return {errors, size, error}
}

/** Wall and CPU milliseconds of `passes` passes. */
async function time(run, pages, passes) {
  const cpu = process.cpuUsage()
  const start = performance.now()
  for (let i = 0; i < passes; i++) await pass(run, pages)
  const ms = performance.now() - start
  const used = process.cpuUsage(cpu)
  return {ms, cpuMs: (used.user + used.system) / 1000}
}

try {
  const pages = JSON.parse(fs.readFileSync(corpusFile, 'utf8'))
  const run = await tools[tool]()
  // The first pass checks the output and counts errors; then warm up for
  // WARMUP_MS (at least one more pass) and pick the batch size.
  const check = await pass(run, pages)
  let passes = 0
  const start = performance.now()
  while (passes < 1 || performance.now() - start < Number(warmupMs)) {
    await pass(run, pages)
    passes++
  }
  const perPass = (performance.now() - start) / passes
  const batch = Math.max(1, Math.round(Number(targetMs) / perPass))
  process.on('message', async (message) => {
    if (message.type === 'round') {
      const {ms, cpuMs} = await time(run, pages, batch)
      await send({type: 'result', round: message.round, ms, cpuMs})
    } else if (message.type === 'end') {
      await send({type: 'done', maxRSS: process.resourceUsage().maxRSS * 1024})
      process.exit(0)
    }
  })
  await send({type: 'ready', pages: pages.length * batch, bytes: bytes(pages) * batch, batch, outChars: check.size, errors: check.errors, error: check.error, pagesPerPass: pages.length})
} catch (cause) {
  await send({type: 'failed', error: String((cause && cause.stack) || cause)})
  process.exit(1)
}
