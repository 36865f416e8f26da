import type {Element, ElementContent, Root} from 'hast'
import {toString} from 'hast-util-to-string'
import {hintNames, isNegativeName, unlikelyLevel} from '../blocks/hints.js'
import {isCommentHeading, isRelatedHeading, sectionHeading} from '../blocks/section-heading.js'
import {relatedLinkDensity, relatedName} from '../vocabulary.js'
import {isCommentNamed} from '../clean/boilerplate.js'

/** One block of the article container before or after the root (`articleHead`, `articleTail`), with its parent. */
export interface TailBlock {
  node: Element
  parent: Root | Element
}

/** What becomes of a tail block: kept as a related list (`heading`: a heading sibling that titles it), or removed by the named rule. */
export type TailVerdict = {keep: true; heading?: Element | undefined} | {keep: false; rule: OutsideRule}

/** Share of a tail block's text in links from which it is furniture (teasers, tag rows), not article text. */
const furnitureLinkDensity = 0.2

/** Headings that can title the list right after them. */
const headingTag = /^h[2-6]$/

/** The root and its ancestors below the article container, each with its parent (innermost first), or `undefined` when no `<article>` holds `root`. */
export function articleLevels(root: Element, parentOf: (node: Element) => Root | Element | undefined): Array<TailBlock> | undefined {
  const levels: Array<TailBlock> = []
  let node = root
  let parent = parentOf(node)
  while (parent && parent.type === 'element') {
    levels.push({node, parent})
    if (parent.tagName === 'article') return levels
    node = parent
    parent = parentOf(node)
  }
  return undefined
}

/**
 * The element blocks of the article container (the nearest `<article>`
 * holding `root`) that come after `root`: the siblings after the root, then
 * those after each of its ancestors up to the container, in document order.
 * `undefined` when no `<article>` holds `root` (a sidebar beside the
 * article is never part of it). Reads the parents only (`parentOf`, as a
 * walk saw them), not the tree above the root.
 *
 * @param root
 *   Article root.
 * @param parentOf
 *   Parent of an element, `undefined` when not known.
 */
export function articleTail(root: Element, parentOf: (node: Element) => Root | Element | undefined): Array<TailBlock> | undefined {
  const levels = articleLevels(root, parentOf)
  if (!levels) return undefined
  const tail: Array<TailBlock> = []
  for (const level of levels) {
    const children = level.parent.children
    for (let index = children.indexOf(level.node) + 1; index < children.length; index++) {
      const child = children[index]
      if (child.type === 'element') tail.push({node: child, parent: level.parent})
    }
  }
  return tail
}

/**
 * The element blocks of the article container (the nearest `<article>`
 * holding `root`) that come before `root`, in document order: those before
 * the outermost ancestor of the root inside the container first, the
 * siblings right before the root last. `undefined` as for `articleTail`.
 *
 * @param root
 *   Article root.
 * @param parentOf
 *   Parent of an element, `undefined` when not known.
 */
export function articleHead(root: Element, parentOf: (node: Element) => Root | Element | undefined): Array<TailBlock> | undefined {
  const levels = articleLevels(root, parentOf)
  if (!levels) return undefined
  const head: Array<TailBlock> = []
  for (const level of levels.reverse()) {
    const children = level.parent.children
    const end = children.indexOf(level.node)
    for (let index = 0; index < end; index++) {
      const child = children[index]
      if (child.type === 'element') head.push({node: child, parent: level.parent})
    }
  }
  return head
}

/**
 * Judge each block of `tail` (`articleTail`): a related list (named
 * `related` or headed as one, `isRelatedHeading`, with a share of its text
 * in links of at least `relatedLinkDensity`) is kept, with the heading
 * sibling right before it that titles it; a block named or headed as
 * comments goes as `comment-thread`; any other as `outside-root`.
 *
 * @returns
 *   One verdict per block of `tail`, in order (a heading kept with its list
 *   is judged `outside-root` only when no list follows it).
 */
export function judgeTail(tail: ReadonlyArray<TailBlock>): Array<TailVerdict> {
  const verdicts: Array<TailVerdict> = []
  for (const [index, {node, parent}] of tail.entries()) {
    const before = index > 0 ? tail[index - 1] : undefined
    const links = linksOf(node)
    const titled = before && before.parent === parent && headingTag.test(before.node.tagName) && isRelatedHeading(collapsed(before.node), links.count) ? before.node : undefined
    if ((titled || isRelated(node, links.count)) && links.density >= relatedLinkDensity) {
      // The heading before it was judged on its own: it goes with the list.
      if (titled) verdicts[index - 1] = {keep: true}
      verdicts.push({keep: true, heading: titled})
      continue
    }
    verdicts.push({keep: false, rule: outsideRule(node, links.density)})
  }
  return verdicts
}

/**
 * Judge each block of `head` (`articleHead`): none is kept (a related list
 * before the article is furniture), a block named or headed as comments
 * goes as `comment-thread`, furniture (see `judgeTail`) as
 * `outside-root-furniture`, any other as `outside-root`.
 *
 * @returns
 *   The rule of each block of `head`, in order.
 */
export function judgeHead(head: ReadonlyArray<TailBlock>): Array<OutsideRule> {
  return head.map(({node}) => outsideRule(node, linksOf(node).density))
}

/** The rule a block of the article container outside the root is removed by. */
export type OutsideRule = 'comment-thread' | 'outside-root' | 'outside-root-furniture'

function outsideRule(node: Element, density: number): OutsideRule {
  const heading = sectionHeading(node)
  const comment = isCommentNamed(node) || (heading !== undefined && isCommentHeading(heading))
  return comment ? 'comment-thread' : furniture(node, density) ? 'outside-root-furniture' : 'outside-root'
}

/** Whether a tail block is page furniture: a `nav`, `aside` or `footer`, named as furniture, or a fifth of its text in links (teasers, a tag row). */
function furniture(node: Element, density: number): boolean {
  return density >= furnitureLinkDensity || unlikelyLevel(node) > 0 || isNegativeName(hintNames(node))
}

function isRelated(node: Element, links: number): boolean {
  if (hintNames(node).some((name) => relatedName.test(name))) return true
  const heading = sectionHeading(node)
  return heading !== undefined && isRelatedHeading(heading, links)
}

/**
 * The links of `node` (`<a>` elements, not nested) and the share of its text
 * (white space aside) in them (`0` without text), read in one walk: every
 * text node counts, as in `toString`; those below a link count for it too.
 */
function linksOf(node: Element): {count: number; density: number} {
  let text = 0
  let count = 0
  let inLinks = 0
  // Each entry: a node and whether it is inside a link.
  const stack: Array<[ElementContent, boolean]> = [[node, false]]
  while (stack.length > 0) {
    const [current, linked] = stack.pop()!
    if (current.type === 'text') {
      const length = squashed(current.value).length
      text += length
      if (linked) inLinks += length
      continue
    }
    if (current.type !== 'element') continue
    const link = linked || current.tagName === 'a'
    if (!linked && link) count++
    for (const child of current.children) stack.push([child, link])
  }
  return {count, density: text === 0 ? 0 : inLinks / text}
}

function collapsed(node: Element): string {
  return toString(node).replace(/\s+/g, ' ').trim()
}

function squashed(value: string): string {
  return value.replace(/\s+/g, '')
}

/** Whether a block of the article container outside the root is page furniture (see `judgeTail`). */
export function isContainerFurniture(node: Element): boolean {
  return furniture(node, linksOf(node).density)
}
