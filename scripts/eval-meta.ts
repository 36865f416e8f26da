/**
 * Measure `extractGenericMeta` on a folder of real pages.
 *
 *   npx tsx scripts/eval-meta.ts [--misses] [--field title|author|date] CORPUS_DIR...
 *
 * A page is `<name>.html` with `<name>.generic.json` beside it
 * (`{title?, author?, date?, dateAlt?, url?}`). Scoring follows the header of
 * `shared/check/eval-generic.mjs`:
 *
 * - title: equal after NFKC, whitespace collapsing and lower-casing
 * - author: tokens without punctuation, a leading by/von/par/por/door and the
 *   joiners and/und/et/y; equal token sets, or the expected tokens in order
 *   in ours (CJK: as a substring)
 * - date: the same calendar day as `date` or `dateAlt` (literal `YYYY-MM-DD`
 *   prefix, UTC day of the parsed value, or a `2019年3月5日` form)
 *
 * Prints accuracy per field and, with `--misses`, every miss with the source
 * our value came from.
 *
 * @module
 */

import * as fs from 'node:fs'
import * as path from 'node:path'
import {parseArgs} from 'node:util'
import {fromHtml} from 'hast-util-from-html'
import {extractGenericMeta} from '../lib/analyse/meta/generic-meta.js'
import type {GenericMeta} from '../lib/analyse/meta/generic-meta.js'

process.env.TZ = 'UTC'

interface Expected {
  title?: string
  author?: string
  date?: string
  dateAlt?: string
  url?: string
}

type Field = 'title' | 'author' | 'date'
const FIELDS: Array<Field> = ['title', 'author', 'date']

const squash = (s: unknown) =>
  String(s ?? '')
    .replace(/\s+/g, ' ')
    .trim()
const fold = (s: unknown) => squash(String(s ?? '').normalize('NFKC')).toLowerCase()
const BY = new Set(['by', 'von', 'par', 'por', 'door'])
const JOINERS = new Set(['and', 'und', 'et', 'y'])
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

function authorTokens(value: string): Array<string> {
  const tokens = fold(value)
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .split(' ')
    .filter(Boolean)
  while (tokens.length > 0 && BY.has(tokens[0])) tokens.shift()
  return tokens.filter((t) => !JOINERS.has(t))
}

function sameAuthor(got: string, want: string): boolean {
  const g = authorTokens(got)
  const w = authorTokens(want)
  if (g.length === 0 || w.length === 0) return false
  const gs = new Set(g)
  const ws = new Set(w)
  if (gs.size === ws.size && [...ws].every((t) => gs.has(t))) return true
  if (CJK.test(w.join(''))) return g.join('').includes(w.join(''))
  return ` ${g.join(' ')} `.includes(` ${w.join(' ')} `)
}

function daysOf(value: string): Array<string> {
  const s = squash(value)
  const days: Array<string> = []
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s)
  if (iso) days.push(iso[0])
  const cjk = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(s)
  if (cjk) days.push(`${cjk[1]}-${cjk[2].padStart(2, '0')}-${cjk[3].padStart(2, '0')}`)
  const time = s ? Date.parse(s) : Number.NaN
  if (!Number.isNaN(time)) days.push(new Date(time).toISOString().slice(0, 10))
  return days
}

function same(field: Field, got: string | undefined, expected: Expected): boolean {
  const want = expected[field]
  if (!got || !want) return false
  if (field === 'title') return fold(got) === fold(want)
  if (field === 'author') return sameAuthor(got, want)
  return daysOf(got).some((day) => day === want || day === expected.dateAlt)
}

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {misses: {type: 'boolean'}, field: {type: 'string'}}
})
if (positionals.length === 0) {
  console.error('usage: npx tsx scripts/eval-meta.ts [--misses] [--field title|author|date] CORPUS_DIR...')
  process.exit(2)
}

const score = {title: {hits: 0, total: 0}, author: {hits: 0, total: 0}, date: {hits: 0, total: 0}}
const misses: Array<string> = []
const sources: Record<string, Record<string, number>> = {title: {}, author: {}, date: {}}
let pages = 0
let crashes = 0
const start = performance.now()

for (const dir of positionals) {
  for (const file of fs
    .readdirSync(dir)
    .filter((f: string) => f.endsWith('.html'))
    .sort()) {
    const name = file.slice(0, -'.html'.length)
    const jsonPath = path.join(dir, name + '.generic.json')
    const expected: Expected = fs.existsSync(jsonPath) ? JSON.parse(fs.readFileSync(jsonPath, 'utf8')) : {}
    pages++
    let meta: GenericMeta = {}
    try {
      meta = extractGenericMeta(fromHtml(fs.readFileSync(path.join(dir, file), 'utf8')), {url: expected.url})
    } catch (error) {
      crashes++
      misses.push(`${name}: crash: ${String(error)}`)
    }
    for (const field of FIELDS) {
      if (!expected[field]) continue
      const found = meta[field]
      const ok = same(field, found?.value, expected)
      score[field].total++
      if (ok) score[field].hits++
      const from = found ? found.from : 'none'
      sources[field][from] = (sources[field][from] ?? 0) + 1
      if (!ok && (!values.field || values.field === field)) {
        misses.push(
          `${field.padEnd(6)} ${name}\n  want: ${JSON.stringify(expected[field])}${field === 'date' && expected.dateAlt ? ` (alt ${expected.dateAlt})` : ''}\n  got:  ${JSON.stringify(found?.value ?? null)} [${from}]`
        )
      }
    }
  }
}

const pct = (s: {hits: number; total: number}) => (s.total ? ((100 * s.hits) / s.total).toFixed(1) + '%' : '–')
if (values.misses) console.log(misses.join('\n') + '\n')
console.log(`pages ${pages} · crashes ${crashes} · ${((performance.now() - start) / 1000).toFixed(1)} s`)
for (const field of FIELDS) {
  const s = score[field]
  const top = Object.entries(sources[field])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')
  console.log(`${field.padEnd(6)} ${pct(s).padStart(6)} (${s.hits}/${s.total})  sources: ${top}`)
}
