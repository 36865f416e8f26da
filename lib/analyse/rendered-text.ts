/**
 * The page's rendered text read on the index walk, so that the article
 * root's lines (`renderedLines`: `hast-util-to-text`, split into lines,
 * each collapsed, empty ones dropped) are told without reading the root
 * again once it is chosen.
 *
 * The walk records, in document order, what `hast-util-to-text` (4.x)
 * makes of the page: line break counts before and after block elements,
 * the `\n` of a `<br>` and of a table row followed by another, the tab
 * after a table cell followed by another, and each text node (turned into
 * text only when a root's lines are asked, with the flags the library
 * gives it: a break before it, a break or `<br>` after it, white space as
 * its `<pre>`, `<nobr>` or `<textarea>` ancestors set). What depends on
 * later siblings (a later row or cell, a `<br>` after a text) is filled in
 * when the walk meets them. Each element's share of the record is its
 * span; an element's text is that of its span, joined as the library
 * joins items: the same as `toText` of the element alone, since what it
 * renders depends on its ancestors only by their white space (elements
 * whose white space they set have no span) and, for a row or row group,
 * by the rows after it (rows and row groups have none). `test/rendered-text.ts`
 * checks it against `hast-util-to-text` on every element of every fixture
 * and of generated pages.
 *
 * @module
 */

import type {Element, Root, Text} from 'hast'
import type {WalkListener} from '../util/walk.js'
import {collapse} from '../util/text.js'

/** CSS white space of a text, as `hast-util-to-text` infers it. */
type Whitespace = 'normal' | 'nowrap' | 'pre' | 'pre-wrap'

/** A `\t` or `\n` that a later sibling decides (`value` stays `''` until then). */
interface Pending {
  value: string
}

/** A text node in normal white space, turned into text when read. */
interface TextItem {
  node: Text
  /** Whether a break comes before it (its parent's prefix, when it is the first child). */
  before: boolean
  /** Whether a break comes after it: a `<br>` next, or its parent's suffix when it is the last child (`Pending`: a row's `\n`). */
  after: boolean | Pending
  /** White space only, in a table, row or row group: dropped when its siblings before and after are table parts or absent (`next` set when the next sibling is met). */
  tableSpace?: {previous: boolean; next: boolean} | undefined
  /** Its white space is kept as it is (`pre`, `pre-wrap`, `nowrap`). */
  raw: boolean
}

/** One item of the record: a break count, a string, a pending string, a text node. */
type Item = number | string | Pending | TextItem

/** The page's rendered text as the index walk read it (`renderedTextPart`). */
export interface RenderedTextRecord {
  /** Tree the record was made of. */
  tree: Root
  /** Items in document order. */
  items: Array<Item>
  /** Span of items (start, end) of each rendered element (but row groups) whose white space its ancestors do not set. */
  spans: Map<Element, {start: number; end: number}>
  /** Whether the page has what the record does not follow (a row group in a row group, a row group not rendered): then it tells nothing. */
  inexact: boolean
  /** Whether blocks were put elsewhere after the walk (`recordWrapper`, `recordMoved`): then only the root's lines are told (`recordedLines`), from its parts. */
  moved: boolean
  /** Whether the tree was edited otherwise after the walk (`recordEdit`): then the record tells nothing. */
  edited: boolean
  /**
   * Elements put together after the walk: a merged root's wrapper and its
   * blocks, a root with the blocks moved to its start (the lead under the
   * headline) and itself (`recordWrapper`, `recordMoved`).
   */
  parts: Map<Element, Array<Element>>
}

const tableParts = new Set(['caption', 'col', 'colgroup', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr'])
const notRendered = new Set(['datalist', 'head', 'noembed', 'noframes', 'noscript', 'rp', 'script', 'style', 'template', 'title'])
const blockOrCaption = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'dialog',
  'dir',
  'dl',
  'dt',
  'div',
  'figure',
  'figcaption',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'plaintext',
  'pre',
  'section',
  'ul',
  'xmp'
])
const rowGroups = new Set(['tbody', 'tfoot', 'thead'])

/** White space of `element` in a parent whose white space is `inherited`. */
function whitespaceOf(element: Element, inherited: Whitespace): Whitespace {
  switch (element.tagName) {
    case 'listing':
    case 'plaintext':
    case 'xmp':
      return 'pre'
    case 'nobr':
      return 'nowrap'
    case 'pre':
      return element.properties.wrap ? 'pre-wrap' : 'pre'
    case 'td':
    case 'th':
      return element.properties.noWrap ? 'nowrap' : inherited
    case 'textarea':
      return 'pre-wrap'
    default:
      return inherited
  }
}

