import type {Element, Root} from 'hast'
import type {State} from 'hast-util-to-mdast'
import {defaultHandlers} from 'hast-util-to-mdast'
import type {ListItem} from 'mdast'
import {phrasingTags} from '../analyse/blocks/tags.js'
import {walk} from './walk.js'

/**
 * `hast-util-to-mdast` handler for `<li>`: the default one, with a list
 * item spread (loose) only when the item holds a paragraph (`<p>`) or two
 * blocks besides its nested lists. The default also counts the items of a
 * nested list as blocks of the outer item, so every item with a nested
 * list of two or more items came out loose, with blank lines around it
 * (syntax-tree/hast-util-to-mdast#79).
 */
export function listItem(state: State, node: Element): ListItem {
  const result = defaultHandlers.li(state, node) as ListItem
  result.spread = spreadOut(node)
  return result
}

/** Whether an item (or a block in it) holds a paragraph or two blocks, nested lists aside. */
function spreadOut(node: Element): boolean {
  // A parent's children are visited together, then the blocks among them.
  let parent: Root | Element | undefined
  let seenFlow = false
  return walk(node, function (child, at) {
    if (at !== parent) {
      parent = at
      seenFlow = false
    }
    if (child.type !== 'element' || phrasingTags.has(child.tagName)) return 'skip'
    if (child.tagName === 'ul' || child.tagName === 'ol') return 'skip'
    if (child.tagName === 'p' || seenFlow) return 'exit'
    seenFlow = true
  })
}
