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

/**
 * How many texts after the headline the walk reads: more than the byline
 * reads, so that those of a lead moved into the root after the walk can be
 * left out.
 */
const recordedCount = 5 * headerTextCount

/** Elements whose text the header byline does not read. */
const unread: ReadonlySet<string> = new Set(['script', 'style'])

/** The texts after the headline as the index walk read them (`headerTextsPart`). */
export interface HeaderTextsRecord {
  /** Tree the record was made of. */
  tree: Root
  /**
   * The first text nodes (`recordedCount` at most) after the first `<h1>`
   * outside boilerplate (`PageIndex.headings` not `excluded`), in document
   * order, each collapsed, empty ones dropped; not those in `<script>` or
   * `<style>`, nor the headline's own.
   */
  texts: Array<string>
  /** Whether the page has more such texts than `texts` holds. */
  more: boolean
  /** Elements met before the headline (its ancestors too) and the headline itself: a root among them has none of the texts before it. */
  before: Set<Element>
  /** Elements met after the headline until the last of `texts` was read, each with the number of `texts` before it. */
  after: Map<Element, number>
  /** The number of `texts` before the end of each element of `after` that ended before the last of `texts` was read. */
  ends: Map<Element, number>
  /**
   * Merged roots put into the tree after the walk (`recordHeaderWrapper`),
   * each with the first of its blocks, in whose place it stands.
   */
  wrapped: Map<Element, Element>
  /** Blocks moved into the root after the walk (`recordHeaderLeads`: the lead under the headline): their texts no longer lie before it. */
  leads: Array<Element>
  /** Whether the tree changed otherwise after the walk (a wrapper put in the place of no block, headings prepared): then the record tells nothing. */
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
  const record: HeaderTextsRecord = {tree, texts: [], more: false, before: new Set(), after: new Map(), ends: new Map(), wrapped: new Map(), leads: [], stale: false}
  let state: 'before' | 'after' | 'done' = 'before'
  return {
    listener: {
      enter(element) {
        if (state === 'done') {
          record.more = true
          return false
        }
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
        if (state === 'done') record.more = true
        if (state !== 'after') return
        const value = collapse(node.value)
        if (!value) return
        record.texts.push(value)
        if (record.texts.length >= recordedCount) state = 'done'
      },
      leave(element) {
        if (state === 'after') record.ends.set(element, record.texts.length)
      }
    },
    result: () => record
  }
}

/** Note that `wrapper` (a merged root) was put into the tree after the walk in the place of `first`, the first of its blocks. */
export function recordHeaderWrapper(record: HeaderTextsRecord, wrapper: Element, first: Element): void {
  record.wrapped.set(wrapper, first)
}

/** Note that `leads` (blocks of the page) were moved into the root after the walk. */
export function recordHeaderLeads(record: HeaderTextsRecord, leads: ReadonlyArray<Element>): void {
  record.leads.push(...leads)
}

/** Note that the tree changed otherwise after the walk (blocks moved, headings prepared): the record tells nothing from now on. */
export function recordHeaderMoved(record: HeaderTextsRecord): void {
  record.stale = true
}

/**
 * The texts between the headline and `root` (the first `headerTextCount`
 * text nodes after the headline that lie before the root in document
 * order, as a walk from the top of the page that stops at the root reads
 * them) from the record, but those of the leads moved into the root:
 * `undefined` when it cannot tell (another tree, blocks moved otherwise
 * after the walk, too few texts read to leave the leads' out).
 */
export function recordedHeaderTexts(record: HeaderTextsRecord | undefined, tree: Root, root: Element): Array<string> | undefined {
  if (!record || record.tree !== tree || record.stale) return undefined
  const place = record.wrapped.get(root) ?? root
  if (record.before.has(place)) return []
  // Not met on the way (after the last text read, or in what the walk skips): every text read lies before it.
  const count = record.after.get(place) ?? record.texts.length
  const kept: Array<string> = []
  for (let at = 0; at < count && kept.length < headerTextCount; at++) {
    if (!record.leads.some((lead) => inside(record, lead, at))) kept.push(record.texts[at])
  }
  // Fewer than the byline reads, with texts after the last read that may lie before the root.
  if (kept.length < headerTextCount && count === record.texts.length && record.more && !record.after.has(place)) return undefined
  return kept
}

/** Whether the text at `at` of the record lies in `element` (one not met holds none of them; one not ended, every one after its start). */
function inside(record: HeaderTextsRecord, element: Element, at: number): boolean {
  const start = record.after.get(element)
  if (start === undefined) return false
  const end = record.ends.get(element)
  return at >= start && (end === undefined || at < end)
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
