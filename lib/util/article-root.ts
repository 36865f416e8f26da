import type {Element, Root} from 'hast'
import {select} from 'hast-util-select'

/** Property that marks the chosen article root in the tree. */
export const rootMarker = 'dataNewsMarkdownRoot'

/** The article root marked by `rehypeSelectRoot`, if any. */
export function markedRoot(tree: Root): Element | undefined {
  return select('[data-news-markdown-root]', tree)
}
