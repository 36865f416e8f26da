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

/**
 * Whether the UTF-16 code unit `code` is white space as JavaScript's `\s`
 * reads it (ECMA-262 WhiteSpace and LineTerminator: tab to carriage return,
 * space, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F,
 * U+3000, U+FEFF), without a regex.
 */
export function isWhiteSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13)
  if (code < 0x1680) return code === 0xa0
  return code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}
