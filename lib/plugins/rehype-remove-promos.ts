import type {Element, ElementContent, Parents, Root} from 'hast'
import {dependsOnAncestorsOnly, gatherSelectors, selectTable} from '../util/select.js'
import {walkParts, walkShared} from '../util/walk.js'
import type {WalkListener, WalkPart} from '../util/walk.js'
import type {VFile} from 'vfile'
import type {Plugin} from 'unified'
import {cleaningListener, gatherCleaningFacts} from '../analyse/clean/clean-article-root.js'
import type {CleaningFacts} from '../analyse/clean/clean-article-root.js'
import {isHidden as isHiddenNode} from '../analyse/blocks/hints.js'
import {mediaMarksListener, noteMedia, noteMediaIn} from '../media/note.js'
import type {MediaMarks} from '../media/note.js'
import {holdsMedia, isMedia} from '../media/tags.js'
import {report} from '../messages.js'
import {usesFallbackProfile} from '../analyse/analysis.js'
import {genericNews} from '../profiles/index.js'
import {createRemovalLog} from '../util/removal-log.js'
import {describeElement} from '../util/removals.js'
import type {RemovalRule} from '../analyse/clean/clean-article-root.js'
import {toString} from 'hast-util-to-string'
import {measureText} from '../analyse/blocks/measure-text.js'
import {restoreChildren} from '../util/children-snapshot.js'
import type {ChildrenSnapshot} from '../util/children-snapshot.js'
import {sourceSpan, sourceStart} from '../util/source-order.js'
import {inlineShape} from '../analyse/blocks/inline-runs.js'
import {isContentLike} from '../analyse/blocks/prose.js'
import {withElementRecords} from '../analyse/blocks/element-records.js'

/**
 * Elements that never hold article text. `<noscript>` goes unless it holds
 * an image or embed (`rehypeNormalizeMedia` then resolves it); `<object>`
 * and `<embed>` stay for `rehypeNormalizeMedia` to judge.
 */
const clutter = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta', 'base', 'head', 'title', 'form', 'button', 'input', 'label', 'select', 'textarea', 'option', 'canvas', 'dialog'])

/** Clutter whose content a reader never sees: removed without a record. */
const invisible = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta', 'base', 'head', 'title'])

type Range = [number, number]

/**
 * Remove promo and clutter: the profile's `remove` blocks and their parser
 * spill-over (formatting elements the HTML parser re-opened after a removed
 * block, such as the second promo paragraph of a `<b>` left open across
 * `</p>`), scripts, styles, forms, comments and hidden elements. The
 * profile's `unwrap` elements (auto tag links, keyword affiliate links) are
 * replaced by their children: no word inside a sentence is ever deleted.
 * With the generic profile, boilerplate blocks inside the root (share bars,
 * comments, newsletter boxes, teasers) found by their hints go too, unless
 * that would leave the root without text or image: then the root stays
 * uncleaned (when it held article-like text) and `suspect-root` flags the
 * page for review. A form that is
 * the root or holds most of its text (a product page, an ASP.NET page) is
 * kept; its controls and labels go.
 *
 * Everything removed from inside the article root that a reader could see
 * is recorded on `file.data.removals`: the text of each removed block with
 * its rule (`profile-remove`, `promo-spill-over`, `form`,
 * `furniture-element`, `hidden`, and the rules of `cleanArticleRoot`),
 * content-like text also reported as `dropped-content` (see
 * `createRemovalLog`); the images and embeds in it by the media notes
 * (`noteMedia`, `dropped-image`, `dropped-embed`).
 */
export const rehypeRemovePromos: Plugin<[], Root> = function () {
  return function (tree, file) {
    removePromos(tree, file)
  }
}

