import type {Element, ElementContent, Parents, Root} from 'hast'
import {selectAll} from './util/select.js'
import type {Plugin} from 'unified'
import {visitParents} from 'unist-util-visit-parents'
import {cleanArticleRoot} from './extract/clean-article-root.js'
import {isHidden as isHiddenNode} from './extract/hints.js'
import {noteMedia, noteMediaIn} from './media/note.js'
import {holdsMedia, isMedia, mediaIn} from './media/tags.js'
import {report} from './messages.js'
import {genericNews} from './profiles/index.js'
import {markedRoot} from './util/article-root.js'

/**
 * Elements that never hold article text. `<noscript>` goes unless it holds
 * an image or embed (`rehypeNormalizeMedia` then resolves it); `<object>`
 * and `<embed>` stay for `rehypeNormalizeMedia` to judge.
 */
const clutter = new Set([
  'script', 'style', 'noscript', 'template', 'link', 'meta', 'base', 'head', 'title',
  'form', 'button', 'input', 'select', 'textarea', 'option', 'canvas', 'dialog'
])

type Range = [number, number]

/**
 * Remove promo and clutter: the profile's `remove` blocks and their parser
 * spill-over (formatting elements the HTML parser re-opened after a removed
 * block, such as the second promo paragraph of a `<b>` left open across
 * `</p>`), scripts, styles, forms, comments and hidden elements. The
 * profile's `unwrap` elements (auto tag links, keyword affiliate links) are
 * replaced by their children: no word inside a sentence is ever deleted.
 * With the generic profile, boilerplate blocks inside the root (share bars,
 * comments, newsletter boxes, teasers) found by their hints go too.
 */
export const rehypeRemovePromos: Plugin<[], Root> = function () {
  return function (tree, file) {
    const profile = file.data.profile || genericNews
    // Pages no site profile knows also lose boilerplate found by its hints.
    if (profile === genericNews) {
      const root = markedRoot(tree)
      if (root) {
        // Images and embeds the cleaning heuristics take out are recorded.
        const before = mediaWithin(root)
        cleanArticleRoot(root)
        const after = new Set(mediaIn(root))
        for (const [node, hidden] of before) if (!after.has(node)) noteMedia(file, node, hidden ? 'hidden' : 'boilerplate')
      }
    }
    const drop = new Set<Element>()
    const removed: Array<Range> = []

    const removeList = (profile.remove || []).join(', ')
    for (const node of removeList ? selectAll(removeList, tree) : []) {
      drop.add(node)
      noteMediaIn(file, node, 'promo')
      const range = rangeOf(node)
      if (range) removed.push(range)
      report(file, 'promo-removed', 'Removed promo block `' + describe(node) + '`', node)
    }

    if (removed.length > 0) markSpillOver(tree, removed, drop)

    const unwrapList = (profile.unwrap || []).join(', ')
    const unwrap = new Set<Element>(unwrapList ? selectAll(unwrapList, tree) : [])

    // Rebuild each children list once (splicing one by one is quadratic on
    // long lists); unwrapped elements' children are judged in their place.
    const stack: Array<Root | Element> = [tree]
    while (stack.length > 0) {
      const parent = stack.pop()!
      const kept: Array<ElementContent> = []
      const pending = [...(parent.children as Array<ElementContent>)].reverse()
      while (pending.length > 0) {
        const node = pending.pop()!
        if (node.type === 'comment') continue
        if (node.type === 'element') {
          if (drop.has(node)) continue
          if ((clutter.has(node.tagName) && !(node.tagName === 'noscript' && holdsMedia(node))) || isHidden(node)) {
            noteMediaIn(file, node, isHidden(node) ? 'hidden' : 'clutter')
            continue
          }
          if (unwrap.has(node)) {
            for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index])
            continue
          }
          stack.push(node)
        }
        kept.push(node)
      }
      parent.children = kept as typeof parent.children
    }
  }
}

/** Media elements under `root` in document order, each with whether it or an ancestor is hidden. */
function mediaWithin(root: Element): Map<Element, boolean> {
  const found = new Map<Element, boolean>()
  const stack: Array<[Element, boolean]> = [[root, false]]
  while (stack.length > 0) {
    const [node, hiddenAbove] = stack.pop()!
    const hidden = hiddenAbove || isHiddenNode(node)
    if (node !== root && isMedia(node)) {
      found.set(node, hidden)
      continue
    }
    for (let index = node.children.length - 1; index >= 0; index--) {
      const child = node.children[index]
      if (child.type === 'element') stack.push([child, hidden])
    }
  }
  return found
}

/**
 * Mark elements the parser re-opened (their start tag lies before their
 * parent's, inside a removed block), and paragraphs holding nothing else.
 */
function markSpillOver(tree: Root, removed: Array<Range>, drop: Set<Element>): void {
  visitParents(tree, 'element', function (node, ancestors) {
    const parent = ancestors[ancestors.length - 1]
    if (!isReopened(node, parent, removed)) return
    drop.add(node)
    if (parent && parent.type === 'element' && onlyChild(parent, node)) drop.add(parent)
  })
}

function isReopened(node: Element, parent: Parents | undefined, removed: Array<Range>): boolean {
  const start = node.position && node.position.start.offset
  const parentStart = parent && parent.type === 'element' && parent.position ? parent.position.start.offset : undefined
  if (start === undefined || parentStart === undefined || start >= parentStart) return false
  return removed.some(([from, to]) => start >= from && start < to)
}

function onlyChild(parent: Element, node: Element): boolean {
  return parent.children.every((child) => child === node || (child.type === 'text' && !child.value.trim()))
}

function rangeOf(node: Element): Range | undefined {
  const position = node.position
  if (!position || position.start.offset === undefined || position.end.offset === undefined) return undefined
  return [position.start.offset, position.end.offset]
}

/** `tag.class#id`, for messages. */
function describe(node: Element): string {
  const className = Array.isArray(node.properties.className) ? node.properties.className.map((c) => '.' + String(c)).join('') : ''
  const id = node.properties.id ? '#' + String(node.properties.id) : ''
  return node.tagName + className + id
}

function isHidden(node: Element): boolean {
  const style = node.properties.style
  return (
    node.properties.hidden === true ||
    (typeof style === 'string' && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style))
  )
}
