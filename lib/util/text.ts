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
