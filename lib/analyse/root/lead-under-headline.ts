import type {Element, ElementContent, Root} from 'hast'
import {hintNames, isAriaHidden, isHidden, isNegativeName, isPositiveName} from '../blocks/hints.js'
import {collapse, textOf} from '../../util/text.js'
import {holdsMedia} from '../../media/tags.js'
import {boilerplateStrong, relatedName, teaserName} from '../vocabulary.js'

/** Characters a lead paragraph has at least. */
const minLead = 50

/** Lead paragraphs taken at most. */
const maxLeads = 3

/** Characters of other text (bylines, dates, captions, share bars) allowed between the headline and the root. */
const maxOther = 600

/** Characters of caption a lead figure has at most (a photo's caption and credit, not a teaser's text). */
const maxFigureCaption = 400

/** Containers whose paragraphs are never the article's lead. */
const furnitureTags: ReadonlySet<string> = new Set(['a', 'aside', 'blockquote', 'button', 'figcaption', 'figure', 'footer', 'form', 'li', 'nav', 'table'])

/** Class/id words of image captions and credits (their text belongs to the picture, not the article's lead). */
const captionName = /caption|legend|credit/i

/** Headings that open a section of the body. */
const sectionTags: ReadonlySet<string> = new Set(['h2', 'h3', 'h4', 'h5', 'h6'])

/** Elements whose text is not shown as prose. */
const unseenTags: ReadonlySet<string> = new Set(['noscript', 'script', 'style', 'svg', 'template'])

/** Text that ends a sentence (a lead reads as one or more sentences). */
const sentenceEnd = /[.!?…:。！？」"”'’)]$/

/**
 * Lead (standfirst) paragraphs, and the lead picture, between the article's
 * title heading and its root: the `<p>` elements after the last `<h1>` before `root` in document
 * order and before `root`, shown (not `hidden`, `display:none`, `aria-hidden`), outside navigation, asides, footers, lists,
 * figures and blocks with caption, furniture, teaser or related class/id hints, with
 * at least 50 characters, no links in them or their container (a teaser card
 * with a “read more” link is not a lead), and ending as a sentence does. None
 * when `root` holds an `<h1>` itself (its lead is inside), when there is no
 * `<h1>` before it, when a section heading (`<h2>`–`<h6>`) follows a lead (body
 * sections lie outside the root), or when more than 600 characters of other text, or more
 * than three such paragraphs, lie in between (then the stretch is not a
 * headline block). The lead picture is a `<figure>` holding an image with at
 * most 400 characters of caption, outside the same containers and links;
 * one only (several pictures are a gallery or a strip of teasers, left out).
 *
 * Linear in the page size; walks with an explicit stack.
 *
 * @param tree
 *   Page tree.
 * @param root
 *   Article root, an element attached to `tree`.
 * @returns
 *   Lead paragraphs in document order (attached where they are).
 */
export function leadUnderHeadline(tree: Root, root: Element): Array<Element> {
  if (holdsHeading(root)) return []
  const parents = parentsOf(tree)
  if (!parents.has(root)) return []
  const shared = new Set<Element>(ancestorsOf(root, parents))

  let heading = false
  let leads: Array<Element> = []
  let figures: Array<Element> = []
  // Paragraphs and pictures, in document order.
  let found: Array<Element> = []
  let other = 0
  // Document order (explicit stack, last child on top).
  const stack: Array<ElementContent> = []
  for (let index = tree.children.length - 1; index >= 0; index--) {
    const child = tree.children[index]
    if (child.type === 'element') stack.push(child)
  }
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node === root) break
    if (node.type === 'text') {
      if (heading) other += collapse(node.value).trim().length
      continue
    }
    if (node.type !== 'element' || unseenTags.has(node.tagName) || isHidden(node) || isAriaHidden(node)) continue
    if (node.tagName === 'h1') {
      heading = true
      leads = []
      figures = []
      found = []
      other = 0
      continue
    }
    // A section heading after a lead: sections of the body lie outside the
    // root, so the stretch is no headline block (and the root is suspect:
    // leave it as it is, for the verdict to see). Before any lead it is still
    // the head (a kicker, or the visible headline in an `<h2>`).
    if (heading && leads.length > 0 && sectionTags.has(node.tagName)) return []
    if (heading && node.tagName === 'p' && isLead(node, parents, shared)) {
      leads.push(node)
      found.push(node)
      continue
    }
    if (heading && node.tagName === 'figure' && isLeadFigure(node, parents, shared)) {
      figures.push(node)
      found.push(node)
      continue
    }
    for (let index = node.children.length - 1; index >= 0; index--) {
      const child = node.children[index]
      if (child.type === 'element' || child.type === 'text') stack.push(child)
    }
  }
  if (!heading || leads.length > maxLeads || other > maxOther) return []
  // The picture among the paragraphs, in document order.
  return figures.length === 1 ? found : leads
}

