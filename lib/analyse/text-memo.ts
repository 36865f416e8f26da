/**
 * Rendered texts of elements read once while the tree does not change:
 * metadata extraction and the verdict's field candidates read the text of
 * the same byline, date and credit elements, one after the other. The
 * caller that edits the tree meanwhile forgets what the edit changed
 * (`forgetTexts`).
 *
 * @module
 */

import type {Element, Nodes, Root} from 'hast'
import {toText} from 'hast-util-to-text'
import {createScopedValue} from '../util/scoped-value.js'
import {recordedText} from './rendered-text.js'
import type {RenderedTextRecord} from './rendered-text.js'

/** What is known of one node's text. */
export interface TextFacts {
  /** `textOf` (`page-index.ts`): rendered, white space collapsed. */
  text?: string | undefined
  /** `textOf` of `util/text.ts`: the text content (`hast-util-to-string`), white space collapsed. */
  content?: string | undefined
  /** `toText` of an element: rendered, blocks and `<br>` ending lines (`renderedOnce`). */
  rendered?: string | undefined
  /** Rendered lines, each collapsed, joined with `\n` (`byline.ts`). */
  lines?: string | undefined
  /** Whether the text passes 1000 characters or 500 nodes (`shortText(node, 1000, 500)` is `undefined`). */
  long?: boolean | undefined
}

/** Texts by node. */
export type TextMemo = Map<Nodes, TextFacts>

const scope = createScopedValue<TextMemo>()

/**
 * Run `run` with `memoText` answering from `memo` (and filling it); the
 * subtrees of the nodes in it must not change meanwhile, or be forgotten
 * when they do.
 */
export function withTextMemo<Result>(memo: TextMemo, run: () => Result): Result {
  return scope.run(memo, run)
}

/**
 * Run `read`, a reader that does not change the tree (`readByline`, the
 * verdict's visible date), reading each element's text at most once: in the
 * memo in scope, else in one of its own, dropped when `read` returns or
 * throws.
 */
export function readingTexts<Result>(read: () => Result): Result {
  return scope.current() ? read() : withTextMemo(new Map(), read)
}

/** The page's rendered text as the index walk read it, and its tree, in scope (`withRenderedText`). */
const renderedScope = createScopedValue<{record: RenderedTextRecord; tree: Root} | undefined>()

/**
 * Run `run` with `renderedOnce` answering from `record` (the index walk's
 * rendered text of `tree`) while it can tell (`recordedText`).
 */
export function withRenderedText<Result>(record: RenderedTextRecord | undefined, tree: Root, run: () => Result): Result {
  return renderedScope.run(record && {record, tree}, run)
}

/**
 * `toText(element)` (the element as rendered: blocks and `<br>` end lines),
 * from the memo in scope when there is one, else from the index walk's
 * rendered text in scope when it can tell, else read.
 */
export function renderedOnce(element: Element): string {
  const rendered = renderedScope.current()
  return memoText(element, 'rendered', () => (rendered && recordedText(rendered.record, rendered.tree, element)) ?? toText(element))
}

/** The fact `key` of `node`'s text when the memo in scope holds it (nothing is read). */
export function knownText<Key extends keyof TextFacts>(node: Nodes, key: Key): TextFacts[Key] | undefined {
  const memo = scope.current()
  const facts = memo && memo.get(node)
  return facts && facts[key]
}

/** The fact `key` of `node`'s text: from the memo in scope, else `read()` (kept in the memo when one is in scope). */
export function memoText<Key extends keyof TextFacts>(node: Nodes, key: Key, read: () => NonNullable<TextFacts[Key]>): NonNullable<TextFacts[Key]> {
  const memo = scope.current()
  if (!memo) return read()
  let facts = memo.get(node)
  if (!facts) {
    facts = {}
    memo.set(node, facts)
  }
  const known = facts[key]
  if (known !== undefined && known !== null) return known
  const value = read()
  facts[key] = value
  return value
}

/**
 * Forget what an edit may have changed: the texts of `nodes` (the changed
 * element and its ancestors) and of every node that is not an element
 * (text nodes are not placed); everything when `nodes` is `undefined` (the
 * change is not placed).
 */
export function forgetTexts(memo: TextMemo, nodes: Iterable<Nodes> | undefined): void {
  if (!nodes) {
    memo.clear()
    return
  }
  for (const node of nodes) memo.delete(node)
  for (const node of memo.keys()) if (node.type !== 'element') memo.delete(node)
}
