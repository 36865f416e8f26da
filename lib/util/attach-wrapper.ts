import type {Element, ElementContent, Root, RootContent} from 'hast'

type Parent = Root | Element
type Content = RootContent | ElementContent

/**
 * Put a detached wrapper (content scoring's merge of several blocks) into
 * the tree: its children leave their old parents and the wrapper takes the
 * place of the first of them, so every node has one parent again.
 *
 * @param tree
 *   Tree the wrapper's children are in.
 * @param wrapper
 *   New element whose children are nodes of `tree`.
 * @param parentOf
 *   Parent of each of the wrapper's children in `tree` (as content scoring
 *   recorded them), `undefined` for one not in the tree.
 * @returns
 *   The child whose place the wrapper took (the first taken from the
 *   tree), when every child of the wrapper was an element taken from the
 *   parent `parentOf` gave; else `undefined`.
 */
export function attachWrapper(tree: Root, wrapper: Element, parentOf: (node: Element) => Parent | undefined): Element | undefined {
  let anchor: {siblings: Array<Content>; index: number; child: Element} | undefined
  let all = true
  for (const child of wrapper.children) {
    const parent = child.type === 'element' ? parentOf(child) : undefined
    if (!parent) {
      all = false
      continue
    }
    // An element (the wrapper) fits under either kind of parent.
    const siblings: Array<Content> = parent.children
    const index = siblings.indexOf(child)
    if (index === -1) {
      all = false
      continue
    }
    if (!anchor) anchor = {siblings, index, child: child as Element}
    siblings.splice(index, 1)
  }
  if (anchor) anchor.siblings.splice(anchor.index, 0, wrapper)
  else tree.children.push(wrapper)
  return anchor && all ? anchor.child : undefined
}