/**
 * Remove promo and clutter from `tree` (`rehypeRemovePromos`). `ride`, when
 * given, is asked for parts to ride on the walk that finds the profile's
 * blocks (see `walkParts`, they must not change the tree): they see the
 * tree as cleaned (the cleaning, first on that walk, judges each child
 * before they hear of it, see `cleaningListener`: a block it removes leaves
 * an empty text in its place until the walk leaves its parent, and they
 * still hear of the comments it removes) and before the blocks go. When
 * the cleaning is undone (`suspect-root`), `ride` is asked again, for a
 * second walk over the root as it was.
 */
export function removePromos(tree: Root, file: VFile, ride?: (() => ReadonlyArray<WalkPart>) | undefined): undefined {
  const profile = file.data.profile || genericNews
  const log = createRemovalLog(file)
  const analysis = file.data.analysis
  // Removals are recorded inside the root (after pruning, the whole tree);
  // without one (the plugin used alone), everywhere.
  const root = analysis && analysis.root
  // The profile's `remove` and `unwrap` blocks and the parser's spill-over
  // of the removed ones, found in one walk.
  const removeList = (profile.remove || []).join(', ')
  const unwrapList = (profile.unwrap || []).join(', ')
  // Pages no site profile knows also lose boilerplate found by its hints,
  // cleaned on that walk.
  const cleaning = analysis && root && usesFallbackProfile(file) ? cleanOnWalk(root, analysis) : undefined
  let found = findPromos(tree, removeList, unwrapList, ride ? ride() : [], cleaning)
  if (cleaning) {
    const {before, snapshot, parents, facts, removed} = cleaning.done()
    // Cleaning that would leave no text nor image is undone: the root
    // stays uncleaned and the page is flagged for review.
    if (removed.length > 0 && !cleaning.holds() && isContentLike(inlineShape({...root!, children: snapshot.get(root!)!}))) {
      restoreChildren(snapshot)
      report(
        file,
        'suspect-root',
        'Cleaning would have removed everything from the chosen article root (' +
          removed.length +
          ' blocks, first `' +
          describeElement(removed[0][0]) +
          '`, rule `' +
          removed[0][1] +
          '`): kept it uncleaned',
        root
      )
      // The walk saw the cleaned root: again, over the root as it was.
      found = findPromos(tree, removeList, unwrapList, ride ? ride() : [], undefined)
    } else {
      // The blocks' shapes the rules read are in the records (see `CleaningFacts`).
      withElementRecords(facts.records, () => {
        for (const [node, rule] of removed) log.note(node, rule)
      })
      // The media that went are those inside a removed block (cleaning
      // removes whole blocks).
      const gone = new Set<Element>()
      for (const [node] of removed) gone.add(node)
      for (const [node, hidden] of before) if (isWithin(node, gone, parents)) noteMedia(file, node, hidden ? 'hidden' : 'boilerplate')
    }
  }
  // Each removed element with the rule that removes it.
  const drop = new Map<Element, string>()
  const removed: Array<Range> = []

  for (const node of found.removed) {
    drop.set(node, 'profile-remove')
    noteMediaIn(file, node, 'promo', found.marks)
    const range = rangeOf(node)
    if (range) removed.push(range)
    report(file, 'promo-removed', 'Removed promo block `' + describeElement(node) + '`', node)
  }

  if (removed.length > 0) markSpillOver(found.earlier, removed, drop)

  const unwrap = new Set<Element>(found.unwrapped)
  // The parents whose children may change, and their ancestors: the
  // rebuild goes into nothing else.
  const changing = found.changing
  for (const node of drop.keys()) changing.add(found.parents.get(node))
  for (const node of unwrap) changing.add(found.parents.get(node))
  const dirty = new Set<Root | Element>()
  // Per dirty parent, its dirty children (the rebuild goes into them only).
  const dirtyBelow = new Map<Root | Element, Array<Element>>()
  for (const parent of changing) {
    for (let node = parent; node && !dirty.has(node); node = node.type === 'element' ? found.parents.get(node) : undefined) {
      dirty.add(node)
      const up = node.type === 'element' ? found.parents.get(node) : undefined
      if (!up || node.type !== 'element') continue
      const below = dirtyBelow.get(up)
      if (below) below.push(node)
      else dirtyBelow.set(up, [node])
    }
  }

  // Rebuild each children list once (splicing one by one is quadratic on
  // long lists); unwrapped elements' children are judged in their place.
  const stack: Array<[Root | Element, boolean]> = [[tree, !root]]
  while (stack.length > 0) {
    const [parent, inRoot] = stack.pop()!
    if (!changing.has(parent)) {
      // Dirty only as an ancestor: none of its children is removed, unwrapped
      // or replaced (each would have put it in `changing`); the rebuild goes
      // into its dirty children, in document order, without reading the rest.
      const below = dirtyBelow.get(parent) || []
      below.sort((a, b) => found.ranks.get(a)! - found.ranks.get(b)!)
      for (const node of below) stack.push([node, inRoot || node === root])
      continue
    }
    const kept: Array<ElementContent> = []
    const pending = [...(parent.children as Array<ElementContent>)].reverse()
    while (pending.length > 0) {
      const node = pending.pop()!
      if (node.type === 'comment') continue
      if (node.type === 'element') {
        const rule = drop.get(node)
        if (rule !== undefined) {
          if (inRoot) log.note(node, rule)
          continue
        }
        const hidden = isHidden(node)
        // A form that is the article root or holds most of its text (a
        // product page, an ASP.NET page) is the article: its controls go,
        // its text stays.
        if (!hidden && node.tagName === 'form' && root && (node === root || (inRoot && holdsMostText(node, root)))) {
          if (node === root) {
            if (dirty.has(node)) stack.push([node, true])
            kept.push(node)
          } else {
            for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index])
          }
          continue
        }
        // An SVG's `<title>` is its accessible name (`lib/media/inline-svg.ts` reads it), not the page's.
        const svgTitle = node.tagName === 'title' && parent.type === 'element' && parent.tagName === 'svg'
        if ((clutter.has(node.tagName) && !svgTitle && !(node.tagName === 'noscript' && holdsMedia(node))) || hidden) {
          noteMediaIn(file, node, hidden ? 'hidden' : 'clutter', found.marks)
          const name = clutter.has(node.tagName) ? clutterRule(node) : 'hidden'
          if (inRoot && name) log.note(node, name)
          continue
        }
        if (unwrap.has(node)) {
          for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index])
          continue
        }
        if (dirty.has(node)) stack.push([node, inRoot || node === root])
      }
      kept.push(node)
    }
    parent.children = kept as typeof parent.children
  }
  log.flush(root || tree)
  return undefined
}

