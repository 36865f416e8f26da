/**
 * The texts after the page's headline, read on the index walk, so that the
 * Chinese header byline (`byline.ts`: `石佳/中国青年报`, `本报记者 王五`
 * between the `<h1>` and the article root) is told without a walk from the
 * top of the page to the headline once the root is chosen.
 *
 * @module
 */

import type {Element, Root} from 'hast'
import type {PageIndex} from '../page-index.js'
import {collapse} from '../../util/text.js'
import type {WalkListener} from '../../util/walk.js'

/** How many text nodes after the headline may hold a byline. */
export const headerTextCount = 12

/** Elements whose text the header byline does not read. */
const unread: ReadonlySet<string> = new Set(['script', 'style'])

/** The texts after the headline as the index walk read them (`headerTextsPart`). */
export interface HeaderTextsRecord {
  /** Tree the record was made of. */
  tree: Root
  /**
   * The first `headerTextCount` text nodes after the first `<h1>` outside
   * boilerplate (`PageIndex.headings` not `excluded`), in document order,
   * each collapsed, empty ones dropped; not those in `<script>` or `<style>`,
   * nor the headline's own.
   */
  texts: Array<string>
  /** Elements met before the headline (its ancestors too) and the headline itself: a root among them has none of the texts before it. */
  before: Set<Element>
  /** Elements met after the headline until the last of `texts` was read, each with the number of `texts` before it. */
  after: Map<Element, number>
  /**
   * Merged roots put into the tree after the walk (`recordHeaderWrapper`),
   * each with the first of its blocks, in whose place it stands.
   */
  wrapped: Map<Element, Element>
  /** Whether blocks were moved after the walk otherwise (a lead under the headline moved into the root): then the record tells nothing. */
  stale: boolean
}

/**
 * The header texts' share of the index walk (`indexPage` with
 * `headerTexts`). Listed after the index's own listener, whose record of
 * the headings (`PageIndex.headings`) tells it the headline when met; after
 * the listener that prepares headings, so that it reads them prepared.
 *
 * @param tree
 *   Whole page (the tree the walk goes over).
 * @param index
 *   The index the walk fills.
 */
export function headerTextsPart(tree: Root, index: PageIndex): {listener: WalkListener; result(): HeaderTextsRecord} {
  const record: HeaderTextsRecord = {tree, texts: [], before: new Set(), after: new Map(), wrapped: new Map(), stale: false}
  let state: 'before' | 'after' | 'done' = 'before'
  return {
    listener: {
      enter(element) {
        if (state === 'done') return false
        if (state === 'before') {
          record.before.add(element)
          const last = index.headings[index.headings.length - 1]
          if (last && last.element === element && !last.context.excluded) {
            // The headline: its own text is not read.
            state = 'after'
            return false
          }
        } else record.after.set(element, record.texts.length)
        if (unread.has(element.tagName)) return false
      },
      text(node) {
        if (state !== 'after') return
        const value = collapse(node.value)
        if (!value) return
        record.texts.push(value)
        if (record.texts.length >= headerTextCount) state = 'done'
      }
    },
    result: () => record
  }
}

/** Note that `wrapper` (a merged root) was put into the tree after the walk in the place of `first`, the first of its blocks. */
export function recordHeaderWrapper(record: HeaderTextsRecord, wrapper: Element, first: Element): void {
  record.wrapped.set(wrapper, first)
}

/** Note that blocks were moved otherwise after the walk (a lead moved into the root): the record tells nothing from now on. */
export function recordHeaderMoved(record: HeaderTextsRecord): void {
  record.stale = true
}

/**
 * The texts between the headline and `root` (the first `headerTextCount`
 * text nodes after the headline that lie before the root in document
 * order, as a walk from the top of the page that stops at the root reads
 * them) from the record: `undefined` when it cannot tell (another tree,
 * blocks moved after the walk).
 */
export function recordedHeaderTexts(record: HeaderTextsRecord | undefined, tree: Root, root: Element): Array<string> | undefined {
  if (!record || record.tree !== tree || record.stale) return undefined
  const place = record.wrapped.get(root) ?? root
  if (record.before.has(place)) return []
  const count = record.after.get(place)
  // Not met on the way (after the last text read, or in what the walk skips): every text read lies before it.
  return record.texts.slice(0, count ?? record.texts.length)
}

/**
 * The first `headerTextCount` texts after the first of `headings` (the
 * page's `<h1>`s outside boilerplate) in document order and before `root`,
 * by a walk from the top of the page that stops at the root (what
 * `recordedHeaderTexts` tells without one).
 */
export function walkedHeaderTexts(tree: Root, headings: ReadonlySet<Element>, root: Element): Array<string> {
  const texts: Array<string> = []
  let state: 'before' | 'heading' | 'after' | 'done' = 'before'
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (state === 'done') return
      if (child.type === 'element') {
        if (child === root) {
          state = 'done'
          return
        }
        if (state === 'before' && headings.has(child)) {
          state = 'after'
          continue
        }
        if (child.tagName !== 'script' && child.tagName !== 'style') visit(child)
      } else if (child.type === 'text' && state === 'after') {
        const value = collapse(child.value)
        if (value) texts.push(value)
        if (texts.length >= headerTextCount) state = 'done'
      }
    }
  }
  visit(tree)
  return texts
}
