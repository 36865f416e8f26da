import type {Element, ElementContent, Root} from 'hast'
import {toString} from 'hast-util-to-string'
import type {Plugin} from 'unified'
import type {WalkListener} from '../util/walk.js'

// `u` becomes emphasis in `hast-util-to-mdast` too.
const kinds: Record<string, 'strong' | 'emphasis' | undefined> = {b: 'strong', strong: 'strong', i: 'emphasis', em: 'emphasis', u: 'emphasis'}

/** Inline wrappers that show nothing when empty. */
const inert = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'tt',
  'u',
  'var'
])

/** Elements that are only their flow content in Markdown. */
const wrappers = new Set(['html', 'body', 'main', 'article', 'section', 'div'])

/** Children per parent above which they are grouped (see below). */
const maxChildren = 10_000

/** Flow elements: a group holding one of them is a `div`, else a `span`. */
const flow = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'div',
  'dl',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul'
])

/**
 * Unwrap formatting nested in formatting of the same kind (`<b>` in
 * `<strong>`, `<i>` or `<u>` in `<em>`), `<span>`s, which carry nothing
 * Markdown can show, and paragraphs holding nothing but white space
 * (`<p>&nbsp;</p>` spacers); drop empty inline wrappers (`<b></b>`) and
 * merge the text runs this leaves side by side; unwrap `<code>` without
 * text (Markdown has no empty code span: it would print two stray backticks
 * and drop an image inside). Keeps serialisation linear
 * on pages that nest formatting deeply or repeat empty wrappers thousands
 * of times (the white-space pass of `hast-util-to-mdast` is quadratic in
 * runs of them). A parent with more than 10,000 children has them grouped
 * in `div`s (`span`s in phrasing) of 10,000, which Markdown does not show:
 * `hast-util-to-mdast` spreads a parent's converted children into one call
 * (`push(...children)`), which overflows the stack at a few 100,000.
 */
export const rehypeCollapseFormatting: Plugin<[], Root> = function () {
  return function (tree) {
    collapseFormatting(tree)
  }
}

/** An element the collapse kept, with the elements above it (root first, as `unist-util-visit-parents` gives them). */
export type KeptElement = [Element, Array<Root | Element>]

/** A node the collapse is to go into (`into`: an element), or, for its observer, to tell (a text or comment) or leave (an element). */
interface Task {
  node: ElementContent
  parent: Root | Element
  index: number
  into: boolean
}

/** A parent the collapse went into, with the parent above it and its place there. */
interface Chain {
  node: Root | Element
  up: Chain | undefined
  index: number
}

/**
 * A pass over one parent's children that a walk runs before it reads them
 * (`collapseFormatting`'s `step`): it changes `children` in place (a copy
 * of `parent.children`, written back into that array when the step returns
 * `true`) and gives `into` each element left there whose children it is to
 * be run on next. It must not change anything else, and what it reads below
 * `parent` must not depend on the order parents are stepped in (the walk is
 * top-down, not in document order).
 *
 * @returns
 *   Whether it changed `children`.
 */
export type ChildrenStep = (parent: Root | Element, children: Array<ElementContent>, into: (element: Element) => undefined | void) => boolean | undefined | void

/**
 * Collapse formatting in `tree` (`rehypeCollapseFormatting`). On the way,
 * the kept elements named in `collect` are gathered with their ancestors,
 * for a later step to work on them without a walk of its own.
 *
 * @param tree
 *   Tree, changed in place.
 * @param collect
 *   Tag names to gather (default: none).
 * @param step
 *   A pass run on the children of the tree and of each element it goes
 *   into, before the collapse reads them: the collapse sees the tree as
 *   if the pass had walked it whole first (default: none).
 * @param observer
 *   Told of the tree the collapse leaves, in document order, as a shared
 *   walk's listener would be (`walkShared`): an element once its children
 *   are collapsed (the subtree below them not yet: its `enter` must not
 *   change the tree, and its result is ignored), then its subtree, then
 *   that it is left (default: none).
 * @returns
 *   The gathered elements in document order, or `undefined` when a parent
 *   had its children grouped (the ancestors gathered are not those left).
 */
