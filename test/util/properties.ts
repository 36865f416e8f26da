import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import YAML from 'yaml'

/** The property format of `shared/spec/*.expected.json` and `fixtures/<case>/expected.json`. */
export interface Expected {
  title?: string | null
  source?: string | null
  author?: string | null
  date?: string | null
  url?: string | null
  tags?: Array<string>
  mustContain?: Array<string>
  mustNotContain?: Array<string>
  related?: Array<[string, string]>
  strong?: Array<string>
  emphasis?: Array<string>
  bytes?: boolean
  options?: Record<string, unknown>
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)

/** Parse Markdown with frontmatter the way a CommonMark + GFM reader does. */
export function parseMarkdown(markdown: string): {tree: Root; matter: Record<string, unknown>; body: string} {
  const tree = parser.parse(markdown)
  const first = tree.children[0]
  const matter = first && first.type === 'yaml' ? (YAML.parse(first.value) as Record<string, unknown>) || {} : {}
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '')
  return {tree, matter, body}
}

const letters = (value: string) => value.replace(/[\p{P}\p{S}\s]/gu, '')

/** Every way `markdown` falls short of `expected`; empty when it holds. */
export function checkProperties(markdown: string, expected: Expected): Array<string> {
  const problems: Array<string> = []
  const {tree, matter, body} = parseMarkdown(markdown)
  if (!tree.children[0] || tree.children[0].type !== 'yaml') problems.push('no YAML frontmatter at the top')
  for (const key of ['title', 'source', 'author', 'date', 'url', 'tags'] as const) {
    if (!(key in expected)) continue
    const want = expected[key]
    const got = matter[key]
    let ok: boolean
    if (want === null) ok = got === undefined
    else if (key === 'tags') ok = JSON.stringify(got ?? []) === JSON.stringify(want)
    else if (key === 'date') ok = typeof got === 'string' && got.startsWith(String(want))
    else ok = got === want
    if (!ok) problems.push(key + ': expected ' + JSON.stringify(want) + ', got ' + JSON.stringify(got))
  }
  for (const s of expected.mustContain || []) if (!markdown.includes(s)) problems.push('missing: ' + s)
  for (const s of expected.mustNotContain || []) if (body.includes(s)) problems.push('leaked: ' + s)
  if (expected.related && expected.related.length > 0) {
    const want = JSON.stringify(expected.related)
    let found = false
    visit(tree, 'list', function (list) {
      const pairs = list.children.map(function (item) {
        const links: Array<[string, string]> = []
        visit(item, 'link', (link) => {
          links.push([toString(link), link.url])
        })
        return links.length === 1 ? links[0] : undefined
      })
      if (JSON.stringify(pairs) === want) found = true
    })
    if (!found) problems.push('related list not kept as a list of links')
  }
  for (const kind of ['strong', 'emphasis'] as const) {
    for (const want of expected[kind] || []) {
      let found = false
      visit(tree, kind, (node) => {
        if (letters(toString(node)) === letters(want)) found = true
      })
      if (!found) problems.push(kind + ' "' + want + '" does not parse back')
    }
  }
  return problems
}
