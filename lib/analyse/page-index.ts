/**
 * One walk over a page that keeps what metadata extraction looks at: meta
 * tags, JSON-LD scripts, links with `rel`, `<time>`, microdata, headings,
 * elements whose class/id hint at a byline or date, and text nodes that
 * start a credit line; and the page's canonical link, `og:url` and `<base>`.
 *
 * Every element is kept with its context (inside the article or its header,
 * or inside boilerplate such as comments, sidebars, navigation, footers).
 *
 * @module
 */

import {tagFooterLabel} from '../util/tag-footer.js'
import {collapse} from '../util/text.js'
import {CHINESE_NUMERAL_YEAR} from '../util/chinese-numerals.js'
import {isYearlessDay} from '../util/normalize-date.js'
import {ROC_YEAR_HINT} from '../util/roc-calendar.js'
import type {Element, Root} from 'hast'
import {toString} from 'hast-util-to-string'
import {toText} from 'hast-util-to-text'
import {articleType, bylineColonLabel, bylineHint, bylineLabel, bylineLabelLead, bylineLabelPhrase, dateHint, excludedAnywhere, excludedStart, notPageSidebar} from './vocabulary.js'
import {gatherBlockStats} from './blocks/block-stats.js'
import type {PageStats} from './blocks/block-stats.js'
import {gatherSelectors} from '../util/select.js'
import {renderedTextPart} from './rendered-text.js'
import type {RenderedTextRecord} from './rendered-text.js'
import {headerTextsPart} from './meta/header-texts.js'
import type {HeaderTextsRecord} from './meta/header-texts.js'
import type {SelectorTable} from '../util/select.js'
import {walkShared} from '../util/walk.js'
import type {WalkListener} from '../util/walk.js'
import {pageTextPart} from '../verdict/page-text.js'
import type {PageTextRecord} from '../verdict/page-text.js'
import {gatherShortTexts} from './blocks/short-text.js'
import {knownText, memoText, renderedOnce} from './text-memo.js'
import {renderedLongerThan} from '../util/bounded-text.js'
import type {TextMemo} from './text-memo.js'
import type {ShortTexts} from './blocks/short-text.js'

/** Where an element sits in the page. */
export interface Context {
  /** Inside `<article>`, `<main>`, an Article itemscope or `[role=main]`. */
  inArticle: boolean
  /** Inside `<header>` or an element whose class/id says header/headline. */
  inHeader: boolean
  /**
   * Inside comments, sidebars, navigation, related lists, the page footer,
   * or a figure or caption (a photo credit is not the article's byline).
   */
  excluded: boolean
}

export interface MetaEntry {
  /** Lower-cased `name`, `property`, `itemprop` or `http-equiv`. */
  key: string
  attribute: 'name' | 'property' | 'itemprop' | 'http-equiv'
  value: string
}

export interface Located {
  element: Element
  context: Context
}

export interface ItempropEntry extends Located {
  props: Array<string>
  /** `itemtype` of the nearest enclosing itemscope (not the element's own). */
  scopeType: string
}

export interface CueText extends Located {
  /** The text node's value, whitespace collapsed. */
  value: string
  /** Up to three ancestors of `element`, nearest first. */
  ancestors: Array<Element>
}

