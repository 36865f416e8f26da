import type {Element, ElementContent, Root, RootContent} from 'hast'

/** What a `walk` visitor returns: `skip` (do not go into this element), `exit` (stop), or nothing (go on). */
export type WalkAction = 'skip' | 'exit' | undefined | void

/**
 * A `walk` visitor: `node` is a child of `parent`, at `index`. It may
 * change `node`'s children (the walk goes into them as they are after the
 * call) and, when it returns `exit`, `parent`'s.
 */
export type Visitor = (node: RootContent | ElementContent, parent: Root | Element, index: number) => WalkAction

/**
 * Visit every node below `tree` (not `tree` itself) with an explicit stack,
 * so no page nests deep enough to overflow it: a parent's children are
 * visited in order, then the walk goes into its element children (the last
 * one first). Not document order: use it for searches whose answer does not
 * depend on order between branches, or where that order is wanted.
 *
 * @returns
 *   Whether a visitor returned `exit`.
 */
export function walk(tree: Root | Element, visitor: Visitor): boolean {
  const stack: Array<Root | Element> = [tree]
  while (stack.length > 0) {
    const parent = stack.pop()!
    for (let index = 0; index < parent.children.length; index++) {
      const node = parent.children[index]
      const action = visitor(node, parent, index)
      if (action === 'exit') return true
      if (action !== 'skip' && node.type === 'element') stack.push(node)
    }
  }
  return false
}
