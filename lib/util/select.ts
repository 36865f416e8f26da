import type {Element, ElementContent, Root, RootContent} from 'hast'
import {toString} from 'hast-util-to-string'
import {find, html} from 'property-information'
import {compile as compileQuery} from 'css-select'
import type {Options} from 'css-select'
import {selectorKeys} from './selector-keys.js'
import {walkInOrder} from './walk.js'
import type {WalkListener} from './walk.js'

type Node = Root | RootContent

/**
 * Parents of the nodes seen by the current query. Reset at the start of
 * every query and filled top-down as the query walks (`getChildren`), so
 * an element's ancestors are known, and current, by the time it is tested;
 * ancestors above the tree a query starts from are never seen, as in
 * `hast-util-select`.
 */
let parents = new Map<Node, Root | Element>()

/** How an attribute name maps to a hast property, cached per name. */
interface AttributeInfo {
  property: string
  comma: boolean
}

const attributes = new Map<string, AttributeInfo>()

function attributeInfo(name: string): AttributeInfo {
  let info = attributes.get(name)
  if (!info) {
    const found = find(html, name)
    info = {property: found.property, comma: found.commaSeparated}
    attributes.set(name, info)
  }
  return info
}

/**
 * Serialized values of list properties (`className`…) seen by the current
 * query, by list: `.a.b` or ten class selectors tested on one element join
 * its class list once. Reset with `parents` (a query never changes the
 * tree, so a list is the same throughout); keyed by the list itself, so a
 * list replaced by another is joined again.
 */
let joined = new WeakMap<ReadonlyArray<unknown>, string>()

/** The attribute's value as it would be serialized (`undefined`: absent). */
function attributeValue(element: Element, name: string): string | undefined {
  const info = attributeInfo(name)
  const value = element.properties[info.property]
  if (value === undefined || value === null || value === false) return undefined
  if (value === true) return ''
  if (Array.isArray(value)) {
    let text = joined.get(value)
    if (text === undefined) {
      text = value.join(info.comma ? ', ' : ' ')
      joined.set(value, text)
    }
    return text
  }
  return String(value)
}

/** Whether the element has the attribute (as `attributeValue(…) !== undefined`, without serializing it). */
function hasAttribute(element: Element, name: string): boolean {
  const value = element.properties[attributeInfo(name).property]
  return value !== undefined && value !== null && value !== false
}

function childrenOf(node: Node): Array<Node> {
  if (node.type !== 'root' && node.type !== 'element') return []
  const children = node.children as Array<Node>
  for (const child of children) parents.set(child, node)
  return children
}

function siblingsOf(node: Node): Array<Node> {
  const parent = parents.get(node)
  return parent ? (parent.children as Array<Node>) : [node]
}

/** `css-select` over hast: elements are `Element`s, names are lowercase. */
const adapter: NonNullable<Options<Node, Element>['adapter']> = {
  isTag: (node): node is Element => node.type === 'element',
  getAttributeValue: attributeValue,
  hasAttrib: hasAttribute,
  getChildren: childrenOf,
  getName: (element) => element.tagName,
  getParent: (element) => parents.get(element) ?? null,
  getSiblings: siblingsOf,
  prevElementSibling(node) {
    const siblings = siblingsOf(node)
    for (let index = siblings.indexOf(node) - 1; index >= 0; index--) {
      const sibling = siblings[index]
      if (sibling.type === 'element') return sibling
    }
    return null
  },
  getText: (node) => toString(node as Root),
  removeSubsets(nodes) {
    const set = new Set(nodes)
    return nodes.filter((node) => {
      for (let parent = parents.get(node); parent; parent = parents.get(parent)) if (set.has(parent)) return false
      return true
    })
  }
}

const options: Options<Node, Element> = {adapter, xmlMode: false}

/** A compiled selector: tests an element whose ancestors the last query walked. */
export type CompiledSelector = (element: Element) => boolean

const compiled = new Map<string, CompiledSelector>()

/**
 * Compile `selector` once (cached by text); throws a `SyntaxError`-like
 * error for a selector `css-select` cannot parse.
 */
