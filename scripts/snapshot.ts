// Record what `convert()` gives on every page we have, and compare two
// records: the Markdown, the messages and `file.data`. Run before and after a
// refactor or a speed change; any difference is printed.
//
// Usage:
//   npx tsx scripts/snapshot.ts write DIR [--shared PATH] [--only SUBSTRING]
//   npx tsx scripts/snapshot.ts compare DIR [--shared PATH] [--ignore-data KEY,KEY] [--ignore-key KEY,KEY] [--only SUBSTRING]
//     [--positions] [--ignore-places]
//
// `--positions` converts with `positions: true` (source positions, so
// messages carry line and column, as records written before that option
// existed do); `--ignore-places` compares messages without their line and
// column and nodes in `file.data` without `position` (a record written with
// positions against a run without).
// Pages: fixtures/*/input.html (with their options), and under the shared
// folder (default `../shared`) spec/, cases/ and corpus/ (every `.html`;
// corpus pages with the `url` of their `.generic.json`). Each page gives one
// JSON record in DIR (`write`), or is compared with the record there
// (`compare`; exit 1 on any difference).
import fs from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {convert} from '../index.js'
import type {ConvertOptions} from '../index.js'

const {positionals, values} = parseArgs({
  allowPositionals: true,
  options: {
    shared: {type: 'string', default: path.resolve(import.meta.dirname, '../../shared')},
    'ignore-data': {type: 'string', default: ''},
    'ignore-key': {type: 'string', default: ''},
    only: {type: 'string', default: ''},
    positions: {type: 'boolean', default: false},
    'ignore-places': {type: 'boolean', default: false}
  }
})
const [mode, dir] = positionals
if ((mode !== 'write' && mode !== 'compare') || !dir) {
  console.error('Usage: snapshot.ts write|compare DIR [--shared PATH] [--ignore-data KEY,KEY] [--ignore-key KEY,KEY] [--only SUBSTRING]')
  process.exit(2)
}
const ignored = new Set(values['ignore-data'].split(',').filter(Boolean))
/** Object keys left out at any depth (`--ignore-key`: fields added on purpose, such as new analysis fields). */
const ignoredKeys = new Set(values['ignore-key'].split(',').filter(Boolean))

interface Page {
  name: string
  file: string
  options: ConvertOptions
  bytes: boolean
}

function pages(): Array<Page> {
  const found: Array<Page> = []
  const project = path.resolve(import.meta.dirname, '..')
  const fixtures = path.join(project, 'fixtures')
  for (const name of fs.readdirSync(fixtures).sort()) {
    const folder = path.join(fixtures, name)
    if (!fs.existsSync(path.join(folder, 'input.html'))) continue
    const read = (file: string) => (fs.existsSync(path.join(folder, file)) ? JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) : {})
    const expected = read('expected.json')
    found.push({name: 'fixtures/' + name, file: path.join(folder, 'input.html'), options: {...read('options.json'), ...expected.options}, bytes: Boolean(expected.bytes)})
  }
  for (const area of ['spec', 'cases', 'corpus']) {
    const top = path.join(values.shared, area)
    if (!fs.existsSync(top)) continue
    for (const file of walk(top)) {
      const base = file.replace(/\.html?$/, '')
      let options: ConvertOptions = {}
      for (const sidecar of ['.generic.json', '.expected.json']) {
        if (!fs.existsSync(base + sidecar)) continue
        const data = JSON.parse(fs.readFileSync(base + sidecar, 'utf8'))
        options = {...(data.url ? {url: data.url} : {}), ...data.options}
      }
      found.push({name: path.relative(values.shared, file), file, options, bytes: true})
    }
  }
  return found.filter((page) => page.name.includes(values.only))
}

function walk(folder: string): Array<string> {
  const files: Array<string> = []
  for (const entry of fs.readdirSync(folder, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) files.push(...walk(full))
    else if (/\.html?$/.test(entry.name)) files.push(full)
  }
  return files
}

/** JSON with sorted keys, `undefined` dropped, profiles by id. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable)
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(record).sort()) {
      if (record[key] !== undefined && typeof record[key] !== 'function' && !ignoredKeys.has(key)) out[key] = stable(record[key])
    }
    return out
  }
  return value
}

/** A record with its messages' `line` and `column`, and the `position` of nodes in `file.data`, left out. */
function withoutPlaces(value: unknown): unknown {
  const record = value as {messages?: Array<Record<string, unknown>>; data?: unknown}
  if (record && Array.isArray(record.messages)) record.messages = record.messages.map(({line, column, ...rest}) => rest)
  if (record && record.data) record.data = withoutPositions(record.data)
  return record
}

function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions)
  if (!value || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) if (key !== 'position') out[key] = withoutPositions(item)
  return out
}

async function record(page: Page): Promise<unknown> {
  const input = fs.readFileSync(page.file)
  try {
    const file = await convert(page.bytes ? new Uint8Array(input) : input.toString('utf8'), {...page.options, ...(values.positions ? {positions: true} : {}), path: page.name})
    const data: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(file.data)) {
      if (ignored.has(key)) continue
      data[key] = key === 'profile' && value && typeof value === 'object' ? (value as {id?: string}).id : value
    }
    return stable({
      markdown: String(file),
      messages: file.messages.map((m) => ({ruleId: m.ruleId, reason: m.reason, fatal: m.fatal, line: m.line, column: m.column})),
      data
    })
  } catch (error) {
    const message = error as {ruleId?: string; reason?: string; message?: string}
    return {error: {ruleId: message.ruleId, reason: message.reason || message.message}}
  }
}

const fileOf = (name: string) => path.join(dir, name.replace(/[^\w.-]+/g, '_') + '.json')
fs.mkdirSync(dir, {recursive: true})
let differences = 0
let count = 0
for (const page of pages()) {
  count++
  const result = await record(page)
  const actual = JSON.stringify(values['ignore-places'] ? withoutPlaces(result) : result, null, 1)
  if (mode === 'write') {
    fs.writeFileSync(fileOf(page.name), actual + '\n')
    continue
  }
  const target = fileOf(page.name)
  const recorded = fs.existsSync(target) ? fs.readFileSync(target, 'utf8').trimEnd() : undefined
  // Ignored keys and places leave both sides.
  const parsed = recorded !== undefined && (ignoredKeys.size > 0 || values['ignore-places']) ? stable(JSON.parse(recorded)) : undefined
  const want = parsed === undefined ? recorded : JSON.stringify(values['ignore-places'] ? withoutPlaces(parsed) : parsed, null, 1)
  if (want === actual) continue
  differences++
  if (want === undefined) {
    console.log('NEW ' + page.name)
    continue
  }
  const a = want.split('\n')
  const b = actual.split('\n')
  let first = 0
  while (first < a.length && a[first] === b[first]) first++
  console.log('DIFF ' + page.name + ' (line ' + (first + 1) + ')\n  - ' + (a[first] ?? '').slice(0, 200) + '\n  + ' + (b[first] ?? '').slice(0, 200))
}
console.log(mode === 'write' ? 'wrote ' + count + ' records to ' + dir : count + ' pages, ' + differences + ' differ')
process.exitCode = differences > 0 ? 1 : 0
