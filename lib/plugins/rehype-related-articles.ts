import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import {dependsOnAncestorsOnly, gatherSelectors, matches, select, selectAll} from '../util/select.js'
import type {Plugin} from 'unified'
import {report} from '../messages.js'
import {genericNews} from '../profiles/index.js'
import type {RelatedArticle, RelatedArticlesOptions} from '../types.js'
import {baseUrlOf} from '../analyse/analysis.js'
import {describeElement} from '../util/removals.js'
import {safeUrl} from '../util/safe-url.js'
import {textOf} from '../util/text.js'
import {walkParts} from '../util/walk.js'
import type {WalkPart} from '../util/walk.js'
import type {VFile} from 'vfile'

const emptyOptions: Readonly<RelatedArticlesOptions> = {}

/**
 * Keep related-article lists as clean lists of links: plain titles
 * (highlighting dropped), sponsored entries dropped, a heading taken from the
 * list's `title` attribute (or the heading right before it, or the
 * profile's). The lists are those of the profile's `related.selector` and,
 * on pages of the fallback profile, those cleaning kept
 * (`file.data.analysis.relatedLists`). By default the list moves to the end
 * of the article; `related: 'inline'` keeps it in place. The entries go to
 * `file.data.related`.
 */
export const rehypeRelatedArticles: Plugin<[(Readonly<RelatedArticlesOptions> | null | undefined)?], Root> = function (options) {
  const settings = options || emptyOptions
  return function (tree, file) {
    relatedArticles(tree, file, settings)
  }
}

/** The related lists a walk found (`locateRelated`). */
export type LocatedLists = WalkPart & {result(): Located}

interface Located {
  lists: Array<Element>
  selected: Set<Element>
  parents: Map<Element, Root | Element>
}

/**
 * The walk part that finds the related lists of `file`'s profile in `tree`
 * (see `rehypeRelatedArticles`), for `relatedArticles` to rewrite after the
 * walk; `undefined` when the profile has none. Ride it on a walk over the
 * tree as it is, or will be, when the lists are rewritten: lists the walk
 * sees that are gone by then are skipped.
 *
 * @param tree
 *   Tree.
 * @param file
 *   File (its profile, and the lists cleaning kept: `analysis.relatedLists`).
 */
export function locateRelated(tree: Root, file: VFile): LocatedLists | undefined {
  const spec = (file.data.profile || genericNews).related
  if (!spec) return undefined
  return locate(tree, spec.selector, file.data.analysis ? file.data.analysis.relatedLists : [])
}

/**
 * Rewrite the related lists (`rehypeRelatedArticles`), found by `located`
 * when given (a part of a walk that is over), else by a walk of their own.
 */
export function relatedArticles(tree: Root, file: VFile, settings: Readonly<RelatedArticlesOptions>, located?: LocatedLists | undefined): undefined {
  const profile = file.data.profile || genericNews
  const spec = profile.related
  if (!spec) return
  const base = baseUrlOf(tree, file, settings.url)
  const moved: Array<ElementContent> = []
  const all: Array<RelatedArticle> = []
  let part = located
  if (!part) {
    part = locateRelated(tree, file)!
    walkParts(tree, [part])
  }
  const found = part.result()
  const selected = found.selected

  for (const list of found.lists) {
    const attached = attachedParent(tree, list, found.parents)
    if (!attached) continue
    const parent = attached.parent
    const entries = entriesOf(list, spec.drop, base)
    const titled = String(list.properties.title || '').trim()
    // The heading right before the list is its heading only when the list
    // has no title of its own (or the same one): else it is the article's.
    const previous = previousHeading(parent, attached.index)
    const before = previous && (!titled || textOf(previous) === titled) ? previous : undefined
    const inner = list.tagName === 'ul' || list.tagName === 'ol' ? undefined : select('h2, h3, h4, h5, h6', list)
    const heading = titled || (before && textOf(before)) || (inner && textOf(inner)) || spec.heading || ''
    // The heading is the list's previous element sibling.
    if (before) parent.children.splice(parent.children.lastIndexOf(before, attached.index), 1)
    const index = before ? attached.index - 1 : attached.index
    if (entries.length === 0) {
      const named = selected.has(list) ? '`' + spec.selector + '`' : '`' + describeElement(list) + '` (kept by cleaning)'
      report(file, 'related-list-empty', 'Related list ' + named + ' has no usable links', list)
      parent.children.splice(index, 1)
      continue
    }
    all.push(...entries)
    const replacement: Array<ElementContent> = []
    if (heading) replacement.push(h('h2', heading))
    replacement.push(
      h(
        'ul',
        entries.map((entry) => h('li', [h('a', {href: entry.url}, entry.title)]))
      )
    )
    if (settings.related === 'inline') {
      parent.children.splice(index, 1, ...replacement)
    } else {
      parent.children.splice(index, 1)
      moved.push(...replacement)
    }
  }

  if (moved.length > 0) {
    const root = tree.children.length === 1 && tree.children[0].type === 'element' ? tree.children[0] : tree
    root.children.push(...(moved as Array<Element>))
  }
  if (all.length > 0) file.data.related = all
  return undefined
}

