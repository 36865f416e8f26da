// Start one child per job (one at a time, so warm-ups do not compete), then
// run the rounds round-robin in a rotated order: round k starts with job
// k mod n, so no tool always runs first. Children idle between rounds.
// The parent builds each corpus set once and hands it to the children as a
// JSON file, so all tools see the very same pages.
import {fork} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {corpusSet} from './corpus.mjs'

const childPath = new URL('./child.mjs', import.meta.url)

function start(job, file, settings) {
  const child = fork(childPath, [job.tool, file, String(settings.warmupMs), String(settings.targetMs)], {stdio: ['ignore', 'inherit', 'inherit', 'ipc']})
  const state = {...job, child, ms: [], cpuMs: [], waiting: null, failed: null}
  child.on('message', (message) => {
    if (message.type === 'failed') state.failed = message.error
    const waiting = state.waiting
    state.waiting = null
    waiting?.resolve(message)
  })
  child.on('exit', (code) => {
    if (code && !state.failed) state.failed = 'child exited with code ' + code
    const waiting = state.waiting
    state.waiting = null
    waiting?.resolve({type: 'failed', error: state.failed || 'child exited'})
  })
  return state
}

function ask(state, message) {
  return new Promise((resolve) => {
    state.waiting = {resolve}
    if (message) state.child.send(message)
  })
}

/** Run `jobs` ({tool, set}); resolve to one state per job with wall `ms` and `cpuMs` per round. */
export async function measure(jobs, settings) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-markdown-bench-'))
  const files = {}
  for (const {set} of jobs) {
    files[set] ??= path.join(dir, set + '.json')
    if (!fs.existsSync(files[set])) fs.writeFileSync(files[set], JSON.stringify(corpusSet(set)))
  }
  try {
    return await runJobs(jobs, files, settings)
  } finally {
    fs.rmSync(dir, {recursive: true, force: true})
  }
}

async function runJobs(jobs, files, settings) {
  const states = []
  for (const job of jobs) {
    const state = start(job, files[job.set], settings)
    const ready = await ask(state)
    if (ready.type === 'ready') Object.assign(state, ready)
    else state.failed = ready.error
    settings.log?.(job.tool + ' on ' + job.set + ': ' + (state.failed ? 'failed' : 'ready, batch ' + state.batch + ' x ' + state.pagesPerPass + ' pages'))
    states.push(state)
  }
  for (let round = 0; round < settings.rounds; round++) {
    for (let i = 0; i < states.length; i++) {
      const state = states[(round + i) % states.length]
      if (state.failed) continue
      const result = await ask(state, {type: 'round', round})
      if (result.type === 'result') {
        state.ms[round] = result.ms
        state.cpuMs[round] = result.cpuMs
      } else state.failed = result.error
    }
    settings.log?.('round ' + (round + 1) + '/' + settings.rounds + ' done')
  }
  for (const state of states) {
    if (state.failed) continue
    const done = await ask(state, {type: 'end'})
    if (done.type === 'done') state.maxRSS = done.maxRSS
  }
  return states
}

export function median(values) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b)
  if (!sorted.length) return NaN
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

export function machine() {
  const cpu = os.cpus()[0]
  return (
    'Machine: ' +
    (cpu ? cpu.model.trim() : 'unknown CPU') +
    ', ' +
    os.availableParallelism() +
    ' cores, ' +
    Math.round(os.totalmem() / 2 ** 30) +
    ' GB RAM, Node ' +
    process.version +
    ', ' +
    os.platform() +
    ' ' +
    os.arch() +
    ', ' +
    new Date().toISOString().slice(0, 16).replace('T', ' ') +
    ' UTC'
  )
}

/** `--name value` or `--name=value` from argv. */
export function flag(argv, name) {
  const index = argv.findIndex((arg) => arg === '--' + name || arg.startsWith('--' + name + '='))
  if (index < 0) return undefined
  const arg = argv[index]
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1] && !argv[index + 1].startsWith('--') ? argv[index + 1] : true
}
