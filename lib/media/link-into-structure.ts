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

import type {Element, ElementContent} from 'hast'

/** Lists, tables and their row groups and rows: walked through, never wrapped in a link. */
const structureTags: ReadonlySet<string> = new Set(['ul', 'ol', 'dl', 'menu', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup'])

/** Items and cells: their content takes the link. */
const itemTags: ReadonlySet<string> = new Set(['li', 'dt', 'dd', 'td', 'th', 'caption'])

/**
 * Whether a link holds a list or a table (not inside a link of its own),
 * which `linkIntoStructure` can move it into.
 *
 * @param node
 *   `<a>` element.
 * @returns
 *   Whether it wraps a list or a table.
 */
export function wrapsStructure(node: Element): boolean {
  return node.children.some((child) => child.type === 'element' && holdsStructure(child))
}

/**
 * The content of the link `node` with the link moved inside: every run of
 * content outside lists and tables, and the content of every list item and
 * table cell, wrapped in a copy of the link (same properties). Content that
 * is only white space or comments takes no link, nor content holding a
 * link of its own (links do not nest).
 *
 * @param node
 *   `<a>` element wrapping a list or a table (see `wrapsStructure`); its
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

/** Whether `node` is or holds a list or a table outside any link of its own. */
function holdsStructure(node: Element): boolean {
  const stack: Array<Element> = [node]
  while (stack.length > 0) {
    const current = stack.pop()!
    if (structureTags.has(current.tagName)) return true
    if (current.tagName === 'a' && current !== node) continue
    for (const child of current.children) if (child.type === 'element') stack.push(child)
  }
  return false
}

/** Whether `node` is or holds an `<a>`. */
function holdsLink(node: Element): boolean {
  return node.tagName === 'a' || node.children.some((child) => child.type === 'element' && holdsLink(child))
}
