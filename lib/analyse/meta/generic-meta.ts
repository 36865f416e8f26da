/**
 * Generic metadata extraction: title, author, dates, source, site name,
 * tags, URL, description, image, section and language of a news page from
 * every standard place, for pages that no site profile matches.
 *
 * Precedence (first source that yields a usable value wins; `from` names it):
 *
 * | field       | precedence, highest first                                                                  |
 * | ----------- | ------------------------------------------------------------------------------------------ |
 * | title       | 1. `<h1>` equal to, or contained in, a metadata title or `<title>` (agreement)              |
 * |             | 2. the main `<h1>` when it reads as a headline sharing words with the metadata              |
 * |             |    (but a decorated h1, `Section: Title`, yields the metadata title)                         |
 * |             | 3. JSON-LD `headline` > `og:title` > `twitter:title` > `parsely-title` / `dc.title` >       |
 * |             |    microdata `headline` > `<title>`, site name stripped (see `title.ts`) 4. first `<h1>`   |
 * | author      | JSON-LD article `author`/`creator` (persons) > meta `article:author` (no URLs), `parsely-author`, |
 * |             | `sailthru.author`, `byl`, then the site-wide meta `author`, `dc.creator`, `itemprop=author` >   |
 * |             | microdata `author` > `rel=author` links > visible byline (class/id hints, `By …`, `Von …`,    |
 * |             | Chinese bylines in credit lines and inside the text, see `cjk-byline.ts`) > `twitter:dataN`    |
 * |             | labelled “Written by” > JSON-LD WebPage author > JSON-LD organisation author. The first     |
 * |             | source whose names all read as people's wins over earlier ones that do not (`person-like.ts`); |
 * |             | a JSON-LD person named by a user name (`jroe_42`) yields to a byline or meta naming a person; |
 * |             | publishers (site name, `<title>` suffix, outlets such as `新京报`) and editors in charge        |
 * |             | (`责任编辑：…`) are never authors; a lone first name yields to a visible byline that completes it |
 * |             | (JSON-LD persons complete theirs from `givenName`/`familyName` or their description); a visible |
 * |             | byline naming more writers than the source wins; with no person anywhere, an organisation the |
 * |             | visible byline names is the author; a masthead marked as a byline (a link home, the site's    |
 * |             | name) yields to the post's byline; a sign-off closing the text (`— Jane Roe`), a signature,    |
 * |             | a closing biography (`Jane Roe is a reporter …`), an author box (`div.author-bio`) are bylines; |
 * |             | so is a name before an agency closing the text (`(Jane Roe, dpa)`, `Jane Roe/AFP`);          |
 * |             | last, a personal site's owner (copyright line `© 2014- Jane Roe`, title `Jane Roe's Blog`);    |
 * |             | candidates passed over are listed in `author.passed`                                           |
 * | date        | JSON-LD `datePublished` > `article:published_time` > meta `date`, `pubdate`, `publishdate`, |
 * |             | `DC.date.issued`, `parsely-pub-date`, `sailthru.date`, `itemprop=datePublished`, … >        |
 * |             | microdata `datePublished` > `<time pubdate>` / `<time datetime>` (article first) >          |
 * |             | `dc.date` > visible credit line / date element / short date text (not one of a listing,     |
 * |             | a link to another article or a citation) > a dateline opening the text > `/YYYY/MM/DD/` in |
 * |             | URL > a day shown without its year (`11月30日`, `10-08`) with the modified date's year >    |
 * |             | the modified date (JSON-LD `dateModified`, `article:modified_time`, `itemprop=dateUpdate`, |
 * |             | a visible last-edited line such as a wiki's `#footer-info-lastmod`);                        |
 * |             | a UTC timestamp exactly one day off the visible date yields the visible (local) day, else   |
 * |             | it is written in the offset of another date of the page (`…-05:00`): the page's local day   |
 * | modified    | JSON-LD `dateModified` > `article:modified_time` > `og:updated_time` > microdata >          |
 * |             | a visible last-edited date (`Diese Seite wurde zuletzt am … bearbeitet`)                    |
 * | source      | credit line (`来源：…`), an agency's credit closing the text (`(Jane Roe, dpa)`), else in   |
 * |             | the dateline opening it (`CHICAGO (Reuters) —`) > JSON-LD `publisher` name > `og:site_name` |
 * | siteName    | `og:site_name` > JSON-LD `publisher` / WebSite `name` > `application-name`                  |
 * | tags        | `article:tag` > JSON-LD `keywords` > meta `keywords` > `news_keywords` > `rel=tag` links     |
 * |             | (one source, not merged: trimmed, deduplicated, order kept, at most 30)                     |
 * | url         | `<link rel=canonical>` > `og:url` > JSON-LD `url` / `mainEntityOfPage` > `options.url`      |
 * | description | `og:description` > JSON-LD `description` > meta `description` > `twitter:description`      |
 * | image       | `og:image` > JSON-LD `image` > `twitter:image`                                              |
 * | section     | `article:section` > JSON-LD `articleSection` > meta `section` / `parsely-section`           |
 * | language    | `<html lang>` > meta `content-language` > `og:locale` > JSON-LD `inLanguage`                |
 *
 * Dates are normalised to ISO 8601 (see `../util/normalize-date.ts`); a
 * source whose value does not parse is skipped. Several authors are joined
 * with `, `; values that are URLs, e-mail addresses or the site's name are
 * rejected. Relative URLs are resolved against `options.url`.
 *
 * @module
 */

