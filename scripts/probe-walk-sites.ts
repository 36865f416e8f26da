// Which functions read children: every counted visit during `rehypeNewsArticle`
// attributed to the innermost frame under lib/ (and the plugin step that called it).
// Usage: npx tsx scripts/probe-walk-sites.ts PAGE.html
import fs from 'node:fs'
import type {Nodes, Root} from 'hast'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import * as m from '../index.js'

const html = fs.readFileSync(process.argv[2], 'utf8')
const sites = new Map<string, number>()
let phase = 'page'
const raw = new WeakMap<object, Array<unknown>>()
Error.stackTraceLimit = 40
const counting: ProxyHandler<Array<unknown>> = {
  get(target, key, receiver) {
    if (typeof key === 'string' && key.length < 10 && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57) {
      const frames = (new Error().stack || '')
        .split('\n')
        .slice(2)
        .filter((line) => line.includes('/lib/') && !line.includes('node_modules'))
      const short = (line: string | undefined) => (line ? line.replace(/^.*?at (?:(\S+) \()?.*\/lib\/([^:]+):(\d+).*$/, '$2:$3 $1') : '?')
      const plugin = frames.find((f) => f.includes('/lib/plugins/') || f.includes('/lib/images/') || f.includes('/lib/verdict/'))
      const key2 = phase + '  ' + short(frames[0]) + '  <=  ' + short(plugin)
      sites.set(key2, (sites.get(key2) || 0) + 1)
    }
    return Reflect.get(target, key, receiver)
  }
}
function wrap(children: Array<unknown>): Array<unknown> {
  if (raw.has(children)) return children
  const proxy = new Proxy(children, counting)
  raw.set(proxy, children)
  return proxy
}
function instrument(tree: Root): void {
  const stack: Array<Nodes> = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type !== 'root' && node.type !== 'element') continue
    const plain = node.children as Array<Nodes>
    for (const child of plain) stack.push(child)
    let children = wrap(plain)
    Object.defineProperty(node, 'children', {
      configurable: true,
      enumerable: true,
      get: () => children,
      set(value: Array<unknown>) {
        children = wrap(value)
        if (node.type === 'root') phase = 'article'
      }
    })
  }
}
const file = new VFile(html)
const tree = unified().use(rehypeParse).parse(file)
instrument(tree)
unified().use(m.rehypeNewsArticle, {}).freeze().runSync(tree, file)
const rows = [...sites].sort((a, b) => b[1] - a[1])
for (const [site, count] of rows.slice(0, Number(process.argv[3] || 60))) console.log(String(count).padStart(6), site)
