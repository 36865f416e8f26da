// Which functions read children: every counted visit during `rehypeNewsArticle`
// (counted by `scripts/count-walks.ts`) attributed to the innermost frame under
// lib/ (and the plugin step that called it), per phase. With several pages,
// each site's whole-tree walks (its visits over the nodes of the phase),
// averaged over the pages.
// Usage: npx tsx scripts/probe-walk-sites.ts [--rows N] PAGE.html... (or PAGE.html ROWS)
import fs from 'node:fs'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import * as m from '../index.js'
import {countPhases} from './count-walks.js'
import type {Phase} from './count-walks.js'

const args = process.argv.slice(2)
let rows = 60
if (args[0] === '--rows') {
  rows = Number(args[1])
  args.splice(0, 2)
} else if (args.length === 2 && /^\d+$/.test(args[1])) rows = Number(args.pop())
Error.stackTraceLimit = 40

/** `file:line function` of a stack line under lib/. */
function short(line: string | undefined): string {
  return line ? line.replace(/^.*?at (?:(\S+) \()?.*\/lib\/([^:]+):(\d+).*$/, '$2:$3 $1') : '?'
}

/** Visits per site of one page, and the page's walks. */
function probe(page: string) {
  const sites = new Map<string, {phase: Phase; visits: number}>()
  const note = (phase: Phase) => {
    const frames = (new Error().stack || '')
      .split('\n')
      .slice(3)
      .filter((line) => line.includes('/lib/') && !line.includes('node_modules'))
    const plugin = frames.find((f) => f.includes('/lib/plugins/') || f.includes('/lib/images/') || f.includes('/lib/verdict/'))
    const key = phase + '  ' + short(frames[0]) + '  <=  ' + short(plugin)
    const site = sites.get(key)
    if (site) site.visits++
    else sites.set(key, {phase, visits: 1})
  }
  const file = new VFile(fs.readFileSync(page, 'utf8'))
  const tree = unified().use(rehypeParse).parse(file)
  const chain = unified().use(m.rehypeNewsArticle, {}).freeze()
  return {sites, counted: countPhases(tree, () => chain.runSync(tree, file), {onVisit: note})}
}

if (args.length === 1) {
  const {sites, counted} = probe(args[0])
  for (const [site, {visits}] of [...sites].sort((a, b) => b[1].visits - a[1].visits).slice(0, rows)) console.log(String(visits).padStart(6), site)
  console.log('page phase: ' + counted.pageVisits + ' visits over ' + counted.pageNodes + ' nodes; article phase: ' + counted.articleVisits + ' over ' + (counted.articleNodes ?? 0))
} else {
  const walks = new Map<string, number>()
  let page = 0
  let article = 0
  for (const path of args) {
    const {sites, counted} = probe(path)
    for (const [site, {phase, visits}] of sites) {
      const nodes = phase === 'page' ? counted.pageNodes : counted.articleNodes || 1
      walks.set(site, (walks.get(site) || 0) + visits / nodes / args.length)
    }
    page += counted.pageVisits / counted.pageNodes / args.length
    if (counted.articleNodes) article += counted.articleVisits / counted.articleNodes / args.length
  }
  for (const [site, value] of [...walks].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(value.toFixed(3).padStart(7), site)
  console.log('mean whole-tree walks over ' + args.length + ' pages: page phase ' + page.toFixed(2) + ', article phase ' + article.toFixed(2))
}
