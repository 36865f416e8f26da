/**
 * Rendered texts of elements read once while the tree does not change:
 * metadata extraction and the verdict's field candidates read the text of
 * the same byline, date and credit elements, one after the other. The
 * caller that edits the tree meanwhile clears the memo (`Map#clear`).
 *
 * @module
 */

import type {Nodes} from 'hast'

/** Texts by node (`textOf` of `page-index.ts`). */
export type TextMemo = Map<Nodes, string>

let current: TextMemo | undefined

/**
 * Run `run` with `memoText` answering from `memo` (and filling it); the
 * subtrees of the nodes in it must not change meanwhile, or `memo` be
 * cleared when they do.
 */
export function withTextMemo<Result>(memo: TextMemo, run: () => Result): Result {
  const previous = current
  current = memo
  try {
    return run()
  } finally {
    current = previous
  }
}

/** The text of `node`: from the memo in scope, else `read(node)` (kept in the memo when one is in scope). */
export function memoText(node: Nodes, read: (node: Nodes) => string): string {
  if (!current) return read(node)
  let text = current.get(node)
  if (text === undefined) {
    text = read(node)
    current.set(node, text)
  }
  return text
}
