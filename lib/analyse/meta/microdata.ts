/**
 * Read metadata from in-page markup: microdata (`itemprop` on elements other
 * than `<meta>`), `rel=author` / `rel=tag` links and `<time>` elements.
 *
 * Elements in boilerplate (comments, sidebars, navigation, related lists)
 * and inside Comment/Review scopes are ignored.
 *
 * @module
 */

import type {Element} from 'hast'
import type {Found} from './found.js'
import type {Located, PageIndex} from '../page-index.js'
import {attr, hintOf, textOf} from '../page-index.js'
import {looksLikeUrl} from './author-names.js'
import {normalizeDate} from '../../util/normalize-date.js'
import {selectAll} from '../../util/select.js'
import {isTeaserDate} from './teaser-date.js'

export interface MarkupMeta {
  authors?: Found<Array<string>>
  date?: Found<string>
  modified?: Found<string>
  title?: Found<string>
  relAuthors?: Found<Array<string>>
  relTags?: Found<Array<string>>
  time?: Found<string>
}

const FOREIGN_SCOPE = /comment|review|answer|question|rating|offer|product|event|recipe/i
const ARTICLE_SCOPE = /article|posting|report|webpage|blog/i

/**
 * Read microdata, `rel` links and `<time>` elements.
 *
 * @param index
 *   Page index.
 * @returns
 *   Fields found.
 */
export function readMarkup(index: PageIndex): MarkupMeta {
  const meta: MarkupMeta = {}
  const authors: Array<string> = []

  for (const entry of index.itemprops) {
    if (entry.context.excluded || FOREIGN_SCOPE.test(entry.scopeType)) continue
    for (const prop of entry.props) {
      if (prop === 'author' || prop === 'creator') {
        for (const name of authorNames(entry.element)) {
          if (!authors.includes(name)) authors.push(name)
        }
      } else if (prop === 'datePublished' || prop === 'dateCreated') {
        const date = normalizeDate(valueOf(entry.element))
        if (date && !meta.date) meta.date = {value: date, from: `microdata:${prop}`}
      } else if (prop === 'dateModified') {
        const date = normalizeDate(valueOf(entry.element))
        if (date && !meta.modified) meta.modified = {value: date, from: 'microdata:dateModified'}
      } else if (prop === 'headline' || (prop === 'name' && ARTICLE_SCOPE.test(entry.scopeType))) {
        const title = valueOf(entry.element)
        if (title && title.length < 400 && !meta.title) meta.title = {value: title, from: `microdata:${prop}`}
      }
    }
  }
  if (authors.length > 0) meta.authors = {value: authors, from: 'microdata:author'}

  const relAuthors: Array<string> = []
  const tags: Array<string> = []
  for (const link of index.links) {
    if (link.context.excluded || link.element.tagName !== 'a') continue
    const text = textOf(link.element)
    if (!text || text.length > 80) continue
    if (link.rel.includes('author') && !relAuthors.includes(text)) relAuthors.push(text)
    if (link.rel.includes('tag') && !tags.includes(text)) tags.push(text)
  }
  if (relAuthors.length > 0) meta.relAuthors = {value: relAuthors, from: 'rel=author'}
  if (tags.length > 0) meta.relTags = {value: tags, from: 'rel=tag'}

  const time = readTime(index.times, index)
  if (time) meta.time = time
  return meta
}

/**
 * Best `<time>` element for the publication date: `pubdate` first, then one
 * in the article or its header, then any outside boilerplate; ones marked as
 * updated/modified come last. A teaser's (`teaser-date.ts`) never counts.
 */
function readTime(times: Array<Located & {ancestors: Array<Element>}>, index: PageIndex): Found<string> | undefined {
  let best: {score: number; found: Found<string>} | undefined
  const rows = teaserRows(times)
  for (const {element, context, ancestors} of times) {
    if (context.excluded || rows.has(element)) continue
    const pubdate = element.properties.pubdate !== undefined && element.properties.pubdate !== null
    const datetime = attr(element, 'dateTime')
    const date = normalizeDate(datetime) ?? normalizeDate(textOf(element))
    if (!date) continue
    const hints = `${hintOf(element)} ${attr(element, 'itemProp')}`
    let score = 0
    if (pubdate) score += 8
    if (context.inArticle || context.inHeader) score += 4
    if (/publish|posted|created|pubdate/i.test(hints)) score += 2
    if (/updat|modif|edited/i.test(hints)) score -= 6
    // Told only of a `<time>` that would be the best so far: it reads the elements around it.
    if ((!best || score > best.score) && !isTeaserDate(element, ancestors, textOf(element), index)) {
      const from = pubdate ? 'time[pubdate]' : datetime ? 'time[datetime]' : 'time'
      best = {score, found: {value: date, from}}
    }
  }
  return best?.found
}

/**
 * `<time>` elements of a row of teasers: outside the article and its
 * header, two or more of one kind (tag and class) showing different days
 * date the articles they introduce (a "most read" list, cards in a side
 * column), not the page. Fixture: meta-date-sidebar-teaser-times.
 */
function teaserRows(times: Array<Located>): Set<Element> {
  const days = new Map<string, Set<string>>()
  const outside = times.filter(({context}) => !context.excluded && !context.inArticle && !context.inHeader)
  const keyOf = (element: Element) => hintOf(element)
  for (const {element} of outside) {
    const day = (normalizeDate(attr(element, 'dateTime')) ?? normalizeDate(textOf(element)))?.slice(0, 10)
    if (!day) continue
    const set = days.get(keyOf(element)) ?? new Set<string>()
    set.add(day)
    days.set(keyOf(element), set)
  }
  return new Set(outside.filter(({element}) => (days.get(keyOf(element))?.size ?? 0) >= 2).map(({element}) => element))
}

/**
 * Author names from an `itemprop=author` element: an itemscope with `name`
 * (or `givenName` and `familyName`) properties, else its text or `content`.
 * Organisation scopes are skipped.
 */
function authorNames(element: Element): Array<string> {
  let values: Array<string>
  if (element.properties.itemScope) {
    if (/organi[sz]ation|corporation/i.test(attr(element, 'itemType'))) return []
    const names = selectAll('[itemprop~=name]', element)
    const given = selectAll('[itemprop~=givenName]', element)[0]
    const family = selectAll('[itemprop~=familyName]', element)[0]
    values =
      names.length > 0
        ? names.map(valueOf)
        : [
            [given, family]
              .filter((e): e is Element => Boolean(e))
              .map(valueOf)
              .join(' ')
          ]
  } else {
    values = [element.tagName === 'meta' || element.tagName === 'link' ? attr(element, 'content') : textOf(element) || attr(element, 'content')]
  }
  return values.map((value) => value.trim()).filter((value) => value && value.length <= 200 && !looksLikeUrl(value))
}

/** Value of a microdata property element. */
function valueOf(element: Element): string {
  const content = attr(element, 'content')
  if (content) return content.trim()
  if (element.tagName === 'time') return attr(element, 'dateTime') || textOf(element)
  if (element.tagName === 'meta') return ''
  return textOf(element)
}
