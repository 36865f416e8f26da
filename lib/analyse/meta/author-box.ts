/**
 * The writer an author box names (`<div class="author-bio">`, `author-box`,
 * `about-author`: the writer's name as a heading, a portrait, a short
 * biography), for pages whose only credit is that box after the text. The
 * box is often marked as furniture too (`author-bio footer`, a box in the
 * sidebar), which keeps it out of the visible bylines; as the last visible
 * source it is read wherever it is.
 *
 * @module
 */

import type {Element} from 'hast'
import type {Found} from './found.js'
import type {Located} from '../page-index.js'
import {hintOf, textWithin} from '../page-index.js'
import {cleanAuthors} from './author-names.js'
import {bioName} from './closing-byline.js'
import {isPersonLike} from './person-like.js'

/** Class/id words of an author box (`author-bio`, `author_box`, `about-the-author`, `autorenbox`). */
const AUTHOR_BOX =
  /(?:^|[\s_-])(?:author|autor|auteur)[-_]?(?:bio|biography|box|info|about|card|profile|details|description)(?:$|[\s_-])|about[-_](?:the[-_])?author|autorenbox|(?:^|\s)bio[-_]?box(?:$|\s)/i

/** Characters of a box's text: more is no author box (a whole column). */
const BOX_TEXT = 1500

/** Elements of a box that may hold the writer's name alone. */
const NAME_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'a', 'span', 'p', 'div'])

/** Words before the name in a box's heading (`About Jane Roe`, `Über Jane Roe`, `Written by Jane Roe`). */
const HEADING_LABEL = /^(?:about(?: the author)?|über(?: den autor| die autorin)?|à propos de|sobre|written by|by|von|par|por|autor(?:in)?|author|auteur)\s*[:：]?\s+/i

/**
 * The person named by the first author box among `entries` (byline-hinted
 * elements, boilerplate ones too): the text of one of its headings, bold
 * texts or links that is a person's name alone (after a label such as
 * `About`), else the name opening its biography (`Jane Roe is a reporter
 * …`). Boxes of a listing (three or more naming different people) are left
 * out by the caller. Fixture: meta-author-bio-box.
 *
 * @param entries
 *   Byline-hinted elements of the page, in document order.
 * @param brands
 *   Names of the site and its publisher (never a person).
 * @returns
 *   The name, from `byline:author-box`, or `undefined`.
 */
export function authorBoxName(entries: ReadonlyArray<Located>, brands: ReadonlyArray<string | undefined>): Found<Array<string>> | undefined {
  for (const entry of entries) {
    if (!AUTHOR_BOX.test(hintOf(entry.element))) continue
    const text = textWithin(entry.element, BOX_TEXT)
    if (text === undefined) continue
    const name = namedIn(entry.element, brands) ?? bioName(text, brands)
    if (name) return {value: [name], from: 'byline:author-box'}
  }
  return undefined
}

/** The first heading, bold text or link in `box` whose text is one person's name. */
function namedIn(box: Element, brands: ReadonlyArray<string | undefined>): string | undefined {
  for (const child of box.children) {
    if (child.type !== 'element' || !NAME_TAGS.has(child.tagName)) continue
    const text = textWithin(child, 80)
    if (text) {
      const name = text.replace(HEADING_LABEL, '').trim()
      const names = cleanAuthors(name, {siteNames: [...brands], strict: true})
      if (names.length === 1 && names[0] === name && isPersonLike(name, brands)) return name
    }
    const inner = namedIn(child, brands)
    if (inner) return inner
  }
  return undefined
}
