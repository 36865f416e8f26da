import type {Element} from 'hast'
import type {State} from 'hast-util-to-mdast'
import {defaultHandlers} from 'hast-util-to-mdast'
import type {List, ListItem} from 'mdast'

/**
 * `hast-util-to-mdast` handler for `<dl>`: the default one (a bullet list,
 * one item per term group: the terms, then the descriptions, two or more
 * descriptions as a nested list), with the items of a group that has no
 * term text (`<dd>`s before the first `<dt>`, or a `<dt>` left empty by
 * cleaning) lifted into the outer list. The default gave such a group an
 * item holding only the nested list, an empty outer bullet (`- - text`).
 */
export function definitionList(state: State, node: Element): List | undefined {
  const result = defaultHandlers.dl(state, node) as List | undefined
  if (!result) return result
  const items: Array<ListItem> = []
  for (const item of result.children) {
    const only = item.children.length === 1 ? item.children[0] : undefined
    if (only && only.type === 'list' && !only.ordered) items.push(...only.children)
    else items.push(item)
  }
  result.children = items
  result.spread = items.length > 1 && items.some((item) => item.spread)
  return result
}
