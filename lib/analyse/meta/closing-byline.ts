/**
 * Writers named at an article's end, for pages with no byline above the
 * text: a signature (a paragraph holding nothing but a person's name, set
 * apart by right alignment or emphasis, after the last paragraph of text)
 * and a closing biography (`Jane Roe is a reporter for …`), the way
 * essays, magazine pieces and local papers credit their writers.
 *
 * @module
 */

import type {Element, ElementContent} from 'hast'
import type {Found} from './found.js'
import {attr, collapse, textWithin} from '../page-index.js'
import {cleanAuthors} from './author-names.js'
import {isPersonLike} from './person-like.js'
import {headingTags} from '../blocks/tags.js'

/** Characters of a signature (`Jane Roe, Berlin`). */
const SIGNATURE = 60

/** Characters of a name set apart with a title after it (`Jane Roe, president and CEO, Harbour Trust`): a quote's attribution. */
const ATTRIBUTION = 160

/** How many of the article's last text blocks are read for a signature. */
const LAST_BLOCKS = 12

/** Characters of text before a signature that make it a paragraph of the article (a sentence, not a caption or a label). */
const PROSE = 80

/** Characters past which a block is prose, read no further. */
const LONG_BLOCK = 2000

/** Elements whose text is one block of the article. */
const BLOCK = new Set([
  'p',
  'div',
  'li',
  'td',
  'th',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'dd',
  'dt',
  'figcaption',
  'section',
  'article',
  'table',
  'tr',
  'tbody',
  'ul',
  'ol',
  'figure',
  'header',
  'footer',
  'aside',
  'center'
])

/** Headings: never a signature. */

/** Pictures and players: a block of their own between text blocks. */
const MEDIA = new Set(['img', 'picture', 'video', 'audio', 'iframe', 'svg', 'object', 'embed'])

/** Inline elements that set a signature apart (`<em>Jane Roe</em>`). */
const EMPHASIS = new Set(['em', 'i', 'strong', 'b', 'cite'])

/** Inline wrappers a signature's text may sit in besides emphasis. */
const WRAPPER = new Set(['font', 'span', 'small', 'em', 'i', 'strong', 'b', 'cite'])

/** Sentence punctuation ending a paragraph of text, closing quotes and brackets after it allowed. */
const SENTENCE_END = /[.!?…][\p{Pe}\p{Pf}"']*$/u

/**
 * The writer's signature closing the article: among its last blocks of
 * text, a paragraph holding nothing but one person's name (`Maurice
 * Delaunay`; a role or place after a comma is dropped), right-aligned
 * (`align="right"`, `text-align: right`) or wholly in emphasis
 * (`<em>`, `<i>`, `<strong>`, `<b>`, `<cite>`), right after a paragraph of
 * text (a sentence of 80 characters or more). A name alone under a picture
 * (a photo credit) or a speaker's label has no such paragraph before it or
 * no such setting; names set apart on several of the last blocks (a round
 * of answers, each signed by who gave it) attribute quotes and name no
 * writer. Fixture: meta-author-closing-signature.
 *
 * @param root
 *   Article root.
 * @param brands
 *   Names of the site and its publisher (never a person).
 * @returns
 *   The name, from `byline:signature`, or `undefined`.
 */
export function closingSignature(root: Element, brands: ReadonlyArray<string | undefined>): Found<Array<string>> | undefined {
  const blocks = lastBlocks(root, LAST_BLOCKS)
  let found: Found<Array<string>> | undefined
  // `blocks` runs from the end; texts are read only of blocks set apart and of the block before a signature.
  for (let at = 0; at < blocks.length; at++) {
    // Names set apart after several paragraphs (a round of answers, each signed with a name and a long title) attribute quotes: none is the writer.
    if (found) {
      if (signatureName(blocks[at], brands, ATTRIBUTION)) return undefined
      continue
    }
    const name = signatureName(blocks[at], brands, SIGNATURE)
    if (!name) continue
    const before = textBefore(blocks, at)
    if (before === undefined || (before.length >= PROSE && SENTENCE_END.test(before))) found = {value: [name], from: 'byline:signature'}
    else return undefined
  }
  return found
}

/** Text of the block before `blocks[at]` in the article (`undefined`: prose longer than a paragraph), empty blocks skipped; a picture's block is `''`. */
function textBefore(blocks: ReadonlyArray<Element>, at: number): string | undefined {
  for (let index = at + 1; index < blocks.length; index++) {
    const element = blocks[index]
    if (MEDIA.has(element.tagName)) return ''
    const text = textWithin(element, LONG_BLOCK)
    if (text !== '') return text
    if (holdsMedia(element)) return ''
  }
  return ''
}

/** The person's name a block holds alone, set apart (right-aligned or in emphasis). */
function signatureName(element: Element, brands: ReadonlyArray<string | undefined>, max: number): string | undefined {
  // A heading set in italics (`<h3><em>Ähnliche Beiträge</em></h3>`) titles what follows.
  if (headingTags.has(element.tagName) || MEDIA.has(element.tagName) || !setApart(element)) return undefined
  const text = textWithin(element, max)
  return text === undefined ? undefined : nameAlone(text, brands)
}

/**
 * Whether a line of text could be a signature (a person's name alone, a
 * role or place after a comma allowed): lines are checked before the
 * article's elements are.
 *
 * @param line
 *   One rendered line.
 * @param brands
 *   Names of the site and its publisher.
 * @returns
 *   Whether it could be one.
 */
export function signatureLine(line: string, brands: ReadonlyArray<string | undefined>): boolean {
  const text = line.normalize('NFKC').trim()
  return text.length <= SIGNATURE && nameAlone(text, brands) !== undefined
}

/** The person's name `text` holds alone (`— Jane Roe, Berlin`: `Jane Roe`). */
function nameAlone(text: string, brands: ReadonlyArray<string | undefined>): string | undefined {
  if (text.length < 5) return undefined
  const name = text
    .replace(/^[—–-]+\s*/, '')
    .split(/\s?,\s?/)[0]
    .trim()
  const names = cleanAuthors(name, {siteNames: [...brands], strict: true})
  return names.length === 1 && names[0] === name && isPersonLike(name, brands) ? name : undefined
}

/** A closing biography's opening: the name, a verb of being, at most a few words, then a writer's trade. */
const BIO =
  /^(\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]+|van|von|de|der|da|di|du|del|la|le)){1,3})\s+(?:is|was|ist|war|est|es|è)\s+(?:(?:a|an|the|our|ein|eine|einer|un|une|una|uno|el|la|le|il|unsere?)\s+)?(?:[\p{L}-]+\s+){0,3}?(?:(?:senior|staff|freelance|contributing|investigative|political|science|sports?|business|features?|local)\s+)?(?:reporter|writer|journalist|correspondent|columnist|contributor|freelancer|editor|author|redakteur(?:in)?|journalist(?:in)?|autor(?:in)?|korrespondent(?:in)?|reporter(?:in)?|kolumnist(?:in)?|journaliste|rédact(?:eur|rice)|correspondant(?:e)?|chroniqueu(?:r|se)|periodista|redactor(?:a)?|corresponsal|columnista|giornalista|redattore|redattrice)\b/iu

