import type {Element, Parents, Root} from 'hast'
import {selectAll} from 'hast-util-select'
import type {Plugin} from 'unified'
import {visitParents} from 'unist-util-visit-parents'
import {visit} from 'unist-util-visit'
import {cleanArticleRoot} from './extract/clean-article-root.js'
import {report} from './messages.js'
import {genericNews} from './profiles/index.js'
import {markedRoot} from './util/article-root.js'

/** Elements that never hold article text. */
const clutter = new Set([
  'script', 'style', 'noscript', 'template', 'link', 'meta', 'base', 'head', 'title',
  'form', 'button', 'input', 'select', 'textarea', 'option', 'object', 'embed', 'canvas', 'dialog'
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
      if (root) cleanArticleRoot(root)
    }
    const drop = new Set<Element>()
    const removed: Array<Range> = []

    const removeList = (profile.remove || []).join(', ')
    for (const node of removeList ? selectAll(removeList, tree) : []) {
      drop.add(node)
      const range = rangeOf(node)
      if (range) removed.push(range)
      report(file, 'promo-removed', 'Removed promo block `' + describe(node) + '`', node)
    }

    if (removed.length > 0) markSpillOver(tree, removed, drop)

    const unwrapList = (profile.unwrap || []).join(', ')
    const unwrap = new Set<Element>(unwrapList ? selectAll(unwrapList, tree) : [])

    visit(tree, function (node, index, parent) {
      if (!parent || index === undefined) return undefined
      if (node.type === 'comment' || node.type === 'doctype') {
        parent.children.splice(index, 1)
        return index
      }
      if (node.type !== 'element') return undefined
      if (drop.has(node) || clutter.has(node.tagName) || isHidden(node)) {
        parent.children.splice(index, 1)
        return index
      }
      if (unwrap.has(node)) {
        parent.children.splice(index, 1, ...node.children)
        return index
      }
      return undefined
    })
  }
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
