// Where the time goes, and how often the tree is walked: each step of the
// chain timed alone, warm, on one page; then the whole hast stage
// (`rehypeNewsArticle`) with every read of a child counted.
//
// Usage: npx tsx scripts/probe-steps.ts PAGE.html [ROUNDS]
// (`scripts/probe-walk-sites.ts PAGE.html` tells which functions make the visits.)
//
// Walks are counted as visits (see `scripts/count-walks.ts`).
import fs from 'node:fs'
import type {Root} from 'hast'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import * as m from '../index.js'
import {countPhases, countVisits, nodesOf} from './count-walks.js'

const html = fs.readFileSync(process.argv[2], 'utf8')
const rounds = Number(process.argv[3] || 30)
/** One step, run alone through its own frozen processor (`runSync` runs only its transformer). */
interface Step {
  runSync(tree: Root, file: VFile): unknown
}
const steps: Array<[string, () => Step]> = [
  ['resolveProfile', () => unified().use(m.rehypeResolveProfile, {}).freeze()],
  ['selectRoot', () => unified().use(m.rehypeSelectRoot).freeze()],
  ['extractMeta', () => unified().use(m.rehypeExtractMeta, {}).freeze()],
  ['prune', () => unified().use(m.rehypePruneToRoot).freeze()],
  ['removePromos', () => unified().use(m.rehypeRemovePromos).freeze()],
  ['related', () => unified().use(m.rehypeRelatedArticles, {}).freeze()],
  ['structure', () => unified().use(m.rehypeNormalizeStructure).freeze()],
  ['media', () => unified().use(m.rehypeNormalizeMedia, {}).freeze()],
  ['supSub', () => unified().use(m.rehypeSupSub).freeze()],
  ['cjkSpacing', () => unified().use(m.rehypeCjkSpacing).freeze()]
]
const remarkPlugins = unified().use(m.remarkCjkEmphasis).use(m.remarkArticleFrontmatter, {}).freeze()
const parser = unified().use(rehypeParse)
const toMdast = unified().use(rehypeRemark)
const stringifier = unified().use(remarkGfm).use(remarkFrontmatter).use(remarkStringify, m.stringifyOptions)

// Timing.
const totals = new Map<string, number>()
const add = (label: string, start: number) => totals.set(label, (totals.get(label) || 0) + performance.now() - start)
for (let round = 0; round < rounds + 5; round++) {
  if (round === 5) totals.clear()
  const file = new VFile(html)
  let t = performance.now()
  const tree = parser.parse(file)
  add('parse', t)
  for (const [name, make] of steps) {
    const step = make()
    t = performance.now()
    step.runSync(tree, file)
    add(name, t)
  }
  t = performance.now()
  const mdast = toMdast.runSync(tree, file)
  add('rehype-remark', t)
  t = performance.now()
  remarkPlugins.runSync(mdast, file)
  add('remark plugins', t)
  t = performance.now()
  stringifier.stringify(mdast, file)
  add('stringify', t)
}
let sum = 0
for (const value of totals.values()) sum += value
for (const [label, value] of totals) console.log(label.padEnd(16), (value / rounds).toFixed(2).padStart(8) + ' ms', ((value / sum) * 100).toFixed(1).padStart(5) + '%')
console.log('total'.padEnd(16), (sum / rounds).toFixed(2).padStart(8) + ' ms')

const walks = (count: number, nodes: number) => (count / nodes).toFixed(2)

console.log('\nwhole-tree walks per step (visits / nodes in the tree at the step’s start)')
{
  const file = new VFile(html)
  const tree = parser.parse(file)
  for (const [name, make] of steps) {
    const step = make()
    const nodes = nodesOf(tree).length
    const visits = countVisits(tree, () => step.runSync(tree, file))
    console.log(name.padEnd(16), walks(visits, nodes).padStart(6), ' over ' + nodes + ' nodes')
  }
}

{
  const file = new VFile(html)
  const tree = parser.parse(file)
  const chain: Step = unified().use(m.rehypeNewsArticle, {}).freeze()
  const {pageNodes, pageVisits, articleNodes, articleVisits} = countPhases(tree, () => chain.runSync(tree, file))
  console.log('\nrehypeNewsArticle, whole chain')
  if (articleNodes !== undefined) {
    console.log('page phase'.padEnd(16), walks(pageVisits, pageNodes).padStart(6), ' over ' + pageNodes + ' nodes')
    console.log('article phase'.padEnd(16), walks(articleVisits, articleNodes).padStart(6), ' over ' + articleNodes + ' nodes')
  } else {
    console.log('page phase'.padEnd(16), walks(pageVisits, pageNodes).padStart(6), ' over ' + pageNodes + ' nodes (never pruned)')
  }
}
