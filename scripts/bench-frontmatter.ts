// Benchmark of the frontmatter writer (issue #12: the YAML pass was 10–15 %
// of a fragment's CPU): the `yaml` library alone against the plain-scalar
// fast path, on the frontmatter of every fixture's `output.md`, as the
// library writes it and as the hugo and jekyll layouts write it.
//
//   npx tsx scripts/bench-frontmatter.ts [--rounds 7] [--repeat 200]
//
// Rounds are interleaved (A, B, A′ in each round, A′ the same code as A: the
// A/A control row), each timing `repeat` passes over all the data; the
// median per document is printed with CPU time beside wall time, and the
// share of documents the fast path takes.
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import YAML from 'yaml'
import {stringifyFrontmatter, stringifyFrontmatterWithYaml, stringifyPlainFrontmatter} from '../lib/output/frontmatter.js'
import {jekyllDate} from '../lib/output/layouts.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {values} = parseArgs({options: {rounds: {type: 'string', default: '7'}, repeat: {type: 'string', default: '200'}}})
const rounds = Number(values.rounds)
const repeat = Number(values.repeat)

const documents: Array<Record<string, unknown>> = []
for (const name of fs.readdirSync(path.join(root, 'fixtures')).sort()) {
  const file = path.join(root, 'fixtures', name, 'output.md')
  if (!fs.existsSync(file)) continue
  const markdown = fs.readFileSync(file, 'utf8')
  const end = markdown.indexOf('\n---\n', 3)
  if (!markdown.startsWith('---\n') || end === -1) continue
  const data = YAML.parse(markdown.slice(4, end + 1)) as Record<string, unknown> | null
  if (!data || typeof data !== 'object') continue
  documents.push(data)
  // As the layouts write it: hugo renames `url`, jekyll adds keys and its date form.
  const {url, ...rest} = data
  documents.push({...rest, ...(url ? {original_url: url, aliases: ['/old/' + name + '.html']} : {})})
  documents.push({layout: 'post', render_with_liquid: false, ...rest, ...(typeof data.date === 'string' ? {date: jekyllDate(data.date)} : {}), ...(url ? {original_url: url} : {})})
}

function time(write: (data: Record<string, unknown>) => string): {wall: number; cpu: number} {
  const cpu = process.cpuUsage()
  const start = process.hrtime.bigint()
  let length = 0
  for (let pass = 0; pass < repeat; pass++) for (const data of documents) length += write(data).length
  const wall = Number(process.hrtime.bigint() - start) / 1e6
  const used = process.cpuUsage(cpu)
  if (length === 0) throw new Error('nothing written')
  const count = repeat * documents.length
  return {wall: (wall * 1000) / count, cpu: ((used.user + used.system) / 1000 / count) * 1000}
}

const rows: Record<string, Array<{wall: number; cpu: number}>> = {'yaml library (A)': [], 'fast path + yaml (B)': [], 'yaml library again (A′, control)': []}
for (let round = 0; round < rounds; round++) {
  rows['yaml library (A)'].push(time(stringifyFrontmatterWithYaml))
  rows['fast path + yaml (B)'].push(time(stringifyFrontmatter))
  rows['yaml library again (A′, control)'].push(time(stringifyFrontmatterWithYaml))
}

const median = (list: Array<number>) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
const fast = documents.filter((data) => stringifyPlainFrontmatter(data) !== undefined).length
console.log(documents.length + ' documents (fixtures × library, hugo, jekyll); fast path takes ' + fast + ' (' + Math.round((fast / documents.length) * 100) + ' %)')
console.log(rounds + ' interleaved rounds × ' + repeat + ' passes; median µs per document')
const base = median(rows['yaml library (A)'].map((row) => row.cpu))
for (const [name, list] of Object.entries(rows)) {
  const cpu = median(list.map((row) => row.cpu))
  console.log(
    name.padEnd(34) +
      ' wall ' +
      median(list.map((row) => row.wall))
        .toFixed(2)
        .padStart(7) +
      '  cpu ' +
      cpu.toFixed(2).padStart(7) +
      '  cpu ratio ' +
      (cpu / base).toFixed(2)
  )
}
