// Whole-tree walks of the hast stage, counted as visits: every read of a
// node from a `children` array (by a loop, a spread, `indexOf`, a selector
// engine, `hast-util-to-string`) counts one, and the visits of a phase
// divided by the nodes in the tree at its start give its whole-tree walks.
// The page phase runs until the tree is pruned to the article root
// (`tree.children = [root]`), the article phase after. A walk that stops
// early or skips subtrees counts the share it saw.
//
// The one instrumenting module of the walk counts: used by
// `scripts/probe-steps.ts` (which prints the figures),
// `scripts/probe-walk-sites.ts` (which tells who makes the visits, with
// `onVisit`) and `test/walks.ts` (which keeps them from growing).
import type {Nodes, Root} from 'hast'

let visits = 0
let onRootChildren: (() => void) | undefined
let onVisit: ((phase: Phase) => void) | undefined
let phase: Phase = 'page'
const raw = new WeakMap<object, Array<unknown>>()
const counting: ProxyHandler<Array<unknown>> = {
  get(target, key, receiver) {
    if (typeof key === 'string' && key.length < 10 && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57) {
      visits++
      if (onVisit) onVisit(phase)
    }
    return Reflect.get(target, key, receiver)
  }
}

/** The phase a visit belongs to: before the tree is pruned to the article root, or after. */
export type Phase = 'page' | 'article'

function wrap(children: Array<unknown>): Array<unknown> {
  if (raw.has(children)) return children
  const proxy = new Proxy(children, counting)
  raw.set(proxy, children)
  return proxy
}

/** Count reads of children from here on, also of arrays assigned later. */
function instrument(tree: Root): void {
  for (const node of nodesOf(tree)) {
    if (node.type !== 'root' && node.type !== 'element') continue
    let children = wrap(node.children)
    Object.defineProperty(node, 'children', {
      configurable: true,
      enumerable: true,
      get: () => children,
      set(value: Array<unknown>) {
        children = wrap(value)
        if (node.type === 'root' && onRootChildren) onRootChildren()
      }
    })
  }
}

/** Turn the accessors back into plain arrays (for `structuredClone` in rehype-remark). */
function release(tree: Root): void {
  const stack: Array<Nodes> = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type !== 'root' && node.type !== 'element') continue
    const children = node.children as Array<Nodes>
    const plain = (raw.get(children) || children) as Array<Nodes>
    Object.defineProperty(node, 'children', {configurable: true, enumerable: true, writable: true, value: plain})
    for (const child of plain) stack.push(child)
  }
}

/** Every node, read without counting. */
export function nodesOf(tree: Root): Array<Nodes> {
  const all: Array<Nodes> = []
  const stack: Array<Nodes> = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    all.push(node)
    if (node.type !== 'root' && node.type !== 'element') continue
    const children = (raw.get(node.children) || node.children) as Array<Nodes>
    for (const child of children) stack.push(child)
  }
  return all
}

/**
 * Run `step` on `tree` with every read of a child counted.
 *
 * @returns
 *   Visits.
 */
export function countVisits(tree: Root, step: () => unknown): number {
  instrument(tree)
  visits = 0
  try {
    step()
  } finally {
    release(tree)
  }
  return visits
}

/** What else to do while counting (`countPhases`). */
export interface CountOptions {
  /**
   * Called on each visit, with its phase, from inside the code that reads
   * the child (so `new Error().stack` tells who reads it).
   */
  onVisit?: ((phase: Phase) => void) | null | undefined
}

/** Whole-tree walks of one run of the hast stage, per phase. */
export interface PhaseWalks {
  /** Nodes in the tree at the start of the page phase. */
  pageNodes: number
  /** Visits in the page phase. */
  pageVisits: number
  /** Nodes in the tree when it was pruned (`undefined`: never pruned). */
  articleNodes: number | undefined
  /** Visits in the article phase. */
  articleVisits: number
}

/**
 * Run `step` (the hast stage) on `tree`, counting the visits of the page
 * phase and the article phase apart.
 */
export function countPhases(tree: Root, step: () => unknown, options?: Readonly<CountOptions> | null | undefined): PhaseWalks {
  const pageNodes = nodesOf(tree).length
  let pageVisits = 0
  let articleNodes: number | undefined
  phase = 'page'
  onVisit = (options && options.onVisit) || undefined
  onRootChildren = () => {
    if (articleNodes !== undefined) return
    pageVisits = visits
    visits = 0
    phase = 'article'
    articleNodes = nodesOf(tree).length
  }
  let total: number
  try {
    total = countVisits(tree, step)
  } finally {
    onRootChildren = undefined
    onVisit = undefined
    phase = 'page'
  }
  return articleNodes === undefined ? {pageNodes, pageVisits: total, articleNodes, articleVisits: 0} : {pageNodes, pageVisits, articleNodes, articleVisits: total}
}
