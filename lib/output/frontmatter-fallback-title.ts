/**
 * A title for a page that has none, for generators that need one (Astro's
 * collection schema has `title: z.string()`; Hugo and Eleventy list an
 * empty link; Jekyll makes one of the file name).
 *
 * @module
 */
import type {Nodes} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'

/** Longest fallback title taken from the text, in characters (graphemes), before `…`. */
export const maxFallbackLength = 80

const parser = unified().use(remarkParse).use(remarkGfm).freeze()
const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'})

/**
 * The fallback title: the text of the body's first block when it is a
 * heading, the first sentence of it when it is a paragraph (cut at
 * `maxFallbackLength` characters with `…`), else the input file name
 * without its extension.
 *
 * @param markdown
 *   The page's Markdown body (no frontmatter).
 * @param relative
 *   The input path, for the last resort.
 */
export function fallbackTitle(markdown: string, relative: string): {title: string; from: string} {
  const tree = parser.parse(markdown)
  let first: {type: 'heading' | 'paragraph'; text: string} | undefined
  visit(tree, function (node) {
    if (node.type !== 'heading' && node.type !== 'paragraph') return undefined
    const text = plain(node)
    if (!text) return 'skip'
    first = {type: node.type, text}
    return false
  })
  if (first && first.type === 'heading') return {title: cut(first.text), from: 'the first heading'}
  if (first) {
    const sentence = /^.+?(?:[。！？]|[!?.](?=\s|$))/u.exec(first.text)
    return {title: cut(sentence ? sentence[0] : first.text), from: 'the first paragraph'}
  }
  const name = relative.slice(relative.lastIndexOf('/') + 1)
  return {title: name.replace(/\.[^.]*$/, '') || name, from: 'the file name'}
}

/** Text of a node, images' alt text left out, white space collapsed. */
function plain(node: Nodes): string {
  let value = ''
  visit(node, function (child) {
    if (child.type === 'text' || child.type === 'inlineCode') value += child.value
    else if (child.type === 'break') value += ' '
  })
  return value.replace(/\s+/g, ' ').trim()
}

function cut(value: string): string {
  const graphemes = [...segmenter.segment(value)].map((entry) => entry.segment)
  if (graphemes.length <= maxFallbackLength) return value
  return (
    graphemes
      .slice(0, maxFallbackLength - 1)
      .join('')
      .trimEnd() + '…'
  )
}
