import type {ElementContent, Root, Element} from 'hast'

/**
 * Put `nodes` in the place of the child of `parent` at `index`: one node
 * takes the place as it is (the children after it are not moved), more or
 * none are spliced in.
 *
 * @param parent
 *   Parent, changed in place.
 * @param index
 *   Index of the child replaced.
 * @param nodes
 *   Its replacement.
 */
export function replaceChild(parent: Root | Element, index: number, nodes: ReadonlyArray<ElementContent>): void {
  const children = parent.children as Array<ElementContent>
  if (nodes.length === 1) children[index] = nodes[0]
  else children.splice(index, 1, ...nodes)
}
