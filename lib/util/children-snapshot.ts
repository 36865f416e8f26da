import type {Element, ElementContent} from 'hast'

/**
 * The children lists of an element and its descendants, to undo changes that
 * replace lists (not ones that edit nodes). Cheap: the lists are kept, not
 * copied, so it undoes only changes that assign new lists
 * (`parent.children = kept`), as `cleanArticleRoot` makes them.
 */
export type ChildrenSnapshot = Map<Element, Array<ElementContent>>

/** Put back every children list `snapshot` recorded. */
export function restoreChildren(snapshot: ChildrenSnapshot): void {
  for (const [node, children] of snapshot) node.children = children
}