/** Whether `node` holds more than half of the visible text of `root` (weighted, see `measureText`). */
function holdsMostText(node: Element, root: Element): boolean {
  return measureText(toString(node)).length * 2 > measureText(toString(root)).length
}

/** The rule removing clutter, or `''` for clutter a reader never sees. */
function clutterRule(node: Element): string {
  const name = node.tagName
  if (invisible.has(name)) return ''
  return name === 'form' ? 'form' : 'furniture-element'
}

/** What the cleaning on the promo walk (`cleanOnWalk`) gives once that walk is over. */
interface Cleaned {
  /** The media elements under the root in document order, before cleaning, each with whether it or an ancestor is hidden. */
  before: Map<Element, boolean>
  /** The children lists of the root and of every element under it before cleaning, to undo it. */
  snapshot: ChildrenSnapshot
  /** The parent of every element under the root before cleaning. */
  parents: Map<Element, Element>
  /** What the cleaning rules read (`gatherCleaningFacts`). */
  facts: CleaningFacts
  /** The blocks cleaning removed, with their rules, in the order `cleanArticleRoot` removes them. */
  removed: Array<[Element, RemovalRule]>
}

/**
 * Prepare the cleaning of `root` (`cleanArticleRoot`) for the promo walk:
 * first, in one walk over the unchanged root, the media elements under it
 * (each with whether it or an ancestor is hidden), the children list of
 * `root` and of every element under it (`ChildrenSnapshot`), to undo the
 * cleaning, the parent of every element under it, and what the cleaning
 * rules read (`gatherCleaningFacts`). `parts` then go first on the promo
 * walk: the cleaning (`cleaningListener`: each related list it keeps goes
 * to `analysis.relatedLists` before the walk reaches it) and whether the
 * cleaned root holds text or an image (`holds()`, as `holdsContent`, once
 * the walk is over). `done()` gives what the cleaning removed.
 */
