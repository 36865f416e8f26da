import type {Element, ElementContent, Root, RootContent} from 'hast'

type Parent = Root | Element
type Content = RootContent | ElementContent

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
  let anchor: {siblings: Array<Content>; index: number} | undefined
  for (const child of wrapper.children) {
    const parent = parents.get(child)
    if (!parent) continue
    // An element (the wrapper) fits under either kind of parent.
    const siblings: Array<Content> = parent.children
    const index = siblings.indexOf(child)
    if (!anchor) anchor = {siblings, index}
    siblings.splice(index, 1)
  }
  if (anchor) anchor.siblings.splice(anchor.index, 0, wrapper)
  else tree.children.push(wrapper)
}
