import YAML from 'yaml'

const fence = /^---\n([\s\S]*?)\n---(?:\n|$)/

/**
 * Rewrite the YAML frontmatter of a Markdown document with `edit`, parsing
 * and serialising it with the `yaml` library (the same settings as the
 * core). A document without frontmatter gets one when `edit` returns keys.
 */
export function rewriteFrontmatter(markdown: string, edit: (data: Readonly<Record<string, unknown>>) => Record<string, unknown>): string {
  const match = fence.exec(markdown)
  const parsed: unknown = match ? YAML.parse(match[1]) : {}
  const data = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}
  const body = match ? markdown.slice(match[0].length).replace(/^\n/, '') : markdown
  const result = edit(data)
  if (Object.keys(result).length === 0) return body
  const yaml = YAML.stringify(result, {lineWidth: 0, aliasDuplicateObjects: false})
  return '---\n' + yaml + '---\n' + (body ? '\n' + body : '')
}
