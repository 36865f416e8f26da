/**
 * What reads as an article's lead by itself, before its place on the page
 * is looked at (`lead-under-headline.ts`): a paragraph (`<p>`, or a `<div>`
 * of text and phrasing elements), a deck in an `<h2>`, and the links in
 * them.
 *
 * @module
 */

import type {Element} from 'hast'
import {hintNames} from '../blocks/hints.js'
import {phrasingTags} from '../blocks/tags.js'
import {collapse, textOf} from '../../util/text.js'
import {holdsElement} from '../../util/walk.js'
import {boilerplateStrong} from '../vocabulary.js'
import {furniturePhrase} from '../../verdict/tail.js'

/** Characters of a `<div>` lead at most: a longer `<div>` of text is body text. */
const maxDivLead = 600

/** Characters a lead paragraph has at least. */
const minLead = 50

/**
 * Share of a lead's text that may be link text (a linked name, a source):
 * under a quarter, a sentence that mentions links rather than a teaser or
 * a promo made of them.
 */
const maxLinkShare = 0.25

/** Class/id words of notices to the reader (an archive warning, a site's alert): about the page, not the article's lead. */
export const noticeName = /(?:^|[^a-z])(?:notice|notification|alert|disclaimer)s?(?:$|[^a-z])/i

/** Text that ends a sentence (a lead reads as one or more sentences). */
const sentenceEnd = /[.!?…:。！？」"”'’)]$/

/** Characters a deck in an `<h2>` has at least. */
const minDeck = 40

/** A deck ends as a statement does (a heading ending in `?` or `!` may be the visible headline itself). */
const deckEnd = /[.。…][)"”'’»」]*$/

/** Whether `node` (an `<h2>`) reads as a deck: a statement of 40 characters or more, no link. */
export function isDeck(node: Element): boolean {
  const text = collapse(textOf(node)).trim()
  return text.length >= minDeck && deckEnd.test(text) && !hasLink(node)
}

/** Whether `node` is a paragraph: a `<p>`, or a `<div>` holding only text and phrasing elements (`<div class="standfirst">…</div>`; `isLeadText` takes one of at most 600 characters: a longer one is body text). */
export function isParagraph(node: Element): boolean {
  if (node.tagName === 'p') return true
  if (node.tagName !== 'div') return false
  for (const child of node.children) if (child.type === 'element' && !phrasingTags.has(child.tagName)) return false
  return true
}

/**
 * Whether `node` (a paragraph) reads as a lead by itself: a sentence of 50
 * characters or more outside links (a `<div>`: at most 600), links under a quarter of its text, no
 * phrase of site furniture when it links, no notice or boilerplate class/id of its own.
 */
export function isLeadText(node: Element): boolean {
  const text = collapse(textOf(node)).trim()
  if (text.length < minLead || !sentenceEnd.test(text) || (node.tagName === 'div' && text.length > maxDivLead)) return false
  // Its own class/id: a notice or a promo paragraph is none (a `teaser` paragraph often is the site's own lead).
  if (hintNames(node).some((name) => noticeName.test(name) || boilerplateStrong.test(name))) return false
  const linked = linkTextLength(node)
  return linked === 0 || (linked < text.length * maxLinkShare && text.length - linked >= minLead && furniturePhrase(text) === undefined)
}

/** Characters of collapsed text inside the links (`<a href>`) of `node`. */
function linkTextLength(node: Element): number {
  let length = 0
  const stack: Array<Element> = [node]
  while (stack.length > 0) {
    const element = stack.pop()!
    for (const child of element.children) {
      if (child.type !== 'element') continue
      if (child.tagName === 'a' && child.properties.href !== undefined) length += collapse(textOf(child)).trim().length
      else stack.push(child)
    }
  }
  return length
}

/** Whether `node` holds a link (`<a href>`) outside the `<p>`s in it that read as leads (a teaser card's “read more”). */
export function hasLinkOutsideLeads(node: Element): boolean {
  const stack: Array<Element> = [node]
  while (stack.length > 0) {
    const element = stack.pop()!
    for (const child of element.children) {
      if (child.type !== 'element') continue
      if (child.tagName === 'a' && child.properties.href !== undefined) return true
      if (isParagraph(child) && isLeadText(child)) continue
      stack.push(child)
    }
  }
  return false
}

/** Whether `node` holds an `<a>` with an `href`. */
export function hasLink(node: Element): boolean {
  return holdsElement(node, (child) => child.tagName === 'a' && child.properties.href !== undefined)
}
