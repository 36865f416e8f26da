/**
 * Score `findArticleRoot` + `cleanArticleRoot` on a folder of saved pages
 * (`<name>.html` + `<name>.generic.json` with `with`/`without` snippets), as
 * `shared/check/eval-generic.mjs` scores content (trafilatura-style
 * micro-averaged precision/recall/F1 over whitespace-normalised text).
 *
 *   npx tsx scripts/eval-root.ts CORPUS_DIR [--misses] [--only SUBSTRING] [--json FILE]
 *     [--drop-related] [--repeat N]
 *
 * `--drop-related` leaves out lists marked as related (the converter moves
 * them to the end instead), to show what keeping them costs. `--repeat N`
 * times each page N times and keeps the fastest run (less noise).
 */
import fs from 'node:fs'
import path from 'node:path'
import type {Element, Root, RootContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toText} from 'hast-util-to-text'
import {cleanArticleRoot} from '../lib/analyse/clean/clean-article-root.js'
import {findArticleRoot} from '../lib/analyse/root/find-article-root.js'

interface Expected {
  with?: Array<string>
  without?: Array<string>
}

interface PageResult {
  name: string
  ms: number
  noRoot: boolean
  missed: Array<string>
  leaked: Array<string>
  tp: number
  fn: number
  fp: number
  tn: number
}

const removed = new Set(['script', 'style', 'noscript', 'template', 'svg'])
const args = process.argv.slice(2)
const showMisses = args.includes('--misses')
const dropRelated = args.includes('--drop-related')
const onlyIndex = args.indexOf('--only')
const only = onlyIndex === -1 ? undefined : args[onlyIndex + 1]
const jsonIndex = args.indexOf('--json')
const jsonFile = jsonIndex === -1 ? undefined : args[jsonIndex + 1]
const repeatIndex = args.indexOf('--repeat')
const repeat = repeatIndex === -1 ? 1 : Math.max(1, Number(args[repeatIndex + 1]) || 1)
const valued = new Set(['--only', '--json', '--repeat'])
const dir = args.find((arg, index) => !arg.startsWith('--') && !valued.has(args[index - 1]))

if (!dir) {
  process.stderr.write('usage: tsx scripts/eval-root.ts CORPUS_DIR [--misses] [--only SUBSTRING] [--json FILE] [--drop-related] [--repeat N]\n')
  process.exit(1)
}

const names = fs
  .readdirSync(dir)
  .filter((file) => file.endsWith('.html'))
  .map((file) => file.slice(0, -'.html'.length))
  .filter((name) => !only || name.includes(only))
  .sort()

const results: Array<PageResult> = []

for (const name of names) {
  const html = fs.readFileSync(path.join(dir, name + '.html'), 'utf8')
  const jsonPath = path.join(dir, name + '.generic.json')
  const expected: Expected = fs.existsSync(jsonPath) ? (JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as Expected) : {}
  // Best of `repeat` runs, each on a fresh tree (clean mutates it).
  let ms = Number.POSITIVE_INFINITY
  let root: Element | undefined
  let related: Array<Element> = []
  for (let run = 0; run < repeat; run++) {
    const tree = fromHtml(html)
    strip(tree)
    const start = performance.now()
    root = findArticleRoot(tree)?.node
    if (root) related = cleanArticleRoot(root)
    ms = Math.min(ms, performance.now() - start)
  }
  if (root && dropRelated) removeRelated(root, new Set(related))
  const text = root ? normalise(toText(root)) : ''
  const result: PageResult = {name, ms, noRoot: !root, missed: [], leaked: [], tp: 0, fn: 0, fp: 0, tn: 0}
  for (const snippet of expected.with ?? []) {
    if (text.includes(normalise(snippet))) result.tp++
    else {
      result.fn++
      result.missed.push(snippet)
    }
  }
  for (const snippet of expected.without ?? []) {
    if (text.includes(normalise(snippet))) {
      result.fp++
      result.leaked.push(snippet)
    } else result.tn++
  }
  results.push(result)
}

const sum = (key: 'tp' | 'fn' | 'fp' | 'tn') => results.reduce((total, r) => total + r[key], 0)
const tp = sum('tp')
const fn = sum('fn')
const fp = sum('fp')
const tn = sum('tn')
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b)

if (showMisses) {
  for (const r of results) {
    if (r.missed.length === 0 && r.leaked.length === 0 && !r.noRoot) continue
    console.log(`\n## ${r.name}${r.noRoot ? ' (no root)' : ''}`)
    for (const snippet of r.missed) console.log(`  - missed: ${snippet}`)
    for (const snippet of r.leaked) console.log(`  + leaked: ${snippet}`)
  }
  console.log('')
}

if (jsonFile) fs.writeFileSync(jsonFile, JSON.stringify(results, null, 2) + '\n')

const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 5)
console.log(`pages: ${results.length}   tp ${tp}  fn ${fn}  fp ${fp}  tn ${tn}`)
console.log(`precision: ${ratio(tp, tp + fp).toFixed(3)}`)
console.log(`recall:    ${ratio(tp, tp + fn).toFixed(3)}`)
console.log(`F1:        ${ratio(2 * tp, 2 * tp + fp + fn).toFixed(3)}`)
console.log(`no root:   ${results.filter((r) => r.noRoot).length}${listNoRoot()}`)
console.log(`slowest:   ${slowest.map((r) => `${r.name} ${r.ms.toFixed(1)} ms`).join(', ')}`)
console.log(`total:     ${results.reduce((t, r) => t + r.ms, 0).toFixed(0)} ms`)

function listNoRoot(): string {
  const list = results.filter((r) => r.noRoot).map((r) => r.name)
  return list.length > 0 ? ` (${list.join(', ')})` : ''
}

function normalise(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

/** Drop the lists cleaning kept as related (to see what they cost; the converter keeps them). */
function removeRelated(root: Element, related: Set<Element>): void {
  const stack: Array<Element> = [root]
  while (stack.length > 0) {
    const parent = stack.pop() as Element
    parent.children = parent.children.filter((child) => child.type !== 'element' || !related.has(child))
    for (const child of parent.children) if (child.type === 'element') stack.push(child)
  }
}

/** Drop what the converter drops before extraction (explicit stack, any depth). */
function strip(tree: Root): void {
  const stack: Array<Root | Element> = [tree]
  while (stack.length > 0) {
    const parent = stack.pop() as Root | Element
    const kept: Array<RootContent> = []
    for (const child of parent.children) {
      if (child.type === 'comment') continue
      if (child.type === 'element') {
        if (removed.has(child.tagName)) continue
        stack.push(child)
      }
      kept.push(child)
    }
    parent.children = kept as typeof parent.children
  }
}
