/**
 * Generic metadata extraction: title, author, dates, source, site name,
 * tags, URL, description, image, section and language of a news page from
 * every standard place, for pages that no site profile matches.
 *
 * Precedence (first source that yields a usable value wins; `from` names it):
 *
 * | field       | precedence                                                                                     |
 * | ----------- | ---------------------------------------------------------------------------------------------- |
 * | title       | `<h1>` equal to / contained in a title below or `<title>` > JSON-LD `headline` > `og:title` >  |
 * |             | `twitter:title` > `parsely-title` > `dc.title` > microdata `headline` > `<title>` > first `<h1>` |
 * |             | (site-name prefixes/suffixes stripped, see `title.ts`)                                          |
 * | author      | JSON-LD `author` > meta `author`, `article:author` (not URLs), `parsely-author`,               |
 * |             | `sailthru.author`, `byl`, `dc.creator`, `itemprop=author` > microdata `author` > `rel=author` > |
 * |             | visible byline (class/id hints, `By …`, `作者：…`, `记者…报道`, `文／…`)                         |
 * | date        | JSON-LD `datePublished` > `article:published_time` > meta `date`, `pubdate`, `publishdate`, … > |
 * |             | microdata `datePublished` > `<time pubdate>` / `<time datetime>` (article first) >              |
 * |             | visible credit line / date element > `/YYYY/MM/DD/` in the URL                                 |
 * | modified    | JSON-LD `dateModified` > `article:modified_time` > `og:updated_time` > microdata `dateModified` |
 * | source      | credit line (`来源：…`) > JSON-LD `publisher.name` > `og:site_name`                            |
 * | siteName    | `og:site_name` > JSON-LD `publisher.name` / WebSite `name` > `application-name`                |
 * | tags        | `article:tag` > JSON-LD `keywords` > meta `keywords` / `news_keywords` > `rel=tag` links       |
 * | url         | `<link rel=canonical>` > `og:url` > JSON-LD `url` / `mainEntityOfPage` > `options.url`         |
 * | description | `og:description` > JSON-LD `description` > meta `description` > `twitter:description`         |
 * | image       | `og:image` > JSON-LD `image` > `twitter:image`                                                |
 * | section     | `article:section` > JSON-LD `articleSection` > meta `section` / `parsely-section`             |
 * | language    | `<html lang>` > meta `content-language` > `og:locale` > JSON-LD `inLanguage`                  |
 *
 * Dates are normalised to ISO 8601 (see `../util/normalize-date.ts`); a
 * source whose value does not parse is skipped. Several authors are joined
 * with `, `; values that are URLs, e-mail addresses or the site's name are
 * rejected. Relative URLs are resolved against `options.url`.
 *
 * @module
 */

import type {Root} from 'hast'
import {cleanAuthors, looksLikeUrl} from './author-names.js'
import {readByline} from './byline.js'
import {readJsonLd} from './json-ld.js'
import {metaReader} from './meta-tags.js'
import {readMarkup} from './microdata.js'
import {attr, indexPage} from './page-index.js'
import {chooseTitle} from './title.js'
import {normalizeDate} from '../util/normalize-date.js'

/** A value and the source it came from (`json-ld:NewsArticle.headline`, `meta:og:title`, `byline`, …). */
export interface Found<T> {
  value: T
  from: string
}

export interface GenericMeta {
  title?: Found<string>
  author?: Found<string>
  date?: Found<string>
  modified?: Found<string>
  source?: Found<string>
  siteName?: Found<string>
  tags?: Found<Array<string>>
  url?: Found<string>
  description?: Found<string>
  image?: Found<string>
  section?: Found<string>
  language?: Found<string>
}

export interface Options {
  /** Address of the page, used to resolve relative URLs and as a fallback `url` (default: none). */
  url?: string | null | undefined
}

const PUBLISHED_KEYS = [
  'article:published_time', 'og:published_time', 'article:published', 'published_time', 'publish_time',
  'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'publication_date', 'article.published',
  'article_date_original', 'dc.date.issued', 'dcterms.issued', 'dc.date.created', 'dcterms.created', 'dc.date',
  'dcterms.date', 'parsely-pub-date', 'sailthru.date', 'datepublished', 'cxenseparse:recs:publishtime',
  'itemprop:datepublished', 'itemprop:datecreated', 'og:article:published_time', 'weibo:article:create_at'
]
const MODIFIED_KEYS = [
  'article:modified_time', 'og:updated_time', 'og:article:modified_time', 'article:modified', 'last-modified',
  'dc.date.modified', 'dcterms.modified', 'itemprop:datemodified'
]
const AUTHOR_KEYS = [
  'author', 'article:author', 'og:article:author', 'article:author_name', 'parsely-author', 'sailthru.author',
  'byl', 'dc.creator', 'dcterms.creator', 'citation_author', 'cxenseparse:author', 'itemprop:author'
]

/**
 * Extract generic metadata from a whole page.
 *
 * @param tree
 *   Page as parsed by `hast-util-from-html`.
 * @param options
 *   Configuration (optional).
 * @returns
 *   Metadata found, each field with its source.
 */
