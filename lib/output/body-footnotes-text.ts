/**
 * Footnotes as plain text, for Markdown readers without footnote syntax
 * (markdown-it as Eleventy sets it up: `[^1]` would show as written and the
 * notes as paragraphs starting with `[^1]:`). A reference becomes its label
 * in superscript (`¹`, `ᵃ`; `[label]` when a character has no superscript
 * form), a note a paragraph starting with that mark, where the note was.
 *
 * @module
 */
import type {FootnoteDefinition, Paragraph, PhrasingContent, Root, RootContent} from 'mdast'
import {SKIP, visit} from 'unist-util-visit'
import {toSuperscript} from '../plugins/rehype-sup-sub.js'
import {restringify} from './body-restringify.js'
import type {Dialect} from './body-restringify.js'

const plain: Dialect = {}

/**
 * `markdown` with its GFM footnotes (`[^1]`, `[^1]: …`) written as text.
 *
 * @param markdown
 *   Markdown as `convert()` writes it.
 * @returns
 *   The Markdown, unchanged when it has no footnote.
 */
export function footnotesAsText(markdown: string): string {
  if (!markdown.includes('[^')) return markdown
  let changed = false
  const result = restringify(markdown, plain, function (tree: Root) {
    visit(tree, function (node, index, parent) {
      if (!parent || index === undefined) return undefined
      if (node.type === 'footnoteReference') {
        changed = true
        parent.children.splice(index, 1, {type: 'text', value: mark(node.label || node.identifier)} as PhrasingContent)
        return [SKIP, index + 1]
      }
      if (node.type === 'footnoteDefinition') {
        changed = true
        const blocks = noteBlocks(node)
        parent.children.splice(index, 1, ...(blocks as Array<RootContent>))
        return [SKIP, index]
      }
      return undefined
    })
  })
  return changed ? result : markdown
}

/** The blocks of a note, the first paragraph starting with its mark. */
function noteBlocks(node: FootnoteDefinition): FootnoteDefinition['children'] {
  const label: PhrasingContent = {type: 'text', value: mark(node.label || node.identifier) + ' '}
  const [first, ...rest] = node.children
  if (first && first.type === 'paragraph') return [{...first, children: [label, ...first.children]}, ...rest]
  const paragraph: Paragraph = {type: 'paragraph', children: [label]}
  return [paragraph, ...node.children]
}

function mark(label: string): string {
  return toSuperscript(label) ?? '[' + label + ']'
}
