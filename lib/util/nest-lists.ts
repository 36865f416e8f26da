import type {Element, ElementContent, Root} from 'hast'
import {phrasingTags} from '../analyse/blocks/tags.js'
import {walkShared} from './walk.js'
import type {WalkListener} from './walk.js'

/**
 * Give every `<ul>` and `<ol>` under `tree` list items only, as Markdown
 * needs:
 *
 * *   a list directly inside a list (`<ul><li>a</li><ul>…</ul></ul>`, as
 *     rich-text editors write it) becomes a nested list of the item before
 *     it; with no item before it, its items join the outer list
 * *   other content directly inside a list (text, a paragraph) continues the
 *     item before it as a paragraph of its own; with no item before it, it
 *     becomes an item
 *
 * White space between items stays. Walks with an explicit stack.
 *
 * @returns
 *   How many children were moved.
 */
export function nestLists(tree: Root | Element): number {
  let moved = tree.type === 'element' && isList(tree) ? normaliseList(tree) : 0
  walkShared(tree, [nestListsListener((count) => void (moved += count))])
  return moved
}

/**
 * `nestLists` as a listener of a shared walk (`walkShared`): each list is
 * normalised as the walk enters it (its children only, before the walk
 * reads them); `onMove` hears how many children moved.
 */
export function nestListsListener(onMove?: (count: number) => undefined | void): WalkListener {
  return {
    enter(element) {
      if (!isList(element)) return
      const moved = normaliseList(element)
      if (onMove) onMove(moved)
    }
  }
}

function isList(node: Element): boolean {
  return node.tagName === 'ul' || node.tagName === 'ol'
}

function normaliseList(list: Element): number {
  let moved = 0
  const children: Array<ElementContent> = []
  let last: Element | undefined
  // A run of stray inline content, gathered into one paragraph.
  let inline: Array<ElementContent> = []

  const flushInline = () => {
    if (inline.length === 0) return
    const content = inline
    inline = []
    if (!content.some((node) => node.type === 'element' || (node.type === 'text' && node.value.trim()))) {
      children.push(...content)
      return
    }
    const paragraph: Element = {type: 'element', tagName: 'p', properties: {}, children: content}
    attach(paragraph)
  }

  const attach = (node: Element) => {
    moved++
    if (last) {
      last.children.push(node)
    } else {
      last = {type: 'element', tagName: 'li', properties: {}, children: [node]}
      children.push(last)
    }
  }

  // Items of a list that has no item to nest under join this list; they
  // are judged again in their new place (they may hold lists themselves).
  const pending = [...list.children].reverse()
  while (pending.length > 0) {
    const child = pending.pop()!
    if (child.type === 'element' && child.tagName === 'li') {
      flushInline()
      children.push(child)
      last = child
    } else if (child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol')) {
      flushInline()
      if (last) {
        attach(child)
      } else {
        moved++
        for (let index = child.children.length - 1; index >= 0; index--) pending.push(child.children[index])
      }
    } else if (child.type === 'text' || child.type === 'comment' || (child.type === 'element' && phrasingTags.has(child.tagName))) {
      inline.push(child)
    } else {
      flushInline()
      attach(child)
    }
  }
  flushInline()
  list.children = children
  return moved
}