/** One element being walked. */
interface Frame {
  element: Element | undefined
  whitespace: Whitespace
  /** Break before its first child (its prefix). */
  prefix: boolean
  /** Its suffix: a break count, a `<br>`'s `\n`, a row's pending `\n`, or none. */
  suffix: number | string | Pending | undefined
  /** The table whose later rows give the `\n` of rows among its children (`rowAfter` in `hast-util-to-text`). */
  rowScope: Element | undefined
  /** Children met so far. */
  children: number
  /** The text item last met among its children, if it was the last child met (its `after` and `tableSpace.next` wait for the next sibling). */
  text: TextItem | undefined
  /** Whether the child last met is a table part element. */
  previousTablePart: boolean
  /** Whether it is a table, row or row group (white space between table parts is dropped). */
  tableLike: boolean
  /** The tabs of cells among its children waiting for a later cell. */
  cells: Array<Pending>
  /** The `\n`s of rows among its children waiting for a later row. */
  rows: Array<Pending>
  /** Item index of the start of its span (block elements whose white space is their own), else `-1`. */
  start: number
}

/**
 * The rendered text's share of the index walk (`indexPage` with
 * `renderedText`).
 *
 * @param tree
 *   Whole page (the tree the walk goes over).
 */
export function renderedTextPart(tree: Root): {listener: WalkListener; result(): RenderedTextRecord} {
  const record: RenderedTextRecord = {tree, items: [], spans: new Map(), parts: new Map(), inexact: false, moved: false, edited: false}
  const items = record.items
  const top: Frame = {
    element: undefined,
    whitespace: 'normal',
    prefix: false,
    suffix: undefined,
    rowScope: undefined,
    children: 0,
    text: undefined,
    previousTablePart: false,
    tableLike: false,
    cells: [],
    rows: [],
    start: -1
  }
  const stack: Array<Frame> = [top]
  // Per table, the `\n`s of rows in it or in its row groups waiting for a later row there.
  const tableRows = new Map<Element, Array<Pending>>()

  /** A child is met in `frame`: the text before it learns what follows it. */
  function sibling(frame: Frame, element: Element | undefined): void {
    const text = frame.text
    if (text) {
      if (element && element.tagName === 'br') text.after = true
      if (text.tableSpace) text.tableSpace.next = element !== undefined && tableParts.has(element.tagName)
      frame.text = undefined
    }
    frame.children++
    frame.previousTablePart = element !== undefined && tableParts.has(element.tagName)
  }

  return {
    listener: {
      enter(element) {
        const frame = stack[stack.length - 1]
        sibling(frame, element)
        const name = element.tagName
        // A later cell or row, even one not rendered, gives the ones before theirs.
        if (name === 'td' || name === 'th') {
          for (const pending of frame.cells) pending.value = '\t'
          frame.cells.length = 0
        } else if (name === 'tr') {
          for (const pending of frame.rows) pending.value = '\n'
          frame.rows.length = 0
          // A row in the table, or in a row group of it: a later row of the table for the rows waiting there.
          const parent = frame.element
          const table = parent && parent.tagName === 'table' ? parent : parent && rowGroups.has(parent.tagName) ? frame.rowScope : undefined
          const waiting = table && tableRows.get(table)
          if (waiting) {
            for (const pending of waiting) pending.value = '\n'
            waiting.length = 0
          }
        }
        if (rowGroups.has(name) && frame.element && rowGroups.has(frame.element.tagName)) record.inexact = true
        if (notRendered.has(name) || element.properties.hidden || (name === 'dialog' && !element.properties.open)) {
          // A row group not rendered still gives the rows before it their `\n` when it holds one: not followed here.
          if (rowGroups.has(name)) record.inexact = true
          return false
        }
        const whitespace = whitespaceOf(element, frame.whitespace)
        let prefix: number | undefined
        let suffix: number | string | Pending | undefined
        if (name === 'br') suffix = '\n'
        else if (name === 'tr') suffix = {value: ''}
        else if (name === 'p') prefix = suffix = 2
        else if (blockOrCaption.has(name)) prefix = suffix = 1
        if (prefix !== undefined) items.push(prefix)
        // The element alone is rendered as here when its white space is its own (a row or row group alone would not know the rows after it).
        const start = name !== 'tr' && !rowGroups.has(name) && whitespace === whitespaceOf(element, 'normal') ? items.length : -1
        stack.push({
          element,
          whitespace,
          prefix: prefix !== undefined,
          suffix,
          rowScope: name === 'table' ? element : rowGroups.has(name) ? frame.rowScope : undefined,
          children: 0,
          text: undefined,
          previousTablePart: false,
          tableLike: name === 'table' || name === 'tr' || rowGroups.has(name),
          cells: [],
          rows: [],
          start
        })
        if (name === 'table') tableRows.set(element, [])
      },
      text(node) {
        const frame = stack[stack.length - 1]
        const first = frame.children === 0
        const previous = frame.previousTablePart
        sibling(frame, undefined)
        const item: TextItem = {node, before: first && frame.prefix, after: false, raw: frame.whitespace !== 'normal'}
        if (frame.tableLike && /^[\t\n\f\r ]+$/.test(node.value)) item.tableSpace = {previous: first || previous, next: true}
        items.push(item)
        frame.text = item
      },
      comment() {
        sibling(stack[stack.length - 1], undefined)
      },
      leave(element) {
        const frame = stack.pop()!
        // The last child: a text ends where its parent does.
        if (frame.text) frame.text.after = frame.suffix === undefined ? false : typeof frame.suffix === 'object' ? frame.suffix : true
        if (frame.start >= 0) record.spans.set(element, {start: frame.start, end: items.length})
        const parent = stack[stack.length - 1]
        const name = element.tagName
        if (name === 'td' || name === 'th') {
          const tab: Pending = {value: ''}
          items.push(tab)
          parent.cells.push(tab)
        }
        if (name === 'tr') {
          const newline = frame.suffix as Pending
          items.push(newline)
          parent.rows.push(newline)
          const waiting = parent.rowScope && tableRows.get(parent.rowScope)
          if (waiting) waiting.push(newline)
        } else if (frame.suffix !== undefined) items.push(frame.suffix as number | string)
        if (name === 'table') tableRows.delete(element)
      }
    },
    result: () => record
  }
}

