import type {Element, ElementContent} from 'hast'
import {walk} from './walk.js'

/** The children lists of an element and its descendants, to undo changes that replace lists (not ones that edit nodes). */
export type ChildrenSnapshot = Map<Element, Array<ElementContent>>

/**
 * Record the children list of `root` and of every element under it
 * (iteratively, any depth). Cheap: the lists are kept, not copied, so it
 * undoes only changes that assign new lists (`parent.children = kept`),
 * as `cleanArticleRoot` makes them.
 */
export function snapshotChildren(root: Element): ChildrenSnapshot {
  const snapshot: ChildrenSnapshot = new Map([[root, root.children]])
  walk(root, function (node) {
    if (node.type === 'element') snapshot.set(node, node.children)
  })
  return snapshot
}

/** Put back every children list `snapshot` recorded. */
export function restoreChildren(snapshot: ChildrenSnapshot): void {
  for (const [node, children] of snapshot) node.children = children
}
