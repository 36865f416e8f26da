/**
 * Per-element records of an article root, gathered on the one walk before
 * cleaning (`gatherElementRecords`: inline shapes too, composed from their
 * parts) or noted by the first rule that computes them, so that the
 * cleaning rules and the removal log answer from them instead of walking a
 * block again.
 *
 * Contract: a record of an element holds while the element's subtree does
 * not change. The cleaning (`cleanArticleRoot`) judges a block before
 * anything inside it changes and never goes into a block it removes, so
 * inside `withElementRecords` the records answer for the blocks it judges
 * and removes. A step that changes a subtree and reads records afterwards
 * must `forgetRecords` of the changed element and its ancestors (or leave
 * the scope).
 *
 * @module
 */

import type {Element} from 'hast'
import {createScopedValue} from '../../util/scoped-value.js'
import type {WalkListener} from '../../util/walk.js'
import type {InlineShape} from './inline-runs.js'
import {gatherInlineParts} from './inline-parts.js'
import type {InlineParts} from './inline-parts.js'

/** Elements of one tag name in document order, with their pre-order numbers. */
interface Named {
  starts: Array<number>
  elements: Array<Element>
}

/** Per-element records (see the module's contract). */
export interface ElementRecords {
  /** Pre-order number of each element below the walk's tree, and of the last element inside it. */
  spans: Map<Element, [number, number]>
  /** The elements of the gathered tag names, in document order. */
  named: Map<string, Named>
  /**
   * The child that may title each element (`sectionHeading`): its first
   * element child when no text but white space comes before it, else `null`.
   */
  leads: Map<Element, Element | null>
  /** Section headings (`sectionHeading`) noted once computed. */
  headings: Map<Element, string | undefined>
  /** Inline shapes (`inlineShape` with its default budget) noted once computed (`recordedShape`). */
  shapes: Map<Element, InlineShape>
  /** What `inlineShape` reads inside each element, composed on the walk (`InlineParts`): its shape without a read. */
  parts: Map<Element, InlineParts>
  /** Elements holding no comment and no element but `calm` ones (see `gatherElementRecords`). */
  quiet: Set<Element>
}

/**
 * A listener of a shared walk (`walkShared`, which must not skip subtrees
 * for it nor change the tree) that numbers every element below the walk's
 * tree in pre-order, lists those named in `tagNames`, notes each element's
 * lead (`leads`), the elements whose insides are all `calm` (`quiet`) and
 * the parts of every element's inline shape (`parts`).
 */
export function gatherElementRecords(tagNames: ReadonlyArray<string>, calm: (element: Element) => boolean): {listener: WalkListener; records: ElementRecords} {
  const records: ElementRecords = {spans: new Map(), named: new Map(), leads: new Map(), headings: new Map(), shapes: new Map(), parts: new Map(), quiet: new Set()}
  const parts = gatherInlineParts(records.parts)
  // Per open element, whether its insides are calm so far (the walk's tree first).
  const calmInside: Array<boolean> = [true]
  for (const name of tagNames) records.named.set(name, {starts: [], elements: []})
  const open: Array<[number, number]> = []
  // Per open element, whether its lead is still unknown (the walk's tree first).
  const seeking: Array<Element | undefined> = [undefined]
  let count = 0
  const listener: WalkListener = {
    enter(element) {
      const parent = seeking[seeking.length - 1]
      if (parent) {
        records.leads.set(parent, element)
        seeking[seeking.length - 1] = undefined
      }
      seeking.push(element)
      calmInside.push(true)
      records.leads.set(element, null)
      const span: [number, number] = [count, count]
      records.spans.set(element, span)
      const named = records.named.get(element.tagName)
      if (named) {
        named.starts.push(count)
        named.elements.push(element)
      }
      count++
      open.push(span)
      parts.enter()
    },
    comment() {
      calmInside[calmInside.length - 1] = false
      parts.comment()
    },
    text(node) {
      if (seeking[seeking.length - 1] && node.value.trim()) seeking[seeking.length - 1] = undefined
      parts.text(node)
    },
    leave(element) {
      parts.leave(element)
      open.pop()![1] = count - 1
      seeking.pop()
      const inside = calmInside.pop()!
      if (inside) records.quiet.add(element)
      if (!inside || !calm(element)) calmInside[calmInside.length - 1] = false
    }
  }
  return {listener, records}
}

const scope = createScopedValue<ElementRecords>()

/** Run `run` with `records` answering (see the module's contract). */
export function withElementRecords<Result>(records: ElementRecords, run: () => Result): Result {
  return scope.run(records, run)
}

/** The records in scope, if any. */
export function elementRecords(): ElementRecords | undefined {
  return scope.current()
}

/**
 * The elements named `tagName` in `node` (itself included), when the
 * records in scope know `node`, gathered `tagName`, and `node` holds at most
 * `most` elements; else `undefined` (walk it).
 */
export function recordedElements(node: Element, tagName: string, most: number): Array<Element> | undefined {
  const records = scope.current()
  const span = records && records.spans.get(node)
  const named = records && records.named.get(tagName)
  if (!span || !named || span[1] - span[0] + 1 > most) return undefined
  const {starts, elements} = named
  let low = 0
  let high = starts.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (starts[middle] < span[0]) low = middle + 1
    else high = middle
  }
  const found: Array<Element> = []
  for (let at = low; at < starts.length && starts[at] <= span[1]; at++) found.push(elements[at])
  return found
}

/** Drop the records of `elements` (their subtrees changed). */
export function forgetRecords(records: ElementRecords, elements: Iterable<Element>): void {
  for (const element of elements) {
    records.spans.delete(element)
    records.leads.delete(element)
    records.headings.delete(element)
    records.shapes.delete(element)
    records.parts.delete(element)
    records.quiet.delete(element)
  }
}
