import type {Element, Root} from 'hast'

/** Property that marks the chosen article root in the tree. */
export const rootMarker = 'dataNewsMarkdownRoot'

/**
 * The article root marked by `rehypeSelectRoot`, if any: a plain iterative
 * search for the marker property (cheaper than a selector engine walk).
 */
export function markedRoot(tree: Root): Element | undefined {
  const stack: Array<Root | Element> = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (child.properties[rootMarker]) return child
      stack.push(child)
    }
  }
  return undefined
}