export function compileSelector(selector: string): CompiledSelector {
  let query = compiled.get(selector)
  if (!query) {
    query = compileQuery<Node, Element>(selector, options) as CompiledSelector
    compiled.set(selector, query)
  }
  return query
}

/**
 * Run `query` with a fresh parent index and drop the index afterwards, so
 * no tree stays reachable from this module between queries.
 */
function withParents<T>(query: () => T): T {
  parents = new Map()
  joined = new WeakMap()
  try {
    return query()
  } finally {
    parents = new Map()
    joined = new WeakMap()
  }
}

/**
 * Elements under `tree` (not `tree` itself) that `query` accepts, in
 * document order (as `css-select`'s `findAll`: the content of `<template>`
 * is not searched), the first only with `one`. Each child is read once: the
 * parent index is filled as the walk reads it, so the ancestors of an
 * element are known by the time it is tested.
 */
function findAll(query: CompiledSelector, tree: Node, one: boolean): Array<Element> {
  const found: Array<Element> = []
  if (tree.type !== 'root' && tree.type !== 'element') return found
  walkInOrder(tree, function (child, parent) {
    parents.set(child, parent)
    if (child.type !== 'element') return undefined
    if (query(child)) {
      found.push(child)
      if (one) return 'exit'
    }
    return child.tagName === 'template' ? 'skip' : undefined
  })
  return found
}

/**
 * Elements under `tree` (not `tree` itself) matching `selector`, in
 * document order.
 */
export function selectAll(selector: string, tree: Root | Element | ElementContent): Array<Element> {
  return withParents(() => findAll(compileSelector(selector), tree as Node, false))
}

/** The first element under `tree` matching `selector`. */
export function select(selector: string, tree: Root | Element | ElementContent): Element | undefined {
  return withParents(() => findAll(compileSelector(selector), tree as Node, true)[0])
}

/**
 * Elements under `tree` matching any of `selectors`, in document order, one
 * walk for the whole list; each with which of `selectors` it matches
 * (combinators see the ancestors the walk saw).
 */
export function selectEach(selectors: ReadonlyArray<string>, tree: Root | Element): Array<{element: Element; matches: Array<boolean>}> {
  return withParents(() => {
    const found = findAll(compileSelector(selectors.join(', ')), tree, false)
    return found.map((element) => ({element, matches: selectors.map((selector) => compileSelector(selector)(element))}))
  })
}

/**
 * The elements under `tree` matching each of `selectors`, in document order
 * (one walk for all of them; combinators see the ancestors the walk saw).
 */
export function selectTable(selectors: ReadonlyArray<string>, tree: Root | Element): Map<string, Array<Element>> {
  const unique = [...new Set(selectors)]
  const table = new Map<string, Array<Element>>(unique.map((selector) => [selector, []]))
  if (unique.length === 0) return table
  for (const {element, matches} of selectEach(unique, tree)) {
    for (const [index, selector] of unique.entries()) if (matches[index]) table.get(selector)!.push(element)
  }
  return table
}

/**
 * Whether `element` on its own matches `selector` (as `hast-util-select`'s
 * `matches`: combinators see no ancestors).
 */
export function matches(selector: string, element: Element): boolean {
  return withParents(() => compileSelector(selector)(element))
}

/** Matches of selectors gathered in a shared walk (`gatherSelectors`), and the parents that walk saw. */
export interface SelectorTable {
  /** Each gathered selector's matches, in document order. */
  matches: Map<string, Array<Element>>
  /** Parent of each element, as the walk saw it. */
  parents: Map<Element, Root | Element>
  /** Index of each element in its parent's children, as the walk saw it. */
  positions: Map<Element, number>
}

/** Pseudo-classes that look only at the element and its ancestors. */
const ancestorPseudos = new Set(['not', 'is', 'where', 'matches'])