import type {Element, Root} from 'hast'
import type {Found} from './found.js'
import {ORDER_UNKNOWN, readByline, readClosingAuthor} from './byline.js'
import {isPublisher, titleSuffixes} from './person-like.js'
import {readJsonLd} from './json-ld.js'
import {metaReader} from './meta-tags.js'
import {readMarkup} from './microdata.js'
import {attr, indexPage} from '../page-index.js'
import type {PageIndex} from '../page-index.js'
import {firstAuthors, firstDate, firstList, listed, listOf, preferLocalDay} from './reconcile.js'
import {completeDate, dayOrderOf} from '../../util/normalize-date.js'
import {dateInUrl, hostLabel, hostOf, resolveUrl} from './site-url.js'
import {blogOwner} from './blog-owner.js'
import {chooseTitle} from './title.js'

export type {Found} from './found.js'

export interface GenericMeta {
  title?: Found<string>
  author?: Found<string>
  /** Editors in charge named on the page (`责任编辑：…`): never the author. */
  editors?: Found<Array<string>>
  date?: Found<string>
  modified?: Found<string>
  source?: Found<string>
  siteName?: Found<string> | undefined
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
  /** The page's index, when already made from `tree` (default: made here). */
  index?: PageIndex | null | undefined
  /** The article root, when known: bylines inside its text are read too (default: none). */
  root?: Element | null | undefined
}

const PUBLISHED_KEYS = [
  'article:published_time',
  'og:published_time',
  'article:published',
  'published_time',
  'publish_time',
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'publication_date',
  'article.published',
  'article_date_original',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'parsely-pub-date',
  'sailthru.date',
  'datepublished',
  'cxenseparse:recs:publishtime',
  'itemprop:datepublished',
  'itemprop:datecreated',
  'og:article:published_time',
  'weibo:article:create_at'
]
const MODIFIED_KEYS = [
  'article:modified_time',
  'itemprop:dateupdate',
  'og:updated_time',
  'og:article:modified_time',
  'article:modified',
  'last-modified',
  'dc.date.modified',
  'dcterms.modified',
  'itemprop:datemodified'
]
const AUTHOR_KEYS = [
  'article:author',
  'og:article:author',
  'article:author_name',
  'parsely-author',
  'sailthru.author',
  'byl',
  'author',
  'dc.creator',
  'dcterms.creator',
  'citation_author',
  'cxenseparse:author',
  'itemprop:author'
]

