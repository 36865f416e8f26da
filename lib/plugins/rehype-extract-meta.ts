import type {Element, Root} from 'hast'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {analysePage, usesFallbackProfile} from '../analyse/analysis.js'
import type {Analysis} from '../analyse/analysis.js'
import {forgetTexts, memoText, withRenderedText, withTextMemo} from '../analyse/text-memo.js'
import {recordEdit} from '../analyse/rendered-text.js'
import {knownShortText, withShortTexts} from '../analyse/blocks/short-text.js'
import type {ShortTexts} from '../analyse/blocks/short-text.js'
import type {TextMemo} from '../analyse/text-memo.js'
import type {PageEdit} from '../verdict/page-text.js'
import {cleanAuthors} from '../analyse/meta/author-names.js'
import {findBylineLines} from '../analyse/meta/byline-lines.js'
import {fieldOrder, fieldSources} from '../analyse/meta/fields.js'
import type {SourceId, SourcedField} from '../analyse/meta/fields.js'
import {extractGenericMeta} from '../analyse/meta/generic-meta.js'
import {report} from '../messages.js'
import {genericNews} from '../profiles/index.js'
import type {Profile} from '../profiles/types.js'
import type {ArticleMeta, ExtractMetaOptions, MetaSources} from '../types.js'
import {detach, isInside} from '../util/detach.js'
import {nearestBefore} from '../util/document-order.js'
import {normalizeDate} from '../util/normalize-date.js'
import {cleanMeta} from '../util/clean-meta.js'
import {findCreditLine} from '../util/find-credit-line.js'
import {describeElement, recordRemoval} from '../util/removals.js'
import type {FoundCredit} from '../util/find-credit-line.js'
import {selectOrdered} from '../util/select-ordered.js'
import {detachGathered, gatheredBelow, gatheredMatches, stillBelow} from '../util/select.js'
import type {SelectorTable} from '../util/select.js'
import {metBefore} from '../analyse/page-index.js'
import {findTagFooter, findTagFooterAmong} from '../util/tag-footer.js'
import type {TagFooter} from '../util/tag-footer.js'
import {collapse, textOf as readText} from '../util/text.js'
import {stripInvisible} from '../util/invisible.js'
import {checkTimeZone, compileDateFormat} from '../profiles/date-format.js'
import {trimWithPatterns} from '../profiles/text-trim.js'
import {compileUrlPattern} from '../profiles/url-pattern.js'

const emptyOptions: Readonly<ExtractMetaOptions> = {}

/** The matches of `selectors` the index walk gathered, still in the tree (`undefined`: query the tree). */
type Gathered = (selectors: ReadonlyArray<string>) => ReturnType<typeof gatheredMatches>

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
export const rehypeExtractMeta: Plugin<[(Readonly<ExtractMetaOptions> | null | undefined)?], Root> = function (options) {
  const settings = options || emptyOptions
  return function (tree, file) {
    const analysis = analysePage(tree, file, settings.url)
    // Texts read here are kept for the verdict's candidates, read next (`measurePage`), until an edit here changes the tree.
    const texts: TextMemo = new Map()
    Object.defineProperty(analysis.index, 'texts', {value: texts, enumerable: false, writable: true, configurable: true})
    // Texts of elements are told by the index walk's rendered text until extraction edits the tree.
    withTextMemo(texts, () => withRenderedText(analysis.index.renderedText, tree, () => extract(tree, file, analysis)))
  }
}

/** The transform of `rehypeExtractMeta`, with `analysis` made. */
function extract(tree: Root, file: VFile, analysis: Analysis): undefined {
  // The short texts of the index walk are current while no block moved, but for what edits here change.
  const shortTexts = analysis.index.shortTexts
  const previous = unchanged
  unchanged = shortTexts && {texts: shortTexts, stale: new Set()}
  try {
    extractFields(tree, file, analysis, shortTexts)
  } finally {
    unchanged = previous
  }
  return undefined
}

