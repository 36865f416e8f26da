import type {Element, Root} from 'hast'
import {walk} from './walk.js'

/**
 * Remove `target` from the tree under `root` (searched iteratively).
 *
 * @returns
 *   The parent it was removed from (`undefined`: not found).
 */
export function detach(root: Root | Element, target: Element): Root | Element | undefined {
  let from: Root | Element | undefined
  walk(root, function (node, parent, index) {
    if (node !== target) return
    parent.children.splice(index, 1)
    from = parent
    return 'exit'
  })
  return from
}

/** Whether `target` is `root` or one of its descendants. */
export function isInside(root: Element, target: Element): boolean {
  return root === target || walk(root, (node) => (node === target ? 'exit' : undefined))
}