/**
 * Move the lead paragraphs `leadUnderHeadline` finds into `root`, before its
 * first child, in document order.
 *
 * @returns
 *   The paragraphs moved (none when there is no such lead).
 */
export function keepLeadUnderHeadline(tree: Root, root: Element): Array<Element> {
  const leads = leadUnderHeadline(tree, root)
  if (leads.length === 0) return leads
  const parents = parentsOf(tree)
  for (const lead of leads) {
    const parent = parents.get(lead)
    if (parent) parent.children.splice(parent.children.indexOf(lead), 1)
  }
  root.children.unshift(...leads)
  return leads
}

/** Whether `node` (a `<p>`) reads as the article's lead. */
function isLead(node: Element, parents: ReadonlyMap<Element, Element | undefined>, shared: ReadonlySet<Element>): boolean {
  const text = collapse(textOf(node)).trim()
  if (text.length < minLead || !sentenceEnd.test(text)) return false
  if (hasLink(node)) return false
  const parent = parents.get(node)
  if (parent && !shared.has(parent) && hasLink(parent)) return false
  for (const ancestor of ancestorsOf(node, parents)) {
    if (shared.has(ancestor)) break
    if (furnitureTags.has(ancestor.tagName)) return false
    const names = hintNames(ancestor)
    if (names.some((name) => captionName.test(name) || relatedName.test(name) || teaserName.test(name) || boilerplateStrong.test(name))) return false
    if (isNegativeName(names) && !isPositiveName(names)) return false
  }
  return true
}

/** Whether `node` (a `<figure>`) reads as the article's lead picture. */
function isLeadFigure(node: Element, parents: ReadonlyMap<Element, Element | undefined>, shared: ReadonlySet<Element>): boolean {
  if (!holdsMedia(node) || hasLink(node)) return false
  if ([...collapse(textOf(node)).trim()].length > maxFigureCaption) return false
  for (const ancestor of ancestorsOf(node, parents)) {
    if (shared.has(ancestor)) break
    if (furnitureTags.has(ancestor.tagName)) return false
    const names = hintNames(ancestor)
    if (names.some((name) => relatedName.test(name) || teaserName.test(name) || boilerplateStrong.test(name))) return false
    if (isNegativeName(names) && !isPositiveName(names)) return false
  }
  return true
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

/** Whether `node` holds an `<a>` with an `href`. */
function hasLink(node: Element): boolean {
  const stack: Array<Element> = [node]
  while (stack.length > 0) {
    const element = stack.pop()!
    for (const child of element.children) {
      if (child.type !== 'element') continue
      if (child.tagName === 'a' && child.properties.href !== undefined) return true
      stack.push(child)
    }
  }
  return false
}

/** Whether `node` holds an `<h1>`. */
function holdsHeading(node: Element): boolean {
  const stack: Array<Element> = [node]
  while (stack.length > 0) {
    const element = stack.pop()!
    for (const child of element.children) {
      if (child.type !== 'element') continue
      if (child.tagName === 'h1') return true
      stack.push(child)
    }
  }
  return false
}
