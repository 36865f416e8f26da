import type {Element, Root} from 'hast'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {analysePage, usesFallbackProfile} from '../analyse/analysis.js'
import {fieldOrder, fieldSources} from '../analyse/meta/fields.js'
import type {SourceId, SourcedField} from '../analyse/meta/fields.js'
import {extractGenericMeta} from '../analyse/meta/generic-meta.js'
import {report} from '../messages.js'
import {genericNews} from '../profiles/index.js'
import type {Profile} from '../profiles/types.js'
import type {ArticleMeta, MetaSources, Options} from '../types.js'
import {detach, isInside} from '../util/detach.js'
import {nearestBefore} from '../util/document-order.js'
import {normalizeDate} from '../util/normalize-date.js'
import {cleanMeta} from '../util/clean-meta.js'
import {findCreditLine} from '../util/find-credit-line.js'
import type {FoundCredit} from '../util/find-credit-line.js'
import {selectOrdered} from '../util/select-ordered.js'
import {findTagFooter} from '../util/tag-footer.js'
import type {TagFooter} from '../util/tag-footer.js'
import {textOf} from '../util/text.js'
import {compileUrlPattern} from '../profiles/url-pattern.js'

const emptyOptions: Readonly<Options> = {}

/** A value a source gives for a field, and the selector or rule it came from. */
type Candidate = {value: string | Array<string> | undefined; from: string} | undefined

/**
 * Extract title, date, source, author, tags and url into
 * `file.data.article`, recording in `file.data.articleSources` the selector
 * or rule each came from, trying each field's sources in the order
 * `fieldSources` (`analyse/meta/fields.ts`) gives: a site profile's
 * selectors, the credit line, standard metadata (JSON-LD, OpenGraph, meta
 * tags, microdata, bylines; also kept whole on `file.data.analysis.meta`). The credit line (`来源：… 作者：…`) becomes `source` and `author`
 * and leaves the body, wherever it stands: first or last paragraph, after
 * the lead image, or a line of its own in a paragraph.
 */
export const rehypeExtractMeta: Plugin<[(Readonly<Options> | null | undefined)?], Root> = function (options) {
  const settings = options || emptyOptions
  return function (tree, file) {
    const profile = file.data.profile || genericNews
    const specific = !usesFallbackProfile(file)
    const analysis = analysePage(tree, file, settings.url)
    const root = analysis.root
    const url = analysis.url
    const generic = extractGenericMeta(tree, {url: url && url.value, index: analysis.index})
    analysis.meta = generic
    const article: ArticleMeta = {}
    const sources: MetaSources = {...file.data.articleSources}

    // Edits: the credit line and a labelled tag footer inside the article
    // leave the body, once, when first needed.
    let credit: FoundCredit | undefined | null = null
    const creditLine = function () {
      if (credit === null) {
        credit = findCreditLine(profile, root)
        if (credit) credit.remove()
      }
      return credit
    }
    let footer: TagFooter | undefined | null = null
    const tagFooter = function () {
      if (footer === null) {
        // Only a page with a tags label anywhere can have one (the index knows).
        footer = analysis.index.tagLabels.length > 0 ? findTagFooter(tree) : undefined
        if (footer && root && isInside(root, footer.node)) detach(root, footer.node)
      }
      return footer
    }

    // What each source gives for a field (see `fieldSources` for the order).
    const read: Record<SourceId, (field: SourcedField) => Candidate> = {
      'profile:title': () => (specific ? firstText(profile.title, tree, root, generic.title && generic.title.value) : undefined),
      'fallback:title': () => (specific ? undefined : firstText(profile.title, tree, root)),
      'credit-line'(field) {
        const found = creditLine()
        if (!found) return undefined
        return {value: field === 'source' ? found.line.source : creditAuthors(found.line.author), from: 'credit-line'}
      },
      'profile:author': () => firstText(profile.author, tree, undefined),
      standard(field) {
        const found = generic[field]
        return found && {value: found.value, from: found.from}
      },
      'profile:date'() {
        const found = firstMatch(profile.date, tree)
        return found && {value: normalizeDate(String(found.node.properties.dateTime || textOf(found.node))), from: found.from}
      },
      'url-path': () => (url ? {value: dateFromUrl(profile, url.value), from: 'url-path'} : undefined),
      'page-url': () => url && {value: url.value, from: url.from},
      'profile:tags': () => ({value: tagTexts(profile, tree), from: 'profile:tags'}),
      'tag-footer'() {
        const found = tagFooter()
        return found && {value: found.tags, from: 'tag-footer'}
      }
    }

    for (const field of fieldOrder) {
      if (field === 'source') creditLine()
      if (field === 'tags') tagFooter()
      for (const source of fieldSources[field]) {
        const found = read[source.id](field)
        if (!found || !(Array.isArray(found.value) ? found.value.length > 0 : found.value)) continue
        ;(article as Record<SourcedField, unknown>)[field] = found.value
        sources[field] = found.from
        break
      }
    }
    if (generic.description) article.description = generic.description.value
    if (generic.image) article.image = generic.image.value

    cleanMeta(article, file)
    file.data.article = {...file.data.article, ...article}
    file.data.articleSources = sources
    analysis.sources = sources
    file.data.baseUrl = analysis.baseUrl
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