/** `extract`, with the short texts the index walk gathered, when current. */
function extractFields(tree: Root, file: VFile, analysis: Analysis, shortTexts: ShortTexts | undefined): undefined {
  const profile = file.data.profile || genericNews
  const specific = !usesFallbackProfile(file)
  const root = analysis.root
  const url = analysis.url
  const read = () => extractGenericMeta(tree, {url: url && url.value, index: analysis.index, root})
  const generic = shortTexts ? withShortTexts(shortTexts, read) : read()
  analysis.meta = generic
  const article: ArticleMeta = {}
  const sources: MetaSources = {...file.data.articleSources}
  // The index walk's matches of the profile's selectors, as the tree is when read.
  const gathered: Gathered = (selectors) => gatheredMatches(analysis.index.selectorMatches, selectors, tree)

  // Edits: the credit line and a labelled tag footer inside the article
  // leave the body, once, when first needed.
  let credit: FoundCredit | undefined | null = null
  const creditLine = function () {
    if (credit === null) {
      const table = analysis.index.selectorMatches
      // Matches the index walk vouched for still below the root are removed where it saw them, without a search.
      credit = findCreditLine(profile, root, root && profile.credit ? gatheredBelow(table, profile.credit.selector, root) : undefined, table && ((element) => detachGathered(table, element)))
      if (credit) {
        // Its values go to the frontmatter: recorded, not reported as lost.
        recordRemoval(file, {kind: 'text', rule: 'credit-line', characters: [...credit.text].length, element: describeElement(credit.element), sample: credit.text.slice(0, 80)})
        edited(analysis, credit.remove())
      }
    }
    return credit
  }
  let footer: TagFooter | undefined | null = null
  const tagFooter = function () {
    if (footer === null) {
      // Only a page with a tags label anywhere can have one (the index knows).
      const index = analysis.index
      const table = index.selectorMatches
      if (index.tagLabels.length === 0) footer = undefined
      else if (table) {
        // The index knows where the labels are: no walk.
        const candidates = index.tagLabels.map((element, at) => ({element, trail: index.tagLabelTrails[at]}))
        footer = findTagFooterAmong(
          candidates,
          (element) => stillBelow(table, element, tree),
          (a, b) => metBefore(a.trail, b.trail)
        )
      } else footer = findTagFooter(tree)
      if (footer && root) {
        if (!table) {
          if (isInside(root, footer.node)) edited(analysis, removal(detach(root, footer.node), footer.node))
        } else if (stillBelow(table, footer.node, root)) edited(analysis, {parent: detachGathered(table, footer.node), removed: footer.node})
      }
    }
    return footer
  }

  // What each source gives for a field (see `fieldSources` for the order).
  const sourceRead: Record<SourceId, (field: SourcedField) => Candidate> = {
    'profile:title': () => (specific ? firstText(profile.title, tree, root, gathered, generic.title && generic.title.value) : undefined),
    'fallback:title': () => (specific ? undefined : firstText(profile.title, tree, root, gathered)),
    'credit-line'(field) {
      const found = creditLine()
      if (!found) return undefined
      return {value: field === 'source' ? found.line.source : creditAuthors(found.line.author), from: 'credit-line'}
    },
    'profile:author': () => profileText(file, profile, tree, gathered, 'author', profile.authorTrim),
    'profile:source': () => profileText(file, profile, tree, gathered, 'source'),
    standard(field) {
      const found = generic[field]
      return found && {value: found.value, from: found.from}
    },
    'profile:date': () => profileDate(file, profile, tree, gathered),
    'url-path': () => (url ? {value: dateFromUrl(profile, url.value), from: 'url-path'} : undefined),
    'page-url': () => url && {value: url.value, from: url.from},
    'profile:tags': () => ({value: tagTexts(profile, tree, gathered), from: 'profile:tags'}),
    'tag-footer'() {
      const found = tagFooter()
      return found && {value: found.tags, from: 'tag-footer'}
    }
  }

  for (const field of fieldOrder) {
    if (field === 'source') creditLine()
    if (field === 'tags') tagFooter()
    for (const source of fieldSources[field]) {
      const found = sourceRead[source.id](field)
      if (!found || !(Array.isArray(found.value) ? found.value.length > 0 : found.value)) continue
      ;(article as Record<SourcedField, unknown>)[field] = found.value
      sources[field] = found.from
      break
    }
  }
  // A byline paragraph opening or closing the body says what `author` now says: it leaves, recorded.
  if (root && article.author) {
    for (const line of findBylineLines(root, {authors: article.author.split(/[,，、;；]/), source: article.source, date: article.date})) {
      recordRemoval(file, {kind: 'text', rule: 'byline-line', characters: [...line.text].length, element: describeElement(line.element), sample: line.text.slice(0, 80)})
      edited(analysis, removal(detach(root, line.element), line.element))
    }
  }
  if (generic.description) article.description = generic.description.value
  if (generic.image) article.image = generic.image.value

  // Soft hyphens and zero width spaces in a title or byline are invisible: not part of the value.
  for (const key of ['title', 'author', 'source', 'description'] as const) {
    const value = article[key]
    if (typeof value === 'string') article[key] = stripInvisible(value)
  }
  if (article.tags) article.tags = article.tags.map(stripInvisible)
  cleanMeta(article, file)
  file.data.article = {...file.data.article, ...article}
  file.data.articleSources = sources
  analysis.sources = sources
  file.data.baseUrl = analysis.baseUrl
  warnMissing(file, article)
  return undefined
}

