/**
 * The `tags` of a page's YAML frontmatter, read and replaced in place: the
 * rest of the file keeps its bytes. The frontmatter is the one the layouts
 * write (`stringifyFrontmatter`): `---\n…\n---\n` at the start, `tags:` a
 * top-level key at the start of a line, its items indented on the lines
 * after it.
 *
 * @module
 */
import YAML from 'yaml'
import {stringifyFrontmatter} from './frontmatter.js'

/** Where the `tags` block is: `[start, end)` character offsets (the block's lines, with their line breaks). */
function tagsBlock(markdown: string): [number, number] | undefined {
  if (!markdown.startsWith('---\n')) return undefined
  const end = markdown.indexOf('\n---\n', 3)
  if (end === -1) return undefined
  const start = markdown.startsWith('tags:', 4) ? 4 : markdown.indexOf('\ntags:', 3) + 1
  if (start === 0 || start > end) return undefined
  let stop = markdown.indexOf('\n', start) + 1
  // Items and their continuation lines are indented.
  while (stop <= end && (markdown.charCodeAt(stop) === 0x20 || markdown.charCodeAt(stop) === 0x09)) stop = markdown.indexOf('\n', stop) + 1
  return [start, stop]
}

/** The tags of `markdown`'s frontmatter; `[]` when it has none. */
export function frontmatterTags(markdown: string): Array<string> {
  const block = tagsBlock(markdown)
  if (!block) return []
  const data = YAML.parse(markdown.slice(block[0], block[1])) as {tags?: unknown} | null
  const tags = data?.tags
  return Array.isArray(tags) ? tags.map(String) : []
}

/**
 * `markdown` with its frontmatter's tags set to `tags`, written as the
 * layouts write them (`stringifyFrontmatter`); nothing else changes.
 * `markdown` without a `tags` block is returned as it is.
 */
export function withTags(markdown: string, tags: ReadonlyArray<string>): string {
  const block = tagsBlock(markdown)
  if (!block) return markdown
  const text = tags.length === 0 ? '' : stringifyFrontmatter({tags: [...tags]})
  return markdown.slice(0, block[0]) + text + markdown.slice(block[1])
}
