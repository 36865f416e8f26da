import type {Element, Parents} from 'hast'
import type {Headline, PageIndex} from '../page-index.js'
import {shortText} from '../blocks/short-text.js'
import {proseMass} from './holds-article.js'
import {holdsElement} from '../../util/walk.js'
import {titleMatchMin, titledItemMin, titledSiblingProseShare} from '../vocabulary.js'

/** Headings an article-like block is titled by. */
const titleHeadings: ReadonlySet<string> = new Set(['h1', 'h2', 'h3'])

/** Most characters of a heading read. */
const headingMax = 400

/** Most levels above the root looked at for a run of article-like siblings. */
const maxLevels = 6

/**
 * The page's own headline as its metadata states it, folded for comparison
 * (`foldTitle`): `og:title`, `twitter:title`, and `<title>` (which may carry
 * the site name after a separator, see `matchesTitle`). Empty when the page
 * states none.
 */
export function pageTitles(index: Readonly<Pick<PageIndex, 'metas' | 'title'>>): Array<string> {
  const titles: Array<string> = []
  for (const meta of index.metas) {
    if (meta.key === 'og:title' || meta.key === 'twitter:title') titles.push(foldTitle(meta.value))
  }
  if (index.title) titles.push(foldTitle(index.title))
  return titles.filter((title) => [...title].length >= titleMatchMin)
}

/**
 * Text folded for comparing headlines: NFKC, lower case, quotes and other
 * punctuation dropped, white space collapsed.
 */
export function foldTitle(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .split(/\s/)
    .filter(Boolean)
    .join(' ')
}

/**
 * Whether a heading's text (folded) is the page's headline: equal to one of
 * `titles`, or one of them opens with it and goes on after a separator only
 * (`Headline | Site`, `Headline – Site`; the separators are dropped by
 * folding, so the rest must be shorter than the headline).
 */
export function matchesTitle(heading: string, titles: ReadonlyArray<string>): boolean {
  if ([...heading].length < titleMatchMin) return false
  return titles.some((title) => title === heading || (title.startsWith(heading + ' ') && title.length - heading.length < heading.length))
}

/**
 * When the chosen article root lies in one of a run of article-like items
 * (element siblings of the same tag and class, each with an `<h1>`–`<h3>`:
 * an archive page that prints several stories in full, a story beside the
 * next ones), the item titled by the page's headline: the one whose
 * `<h1>`–`<h3>` matches `og:title`, `twitter:title` or `<title>` (see
 * `matchesTitle`), when the root's own item is not so titled, or the root
 * spans several items. `parts` are the elements the root is made of: the
 * root itself, or the blocks a merged root wraps. The titled item must be
 * the only titled one of its run and hold at least a quarter of the root's
 * prose and `titledItemMin` of prose itself (a teaser card of the same
 * story does not replace the story, a header column with the headline does
 * not replace the body beside it).
 *
 * Reads only the parts' ancestors (six levels at most) and their siblings.
 *
 * @param root
 *   Chosen article root.
 * @param parts
 *   The root, or the page's blocks a merged root wraps (attached where they were).
 * @param parentOf
 *   Parent of an element of the page as scored (`undefined` at the top or for an unknown element).
 * @param titles
 *   `pageTitles` of the page.
 * @param headings
 *   The page's `<h1>`–`<h3>` with their ancestors as the tree still is
 *   (`PageIndex.titleHeadings`): whether an element holds a titled one is
 *   then told without a walk (optional).
 * @returns
 *   The titled item, or `undefined` to keep `root`.
 */
export function titledSibling(
  root: Element,
  parts: ReadonlyArray<Element>,
  parentOf: (node: Element) => Parents | undefined,
  titles: ReadonlyArray<string>,
  headings?: ReadonlyArray<Headline> | undefined
): Element | undefined {
  if (titles.length === 0) return undefined
  const titledCache = new Map<Element, boolean>()
  const isTitled = titledTest(titles, headings)
  const titled = (node: Element) => {
    let value = titledCache.get(node)
    if (value === undefined) titledCache.set(node, (value = isTitled(node)))
    return value
  }
  const items = new Set<Element>()
  let target: Element | undefined
  for (const part of parts) {
    const found = itemOf(part, parentOf, titled)
    if (!found) continue
    if (target && found.target !== target) return undefined
    target = found.target
    items.add(found.item)
  }
  if (!target || (items.size === 1 && items.has(target))) return undefined
  // The root's own items must be article-like too (titled by another headline).
  for (const item of items) if (item !== target && !holdsHeading(item)) return undefined
  const prose = proseMass(target)
  return prose >= titledItemMin && prose >= proseMass(root) * titledSiblingProseShare ? target : undefined
}

/**
 * Walk up from `node` (six levels at most, below `<body>`) to the first
 * element with siblings of the same tag and class (a run) exactly one of
 * which (it or another) is titled: that element (`item`) and the titled
 * one (`target`). Stops empty-handed at an element that is titled itself
 * outside such a run.
 */
