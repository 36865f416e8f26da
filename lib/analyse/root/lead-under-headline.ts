import type {Element, ElementContent, Root} from 'hast'
import type {Headline} from '../page-index.js'
import {hintNames, isAriaHidden, isHidden, isNegativeName, isPositiveName} from '../blocks/hints.js'
import {collapse, textOf} from '../../util/text.js'
import {holdsMedia} from '../../media/tags.js'
import {holdsElement} from '../../util/walk.js'
import {boilerplateStrong, relatedName, teaserName} from '../vocabulary.js'
import {hasLink, isDeck, isLeadText, isParagraph, hasLinkOutsideLeads, noticeName} from './lead-text.js'

/** Lead paragraphs taken at most. */
const maxLeads = 3

/** Characters of other text (bylines, dates, captions, share bars) allowed between the headline and the root. */
const maxOther = 600

/** Characters of caption a lead figure has at most (a photo's caption and credit, not a teaser's text). */
const maxFigureCaption = 400

/** Containers whose paragraphs are never the article's lead. */
const furnitureTags: ReadonlySet<string> = new Set(['a', 'aside', 'blockquote', 'button', 'figcaption', 'figure', 'footer', 'form', 'li', 'nav', 'table'])

/** Class/id words of image captions and credits (their text belongs to the picture, not the article's lead). */
export const captionName = /caption|legend|credit/i

/** Headings that open a section of the body. */
const sectionTags: ReadonlySet<string> = new Set(['h2', 'h3', 'h4', 'h5', 'h6'])

/** Elements whose text is not shown as prose. */
const unseenTags: ReadonlySet<string> = new Set(['noscript', 'script', 'style', 'svg', 'template'])

/**
 * Lead (standfirst) paragraphs, and the lead picture, between the article's
 * title heading and its root: the paragraphs (`<p>`, or a `<div>` of at most 600 characters of text and phrasing
 * elements only) after the last `<h1>` before `root` in document
 * order and before `root`, shown (not `hidden`, `display:none`, `aria-hidden`), outside navigation, asides, footers, lists,
 * figures and blocks with caption, notice, furniture, teaser or related class/id hints, with
 * at least 50 characters outside links, links making under a quarter of their
 * text (a linked name or source) and none elsewhere in their container unless
 * it holds the headline (a teaser card with a “read more” link is not a lead;
 * a header's byline link is no teaser's), no phrase of site furniture (`sign up
 * for our newsletter`), and ending as a sentence does; before them, a deck in
 * an `<h2>` (40 characters or more ending in `.`, no link; moved as a `<p>`). None
 * when `root` holds an `<h1>` itself (its lead is inside), when there is no
 * `<h1>` before it, when a section heading (`<h2>`–`<h6>`, not in a furniture
 * container such as an ad rail or a share bar) follows a lead (body sections lie outside the root), or when more than 600 characters of other text, or more
 * than three such paragraphs, lie in between (then the stretch is not a
 * headline block). The lead picture is a `<figure>` holding an image with at
 * most 400 characters of caption, outside the same containers and links;
 * one only (several pictures are a gallery or a strip of teasers, left out).
 *
 * Linear in the page size; walks with an explicit stack, once up to `root`
 * on most pages.
 *
 * @param tree
 *   Page tree.
 * @param root
 *   Article root, an element attached to `tree`.
 * @param headlines
 *   Every `<h1>` of `tree` with its ancestors, as they are now
 *   (`PageIndex.headlines`): tells whether `root` holds one without a walk
 *   (default: its subtree is searched).
 * @param ancestors
 *   The elements above `root` as they are now (for instance from the index
 *   walk's parents, `SelectorTable.parents`): the paragraphs are then
 *   checked whole as the walk meets them, in one walk (default: told when
 *   the walk meets `root`, with a second walk when a paragraph taken fails).
 *   Checked when the walk meets `root`: under other ancestors, it walks
 *   again knowing those.
 * @returns
 *   Lead paragraphs in document order (attached where they are).
 */
export function leadUnderHeadline(tree: Root, root: Element, headlines?: ReadonlyArray<Headline> | undefined, ancestors?: ReadonlySet<Element> | undefined): Array<Element> {
  return findLeads(tree, root, headlines, ancestors, undefined).map((lead) => lead.node)
}

/** A lead paragraph or picture, with its parent element (`undefined` at the top of the tree). */
interface Lead {
  node: Element
  parent: Element | undefined
}

