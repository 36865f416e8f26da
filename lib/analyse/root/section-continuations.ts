/**
 * The rest of an article a page builder split over sibling sections
 * (Elementor, WPBakery, Divi, Gutenberg groups, a CMS's `o-article_block`s):
 * the chosen root holds one text widget, the next text widget of the same
 * kind sits in a sibling section a few levels up.
 *
 * @module
 */

import type {Element} from 'hast'
import type {Block, PageStats} from '../blocks/block-stats.js'
import {hintNames, isArticleBody, isNegativeName, isPositiveName} from '../blocks/hints.js'
import {inlineShape} from '../blocks/inline-runs.js'
import {contentLikeLength, holdsSentence} from '../blocks/prose.js'
import {linkDensity} from '../blocks/totals.js'
import {holdsMedia} from '../../media/tags.js'
import {holdsElement} from '../../util/walk.js'
import {proseMass} from './holds-article.js'
import {headingTags} from '../blocks/tags.js'

/** Levels above the root whose siblings are looked at. */
const maxLevels = 6

/** Sections in a row between two continuations (a table, a picture, a subheading of their own) at most. */
const maxGap = 2

/** Share of a continuation's text that may be link text (as for a paragraph content scoring keeps beside the root). */
const maxLinkShare = 0.25

/** Share of their classes two text widgets must share to be of one kind. */
const classOverlap = 0.5

/** Elements whose siblings are another page's matter: the article's own bounds. */
const boundTags: ReadonlySet<string> = new Set(['article', 'main', 'body', 'html'])

/** Headings: their text is no continuation by itself. */

