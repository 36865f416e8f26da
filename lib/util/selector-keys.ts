/**
 * What an element must have to match a selector, read from the selector's
 * text: for each alternative (`a, b`), one tag name, class, id or attribute
 * of its last compound (the part after the last combinator). A necessary
 * condition only: an element without it cannot match, one with it is
 * tested by the compiled selector. A shared walk (`gatherSelectors`) tests
 * a selector only on the elements that have one of its keys, the way
 * browsers bucket style rules by their rightmost compound.
 *
 * @module
 */
import {AttributeAction, IgnoreCaseMode, isTraversal, parse} from 'css-what'
import type {Selector} from 'css-what'

/**
 * A requirement of one alternative: `tag` a tag name (lower case, as
 * `css-select` compares it in HTML), `class` a word of the class list,
 * `id` the whole `id`, `attribute` an attribute present (lower-case name).
 */
export interface SelectorKey {
  kind: 'tag' | 'class' | 'id' | 'attribute'
  value: string
}

/**
 * The keys of `selector`, one per alternative, or `undefined` when an
 * alternative has none this reader can vouch for (no tag, class, id or
 * attribute in its last compound; namespaces, pseudo-elements, upper-case
 * attribute names, a selector that does not parse): such a selector is
 * tested on every element.
 */
export function selectorKeys(selector: string): Array<SelectorKey> | undefined {
  // A profile's selectors are read for every page: each once.
  let keys = known.get(selector)
  if (keys === undefined) {
    keys = readKeys(selector) || null
    if (known.size >= 1000) known.clear()
    known.set(selector, keys)
  }
  return keys ? keys.map((key) => ({kind: key.kind, value: key.value})) : undefined
}

/** The keys of selectors read (`null`: none). */
const known = new Map<string, Array<SelectorKey> | null>()

function readKeys(selector: string): Array<SelectorKey> | undefined {
  let alternatives: Array<Array<Selector>>
  try {
    // `css-what` is the parser `css-select` compiles from: the same reading of the text.
    alternatives = parse(selector)
  } catch {
    return undefined
  }
  const keys: Array<SelectorKey> = []
  for (const tokens of alternatives) {
    // The last compound: the tokens after the last combinator.
    let start = 0
    for (const [index, token] of tokens.entries()) if (isTraversal(token)) start = index + 1
    const key = keyOf(tokens.slice(start))
    if (!key) return undefined
    keys.push(key)
  }
  return keys.length > 0 ? keys : undefined
}

/**
 * One requirement of a compound (`div.a#b[c]:not(.d)`): its id, else a
 * class, else its tag, else an attribute; what is inside a pseudo-class is
 * never a requirement. `undefined` for a compound with none, or with a
 * namespace or a pseudo-element.
 */
function keyOf(compound: ReadonlyArray<Selector>): SelectorKey | undefined {
  let tag: string | undefined
  let id: string | undefined
  let className: string | undefined
  let present: string | undefined
  for (const token of compound) {
    if (token.type === 'pseudo-element') return undefined
    if ((token.type === 'tag' || token.type === 'attribute' || token.type === 'universal') && token.namespace) return undefined
    if (token.type === 'tag') tag = token.name.toLowerCase()
    else if (token.type === 'attribute') {
      // `css-select` compares attribute names as written: an upper-case one is left to it.
      if (token.name !== token.name.toLowerCase()) continue
      // `[a!=b]` matches elements without `a` too.
      if (token.action === AttributeAction.Not) continue
      // Class and id values compare as written (HTML, no quirks mode) unless the selector says `i`.
      const exact = token.ignoreCase !== true && token.ignoreCase !== IgnoreCaseMode.Unknown
      if (exact && token.name === 'id' && token.action === AttributeAction.Equals && token.value) id ??= token.value
      else if (exact && token.name === 'class' && token.action === AttributeAction.Element && token.value && !/\s/.test(token.value)) className ??= token.value
      else present ??= token.name
    }
  }
  if (id) return {kind: 'id', value: id}
  if (className) return {kind: 'class', value: className}
  if (tag) return {kind: 'tag', value: tag}
  if (present) return {kind: 'attribute', value: present}
  return undefined
}