/**
 * Whether the matches of `selector` on an element depend only on the
 * element and its ancestors: no sibling combinator (`+`, `~`) and no
 * pseudo-class but `:not`, `:is`, `:where` (so no `:has`, `:contains`,
 * `:empty`, `:nth-child`, `:first-child`…). Such matches stay true while
 * the element stays where it is, whatever changes elsewhere, and can be
 * gathered top-down while a walk prepares the subtrees ahead of it.
 */
export function dependsOnAncestorsOnly(selector: string): boolean {
  let found = ancestorsOnly.get(selector)
  if (found === undefined) {
    found = readsAncestorsOnly(selector)
    if (ancestorsOnly.size >= 1000) ancestorsOnly.clear()
    ancestorsOnly.set(selector, found)
  }
  return found
}

/** `dependsOnAncestorsOnly` of each selector seen (a profile's are read for every page). */
const ancestorsOnly = new Map<string, boolean>()

function readsAncestorsOnly(selector: string): boolean {
  let quote = ''
  let inAttribute = false
  for (let index = 0; index < selector.length; index++) {
    const character = selector[index]
    if (quote) {
      if (character === '\\') index++
      else if (character === quote) quote = ''
      continue
    }
    if (character === '"' || character === "'") quote = character
    else if (character === '\\') index++
    else if (inAttribute) {
      if (character === ']') inAttribute = false
    } else if (character === '[') inAttribute = true
    else if (character === '+' || character === '~') return false
    else if (character === ':') {
      let end = index + 1
      while (end < selector.length && /[\w-]/.test(selector[end])) end++
      if (!ancestorPseudos.has(selector.slice(index + 1, end).toLowerCase())) return false
      index = end - 1
    }
  }
  return true
}

/**
 * Gather the matches of `selectors` in a shared walk (`walkShared`, document
 * order, top-down): only those that depend on ancestors only
 * (`dependsOnAncestorsOnly`), the others are left out of the table (and
 * must be queried). As `css-select`, the content of `<template>` is not
 * searched.
 *
 * @param selectors
 *   Selectors (ones `css-select` cannot compile are left out too).
 */
export function gatherSelectors(selectors: ReadonlyArray<string>): {listener: WalkListener; result(): SelectorTable} {
  const table: SelectorTable = {matches: new Map(), parents: new Map(), positions: new Map()}
  // Each selector is tested only on elements that have one of its keys
  // (`selectorKeys`: a tag, class, id or attribute its last compound
  // requires); selectors without keys on every element.
  const buckets = new Map<string, Array<GatheredQuery>>()
  const withAttribute: Array<[string, GatheredQuery]> = []
  const always: Array<GatheredQuery> = []
  // Class lists joined once for the whole walk (ancestors are tested again for each element below them).
  // Listeners that replace a list (`className = […]`) get it joined again; none changes one in place.
  const walkJoined = new WeakMap<ReadonlyArray<unknown>, string>()
  for (const selector of new Set(selectors)) {
    if (!dependsOnAncestorsOnly(selector)) continue
    let query: CompiledSelector
    try {
      query = compileSelector(selector)
    } catch {
      // Left to the query that needs it, which reports it where it always has.
      continue
    }
    const found: Array<Element> = []
    table.matches.set(selector, found)
    const gathered: GatheredQuery = {query, found, last: undefined}
    const keys = selectorKeys(selector)
    if (!keys) {
      always.push(gathered)
      continue
    }
    for (const key of keys) {
      if (key.kind === 'attribute') {
        withAttribute.push([key.value, gathered])
        continue
      }
      const name = bucketName(key.kind, key.value)
      const bucket = buckets.get(name)
      if (bucket) bucket.push(gathered)
      else buckets.set(name, [gathered])
    }
  }
  const hasIds = [...buckets.keys()].some((name) => name.startsWith('#'))
  const hasClasses = [...buckets.keys()].some((name) => name.startsWith('.'))
  const listener: WalkListener = {
    enter(element, parent, index) {
      table.parents.set(element, parent)
      table.positions.set(element, index)
      const saved = parents
      const savedJoined = joined
      parents = table.parents as Map<Node, Root | Element>
      joined = walkJoined
      try {
        if (always.length > 0) test(always, element)
        const byTag = buckets.get(element.tagName)
        if (byTag) test(byTag, element)
        if (hasIds) {
          const id = attributeValue(element, 'id')
          const byId = id === undefined ? undefined : buckets.get('#' + id)
          if (byId) test(byId, element)
        }
        if (hasClasses) {
          const classes = attributeValue(element, 'class')
          if (classes) {
            for (const word of classes.split(/\s+/)) {
              const byClass = word ? buckets.get('.' + word) : undefined
              if (byClass) test(byClass, element)
            }
          }
        }
        for (const [name, gathered] of withAttribute) if (hasAttribute(element, name)) test([gathered], element)
      } finally {
        parents = saved
        joined = savedJoined
      }
      if (element.tagName === 'template') return false
    }
  }
  return {listener, result: () => table}
}