/** `leadUnderHeadline`, with the parents of the leads. */
function findLeads(tree: Root, root: Element, headlines: ReadonlyArray<Headline> | undefined, ancestors: ReadonlySet<Element> | undefined, holdsHeadline: boolean | undefined): Array<Lead> {
  // The `<h1>`s the index found tell whether the root holds one; else its subtree is searched (only when there are leads to keep out).
  if (headlines && headlines.some((headline) => headline.ancestors.includes(root))) return []
  // The walk begins at the first `<h1>` it can see (nothing before one counts); none: no lead.
  const start = headlines && headlines.find(seen)
  if (headlines && !start) return []
  // The root itself an `<h1>`: met first, by a walk from the top.
  const from = start && start.element !== root ? start : undefined
  // The ancestors given are checked when the walk meets `root` (a second walk knowing its real ones when they differ).
  const found = leadsOnTheWay(tree, root, ancestors, from, true)
  // A lead taken failed its ancestors' checks: the walk again from the headline, the ancestors of `root` known from the first.
  const leads = Array.isArray(found) ? found : found ? leadsOnTheWay(tree, root, found, from) : leadsKnowingRoot(tree, root)
  return leads.length > 0 && !headlines && (holdsHeadline ?? holdsHeading(root)) ? [] : leads
}

/** Whether the lead walk sees `headline` (neither it nor an ancestor is hidden or unseen). */
function seen(headline: Headline): boolean {
  return [headline.element, ...headline.ancestors].every((element) => !(unseenTags.has(element.tagName) || isHidden(element) || isAriaHidden(element)))
}

/** A paragraph or picture taken as a lead before the ancestors of the root are known, with its ancestors (outermost first). */
interface Tentative {
  node: Element
  figure: boolean
  ancestors: Array<Element>
}

/**
 * `leadUnderHeadline`'s search in one walk up to `root` (from `start`, the
 * first `<h1>` the walk sees, when known; else from the top), without a map
 * of parents: a paragraph or picture that passes the checks of its own is
 * taken as a lead at once, and the checks of its ancestors (which need the
 * ancestors of `root`) are made when `root` is met. When a paragraph or
 * picture taken fails them, the answer is the ancestors of `root` (a set,
 * as the walk met them), for a second walk that knows them; `undefined`
 * when `root` was not met (then `leadsKnowingRoot` answers). With `shared`
 * (the ancestors of `root`) each paragraph or picture is checked whole
 * when met, and the answer is always leads (the overloads say so), but
 * with `verify`: then, when the ancestors the walk meets `root` under are
 * not `shared`, they are the answer, for a second walk.
 */
