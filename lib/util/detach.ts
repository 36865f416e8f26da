import type {Element, Root} from 'hast'
import {walk} from './walk.js'

/**
 * Remove `target` from the tree under `root` (searched iteratively);
 * returns whether it was found.
 */
export function detach(root: Root | Element, target: Element): boolean {
  return walk(root, function (node, parent, index) {
    if (node !== target) return
    parent.children.splice(index, 1)
    return 'exit'
  })
}

/** Whether `target` is `root` or one of its descendants. */
export function isInside(root: Element, target: Element): boolean {
  return root === target || walk(root, (node) => (node === target ? 'exit' : undefined))
}
