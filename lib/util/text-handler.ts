import type {Nodes, Parents} from 'mdast'
import type {ConstructName, Handle, Info, SafeConfig, State, Unsafe} from 'mdast-util-to-markdown'
import {defaultHandlers} from 'mdast-util-to-markdown'

/**
 * Per pattern list (keyed by `listKey`), the patterns in scope for each
 * stack of constructs seen (keyed by the stack joined with spaces), and the
 * code units of their characters.
 */
const cache = new Map<string, Map<string, Scope>>()

/** How many pattern lists `cache` keeps before it starts afresh. */
const cachedLists = 64

/** A number for each pattern object seen, for `listKey`. */
const patternNumbers = new WeakMap<Unsafe, number>()
let patterns = 0

/** The key of each pattern list seen (`state.unsafe`, a new array for each document). */
const listKeys = new WeakMap<Array<Unsafe>, string>()

/**
 * The key of a pattern list: its patterns' numbers, in order. Each
 * document gets a new `state.unsafe`, but of the same pattern objects (the
 * defaults, the extensions' and the options'), so documents written with
 * one processor share their scopes.
 */
function listKey(list: Array<Unsafe>): string {
  let key = listKeys.get(list)
  if (key === undefined) {
    const numbers: Array<number> = []
    for (const pattern of list) {
      let number = patternNumbers.get(pattern)
      if (number === undefined) {
        number = patterns++
        patternNumbers.set(pattern, number)
      }
      numbers.push(number)
    }
    key = numbers.join(',')
    listKeys.set(list, key)
  }
  return key
}

/** The unsafe patterns in scope in one stack of constructs. */
interface Scope {
  /** The patterns, grouped by character. */
  groups: ReadonlyArray<Group>
  /** Code units of the characters of the patterns that are not edge patterns: text with none of them and no edge to check cannot need an escape. */
  units: ReadonlySet<number>
  /** Characters of edge patterns. */
  edges: string
}

/** Patterns of one character; `edge`: each matches only next to a line ending (see `isEdgePattern`). */
interface Group {
  character: string
  patterns: ReadonlyArray<Unsafe>
  edge: boolean
}

/**
 * `remark-stringify`'s `text` handler, faster: text in which no unsafe
 * pattern in scope matches (and without backslashes) is written as it is;
 * anything else goes to the default handler (`state.safe`).
 *
 * Identical to the default by construction. `state.safe` escapes only at
 * the positions where a pattern in scope matches (its `character`, inside
 * the value, with the one character of context before and after it that
 * the handler is given), and touches a value without such a position only
 * to escape backslashes before punctuation. This handler runs the same
 * patterns the same way (`state.compilePattern`, the same scope, node and
 * context rules) but only those whose character the text holds, stops at
 * the first position inside the value, and skips building the result: so
 * ordinary prose, where `.`, `-`, `(` or `!` sit where no pattern matches,
 * is written without the escaping pass. Text with none of the patterns'
 * characters is written without running any. Options and extensions that
 * add patterns (GFM, frontmatter, the Hugo shortcode pattern, a body
 * dialect's) are read from `state.unsafe`. `test/text-handler.ts`
 * compares both on generated text.
 *
 * @type {Handle}
 */
export const textHandler: Handle = function (node, parent, state, info) {
  const value: unknown = node.value
  if (typeof value === 'string' && value.length > 0 && !value.includes('\\') && !(info.after && info.after.includes('\\')) && !escapes(value, parent, state, info)) return value
  return defaultHandlers.text(node, parent, state, info)
}

/** Whether the default handler's `state.safe` finds a position to escape inside `value`. */
function escapes(value: string, parent: Parents | undefined, state: State, info: Info): boolean {
  const scope = scopeFor(state)
  const edge = edgeUnsafe(value, scope.edges)
  if (!edge && !holdsAny(value, scope.units)) return false
  // The nodes beside the text, as the default handler gives them to `state.safe`.
  const siblings = parent ? parent.children : []
  const index = state.indexStack[state.indexStack.length - 1]
  const beforeNode = siblings[index - 1]
  const afterNode = siblings[index + 1]
  const before = info.before || ''
  const after = info.after || ''
  const whole = before + value + after
  const offset = before.length
  const end = whole.length - after.length
  for (const group of scope.groups) {
    if ((group.edge && !edge) || !value.includes(group.character)) continue
    for (const pattern of group.patterns) if (matchesInside(pattern, whole, offset, end, state, beforeNode, afterNode)) return true
  }
  return false
}