/** A selector gathered in a shared walk: its query, its matches, and the last element it was tested on (an element can have several of its keys). */
interface GatheredQuery {
  query: CompiledSelector
  found: Array<Element>
  last: Element | undefined
}

/** Name of the bucket of a tag (`p`), class (`.a`) or id (`#a`) key. */
function bucketName(kind: 'tag' | 'class' | 'id', value: string): string {
  return kind === 'class' ? '.' + value : kind === 'id' ? '#' + value : value
}

/** Test `element` with each query of `list` not tested on it yet, noting the matches. */
function test(list: ReadonlyArray<GatheredQuery>, element: Element): void {
  for (const gathered of list) {
    if (gathered.last === element) continue
    gathered.last = element
    if (gathered.query(element)) gathered.found.push(element)
  }
}

/**
 * Whether `element` is still below `top` where the walk of `table` saw it:
 * each parent up to `top` still holds the node below it. `false` for `top`
 * itself, a node the walk did not see, or one moved since. `inPlace`: nodes
 * found in place below `top` by earlier calls while the tree did not change
 * (not read again; those found now are added).
 */
export function stillBelow(table: SelectorTable, element: Element, top: Root | Element, inPlace?: Set<Element> | undefined): boolean {
  // Below `top` as the walk saw it (no read of the tree)…
  let parent = table.parents.get(element)
  while (parent && parent !== top) parent = parent.type === 'element' ? table.parents.get(parent) : undefined
  if (!parent) return false
  // …and still there: each parent still holds the node below it.
  let node: Element = element
  const chain: Array<Element> = []
  for (;;) {
    // Found in place below `top` by an earlier question (the tree unchanged since): so is everything below it here.
    if (inPlace && inPlace.has(node)) break
    const parent = table.parents.get(node)!
    // Where the walk saw it, else anywhere among the parent's children (siblings before it may have gone).
    if (indexNear(parent.children as Array<Node>, node, table.positions.get(node)!) === -1) return false
    chain.push(node)
    if (parent === top) break
    node = parent as Element
  }
  if (inPlace) for (const found of chain) inPlace.add(found)
  return true
}

/**
 * The matches of `selectors` from `table` as `selectOrdered` takes them,
 * and a test whether one is still below `top` (`stillBelow`), to be asked
 * while the tree does not change (it remembers what it found in place);
 * `undefined` when `table` lacks one of them (query the tree instead).
 */
export function gatheredMatches(
  table: SelectorTable | undefined,
  selectors: ReadonlyArray<string>,
  top: Root | Element
): {matches: ReadonlyMap<string, ReadonlyArray<Element>>; below(element: Element): boolean} | undefined {
  if (!table || !selectors.every((selector) => table.matches.has(selector))) return undefined
  // Elements found in place, so that matches sharing ancestors read each once: `below` answers for the tree as it is until it changes.
  const inPlace = new Set<Element>()
  return {matches: table.matches, below: (element) => stillBelow(table, element, top, inPlace)}
}

/**
 * The matches of `selector` from `table` still below `top`, in document
 * order, or `undefined` when `table` lacks it.
 */
export function gatheredBelow(table: SelectorTable | undefined, selector: string, top: Root | Element): Array<Element> | undefined {
  const found = table && table.matches.get(selector)
  const inPlace = new Set<Element>()
  return found && found.filter((element) => stillBelow(table, element, top, inPlace))
}

