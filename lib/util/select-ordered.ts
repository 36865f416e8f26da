import type {Element, Root} from 'hast'
import {matches, selectAll} from 'hast-util-select'

/** A combinator outside brackets, parentheses and quotes. */
const combinator = /[\s>+~]/

/**
 * The elements of the first selector in `selectors` (in order of
 * preference) that matches anything accepted by `accept`, with that
 * selector. One walk over the tree with the whole list; selectors are then
 * told apart on the few candidates (`matches` needs no ancestors for
 * compound selectors); lists with combinators fall back to a walk each,
 * only when the list matched something at all.
 */
export function selectOrdered(
  selectors: ReadonlyArray<string> | null | undefined,
  tree: Root | Element,
  accept: (node: Element) => boolean = () => true
): {selector: string; nodes: Array<Element>} | undefined {
  if (!selectors || selectors.length === 0) return undefined
  const candidates = selectAll(selectors.join(', '), tree).filter(accept)
  if (candidates.length === 0) return undefined
  const compound = selectors.every((selector) => !combinator.test(selector.replace(/\[[^\]]*\]|\([^)]*\)|"[^"]*"|'[^']*'/g, '')))
  for (const selector of selectors) {
    const nodes = compound ? candidates.filter((node) => matches(selector, node)) : selectAll(selector, tree).filter(accept)
    if (nodes.length > 0) return {selector, nodes}
  }
  return undefined
}
