/**
 * The article's own lead right above its root inside the article
 * container, where the lead rule (`lead-under-headline.ts`) does not look:
 * no `<h1>` before the root (the headline in an `<h2>` or a `<div>`), or a
 * stretch it does not take as a headline block.
 *
 * @module
 */

import type {Element, Root} from 'hast'
import {hintNames, isAriaHidden, isHidden, isNegativeName, isPositiveName} from '../blocks/hints.js'
import {skipTags} from '../blocks/tags.js'
import {holdsMedia} from '../../media/tags.js'
import {holdsText} from '../../util/bounded-text.js'
import {collapse, textOf} from '../../util/text.js'
import {holdsElement} from '../../util/walk.js'
import {boilerplateStrong, relatedName} from '../vocabulary.js'
import {articleLevels, isContainerFurniture} from './article-tail.js'
import {isLeadText, isParagraph, noticeName} from './lead-text.js'
import {captionName, isLeadPicture} from './lead-under-headline.js'
import {foldTitle} from './titled-sibling.js'

/** Lead paragraphs taken at most: more in a row above the root are body text the root left out (recorded and reported as such, not moved). */
const maxLeads = 3

/** Headings: a block holding one is the article's head (its headline) or another section, where the lead ends. */
const headingTags: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** A block taken as a lead, with its parent. */
export interface LeadAbove {
  node: Element
  parent: Element
}

/**
 * The lead paragraphs (and the lead picture between them and the root)
 * right above `root` inside the nearest `<article>` holding it, nearest
 * first as met, returned in document order. From the root up (its
 * siblings before it, then those of each ancestor up to the container),
 * each block is: passed over when it shows nothing (no text or media,
 * hidden, a script) or is furniture (`isContainerFurniture`: a share bar, a
 * byline row of links, an ad slot); taken when it is a paragraph reading as
 * a lead (`isLeadText`: 50 characters or more ending as a sentence, links
 * under a quarter), or a `<figure>` reading as a lead picture (one at
 * most), neither named as a caption, notice, related or boilerplate
 * block nor the page's title; and it ends the search otherwise
 * (a block holding a heading: the headline, a section). None without a
 * paragraph taken, when more than three lie in a row (body text the root
 * left out), or when no `<article>` holds the root.
 *
 * @param root
 *   Article root (it holds no `<h1>`: blocks above one are above the headline).
 * @param parentOf
 *   Parent of an element as a walk saw it, `undefined` when not known.
 * @param titles
 *   The page's titles, folded (`pageTitles`): a paragraph opening one is the headline.
 */
export function leadAboveRoot(root: Element, parentOf: (node: Element) => Root | Element | undefined, titles: ReadonlyArray<string>): Array<LeadAbove> {
  const levels = articleLevels(root, parentOf)
  if (!levels) return []
  const taken: Array<LeadAbove> = []
  let paragraphs = 0
  let pictures = 0
  search: for (const level of levels) {
    const children = level.parent.children
    for (let index = children.indexOf(level.node) - 1; index >= 0; index--) {
      const child = children[index]
      if (child.type === 'text' && child.value.trim()) break search
      if (child.type !== 'element' || unseen(child)) continue
      if (holdsElement(child, (element) => headingTags.has(element.tagName)) || headingTags.has(child.tagName)) break search
      if (isParagraph(child) && isLeadText(child) && ownNamesFit(child) && !isTitle(child, titles)) {
        if (++paragraphs > maxLeads) return []
        taken.push({node: child, parent: level.parent as Element})
        continue
      }
      if (child.tagName === 'figure' && paragraphs === 0 && isLeadPicture(child) && ownNamesFit(child)) {
        if (++pictures > 1) break search
        taken.push({node: child, parent: level.parent as Element})
        continue
      }
      if (isContainerFurniture(child)) continue
      break search
    }
  }
  // A picture alone is no lead (the picture is reported where it is dropped).
  if (paragraphs === 0) return []
  return taken.reverse()
}

/** Whether a block shows nothing a reader sees: a script or style, hidden, or neither text nor media. */
function unseen(node: Element): boolean {
  return skipTags.has(node.tagName) || isHidden(node) || isAriaHidden(node) || !(holdsText(node) || holdsMedia(node))
}

/** Whether a block's own class/id lets it be the article's lead: no caption, notice, related or boilerplate word, no furniture word unless a positive one too (`teaser` often names a site's own standfirst). */
function ownNamesFit(node: Element): boolean {
  const names = hintNames(node)
  if (names.some((name) => captionName.test(name) || noticeName.test(name) || relatedName.test(name) || boilerplateStrong.test(name))) return false
  return !isNegativeName(names) || isPositiveName(names)
}

/** Whether a paragraph's text is the page's title (a title opens with it: a site's name may follow). */
function isTitle(node: Element, titles: ReadonlyArray<string>): boolean {
  const text = foldTitle(collapse(textOf(node)))
  return text !== '' && titles.some((title) => title.startsWith(text))
}
