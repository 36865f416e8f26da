// Benchmark news-markdown against its peers: one child process per
// (tool, corpus set), rounds interleaved and rotated, medians of paired
// per-round ratios of wall time and of CPU time, an A/A control (news-markdown
// in a second child) in every set. See README.md.
// Usage: node run.mjs [--quick] [--rounds N] [--sets a,b] [--tools a,b] [--json FILE]
import fs from 'node:fs'
import {setNames} from './corpus.mjs'
import {flag, machine, measure, median} from './driver.mjs'
import {labels, toolNames} from './tools.mjs'

const argv = process.argv.slice(2)
const quick = Boolean(flag(argv, 'quick'))
const rounds = Number(flag(argv, 'rounds') || (quick ? 5 : 15))
const settings = {rounds, warmupMs: quick ? 300 : 1000, targetMs: quick ? 150 : 400, log: (line) => console.error('  ' + line)}
const sets = list('sets', setNames)
// The references of the ratio columns and the A/A control always run.
const chosen = list('tools', toolNames)
const references = ['turndown', 'unified', 'parse5', ...(chosen.includes('news-markdown') ? ['news-markdown-aa'] : [])]
const tools = toolNames.filter((name) => chosen.includes(name) || references.includes(name))
const json = flag(argv, 'json')

function list(name, all) {
  const value = flag(argv, name)
  if (!value || value === true) return all
  const names = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
  for (const item of names) if (!all.includes(item)) throw new Error('Unknown ' + name + ' `' + item + '`, expected one of ' + all.join(', '))
  return names
}

const fixed = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : '–')
const sig = (value) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toPrecision(3)) : '–')
const chars = (n) => (n >= 1000 ? (n / 1000).toFixed(1) + 'k chars' : Math.round(n) + ' chars')
const size = (n) => (n >= 2 ** 20 ? (n / 2 ** 20).toFixed(2) + ' MB' : (n / 1024).toFixed(1) + ' KB')

/** Pages per second of wall time of each round (`undefined` where a round is missing). */
function rates(state) {
  return Array.from({length: rounds}, (_, round) => (state.ms[round] ? state.pages / (state.ms[round] / 1000) : undefined))
}

/** Pages per second of CPU time (user + system, all threads) of each round. */
function cpuRates(state) {
  return Array.from({length: rounds}, (_, round) => (state.cpuMs && state.cpuMs[round] ? state.pages / (state.cpuMs[round] / 1000) : undefined))
}

function pairedRatio(a, b) {
  return median(a.map((value, round) => value / b[round]))
}

function table(set, states) {
  const [first] = states.filter((state) => state.batch)
  const count = first ? first.pagesPerPass : 0
  const byTool = Object.fromEntries(states.map((state) => [state.tool, rates(state)]))
  const none = Array.from({length: rounds})
  const lines = [
    '### ' + set + ': ' + count + ' page' + (count > 1 ? 's' : '') + ', ' + size(first ? first.bytes / first.batch : 0) + ', ' + rounds + (rounds > 1 ? ' rounds' : ' round'),
    '',
    '| tool | pages/s | pages/CPU s | MB/s | × Turndown | × Turndown (CPU) | × unified | × unified (CPU) | cost in parse5 parses | peak RSS | Markdown per page | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
  ]
  const byToolCpu = Object.fromEntries(states.map((state) => [state.tool, cpuRates(state)]))
  for (const state of states) {
    const label = labels[state.tool]
    if (state.failed && !state.ms.length) {
      lines.push('| ' + label + ' | failed: ' + state.failed.split('\n')[0].replace(/\|/g, '\\|').slice(0, 120) + ' | | | | | | | | | | |')
      continue
    }
    const own = byTool[state.tool]
    const ownCpu = byToolCpu[state.tool]
    const pps = median(own)
    const mbps = (pps * (state.bytes / state.pages)) / 2 ** 20
    const errors = state.errors ? state.errors + '/' + state.pagesPerPass + ' (' + state.error.replace(/\|/g, '\\|').slice(0, 80) + ')' : '0'
    lines.push(
      '| ' +
        [
          label,
          sig(pps),
          sig(median(ownCpu)),
          fixed(mbps, 2),
          fixed(pairedRatio(own, byTool.turndown || none), 2) + '×',
          fixed(pairedRatio(ownCpu, byToolCpu.turndown || none), 2) + '×',
          fixed(pairedRatio(own, byTool.unified || none), 2) + '×',
          fixed(pairedRatio(ownCpu, byToolCpu.unified || none), 2) + '×',
          fixed(pairedRatio(byTool.parse5 || none, own), 1),
          state.maxRSS ? Math.round(state.maxRSS / 2 ** 20) + ' MB' : '–',
          chars(state.outChars / state.pagesPerPass),
          errors + (state.failed ? ' (died: ' + state.failed.split('\n')[0] + ')' : '')
        ].join(' | ') +
        ' |'
    )
  }
  return lines.join('\n')
}