/** Characters of a line that may open with a biography. */
const BIO_LINE = 400

/**
 * The writer named by a biography closing the article: one of its last
 * lines opens with a person's name, a verb of being and a writer's trade
 * (`Priya Okonkwo is a reporter for …`, `Jane Roe ist Redakteurin bei …`,
 * `Jean Roy est journaliste …`). Fixture: meta-author-closing-bio.
 *
 * @param lines
 *   The article's last lines, last first.
 * @param brands
 *   Names of the site and its publisher.
 * @returns
 *   The name, from `byline:bio`, or `undefined`.
 */
export function closingBio(lines: ReadonlyArray<string>, brands: ReadonlyArray<string | undefined>): Found<Array<string>> | undefined {
  for (const line of lines) {
    const name = bioName(line, brands)
    if (name) return {value: [name], from: 'byline:bio'}
  }
  return undefined
}

/**
 * The person a biography opening `text` names (`Jane Roe is a reporter …`):
 * the name when it reads as a person's, else `undefined`.
 *
 * @param text
 *   Text (a line or a box's text).
 * @param brands
 *   Names of the site and its publisher.
 * @returns
 *   Name or `undefined`.
 */
export function bioName(text: string, brands: ReadonlyArray<string | undefined>): string | undefined {
  const normal = collapse(text.normalize('NFKC'))
  if (normal.length > BIO_LINE) return undefined
  const match = BIO.exec(normal)
  if (!match) return undefined
  // `BIO` is case-insensitive for the trades: the name itself must still be capitalised word by word.
  const name = match[1]
  return isPersonLike(name, brands) ? name : undefined
}

/** Whether a block is set apart as a signature: right-aligned, or its text wholly in emphasis. */
function setApart(element: Element): boolean {
  return rightAligned(element) || emphasised(element.children, false)
}

function rightAligned(element: Element): boolean {
  if (attr(element, 'align').toLowerCase() === 'right') return true
  return /text-align\s*:\s*right/i.test(attr(element, 'style'))
}

/** Whether every non-blank text in `children` sits in an emphasis element (`inside`: an ancestor is one). */
function emphasised(children: ReadonlyArray<ElementContent>, inside: boolean): boolean {
  let seen = false
  for (const child of children) {
    if (child.type === 'text') {
      if (!child.value.trim()) continue
      if (!inside) return false
      seen = true
    } else if (child.type === 'element') {
      if (!WRAPPER.has(child.tagName) && child.tagName !== 'br') return false
      if (child.tagName === 'br') continue
      if (rightAligned(child) && !inside) {
        seen = true
        continue
      }
      if (!emphasised(child.children, inside || EMPHASIS.has(child.tagName))) return false
      seen = true
    }
  }
  return seen
}

/**
 * The last `count` blocks of `root` (elements of `BLOCK` holding no other
 * block, and pictures), last first, found from the end: the rest of the
 * article is not visited, and no text is read here.
 */
function lastBlocks(root: Element, count: number): Array<Element> {
  const blocks: Array<Element> = []
  const visit = (node: Element): void => {
    for (let at = node.children.length - 1; at >= 0 && blocks.length < count; at--) {
      const child = node.children[at]
      if (child.type !== 'element' || child.tagName === 'script' || child.tagName === 'style') continue
      if (MEDIA.has(child.tagName)) blocks.push(child)
      else if (BLOCK.has(child.tagName)) {
        if (holdsBlock(child)) visit(child)
        else blocks.push(child)
      }
    }
  }
  visit(root)
  return blocks
}

/** Whether an element holds a picture or a player. */
function holdsMedia(element: Element): boolean {
  return element.children.some((child) => child.type === 'element' && (MEDIA.has(child.tagName) || holdsMedia(child)))
}

/** Whether an element holds a block element (a child or a wrapper's child). */
function holdsBlock(element: Element): boolean {
  return element.children.some((child) => child.type === 'element' && (BLOCK.has(child.tagName) || (WRAPPER.has(child.tagName) && holdsBlock(child))))
}
