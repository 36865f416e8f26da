/**
 * A link wrapping a list or a table (`<a href><ul><li>…</li></ul></a>`,
 * `<a href><table>…</table></a>`, a card whose `<a>` holds a heading and
 * a list): Markdown has no link around blocks, and `hast-util-to-mdast`
 * writes such a link as one line of run-together item text, or a table of
 * empty cells with the text lost. Here the link goes inside instead: onto
 * each item's and each cell's content and onto the content around the
 * list or table, so items stay items, cells stay cells, and every text is
 * still a link to the same place.
 *
 * @module
 */

import type {Element, ElementContent, Parents} from 'hast'
import {phrasingTags} from '../analyse/blocks/tags.js'

/** Lists, tables and their row groups and rows: walked through, never wrapped in a link. */
const structureTags: ReadonlySet<string> = new Set(['ul', 'ol', 'dl', 'menu', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup'])

/** Blocks that hold no list or table (text-level elements aside). */
const closed: ReadonlySet<string> = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'a'])

/** Items and cells: their content takes the link. */
const itemTags: ReadonlySet<string> = new Set(['li', 'dt', 'dd', 'td', 'th', 'caption'])

/** Finds, as a walk meets the elements, the links around lists or tables, and moves each inside after the walk. */
export interface LinksAroundStructure {
  /**
   * Call for every element the walk enters, with its parent, before the
   * element is changed: reads no children (a walk over the page pays
   * nothing more).
   */
  enter(node: Element, parent: Parents): undefined
  /** Move every link found into its lists and tables (see `linkIntoStructure`), in the tree as it is after the walk. */
  done(): undefined
}

/**
 * Track the links that wrap a list or a table (directly or through
 * blocks such as a card's `<div>`, not through paragraphs, headings or
 * text-level elements) during a walk, and move the link inside each once
 * the walk is over.
 *
 * @returns
 *   Tracker.
 */
export function linksAroundStructure(): LinksAroundStructure {
  // The link each block under a link is in, and the parent each link was found in.
  const around = new WeakMap<Element, Element>()
  const parents = new WeakMap<Element, Parents>()
  const found: Array<Element> = []
  return {
    enter(node, parent) {
      if (node.tagName === 'a') {
        parents.set(node, parent)
        return undefined
      }
      if (parent.type !== 'element') return undefined
      const link = parent.tagName === 'a' ? parent : around.get(parent)
      if (!link) return undefined
      if (structureTags.has(node.tagName)) {
        if (!found.includes(link)) found.push(link)
      } else if (!closed.has(node.tagName) && !phrasingTags.has(node.tagName)) around.set(node, link)
      return undefined
    },
    done() {
      for (const link of found) {
        const parent = parents.get(link)
        const at = parent ? parent.children.indexOf(link) : -1
        if (parent && at !== -1) parent.children.splice(at, 1, ...linkIntoStructure(link))
      }
      return undefined
    }
  }
}

/**
 * The content of the link `node` with the link moved inside: every run of
 * content outside lists and tables, and the content of every list item and
 * table cell, wrapped in a copy of the link (same properties). Content that
 * is only white space or comments takes no link, nor content holding a
 * link of its own (links do not nest).
 *
 * @param node
 *   `<a>` element wrapping a list or a table; its
 *   descendants are changed in place.
 * @returns
 *   What replaces the link.
 */
export function linkIntoStructure(node: Element): Array<ElementContent> {
  return linkInto(node.children, node)
}

/** `children` with the link around each run of plain content, lists and tables gone through. */
function linkInto(children: Array<ElementContent>, link: Element): Array<ElementContent> {
  const result: Array<ElementContent> = []
  let run: Array<ElementContent> = []
  const flush = () => {
    const content = run.some((child) => child.type === 'element' || (child.type === 'text' && child.value.trim() !== ''))
    // Content with links of its own (a cell holding `<a>`) keeps them: links do not nest.
    if (content && !run.some((child) => child.type === 'element' && holdsLink(child))) {
      result.push({type: 'element', tagName: 'a', properties: {...link.properties}, children: run, position: link.position})
    } else result.push(...run)
    run = []
  }
  for (const child of children) {
    if (child.type === 'element' && structureTags.has(child.tagName)) {
      flush()
      throughStructure(child, link)
      result.push(child)
    } else if (child.type === 'element' && holdsStructure(child)) {
      // A block around a list or table (`<div class="card"><h3>…</h3><ul>…</ul></div>`): the link goes into it.
      flush()
      child.children = linkInto(child.children, link)
      result.push(child)
    } else run.push(child)
  }
  flush()
  return result
}

/** Give the items and cells of a list, table or row group the link. */
function throughStructure(node: Element, link: Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (structureTags.has(child.tagName)) throughStructure(child, link)
    else if (itemTags.has(child.tagName)) child.children = linkInto(child.children, link)
  }
}

/**
 * Whether `node` is or holds a list or a table outside any link of its
 * own, looking only through blocks that may hold one (not text-level
 * elements, paragraphs or headings).
 */
function holdsStructure(node: Element): boolean {
  const stack: Array<Element> = [node]
  while (stack.length > 0) {
    const current = stack.pop()!
    if (structureTags.has(current.tagName)) return true
    if (closed.has(current.tagName) || phrasingTags.has(current.tagName)) continue
    for (const child of current.children) if (child.type === 'element') stack.push(child)
  }
  return false
}

/** Whether `node` is or holds an `<a>`. */
function holdsLink(node: Element): boolean {
  return node.tagName === 'a' || node.children.some((child) => child.type === 'element' && holdsLink(child))
}
