// How well the verdict (`file.data.verdict`) separates broken pages from
// good ones, over a corpus of real pages with expected snippets
// (`NAME.html` + `NAME.generic.json`, as in /work/shared/corpus/generic).
//
//   npx tsx scripts/eval-verdict.ts [--json FILE] [--list] [CORPUS_DIR...]
//
// Pages with at least two `with` snippets count. A page is *lost* when its
// output holds fewer than half of its `with` snippets, or convert() throws;
// *good* when it holds every `with` snippet and no `without` snippet.
// Snippets are matched as eval-generic.mjs does: whitespace-normalised
// substrings of one text block of the Markdown body.
// Prints the share of lost pages flagged (`review` or `failed`, or thrown;
// target >= 90 %), the share of good pages flagged (target <= 10 %), the
// count of each reason on both, and with --list the pages behind them.
import fs from 'node:fs/promises'
import path from 'node:path'
import {parseArgs} from 'node:util'
import type {Nodes, Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {convert} from '../index.js'

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {json: {type: 'string'}, list: {type: 'boolean', default: false}}
})
const folders = positionals.length > 0 ? positionals : ['/work/shared/corpus/generic']

interface Expectation {
  url?: string
  date?: string
  dateAlt?: string
  author?: string
  with?: Array<string>
  without?: Array<string>
}

interface Row {
  name: string
  kind: 'lost' | 'good' | 'partial'
  status: string
  reasons: Array<string>
  kept: number
  expected: number
  leaked: number
  error?: string
  measurements?: unknown
  page?: unknown
  /** The frontmatter author, and the expected one. */
  author?: string
  expectedAuthor?: string
  /** Fields whose frontmatter value differs from the expected one (the date only when a conflict was found on it). */
  wrongConflicts?: Array<string>
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)
const leafBlocks = new Set(['paragraph', 'heading', 'tableCell', 'code', 'html'])
const squash = (value: string) => value.replace(/\s+/g, ' ').trim()

/** Text of each leaf block of the Markdown body, one per line (as eval-generic.mjs reads it). */
function bodyText(markdown: string): string {
  const blocks: Array<string> = []
  const stack: Array<Nodes> = [parser.parse(markdown) as Root]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'yaml' || node.type === 'definition') continue
    if (leafBlocks.has(node.type)) {
      blocks.push(squash(inline(node)))
      continue
    }
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as Nodes)
  }
  return blocks.join('\n')
}

function inline(node: Nodes): string {
  if (node.type === 'break') return ' '
  if (node.type === 'image' || node.type === 'imageReference') return ''
  if (node.type === 'html') return node.value.replace(/<[^>]*>/g, ' ')
  if ('value' in node) return node.value
  return 'children' in node ? node.children.map((child) => inline(child as Nodes)).join('') : ''
}

/** Loosely the same author: every expected word appears (case and accents folded). */
function sameAuthor(got: string, want: string): boolean {
  const fold = (value: string) => value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
  const have = fold(got)
  return fold(want)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .every((word) => have.includes(word))
}