/** Sources naming a personal site's owner: a guess, which a signature or author box beats. */
const GUESSED_OWNER = /^(?:copyright|title:owner)$/

/**
 * The owner a copyright line or title names, when the site is theirs: a
 * personal domain (`gregroe.example` for Greg Roe), or a site whose name is
 * not the owner's (a blog with its own name, signed `© 2008 Jane Roe`). An
 * owner that is the site's own name on a domain of another name is an
 * organisation's copyright (`© 1995–2021 Auswärtiges Amt`), no writer.
 */
function personalOwner(owner: Found<Array<string>> | undefined, host: string | undefined, brands: Array<string | undefined>): Found<Array<string>> | undefined {
  if (!owner) return undefined
  const key = (value: string) =>
    value
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '')
  const domain = key(host ?? '')
  const names = owner.value.filter((name) => (key(name).length >= 4 && domain.includes(key(name))) || !isPublisher(name, brands))
  return names.length > 0 ? {value: names, from: owner.from} : undefined
}

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
  const index = options?.index || indexPage(tree)
  const meta = metaReader(index.metas)
  const ld = readJsonLd(index.jsonLd)
  const markup = readMarkup(index)
  const result: GenericMeta = {}

  // Site name and URL first: other fields use them.
  result.siteName = meta.first(['og:site_name', 'og:sitename']) ?? ld.publisher ?? ld.siteName ?? meta.first(['application-name', 'apple-mobile-web-app-title'])
  const canonical = index.links.find((link) => link.element.tagName === 'link' && link.rel.includes('canonical'))
  const canonicalHref = canonical ? attr(canonical.element, 'href').trim() : ''
  const url = (canonicalHref ? {value: canonicalHref, from: 'link:canonical'} : undefined) ?? meta.first(['og:url']) ?? ld.url ?? (pageUrl ? {value: pageUrl, from: 'options.url'} : undefined)
  if (url) result.url = {value: resolveUrl(url.value, pageUrl), from: url.from}
  const host = hostOf(pageUrl) ?? hostOf(result.url?.value)
  const siteNames = [result.siteName?.value, ld.publisher?.value, ld.siteName?.value, hostLabel(host)]

  const title = chooseTitle({
    candidates: [ld.title, meta.first(['og:title']), meta.first(['twitter:title']), meta.first(['parsely-title', 'dc.title', 'dcterms.title', 'itemprop:headline', 'headline']), markup.title],
    titleElement: index.title,
    headings: index.headings,
    siteNames,
    host
  })
  if (title) result.title = title

  // How the page writes `04/11/2024`: from its language and host.
  const pageLanguage = index.lang || meta.first(['og:locale', 'http-equiv:content-language', 'content-language'])?.value || ld.language?.value
  const order = dayOrderOf(pageLanguage, host)
  const byline = readByline(index, siteNames, options?.root || undefined, tree, order)
  const author = firstAuthors(
    [
      ld.authors,
      ...AUTHOR_KEYS.map((key) => {
        const values = meta.all(key)
        return values.length > 0 ? {value: values, from: `meta:${key}`} : undefined
      }),
      markup.authors,
      markup.relAuthors,
      byline.author,
      // `twitter:data1` is the site's card, not the page's visible byline.
      listed(meta.labelled(/written by|^author|^autor|verfasst|rédigé|escrito/i)),
      ld.pageAuthors,
      ld.orgAuthors,
      // A personal site's owner (copyright line, `Jane Roe's Blog`): the writer when no one else is named.
      personalOwner(byline.owner, host, [result.siteName?.value, ld.publisher?.value, ld.siteName?.value, ...titleSuffixes(index.title)])
    ],
    siteNames,
    byline.author,
    {publishers: titleSuffixes(index.title), editors: byline.editors?.value, persons: [ld.authors]}
  )
  // A hosted blog's owner, declared by the handle of its subdomain (`小雨 (xiaoyu88)`), whose name is the blog's too: when no source names anyone. Fixture: meta-author-blog-owner-handle.
  const owner = author ? undefined : blogOwner(meta.all('author'), host)
  // A signature or author box names the writer when no source names anyone but the site (its brand, its owner). Fixtures: meta-author-closing-signature, meta-author-bio-box.
  const brands = [...siteNames, ...titleSuffixes(index.title)]
  if (!author || GUESSED_OWNER.test(author.from) || author.value.split(', ').every((name) => isPublisher(name, brands))) {
    const closing = readClosingAuthor(index, options?.root || undefined, byline.closingLines, brands)
    if (closing)
      result.author = {
        value: closing.value.join(', '),
        from: closing.from,
        ...(author ? {passed: [...(author.passed ?? []), {value: author.value, from: author.from, reason: 'no person, or a site’s owner'}]} : {})
      }
    else if (author) result.author = author
    else if (owner) result.author = {value: owner.value.join(', '), from: owner.from}
  } else result.author = author
  if (byline.editors) result.editors = byline.editors

  const date = firstDate(
    [
      ld.date,
      ...PUBLISHED_KEYS.map((key) => meta.first([key])),
      markup.date,
      markup.time,
      // Dublin Core's plain `date` is any date in the resource's life: after `<time>`.
      meta.first(['dc.date', 'dcterms.date']),
      // A visible all-numeric day that reads both ways (`05/06/2023`) on a page that names no language at all: no date rather than a wrong one. Test: test/byline-kinds.ts.
      pageLanguage?.trim() || !byline.date?.passed?.some((entry) => entry.reason.startsWith(ORDER_UNKNOWN)) ? byline.date : undefined,
      byline.dateline,
      dateInUrl(pageUrl ?? result.url?.value)
    ],
    order
  )
  const modified = firstDate([ld.modified, ...MODIFIED_KEYS.map((key) => meta.first([key])), markup.modified, byline.modified], order)
  if (modified) result.modified = modified
  // A MediaWiki page has no publication date: the dates in its text are its subject's, its last edit is its date.
  if (date && modified?.from === 'wiki:last-edited' && /^(?:visible-date|dateline|credit-line)/.test(date.from)) {
    result.date = {value: modified.value, from: 'modified:' + modified.from, passed: [{value: date.value, from: date.from, reason: 'a date in a wiki page’s text'}]}
  } else if (date) result.date = preferLocalDay(date, byline.date, [markup.time, markup.date, ...[...PUBLISHED_KEYS, ...MODIFIED_KEYS].map((key) => meta.first([key])), ld.modified, markup.modified])
  else {
    // A day shown without its year takes the year of the modified date; the modified date alone is the last resort.
    const partial = byline.partialDate
    const completed = partial && modified ? completeDate(partial.value, modified.value) : undefined
    if (completed) result.date = {value: completed, from: `${partial?.from}+year:${modified?.from}`}
    else if (modified) result.date = {value: modified.value, from: 'modified:' + modified.from}
  }

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
  const image = meta.first(['og:image', 'og:image:url', 'og:image:secure_url']) ?? ld.image ?? meta.first(['twitter:image', 'twitter:image:src'])
  if (image) result.image = {value: resolveUrl(image.value, result.url?.value ?? pageUrl), from: image.from}
  const section = meta.first(['article:section']) ?? ld.section ?? meta.first(['section', 'parsely-section', 'category'])
  if (section) result.section = section
  const language =
    (index.lang?.trim() ? {value: index.lang.trim(), from: 'html[lang]'} : undefined) ?? meta.first(['http-equiv:content-language', 'content-language', 'language', 'og:locale']) ?? ld.language
  if (language) result.language = {value: language.value.replace(/_/g, '-'), from: language.from}

  if (!result.siteName) delete result.siteName
  return result
}
