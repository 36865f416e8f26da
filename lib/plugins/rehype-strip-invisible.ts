import type {Element, Root} from 'hast'
import type {Plugin} from 'unified'
import {stripInvisible} from '../util/invisible.js'

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
    let removed = 0
    const stack: Array<Root | Element> = [tree]
    while (stack.length > 0) {
      const node = stack.pop()!
      if (node.type === 'element') {
        if (RAW.has(node.tagName)) continue
        for (const name of TEXT_ATTRIBUTES) {
          const value = node.properties[name]
          if (typeof value === 'string') {
            const clean = stripInvisible(value)
            removed += value.length - clean.length
            node.properties[name] = clean
          }
        }
      }
      for (const child of node.children) {
        if (child.type === 'text') {
          const clean = stripInvisible(child.value)
          removed += child.value.length - clean.length
          child.value = clean
        } else if (child.type === 'element') stack.push(child)
      }
    }
    if (removed > 0) file.data.invisibleRemoved = (file.data.invisibleRemoved ?? 0) + removed
  }
}
