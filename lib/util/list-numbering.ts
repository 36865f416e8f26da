import type {Element, ElementContent} from 'hast'
import type {WalkListener} from './walk.js'

/** Largest number a Markdown ordered list item may carry (CommonMark: at most nine digits). */
const maxMarkdownNumber = 999_999_999

/**
 * The numbers an `<ol>`'s items show, as HTML counts them: from `start`
 * (default 1, or the item count when `reversed`), each `<li value>`
 * setting its own number and those after it, counting down when
 * `reversed`.
 *
 * @param list
 *   `<ol>` element (its `<li>` children are read).
 * @returns
 *   One number per `<li>` child, in order.
 */
export function listNumbers(list: Element): Array<number> {
  const items = list.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li')
  const reversed = Boolean(list.properties.reversed)
  const start = integer(list.properties.start)
  const step = reversed ? -1 : 1
  let next = start ?? (reversed ? items.length : 1)
  return items.map(function (item) {
    const number = integer(item.properties.value) ?? next
    next = number + step
    return number
  })
}

/**
 * Keep an ordered list's numbering in Markdown, which can only count up by
 * one from the first item's number: an `<ol>` whose items count up from
 * any number that Markdown can write (0 to 999,999,999) keeps that number
 * as `start` (`hast-util-to-mdast` reads it); any other numbering (a
 * countdown with `reversed`, `<li value>` skipping numbers) becomes a
 * `<ul>` whose items open with their number as text (`3. `), rather than
 * being renumbered 1, 2, 3 without a word. `reversed` and the items'
 * `value` are dropped either way.
 */
export const listNumberingListener: WalkListener = {
  enter(element) {
    if (element.tagName !== 'ol') return
    const {properties} = element
    const items = element.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li')
    if (properties.reversed === undefined && properties.start === undefined && !items.some((item) => item.properties.value !== undefined)) return
    const numbers = listNumbers(element)
    const first = numbers[0] ?? 1
    const counted = first >= 0 && first + numbers.length - 1 <= maxMarkdownNumber && numbers.every((number, index) => number === first + index)
    properties.reversed = undefined
    for (const item of items) item.properties.value = undefined
    if (counted) {
      properties.start = first === 1 ? undefined : first
      return
    }
    properties.start = undefined
    element.tagName = 'ul'
    for (const [index, item] of items.entries()) prependNumber(item, numbers[index])
  }
}

/** Put `number` as text (`3. `) at the start of `item`'s first paragraph, or of the item. */
function prependNumber(item: Element, number: number): void {
  const label: ElementContent = {type: 'text', value: number + '. '}
  const first = item.children.find((child) => child.type !== 'comment' && (child.type !== 'text' || child.value.trim() !== ''))
  if (first && first.type === 'element' && first.tagName === 'p') first.children.unshift(label)
  else item.children.unshift(label)
}

/** An HTML integer attribute as a number, or `undefined` when unset or not an integer. */
function integer(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined
  const number = Number.parseInt(String(value).trim(), 10)
  return Number.isFinite(number) ? number : undefined
}