/**
 * Remove `element` from its parent as `table`'s walk saw it (no search):
 * for an element `stillBelow` vouched for.
 *
 * @returns
 *   The parent it was removed from.
 */
export function detachGathered(table: SelectorTable, element: Element): Root | Element {
  const parent = table.parents.get(element)!
  const children = parent.children as Array<Node>
  children.splice(indexNear(children, element, table.positions.get(element)!), 1)
  return parent
}

/**
 * Index of `node` in `children`, looked for at `position` (where a walk saw
 * it) first, then ever further before and after it (siblings before it
 * gone, or put before it): the nearest first. `-1`: not there.
 */
function indexNear(children: ReadonlyArray<Node>, node: Node, position: number): number {
  const start = Math.min(position, children.length - 1)
  for (let distance = 0; start - distance >= 0 || start + distance < children.length; distance++) {
    if (start - distance >= 0 && children[start - distance] === node) return start - distance
    if (distance > 0 && start + distance < children.length && children[start + distance] === node) return start + distance
  }
  return -1
}

/**
 * Keep `table` current after `moved` (elements the walk of `table` saw, none
 * inside another, none holding `root`) were taken from where they were and
 * put, in this order, before the first child of `root` (which did not move):
 * their parent is `root`, and the matches of the elements now below it are
 * tested again (their ancestors changed, and maybe their tag) and put in
 * document order among the others. Reads only the moved subtrees.
 *
 * @param table
 *   Matches gathered by a walk (`gatherSelectors`), changed in place.
 * @param moved
 *   Elements moved, in their new order.
 * @param root
 *   Their new parent.
 */
export function moveGathered(table: SelectorTable, moved: ReadonlyArray<Element>, root: Element): void {
  const inside: Array<Element> = []
  for (const [position, node] of moved.entries()) {
    table.parents.set(node, root)
    table.positions.set(node, position)
    // The moved subtree in document order (its parents as they are).
    const stack: Array<Element> = [node]
    while (stack.length > 0) {
      const element = stack.pop()!
      inside.push(element)
      if (element.tagName === 'template') continue
      for (let index = element.children.length - 1; index >= 0; index--) {
        const child = element.children[index]
        if (child.type !== 'element') continue
        table.parents.set(child, element)
        table.positions.set(child, index)
        stack.push(child)
      }
    }
  }
  const movedSet = new Set(inside)
  const saved = parents
  const savedJoined = joined
  parents = table.parents as Map<Node, Root | Element>
  joined = new WeakMap()
  try {
    for (const [selector, found] of table.matches) {
      const query = compileSelector(selector)
      const kept = found.filter((element) => !movedSet.has(element))
      const added = inside.filter((element) => query(element))
      if (kept.length === found.length && added.length === 0) continue
      // The moved elements are now the first in `root`: before its other matches and those after it.
      let at = 0
      while (at < kept.length && !insideOrAfter(table, kept[at], root)) at++
      kept.splice(at, 0, ...added)
      table.matches.set(selector, kept)
    }
  } finally {
    parents = saved
    joined = savedJoined
  }
}

/**
 * Keep `table` current after `attachWrapper` put `wrapper` (a new element)
 * in the place of `first`, its first child, having taken each of its
 * children (elements the walk of `table` saw, none inside another) from
 * their parents: the wrapper's parent and position are those `first` had,
 * its children's are the wrapper and their index in it, and the matches of
 * the wrapper and of the elements below it are tested again (their
 * ancestors changed) and put in document order among the others. The
 * elements below the children are told from the parents `table` recorded
 * (the walk recorded each parent before its children), not read again.
 *
 * @param table
 *   Matches gathered by a walk (`gatherSelectors`), changed in place.
 * @param wrapper
 *   The wrapper, in the tree.
 * @param first
 *   The child whose place it took.
 * @returns
 *   Whether `table` was kept current (`false`: a child the walk did not
 *   see, or one inside another; `table` was not changed and no longer
 *   tells where elements are).
 */
