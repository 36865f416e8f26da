import type {Root} from 'hast'
import {cleanAuthors} from '../analyse/meta/author-names.js'
import {readByline} from '../analyse/meta/byline.js'
import {readingTexts} from '../analyse/text-memo.js'
import {readJsonLd} from '../analyse/meta/json-ld.js'
import {metaReader} from '../analyse/meta/meta-tags.js'
import {isPersonLike, titleSuffixes} from '../analyse/meta/person-like.js'
import type {PageIndex} from '../analyse/page-index.js'
import {indexPage} from '../analyse/page-index.js'
import type {ArticleMeta, FieldEvidence, MetaField, MetaSources} from '../types.js'
import {normalizeDate} from '../util/normalize-date.js'
import {readVisibleDate} from './visible-date.js'

/** A value some source of the page gives for a field. */
export interface Candidate {
  value: string
  source: string
  /** Other readings of an ambiguous date (`06/11/2023`: 11 June or 6 November), `YYYY-MM-DD`. */
  readings?: Array<string>
}

/**
 * The values the page's structured metadata (JSON-LD article, `<meta>`) and
 * its visible text (byline, credit line, date element) give for the fields
 * that can contradict each other.
 */
export interface FieldCandidates {
  date: {structured: Candidate | undefined; visible: Candidate | undefined}
  author: {structured: Candidate | undefined; visible: Candidate | undefined}
  /** Names of the site and its publisher (`og:site_name`, JSON-LD publisher, `<title>` suffixes): never a person. */
  publishers: Array<string>
}

/** Publication date keys of `<meta>` read as a second opinion (the common ones of `generic-meta.ts`). */
const dateKeys = ['article:published_time', 'og:published_time', 'og:article:published_time', 'pubdate', 'publishdate', 'date', 'dc.date.issued', 'itemprop:datepublished']

/** Author keys of `<meta>` read as a second opinion. */
const authorKeys = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'byl', 'dc.creator']

/** Days two dates without a time zone may lie apart without contradicting each other: a UTC day printed without its zone and the page's local day. */
const dateSlack = 1

/** Hours the local time of a place can lie behind (`-12:00`) and ahead of (`+14:00`) UTC. */
const zoneBehind = 12
const zoneAhead = 14

/**
 * Collect, from the whole page (before pruning), the date and the author
 * its structured metadata gives (JSON-LD of an article, else `<meta>`) and
 * the ones its visible text gives (`readByline`; the date by the stricter
 * `readVisibleDate`). Author values are cleaned as the extractor cleans
 * them (`cleanAuthors`: no site names, roles, labels or URLs) and only
 * person-like names are kept (`isPersonLike`: a publisher, desk or outlet
 * names no one to disagree with). The chosen values are compared with them by
 * `fieldEvidence`. `pageIndex` is the page's index when one was made
 * (`file.data.analysis.index`), else one is made.
 */
export function collectCandidates(tree: Root, pageIndex?: PageIndex | undefined): FieldCandidates {
  const index = pageIndex || indexPage(tree)
  const ld = readJsonLd(index.jsonLd)
  const meta = metaReader(index.metas)
  const siteName = meta.first(['og:site_name'])
  const siteNames = [siteName && siteName.value, ld.publisher && ld.publisher.value, ld.siteName && ld.siteName.value]
  // Both read the page's byline and date elements: their texts once.
  const {byline, visibleDate} = readingTexts(() => {
    const byline = readByline(index, siteNames)
    return {byline, visibleDate: readVisibleDate(index, byline)}
  })
  const publishers = [...siteNames, ...titleSuffixes(index.title)].filter((name): name is string => Boolean(name))
  // Only people's names contradict each other: `网易`, `Casa Editorial El Tiempo` name the publisher.
  const people = (names: Array<string>) => names.filter((name) => isPersonLike(name, publishers))
  // A WebPage's date is the page's, not the article's.
  const ldDate = ld.date && !/webpage/i.test(ld.date.from) ? ld.date : undefined
  const metaDate = meta.first(dateKeys)
  const structuredDate = ldDate || metaDate
  const ldAuthors = ld.authors ? people(cleanAuthors(ld.authors.value, {siteNames, strict: true})) : []
  const metaAuthor = meta.first(authorKeys, (value) => people(cleanAuthors(value, {siteNames, strict: true})).length > 0)
  const structuredAuthor: Candidate | undefined =
    ldAuthors.length > 0 && ld.authors
      ? {value: ldAuthors.join(', '), source: ld.authors.from}
      : metaAuthor && {value: people(cleanAuthors(metaAuthor.value, {siteNames, strict: true})).join(', '), source: metaAuthor.from}
  // A byline's words that are labels (`责任编辑`, `Text, Fotos`) are no names.
  const visibleNames = byline.author && byline.author.from === 'byline' ? people(cleanAuthors(byline.author.value, {siteNames, strict: true})) : []
  const visibleAuthor = visibleNames.length > 0 && byline.author ? {value: visibleNames, from: byline.author.from} : undefined
  return {
    date: {
      structured: structuredDate && {value: structuredDate.value, source: structuredDate.from},
      visible: visibleDate
    },
    author: {
      structured: structuredAuthor,
      visible: visibleAuthor && {value: visibleAuthor.value.join(', '), source: visibleAuthor.from}
    },
    publishers
  }
}

