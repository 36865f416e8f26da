// How `convert()` time grows with input size: time per KB at 10 KB,
// 100 KB, 1 MB and 4 MB (one child per size, medians over rounds).
// Usage: node scale.mjs [--quick] [--rounds N] [--tools news-markdown,unified]
import {scaleSizes} from './corpus.mjs'
import {flag, machine, measure, median} from './driver.mjs'
import {labels, toolNames} from './tools.mjs'

const argv = process.argv.slice(2)
const quick = Boolean(flag(argv, 'quick'))
const rounds = Number(flag(argv, 'rounds') || (quick ? 3 : 7))
const settings = {rounds, warmupMs: quick ? 300 : 1000, targetMs: quick ? 150 : 400, log: (line) => console.error('  ' + line)}
const option = flag(argv, 'tools')
const tools = option && option !== true ? option.split(',') : ['news-markdown']
for (const tool of tools) if (!toolNames.includes(tool)) throw new Error('Unknown tool `' + tool + '`, expected one of ' + toolNames.join(', '))

console.log(machine() + '\n')
for (const tool of tools) {
  const states = await measure(
    Object.keys(scaleSizes).map((set) => ({tool, set})),
    settings
  )
  const rows = states.map((state) => {
    const ms = median(state.ms.map((value) => value / state.batch))
    return {set: state.set, kb: state.bytes / state.batch / 1024, ms, perKb: ms / (state.bytes / state.batch / 1024), state}
  })
  const ok = rows.filter((row) => Number.isFinite(row.perKb))
  const best = Math.min(...ok.map((row) => row.perKb))
  const worst = Math.max(...ok.map((row) => row.perKb))
  console.log('### ' + labels[tool].replace(/\*/g, '') + ', ' + rounds + ' rounds\n')
  console.log('| input | size | ms per page | ms per KB | × best ms per KB | peak RSS |')
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
  for (const row of rows) {
    if (row.state.failed && !row.state.ms.length) {
      console.log('| ' + row.set + ' | failed: ' + row.state.failed.split('\n')[0] + ' | | | | |')
      continue
    }
    const errors = row.state.errors ? ' (throws: ' + row.state.error + ')' : ''
    console.log(
      '| ' +
        row.set +
        errors +
        ' | ' +
        row.kb.toFixed(0) +
        ' KB | ' +
        row.ms.toFixed(1) +
        ' | ' +
        row.perKb.toFixed(3) +
        ' | ' +
        (row.perKb / best).toFixed(2) +
        '× | ' +
        Math.round(row.state.maxRSS / 2 ** 20) +
        ' MB |'
    )
  }
  const ratio = worst / best
  console.log('\nMax/min time per KB: ' + ratio.toFixed(2) + '× (target ≤ 1.5×: ' + (ratio <= 1.5 ? 'met' : 'not met') + ')\n')
}
