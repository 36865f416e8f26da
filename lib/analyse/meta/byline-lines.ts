/**
 * Byline paragraphs left in the article's text whose names are already in
 * the frontmatter: `<p>本报记者 王五</p>`, `<p>文、图/赵六</p>`, `<p>By Jane
 * Roe</p>` opening (or closing) the body. Such a block is page furniture:
 * it says who wrote the article, which the frontmatter's `author` now says.
 *
 * Only a block whose whole text is a credit line (`credit-line.ts`) naming
 * authors, every one of them in `author` (and its source and day, if any,
 * those of the frontmatter), or nothing but Chinese names that are all in
 * `author` (`王刚 李娜`, the writers a closing note vouches for), is one; a news dateline
 * (`WASHINGTON (AP) — The Senate…`), a lead opening with a bracketed byline
 * (`【记者 张三】今天…`), a photo credit and a credit naming anyone else
 * stay.
 *
 * @module
 */

import type {Element, ElementContent} from 'hast'
import {findDate} from '../../util/normalize-date.js'
import {holdsText, textUpTo} from '../../util/bounded-text.js'
import {readCredits, readNamesLine} from './credit-line.js'

/** A byline paragraph of the body. */
export interface BylineLine {
  element: Element
  /** Its text, white space collapsed. */
  text: string
}

/** What the frontmatter says: a byline paragraph saying no more than this goes. */
export interface FrontmatterCredits {
  /** Author names. */
  authors: ReadonlyArray<string>
  /** Source outlet. */
  source?: string | undefined
  /** Date (ISO 8601). */
  date?: string | undefined
}

/** How many text blocks at the start, and at the end, of the article may be a byline. */
const headBlocks = 3
const tailBlocks = 2

/** Longest byline paragraph, in characters. */
const maxLength = 80

/** Elements that hold text blocks rather than being one. */
const containers = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside'])
/** Sentence punctuation: a byline paragraph holds none. */
const SENTENCE = /[。！？；，!?;]|[.,] \p{Ll}/u

/** Elements that may be a byline paragraph. */
const blockTags = new Set(['p', 'div', 'section', 'header', 'footer', 'address'])
/** Elements that show something besides text. */
const media = new Set(['img', 'picture', 'video', 'audio', 'iframe', 'embed', 'object', 'svg', 'figure', 'canvas', 'table'])

/**
 * Find the byline paragraphs at either end of the article.
 *
 * @param root
 *   Article root.
 * @param meta
 *   What the frontmatter says.
 * @returns
 *   Blocks to remove (may be empty).
 */
export function findBylineLines(root: Element, meta: FrontmatterCredits): Array<BylineLine> {
  const known = new Set(meta.authors.map(key).filter(Boolean))
  if (known.size === 0) return []
  const found: Array<BylineLine> = []
  for (const element of endBlocks(root)) {
    // Read no further than a byline's length: a longer block is article text.
    const text = textUpTo(element, maxLength)
    // A sentence (`【记者 张三】今天，……`, `By the end of May, …`) is article text.
    if (text === undefined || text.length > maxLength || SENTENCE.test(text)) continue
    // Several lines (`By Jane Roe<br>Kakuma, Kenya`) or a link elsewhere than an author's page (the original article) say more.
    if (has(element, saysMore)) continue
    const credits = readCredits(text)
    // A line of nothing but the writers' names (`王刚 李娜`, set above the text when a closing note says who they are) is a byline too.
    const names = credits.length > 0 ? credits.filter((credit) => credit.role === 'author').flatMap((credit) => credit.names) : (readNamesLine(text) ?? [])
    if (names.length === 0 || credits.some((credit) => credit.role === 'photographer')) continue
    if (!names.every((name) => known.has(key(name)))) continue
    // What else the line says must be in the frontmatter too: its source, its day.
    const sources = credits.filter((credit) => credit.role === 'source').flatMap((credit) => credit.names)
    if (sources.some((source) => !meta.source || key(source) !== key(meta.source))) continue
    const day = findDate(text)
    if (day && (!meta.date || !meta.date.startsWith(day.value.slice(0, 10)))) continue
    found.push({element, text})
  }
  return found
}

/**
 * The first three and the last two text blocks of `root` (elements with
 * text and no block containers inside), in order, each once; read from each
 * end, so a long article is not read whole.
 */
function endBlocks(root: Element): Array<Element> {
  const first = textBlocks(root, headBlocks, false)
  if (first.length < headBlocks) return first
  const head = new Set(first)
  return [
    ...first,
    ...textBlocks(root, tailBlocks, true)
      .reverse()
      .filter((block) => !head.has(block))
  ]
}

/** Up to `limit` text blocks of `root`, from its start, or from its end (`fromEnd`: the last first). */
function textBlocks(root: Element, limit: number, fromEnd: boolean): Array<Element> {
  const blocks: Array<Element> = []
  const visit = (node: Element) => {
    const children = node.children
    for (let at = 0; at < children.length && blocks.length < limit; at++) {
      const child = children[fromEnd ? children.length - 1 - at : at]
      if (child.type !== 'element') continue
      if (containers.has(child.tagName) && child.children.some(isContainer)) visit(child)
      else if (blockTags.has(child.tagName) && holdsText(child)) blocks.push(child)
    }
  }
  visit(root)
  return blocks
}

function isContainer(node: ElementContent): boolean {
  return node.type === 'element' && (containers.has(node.tagName) || node.tagName === 'p' || /^h[1-6]$/.test(node.tagName) || node.tagName === 'ul' || node.tagName === 'ol')
}

/** Path of a link to an author's page (`/author/jane-roe`, `/autoren/…`, `/people/…`). */
const AUTHOR_PAGE = /\/(?:author|authors|autor|autoren|auteur|autore|profile|profil|people|staff|writers?|reporters?|journalists?|redakteur)\//i

/** A line break, media, or a link elsewhere than an author's page: a block with one says more than a byline. */
function saysMore(node: Element): boolean {
  return node.tagName === 'br' || media.has(node.tagName) || isOtherLink(node)
}

function isOtherLink(node: Element): boolean {
  return node.tagName === 'a' && typeof node.properties.href === 'string' && node.properties.href !== '' && !node.properties.href.startsWith('#') && !AUTHOR_PAGE.test(node.properties.href)
}

/** Whether `node` or an element below it passes `test`. */
function has(node: Element, test: (element: Element) => boolean): boolean {
  return test(node) || node.children.some((child) => child.type === 'element' && has(child, test))
}

/** Comparison key of a name: letters and digits, lower case. */
function key(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}
