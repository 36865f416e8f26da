import type {Element, Root} from 'hast'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {extractGenericMeta} from '../analyse/meta/generic-meta.js'
import {report} from '../messages.js'
import {genericNews} from '../profiles/index.js'
import type {Profile} from '../profiles/types.js'
import type {ArticleMeta, MetaSources, Options} from '../types.js'
import {markedRoot} from '../util/article-root.js'
import {detach, isInside} from '../util/detach.js'
import {nearestBefore} from '../util/document-order.js'
import {normalizeDate} from '../util/normalize-date.js'
import {baseUrl, pageUrl} from '../util/page-url.js'
import {findCreditLine} from '../util/find-credit-line.js'
import {selectOrdered} from '../util/select-ordered.js'
import {findTagFooter} from '../util/tag-footer.js'
import {textOf} from '../util/text.js'
import {compileUrlPattern} from '../profiles/url-pattern.js'

const emptyOptions: Readonly<Options> = {}

/**
 * Extract title, date, source, author, tags and url into
 * `file.data.article`, recording in `file.data.articleSources` the selector
 * or rule each came from. A site profile's selectors come first; standard
 * metadata (JSON-LD, OpenGraph, meta tags, microdata, bylines) fills the
 * rest. The credit line (`来源：… 作者：…`) becomes `source` and `author`
 * and leaves the body, wherever it stands: first or last paragraph, after
 * the lead image, or a line of its own in a paragraph.
 */
export const rehypeExtractMeta: Plugin<[(Readonly<Options> | null | undefined)?], Root> = function (options) {
  const settings = options || emptyOptions
  return function (tree, file) {
    const profile = file.data.profile || genericNews
    const specific = profile !== genericNews
    const root = markedRoot(tree)
    const url = pageUrl(tree, settings.url || file.data.pageUrl)
    const generic = extractGenericMeta(tree, {url: url && url.value})
    const article: ArticleMeta = {}
    const sources: MetaSources = {...file.data.articleSources}
    const set = function (field: 'title' | 'date' | 'source' | 'author' | 'url', value: string | undefined, from: string) {
      if (article[field] === undefined && value) {
        article[field] = value
        sources[field] = from
      }
    }

    // Title: a site profile's heading nearest before the root, else standard
    // metadata, else the generic profile's headings.
    if (specific) {
      const heading = firstText(profile.title, tree, root, generic.title && generic.title.value)
      if (heading) set('title', heading.value, heading.from)
    }
    if (generic.title) set('title', generic.title.value, generic.title.from)
    if (!article.title && !specific) {
      const heading = firstText(profile.title, tree, root)
      if (heading) set('title', heading.value, heading.from)
    }

    // Source and author: the credit line first, then visible elements, then metadata.
    const credit = findCreditLine(profile, root)
    if (credit) {
      set('source', credit.line.source, 'credit-line')
      set('author', creditAuthors(credit.line.author), 'credit-line')
      credit.remove()
    }
    const author = firstText(profile.author, tree, undefined)
    if (author) set('author', author.value, author.from)
    if (generic.author) set('author', generic.author.value, generic.author.from)
    if (generic.source) set('source', generic.source.value, generic.source.from)

    // Date: metadata, visible date, then the URL path.
    if (generic.date) set('date', generic.date.value, generic.date.from)
    const dateNode = firstMatch(profile.date, tree)
    if (dateNode) {
      const raw = dateNode.node.properties.dateTime || textOf(dateNode.node)
      set('date', normalizeDate(String(raw)), dateNode.from)
    }
    if (url) {
      set('url', url.value, url.from)
      set('date', dateFromUrl(profile, url.value), 'url-path')
    }

    // Tags: the profile's tag links, else a labelled tag footer, else
    // metadata. A labelled footer inside the article leaves the body.
    const footer = findTagFooter(tree)
    if (footer && root && isInside(root, footer.node)) detach(root, footer.node)
    const tags = tagTexts(profile, tree)
    if (tags.length > 0) {
      article.tags = tags
      sources.tags = 'profile:tags'
    } else if (footer) {
      article.tags = footer.tags
      sources.tags = 'tag-footer'
    } else if (generic.tags && generic.tags.value.length > 0) {
      article.tags = generic.tags.value
      sources.tags = generic.tags.from
    }
    if (generic.description) article.description = generic.description.value
    if (generic.image) article.image = generic.image.value

    file.data.article = {...file.data.article, ...article}
    file.data.articleSources = sources
    file.data.baseUrl = baseUrl(tree, url && url.value)
    warnMissing(file, article)
  }
}

function firstMatch(selectors: Profile['date'], tree: Root): {node: Element; from: string} | undefined {
  const found = selectOrdered(selectors, tree)
  return found && {node: found.nodes[0], from: found.selector}
}

/**
 * Text of the first selector's element nearest before `anchor`, or of the
 * one whose text equals `prefer` (the title the page's metadata gives).
 */
function firstText(selectors: Profile['title'], tree: Root, anchor: Element | undefined, prefer?: string): {value: string; from: string} | undefined {
  const found = selectOrdered(selectors, tree, (node) => textOf(node).length > 0)
  const node = found && (found.nodes.find((candidate) => prefer && textOf(candidate) === prefer) || nearestBefore(found.nodes, anchor))
  return node && {value: textOf(node), from: found.selector}
}

/**
 * Chinese names in a credit line (`上官云 宋宇晟`, `张三、李四`) listed the
 * way bylines list them (`上官云, 宋宇晟`); anything else as it is.
 */
function creditAuthors(value: string | undefined): string | undefined {
  if (!value) return value
  const parts = value.split(/[\s、,，]+/)
  const hanName = /^\p{Script=Han}{2,4}(?:[·•]\p{Script=Han}{1,6})?$/u
  return parts.length > 1 && parts.every((part) => hanName.test(part)) ? parts.join(', ') : value
}

function dateFromUrl(profile: Profile, url: string): string | undefined {
  if (!profile.urlDate) return undefined
  // RE2: linear time whatever the profile's pattern.
  const groups = compileUrlPattern(profile.urlDate).exec(new URL(url).pathname)
  if (!groups || !groups.year || !groups.month || !groups.day) return undefined
  return normalizeDate(groups.year + '-' + groups.month + '-' + groups.day)
}

function tagTexts(profile: Profile, tree: Root): Array<string> {
  const found = selectOrdered(profile.tags, tree, (node) => textOf(node).length > 0)
  return [...new Set(found ? found.nodes.map((node) => textOf(node)) : [])]
}

function warnMissing(file: VFile, article: ArticleMeta): void {
  if (!article.title) report(file, 'missing-title', 'No title found')
  if (!article.author) report(file, 'missing-author', 'No author found')
  if (!article.source) report(file, 'missing-source', 'No source found')
  if (!article.date) report(file, 'missing-date', 'No date found')
}
