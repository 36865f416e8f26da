import type {Element, Root} from 'hast'
import {textOf} from './text.js'
import {walk} from './walk.js'

/** Labels that open a tag footer: `本文标签：`, `標籤:`, `Tags:`. */
export const tagFooterLabel = /^\s*(?:本文标签|本文標籤|文章标签|文章標籤|标签|標籤|关键词|關鍵詞|tags?|schlagwörter|étiquettes)\s*[:：]/i

/** A tag footer: the element and its link texts. */
export interface TagFooter {
  node: Element
  tags: Array<string>
}

/**
 * A tag footer found by its label rather than by a selector: the element
 * whose own leading text is a tags label, holding at least one link. Its
 * link texts, in order, are the tags.
 */
export function findTagFooter(tree: Root | Element): TagFooter | undefined {
  let found: TagFooter | undefined
  walk(tree, function (node) {
    if (node.type !== 'element' || !startsWithTagLabel(node)) return
    const tags = linkTexts(node)
    if (tags.length > 0 && textOf(node).length < 600) {
      found = {node, tags}
      return 'exit'
    }
  })
  return found
}

/**
 * `findTagFooter` among known candidates (elements whose first text opened
 * with a tags label when the page was indexed): of those still in the tree
 * (`present`) and still a tag footer, the one `findTagFooter` meets first
 * (`before` orders two candidates as its walk would).
 */
export function findTagFooterAmong<T extends {element: Element}>(candidates: ReadonlyArray<T>, present: (element: Element) => boolean, before: (a: T, b: T) => boolean): TagFooter | undefined {
  let best: {candidate: T; found: TagFooter} | undefined
  for (const candidate of candidates) {
    const node = candidate.element
    if (!present(node) || !startsWithTagLabel(node)) continue
    if (best && !before(candidate, best.candidate)) continue
    const tags = linkTexts(node)
    if (tags.length > 0 && textOf(node).length < 600) best = {candidate, found: {node, tags}}
  }
  return best && best.found
}

/** Whether the first non-blank text directly in `element` opens with a tags label. */
export function startsWithTagLabel(element: Element): boolean {
  const first = element.children.find((c) => c.type === 'text' && c.value.trim())
  return first !== undefined && first.type === 'text' && tagFooterLabel.test(first.value)
}

function linkTexts(node: Element): Array<string> {
  const seen = new Set<string>()
  const stack = [...node.children].reverse()
  while (stack.length > 0) {
    const child = stack.pop()!
    if (child.type !== 'element') continue
    if (child.tagName === 'a') {
      const text = textOf(child)
      if (text) seen.add(text)
    } else {
      for (let index = child.children.length - 1; index >= 0; index--) stack.push(child.children[index])
    }
  }
  return [...seen]
}
