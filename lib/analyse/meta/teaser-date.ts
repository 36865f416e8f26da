/**
 * Dates of teasers: a list of links to other articles, each with its own
 * date (`<li><a>Other story</a> <time datetime="…">`), or a row of cards
 * (`<div class="card"><a>…</a><time>`), dates the articles it links to,
 * never the page, wherever it sits (inside the article too: a “More from
 * the council” list closing it).
 *
 * @module
 */

import type {Element} from 'hast'
import {AUTHOR_HREF, attr, collapse, textOf, textWithin} from '../page-index.js'
import type {PageIndex} from '../page-index.js'
import {findDate} from '../../util/normalize-date.js'
import {isPersonLike} from './person-like.js'

/** Tags of a list's items. */
const itemTags: ReadonlySet<string> = new Set(['li', 'dd', 'dt'])

/** The most characters an item (its link, its date and a few words) may hold. */
const ITEM_MAX = 300

/** How many elements an item may hold before its link (a card: a picture, a kicker, a heading). */
const ITEM_ELEMENTS = 40

/** The date's element and how many above it may be the item. */
const ITEM_LEVELS = 3

/** The most words of an item beside its link and its date (`Updated`, `Opinion`, `·`). */
const OTHER_WORDS = 3

/**
 * Whether a date (`date`: its element, or the element holding its text)
 * is a teaser's: the nearest of it and its `ancestors` (nearest first)
 * that holds a link beside the date is an item holding little else (at
 * most three other words) whose link reads as another article's headline
 * (three words or more, or six Chinese or Japanese characters; not a
 * person's name, an author page, nor the page's own headline), and it is a
 * list item or one of two or more elements of its kind (tag and class)
 * side by side each holding a link and a date.
 *
 * @param date
 *   The date's element.
 * @param ancestors
 *   Its ancestors as the index recorded them (up to three), nearest first.
 * @param dateText
 *   The date as written (what the item holds besides its link).
 * @param index
 *   Page index (its title and `<h1>`s: the page's own headline).
 * @returns
 *   Whether the date is a teaser's.
 */
export function isTeaserDate(date: Element, ancestors: ReadonlyArray<Element>, dateText: string, index: PageIndex): boolean {
  // Told once per date and index: the extractor and the verdict ask of the same dates.
  let known = memo.get(index)
  if (!known) {
    known = new Map()
    memo.set(index, known)
  }
  const told = known.get(date)?.get(dateText)
  if (told !== undefined) return told
  const result = teaserDate(date, ancestors, dateText, index)
  if (!known.has(date)) known.set(date, new Map())
  known.get(date)!.set(dateText, result)
  return result
}

/** What `isTeaserDate` told, per index, date element and date text. */
const memo = new WeakMap<PageIndex, Map<Element, Map<string, boolean>>>()

function teaserDate(date: Element, ancestors: ReadonlyArray<Element>, dateText: string, index: PageIndex): boolean {
  const chain = [date, ...ancestors]
  // The date's element and two elements above it may be the item (its parent is read for the item's siblings).
  for (let at = 0; at < Math.min(chain.length, ITEM_LEVELS); at++) {
    const item = chain[at]
    const link = firstLink(item, chain)
    if (link === tooLarge) return false
    if (!link) continue
    const text = textWithin(item, ITEM_MAX)
    if (text === undefined) return false
    const title = collapse(textOf(link))
    if (!headlineLike(title, attr(link, 'href'), index)) return false
    const rest = text.replace(title, ' ').replace(collapse(dateText), ' ')
    if (words(rest) > OTHER_WORDS) return false
    if (itemTags.has(item.tagName)) return true
    const parent = chain[at + 1]
    return parent !== undefined && parent.children.some((child) => child !== item && child.type === 'element' && sameKind(child, item) && datedLink(child))
  }
  return false
}

/** Marks an element holding more elements than an item does (`firstLink`). */
const tooLarge: Element = {type: 'element', tagName: 'a', properties: {}, children: []}

/**
 * The first link with an address below `node` that is not around the date
 * (not one of `chain`), in document order; `tooLarge` when `node` holds
 * more than `ITEM_ELEMENTS` elements before one.
 */
function firstLink(node: Element, chain: ReadonlyArray<Element>): Element | undefined {
  const stack: Array<Element> = [node]
  let seen = 0
  while (stack.length > 0) {
    const current = stack.pop()!
    if (++seen > ITEM_ELEMENTS) return tooLarge
    if (current !== node && current.tagName === 'a' && attr(current, 'href').trim() && !chain.includes(current)) return current
    for (let at = current.children.length - 1; at >= 0; at--) {
      const child = current.children[at]
      if (child.type === 'element') stack.push(child)
    }
  }
  return undefined
}

/** Whether a link's text reads as another article's headline. */
function headlineLike(title: string, href: string, index: PageIndex): boolean {
  const cjk = (title.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu) ?? []).length
  if (words(title) < 3 && cjk < 6) return false
  if (AUTHOR_HREF.test(href) || isPersonLike(title)) return false
  const own = title.toLowerCase()
  // The page's own headline linked to the page (a blog's `<h2><a href=permalink>`): its date is the page's.
  if (index.title && index.title.toLowerCase().includes(own)) return false
  return !index.headings.some((heading) => collapse(textOf(heading.element)).toLowerCase() === own)
}

/** Words holding a letter (two Chinese or Japanese characters count as one). */
function words(text: string): number {
  let count = 0
  for (const word of text.split(/[\s\p{P}\p{S}]+/u)) {
    if (!/\p{L}/u.test(word)) continue
    const cjk = (word.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu) ?? []).length
    count += Math.max(1, Math.ceil(cjk / 2))
  }
  return count
}

function sameKind(a: Element, b: Element): boolean {
  return a.tagName === b.tagName && attr(a, 'className') === attr(b, 'className')
}

/** Whether an element holds a link and a date (a `<time>`, or a date in its short text). */
function datedLink(node: Element): boolean {
  const link = firstLink(node, [])
  const text = link && link !== tooLarge ? textWithin(node, ITEM_MAX) : undefined
  if (text === undefined) return false
  return holdsTime(node) || findDate(text) !== undefined
}

function holdsTime(node: Element): boolean {
  return node.children.some((child) => child.type === 'element' && (child.tagName === 'time' || holdsTime(child)))
}