export function collapseFormatting(tree: Root, collect?: ReadonlySet<string> | undefined, step?: ChildrenStep | undefined, observer?: WalkListener | undefined): Array<KeptElement> | undefined {
  // Elements whose children the step is to be run on (as it said), and the
  // children it left those it was run on (read from here, not through
  // their `children` again).
  const stepped = new Map<Element, Array<ElementContent> | undefined>()
  const into = (element: Element) => void stepped.set(element, undefined)
  /** The children of `element` as the collapse reads them: stepped first when the step goes into it. */
  const childrenOf = (element: Element): Array<ElementContent> => {
    if (!step || !stepped.has(element)) return element.children
    let list = stepped.get(element)
    if (list === undefined) {
      list = [...element.children]
      if (step(element, list, into)) refill(element.children, list)
      stepped.set(element, list)
    }
    return list
  }
  let top: Array<ElementContent> = tree.children as Array<ElementContent>
  if (step) {
    const list = [...top]
    if (step(tree, list, into)) refill(top, list)
    top = list
  }
  // The article root and its wrappers show nothing of their own: the root
  // of the tree takes their children (`hast-util-to-mdast` returns an
  // unwrapped element's children as one list, spread into its parent's).
  while (top.length === 1 && top[0].type === 'element' && wrappers.has(top[0].tagName)) top = childrenOf(top[0])
  if (top !== tree.children) tree.children = top as typeof tree.children
  const gathered: Array<[Element, Chain]> = []
  let grouped = false
  // Elements kept and not yet gone into: whether they are in strong and in emphasis, and their place.
  const waiting = new Map<Element, [boolean, boolean, Chain]>()
  // What is left to do, next last: go into an element (collapse its children, then tell it), tell a text or comment, leave an element.
  const stack: Array<Task> = []
  /** Collapse the children of `parent` (read from `list`, which is reversed) and put them in its place. */
  const build = (parent: Root | Element, list: Array<ElementContent>, inStrong: boolean, inEmphasis: boolean, chain: Chain): Array<ElementContent> => {
    const children: Array<ElementContent> = []
    // Reversed, so `pop` takes the next child and unwrapping pushes in order
    // (a stepped list is this walk's own copy: reversed in place).
    const pending = list.reverse()
    while (pending.length > 0) {
      const child = pending.pop()!
      if (child.type !== 'element') {
        const previous = children[children.length - 1]
        if (child.type === 'text' && previous && previous.type === 'text') {
          const position = previous.position && child.position ? {start: previous.position.start, end: child.position.end} : undefined
          children[children.length - 1] = {type: 'text', value: previous.value + child.value, position}
        } else children.push(child)
        continue
      }
      const below = childrenOf(child)
      if (below.length === 0 && inert.has(child.tagName)) continue
      if (child.tagName === 'code') {
        // No text (white space, an image): Markdown has no code span for it
        // (it prints two stray backticks, and drops the image).
        if (!toString({...child, children: below}).trim()) {
          for (let index = below.length - 1; index >= 0; index--) pending.push(below[index])
          continue
        }
      }
      const kind = kinds[child.tagName]
      const redundant = (kind === 'strong' && inStrong) || (kind === 'emphasis' && inEmphasis) || (child.tagName === 'span' && Object.keys(child.properties).length === 0)
      if (redundant) {
        for (let index = below.length - 1; index >= 0; index--) pending.push(below[index])
        continue
      }
      if (child.tagName === 'p' && isBlank(below)) continue
      // Elements before it in `children` stay where they are (only a last text is merged).
      children.push(child)
      const chained: Chain = {node: child, up: chain, index: children.length - 1}
      if (collect && collect.has(child.tagName)) gathered.push([child, chained])
      waiting.set(child, [inStrong || kind === 'strong', inEmphasis || kind === 'emphasis', chained])
    }
    if (children.length > maxChildren) grouped = true
    const final = children.length > maxChildren ? group(children) : children
    parent.children = final as typeof parent.children
    return final
  }
  /** Plan going into the elements of `list` (the children of `parent`) in order, and, for the observer, telling its other nodes. */
  const plan = (parent: Root | Element, list: ReadonlyArray<ElementContent>) => {
    for (let index = list.length - 1; index >= 0; index--) {
      const node = list[index]
      if (node.type === 'element') stack.push({node, parent, index, into: true})
      else if (observer) stack.push({node, parent, index, into: false})
    }
  }
  plan(tree, build(tree, [...top], false, false, {node: tree, up: undefined, index: 0}))
  while (stack.length > 0) {
    const {node, parent, index, into} = stack.pop()!
    if (!into) {
      if (node.type === 'element') observer!.leave?.(node)
      else if (node.type === 'text') observer!.text?.(node, parent)
      else if (node.type === 'comment') observer!.comment?.(node, parent)
      continue
    }
    const element = node as Element
    const state = waiting.get(element)
    // A group made for a parent of too many children has them collapsed already.
    let list: ReadonlyArray<ElementContent> = element.children
    if (state) {
      waiting.delete(element)
      list = build(element, stepped.get(element) || [...element.children], ...state)
    }
    if (observer) {
      observer.enter?.(element, parent, index)
      stack.push({node: element, parent, index, into: false})
    }
    plan(element, list)
  }
  if (grouped) return undefined
  // The parents are gone into last child first: document order is the order of the places' paths.
  const kept = gathered.map(([node, chain]): [Element, Chain, Array<number>] => [node, chain.up!, pathOf(chain)])
  kept.sort((a, b) => comparePaths(a[2], b[2]))
  return kept.map(([node, chain]) => [node, ancestorsOf(chain)])
}

