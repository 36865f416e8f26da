import type {Element, Root} from 'hast'

type Parent = Root | Element

/**
 * Put a detached wrapper (content scoring's merge of several blocks) into
 * the tree: its children leave their old parents and the wrapper takes the
 * place of the first of them, so every node has one parent again.
 */
export function attachWrapper(tree: Root, wrapper: Element): void {
  const parents = new Map<unknown, Parent>()
  const stack: Array<Parent> = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    for (const child of node.children) {
      parents.set(child, node)
      if (child.type === 'element') stack.push(child)
    }
  }
  let anchor: {parent: Parent; index: number} | undefined
  for (const child of wrapper.children) {
    const parent = parents.get(child)
    if (!parent) continue
    const index = parent.children.indexOf(child as never)
    if (!anchor) anchor = {parent, index}
    parent.children.splice(index, 1)
  }
  if (anchor) anchor.parent.children.splice(anchor.index, 0, wrapper as never)
  else tree.children.push(wrapper)
}
