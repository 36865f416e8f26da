import fs from 'node:fs'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import type {Root} from 'hast'
import * as m from '../index.js'

const n = Number(process.argv[2] || 20000)
const html = process.argv[3] ? fs.readFileSync(process.argv[3], 'utf8') : '<h2>T</h2><div class="entry">' + '<p>段落<b>粗</b>文字。</p>'.repeat(n) + '</div>'
const file = new VFile(html)
const time = (label: string, f: () => unknown) => { const t = performance.now(); const r = f(); console.log(label.padEnd(24), Math.round(performance.now() - t) + 'ms'); return r }
const tree = time('parse', () => unified().use(rehypeParse).parse(file)) as Root
const p = unified()
for (const [name, plugin, opts] of [
  ['resolveProfile', m.rehypeResolveProfile, {}], ['selectRoot', m.rehypeSelectRoot], ['extractMeta', m.rehypeExtractMeta, {}],
  ['prune', m.rehypePruneToRoot], ['removePromos', m.rehypeRemovePromos], ['related', m.rehypeRelatedArticles, {}],
  ['media', m.rehypeNormalizeMedia, {}], ['cjkSpacing', m.rehypeCjkSpacing]
] as const) {
  const transformer = (plugin as any).call(p, opts)
  time(name, () => transformer(tree, file))
}
const mdast = time('rehype-remark', () => unified().use(rehypeRemark).runSync(tree as any, file)) as any
time('cjkEmphasis', () => (m.remarkCjkEmphasis as any).call(p)(mdast, file))
time('frontmatter', () => (m.remarkArticleFrontmatter as any).call(p)(mdast, file))
time('stringify', () => unified().use(remarkGfm).use(remarkStringify, m.stringifyOptions).stringify(mdast, file))
