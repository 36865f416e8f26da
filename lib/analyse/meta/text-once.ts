/**
 * Element texts read once while a reader that does not change the tree runs
 * (`readByline`, then the verdict's `readVisibleDate` on the same page):
 * they read the same byline and date elements several times (to drop
 * listings and rows of teasers, to find a date, a last-edited date, a photo
 * credit).
 *
 * @module
 */
import type {Element} from 'hast'
import {toText} from 'hast-util-to-text'
import {collapse} from '../../util/text.js'
import {textOf} from '../page-index.js'

/** The rendered text of an element (`toText`) and the same collapsed (`textOf`). */
interface Texts {
  rendered?: string
  collapsed?: string
}

/** The memo of the running `readingTexts` call, if any. */
let memo: Map<Element, Texts> | undefined

/**
 * Run `read`, reading each element's text at most once (`textOnce`,
 * `renderedOnce`); the tree must not change meanwhile. A call inside
 * another shares its memo; the memo is dropped when the outer call returns
 * or throws.
 */
export function readingTexts<T>(read: () => T): T {
  if (memo) return read()
  memo = new Map()
  try {
    return read()
  } finally {
    memo = undefined
  }
}

function entry(element: Element): Texts | undefined {
  if (!memo) return undefined
  let texts = memo.get(element)
  if (!texts) {
    texts = {}
    memo.set(element, texts)
  }
  return texts
}

/** `toText(element)` (the element as rendered: blocks and `<br>` end lines), once per `readingTexts` call. */
export function renderedOnce(element: Element): string {
  const texts = entry(element)
  if (!texts) return toText(element)
  texts.rendered ??= toText(element)
  return texts.rendered
}

/** `textOf(element)` of `page-index.ts` (rendered, white space collapsed), once per `readingTexts` call. */
export function textOnce(element: Element): string {
  const texts = entry(element)
  if (!texts) return textOf(element)
  texts.collapsed ??= collapse(renderedOnce(element))
  return texts.collapsed
}