/**
 * Note that `wrapper` (a merged root, put into the tree after the walk) is
 * rendered as its children, blocks of the page, one after the other.
 */
export function recordWrapper(record: RenderedTextRecord, wrapper: Element): void {
  const parts: Array<Element> = []
  for (const child of wrapper.children) {
    if (child.type !== 'element') return
    parts.push(...(record.parts.get(child) || [child]))
  }
  record.parts.set(wrapper, parts)
  record.moved = true
}

/** Note that `moved` (blocks of the page) were put, in this order, before the first child of `root`. */
export function recordMoved(record: RenderedTextRecord, root: Element, moved: ReadonlyArray<Element>): void {
  record.parts.set(root, [...moved, ...(record.parts.get(root) || [root])])
  record.moved = true
}

/** Note that the tree was edited after the walk (metadata extraction took a credit line or byline out): the record tells nothing from now on. */
export function recordEdit(record: RenderedTextRecord): void {
  record.edited = true
}

/**
 * `toText(element)` (`hast-util-to-text`) from the record, without reading
 * the tree: `undefined` when the record cannot tell (not of `tree`, blocks
 * moved or the tree edited since the walk; an element not rendered, whose
 * white space an ancestor sets, a row or row group).
 */
export function recordedText(record: RenderedTextRecord | undefined, tree: Root, element: Element): string | undefined {
  if (!record || record.tree !== tree || record.inexact || record.moved || record.edited) return undefined
  const span = record.spans.get(element)
  return span && joined(record.items, span.start, span.end)
}

/**
 * The rendered lines of `element` (`renderedLines` of `util/rendered-lines.ts`)
 * from the record, without reading the tree: `undefined` when the record
 * cannot tell (not of `tree`, the tree edited since the walk; an element,
 * or a part of it, whose white space an ancestor sets, that was not
 * rendered, a row or row group, or a part inside another).
 */
export function recordedLines(record: RenderedTextRecord | undefined, tree: Root, element: Element): Array<string> | undefined {
  if (!record || record.tree !== tree || record.inexact || record.edited) return undefined
  const parts = record.parts.get(element) || [element]
  const spans: Array<{start: number; end: number}> = []
  for (const part of parts) {
    const span = record.spans.get(part)
    if (!span) return undefined
    for (const other of spans) if (span.start < other.end && other.start < span.end) return undefined
    spans.push(span)
  }
  return spans.flatMap((span) => linesOf(joined(record.items, span.start, span.end)))
}

/**
 * The first `head` and last `tail` lines of `recordedLines(record, tree,
 * element)` (all of them when there are no more than `head + tail`), read
 * from as few items at each end of the element's span as hold them, so that
 * a long article's text is not made whole (as `endLines` reads the tree):
 * the items up to a cut give the lines of the whole before the line at the
 * cut, those after it the lines after it. `undefined` when the record
 * cannot tell.
 */
