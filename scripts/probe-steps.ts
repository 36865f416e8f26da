// Where the time goes, and how often the tree is walked: each step of the
// chain timed alone, warm, on one page; then the whole hast stage
// (`rehypeNewsArticle`) with every read of a child counted.
//
// Usage: npx tsx scripts/probe-steps.ts PAGE.html [ROUNDS]
// (`scripts/probe-walk-sites.ts PAGE.html` tells which functions make the visits.)
//
// Walks are counted as visits: every read of a node from a `children` array
// (by a loop, a spread, `indexOf`, a selector engine, `hast-util-to-string`)
// counts one, and the visits of a phase divided by the nodes in the tree at
// its start give its whole-tree walks. The page phase runs until the tree is
// pruned to the article root (`tree.children = [root]`), the article phase
// after. A walk that stops early or skips subtrees counts the share it saw.
import fs from 'node:fs'
import type {Nodes, Root} from 'hast'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import * as m from '../index.js'

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

// Walks.
let visits = 0
let onRootChildren: (() => void) | undefined
const raw = new WeakMap<object, Array<unknown>>()
const counting: ProxyHandler<Array<unknown>> = {
  get(target, key, receiver) {
    if (typeof key === 'string' && key.length < 10 && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57) visits++
    return Reflect.get(target, key, receiver)
  }
}

function wrap(children: Array<unknown>): Array<unknown> {
  if (raw.has(children)) return children
  const proxy = new Proxy(children, counting)
  raw.set(proxy, children)
  return proxy
}

/** Count reads of children from here on, also of arrays assigned later. */
function instrument(tree: Root): void {
  for (const node of nodesOf(tree)) {
    if (node.type !== 'root' && node.type !== 'element') continue
    let children = wrap(node.children)
    Object.defineProperty(node, 'children', {
      configurable: true,
      enumerable: true,
      get: () => children,
      set(value: Array<unknown>) {
        children = wrap(value)
        if (node.type === 'root' && onRootChildren) onRootChildren()
      }
    })
  }
}

/** Turn the accessors back into plain arrays (for `structuredClone` in rehype-remark). */
function release(tree: Root): void {
  const stack: Array<Nodes> = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type !== 'root' && node.type !== 'element') continue
    const children = node.children as Array<Nodes>
    const plain = (raw.get(children) || children) as Array<Nodes>
    Object.defineProperty(node, 'children', {configurable: true, enumerable: true, writable: true, value: plain})
    for (const child of plain) stack.push(child)
  }
}

/** Every node, read without counting. */
function nodesOf(tree: Root): Array<Nodes> {
  const all: Array<Nodes> = []
  const stack: Array<Nodes> = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    all.push(node)
    if (node.type !== 'root' && node.type !== 'element') continue
    const children = (raw.get(node.children) || node.children) as Array<Nodes>
    for (const child of children) stack.push(child)
  }
  return all
}

const walks = (count: number, nodes: number) => (count / nodes).toFixed(2)

console.log('\nwhole-tree walks per step (visits / nodes in the tree at the step’s start)')
{
  const file = new VFile(html)
  const tree = parser.parse(file)
  for (const [name, make] of steps) {
    const step = make()
    const nodes = nodesOf(tree).length
    instrument(tree)
    visits = 0
    step.runSync(tree, file)
    release(tree)
    console.log(name.padEnd(16), walks(visits, nodes).padStart(6), ' over ' + nodes + ' nodes')
  }
}

{
  const file = new VFile(html)
  const tree = parser.parse(file)
  const chain: Step = unified().use(m.rehypeNewsArticle, {}).freeze()
  const pageNodes = nodesOf(tree).length
  let pageVisits = 0
  let articleNodes = 0
  let pruned = false
  onRootChildren = () => {
    if (pruned) return
    pruned = true
    pageVisits = visits
    visits = 0
    articleNodes = nodesOf(tree).length
  }
  instrument(tree)
  visits = 0
  chain.runSync(tree, file)
  onRootChildren = undefined
  release(tree)
  console.log('\nrehypeNewsArticle, whole chain')
  if (pruned) {
    console.log('page phase'.padEnd(16), walks(pageVisits, pageNodes).padStart(6), ' over ' + pageNodes + ' nodes')
    console.log('article phase'.padEnd(16), walks(visits, articleNodes).padStart(6), ' over ' + articleNodes + ' nodes')
  } else {
    console.log('page phase'.padEnd(16), walks(visits, pageNodes).padStart(6), ' over ' + pageNodes + ' nodes (never pruned)')
  }
}
