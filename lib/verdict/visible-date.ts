import type {Element} from 'hast'
import type {BylineMeta} from '../analyse/meta/byline.js'
import type {CueText, Located, PageIndex} from '../analyse/page-index.js'
import {hintOf, textOf, textWithin} from '../analyse/page-index.js'
import {headingTags, phrasingTags} from '../analyse/blocks/tags.js'
import {findDate} from '../util/normalize-date.js'
import {isTeaserDate} from '../analyse/meta/teaser-date.js'

/** The page's own visible date, as the verdict compares it with the structured one. */
export interface VisibleDate {
  /** ISO 8601 value (`normalizeDate`). */
  value: string
  /** Where it was read: `credit-line`, `visible-date`. */
  source: string
  /**
   * Other readings of the same text: `06/11/2023` is 11 June in the United
   * States and 6 November in most other places (`YYYY-MM-DD` values).
   */
  readings: Array<string>
}

/** Words saying a date is when the page was changed, not published. */
const updated = /updat|modif|edited|geändert|aktualisiert|更新|修改|mis à jour|actualizad/i

/** Class/id words of a title: a date in a headline is its subject (`Anlässlich des 11. September 2001`), not the page's date. */
const titleHint = /title|headline|heading|teaser/i

/** Elements whose text is a title. */

/** Characters of other text a date's block may hold beyond the date text before the date counts as part of body text. */
const blockSlack = 80

/** Text of a date element longer than this is not a date element (as `readByline`). */
const dateElementMax = 160

/** Other words a short text may hold beside its date (`Published Dec 19, 2016`, `06.11.2023 13:30 von Olga`). */
const otherWords = 3

/**
 * Read the page's own visible date for the verdict's `metadata-conflict`
 * check: stricter than the extractor's `readByline`, because a conflict
 * must compare like with like. A Chinese credit line (`发布时间：…`) as
 * `readByline` read it; else the first date element (class or id hinting
 * at a date) or short date text, the article and its header first, that
 * is none of:
 *
 * - an “updated” date (by its class or the words before it);
 * - one of a listing: elements of one tag and class giving two or more
 *   different days, or a date three or more times (a row of the day's
 *   teasers), are a list of teasers, events or comments;
 * - a title's subject: inside a heading or an element whose class says
 *   title, headline or teaser;
 * - a teaser's: a list item or card linking to another article
 *   (`teaser-date.ts`);
 * - part of body text: its block holds more than 80 characters beside it.
 *
 * Numeric dates with slashes or dashes whose day and month can both be
 * either (`06/11/2023`) carry their other reading in `readings`.
 *
 * @param index
 *   The page's index.
 * @param byline
 *   What `readByline` found (its credit-line date is taken as it is).
 * @returns
 *   The date, or `undefined` when the page shows none the verdict trusts.
 */
export function readVisibleDate(index: PageIndex, byline: BylineMeta): VisibleDate | undefined {
  if (byline.date && byline.date.from === 'credit-line') return {value: byline.date.value, source: 'credit-line', readings: []}
  const dates = index.dates.filter((entry) => !entry.context.excluded)
  const texts = index.dateTexts.filter((entry) => !entry.context.excluded)
  // An element alone of its kind is no listing: its text (maybe the whole article's) is not read for one.
  const kinds = new Map<string, number>()
  for (const entry of [...dates, ...texts]) kinds.set(keyOf(entry.element), (kinds.get(keyOf(entry.element)) ?? 0) + 1)
  const listings = listingKeys([
    ...dates.filter((entry) => kinds.get(keyOf(entry.element))! > 1).map((entry) => [entry.element, textOf(entry.element)] as const),
    ...texts.map((entry) => [entry.element, entry.value] as const)
  ])
  for (const entry of preferred(dates)) {
    // Read no further than a date element's length.
    const text = textWithin(entry.element, dateElementMax)
    if (text === undefined || updated.test(hintOf(entry.element)) || listings.has(keyOf(entry.element)) || isTitle(entry.element, [])) continue
    const found = readDate(text, false)
    if (found && !teaserDate(found, entry.element, entry.ancestors, text, index, byline)) return found
  }
  for (const entry of preferred(texts)) {
    if (listings.has(keyOf(entry.element)) || isTitle(entry.element, entry.ancestors) || inBodyText(entry)) continue
    const found = readDate(entry.value, true)
    if (found && !teaserDate(found, entry.element, entry.ancestors, entry.value, index, byline)) return found
  }
  return undefined
}