export interface PageIndex {
  lang: string | undefined
  title: string | undefined
  metas: Array<MetaEntry>
  jsonLd: Array<string>
  /** `<link>` and `<a>` elements with a `rel`. */
  links: Array<Located & {rel: Array<string>}>
  /** `<time>` elements, with up to three ancestors (nearest first: a teaser's item around it, `teaser-date.ts`). */
  times: Array<Located & {ancestors: Array<Element>}>
  itemprops: Array<ItempropEntry>
  headings: Array<Located>
  /** Elements whose class or id hints at an author/byline, with up to two ancestors (nearest first: a label around the name, `Foto:`). */
  bylines: Array<Located & {ancestors: Array<Element>}>
  /** Elements whose class or id hints at a date, with up to three ancestors (nearest first), as `times`. */
  dates: Array<Located & {ancestors: Array<Element>}>
  /** Text nodes that look like the start of a byline or credit line. */
  cues: Array<CueText>
  /** Short text nodes (at most 80 characters) with a four-digit year (also in Chinese numerals, `二〇二四年`), or nothing but a day without its year (`3月18日 14:30`). */
  dateTexts: Array<CueText>
  /** Links to an author page (`/author/jane-doe`, `/profile/…`, `/autor/…`), with the nearest `<p>` holding each (at most three levels up; `undefined` when none). */
  authorLinks: Array<Located & {paragraph?: Element | undefined}>
  /** Elements whose own text opens with a tags label (`本文标签：`, `Tags:`): where a tag footer can be. */
  tagLabels: Array<Element>
  /** Whether an element is right-aligned (`align="right"`, `text-align: right`): where a signature may stand (`closing-byline.ts`). */
  rightAligned: boolean
  /** Child indices from the root to each of `tagLabels` (as the walk saw it). */
  tagLabelTrails: Array<Array<number>>
  /** The page's own address as the page states it: `<link rel=canonical>`, `og:url`, `<base href>` (raw values). */
  address: PageLinks
  /**
   * Matches of `IndexOptions.selectors` on the page as indexed, for the
   * selectors a walk can match (`undefined`: none asked, or no longer
   * current; see `gatherSelectors`).
   */
  selectorMatches: SelectorTable | undefined
  /** Content scoring's block statistics of the page as indexed (`undefined`: not asked, or used up by `rehypeSelectRoot`). */
  stats: PageStats | undefined
  /**
   * Every `<h1>` of the page as indexed, also those inside subtrees the
   * index skips (`<noscript>`, `<svg>`), with its ancestors (nearest first,
   * up to a child of the root). Not enumerable, like `pageText`.
   */
  headlines?: Array<Headline> | undefined
  /**
   * Every `<h1>`, `<h2>` and `<h3>` of the page as indexed (what titles an
   * article-like block, `titled-sibling.ts`), recorded as `headlines` are.
   * Not enumerable.
   */
  titleHeadings?: Array<Headline> | undefined
  /**
   * The page's visible text as the verdict reads it (`measurePageText`), when
   * asked (`IndexOptions.pageText`). Not enumerable: kept out of copies of
   * the analysis.
   */
  pageText?: PageTextRecord | undefined
  /**
   * What `shortText` needs of each element of the page as indexed (headings
   * as prepared), when asked (`IndexOptions.shortTexts`): valid while the
   * tree does not change (`withShortTexts`). Not enumerable.
   */
  shortTexts?: ShortTexts | undefined
  /**
   * Texts metadata extraction read (`textOf`), kept for the verdict's
   * candidates read right after it; cleared when extraction edits the tree.
   * Not enumerable.
   */
  texts?: TextMemo | undefined
  /**
   * The page's rendered text as the index walk read it, when asked
   * (`IndexOptions.renderedText`): the article root's first and last lines
   * are told from it (`recordedLines`). Not enumerable.
   */
  renderedText?: RenderedTextRecord | undefined
  /**
   * The texts after the page's headline as the index walk read them, when
   * asked (`IndexOptions.headerTexts`): the Chinese header byline is told
   * from them (`recordedHeaderTexts`). Not enumerable.
   */
  headerTexts?: HeaderTextsRecord | undefined
}

/** A heading and its ancestors, nearest first (`PageIndex.headlines`, `PageIndex.titleHeadings`). */
export interface Headline {
  element: Element
  ancestors: Array<Element>
}

/** Raw `href`/`content` of the canonical link, `og:url` and `<base>` (the first of each, see `indexPage`). */
export interface PageLinks {
  canonical?: string | undefined
  ogUrl?: string | undefined
  base?: string | undefined
  /** The URL of a browser's “saved from url=(NNNN)…” comment before `<html>` (Chrome, Edge, IE write it on saved pages). */
  savedFrom?: string | undefined
}

/** A candidate for `PageLinks` with its path of child indices from the root. */
interface LinkCandidate {
  value: string
  path: Array<number>
}

