/**
 * Captioned images laid out as a table: Blogger writes an image and its
 * caption as `<table class="tr-caption-container">`, the image in one row
 * and `<td class="tr-caption">` in the next. Unwrapped as a layout table,
 * the caption came out as a plain paragraph, no longer told from the text.
 *
 * @module
 */

import type {Element, ElementContent} from 'hast'
import {holdsMedia} from './tags.js'

/** Row groups and rows, walked through. */
const rowParts: ReadonlySet<string> = new Set(['tbody', 'thead', 'tfoot', 'tr'])

/**
 * The figure a Blogger caption table stands for: a `<figure>` holding the
 * content of its cells in reading order, each `td.tr-caption` as a
 * `<figcaption>`. Only a `table.tr-caption-container` made of rows and
 * cells alone (white space and comments aside), with a caption cell and a
 * cell holding media, is one.
 *
 * @param table
 *   Element (any).
 * @returns
 *   New `<figure>` (the cells' children are taken, not copied), or
 *   `undefined` when `table` is no caption table.
 */
export function captionTableFigure(table: Element): Element | undefined {
  if (table.tagName !== 'table' || !hasClass(table, 'tr-caption-container')) return undefined
  const cells: Array<Element> = []
  const stack: Array<ElementContent> = [...table.children].reverse()
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'comment' || (node.type === 'text' && !node.value.trim())) continue
    if (node.type !== 'element') return undefined
    if (rowParts.has(node.tagName)) {
      for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index])
    } else if (node.tagName === 'td' || node.tagName === 'th') cells.push(node)
    else return undefined
  }
  const captions = cells.filter((cell) => hasClass(cell, 'tr-caption'))
  if (captions.length === 0 || !cells.some((cell) => !captions.includes(cell) && holdsMedia(cell))) return undefined
  const children: Array<ElementContent> = cells.map((cell) =>
    captions.includes(cell)
      ? {type: 'element', tagName: 'figcaption', properties: {}, children: cell.children, position: cell.position}
      : {type: 'element', tagName: 'div', properties: {}, children: cell.children, position: cell.position}
  )
  return {type: 'element', tagName: 'figure', properties: {}, children, position: table.position}
}

function hasClass(node: Element, name: string): boolean {
  const value = node.properties.className
  return Array.isArray(value) && value.includes(name)
}
