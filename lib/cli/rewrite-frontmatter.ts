import YAML from 'yaml'
import {stringifyFrontmatter} from '../util/frontmatter-yaml.js'

const fence = /^---\n([\s\S]*?)\n---(?:\n|$)/

/**
 * Rewrite the YAML frontmatter of a Markdown document with `edit`, parsing
 * it with the `yaml` library and serialising it with `stringifyFrontmatter`
 * (strings that YAML 1.1 readers such as Jekyll's would read as booleans,
 * numbers or dates stay quoted). A document without frontmatter gets one
 * when `edit` returns keys.
 */
export function rewriteFrontmatter(markdown: string, edit: (data: Readonly<Record<string, unknown>>) => Record<string, unknown>): string {
  const match = fence.exec(markdown)
  const parsed: unknown = match ? YAML.parse(match[1]) : {}
  const data = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}
  const body = match ? markdown.slice(match[0].length).replace(/^\n/, '') : markdown
  const result = edit(data)
  if (Object.keys(result).length === 0) return body
  const yaml = stringifyFrontmatter(result)
  return '---\n' + yaml + '---\n' + (body ? '\n' + body : '')
}