const CUE = new RegExp(
  `^\\(?(?:(?:${bylineLabelLead}\\s+)?(?:${bylineLabel})|${bylineLabelPhrase})(?:[\\s:：]|$)|^${bylineColonLabel}\\s*[:：]|作者|記者|记者|评论员|評論員|通讯员|通訊員|撰稿|采写|採寫|文\\s*[/／|｜、]|文字[:：]|图文|圖文|来源|來源|出处|出處|撰文|编辑|編輯|责编|責編|校对|校對|审核|審核|稿源|发布时间|發布時間|发布于|時間[:：]|时间[:：]|日期[:：]`,
  'i'
)
/** The address of an author's page (`/author/jane-doe`). */
export const AUTHOR_HREF =
  /\/(?:author|authors|autor|autoren|auteur|autore|profile|profil|profiles|people|staff|editors|writers|journalist|journalists|reporter|reporters|redakteur|redaktion\/team)\/[^/?#]+\/?(?:[?#].*)?$/i
const YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/
/** A year in full-width digits (`２０２４年`). */
const WIDE_YEAR = /(?<![０-９])[１２][０-９]{3}(?![０-９])/
/** A label glued to the name (`ByJane Roe`). */
const GLUED_BY = /^By(?=\p{Lu}\p{Ll})/u
/** Digits, then `by`/`von` and a capitalised word (`06.11.2023 13:30 von Olga`), or `by` ending the text before the name's link (`Posted on March 3, 2023 by <a>…</a>`); `byline.ts` checks for a real date. */
const MID_CUE = /^.{0,60}\d.{0,20}?\s(?:[Bb]y|BY|[Vv]on)(?:\s+\p{Lu}|\s*$)/u

/** What else the index walk does (see `indexPage`). */
export interface IndexOptions {
  /**
   * Called on each `<title>` and heading (`h1`–`h6`; not one inside another)
   * before anything reads it or its content: the chain removes CJK line
   * breaks and writes superscript and subscript there.
   */
  prepare?: ((element: Element) => undefined) | null | undefined
  /** Selectors whose matches the walk gathers (`PageIndex.selectorMatches`; see `gatherSelectors`). */
  selectors?: ReadonlyArray<string> | null | undefined
  /** Gather content scoring's block statistics (`PageIndex.stats`). */
  stats?: boolean | null | undefined
  /** Read the page's visible text for the verdict (`PageIndex.pageText`). */
  pageText?: boolean | null | undefined
  /** Gather every element's short text (`PageIndex.shortTexts`). */
  shortTexts?: boolean | null | undefined
  /** Read the page's rendered text, for the article root's lines (`PageIndex.renderedText`). */
  renderedText?: boolean | null | undefined
  /** Read the texts after the page's headline, for a byline there (`PageIndex.headerTexts`). */
  headerTexts?: boolean | null | undefined
}

const headingTags = new Set(['title', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** Headings recorded with their ancestors (`PageIndex.titleHeadings`). */
const titleHeadingTags = new Set(['h1', 'h2', 'h3'])

/**
 * Walk `tree` once and index what metadata extraction needs; in the same
 * walk, prepare headings, match selectors and gather block statistics when
 * `options` asks.
 *
 * @param tree
 *   Whole page as parsed by `hast-util-from-html`.
 * @param options
 *   What else the walk does.
 * @returns
 *   Index of the page.
 */
export function indexPage(tree: Root, options?: Readonly<IndexOptions> | null | undefined): PageIndex {
  const index: PageIndex = {
    lang: undefined,
    title: undefined,
    metas: [],
    jsonLd: [],
    links: [],
    times: [],
    itemprops: [],
    headings: [],
    bylines: [],
    dates: [],
    cues: [],
    dateTexts: [],
    authorLinks: [],
    tagLabels: [],
    rightAligned: false,
    tagLabelTrails: [],
    address: {},
    selectorMatches: undefined,
    stats: undefined
  }
  const found: AddressCandidates = {canonical: [], ogUrl: [], base: []}
  const headings: Array<Headline> = []
  Object.defineProperty(index, 'titleHeadings', {value: headings, enumerable: false, writable: true})
  const listeners: Array<WalkListener> = []
  const settings = options || {}
  const prepare = settings.prepare
  // Block statistics read section headings as the walk passes them: told of a heading before it is prepared.
  const stats = settings.stats ? gatherBlockStats(tree, {deferHeadings: true}) : undefined
  if (prepare) {
    listeners.push({
      enter(element) {
        if (!headingTags.has(element.tagName)) return
        if (stats) stats.beforeChange(element)
        prepare(element)
        return false
      }
    })
  }
  listeners.push(...indexListeners(index, found, headings))
  const selectors = settings.selectors ? gatherSelectors(settings.selectors) : undefined
  if (selectors) listeners.push(selectors.listener)
  if (stats) listeners.push(stats.listener)
  const pageText = settings.pageText ? pageTextPart(tree) : undefined
  if (pageText) listeners.push(pageText.listener)
  const shortTexts = settings.shortTexts ? gatherShortTexts() : undefined
  if (shortTexts) listeners.push(shortTexts.listener)
  const renderedText = settings.renderedText ? renderedTextPart(tree) : undefined
  if (renderedText) listeners.push(renderedText.listener)
  // After the index's own listener: its record of the headings tells the headline.
  const headerTexts = settings.headerTexts ? headerTextsPart(tree, index) : undefined
  if (headerTexts) listeners.push(headerTexts.listener)
  walkShared(tree, listeners)
  index.address = {canonical: stackFirst(found.canonical), ogUrl: stackFirst(found.ogUrl), base: stackFirst(found.base), savedFrom: savedFromUrl(tree)}
  if (selectors) index.selectorMatches = selectors.result()
  if (stats) index.stats = stats.result()
  const headlines = headings.filter((heading) => heading.element.tagName === 'h1')
  Object.defineProperty(index, 'headlines', {value: headlines, enumerable: false, writable: true})
  if (shortTexts) Object.defineProperty(index, 'shortTexts', {value: shortTexts.result(), enumerable: false, writable: true})
  if (pageText) Object.defineProperty(index, 'pageText', {value: pageText.result(), enumerable: false, writable: true})
  if (renderedText) Object.defineProperty(index, 'renderedText', {value: renderedText.result(), enumerable: false, writable: true})
  if (headerTexts) Object.defineProperty(index, 'headerTexts', {value: headerTexts.result(), enumerable: false, writable: true})
  return index
}

interface AddressCandidates {
  canonical: Array<LinkCandidate>
  ogUrl: Array<LinkCandidate>
  base: Array<LinkCandidate>
}

interface WalkState {
  index: PageIndex
  found: AddressCandidates
  /** Child indices from the root to the node being walked. */
  trail: Array<number>
}

/** An element the index walk is inside, with the context for its children. */
interface Frame {
  element: Element
  context: Context
  scopeType: string
  /** Whether the element's first non-blank text was seen. */
  labelled: boolean
}

/**
 * The index walk as `walkShared` listeners: its own, and one that records
 * the `<h1>`–`<h3>` inside the subtrees it skips (`<svg>`, `<noscript>`, …),
 * as the walk goes on there for other listeners, without a search of
 * its own.
 */
function indexListeners(index: PageIndex, found: AddressCandidates, headings: Array<Headline>): Array<WalkListener> {
  const top: Context = {inArticle: false, inHeader: false, excluded: false}
  const state: WalkState = {index, found, trail: []}
  const frames: Array<Frame> = []
  // The element the index last skipped, the skipped subtree the second listener is in (with the ancestors above it, nearest first), and its path there.
  let skipped: Element | undefined
  let inside: {element: Element; above: Array<Element>} | undefined
  const path: Array<Element> = []
  const skippedHeadings: WalkListener = {
    enter(element) {
      if (inside) {
        if (titleHeadingTags.has(element.tagName)) headings.push({element, ancestors: [...path].reverse().concat(inside.element, inside.above)})
        path.push(element)
      } else if (element === skipped) {
        const above: Array<Element> = []
        for (let at = frames.length - 1; at >= 0; at--) above.push(frames[at].element)
        inside = {element, above}
      }
    },
    leave(element) {
      if (!inside) return
      if (element === inside.element) inside = undefined
      else path.pop()
    }
  }
  const own: WalkListener = {
    enter(element, _, position) {
      const frame = frames[frames.length - 1]
      state.trail.push(position)
      noteAddress(element, state)
      const bylines = index.bylines.length
      const times = index.times.length
      const dates = index.dates.length
      const result = visitElement(element, frame ? frame.context : top, frame ? frame.scopeType : '', index)
      if (result && titleHeadingTags.has(element.tagName)) noteHeading(element, frames, headings)
      if (index.bylines.length > bylines) {
        const ancestors: Array<Element> = []
        for (let at = frames.length - 1; at >= 0 && ancestors.length < 2; at--) ancestors.push(frames[at].element)
        // Not enumerable: the analysis on `file.data` stays as it was (no copies of whole subtrees when it is serialised).
        Object.defineProperty(index.bylines[bylines], 'ancestors', {value: ancestors, enumerable: false})
      }
      if (index.times.length > times || index.dates.length > dates) {
        const ancestors: Array<Element> = []
        for (let at = frames.length - 1; at >= 0 && ancestors.length < 3; at--) ancestors.push(frames[at].element)
        // Not enumerable, as `ancestors` above.
        if (index.times.length > times) Object.defineProperty(index.times[times], 'ancestors', {value: ancestors, enumerable: false})
        if (index.dates.length > dates) Object.defineProperty(index.dates[dates], 'ancestors', {value: ancestors, enumerable: false})
      }
      if (index.authorLinks.length > 0 && index.authorLinks[index.authorLinks.length - 1].element === element) {
        for (let at = frames.length - 1; at >= 0 && at >= frames.length - 3; at--) {
          if (frames[at].element.tagName !== 'p') continue
          // Not enumerable, as `ancestors` above.
          Object.defineProperty(index.authorLinks[index.authorLinks.length - 1], 'paragraph', {value: frames[at].element, enumerable: false})
          break
        }
      }
      if (!result) {
        state.trail.pop()
        skipped = element
        return false
      }
      frames.push({element, context: result.context, scopeType: result.scopeType, labelled: false})
    },
    leave() {
      frames.pop()
      state.trail.pop()
    },
    text(child, parent) {
      if (parent.type !== 'element') return
      const value = child.value.trim()
      if (!value) return
      const frame = frames[frames.length - 1]
      // The element's first text opens with a tags label: a tag footer can be here.
      if (!frame.labelled) {
        frame.labelled = true
        if (tagFooterLabel.test(child.value)) {
          index.tagLabels.push(parent)
          index.tagLabelTrails.push([...state.trail])
        }
      }
      const context = frame.context
      const ancestors: Array<Element> = []
      for (let at = frames.length - 2; at >= 0 && ancestors.length < 3; at--) ancestors.push(frames[at].element)
      if (CUE.test(value) || GLUED_BY.test(value) || (value.length <= 120 && MID_CUE.test(value))) {
        index.cues.push({element: parent, context, value: collapse(value), ancestors})
      }
      if (value.length <= 80 && (YEAR.test(value) || WIDE_YEAR.test(value) || CHINESE_NUMERAL_YEAR.test(value) || ROC_YEAR_HINT.test(value) || isYearlessDay(value))) {
        index.dateTexts.push({element: parent, context, value: collapse(value), ancestors})
      }
    }
  }
  return [own, skippedHeadings]
}

/** Record `element`, an `<h1>`–`<h3>` the index walks into, with its ancestors (`frames`). */
function noteHeading(element: Element, frames: ReadonlyArray<Frame>, headings: Array<Headline>): void {
  const above: Array<Element> = []
  for (let at = frames.length - 1; at >= 0; at--) above.push(frames[at].element)
  headings.push({element, ancestors: above})
}

/** Record a canonical link, `og:url` meta or `<base href>`. */
function noteAddress(element: Element, state: WalkState): void {
  const props = element.properties
  const tag = element.tagName
  let list: Array<LinkCandidate> | undefined
  let value: unknown
  if (tag === 'link' && Array.isArray(props.rel) && props.rel.includes('canonical')) {
    list = state.found.canonical
    value = props.href
  } else if (tag === 'meta' && props.property === 'og:url') {
    list = state.found.ogUrl
    value = props.content
  } else if (tag === 'base') {
    list = state.found.base
    value = props.href
  }
  if (list && typeof value === 'string') list.push({value, path: [...state.trail]})
}

/**
 * The candidate a depth-first search with a stack meets first: the one
 * `PageLinks` has always named (children of a node are examined together,
 * the subtrees of later children before those of earlier ones), so the
 * page URL a page gives stays the same.
 */
function stackFirst(candidates: Array<LinkCandidate>): string | undefined {
  let best: LinkCandidate | undefined
  for (const candidate of candidates) if (!best || metBefore(candidate.path, best.path)) best = candidate
  return best && best.value
}

/**
 * Whether `util/walk`'s `walk` meets the node at trail `a` (child indices
 * from the root) before the one at `b`.
 */
export function metBefore(a: ReadonlyArray<number>, b: ReadonlyArray<number>): boolean {
  let depth = 0
  while (depth < a.length && depth < b.length && a[depth] === b[depth]) depth++
  if (depth === a.length) return true
  if (depth === b.length) return false
  const aChild = depth === a.length - 1
  const bChild = depth === b.length - 1
  if (aChild && bChild) return a[depth] < b[depth]
  if (aChild || bChild) return aChild
  return a[depth] > b[depth]
}

/** Record one element; returns the context for its children, or nothing to skip them. */
function visitElement(element: Element, context: Context, scopeType: string, index: PageIndex): {context: Context; scopeType: string} | undefined {
  const tag = element.tagName
  const props = element.properties

  if (tag === 'html' && typeof props.lang === 'string') index.lang = props.lang
  if (tag === 'title' && index.title === undefined) index.title = collapse(toString(element))

  if (tag === 'script') {
    const type = attr(element, 'type').toLowerCase()
    if (type.includes('ld+json')) index.jsonLd.push(toString(element))
    return undefined
  }
  if (tag === 'style' || tag === 'noscript' || tag === 'template' || tag === 'svg') return undefined

  if (tag === 'meta') {
    // Some saved pages carry the value in `value` instead of `content`.
    const value = attr(element, 'content') || attr(element, 'value')
    for (const attribute of ['name', 'property', 'itemProp', 'httpEquiv'] as const) {
      // `weibo: article:create_at`: white space after a colon is none of the key.
      const key = attr(element, attribute).trim().toLowerCase().replace(/:\s+/g, ':')
      if (!key) continue
      const name = attribute === 'itemProp' ? 'itemprop' : attribute === 'httpEquiv' ? 'http-equiv' : attribute
      for (const part of name === 'itemprop' || name === 'property' ? key.split(/\s+/) : [key]) {
        index.metas.push({key: part, attribute: name, value})
      }
    }
    if (!props.itemProp) return undefined
  }

  const hint = hintOf(element)
  const role = attr(element, 'role').toLowerCase()
  const itemType = props.itemScope ? attr(element, 'itemType') : ''
  const next: Context = {
    inArticle: context.inArticle || tag === 'article' || tag === 'main' || role === 'main' || articleType.test(itemType),
    inHeader: context.inHeader || tag === 'header' || /(?:^|[-_ ])(?:header|headline|title)(?:$|[-_ ])/i.test(hint),
    excluded:
      context.excluded ||
      tag === 'nav' ||
      ((tag === 'footer' || tag === 'aside') && !context.inArticle) ||
      (tag !== 'body' && tag !== 'html' && tag !== 'main' && tag !== 'article' && boilerplate(hint)) ||
      caption(element, tag, hint)
  }

  const located = {element, context: next}
  if ((tag === 'link' || tag === 'a') && props.rel) {
    index.links.push({...located, rel: attr(element, 'rel').toLowerCase().split(/\s+/)})
  }
  if (tag === 'a' && AUTHOR_HREF.test(attr(element, 'href'))) index.authorLinks.push(located)
  if (tag === 'time') index.times.push({...located, ancestors: []})
  if (!index.rightAligned && (attr(element, 'align').toLowerCase() === 'right' || /text-align\s*:\s*right/i.test(attr(element, 'style')))) index.rightAligned = true
  if (tag === 'h1') index.headings.push(located)
  if (props.itemProp) {
    index.itemprops.push({...located, props: attr(element, 'itemProp').split(/\s+/), scopeType})
  }
  if (hint && tag !== 'body' && tag !== 'html' && tag !== 'meta' && tag !== 'link') {
    if (bylineHint.test(hint)) index.bylines.push({...located, ancestors: []})
    if (dateHint.test(hint)) index.dates.push({...located, ancestors: []})
  }
  return {context: next, scopeType: props.itemScope ? itemType || 'scope' : scopeType}
}

/**
 * Whether an element is a figure or a caption (`<figure>`, `<figcaption>`,
 * WordPress `.wp-caption`, `.caption`, `.photo-credit`, `.img_desc`): what it credits is
 * the picture. An author box built as a figure (its class says `author` or
 * `byline`) is not one, nor is a block holding a heading (a hero's
 * `div.caption` with the headline and byline).
 */
function caption(element: Element, tag: string, hint: string): boolean {
  const named =
    tag === 'figure' ||
    tag === 'figcaption' ||
    /(?:^|\s)(?:wp-caption\S*|\S*caption|(?:photo|image|img|picture)[-_]?credits?|(?:img|pic|photo|image)[-_]?(?:desc|descr|txt|text|note))(?:\s|$)/i.test(hint)
  return named && !bylineHint.test(hint) && !hasHeading(element)
}

function hasHeading(element: Element): boolean {
  return element.children.some((child) => child.type === 'element' && (/^h[1-6]$/.test(child.tagName) || hasHeading(child)))
}

/** Whether class names or id mark boilerplate (comments, navigation, related lists, page footer). */
export function boilerplate(hint: string): boolean {
  if (!hint) return false
  return hint.split(/\s+/).some((token) => !/^(?:no|has|with|show|hide|is|not|without)[-_]/i.test(token) && (excludedAnywhere.test(token) || excludedStart.test(token)) && !notPageSidebar.test(token))
}

/**
 * Property of an element as a string (lists joined with spaces).
 *
 * @param element
 *   Element.
 * @param name
 *   hast property name (`content`, `itemProp`, `dateTime`).
 * @returns
 *   Value, or an empty string.
 */
export function attr(element: Element, name: string): string {
  const value = element.properties[name]
  if (Array.isArray(value)) return value.join(' ')
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  return ''
}

/**
 * Class names and id of an element, space separated.
 *
 * @param element
 *   Element.
 * @returns
 *   Hint text.
 */
export function hintOf(element: Element): string {
  return [attr(element, 'className'), attr(element, 'id')].join(' ').trim()
}

/**
 * Text of an element or root as rendered (blocks and `<br>` separate words),
 * whitespace collapsed.
 *
 * @param node
 *   Element or root.
 * @returns
 *   Text.
 */
export function textOf(node: Element | Root): string {
  return memoText(node, 'text', () => collapse(node.type === 'element' ? renderedOnce(node) : toText(node)))
}

/**
 * `textOf(element)` when it is at most `max` characters long; `undefined`
 * when it is longer, told (when the memo in scope does not know the text)
 * by reading no further than `max` characters (`renderedLongerThan`) where
 * the element holds more.
 *
 * @param element
 *   Element.
 * @param max
 *   Characters (UTF-16 code units).
 * @returns
 *   Text, or `undefined`.
 */
export function textWithin(element: Element, max: number): string | undefined {
  const known = knownText(element, 'text')
  const text = known ?? (renderedLongerThan(element, max) ? undefined : textOf(element))
  return text !== undefined && text.length <= max ? text : undefined
}

/** Collapse white space (nbsp, U+3000, zero-width space too) and trim. */
export {collapse}

/**
 * The URL of the “saved from” comment a browser writes at the top of a page
 * it saves (`<!-- saved from url=(0042)https://… -->`: the length in four
 * digits, then the URL; Internet Explorer's “Mark of the Web”, kept by
 * Chrome and Edge). Only comments at the top level, before `<html>`.
 */
function savedFromUrl(tree: Root): string | undefined {
  for (const child of tree.children) {
    if (child.type === 'element') break
    if (child.type !== 'comment') continue
    // The length is not trusted: a hand-edited comment keeps its old count.
    const match = /^\s*saved from url=\(\d{4}\)(\S+)/.exec(child.value)
    if (match) return match[1]
  }
  return undefined
}
