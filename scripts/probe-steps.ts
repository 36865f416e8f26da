// Where the time goes: each step of the chain timed alone, warm, on one page.
// Usage: npx tsx scripts/probe-steps.ts PAGE.html [ROUNDS]
import fs from 'node:fs'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import type {Transformer} from 'unified'
import {VFile} from 'vfile'
import * as m from '../index.js'

const html = fs.readFileSync(process.argv[2], 'utf8')
const rounds = Number(process.argv[3] || 30)
const p = unified()
const steps: Array<[string, () => Transformer<any, any>]> = [
  ['resolveProfile', () => m.rehypeResolveProfile.call(p, {}) as never],
  ['selectRoot', () => m.rehypeSelectRoot.call(p) as never],
  ['extractMeta', () => m.rehypeExtractMeta.call(p, {}) as never],
  ['prune', () => m.rehypePruneToRoot.call(p) as never],
  ['removePromos', () => m.rehypeRemovePromos.call(p) as never],
  ['related', () => m.rehypeRelatedArticles.call(p, {}) as never],
  ['media', () => m.rehypeNormalizeMedia.call(p, {}) as never],
  ['cjkSpacing', () => m.rehypeCjkSpacing.call(p) as never]
]
const parser = unified().use(rehypeParse)
const toMdast = unified().use(rehypeRemark)
const stringifier = unified().use(remarkGfm).use(remarkFrontmatter).use(remarkStringify, m.stringifyOptions)
const totals = new Map<string, number>()
const add = (label: string, start: number) => totals.set(label, (totals.get(label) || 0) + performance.now() - start)
for (let round = 0; round < rounds + 5; round++) {
  if (round === 5) totals.clear()
  const file = new VFile(html)
  let t = performance.now()
  const tree = parser.parse(file)
  add('parse', t)
  for (const [name, make] of steps) {
    const transformer = make()
    t = performance.now()
    transformer(tree, file, () => {})
    add(name, t)
  }
  t = performance.now()
  const mdast = toMdast.runSync(tree as never, file)
  add('rehype-remark', t)
  t = performance.now()
  m.remarkCjkEmphasis.call(p)!(mdast as never, file, () => {})
  m.remarkArticleFrontmatter.call(p, {})!(mdast as never, file, () => {})
  add('remark plugins', t)
  t = performance.now()
  stringifier.stringify(mdast as never, file)
  add('stringify', t)
}
let sum = 0
for (const value of totals.values()) sum += value
for (const [label, value] of totals) console.log(label.padEnd(16), (value / rounds).toFixed(2).padStart(8) + ' ms', ((value / sum) * 100).toFixed(1).padStart(5) + '%')
console.log('total'.padEnd(16), (sum / rounds).toFixed(2).padStart(8) + ' ms')
