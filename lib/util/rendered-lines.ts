import type {Element} from 'hast'
import {toText} from 'hast-util-to-text'
import {collapse} from './text.js'

/**
 * Text of an element as rendered (`hast-util-to-text`: blocks and `<br>`
 * end a line), each line white space collapsed, empty lines dropped.
 *
 * @param element
 *   Element.
 * @returns
 *   Lines.
 */
export function renderedLines(element: Element): Array<string> {
  return complete(toText(element), false, false)
}

/**
 * The first `head` and the last `tail` lines of `renderedLines(element)`
 * (all of them when there are no more than `head + tail`), read from as few
 * of the element's children at each end as hold them, so that a long
 * article is not turned into text whole.
 *
 * Exact: `hast-util-to-text` joins the text of each child with line breaks
 * that depend on the child and its next sibling only, and a run of
 * children read alone gives the same text but at its two ends (the white
 * space a text child directly in `element` keeps at the cut, the line
 * breaks before its first or after its last text). Its lines but the first
 * and last are therefore lines of the whole text; the ones at the cut are
 * left out.
 *
 * @param element
 *   Element (the article root).
 * @param head
 *   Lines wanted from the start.
 * @param tail
 *   Lines wanted from the end.
 * @returns
 *   Lines: `head + tail` of them when the text has more, else all.
 */
export function endLines(element: Element, head: number, tail: number): Array<string> {
  const children = element.children
  const count = children.length
  // From the start: the first `size` children, doubling until they hold `head` whole lines.
  let size = 1
  let first: Array<string>
  for (;;) {
    if (size >= count) return ends(renderedLines(element), head, tail)
    first = complete(toText({...element, children: children.slice(0, size)}), false, true)
    if (first.length >= head) break
    size *= 2
  }
  // From the end, never reaching the children read from the start.
  let from = count - 1
  let last: Array<string>
  for (;;) {
    if (from < size) return ends(renderedLines(element), head, tail)
    last = complete(toText({...element, children: children.slice(from)}), true, false)
    if (last.length >= tail) break
    from = count - (count - from) * 2
  }
  return [...first.slice(0, head), ...last.slice(last.length - tail)]
}

/** The first `head` and last `tail` of `lines`, or all of them. */
function ends(lines: Array<string>, head: number, tail: number): Array<string> {
  return lines.length <= head + tail ? lines : [...lines.slice(0, head), ...lines.slice(lines.length - tail)]
}

/** Lines of `text`, collapsed, empty ones dropped; without the first or last line (cut there) when asked. */
function complete(text: string, cutStart: boolean, cutEnd: boolean): Array<string> {
  const lines = text.split('\n')
  if (cutStart) lines.shift()
  if (cutEnd) lines.pop()
  return lines.map((line) => collapse(line)).filter(Boolean)
}