function leadsOnTheWay(tree: Root, root: Element, shared: ReadonlySet<Element>, start?: Headline | undefined): Array<Lead>
function leadsOnTheWay(tree: Root, root: Element, shared: ReadonlySet<Element> | undefined, start: Headline | undefined, verify: boolean): Array<Lead> | ReadonlySet<Element> | undefined
function leadsOnTheWay(tree: Root, root: Element, shared: ReadonlySet<Element> | undefined, start?: Headline | undefined, verify?: boolean): Array<Lead> | ReadonlySet<Element> | undefined {
  let heading = false
  let leads: Array<Tentative> = []
  let figures: Array<Tentative> = []
  let found: Array<Tentative> = []
  const taken: Array<Tentative> = []
  let other = 0
  // After a section heading that follows a lead: the answer is none, once the leads taken are checked.
  let none = false
  // Ancestors of the node taken from the stack (outermost first), and the depth of each node on the stack.
  const path: Array<Element> = []
  const stack: Array<ElementContent> = []
  const depths: Array<number> = []
  if (start) {
    // As the walk is when it takes `start` from the stack: its ancestors on the path, what follows each of them on the stack.
    const ancestors = [...start.ancestors].reverse()
    const chain = [...ancestors, start.element]
    let parent: Root | Element = tree
    for (const [depth, node] of chain.entries()) {
      const children: Array<ElementContent | Root['children'][number]> = parent.children
      for (let index = children.length - 1; index >= 0; index--) {
        const child = children[index]
        if (child === node) break
        if (child.type !== 'element' && (depth === 0 || child.type !== 'text')) continue
        stack.push(child as ElementContent)
        depths.push(depth)
      }
      parent = node
    }
    path.push(...ancestors)
    heading = true
  } else {
    for (let index = tree.children.length - 1; index >= 0; index--) {
      const child = tree.children[index]
      if (child.type !== 'element') continue
      stack.push(child)
      depths.push(0)
    }
  }
  /** Take `node` as a lead (a paragraph, or a picture when `figure`) when it fits where the root is, as far as known. */
  const take = (node: Element, figure: boolean): boolean => {
    const lead = {node, figure, ancestors: path.slice()}
    if (shared && !(figure ? figureFits(lead, shared) : paragraphFits(lead, shared))) return false
    taken.push(lead)
    if (figure) figures.push(lead)
    else leads.push(lead)
    found.push(lead)
    return true
  }
  while (stack.length > 0) {
    const node = stack.pop()!
    const depth = depths.pop()!
    path.length = depth
    if (node === root) {
      if (shared && verify && (path.length !== shared.size || !path.every((element) => shared.has(element)))) return new Set(path)
      if (!shared) {
        const above = new Set(path)
        for (const lead of taken) if (!(lead.figure ? figureFits(lead, above) : paragraphFits(lead, above))) return above
      }
      if (none || !heading || leads.length > maxLeads || other > maxOther) return []
      const kept = figures.length === 1 ? found : leads
      return kept.map((lead) => ({node: lead.node, parent: lead.ancestors[lead.ancestors.length - 1]}))
    }
    if (node.type === 'text') {
      if (heading && !none) other += collapse(node.value).trim().length
      continue
    }
    if (node.type !== 'element') continue
    if (!none) {
      if (unseenTags.has(node.tagName) || isHidden(node) || isAriaHidden(node)) continue
      if (node.tagName === 'h1') {
        heading = true
        leads = []
        figures = []
        found = []
        other = 0
        continue
      }
      // A deck (standfirst) in an `<h2>` right under the headline: the first lead.
      if (heading && leads.length === 0 && node.tagName === 'h2' && isDeck(node) && take(node, false)) continue
      if (heading && leads.length > 0 && sectionTags.has(node.tagName) && !inFurniture(path, node)) {
        // A section heading after a lead: sections of the body lie outside the
        // root, so the stretch is no headline block (and the root is suspect:
        // leave it as it is, for the verdict to see). Before any lead it is still
        // the head (a kicker, or the visible headline in an `<h2>`).
        if (shared && !verify) return []
        // Only `root`'s ancestors are still wanted (or, with `verify`, to be checked): the walk goes on, into every element, to meet it.
        none = true
      } else if (heading && isParagraph(node) && isLeadText(node)) {
        if (take(node, false)) continue
      } else if (heading && node.tagName === 'figure' && isLeadPicture(node)) {
        if (take(node, true)) continue
      }
    }
    path.push(node)
    for (let index = node.children.length - 1; index >= 0; index--) {
      const child = node.children[index]
      if (child.type !== 'element' && (none || child.type !== 'text')) continue
      stack.push(child)
      depths.push(depth + 1)
    }
  }
  return shared ? [] : undefined
}

/**
 * `leadsOnTheWay` with the ancestors of `root` known first (from a map of
 * the parents of every element: a walk over the whole page), for the pages
 * the walk without them cannot answer.
 */
function leadsKnowingRoot(tree: Root, root: Element): Array<Lead> {
  const parents = parentsOf(tree)
  return parents.has(root) ? leadsOnTheWay(tree, root, new Set(ancestorsOf(root, parents))) : []
}

/**
 * Move the lead paragraphs `leadUnderHeadline` finds into `root`, before its
 * first child, in document order. `headlines` and `ancestors` as for
 * `leadUnderHeadline`; without `headlines`, `holdsHeadline` tells whether
 * `root` holds an `<h1>` (default: its subtree is searched when there are
 * leads).
 *
 * @returns
 *   The paragraphs moved (none when there is no such lead).
 */
export function keepLeadUnderHeadline(
  tree: Root,
  root: Element,
  headlines?: ReadonlyArray<Headline> | undefined,
  ancestors?: ReadonlySet<Element> | undefined,
  holdsHeadline?: boolean | undefined
): Array<Element> {
  const leads = findLeads(tree, root, headlines, ancestors, holdsHeadline)
  for (const {node, parent} of leads) if (parent) parent.children.splice(parent.children.indexOf(node), 1)
  const nodes = leads.map((lead) => lead.node)
  // A deck in an `<h2>` reads as the article's first paragraph, not as a section heading.
  for (const node of nodes) if (node.tagName === 'h2') node.tagName = 'p'
  root.children.unshift(...nodes)
  return nodes
}

