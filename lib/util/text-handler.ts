import type {ConstructName, Handle, State, Unsafe} from 'mdast-util-to-markdown'
import {defaultHandlers} from 'mdast-util-to-markdown'

/**
 * What text can hold and still need no escape in one stack of constructs:
 * `unsafe` holds the code units of the characters some pattern in scope
 * escapes; `edges` holds the white space characters escaped only next to a
 * line ending (a space or tab at the start or end of a line), which cannot
 * happen inside text without a line ending but can at its edges (the text
 * before or after it may end or start a line).
 */
interface Plain {
  unsafe: ReadonlySet<number> | undefined
  edges: string
}

/** Per pattern list (`state.unsafe`), the `Plain` of each stack of constructs seen (keyed by the stack joined with spaces). */
const cache = new WeakMap<Array<Unsafe>, Map<string, Plain>>()

/**
 * `remark-stringify`'s `text` handler, faster: text that holds no character
 * any unsafe pattern in scope escapes (and no backslash) is written as it
 * is; anything else goes to the default handler (`state.safe`).
 *
 * Identical to the default by construction: `state.safe` escapes only at
 * the positions of a pattern's `character` inside the value, and touches a
 * value without such a position only to escape backslashes before
 * punctuation. The patterns are read from `state.unsafe`, so options and
 * extensions that add patterns (GFM, frontmatter, the Hugo shortcode
 * pattern, a body dialect's) are respected. `test/text-handler.ts` compares
 * both on generated text.
 *
 * @type {Handle}
 */
export const textHandler: Handle = function (node, parent, state, info) {
  const value: unknown = node.value
  if (typeof value === 'string' && value.length > 0 && !value.includes('\\') && !(info.after && info.after.includes('\\'))) {
    const plain = plainFor(state)
    if ((!plain.unsafe || !holdsAny(value, plain.unsafe)) && !edgeUnsafe(value, plain.edges)) return value
  }
  return defaultHandlers.text(node, parent, state, info)
}

/** Whether `value` holds one of the code units in `units` (a loop, not a regex built at run time: see the regex audit in `test/reliability.ts`). */
function holdsAny(value: string, units: ReadonlySet<number>): boolean {
  for (let index = 0; index < value.length; index++) if (units.has(value.charCodeAt(index))) return true
  return false
}

/** Whether white space escaped only next to a line ending can be escaped in `value`. */
function edgeUnsafe(value: string, edges: string): boolean {
  if (!edges) return false
  return edges.includes(value.charAt(0)) || edges.includes(value.charAt(value.length - 1)) || value.includes('\n') || value.includes('\r')
}

function plainFor(state: State): Plain {
  let byStack = cache.get(state.unsafe)
  if (!byStack) {
    byStack = new Map()
    cache.set(state.unsafe, byStack)
  }
  const key = state.stack.join(' ')
  let plain = byStack.get(key)
  if (!plain) {
    plain = compile(state.unsafe, state.stack)
    byStack.set(key, plain)
  }
  return plain
}

/** The `Plain` of `patterns` in `stack`. */
function compile(patterns: ReadonlyArray<Unsafe>, stack: ReadonlyArray<ConstructName>): Plain {
  const characters = new Set<string>()
  let edges = ''
  for (const pattern of patterns) {
    if (!inScope(stack, pattern.inConstruct, true) || inScope(stack, pattern.notInConstruct, false)) continue
    const character = pattern.character
    const nextToLineEnding = !pattern.atBreak && !pattern.beforeNode && !pattern.afterNode && (pattern.before === '[\\r\\n]' || pattern.after === '[\\r\\n]') && !(pattern.before && pattern.after)
    if ((character === ' ' || character === '\t') && nextToLineEnding) {
      if (!edges.includes(character)) edges += character
    } else characters.add(character)
  }
  // Every code unit of every character (a superset is safe: more text goes to the default).
  const units = new Set<number>()
  for (const character of characters) for (let index = 0; index < character.length; index++) units.add(character.charCodeAt(index))
  return {unsafe: units.size > 0 ? units : undefined, edges}
}

/** `mdast-util-to-markdown`'s `listInScope`: whether one of `list` is on `stack` (`none` for no list). */
function inScope(stack: ReadonlyArray<ConstructName>, list: Unsafe['inConstruct'], none: boolean): boolean {
  if (!list) return none
  const names = typeof list === 'string' ? [list] : list
  if (names.length === 0) return none
  return names.some((name) => stack.includes(name))
}