/**
 * Note that extraction changed the tree inside the root (`change`: the
 * element whose children changed, and the child it removed if that is all
 * it did; `undefined`: nothing changed): texts read so far of that element
 * and its ancestors (of everything, when text deeper down changed) are
 * forgotten, and the verdict reads that part of the page's text again.
 */
function edited(analysis: Analysis, change: PageEdit | undefined): void {
  if (!change) return
  const index = analysis.index
  if (index.renderedText) recordEdit(index.renderedText)
  index.shortTexts = undefined
  const chain = change.deep ? undefined : placed(index.selectorMatches, change.parent)
  // The edited element and its ancestors hold other text now; without them, nothing is known.
  if (unchanged && chain) for (const node of chain) unchanged.stale.add(node)
  else unchanged = undefined
  if (index.texts) forgetTexts(index.texts, chain)
  if (index.pageText) index.pageText.edits.push(change)
}

/** `parent` and its ancestors as the index walk saw them (`undefined`: not known; nothing but removals changed the tree since, while `table` is kept). */
function placed(table: SelectorTable | undefined, parent: Root | Element): Array<Root | Element> | undefined {
  if (!table || (parent.type === 'element' && !table.parents.has(parent))) return undefined
  const chain: Array<Root | Element> = []
  for (let node: Root | Element | undefined = parent; node; node = node.type === 'element' ? table.parents.get(node) : undefined) chain.push(node)
  return chain
}

/** The change of removing `element` from `parent` (`undefined`: it was not found). */
function removal(parent: Root | Element | undefined, element: Element): PageEdit | undefined {
  return parent && {parent, removed: element}
}

/**
 * A site profile's author or source: the first matching element's text
 * (without the `authorTrim` patterns for the author). An element whose text
 * gives nothing is reported, and the next source is used.
 */
function profileText(file: VFile, profile: Profile, tree: Root, gathered: Gathered, field: 'author' | 'source', trim?: Array<string> | null | undefined): Candidate {
  const found = firstMatch(profile[field], tree, gathered)
  if (!found) return undefined
  const text = contentOf(found.node)
  const value = trimWithPatterns(text, trim)
  if (value) return {value, from: found.from}
  unparsed(file, profile, field, found.from, text)
  return undefined
}

/**
 * A site profile's date: the first `date` element's `datetime`, else its
 * text, read with the profile's `dateFormat` and `timeZone` when given.
 */
function profileDate(file: VFile, profile: Profile, tree: Root, gathered: Gathered): Candidate {
  const found = firstMatch(profile.date, tree, gathered)
  if (!found) return undefined
  const attribute = found.node.properties.dateTime
  const text = contentOf(found.node)
  let value = attribute ? normalizeDate(String(attribute)) : undefined
  if (!value && profile.dateFormat) value = compileDateFormat(profile.dateFormat, profile.timeZone).parse(text)
  if (!value) value = normalizeDate(text)
  if (value && profile.timeZone && !profile.dateFormat && /T[\d:]+$/.test(value)) value += checkTimeZone(profile.timeZone)(new Date(value + 'Z'))
  if (value) return {value, from: found.from}
  unparsed(file, profile, 'date', found.from, String(attribute || text))
  return undefined
}

