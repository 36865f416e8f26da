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

/**
 * A requirement of one alternative: `tag` a tag name (lower case, as
 * `css-select` compares it in HTML), `class` a word of the class list,
 * `id` the whole `id`, `attribute` an attribute present (lower-case name).
 */
export interface SelectorKey {
  kind: 'tag' | 'class' | 'id' | 'attribute'
  value: string
}

/** A CSS identifier without escapes or non-ASCII characters (others make the selector keyless). */
const identifier = /^-?[A-Za-z_][\w-]*/
/** An attribute selector: lower-case name, then an operator and a value (any quoting), optionally a case flag. */
const attribute = /^\[\s*([a-z][a-z\d-]*)\s*(?:([~|^$*!]?=)\s*(?:"[^"\\]*"|'[^'\\]*'|[^\]\s"'\\]+)\s*(?:[iIsS]\s*)?)?\]/

/**
 * The keys of `selector`, one per alternative, or `undefined` when an
 * alternative has none this reader can vouch for (no tag, class, id or
 * attribute in its last compound; escapes, namespaces, anything it does
 * not know): such a selector is tested on every element.
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
  if (selector.includes('\\') || selectorHasNamespace(selector)) return undefined
  const alternatives = splitTopLevel(selector)
  if (!alternatives) return undefined
  const keys: Array<SelectorKey> = []
  for (const alternative of alternatives) {
    const compound = lastCompound(alternative.trim())
    const key = compound ? keyOf(compound) : undefined
    if (!key) return undefined
    keys.push(key)
  }
  return keys.length > 0 ? keys : undefined
}

/** Whether a `|` outside attribute brackets (a namespace) is in `selector`. */
function selectorHasNamespace(selector: string): boolean {
  let depth = 0
  for (const character of selector) {
    if (character === '[') depth++
    else if (character === ']') depth--
    else if (character === '|' && depth === 0) return true
  }
  return false
}

/** `selector` split at commas outside brackets, parentheses and quotes; `undefined` when unbalanced. */
function splitTopLevel(selector: string): Array<string> | undefined {
  const parts: Array<string> = []
  let depth = 0
  let quote = ''
  let start = 0
  for (let index = 0; index < selector.length; index++) {
    const character = selector[index]
    if (quote) {
      if (character === quote) quote = ''
    } else if (character === '"' || character === "'") quote = character
    else if (character === '(' || character === '[') depth++
    else if (character === ')' || character === ']') {
      depth--
      if (depth < 0) return undefined
    } else if (character === ',' && depth === 0) {
      parts.push(selector.slice(start, index))
      start = index + 1
    }
  }
  if (quote || depth !== 0) return undefined
  parts.push(selector.slice(start))
  return parts
}

/** The compound after the last combinator (white space, `>`, `+`, `~`) outside brackets, parentheses and quotes. */
function lastCompound(selector: string): string {
  let depth = 0
  let quote = ''
  let start = 0
  for (let index = 0; index < selector.length; index++) {
    const character = selector[index]
    if (quote) {
      if (character === quote) quote = ''
    } else if (character === '"' || character === "'") quote = character
    else if (character === '(' || character === '[') depth++
    else if (character === ')' || character === ']') depth--
    else if (depth === 0 && (character === '>' || character === '+' || character === '~' || character === ' ' || character === '\t' || character === '\n' || character === '\r' || character === '\f'))
      start = index + 1
  }
  return selector.slice(start)
}

/**
 * One requirement of a compound (`div.a#b[c]:not(.d)`): its id, else a
 * class, else its tag, else an attribute; what is inside a pseudo-class is
 * never a requirement. `undefined` for a compound with none, or with a
 * part this reader does not know.
 */
function keyOf(compound: string): SelectorKey | undefined {
  let rest = compound
  let tag: string | undefined
  let id: string | undefined
  let className: string | undefined
  let present: string | undefined
  const name = identifier.exec(rest)
  if (name) {
    tag = name[0].toLowerCase()
    rest = rest.slice(name[0].length)
  } else if (rest.startsWith('*')) rest = rest.slice(1)
  while (rest.length > 0) {
    const first = rest[0]
    if (first === '.' || first === '#') {
      const word = identifier.exec(rest.slice(1))
      if (!word) return undefined
      if (first === '#') id ??= word[0]
      else className ??= word[0]
      rest = rest.slice(1 + word[0].length)
    } else if (first === '[') {
      const found = attribute.exec(rest)
      if (!found) return undefined
      // `[a!=b]` matches elements without `a` too.
      if (found[2] !== '!=') present ??= found[1]
      rest = rest.slice(found[0].length)
    } else if (first === ':') {
      const pseudo = /^:[A-Za-z-]+/.exec(rest)
      if (!pseudo) return undefined
      rest = rest.slice(pseudo[0].length)
      if (rest.startsWith('(')) {
        const end = closingParenthesis(rest)
        if (end < 0) return undefined
        rest = rest.slice(end + 1)
      }
    } else return undefined
  }
  if (id) return {kind: 'id', value: id}
  if (className) return {kind: 'class', value: className}
  if (tag) return {kind: 'tag', value: tag}
  if (present) return {kind: 'attribute', value: present}
  return undefined
}

/** Index of the `)` closing the `(` at the start of `text`, `-1` if none. */
function closingParenthesis(text: string): number {
  let depth = 0
  let quote = ''
  for (let index = 0; index < text.length; index++) {
    const character = text[index]
    if (quote) {
      if (character === quote) quote = ''
    } else if (character === '"' || character === "'") quote = character
    else if (character === '(') depth++
    else if (character === ')') {
      depth--
      if (depth === 0) return index
    }
  }
  return -1
}
