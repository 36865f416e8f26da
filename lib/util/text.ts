import type {Nodes} from 'hast'
import {toString} from 'hast-util-to-string'

/** Collapse runs of white space (including U+3000 and nbsp) to one space and trim. */
export function collapse(value: string): string {
  return value.replace(/[\s\u00a0\u3000\u200b]+/g, ' ').trim()
}

/** The collapsed text content of a hast node. */
export function textOf(node: Nodes): string {
  return collapse(toString(node))
}

/**
 * `value` without the run of `character` at its end (`a--` → `a`): a loop
 * rather than `/-+$/`, which backtracks quadratically on a long run that is
 * not at the end.
 */
export function stripTrailing(value: string, character: string): string {
  let end = value.length
  while (end > 0 && value[end - 1] === character) end--
  return value.slice(0, end)
}
