// Article-text misses and leaks of `convert()` on a corpus of
// <name>.html + <name>.generic.json pages (trafilatura-style snippets).
// Usage: npx tsx scripts/eval-content.ts CORPUS_DIR [--only SUBSTRING]
import fs from 'node:fs'
import path from 'node:path'
import type {Nodes, Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {convert} from '../index.js'

// The text a reader sees, block by block, as the shared evaluation reads it.
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)
const leaf = new Set(['paragraph', 'heading', 'tableCell', 'code', 'html'])
function inline(node: Nodes): string {
  if (node.type === 'break') return '\n'
  if (node.type === 'image' || node.type === 'imageReference') return ''
  if ('value' in node) return node.value
  return ('children' in node ? (node.children as Array<Nodes>) : []).map(inline).join('')
}
function textOf(markdown: string): string {
  const blocks: Array<string> = []
  const walk = (node: Nodes) => {
    if (node.type === 'yaml' || node.type === 'definition') return
    if (leaf.has(node.type)) return void blocks.push(inline(node))
    if ('children' in node) for (const child of node.children as Array<Nodes>) walk(child)
  }
  walk(parser.parse(markdown) as Root)
  return blocks.join('\n')
}

const dir = process.argv[2]
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : ''
const norm = (value: string) => value.replace(/\s+/g, ' ').trim()
let tp = 0
let fp = 0
let fn = 0
for (const name of fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.generic.json'))
  .sort()) {
  const base = name.replace('.generic.json', '')
  if (only && !base.includes(only)) continue
  const expected = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'))
  if (!expected.with && !expected.without) continue
  let body = ''
  try {
    const file = await convert(fs.readFileSync(path.join(dir, base + '.html'), 'utf8'), expected.url ? {url: expected.url} : {})
    body = norm(textOf(String(file)))
  } catch (error) {
    console.log(base, 'CRASH', String(error).slice(0, 80))
  }
  const missed = (expected.with || []).filter((s: string) => !body.includes(norm(s)))
  const leaked = (expected.without || []).filter((s: string) => body.includes(norm(s)))
  tp += (expected.with || []).length - missed.length
  fn += missed.length
  fp += leaked.length
  if (missed.length || leaked.length)
    console.log(
      base,
      missed.length ? 'MISSED ' + JSON.stringify(missed.map((s: string) => s.slice(0, 60))) : '',
      leaked.length ? 'LEAKED ' + JSON.stringify(leaked.map((s: string) => s.slice(0, 60))) : ''
    )
}
console.log('precision', (tp / (tp + fp)).toFixed(3), 'recall', (tp / (tp + fn)).toFixed(3), 'F1', ((2 * tp) / (2 * tp + fp + fn)).toFixed(3))