/**
 * Whether a date found is a teaser's (`teaser-date.ts`), told only of a
 * date found, and not of the one `readByline` took (it told that one
 * already): it reads the elements around the date.
 */
function teaserDate(found: VisibleDate, element: Element, ancestors: ReadonlyArray<Element>, text: string, index: PageIndex, byline: BylineMeta): boolean {
  return found.value !== byline.date?.value && isTeaserDate(element, ancestors, text, index)
}

/** A date in `text` not said to be an update, with its other reading; `short`: the text must be little more than the date. */
function readDate(text: string, short: boolean): VisibleDate | undefined {
  const found = findDate(text)
  if (!found) return undefined
  const normal = text.normalize('NFKC')
  const before = normal.slice(0, found.index)
  if (updated.test(before)) return undefined
  if (short) {
    const rest = before + ' ' + normal.slice(found.end)
    if (updated.test(rest) || rest.split(/[\s\p{P}\p{S}]+/u).filter((word) => /\p{L}/u.test(word)).length > otherWords) return undefined
  }
  return {value: found.value, source: 'visible-date', readings: otherReadings(normal.slice(found.index, found.end))}
}

/**
 * The other reading of a numeric date whose first two parts can each be a
 * day or a month (`06/11/2023`, `6-11-2023`): `YYYY-MM-DD` values. Dates
 * with dots (`06.11.2023`) are read day first everywhere.
 */
export function otherReadings(date: string): Array<string> {
  const match = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})/.exec(date)
  if (!match) return []
  const first = Number(match[1])
  const second = Number(match[3])
  if (first > 12 || second > 12 || first === second) return []
  // `findDate` reads month first; the other reading is day first.
  return [match[4] + '-' + pad(second) + '-' + pad(first)]
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

/** Tag and class of an element: what the entries of one listing share. */
function keyOf(element: Element): string {
  return element.tagName + ' ' + hintOf(element)
}

/**
 * Dates of one tag and class from which they are a listing even when they
 * give the same day: a row of the day's teasers (`<small>August 9,
 * 2022</small>` under each headline; fixture verdict-date-teaser-row,
 * corpus postlight--www.broadwayworld.com). A page states its own date
 * once or twice (header, footer of the article).
 */
const listingEntries = 3

/** Keys of elements that give two or more different days, or a date three or more times. */
function listingKeys(entries: ReadonlyArray<readonly [Element, string]>): Set<string> {
  const days = new Map<string, {days: Set<string>; count: number}>()
  for (const [element, text] of entries) {
    const found = findDate(text)
    if (!found) continue
    const key = keyOf(element)
    const seen = days.get(key) || {days: new Set<string>(), count: 0}
    seen.days.add(found.value.slice(0, 10))
    seen.count++
    days.set(key, seen)
  }
  const keys = new Set<string>()
  for (const [key, seen] of days) if (seen.days.size > 1 || seen.count >= listingEntries) keys.add(key)
  return keys
}

/** Whether the element or one of its near ancestors is a heading or hinted as a title. */
function isTitle(element: Element, ancestors: ReadonlyArray<Element>): boolean {
  return [element, ...ancestors].some((node) => headingTags.has(node.tagName) || titleHint.test(hintOf(node)))
}

/** Whether a short date text is part of a longer block of text (a sentence of the article). */
function inBodyText(entry: CueText): boolean {
  const block = [entry.element, ...entry.ancestors].find((node) => !phrasingTags.has(node.tagName))
  return block !== undefined && textOf(block).length > entry.value.length + blockSlack
}

/** Entries in the article or its header first (as `readByline` orders them). */
function preferred<T extends Located>(entries: Array<T>): Array<T> {
  return [...entries.filter((entry) => entry.context.inArticle || entry.context.inHeader), ...entries.filter((entry) => !(entry.context.inArticle || entry.context.inHeader))]
}
