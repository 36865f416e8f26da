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
 * article is not turned into text whole. Wrappers are followed: while an
 * element has a single element child, the cut is made among that child's
 * children (the wrappers' other children kept on their side of it).
 *
 * Exact: `hast-util-to-text` joins the text of each child with line breaks
 * that depend on the child and its next sibling only, and a tree cut at a
 * point of document order gives the same text as the whole but at the cut
 * (the white space a text node there keeps, the line breaks before its
 * first or after its last text). The lines of a cut tree but the one at the
 * cut are therefore lines of the whole text. `test/rendered-lines.ts`
 * checks it on every element of every fixture and on generated pages.
 *
 * @param element
 *   Element (the article root).
 * @param head
 *   Lines wanted from the start.
 * @param tail
 *   Lines wanted from the end (`0`: none, the end is not read).
 * @returns
 *   Lines: `head + tail` of them when the text has more, else all.
 */
export function endLines(element: Element, head: number, tail: number): Array<string> {
  // The wrappers down to the element whose children are cut.
  const chain: Array<{node: Element; at: number}> = []
  let node = element
  for (;;) {
    const at = onlyElementChild(node)
    if (at < 0) break
    chain.push({node, at})
    node = node.children[at] as Element
  }
  const children = node.children
  // Where the cuts fall: after a few more element children than lines wanted (one per block, usually), doubling while too few.
  let size = afterElements(children, 0, head + 2, 1)
  // No last lines wanted: no cut at the end.
  let from = tail === 0 ? children.length : afterElements(children, children.length - 1, tail + 2, -1)
  if (size > from) return ends(renderedLines(element), head, tail)
  let first: Array<string>
  for (;;) {
    first = complete(toText(rebuild(chain, {...node, children: children.slice(0, size)}, true)), false, true)
    if (first.length >= head) break
    size *= 2
    if (size > from) return ends(renderedLines(element), head, tail)
  }
  if (tail === 0) return first.slice(0, head)
  let last: Array<string>
  for (;;) {
    last = complete(toText(rebuild(chain, {...node, children: children.slice(from)}, false)), true, false)
    if (last.length >= tail) break
    from = children.length - (children.length - from) * 2
    if (from < size) return ends(renderedLines(element), head, tail)
  }
  return [...first.slice(0, head), ...last.slice(last.length - tail)]
}

/** Index of the only element child of `node` (`-1`: none or several). */
function onlyElementChild(node: Element): number {
  let found = -1
  for (let index = 0; index < node.children.length; index++) {
    if (node.children[index].type !== 'element') continue
    if (found !== -1) return -1
    found = index
  }
  return found
}

/** Index just past (`step` 1) or at (`step` -1) the `wanted`-th element child from `start` (`children.length` or `-1`-bounded: all). */
function afterElements(children: Element['children'], start: number, wanted: number, step: 1 | -1): number {
  let seen = 0
  let index = start
  for (; index >= 0 && index < children.length; index += step) {
    if (children[index].type === 'element' && ++seen === wanted) return step === 1 ? index + 1 : index
  }
  return step === 1 ? children.length + 1 : -1
}

/** Copies of the wrappers in `chain` around `cut` (the last wrapper's child, cut), with their children before (`before`) or after it. */
function rebuild(chain: ReadonlyArray<{node: Element; at: number}>, cut: Element, before: boolean): Element {
  let inner = cut
  for (let level = chain.length - 1; level >= 0; level--) {
    const {node, at} = chain[level]
    inner = {...node, children: before ? [...node.children.slice(0, at), inner] : [inner, ...node.children.slice(at + 1)]}
  }
  return inner
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