function cleanOnWalk(root: Element, analysis: NonNullable<VFile['data']['analysis']>): First & {holds(): boolean; done(): Cleaned} {
  const before = new Map<Element, boolean>()
  const snapshot: ChildrenSnapshot = new Map([[root, root.children]])
  const parents = new Map<Element, Element>()
  const hidden: Array<boolean> = [isHiddenNode(root)]
  const gathering = gatherCleaningFacts(root)
  withElementRecords(gathering.records, () =>
    walkShared(root, [
      {
        enter(element, parent) {
          snapshot.set(element, element.children)
          parents.set(element, parent as Element)
        }
      },
      {
        enter(element) {
          const within = hidden[hidden.length - 1] || isHiddenNode(element)
          if (isMedia(element)) {
            before.set(element, within)
            return false
          }
          hidden.push(within)
        },
        leave() {
          hidden.pop()
        }
      },
      ...gathering.listeners
    ])
  )
  const facts = gathering.result()
  const removed: Array<[Element, RemovalRule]> = []
  const lists = analysis.relatedLists
  const first = lists.length
  const cleaning = cleaningListener(root, facts, {onRemove: (node, rule) => void removed.push([node, rule]), head: analysis.headBlocks, onRelated: (list) => void lists.push(list)})
  // Whether the cleaned root holds text or an image: the walk reads it as cleaned.
  let inside = false
  let holds = false
  const content: WalkListener = {
    enter(element) {
      if (element === root) inside = true
      else if (inside && element.tagName === 'img') holds = true
    },
    leave(element) {
      if (element === root) inside = false
    },
    text(node) {
      if (inside && !holds && node.value.trim()) holds = true
    }
  }
  return {
    parts: [{listener: cleaning.listener}, {listener: content}],
    drops: cleaning.drops,
    holds: () => holds,
    done() {
      // The lists in the order `cleanArticleRoot` gives them.
      lists.splice(first, lists.length - first, ...cleaning.done())
      return {before, snapshot, parents, facts, removed}
    }
  }
}

/** Whether `node` is or lies inside one of `gone` (going up through `parents`: no subtree is walked). */
function isWithin(node: Element, gone: ReadonlySet<Element>, parents: ReadonlyMap<Element, Element>): boolean {
  for (let current: Element | undefined = node; current; current = parents.get(current)) if (gone.has(current)) return true
  return false
}

/** Parts that go first on the promo walk and change the tree (the cleaning). */
interface First {
  parts: Array<WalkPart>
  /** Whether the parts drop the comments of `parent` (told while the walk reads its children): they need no rebuild. */
  drops(parent: Root | Element): boolean
}

/** What `findPromos` finds. */
interface Promos {
  /** Elements matching the `remove` selectors, in document order. */
  removed: Array<Element>
  /** Elements matching the `unwrap` selectors. */
  unwrapped: Array<Element>
  /** Elements whose start lies before their parent's (candidates for spill-over), each with its parent. */
  earlier: Array<[Element, Parents]>
  /** The parent of every element. */
  parents: Map<Element, Root | Element>
  /** The place of every element in document order (preorder). */
  ranks: Map<Element, number>
  /**
   * Parents among whose children removing promos may change something (a
   * comment, clutter, a form, a hidden element, a spill-over candidate or
   * the parent of one), without the matches of the selectors.
   */
  changing: Set<Root | Element | undefined>
  /** The media of every element's subtree as the walk saw it (for `noteMediaIn`: removal leaves a removed subtree as it was). */
  marks: MediaMarks
}