/** Put `list` in `target`'s place, in the same array (an array shared with a node outside the tree, such as a cell of an unwrapped layout table, changes with it). */
function refill(target: Array<unknown>, list: ReadonlyArray<unknown>): void {
  target.length = 0
  for (const item of list) target.push(item)
}

/** The place of `chain`'s node: its index in each parent, from the root's child down. */
function pathOf(chain: Chain): Array<number> {
  const path: Array<number> = []
  for (let at: Chain | undefined = chain; at && at.up; at = at.up) path.push(at.index)
  return path.reverse()
}

/** Preorder: a prefix (an ancestor) first, else by the first place that differs. */
function comparePaths(a: Array<number>, b: Array<number>): number {
  const length = Math.min(a.length, b.length)
  for (let at = 0; at < length; at++) if (a[at] !== b[at]) return a[at] - b[at]
  return a.length - b.length
}

function ancestorsOf(chain: Chain): Array<Root | Element> {
  const ancestors: Array<Root | Element> = []
  for (let at: Chain | undefined = chain; at; at = at.up) ancestors.push(at.node)
  return ancestors.reverse()
}

function group(children: Array<ElementContent>): Array<ElementContent> {
  const groups: Array<ElementContent> = []
  for (let start = 0; start < children.length; start += maxChildren) {
    const part = children.slice(start, start + maxChildren)
    const tagName = part.some((child) => child.type === 'element' && flow.has(child.tagName)) ? 'div' : 'span'
    groups.push({type: 'element', tagName, properties: {}, children: part})
  }
  return groups.length > maxChildren ? group(groups) : groups
}

/** Whether a paragraph's children are only white space (nbsp included) and no other element. */
function isBlank(children: Array<ElementContent>): boolean {
  return children.every((child) => (child.type === 'text' && !/[^\s\u00a0\u3000]/.test(child.value)) || child.type === 'comment')
}
