/**
 * Reads of an element's text that stop as soon as the answer is known: a
 * check whether a block holds any text, or whether its text is longer than a
 * limit, need not read a long paragraph or a whole article to the end.
 * Each answers exactly what reading the whole text would.
 *
 * @module
 */

import {walkInOrder} from './walk.js'
import type {Element, Root} from 'hast'
import {collapse, isWhiteSpace} from './text.js'

/** Elements `hast-util-to-text` renders no text of (its `notRenderedNames`). */
const notRendered = new Set(['datalist', 'head', 'noembed', 'noframes', 'noscript', 'rp', 'script', 'style', 'template', 'title'])

/**
 * Whether `collapse(toString(node))` is not empty: some text node below
 * `node` holds a character other than white space; stops at the first.
 *
 * @param node
 *   Element or root.
 * @returns
 *   Whether it holds text.
 */
export function holdsText(node: Root | Element): boolean {
  return someText(node, (value) => /[^\s\u200b]/.test(value))
}

/**
 * Whether a text node below `node` passes `test` (the first in document
 * order that does ends the read).
 *
 * @param node
 *   Element or root.
 * @param test
 *   Check of a text node's value.
 * @returns
 *   Whether one passes.
 */
export function someText(node: Root | Element, test: (value: string) => boolean): boolean {
  return readTexts(node, false, test)
}

/**
 * `collapse(toString(node))` (`textOf` of `util/text.ts`) when its text holds
 * at most `max` characters that are not white space; `undefined` once the
 * read passes that (the collapsed text is then longer than `max`). Reads in
 * document order, no further than the `max + 1`-th such character.
 *
 * @param node
 *   Element.
 * @param max
 *   Characters (UTF-16 code units) other than white space.
 * @returns
 *   Collapsed text, or `undefined`.
 */
export function textUpTo(node: Element, max: number): string | undefined {
  let text = ''
  let solid = 0
  const stopped = readTexts(node, false, (value) => {
    solid += solidLength(value)
    text += value
    return solid > max
  })
  return stopped ? undefined : collapse(text)
}

/**
 * `collapse(toString(node))` (`textOf` of `util/text.ts`) when it holds at
 * most `max` characters (code points), else `undefined`. Reads in document
 * order, no further than the `max + 1`-th character other than white space.
 *
 * @param node
 *   Element.
 * @param max
 *   Characters (code points).
 * @returns
 *   Collapsed text, or `undefined`.
 */
export function textWithin(node: Element, max: number): string | undefined {
  let text = ''
  let solid = 0
  const stopped = readTexts(node, false, (value) => {
    solid += solidCodePoints(value)
    text += value
    return solid > max
  })
  if (stopped) return undefined
  const collapsed = collapse(text)
  return [...collapsed].length > max ? undefined : collapsed
}

/** Code points of `value` that `collapse` keeps as they are (a lower bound: a lone low surrogate is not counted). */
function solidCodePoints(value: string): number {
  let count = 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (isWhiteSpace(code) || code === 0x200b || (code >= 0xdc00 && code <= 0xdfff)) continue
    count++
  }
  return count
}

/**
 * Whether the rendered text of `element` (`hast-util-to-text`, white space
 * collapsed: `textOf` of `analyse/page-index.ts`) is surely longer than
 * `max`: it holds more than `max` characters that neither rendering nor
 * collapsing removes (outside elements that are not rendered). `false`
 * when it may not be: read the text to tell. Stops at the `max + 1`-th.
 *
 * @param element
 *   Element.
 * @param max
 *   Characters (UTF-16 code units).
 * @returns
 *   Whether the text is longer than `max`.
 */
export function renderedLongerThan(element: Element, max: number): boolean {
  let solid = 0
  return readTexts(element, true, (value) => {
    solid += solidLength(value)
    return solid > max
  })
}

/**
 * Call `onText` with the value of each text node below `node`, in document
 * order, until it returns `true`; children are read one at a time, so the
 * read ends where the answer is known. With `renderedOnly`, the subtrees of
 * elements `hast-util-to-text` does not render are passed over.
 *
 * @returns
 *   Whether `onText` stopped the read.
 */
function readTexts(node: Root | Element, renderedOnly: boolean, onText: (value: string) => boolean): boolean {
  return walkInOrder(node, function (child) {
    if (child.type === 'text') return onText(child.value) ? 'exit' : undefined
    return child.type === 'element' && renderedOnly && !rendered(child) ? 'skip' : undefined
  })
}

/** Whether `hast-util-to-text` renders the text of `element` (not a hidden element, an element with `hidden`, a closed `<dialog>`). */
function rendered(element: Element): boolean {
  return !notRendered.has(element.tagName) && !element.properties.hidden && !(element.tagName === 'dialog' && !element.properties.open)
}

/**
 * Characters (UTF-16 code units) of `value` that neither `collapse` nor
 * rendering removes or shrinks: all but white space, the zero-width space
 * and bidi controls (`hast-util-to-text` drops them).
 */
export function solidLength(value: string): number {
  let count = 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (isWhiteSpace(code) || code === 0x200b || code === 0x61c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) continue
    count++
  }
  return count
}
