import type {Element} from 'hast'
import {measureText} from './measure-text.js'
import {walk} from '../../util/walk.js'

/** Elements that mark a table as data: headers, a caption, column groups. */
const dataMarks: ReadonlySet<string> = new Set(['caption', 'colgroup', 'col', 'tfoot', 'th', 'thead'])

/** Flow content no data-table cell holds: the cell is a page region. */
const regionTags: ReadonlySet<string> = new Set([
  'article',
  'aside',
  'blockquote',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'main',
  'nav',
  'pre',
  'section',
  'table'
])

/** Lists: a region in a table without headers (a data cell may list items). */
const listTags: ReadonlySet<string> = new Set(['dl', 'ol', 'ul'])

/** Blocks that split a cell into paragraphs. */
const paragraphTags: ReadonlySet<string> = new Set(['div', 'p'])

/** Weighted text (see `measureText`) of a cell of several paragraphs that is a page region. */
const regionParagraphsText = 400

/** Weighted text of a cell that is a page region on its own. */
const regionText = 800

/** Rows of a table (its own, not those of tables nested in its cells), each as its own cells. */
export function tableRows(table: Element): Array<Array<Element>> {
  const rows: Array<Array<Element>> = []
  const visit = (parent: Element) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue
      if (child.tagName === 'tr') {
        rows.push(child.children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th')))
      } else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') {
        visit(child)
      }
    }
  }
  visit(table)
  return rows
}

/**
 * Whether `table` lays out a page (a region around the article, image
 * beside caption) rather than holding data.
 *
 * A table is a layout table when it has `role=presentation` (or `none`);
 * or one of its cells holds a page region: another table, a heading,
 * quote, figure, preformatted block, sectioning element or rule, several
 * paragraphs of 400 or more weighted characters (see `measureText`), or
 * 800 weighted characters of text; or, without header cells, caption,
 * `<thead>`, `<tfoot>` or column groups, when it has one row, one column or
 * one cell only, or a cell holding a list. Every other table holds data.
 * Cells of nested tables are not looked into.
 *
 * @param table
 *   A `<table>` element.
 */
export function isLayoutTable(table: Element): boolean {
  const role = table.properties.role
  if (typeof role === 'string' && /^(?:presentation|none)$/i.test(role.trim())) return true
  const rows = tableRows(table).filter((row) => row.length > 0)
  const marked = hasDataMarks(table, rows)
  for (const row of rows) {
    for (const cell of row) {
      const region = cellRegion(cell)
      if (region === 'region' || (region === 'list' && !marked)) return true
    }
  }
  if (marked) return false
  return rows.length <= 1 || rows.every((row) => row.length <= 1)
}

function hasDataMarks(table: Element, rows: Array<Array<Element>>): boolean {
  for (const child of table.children) {
    if (child.type === 'element' && dataMarks.has(child.tagName)) return true
  }
  return rows.some((row) => row.some((cell) => cell.tagName === 'th'))
}

/** What a cell holds: a page region, a list, or data. */
function cellRegion(cell: Element): 'region' | 'list' | 'data' {
  let text = 0
  let paragraphs = 0
  let list = false
  const region = walk(cell, function (child) {
    if (child.type === 'text') {
      text += measureText(child.value).length
      return text >= regionText ? 'exit' : undefined
    }
    if (child.type !== 'element') return
    const name = child.tagName
    if (regionTags.has(name)) return 'exit'
    if (listTags.has(name)) list = true
    if (paragraphTags.has(name)) paragraphs++
  })
  if (region) return 'region'
  if (paragraphs >= 2 && text >= regionParagraphsText) return 'region'
  return list ? 'list' : 'data'
}