/** Elements a section between two continuations may hold to belong to the article. */
const matterTags: ReadonlySet<string> = new Set(['table', 'figure', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** Parts of the article found beside the root (each in document order). */
export interface Continuations {
  /** Elements before the root that belong to it (continuations and the article matter between them). */
  before: Array<Element>
  /** Elements after the root that belong to it. */
  after: Array<Element>
  /** Sections between continuations left out as furniture (for the removal log). */
  between: Array<Element>
}

/**
 * Continuations of the article root in sibling sections: going up from the
 * root (six levels at most, never past `<article>`, `<main>`, a marked
 * `articleBody` or `<body>`), the siblings of the root and of each
 * ancestor that hold a text block of the root's kind — same tag, same
 * first class, and half the classes or more shared with the block that holds the root's text (the
 * root, or the innermost wrapper below it that it is the only block of:
 * `elementor-widget-text-editor`, `et_pb_text_inner`, `article-text`) —
 * holding at least `contentLikeLength` of prose beside its headings, links
 * under a quarter of its text, not in an unlikely subtree. A sibling that
 * holds an `<h1>`, an `<article>` or a linked `<h2>`/`<h3>` (another story,
 * a teaser card) ends the search in its direction. Up to two sections in
 * a row without such a block may lie between two continuations: kept when
 * they hold article matter (a table, a figure, media, a subheading, a
 * sentence) and no furniture hints, else (an ad slot, a share bar)
 * reported in `between`. The first level that has
 * continuations is the last looked at.
 *
 * The block holding the root's text must have classes (a bare `<div>` is
 * no kind). Reads the blocks
 * of the sibling sections only (`stats` ranges).
 *
 * @param root
 *   Chosen article root (attached, as scored); for a merged root, the
 *   parent of the blocks it wraps.
 * @param stats
 *   The page's block statistics, of the tree as it still is.
 * @returns
 *   Continuations, or `undefined` when there are none.
 */
export function sectionContinuations(root: Element, stats: PageStats): Continuations | undefined {
  const rootBlock = stats.byNode.get(root)
  if (!rootBlock || isArticleBody(root)) return undefined
  const kind = textBlockOf(rootBlock, stats)
  if (!kind) return undefined
  let current: Block = rootBlock
  for (let level = 0; level < maxLevels; level++) {
    const parent = current.parent
    if (!parent || parent.node !== current.domParent || boundTags.has(current.node.tagName) || isArticleBody(current.node)) return undefined
    const found: Continuations = {before: [], after: [], between: []}
    // The parent's child blocks, from the block records (the tree is not read).
    const siblings: Array<Block> = []
    for (let index = parent.index + 1; index <= parent.end; index = stats.blocks[index].end + 1) siblings.push(stats.blocks[index])
    const at = siblings.indexOf(current)
    found.before = scan(siblings.slice(0, at).reverse(), kind, stats, found.between).reverse()
    found.after = scan(siblings.slice(at + 1), kind, stats, found.between)
    if (found.before.length > 0 || found.after.length > 0) return found
    current = parent
  }
  return undefined
}

/**
 * Walk `siblings` outwards from the root: continuations and the sections
 * between them, until a sibling ends the search or `maxGap` sections with
 * text in a row hold none. Furniture between continuations goes to
 * `between`. Reads the sections' block records; a section's subtree is
 * searched (for headings, media, sentences) only when a continuation
 * follows it.
 */
function scan(siblings: ReadonlyArray<Block>, kind: Element, stats: PageStats, between: Array<Element>): Array<Element> {
  const kept: Array<Element> = []
  let gap: Array<Element> = []
  let gapText = 0
  for (const block of siblings) {
    const sibling = block.node
    // An ad slot or a share bar between two sections: a gap, logged if a continuation follows.
    const parts = block.all.text === 0 || block.inUnlikely || isFurnitureName(sibling) ? [] : continuationsIn(block, kind, stats)
    if (parts.length === 0) {
      gap.push(sibling)
      if (block.all.text > 0 && ++gapText > maxGap) break
      continue
    }
    if (endsSearch(sibling) || gap.some((section) => endsSearch(section))) break
    for (const section of gap) {
      const text = stats.byNode.get(section)!.all.text
      if (isMatter(section, stats)) kept.push(section)
      else if (text > 0) between.push(section)
    }
    gap = []
    gapText = 0
    kept.push(...parts)
  }
  return kept
}

/** Whether a sibling section is another story (an `<h1>`, an `<article>`, a linked `<h2>`/`<h3>`): the search stops at it. */
function endsSearch(node: Element): boolean {
  return holdsElement(node, (element) => element.tagName === 'h1' || element.tagName === 'article' || ((element.tagName === 'h2' || element.tagName === 'h3') && linked(element)))
}

/** Whether `node` (a heading) holds a link. */
function linked(node: Element): boolean {
  return holdsElement(node, (element) => element.tagName === 'a' && element.properties.href !== undefined)
}

/** The outermost blocks inside `section` (or it) of the kind of `kind` that read as the article's text. */
function continuationsIn(section: Block, kind: Element, stats: PageStats): Array<Element> {
  const found: Array<Element> = []
  let index = section.index
  while (index <= section.end) {
    const block = stats.blocks[index]
    if (sameKind(kind, block.node) && readsAsText(block, stats)) {
      found.push(block.node)
      index = block.end + 1
      continue
    }
    index++
  }
  return found
}

/**
 * Whether a block of the root's kind reads as article text: prose beside
 * its headings (a deck or a subheading alone is none), few links, not in
 * an unlikely subtree. Its own class/id is the root's kind: a negative word
 * in it (`widget`) says nothing more.
 */
function readsAsText(block: Block, stats: PageStats): boolean {
  if (block.inUnlikely && !block.unlikely) return false
  let headings = 0
  for (let index = block.index; index <= block.end; index++) {
    const inner = stats.blocks[index]
    if (headingTags.has(inner.node.tagName)) {
      headings += inner.all.text
      index = inner.end
    }
  }
  return block.all.text - headings >= contentLikeLength && linkDensity(block.all) < maxLinkShare && proseMass(block.node) >= contentLikeLength
}

/** Whether a section between continuations is the article's: a table, figure, media, subheading or sentence, few links, no furniture hints. */
function isMatter(node: Element, stats: PageStats): boolean {
  const block = stats.byNode.get(node)
  if (isFurnitureName(node) || (block && (block.inUnlikely || linkDensity(block.all) >= maxLinkShare))) return false
  return holdsMedia(node) || holdsElement(node, (element) => matterTags.has(element.tagName)) || holdsSentence(inlineShape(node))
}

/** Negative class/id hints and no positive ones. */
function isFurnitureName(node: Element): boolean {
  const names = hintNames(node)
  return isNegativeName(names) && !isPositiveName(names)
}

/**
 * The block that holds the root's text: the innermost element with classes
 * among the root and the wrappers below it that it is the only block of
 * (down to the first block with several child blocks, or none): the kind
 * of text block a continuation is of.
 */
function textBlockOf(root: Block, stats: PageStats): Element | undefined {
  let block = root
  let kind = classesOf(block.node).length > 0 ? block.node : undefined
  while (block.childBlocks === 1) {
    block = stats.blocks[block.index + 1]
    if (classesOf(block.node).length > 0) kind = block.node
  }
  return kind
}

/**
 * Whether two elements are blocks of one kind: same tag, same first class
 * (the component's name: `article-text`, `elementor-element`; a grid's
 * utility classes such as `fb-col-12` come after it), and at least half of
 * the classes of the one with more shared.
 */
function sameKind(a: Element, b: Element): boolean {
  if (a.tagName !== b.tagName) return false
  const left = classesOf(a)
  const right = new Set(classesOf(b))
  if (left.length === 0 || right.size === 0 || left[0] !== classesOf(b)[0]) return false
  let shared = 0
  for (const name of left) if (right.has(name)) shared++
  return shared / Math.max(left.length, right.size) >= classOverlap
}

/** Class names of `node`. */
function classesOf(node: Element): Array<string> {
  const value = node.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

/** An article root with the continuations `joinContinuations` added. */
export interface ArticleSections {
  /** A new `<div>` (not attached) whose children are the page's blocks: the continuations before, the root (or a merged root's blocks), the continuations after. */
  node: Element
  /** Sections between continuations left out as furniture (for the removal log). */
  between: Array<Element>
}

/**
 * The article root joined with its continuations in sibling sections (see
 * `sectionContinuations`), wrapped in a new `<div>` that is not attached to
 * the tree (as content scoring's merged root: `attachWrapper` puts it in).
 *
 * @param root
 *   Chosen article root: an attached element, or a merged root's detached wrapper (`merged`).
 * @param merged
 *   Whether `root` is a detached wrapper of the page's blocks.
 * @param stats
 *   The page's block statistics, of the tree as it still is.
 * @returns
 *   The joined root, or `undefined` when there are no continuations.
 */
export function joinContinuations(root: Element, merged: boolean, stats: PageStats): ArticleSections | undefined {
  const parts = merged ? root.children.filter((child): child is Element => child.type === 'element') : [root]
  if (parts.length === 0) return undefined
  const first = stats.byNode.get(parts[0])
  const anchor = merged ? first && first.domParent : root
  if (!anchor || anchor.type !== 'element') return undefined
  const found = sectionContinuations(anchor, stats)
  if (!found) return undefined
  return {node: {type: 'element', tagName: 'div', properties: {}, children: [...found.before, ...parts, ...found.after]}, between: found.between}
}
