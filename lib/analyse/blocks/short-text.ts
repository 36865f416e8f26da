import type {Element} from 'hast'
import {createScopedValue} from '../../util/scoped-value.js'
import type {WalkListener} from '../../util/walk.js'

/**
 * Text of `node` when it is short: `undefined` once the text passes
 * `maxLength` characters or the walk passes `maxNodes` nodes (bounded cost,
 * explicit stack, document order). Inside `withShortTexts`, an element the
 * given `ShortTexts` knows is answered from it, without a walk.
 */
export function shortText(node: Element, maxLength = 200, maxNodes = 300): string | undefined {
  const texts = scope.current()
  const known = texts && maxLength <= shortTextCap ? texts.get(node) : undefined
  if (known) return known.nodes > maxNodes || known.length > maxLength ? undefined : known.text
  let value = ''
  let visited = 0
  const stack: Array<Element | string> = [node]
  while (stack.length > 0) {
    const item = stack.pop() as Element | string
    if (typeof item === 'string') {
      value += item
      if (value.length > maxLength) return undefined
      continue
    }
    visited += item.children.length
    if (visited > maxNodes) return undefined
    for (let index = item.children.length - 1; index >= 0; index--) {
      const child = item.children[index]
      if (child.type === 'text') stack.push(child.value)
      else if (child.type === 'element') stack.push(child)
    }
  }
  return value
}

/**
 * `shortText` with the nodes it counted: `undefined` past the same limits,
 * else the text and the children of `node` and of every element inside it.
 */
export function shortTextFacts(node: Element, maxLength: number, maxNodes: number): {text: string; nodes: number} | undefined {
  let text = ''
  let nodes = 0
  const stack: Array<Element | string> = [node]
  while (stack.length > 0) {
    const item = stack.pop()!
    if (typeof item === 'string') {
      text += item
      if (text.length > maxLength) return undefined
      continue
    }
    nodes += item.children.length
    if (nodes > maxNodes) return undefined
    for (let index = item.children.length - 1; index >= 0; index--) {
      const child = item.children[index]
      if (child.type === 'text') stack.push(child.value)
      else if (child.type === 'element') stack.push(child)
    }
  }
  return {text, nodes}
}

/** Longest `maxLength` (in UTF-16 code units) a `ShortTexts` answers: the longest asked, the browser-notice check's (`noticeTextMax` twice). */
export const shortTextCap = 1200

/** What `shortText` needs of one element, gathered beforehand. */
export interface ShortTextFacts {
  /** Children of the element and of every element inside it (all node types). */
  nodes: number
  /** Length of its text (UTF-16 code units). */
  length: number
  /** Its text, when `length` is at most `shortTextCap`. */
  text: string | undefined
}

/** Elements with their `ShortTextFacts` (see `gatherShortTexts`). */
export type ShortTexts = Map<Element, ShortTextFacts>

/**
 * A listener of a shared walk (`walkShared`, which must not skip subtrees
 * for it) that gathers `ShortTextFacts` of every element below the walk's
 * tree. `shortText` over a subtree is `undefined` exactly when the subtree's
 * text or node count passes its limits, both of which only grow as its walk
 * goes on: so the totals answer it for any limits. Valid while the
 * subtrees do not change.
 */
export function gatherShortTexts(): {listener: WalkListener; result(): ShortTexts} {
  const texts: ShortTexts = new Map()
  // The facts of the elements entered and not yet left; the first is the tree's.
  const open: Array<ShortTextFacts> = [{nodes: 0, length: 0, text: ''}]
  const listener: WalkListener = {
    enter(element) {
      open.push({nodes: element.children.length, length: 0, text: ''})
    },
    text(node) {
      add(open[open.length - 1], node.value.length, node.value)
    },
    leave(element) {
      const facts = open.pop()!
      texts.set(element, facts)
      const parent = open[open.length - 1]
      parent.nodes += facts.nodes
      add(parent, facts.length, facts.text)
    }
  }
  return {listener, result: () => texts}
}

function add(facts: ShortTextFacts, length: number, text: string | undefined): void {
  facts.length += length
  facts.text = facts.text !== undefined && text !== undefined && facts.length <= shortTextCap ? facts.text + text : undefined
}

const scope = createScopedValue<ShortTexts>()

/** The text (`hast-util-to-string`'s) of `element` that `texts` holds, if it does (nothing is read). */
export function knownShortText(texts: ShortTexts | undefined, element: Element): string | undefined {
  const facts = texts && texts.get(element)
  return facts && facts.text
}

/**
 * Run `run` with `shortText` answering the elements `texts` knows from it
 * (their subtrees must not change meanwhile).
 */
export function withShortTexts<Result>(texts: ShortTexts, run: () => Result): Result {
  return scope.run(texts, run)
}
