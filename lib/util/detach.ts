import type {Element, Root} from 'hast'

/**
 * Remove `target` from the tree under `root` (searched iteratively);
 * returns whether it was found.
 */
export function detach(root: Root | Element, target: Element): boolean {
  const stack: Array<Root | Element> = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    const index = node.children.indexOf(target)
    if (index !== -1) {
      node.children.splice(index, 1)
      return true
    }
    for (const child of node.children) if (child.type === 'element') stack.push(child)
  }
  return false
}

/** Whether `target` is `root` or one of its descendants. */
export function isInside(root: Element, target: Element): boolean {
  const stack: Array<Element> = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node === target) return true
    for (const child of node.children) if (child.type === 'element') stack.push(child)
  }
  return false
}
