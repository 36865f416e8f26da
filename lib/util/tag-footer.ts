import type {Element, ElementContent, Root} from 'hast'
import {collapse} from './text.js'
import {solidLength} from './bounded-text.js'
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
    const tags = footerTags(node)
    if (tags) {
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
    const tags = footerTags(node)
    if (tags) best = {candidate, found: {node, tags}}
  }
  return best && best.found
}

/** Whether the first non-blank text directly in `element` opens with a tags label. */
export function startsWithTagLabel(element: Element): boolean {
  const first = element.children.find((c) => c.type === 'text' && c.value.trim())
  return first !== undefined && first.type === 'text' && tagFooterLabel.test(first.value)
}

/** Longest text of a tag footer (collapsed; characters). */
const footerLength = 600

/**
 * The link texts of `node`, in order, each once, when it has some and its
 * text (collapsed) is shorter than `footerLength`: one read of `node`,
 * which stops once the text is surely that long.
 */
function footerTags(node: Element): Array<string> | undefined {
  const seen = new Set<string>()
  let text = ''
  let solid = 0
  // The text's length where the link being read began (`-1`: outside links).
  let linkStart = -1
  const stack: Array<ElementContent | 'link-end'> = []
  for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index])
  while (stack.length > 0) {
    const item = stack.pop()!
    if (item === 'link-end') {
      const link = collapse(text.slice(linkStart))
      if (link) seen.add(link)
      linkStart = -1
    } else if (item.type === 'text') {
      text += item.value
      solid += solidLength(item.value)
      if (solid >= footerLength) return undefined
    } else if (item.type === 'element') {
      if (item.tagName === 'a' && linkStart === -1) {
        linkStart = text.length
        stack.push('link-end')
      }
      for (let index = item.children.length - 1; index >= 0; index--) stack.push(item.children[index])
    }
  }
  return seen.size > 0 && collapse(text).length < footerLength ? [...seen] : undefined
}
