import type {Root, Text} from 'hast'
import type {VFile} from 'vfile'
import type {Plugin} from 'unified'
import {stripInvisible} from '../util/invisible.js'
import {walkParts} from '../util/walk.js'
import type {WalkPart} from '../util/walk.js'

/** Elements whose text is code or data, not prose: left as they are. */
const RAW = new Set(['script', 'style', 'template', 'textarea'])
/** Attributes that hold text a reader sees (or hears). */
const TEXT_ATTRIBUTES = ['alt', 'title'] as const

/**
 * Remove invisible break and join hints (soft hyphens U+00AD, zero width
 * spaces U+200B, word joiners U+2060, stray U+FEFF) from text and from
 * `alt`/`title`, so the text matches what a reader sees and searches for.
 * Characters that change meaning stay: ZWJ (emoji sequences), ZWNJ
 * (Persian, Indic), bidirectional marks (see `../util/invisible.ts`).
 *
 * Runs after CJK spacing in `rehypeNewsArticle`: a zero width space at a
 * line break tells that step the break renders as nothing.
 * `file.data.invisibleRemoved` counts the characters removed.
 */
export const rehypeStripInvisible: Plugin<[], Root> = function () {
  return function (tree, file) {
    walkParts(tree, [stripInvisiblePart(file)])
  }
}

/**
 * `rehypeStripInvisible` as a part of a shared walk (`walkParts`): strips
 * `alt` and `title` as the walk meets an element, and the text nodes once
 * the walk is over (so parts before it in the same walk, such as CJK
 * spacing, which reads zero width spaces, see them as they were).
 *
 * @param file
 *   File whose `data.invisibleRemoved` counts the characters removed.
 */
export function stripInvisiblePart(file: VFile): WalkPart {
  let removed = 0
  const texts: Array<Text> = []
  return {
    listener: {
      enter(element) {
        if (RAW.has(element.tagName)) return false
        for (const name of TEXT_ATTRIBUTES) {
          const value = element.properties[name]
          if (typeof value === 'string') {
            const clean = stripInvisible(value)
            removed += value.length - clean.length
            element.properties[name] = clean
          }
        }
      },
      text(node) {
        texts.push(node)
      }
    },
    done() {
      for (const node of texts) {
        const clean = stripInvisible(node.value)
        removed += node.value.length - clean.length
        node.value = clean
      }
      if (removed > 0) file.data.invisibleRemoved = (file.data.invisibleRemoved ?? 0) + removed
    }
  }
}