const rows: Array<Row> = []
for (const folder of folders) {
  const names = (await fs.readdir(folder)).filter((name) => name.endsWith('.generic.json')).sort()
  for (const jsonName of names) {
    const name = jsonName.slice(0, -'.generic.json'.length)
    const expectation = JSON.parse(await fs.readFile(path.join(folder, jsonName), 'utf8')) as Expectation
    const wanted = expectation.with || []
    if (wanted.length < 2) continue
    const html = await fs.readFile(path.join(folder, name + '.html'), 'utf8').catch(() => undefined)
    if (html === undefined) continue
    try {
      const file = await convert(html, expectation.url ? {url: expectation.url} : {})
      const text = bodyText(String(file))
      const kept = wanted.filter((snippet) => text.includes(squash(snippet))).length
      const leaked = (expectation.without || []).filter((snippet) => text.includes(squash(snippet))).length
      const verdict = file.data.verdict
      const article = file.data.article || {}
      const fields = verdict ? verdict.measurements.fields : {}
      // Whether the frontmatter's date and author differ from the expected ones: a flag
      // for a metadata reason on such a page is right even when its text is whole.
      const wrongConflicts: Array<string> = []
      if (expectation.date) {
        const day = String(article.date || '').slice(0, 10)
        if (day !== expectation.date && day !== expectation.dateAlt && ((fields.date && fields.date.conflict) || verdict?.reasons.includes('metadata-conflict'))) wrongConflicts.push('date')
      }
      if (expectation.author && !sameAuthor(String(article.author || ''), expectation.author)) wrongConflicts.push('author')
      rows.push({
        ...(article.author ? {author: String(article.author)} : {}),
        ...(expectation.author ? {expectedAuthor: expectation.author} : {}),
        wrongConflicts,
        name,
        kind: kept * 2 < wanted.length ? 'lost' : kept === wanted.length && leaked === 0 ? 'good' : 'partial',
        status: verdict ? verdict.status : 'none',
        reasons: verdict ? verdict.reasons : [],
        kept,
        expected: wanted.length,
        leaked,
        measurements: verdict && verdict.measurements,
        page: file.data.verdictPage && file.data.verdictPage.text
      })
    } catch (error) {
      rows.push({name, kind: 'lost', status: 'thrown', reasons: [], kept: 0, expected: wanted.length, leaked: 0, error: String(error).split('\n')[0]})
    }
  }
}

const flagged = (row: Row) => row.status !== 'ok' && row.status !== 'none'
const lost = rows.filter((row) => row.kind === 'lost')
const good = rows.filter((row) => row.kind === 'good')
const partial = rows.filter((row) => row.kind === 'partial')
const share = (part: number, whole: number) => (whole ? ((part / whole) * 100).toFixed(1) : '0.0') + ' %'
const count = (list: Array<Row>) => list.filter(flagged).length

console.log('Pages with >= 2 `with` snippets: ' + rows.length + ' in ' + folders.join(', '))
console.log('Lost (output holds < half of `with`, or throws): ' + count(lost) + ' of ' + lost.length + ' flagged (' + share(count(lost), lost.length) + ', target >= 90 %)')
console.log('Good (every `with`, no `without`): ' + count(good) + ' of ' + good.length + ' flagged (' + share(count(good), good.length) + ', target <= 10 %)')
console.log('Partial (the rest): ' + count(partial) + ' of ' + partial.length + ' flagged (' + share(count(partial), partial.length) + ')')
console.log('')
console.log('| reason | lost | partial | good |')
console.log('| --- | --: | --: | --: |')
const reasons = [...new Set(rows.flatMap((row) => row.reasons))].sort()
for (const reason of reasons) {
  const by = (list: Array<Row>) => list.filter((row) => row.reasons.includes(reason)).length
  console.log('| `' + reason + '` | ' + by(lost) + ' | ' + by(partial) + ' | ' + by(good) + ' |')
}
const metadataRules = new Set(['metadata-conflict', 'suspect-author'])
const conflicted = good.filter((row) => row.reasons.some((reason) => metadataRules.has(reason)))
const wrong = conflicted.filter((row) => row.wrongConflicts && row.wrongConflicts.length > 0)
console.log('')
console.log('Good pages flagged `metadata-conflict` or `suspect-author` whose date or author differs from the expected one: ' + wrong.length + ' of ' + conflicted.length)
if (values.list) {
  console.log('')
  for (const row of lost.filter((row) => !flagged(row))) console.log('lost, not flagged: ' + row.name + ' (' + row.kept + '/' + row.expected + ')')
  for (const row of good.filter(flagged)) {
    const note = row.wrongConflicts && row.wrongConflicts.length > 0 ? ' (wrong ' + row.wrongConflicts.join(', ') + ' in the frontmatter)' : ''
    console.log('good, flagged: ' + row.name + ' ' + row.reasons.join(', ') + note)
  }
}
if (values.json) await fs.writeFile(values.json, JSON.stringify(rows, null, 2) + '\n')