export function recordedEnds(record: RenderedTextRecord | undefined, tree: Root, element: Element, head: number, tail: number): Array<string> | undefined {
  if (!record || record.tree !== tree || record.inexact || record.edited) return undefined
  const parts = record.parts.get(element)
  const span = parts ? undefined : record.spans.get(element)
  if (!span) {
    const lines = recordedLines(record, tree, element)
    return lines && endsOf(lines, head, tail)
  }
  const {start, end} = span
  const whole = () => endsOf(linesOf(joined(record.items, start, end)), head, tail)
  // Items at each end: a few per line wanted, doubling while too few.
  let size = 16 * (head + 1)
  let first: Array<string>
  for (;;) {
    if (start + size >= end) return whole()
    first = linesOf(joined(record.items, start, start + size))
    // The last line may go on after the cut.
    first.pop()
    if (first.length >= head) break
    size *= 2
  }
  if (tail === 0) return first.slice(0, head)
  let from = end - 16 * (tail + 1)
  let last: Array<string>
  for (;;) {
    if (from <= start + size) return whole()
    last = linesOf(joined(record.items, from, end))
    // The first line may have begun before the cut.
    last.shift()
    if (last.length >= tail) break
    from = end - (end - from) * 2
  }
  return [...first.slice(0, head), ...last.slice(last.length - tail)]
}

/** Lines of `text`, each collapsed, empty ones dropped. */
function linesOf(text: string): Array<string> {
  const lines: Array<string> = []
  for (const line of text.split('\n')) {
    const value = collapse(line)
    if (value) lines.push(value)
  }
  return lines
}

/** The first `head` and last `tail` of `lines`, or all of them. */
function endsOf(lines: Array<string>, head: number, tail: number): Array<string> {
  return lines.length <= head + tail ? lines : [...lines.slice(0, head), ...lines.slice(lines.length - tail)]
}

/** The text of items `start` to `end`, joined as `hast-util-to-text` joins its items. */
function joined(items: ReadonlyArray<Item>, start: number, end: number): string {
  const result: Array<string> = []
  let count: number | undefined
  const add = (value: string | number) => {
    if (typeof value === 'number') {
      if (count !== undefined && value > count) count = value
    } else if (value) {
      if (count !== undefined && count > -1) result.push('\n'.repeat(count) || ' ')
      count = -1
      result.push(value)
    }
  }
  for (let index = start; index < end; index++) {
    const item = items[index]
    if (typeof item === 'number' || typeof item === 'string') add(item)
    else if ('node' in item) {
      if (item.tableSpace && item.tableSpace.previous && item.tableSpace.next) continue
      for (const value of textItems(item)) add(value)
    } else add(item.value)
  }
  return result.join('')
}

/** What `hast-util-to-text` makes of a text node in normal white space (`collectText`). */
function textItems(item: TextItem): Array<string | number> {
  const value = item.node.value
  if (item.raw) return [value]
  const after = typeof item.after === 'boolean' ? item.after : item.after.value !== ''
  const lines: Array<string> = []
  const result: Array<string | number> = []
  let start = 0
  while (start <= value.length) {
    const found = value.indexOf('\n', start)
    const end = found === -1 ? value.length : found
    lines.push(trimAndCollapse(value.slice(start, end).replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, ''), start === 0 ? item.before : true, end === value.length ? after : true))
    start = end + 1
  }
  let join: number | undefined
  for (let index = 0; index < lines.length; index++) {
    if (lines[index].charCodeAt(lines[index].length - 1) === 0x20_0b || (index < lines.length - 1 && lines[index + 1].charCodeAt(0) === 0x20_0b)) {
      result.push(lines[index])
      join = undefined
    } else if (lines[index]) {
      if (typeof join === 'number') result.push(join)
      result.push(lines[index])
      join = 0
    } else if (index === 0 || index === lines.length - 1) result.push(0)
  }
  return result
}

/** Spaces and tabs collapsed, trimmed where a break is (`trimAndCollapseSpacesAndTabs`). */
function trimAndCollapse(value: string, breakBefore: boolean, breakAfter: boolean): string {
  const result: Array<string> = []
  const search = /[\t ]+/g
  let start = 0
  let end: number | undefined
  while (start < value.length) {
    search.lastIndex = start
    const match = search.exec(value)
    end = match ? match.index : value.length
    if (!start && !end && match && !breakBefore) result.push('')
    if (start !== end) result.push(value.slice(start, end))
    start = match ? end + match[0].length : end
  }
  if (start !== end && !breakAfter) result.push('')
  return result.join(' ')
}
