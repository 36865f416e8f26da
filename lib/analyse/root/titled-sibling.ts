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
  if (headings) {
    // Only a parent of a titled item can hold the group wanted: the breadth-first order kept among those.
    const holds = (node: Element) => headings.some((heading) => heading.ancestors.includes(node))
    for (const parent of itemParents(root, titles, headings)) {
      const found = titledGroup(parent, isTitled, holds)
      if (found !== false) return found
    }
    return undefined
  }
  let level: Array<Element> = [root]
  for (let depth = 0; depth < maxDepth && level.length > 0; depth++) {
    const next: Array<Element> = []
    for (const parent of level) {
      for (const child of parent.children) if (child.type === 'element') next.push(child)
      const found = titledGroup(parent, isTitled, holdsHeading)
      if (found !== false) return found
    }
    level = next
  }
  return undefined
}

/**
 * `titledItem`'s answer from the children of `parent`: the first group of
 * two or more element children (not headings) of one `siblingKey`, each
 * holding an `<h1>`–`<h3>` (`holds`), exactly one of them titled; the
 * titled one when its prose is large enough, else `undefined`. `false` when
 * no group is such.
 */
function titledGroup(parent: Element, isTitled: (node: Element) => boolean, holds: (node: Element) => boolean): Element | undefined | false {
  const groups = new Map<string, Array<Element>>()
  for (const child of parent.children) {
    if (child.type !== 'element' || titleHeadings.has(child.tagName)) continue
    const key = siblingKey(child)
    const group = groups.get(key)
    if (group) group.push(child)
    else groups.set(key, [child])
  }
  for (const group of groups.values()) {
    if (group.length < 2 || !group.every(holds)) continue
    const titled = group.filter((item) => isTitled(item))
    if (titled.length !== 1) continue
    let largest = 0
    for (const item of group) if (item !== titled[0]) largest = Math.max(largest, proseMass(item))
    return proseMass(titled[0]) >= largest * titledSiblingProseShare ? titled[0] : undefined
  }
  return false
}

/**
 * The elements `titledItem`'s breadth-first search would group children of
 * that have a titled child (`root` and the elements less than `maxDepth`
 * levels below it that are parents of an item above a titled heading, no
 * `<h1>`–`<h3>` between), in the order the search meets them: by depth,
 * then by document order. Told from the headings' ancestors; only the
 * children of the parents of two such elements at one depth are read.
 */
function itemParents(root: Element, titles: ReadonlyArray<string>, headings: ReadonlyArray<Headline>): Array<Element> {
  // Each parent with its line from `root` (outermost first, `root` included).
  const lines = new Map<Element, Array<Element>>()
  for (const heading of headings) {
    const rank = heading.ancestors.indexOf(root)
    if (rank < 1 || !headingMatches(heading.element, titles)) continue
    // Items at depth `rank - at` below the root; one with a heading at or below it is not titled by this one.
    for (let at = Math.max(0, rank - maxDepth); at < rank; at++) {
      if (titleHeadings.has(heading.ancestors[at].tagName)) continue
      let between = false
      for (let below = 0; below < at && !between; below++) between = titleHeadings.has(heading.ancestors[below].tagName)
      if (between) continue
      const parent = heading.ancestors[at + 1]
      if (!lines.has(parent)) lines.set(parent, heading.ancestors.slice(at + 1, rank + 1).reverse())
    }
  }
  const ordered = [...lines.values()]
  ordered.sort((a, b) => a.length - b.length || lineOrder(a, b))
  return ordered.map((line) => line[line.length - 1])
}

/** Document order of two elements of one depth given by their lines from a common top (same length, same first element). */
function lineOrder(a: ReadonlyArray<Element>, b: ReadonlyArray<Element>): number {
  let at = 0
  while (at < a.length && a[at] === b[at]) at++
  if (at === a.length) return 0
  const siblings = a[at - 1].children
  return siblings.indexOf(a[at]) - siblings.indexOf(b[at])
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