/**
 * Per metadata field, where its value came from, and a value that
 * contradicts it: for the date and the author, when the structured
 * metadata and the visible text disagree, the one not chosen. Dates
 * disagree when they cannot be the same calendar day anywhere (`sameDay`:
 * a time with a zone is any local day from 12 hours behind to 14 hours
 * ahead of UTC; two dates without a zone may lie a day apart); an
 * ambiguous day/month order (`06/11/2023`) disagrees only when neither
 * reading agrees. Authors disagree when they share no name (words
 * compared case-insensitively, CJK names as substrings).
 */
export function fieldEvidence(article: Readonly<ArticleMeta>, sources: Readonly<MetaSources>, candidates: FieldCandidates | undefined): Partial<Record<MetaField, FieldEvidence>> {
  const fields: Partial<Record<MetaField, FieldEvidence>> = {}
  const names: Array<MetaField> = ['title', 'date', 'author', 'source', 'tags', 'url']
  for (const name of names) {
    const value = article[name]
    const present = Array.isArray(value) ? value.length > 0 : Boolean(value)
    fields[name] = {source: present ? sources[name] || 'unknown' : null, conflict: null}
  }
  if (!candidates) return fields
  const date = candidates.date
  if (article.date && fields.date && date.structured && date.visible) {
    const structured = date.structured.value
    const visible = [date.visible.value, ...(date.visible.readings || [])]
    if (daysOf(structured) && visible.every((value) => daysOf(value) && !sameDay(value, structured))) {
      const other = sameDay(article.date, structured) ? date.visible : date.structured
      fields.date.conflict = {value: normalizeDate(other.value) || other.value, source: other.source}
    }
  }
  const author = candidates.author
  if (article.author && fields.author && author.structured && author.visible && !sharesName(author.structured.value, author.visible.value)) {
    const other = sharesName(article.author, author.structured.value) ? author.visible : author.structured
    fields.author.conflict = {value: other.value, source: other.source}
  }
  return fields
}

const hour = 3_600_000
const day = 24 * hour

/**
 * The calendar days (days since the epoch, first and last) a date can be
 * somewhere on Earth, and whether it has a zone: for a time with a zone
 * (`Z`, `+01:00`), the local days from UTC−12 to UTC+14; else its own day.
 */
export function daysOf(value: string): {first: number; last: number; zoned: boolean} | undefined {
  const normal = normalizeDate(value) || value
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(normal)
  if (!match) return undefined
  // No such day (`2021-02-30`): `Date.UTC` and `Date.parse` would roll it over into the next month.
  const check = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  if (check.getUTCMonth() !== Number(match[2]) - 1 || check.getUTCDate() !== Number(match[3])) return undefined
  if (/T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/.test(normal)) {
    const instant = Date.parse(normal)
    if (!Number.isNaN(instant)) return {first: Math.floor((instant - zoneBehind * hour) / day), last: Math.floor((instant + zoneAhead * hour) / day), zoned: true}
  }
  const own = Math.round(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / day)
  return {first: own, last: own, zoned: false}
}

/**
 * Whether two dates can be the same calendar day: their possible local
 * days overlap, or, when neither has a zone, lie at most a day apart (one
 * may be a UTC day printed without its zone).
 */
export function sameDay(a: string, b: string): boolean {
  const left = daysOf(a)
  const right = daysOf(b)
  if (!left || !right) return false
  const slack = left.zoned || right.zoned ? 0 : dateSlack
  return left.first <= right.last + slack && right.first <= left.last + slack
}

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

/** Whether two author strings name at least one person in common. */
function sharesName(a: string, b: string): boolean {
  const left = words(a)
  const right = words(b)
  if (left.length === 0 || right.length === 0) return true
  const set = new Set(left)
  if (right.some((word) => set.has(word))) return true
  // CJK names are not split into words: compare as substrings.
  return left.some((word) => cjk.test(word) && right.some((other) => other.includes(word) || word.includes(other)))
}

function words(value: string): Array<string> {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !stopWords.has(word))
}

/** Words of bylines that are not names: joiners, roles and labels a byline reader may take along. */
const stopWords: ReadonlySet<string> = new Set([
  'by',
  'and',
  'von',
  'und',
  'par',
  'et',
  'por',
  'door',
  'the',
  'staff',
  'reporter',
  'editor',
  'redaktion',
  'text',
  'texte',
  'texto',
  'foto',
  'fotos',
  'photo',
  'photos',
  'bild',
  'bilder',
  'datum',
  'date',
  'kategorien',
  'categories',
  '责任编辑',
  '責任編輯',
  '编辑',
  '編輯',
  '记者',
  '記者',
  '作者',
  '来源',
  '來源'
])
