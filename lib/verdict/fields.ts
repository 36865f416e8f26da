import type {Root} from 'hast'
import {cleanAuthors} from '../analyse/meta/author-names.js'
import {readByline} from '../analyse/meta/byline.js'
import {readJsonLd} from '../analyse/meta/json-ld.js'
import {metaReader} from '../analyse/meta/meta-tags.js'
import type {PageIndex} from '../analyse/page-index.js'
import {indexPage} from '../analyse/page-index.js'
import type {ArticleMeta, FieldEvidence, MetaField, MetaSources} from '../types.js'
import {normalizeDate} from '../util/normalize-date.js'

/** A value some source of the page gives for a field. */
export interface Candidate {
  value: string
  source: string
}

/**
 * The values the page's structured metadata (JSON-LD article, `<meta>`) and
 * its visible text (byline, credit line, date element) give for the fields
 * that can contradict each other.
 */
export interface FieldCandidates {
  date: {structured: Candidate | undefined; visible: Candidate | undefined}
  author: {structured: Candidate | undefined; visible: Candidate | undefined}
}

/** Publication date keys of `<meta>` read as a second opinion (the common ones of `generic-meta.ts`). */
const dateKeys = ['article:published_time', 'og:published_time', 'og:article:published_time', 'pubdate', 'publishdate', 'date', 'dc.date.issued', 'itemprop:datepublished']

/** Author keys of `<meta>` read as a second opinion. */
const authorKeys = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'byl', 'dc.creator']

/** Days two dates may lie apart without contradicting each other: a UTC timestamp and the page's local day. */
const dateSlack = 1

/**
 * Collect, from the whole page (before pruning), the date and the author
 * its structured metadata gives (JSON-LD of an article, else `<meta>`) and
 * the ones its visible text gives (`readByline`). Author values are cleaned
 * as the extractor cleans them (`cleanAuthors`: no site names, roles,
 * labels or URLs). The chosen values are compared with them by
 * `fieldEvidence`. `pageIndex` is the page's index when one was made
 * (`file.data.analysis.index`), else one is made.
 */
export function collectCandidates(tree: Root, pageIndex?: PageIndex | undefined): FieldCandidates {
  const index = pageIndex || indexPage(tree)
  const ld = readJsonLd(index.jsonLd)
  const meta = metaReader(index.metas)
  const siteName = meta.first(['og:site_name'])
  const siteNames = [siteName && siteName.value, ld.publisher && ld.publisher.value, ld.siteName && ld.siteName.value]
  const byline = readByline(index, siteNames)
  // A WebPage's date is the page's, not the article's.
  const ldDate = ld.date && !/webpage/i.test(ld.date.from) ? ld.date : undefined
  const metaDate = meta.first(dateKeys)
  const structuredDate = ldDate || metaDate
  const ldAuthors = ld.authors ? cleanAuthors(ld.authors.value, {siteNames, strict: true}) : []
  const metaAuthor = meta.first(authorKeys, (value) => cleanAuthors(value, {siteNames, strict: true}).length > 0)
  const structuredAuthor: Candidate | undefined =
    ldAuthors.length > 0 && ld.authors
      ? {value: ldAuthors.join(', '), source: ld.authors.from}
      : metaAuthor && {value: cleanAuthors(metaAuthor.value, {siteNames, strict: true}).join(', '), source: metaAuthor.from}
  // A byline's words that are labels (`责任编辑`, `Text, Fotos`) are no names.
  const visibleNames = byline.author && byline.author.from === 'byline' ? cleanAuthors(byline.author.value, {siteNames, strict: true}) : []
  const visibleAuthor = visibleNames.length > 0 && byline.author ? {value: visibleNames, from: byline.author.from} : undefined
  return {
    date: {
      structured: structuredDate && {value: structuredDate.value, source: structuredDate.from},
      visible: byline.date && {value: byline.date.value, source: byline.date.from}
    },
    author: {
      structured: structuredAuthor,
      visible: visibleAuthor && {value: visibleAuthor.value.join(', '), source: visibleAuthor.from}
    }
  }
}

/**
 * Per metadata field, where its value came from, and a value that
 * contradicts it: for the date and the author, when the structured
 * metadata and the visible text disagree, the one not chosen. Dates
 * disagree more than a day apart (calendar days: a UTC timestamp may show
 * as the next or previous local day); authors when they share no name
 * (words compared case-insensitively, CJK names as substrings).
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
    const structured = dayOf(date.structured.value)
    const visible = dayOf(date.visible.value)
    if (structured !== undefined && visible !== undefined && Math.abs(structured - visible) > dateSlack) {
      const other = dayOf(article.date) === structured ? date.visible : date.structured
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

/** Days since the epoch of a date's calendar day (`YYYY-MM-DD` prefix after normalising), if it has one. */
function dayOf(value: string): number | undefined {
  const normal = normalizeDate(value) || value
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(normal)
  if (!match) return undefined
  return Math.round(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000)
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