function itemOf(node: Element, parentOf: (node: Element) => Parents | undefined, titled: (node: Element) => boolean): {item: Element; target: Element} | undefined {
  let current = node
  for (let level = 0; level < maxLevels; level++) {
    const parent = parentOf(current)
    if (!parent || parent.type !== 'element' || parent.tagName === 'body' || parent.tagName === 'html') return undefined
    const key = siblingKey(current)
    const run = parent.children.filter((child): child is Element => child.type === 'element' && siblingKey(child) === key)
    if (run.length > 1) {
      const marked = run.filter((child) => titled(child))
      if (marked.length === 1) return {item: current, target: marked[0]}
    }
    if (titled(current)) return undefined
    current = parent
  }
  return undefined
}

/** Most levels below the root looked at for a run of article-like items. */
const maxDepth = 4

/**
 * When the chosen article root holds a run of article-like items (two or
 * more element siblings of the same tag and class, each with an
 * `<h1>`–`<h3>`; an archive page that prints several stories in full), the
 * item titled by the page's headline (see `titledSibling`), if exactly one
 * is and it holds at least a quarter of the prose of the largest other
 * item. Looks at most four levels down, breadth first.
 *
 * @param root
 *   Chosen article root.
 * @param titles
 *   `pageTitles` of the page.
 * @param headings
 *   `PageIndex.titleHeadings`, as for `titledSibling` (optional).
 * @returns
 *   The titled item, or `undefined` to keep `root`.
 */
export function titledItem(root: Element, titles: ReadonlyArray<string>, headings?: ReadonlyArray<Headline> | undefined): Element | undefined {
  if (titles.length === 0) return undefined
  const isTitled = titledTest(titles, headings)
  let level: Array<Element> = [root]
  for (let depth = 0; depth < maxDepth && level.length > 0; depth++) {
    const next: Array<Element> = []
    for (const parent of level) {
      const groups = new Map<string, Array<Element>>()
      for (const child of parent.children) {
        if (child.type !== 'element') continue
        next.push(child)
        if (titleHeadings.has(child.tagName)) continue
        const key = siblingKey(child)
        const group = groups.get(key)
        if (group) group.push(child)
        else groups.set(key, [child])
      }
      for (const group of groups.values()) {
        if (group.length < 2 || !group.every(holdsHeading)) continue
        const titled = group.filter((item) => isTitled(item))
        if (titled.length !== 1) continue
        let largest = 0
        for (const item of group) if (item !== titled[0]) largest = Math.max(largest, proseMass(item))
        return proseMass(titled[0]) >= largest * titledSiblingProseShare ? titled[0] : undefined
      }
    }
    level = next
  }
  return undefined
}

/** Whether `node` holds an `<h1>`–`<h3>`. */
function holdsHeading(node: Element): boolean {
  return holdsElement(node, (child) => titleHeadings.has(child.tagName))
}

/** Tag name and classes: siblings that share them are items of one run. */
function siblingKey(node: Element): string {
  const className = node.properties.className
  return node.tagName + ' ' + (Array.isArray(className) ? className.join(' ') : '')
}

/**
 * Whether an element holds an `<h1>`–`<h3>` (or is one) whose text is the
 * page's headline; not one inside another such heading (the search does not
 * go into headings). With `headings` (the page's, with their ancestors),
 * told from the titled ones among them (each heading's text read once, when
 * first asked); else by a search of the element.
 */
function titledTest(titles: ReadonlyArray<string>, headings: ReadonlyArray<Headline> | undefined): (node: Element) => boolean {
  if (!headings) return (node) => searchTitled(node, titles)
  let titled: Array<Headline> | undefined
  return function (node) {
    titled ??= headings.filter((heading) => headingMatches(heading.element, titles))
    for (const heading of titled) {
      if (heading.element === node) return true
      const rank = heading.ancestors.indexOf(node)
      if (rank < 0) continue
      // A heading between (or `node` itself) stops the search before this one.
      let between = false
      for (let at = 0; at <= rank && !between; at++) between = titleHeadings.has(heading.ancestors[at].tagName)
      if (!between) return true
    }
    return false
  }
}

/** Whether the text of `heading` is the page's headline. */
function headingMatches(heading: Element, titles: ReadonlyArray<string>): boolean {
  return matchesTitle(foldTitle(shortText(heading, headingMax) ?? ''), titles)
}

/** Whether `node` holds an `<h1>`–`<h3>` (or is one) whose text is the page's headline: a search of its subtree. */
function searchTitled(node: Element, titles: ReadonlyArray<string>): boolean {
  const stack: Array<Element> = [node]
  while (stack.length > 0) {
    const element = stack.pop()!
    if (titleHeadings.has(element.tagName)) {
      if (headingMatches(element, titles)) return true
      continue
    }
    for (const child of element.children) if (child.type === 'element') stack.push(child)
  }
  return false
}
