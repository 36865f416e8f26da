/**
 * Footnotes as plain text, for Markdown readers without footnote syntax
 * (markdown-it as Eleventy sets it up: `[^1]` would show as written and the
 * notes as paragraphs starting with `[^1]:`). A reference becomes its label
 * in superscript (`¹`, `ᵃ`; `[label]` when a character has no superscript
 * form), a note a paragraph starting with that mark, where the note was
 * (the mark alone as a paragraph when the note opens with a list, a quote or code).
 * Labels are read from `node.label`, which `remark-gfm` always sets.
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
        parent.children.splice(index, 1, {type: 'text', value: mark(node.label!)} as PhrasingContent)
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

/** The blocks of a note: the first paragraph starting with its mark, or the mark as a paragraph before a note that opens with another block. */
function noteBlocks(node: FootnoteDefinition): FootnoteDefinition['children'] {
  const label = mark(node.label!)
  const [first, ...rest] = node.children
  if (first && first.type === 'paragraph') return [{...first, children: [{type: 'text', value: label + ' '}, ...first.children]}, ...rest]
  const paragraph: Paragraph = {type: 'paragraph', children: [{type: 'text', value: label}]}
  return [paragraph, ...node.children]
}

function mark(label: string): string {
  return toSuperscript(label) ?? '[' + label + ']'
}