/** Whether `pattern` matches at a position inside `[offset, end)` of `whole`, as `state.safe` runs it. */
function matchesInside(pattern: Unsafe, whole: string, offset: number, end: number, state: State, beforeNode: Nodes | undefined, afterNode: Nodes | undefined): boolean {
  if (!nodeInScope(pattern.beforeNode, beforeNode) || !nodeInScope(pattern.afterNode, afterNode)) return false
  const expression = state.compilePattern(pattern)
  const from = pattern.beforeNode ? offset : 0
  const subject = whole.slice(from, pattern.afterNode ? end : undefined)
  const hasBefore = Boolean(pattern.before || pattern.atBreak)
  expression.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = expression.exec(subject))) {
    const position = from + match.index + (hasBefore ? match[1].length : 0)
    if (position >= offset && position < end) {
      // The expressions are shared with `state.safe`, which reads them from the start.
      expression.lastIndex = 0
      return true
    }
  }
  return false
}

/**
 * Whether `pattern` can only match next to a line ending: a space or tab
 * with `before` or `after` (not both) exactly `[\r\n]`, not at a break
 * and not tied to a node. Inside text without a line ending such a
 * pattern matches only at the text's first or last character, beside the
 * context the handler is given.
 */
function isEdgePattern(pattern: Unsafe): boolean {
  return (
    (pattern.character === ' ' || pattern.character === '\t') &&
    !pattern.atBreak &&
    !pattern.beforeNode &&
    !pattern.afterNode &&
    (pattern.before === '[\\r\\n]' || pattern.after === '[\\r\\n]') &&
    !(pattern.before && pattern.after)
  )
}

/** Whether an edge pattern of one of `edges` can match in `value`: one at its first or last character, or a line ending in it. */
function edgeUnsafe(value: string, edges: string): boolean {
  if (!edges) return false
  return edges.includes(value.charAt(0)) || edges.includes(value.charAt(value.length - 1)) || value.includes('\n') || value.includes('\r')
}

/** Whether `value` holds one of the code units in `units` (a loop, not a regex built at run time: see the regex audit in `test/reliability.ts`). */
function holdsAny(value: string, units: ReadonlySet<number>): boolean {
  for (let index = 0; index < value.length; index++) if (units.has(value.charCodeAt(index))) return true
  return false
}

/** `mdast-util-to-markdown`'s `nodeInScope` (in `safe`). */
function nodeInScope(types: Unsafe['beforeNode'], node: SafeConfig['beforeNode']): boolean {
  if (!types) return true
  if (!node) return false
  return typeof types === 'string' ? types === node.type : types.includes(node.type)
}

function scopeFor(state: State): Scope {
  const list = listKey(state.unsafe)
  let byStack = cache.get(list)
  if (!byStack) {
    if (cache.size >= cachedLists) cache.clear()
    byStack = new Map()
    cache.set(list, byStack)
  }
  const key = state.stack.join(' ')
  let scope = byStack.get(key)
  if (!scope) {
    const byCharacter = new Map<string, Array<Unsafe>>()
    for (const pattern of state.unsafe) {
      if (!inScope(state.stack, pattern.inConstruct, true) || inScope(state.stack, pattern.notInConstruct, false)) continue
      let list = byCharacter.get(pattern.character)
      if (!list) byCharacter.set(pattern.character, (list = []))
      list.push(pattern)
    }
    const groups: Array<Group> = []
    const units = new Set<number>()
    let edges = ''
    for (const [character, patterns] of byCharacter) {
      const edge = patterns.every(isEdgePattern)
      groups.push({character, patterns, edge})
      if (edge) edges += character
      // Every code unit of every character (a superset is safe: more text is checked).
      else for (let index = 0; index < character.length; index++) units.add(character.charCodeAt(index))
    }
    scope = {groups, units, edges}
    byStack.set(key, scope)
  }
  return scope
}

/** `mdast-util-to-markdown`'s `listInScope`: whether one of `list` is on `stack` (`none` for no list). */
function inScope(stack: ReadonlyArray<ConstructName>, list: Unsafe['inConstruct'], none: boolean): boolean {
  if (!list) return none
  const names = typeof list === 'string' ? [list] : list
  if (names.length === 0) return none
  return names.some((name) => stack.includes(name))
}