export function wrapGathered(table: SelectorTable, wrapper: Element, first: Element): boolean {
  const parent = table.parents.get(first)
  const position = table.positions.get(first)
  if (!parent || position === undefined) return false
  // Per child of the wrapper, the elements of its subtree in document order.
  const subtrees = new Map<Element, Array<Element>>()
  for (const child of wrapper.children) {
    if (child.type !== 'element' || !table.parents.has(child) || subtrees.has(child)) return false
    subtrees.set(child, [])
  }
  const below = new Map<Root | Element, Array<Element>>()
  for (const [element, at] of table.parents) {
    const own = subtrees.get(element)
    const list = below.get(at)
    // A child below another child.
    if (own && list) return false
    const into = own || list
    if (!into) continue
    into.push(element)
    below.set(element, into)
  }
  table.parents.set(wrapper, parent)
  table.positions.set(wrapper, position)
  const inside: Array<Element> = [wrapper]
  for (const [index, child] of wrapper.children.entries()) {
    table.parents.set(child as Element, wrapper)
    table.positions.set(child as Element, index)
    inside.push(...subtrees.get(child as Element)!)
  }
  const insideSet = new Set(inside)
  // The elements inside by tag, class and id, so each selector is tested only where its keys are (as the walk did).
  const buckets = new Map<string, Array<Element>>()
  const put = (name: string, element: Element) => {
    const bucket = buckets.get(name)
    if (!bucket) buckets.set(name, [element])
    else if (bucket[bucket.length - 1] !== element) bucket.push(element)
  }
  const saved = parents
  const savedJoined = joined
  parents = table.parents as Map<Node, Root | Element>
  joined = new WeakMap()
  try {
    for (const element of inside) {
      put(element.tagName, element)
      const id = attributeValue(element, 'id')
      if (id !== undefined) put('#' + id, element)
      const classes = attributeValue(element, 'class')
      if (classes) for (const word of classes.split(/\s+/)) if (word) put('.' + word, element)
    }
    for (const [selector, found] of table.matches) {
      const query = compileSelector(selector)
      const keys = selectorKeys(selector)
      let candidates: Array<Element> = inside
      if (keys) {
        const keyed = new Set<Element>()
        for (const key of keys) {
          if (key.kind === 'attribute') {
            for (const element of inside) if (hasAttribute(element, key.value)) keyed.add(element)
          } else for (const element of buckets.get(bucketName(key.kind, key.value)) || []) keyed.add(element)
        }
        candidates = keyed.size === 0 ? [] : inside.filter((element) => keyed.has(element))
      }
      const kept = found.filter((element) => !insideSet.has(element))
      const added = candidates.filter((element) => query(element))
      if (kept.length === found.length && added.length === 0) continue
      let at = 0
      while (at < kept.length && !insideOrAfter(table, kept[at], wrapper)) at++
      kept.splice(at, 0, ...added)
      table.matches.set(selector, kept)
    }
  } finally {
    parents = saved
    joined = savedJoined
  }
  return true
}

/** Whether `element` (not moved) is inside `root` or after it in document order, by the parents and positions `table` recorded. */
function insideOrAfter(table: SelectorTable, element: Element, root: Element): boolean {
  const rootChain = chainOf(table, root)
  const chain = chainOf(table, element)
  // Below the first ancestor the two share: which of its children comes first.
  let depth = 0
  while (depth < chain.length && depth < rootChain.length && chain[depth] === rootChain[depth]) depth++
  // `element` holds `root`: before it.
  if (depth === chain.length) return false
  // `root` holds `element`, or is it.
  if (depth === rootChain.length) return true
  return table.positions.get(chain[depth] as Element)! > table.positions.get(rootChain[depth] as Element)!
}

/** `node` and its ancestors as `table` recorded them, outermost first. */
function chainOf(table: SelectorTable, node: Element): Array<Root | Element> {
  const chain: Array<Root | Element> = []
  for (let at: Root | Element | undefined = node; at; at = at.type === 'element' ? table.parents.get(at) : undefined) chain.push(at)
  return chain.reverse()
}
