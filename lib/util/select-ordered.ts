import type {Element, Root} from 'hast'
import {selectEach} from './select.js'

/**
 * The elements of the first selector in `selectors` (in order of
 * preference) that matches anything accepted by `accept`, with that
 * selector. One walk over the tree with the whole list; selectors are then
 * told apart on the few candidates, with the ancestors that walk saw. With
 * `selected` (each selector's matches on the tree as it still is, from
 * `selectTable` or a shared walk), no walk: `present` tells which of them
 * are still in the tree.
 */
export function selectOrdered(
  selectors: ReadonlyArray<string> | null | undefined,
  tree: Root | Element,
  accept: (node: Element) => boolean = () => true,
  selected?: ReadonlyMap<string, ReadonlyArray<Element>> | null | undefined,
  present: (node: Element) => boolean = () => true
): {selector: string; nodes: Array<Element>} | undefined {
  if (!selectors || selectors.length === 0) return undefined
  // Matches already gathered (by `selectTable`) on this tree as it is.
  if (selected && selectors.every((selector) => selected.has(selector))) {
    for (const selector of selectors) {
      const nodes = selected.get(selector)!.filter((node) => present(node) && accept(node))
      if (nodes.length > 0) return {selector, nodes}
    }
    return undefined
  }
  const candidates = selectEach(selectors, tree).filter((candidate) => accept(candidate.element))
  for (const [index, selector] of selectors.entries()) {
    const nodes = candidates.filter((candidate) => candidate.matches[index]).map((candidate) => candidate.element)
    if (nodes.length > 0) return {selector, nodes}
  }
  return undefined
}