/** Whether the ancestors of a lead paragraph (`lead.ancestors`, outermost first) below those it shares with the root (`shared`) let it be one. */
function paragraphFits(lead: Tentative, shared: ReadonlySet<Element>): boolean {
  const ancestors = lead.ancestors
  const parent = ancestors[ancestors.length - 1]
  if (parent && !shared.has(parent) && hasLinkOutsideLeads(parent) && !holdsHeading(parent)) return false
  for (let at = ancestors.length - 1; at >= 0; at--) {
    const ancestor = ancestors[at]
    if (shared.has(ancestor)) break
    if (furnitureTags.has(ancestor.tagName)) return false
    const names = hintNames(ancestor)
    if (names.some((name) => captionName.test(name) || noticeName.test(name) || relatedName.test(name) || boilerplateStrong.test(name))) return false
    const teaser = names.some((name) => teaserName.test(name))
    if (teaser && !isOwnTeaser(ancestor, ancestors[at - 1], shared)) return false
    // The article's own teaser, or its header (it holds the headline): `teaser`, `header` and `masthead` words name them, not furniture.
    if (!teaser && isNegativeName(names) && !isPositiveName(names) && !holdsHeading(ancestor)) return false
  }
  return true
}

/**
 * Whether a container named `teaser` (`div.news-article__teaser`) is the
 * article's own standfirst, not a card of another story: it sits right
 * beside the root's line (its parent is an ancestor of the root) and holds
 * no link and no heading.
 */
function isOwnTeaser(node: Element, parent: Element | undefined, shared: ReadonlySet<Element>): boolean {
  return parent !== undefined && shared.has(parent) && !hasLink(node) && !holdsElement(node, (element) => sectionTags.has(element.tagName) || element.tagName === 'h1')
}

/** Whether `node` (a `<figure>`) reads as a lead picture by itself: media, no link, a short caption. */
export function isLeadPicture(node: Element): boolean {
  return holdsMedia(node) && !hasLink(node) && [...collapse(textOf(node)).trim()].length <= maxFigureCaption
}

/** Whether the ancestors of a lead picture below those it shares with the root let it be one (see `paragraphFits`). */
function figureFits(lead: Tentative, shared: ReadonlySet<Element>): boolean {
  const ancestors = lead.ancestors
  for (let at = ancestors.length - 1; at >= 0; at--) {
    const ancestor = ancestors[at]
    if (shared.has(ancestor)) break
    if (furnitureTags.has(ancestor.tagName)) return false
    const names = hintNames(ancestor)
    if (names.some((name) => relatedName.test(name) || teaserName.test(name) || boilerplateStrong.test(name))) return false
    if (isNegativeName(names) && !isPositiveName(names)) return false
  }
  return true
}

/**
 * Whether `node` (below `path`, its ancestors, outermost first) is furniture
 * or in a furniture container: `<aside>`, `<nav>`, …, share bars and promos
 * (strong boilerplate class/id hints), or negative hints and no positive
 * ones (an ad rail's `Sponsored links` heading, an `sr-only` heading): not
 * in the article's flow. `<html>` and `<body>` are not looked at.
 */
function inFurniture(path: ReadonlyArray<Element>, node: Element): boolean {
  for (const element of [...path, node]) {
    if (element.tagName === 'html' || element.tagName === 'body') continue
    if (furnitureTags.has(element.tagName)) return true
    const names = hintNames(element)
    if (names.some((name) => boilerplateStrong.test(name))) return true
    if (isNegativeName(names) && !isPositiveName(names)) return true
  }
  return false
}

/** Elements above `node`, nearest first. */
function ancestorsOf(node: Element, parents: ReadonlyMap<Element, Element | undefined>): Array<Element> {
  const ancestors: Array<Element> = []
  let parent = parents.get(node)
  while (parent) {
    ancestors.push(parent)
    parent = parents.get(parent)
  }
  return ancestors
}

/** Parent element of every element of `tree` (`undefined` for top-level ones). */
function parentsOf(tree: Root): Map<Element, Element | undefined> {
  const parents = new Map<Element, Element | undefined>()
  const stack: Array<Element> = []
  for (const child of tree.children) {
    if (child.type !== 'element') continue
    parents.set(child, undefined)
    stack.push(child)
  }
  while (stack.length > 0) {
    const element = stack.pop()!
    for (const child of element.children) {
      if (child.type !== 'element') continue
      parents.set(child, element)
      stack.push(child)
    }
  }
  return parents
}

/** Whether `node` holds an `<h1>`. */
function holdsHeading(node: Element): boolean {
  return holdsElement(node, (child) => child.tagName === 'h1')
}