function entriesOf(list: Element, drop: string | null | undefined, base: string | undefined): Array<RelatedArticle> {
  const items = list.tagName === 'ul' || list.tagName === 'ol' ? list.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li') : [list]
  const entries: Array<RelatedArticle> = []
  for (const item of items) {
    if (drop && matches(drop, item)) continue
    const links = item === list ? selectAll('a[href]', item) : [select('a[href]', item)]
    for (const link of links) {
      if (!link || (drop && matches(drop, link))) continue
      const url = safeUrl(String(link.properties.href), base)
      const title = textOf(link)
      if (url && title) entries.push({title, url})
    }
  }
  return entries
}

/** The heading right before the child of `parent` at `at`, if any. */
function previousHeading(parent: Root | Element, at: number): Element | undefined {
  let index = at - 1
  while (index >= 0) {
    const node = parent.children[index]
    if (node.type === 'element') return /^h[2-6]$/.test(node.tagName) && textOf(node).length < 40 ? node : undefined
    if (node.type === 'text' && node.value.trim()) return undefined
    index--
  }
  return undefined
}

/**
 * The lists in `tree`, in document order: the elements matching `selector`
 * and those of `kept` (read as the walk goes: a list added before the walk
 * reaches it counts); and the parent of every element. One walk part, with
 * the selector matched in it (`gatherSelectors`) when it looks at ancestors
 * only, else a query first.
 */
function locate(tree: Root, selector: string, kept: ReadonlyArray<Element>): LocatedLists {
  const lists: Array<Element> = []
  const parents = new Map<Element, Root | Element>()
  const gathered = dependsOnAncestorsOnly(selector) ? gatherSelectors([selector]) : undefined
  const selected = new Set(gathered ? [] : selectAll(selector, tree))
  const wanted = new Set<Element>()
  let read = 0
  const matched = gathered && gathered.result().matches.get(selector)
  return {
    listener: {
      enter(element, parent, index) {
        // Lists cleaning keeps on this walk join `kept` before the walk reaches them.
        while (read < kept.length) wanted.add(kept[read++])
        // The selector listener, first, pushes the element when it matches.
        const skip = gathered && gathered.listener.enter!(element, parent, index)
        parents.set(element, parent)
        if (matched && matched[matched.length - 1] === element) selected.add(element)
        if (wanted.has(element) || selected.has(element)) lists.push(element)
        // As the selector engine, not into `<template>` (it holds no children in hast).
        return skip
      }
    },
    result: () => ({lists, selected, parents})
  }
}

/** The parent of `node` and its index there while it is still in `tree` (an earlier list may have taken it out), else `undefined`. */
function attachedParent(tree: Root, node: Element, parents: Map<Element, Root | Element>): {parent: Root | Element; index: number} | undefined {
  const parent = parents.get(node)
  const index = parent ? (parent.children as Array<unknown>).indexOf(node) : -1
  if (!parent || index === -1) return undefined
  if (parent === tree) return {parent, index}
  let child: Root | Element = parent
  let current = parents.get(parent as Element)
  while (current) {
    if (!(current.children as Array<unknown>).includes(child)) return undefined
    if (current === tree) return {parent, index}
    child = current
    current = current.type === 'element' ? parents.get(current) : undefined
  }
  return undefined
}
