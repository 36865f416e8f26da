import type {Element, ElementContent, Root} from 'hast'
import {isLayoutTable} from '../analyse/blocks/table-kind.js'
import {captionTableFigure} from '../media/caption-table.js'
import {walkShared} from './walk.js'
import type {WalkListener} from './walk.js'

/** Row groups and rows: walked through when a layout table is unwrapped. */
const rowParts: ReadonlySet<string> = new Set(['tbody', 'tfoot', 'thead', 'tr'])

/** Parts of a table, which mean nothing outside one. */
const tableParts: ReadonlySet<string> = new Set(['caption', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr'])

/**
 * Replace every layout table (see `isLayoutTable`) under `tree` by its
 * cells' content, in reading order (row by row, cell by cell), each cell as
 * a `<div>` so that the text of neighbouring cells never runs together;
 * empty cells go. Tables nested in the cells are judged the same way once
 * they are out: a data table inside a layout table becomes a table of its
 * own. A table part outside any table (the article root picked from a cell
 * of a layout table, `<td>`) becomes a `<div>` too. Walks with an explicit
 * stack.
 *
 * @returns
 *   How many tables were unwrapped.
 */
export function unwrapLayoutTables(tree: Root | Element): number {
  if (tree.type === 'element' && tableParts.has(tree.tagName)) {
    tree.tagName = 'div'
    tree.properties = {}
  }
  const part = layoutTablesPart()
  walkShared(tree, [part.listener])
  return part.unwrapped()
}

/**
 * `unwrapLayoutTables` as a listener of a shared walk (`walkShared`): a
 * layout table the walk meets is replaced by its regions (which the walk
 * reads next, in their new place), a table part outside any table becomes
 * a `<div>` as the walk enters it. Put it before listeners that should see
 * the unwrapped tree.
 */
export function layoutTablesPart(): {listener: WalkListener; unwrapped(): number} {
  let unwrapped = 0
  // Whether each open element is inside a (data) table.
  const inTable: Array<boolean> = [false]
  return {
    listener: {
      enter(element) {
        const within = inTable[inTable.length - 1]
        // Blogger's `table.tr-caption-container`: an image and its caption, a figure.
        const figure = element.tagName === 'table' ? captionTableFigure(element) : undefined
        if (figure) {
          unwrapped++
          return [figure]
        }
        if (element.tagName === 'table' && isLayoutTable(element)) {
          unwrapped++
          return regionsOf(element)
        }
        if (!within && tableParts.has(element.tagName)) {
          element.tagName = 'div'
          element.properties = {}
        }
        inTable.push(within || element.tagName === 'table')
      },
      leave() {
        inTable.pop()
      }
    },
    unwrapped: () => unwrapped
  }
}

/**
 * The content of a layout table, in document order: its caption as a
 * paragraph, one `<div>` per cell that holds something, and anything else
 * found between its rows (text left directly in a row or row group by a
 * flattened or hand-built tree) as a `<div>` too, so that nothing is lost.
 */
function regionsOf(table: Element): Array<ElementContent> {
  const regions: Array<ElementContent> = []
  const stack: Array<ElementContent> = [...table.children].reverse()
  let stray: Array<ElementContent> = []
  const flush = () => {
    if (stray.some((node) => node.type === 'element' || (node.type === 'text' && node.value.trim()))) {
      regions.push({type: 'element', tagName: 'div', properties: {}, children: stray})
    }
    stray = []
  }
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'element' && rowParts.has(node.tagName)) {
      flush()
      for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index])
    } else if (node.type === 'element' && (node.tagName === 'td' || node.tagName === 'th' || node.tagName === 'caption')) {
      flush()
      if (hasContent(node)) {
        regions.push({type: 'element', tagName: node.tagName === 'caption' ? 'p' : 'div', properties: {}, children: node.children, position: node.position})
      }
    } else if (node.type === 'element' && (node.tagName === 'col' || node.tagName === 'colgroup')) {
      continue
    } else if (node.type !== 'comment') {
      stray.push(node)
    }
  }
  flush()
  return regions
}

/** Whether `node` holds text or any element other than a line break. */
function hasContent(node: Element): boolean {
  return node.children.some((child) => (child.type === 'text' ? child.value.trim() !== '' : child.type === 'element' && child.tagName !== 'br'))
}
