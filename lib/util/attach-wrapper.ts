import type {Element, Root} from 'hast'

type Parent = Root | Element

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
 */
export function attachWrapper(tree: Root, wrapper: Element, parentOf: (node: Element) => Parent | undefined): void {
  let anchor: {parent: Parent; index: number} | undefined
  for (const child of wrapper.children) {
    const parent = child.type === 'element' ? parentOf(child) : undefined
    if (!parent) continue
    const index = parent.children.indexOf(child as never)
    if (index === -1) continue
    if (!anchor) anchor = {parent, index}
    parent.children.splice(index, 1)
  }
  if (anchor) anchor.parent.children.splice(anchor.index, 0, wrapper as never)
  else tree.children.push(wrapper)
}