/**
 * The matches of the `remove` and `unwrap` selector lists, the elements the
 * parser may have re-opened (`earlier`), the parent of every element, and
 * the parents whose children may change, in one walk when the selectors
 * look at ancestors only (`gatherSelectors`), else with a query for them
 * after it. `first` go first on that walk (the cleaning: the others see
 * the tree as it leaves it, see `cleaningListener`), `riders` last.
 */
function findPromos(tree: Root, removeList: string, unwrapList: string, riders: ReadonlyArray<WalkPart>, first: First | undefined): Promos {
  const lists = [...new Set([removeList, unwrapList].filter(Boolean))]
  const gathered = lists.length > 0 && lists.every((list) => dependsOnAncestorsOnly(list)) ? gatherSelectors(lists) : undefined
  const earlier: Array<[Element, Parents]> = []
  const parents = new Map<Element, Root | Element>()
  const ranks = new Map<Element, number>()
  const changing = new Set<Root | Element | undefined>()
  const listener: WalkListener = {
    enter(element, parent) {
      parents.set(element, parent)
      ranks.set(element, ranks.size)
      const start = sourceStart(element)
      const parentStart = parent.type === 'element' ? sourceStart(parent) : undefined
      if (start !== undefined && parentStart !== undefined && start < parentStart) {
        earlier.push([element, parent])
        // Spill-over goes, and so may its parent.
        changing.add(parent)
        changing.add(parents.get(parent as Element))
      }
      if (clutter.has(element.tagName) || element.tagName === 'form' || isHidden(element)) changing.add(parent)
    },
    comment(_, parent) {
      if (!first || !first.drops(parent)) changing.add(parent)
    }
  }
  // Spill-over is looked for everywhere (`<template>` holds no children in hast).
  const media = mediaMarksListener()
  const parts: Array<WalkPart> = [{listener}, {listener: media.listener}]
  if (gathered) parts.unshift({listener: gathered.listener})
  if (first) parts.unshift(...first.parts)
  parts.push(...riders)
  walkParts(tree, parts)
  // Queried after the walk: the tree as `first` left it.
  const matches = gathered ? gathered.result().matches : lists.length === 0 ? undefined : selectTable(lists, tree)
  return {
    removed: (removeList && matches && matches.get(removeList)) || [],
    unwrapped: (unwrapList && matches && matches.get(unwrapList)) || [],
    earlier,
    parents,
    ranks,
    changing,
    marks: media.marks
  }
}

/**
 * Mark elements the parser re-opened (their start tag lies before their
 * parent's, inside a removed block: source order by offsets or start-tag
 * ranks, `lib/util/source-order.ts`), and paragraphs holding nothing else.
 */
function markSpillOver(earlier: Array<[Element, Parents]>, removed: Array<Range>, drop: Map<Element, string>): void {
  for (const [node, parent] of earlier) {
    if (!isReopened(node, parent, removed)) continue
    if (!drop.has(node)) drop.set(node, 'promo-spill-over')
    if (parent.type === 'element' && onlyChild(parent, node) && !drop.has(parent)) drop.set(parent, 'promo-spill-over')
  }
}

function isReopened(node: Element, parent: Parents | undefined, removed: Array<Range>): boolean {
  const start = sourceStart(node)
  const parentStart = parent && parent.type === 'element' ? sourceStart(parent) : undefined
  if (start === undefined || parentStart === undefined || start >= parentStart) return false
  return removed.some(([from, to]) => start >= from && start < to)
}

function onlyChild(parent: Element, node: Element): boolean {
  return parent.children.every((child) => child === node || (child.type === 'text' && !child.value.trim()))
}

function rangeOf(node: Element): Range | undefined {
  const span = sourceSpan(node)
  return span && [span[0], span[1]]
}

function isHidden(node: Element): boolean {
  const style = node.properties.style
  return node.properties.hidden === true || (typeof style === 'string' && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style))
}