/** Warn that a profile selector matched but its text gave nothing usable (never a silent fallback). */
function unparsed(file: VFile, profile: Profile, field: 'author' | 'source' | 'date', selector: string, text: string): void {
  const format = field === 'date' && profile.dateFormat ? ' in the format `' + profile.dateFormat + '`' : ''
  report(
    file,
    'profile-field-unparsed',
    'Profile `' + profile.id + '`: the `' + field + '` selector `' + selector + '` matched `' + text.slice(0, 80) + '`, which gives no ' + field + format + '; the next source is used'
  )
}

/** `selectOrdered`, on the index walk's matches when it has them all. */
function ordered(selectors: ReadonlyArray<string> | null | undefined, tree: Root, accept: (node: Element) => boolean, gathered: Gathered) {
  const found = gathered(selectors || [])
  return selectOrdered(selectors, tree, accept, found && found.matches, found && found.below)
}

function firstMatch(selectors: Profile['date'], tree: Root, gathered: Gathered): {node: Element; from: string} | undefined {
  const found = ordered(selectors, tree, () => true, gathered)
  return found && {node: found.nodes[0], from: found.selector}
}

/**
 * Text of the first selector's element nearest before `anchor`, or of the
 * one whose text equals `prefer` (the title the page's metadata gives).
 */
function firstText(selectors: Profile['title'], tree: Root, anchor: Element | undefined, gathered: Gathered, prefer?: string): {value: string; from: string} | undefined {
  const found = ordered(selectors, tree, (node) => contentOf(node).length > 0, gathered)
  const node = found && (found.nodes.find((candidate) => prefer && contentOf(candidate) === prefer) || nearestBefore(found.nodes, anchor))
  return node && {value: contentOf(node), from: found.selector}
}

/** A Han name followed by a note in brackets (`张三（某某大学教授）`). */
const NOTED_HAN_NAME = /^(\p{Script=Han}{2,4}(?:[·•]\p{Script=Han}{1,6})?)\s*[（(][^()（）]*[)）]$/u

/**
 * Chinese names in a credit line (`上官云 宋宇晟`, `张三、李四`) listed the
 * way bylines list them (`上官云, 宋宇晟`), without a note in brackets after
 * a name (`张三（某某大学教授）` → `张三`); a placeholder that names no one
 * (`佚名`, `admin`) is no author; anything else as it is.
 */
function creditAuthors(raw: string | undefined): string | undefined {
  if (!raw || cleanAuthors(raw).length === 0) return undefined
  const value = raw.replace(NOTED_HAN_NAME, '$1')
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

function tagTexts(profile: Profile, tree: Root, gathered: Gathered): Array<string> {
  const found = ordered(profile.tags, tree, (node) => contentOf(node).length > 0, gathered)
  return [...new Set(found ? found.nodes.map((node) => contentOf(node)) : [])]
}

/**
 * The index walk's short texts while extraction edits the tree, and the
 * elements whose text an edit changed (`undefined`: not known, or an edit
 * that cannot be placed).
 */
let unchanged: {texts: ShortTexts; stale: Set<Root | Element>} | undefined

/**
 * `textOf` of `util/text.ts` (the text content, collapsed), read once for
 * each element while the tree does not change (`memoText`), from the index
 * walk's short texts while extraction has not edited the tree.
 */
function contentOf(node: Element): string {
  return memoText(node, 'content', function () {
    const known = unchanged && !unchanged.stale.has(node) ? knownShortText(unchanged.texts, node) : undefined
    return known === undefined ? readText(node) : collapse(known)
  })
}

function warnMissing(file: VFile, article: ArticleMeta): void {
  if (!article.title) report(file, 'missing-title', 'No title found')
  if (!article.author) report(file, 'missing-author', 'No author found')
  if (!article.source) report(file, 'missing-source', 'No source found')
  if (!article.date) report(file, 'missing-date', 'No date found')
}