export function extractGenericMeta(tree: Root, options?: Options | null | undefined): GenericMeta {
  const pageUrl = options?.url || undefined
  const index = indexPage(tree)
  const meta = metaReader(index.metas)
  const ld = readJsonLd(index.jsonLd)
  const markup = readMarkup(index)
  const result: GenericMeta = {}

  // Site name and URL first: other fields use them.
  result.siteName = meta.first(['og:site_name', 'og:sitename']) ?? ld.publisher ?? ld.siteName ??
    meta.first(['application-name', 'apple-mobile-web-app-title'])
  const canonical = index.links.find((link) => link.element.tagName === 'link' && link.rel.includes('canonical'))
  const canonicalHref = canonical ? attr(canonical.element, 'href').trim() : ''
  const url = (canonicalHref ? {value: canonicalHref, from: 'link:canonical'} : undefined) ??
    meta.first(['og:url']) ?? ld.url ?? (pageUrl ? {value: pageUrl, from: 'options.url'} : undefined)
  if (url) result.url = {value: resolve(url.value, pageUrl), from: url.from}
  const host = hostOf(pageUrl) ?? hostOf(result.url?.value)
  const siteNames = [result.siteName?.value, ld.publisher?.value, ld.siteName?.value, host]

  const title = chooseTitle({
    candidates: [
      ld.title,
      meta.first(['og:title']),
      meta.first(['twitter:title']),
      meta.first(['parsely-title', 'dc.title', 'dcterms.title', 'itemprop:headline', 'headline']),
      markup.title
    ],
    titleElement: index.title,
    headings: index.headings,
    siteNames,
    host
  })
  if (title) result.title = title

  const byline = readByline(index, siteNames)
  const author = firstAuthors([
    ld.authors,
    ...AUTHOR_KEYS.map((key) => {
      const values = meta.all(key)
      return values.length > 0 ? {value: values, from: `meta:${key}`} : undefined
    }),
    markup.authors,
    markup.relAuthors,
    listed(meta.labelled(/written by|^author|^autor|verfasst|rédigé|escrito/i)),
    byline.author
  ], siteNames, byline.author)
  if (author) result.author = author

  const date = firstDate([
    ld.date,
    ...PUBLISHED_KEYS.map((key) => meta.first([key])),
    markup.date,
    markup.time,
    byline.date,
    dateInUrl(pageUrl ?? result.url?.value)
  ])
  if (date) result.date = date
  const modified = firstDate([ld.modified, ...MODIFIED_KEYS.map((key) => meta.first([key])), markup.modified])
  if (modified) result.modified = modified

  const source = byline.source ?? ld.publisher ?? meta.first(['og:site_name'])
  if (source) result.source = source

  const tags = firstList([
    listOf(meta.all('article:tag'), 'meta:article:tag'),
    ld.keywords,
    listOf(meta.all('keywords'), 'meta:keywords'),
    listOf(meta.all('news_keywords'), 'meta:news_keywords'),
    markup.relTags
  ])
  if (tags) result.tags = tags

  const description = meta.first(['og:description']) ?? ld.description ?? meta.first(['description', 'twitter:description'])
  if (description) result.description = description
  const image = meta.first(['og:image', 'og:image:url', 'og:image:secure_url']) ?? ld.image ??
    meta.first(['twitter:image', 'twitter:image:src'])
  if (image) result.image = {value: resolve(image.value, result.url?.value ?? pageUrl), from: image.from}
  const section = meta.first(['article:section']) ?? ld.section ?? meta.first(['section', 'parsely-section', 'category'])
  if (section) result.section = section
  const language = (index.lang?.trim() ? {value: index.lang.trim(), from: 'html[lang]'} : undefined) ??
    meta.first(['http-equiv:content-language', 'content-language', 'language', 'og:locale']) ?? ld.language
  if (language) result.language = {value: language.value.replace(/_/g, '-'), from: language.from}

  if (!result.siteName) delete result.siteName
  return result
}

/** First source that yields clean author names, joined with `, `. */
function firstAuthors(
  sources: Array<Found<Array<string>> | undefined>,
  siteNames: Array<string | undefined>,
  byline: Found<Array<string>> | undefined
): Found<string> | undefined {
  for (const source of sources) {
    if (!source) continue
    const names = source === byline ? source.value : cleanAuthors(source.value.filter((v) => !looksLikeUrl(v)), {siteNames})
    if (names.length > 0) return {value: names.join(', '), from: source.from}
  }
  return undefined
}

/** First source whose value parses as a date, normalised. */
function firstDate(sources: Array<Found<string> | undefined>): Found<string> | undefined {
  for (const source of sources) {
    if (!source) continue
    const value = normalizeDate(source.value)
    if (value) return {value, from: source.from}
  }
  return undefined
}

/** First non-empty list, trimmed, deduplicated (case-insensitively), at most 30 items. */
function firstList(sources: Array<Found<Array<string>> | undefined>): Found<Array<string>> | undefined {
  for (const source of sources) {
    if (!source) continue
    const seen = new Set<string>()
    const value: Array<string> = []
    for (const item of source.value) {
      const tag = item.replace(/\s+/g, ' ').trim()
      const key = tag.toLowerCase()
      if (!tag || tag.length > 80 || seen.has(key)) continue
      seen.add(key)
      value.push(tag)
    }
    if (value.length > 0) return {value: value.slice(0, 30), from: source.from}
  }
  return undefined
}

/** A single value as a list. */
function listed(found: Found<string> | undefined): Found<Array<string>> | undefined {
  return found ? {value: [found.value], from: found.from} : undefined
}

/** Split meta values on `,`, `，`, `、`, `;`. */
function listOf(values: Array<string>, from: string): Found<Array<string>> | undefined {
  const items = values.flatMap((value) => value.split(/[,，、;；]/))
  return items.length > 0 ? {value: items, from} : undefined
}

/** A `/2020/04/14/` day in a URL path. */
function dateInUrl(url: string | undefined): Found<string> | undefined {
  const match = url ? /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|[-_.]|$)/.exec(url) : null
  return match ? {value: `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`, from: 'url-path'} : undefined
}

/** Resolve `value` against `base` when possible. */
function resolve(value: string, base: string | undefined): string {
  try {
    return new URL(value, base).href
  } catch {
    return value
  }
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).hostname || undefined
  } catch {
    return undefined
  }
}