/** Speed targets of issue 12: news-markdown pages/s ÷ Turndown pages/s, per set. */
const speedTargets = {fragment: 1, 'full-page': 2, large: 0.8, mixed: 1, real: 1}

/**
 * One row per set: news-markdown against Turndown and the unified chain
 * (wall and CPU), the A/A control (news-markdown ÷ its second child: the
 * noise floor of the run) and peak RSS against the unified chain.
 */
function summary(all) {
  const lines = [
    '### Summary: news-markdown `convert()`',
    '',
    '| set | × Turndown | × Turndown (CPU) | target | × unified (CPU) | A/A (wall) | A/A (CPU) | peak RSS | × unified RSS |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
  ]
  for (const [set, states] of Object.entries(all)) {
    const find = (tool) => states.find((state) => state.tool === tool) || {ms: [], cpuMs: []}
    const own = find('news-markdown')
    if (!own.ms.length) continue
    const control = find('news-markdown-aa')
    const unified = find('unified')
    const turndown = find('turndown')
    lines.push(
      '| ' +
        [
          set,
          fixed(pairedRatio(rates(own), rates(turndown)), 2) + '×',
          fixed(pairedRatio(cpuRates(own), cpuRates(turndown)), 2) + '×',
          speedTargets[set] === undefined ? '–' : '≥ ' + speedTargets[set] + '×',
          fixed(pairedRatio(cpuRates(own), cpuRates(unified)), 2) + '×',
          fixed(pairedRatio(rates(own), rates(control)), 2) + '×',
          fixed(pairedRatio(cpuRates(own), cpuRates(control)), 2) + '×',
          own.maxRSS ? Math.round(own.maxRSS / 2 ** 20) + ' MB' : '–',
          own.maxRSS && unified.maxRSS ? fixed(own.maxRSS / unified.maxRSS, 2) + '×' : '–'
        ].join(' | ') +
        ' |'
    )
  }
  return lines.join('\n')
}

/** The targets of issue 12 that one run can check (wall and CPU ratios must both meet a speed target). */
function targets(all) {
  const lines = ['Targets for news-markdown:']
  const check = (label, value, goal, most) =>
    lines.push('- ' + label + ': ' + fixed(value, 2) + '× (target ' + (most ? '≤ ' : '≥ ') + goal + '×, ' + ((most ? value <= goal : value >= goal) ? 'met' : 'not met') + ')')
  for (const [set, states] of Object.entries(all)) {
    const find = (tool) => states.find((state) => state.tool === tool) || {ms: [], cpuMs: []}
    const own = find('news-markdown')
    const unified = find('unified')
    if (!own.ms.length) continue
    const goal = speedTargets[set] ?? 1
    check(set + ', pages/s vs Turndown', pairedRatio(rates(own), rates(find('turndown'))), goal)
    check(set + ', pages per CPU s vs Turndown', pairedRatio(cpuRates(own), cpuRates(find('turndown'))), goal)
    if (own.maxRSS && unified.maxRSS) check(set + ', peak RSS vs unified', own.maxRSS / unified.maxRSS, 1, true)
  }
  return lines.join('\n')
}

const header = machine()
console.log(header + '\n')
const results = {machine: header, rounds, quick, sets: {}}
for (const set of sets) {
  console.error('Set ' + set + ':')
  const states = await measure(
    tools.map((tool) => ({tool, set})),
    settings
  )
  console.log(table(set, states) + '\n')
  results.sets[set] = states.map(({child, waiting, ...state}) => state)
}
console.log(summary(results.sets) + '\n')
console.log(targets(results.sets))
if (json) {
  const file = json === true ? new URL('results/latest.json', import.meta.url) : json
  if (json === true) fs.mkdirSync(new URL('results/', import.meta.url), {recursive: true})
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n')
}
