import type {Comment, Element, ElementContent, Root, RootContent, Text} from 'hast'
import {replaceChild} from './replace-child.js'

/** What a `walk` visitor returns: `skip` (do not go into this element), `exit` (stop), or nothing (go on). */
export type WalkAction = 'skip' | 'exit' | undefined | void

/**
 * A `walk` visitor: `node` is a child of `parent`, at `index`. It may
 * change `node`'s children (the walk goes into them as they are after the
 * call) and, when it returns `exit`, `parent`'s.
 */
export type Visitor = (node: RootContent | ElementContent, parent: Root | Element, index: number) => WalkAction

/**
 * Visit every node below `tree` (not `tree` itself) with an explicit stack,
 * so no page nests deep enough to overflow it: a parent's children are
 * visited in order, then the walk goes into its element children (the last
 * one first). Not document order: use it for searches whose answer does not
 * depend on order between branches, or where that order is wanted.
 *
 * @returns
 *   Whether a visitor returned `exit`.
 */
export function walk(tree: Root | Element, visitor: Visitor): boolean {
  const stack: Array<Root | Element> = [tree]
  while (stack.length > 0) {
    const parent = stack.pop()!
    for (let index = 0; index < parent.children.length; index++) {
      const node = parent.children[index]
      const action = visitor(node, parent, index)
      if (action === 'exit') return true
      if (action !== 'skip' && node.type === 'element') stack.push(node)
    }
  }
  return false
}

/** A parent `walkInOrder` is in, and the index of its next child to read. */
export interface WalkFrame {
  parent: Root | Element
  index: number
}

/**
 * Visit every node below `tree` (not `tree` itself) in document order,
 * reading each parent's children one at a time (a search that exits early
 * reads no further), with an explicit stack, so no page nests deep enough
 * to overflow it. `frames` is that stack: `frames[0].parent` is `tree`,
 * the last one's is `parent`, each the parent of the next (read it during
 * the call only). The walk goes into an element with children unless the
 * visitor returns `skip`; `exit` stops it.
 *
 * @returns
 *   Whether a visitor returned `exit`.
 */
export function walkInOrder(tree: Root | Element, visitor: (node: RootContent | ElementContent, parent: Root | Element, frames: ReadonlyArray<WalkFrame>) => WalkAction): boolean {
  const frames: Array<WalkFrame> = [{parent: tree, index: 0}]
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]
    if (frame.index >= frame.parent.children.length) {
      frames.pop()
      continue
    }
    const child = frame.parent.children[frame.index++]
    const action = visitor(child, frame.parent, frames)
    if (action === 'exit') return true
    if (action !== 'skip' && child.type === 'element' && child.children.length > 0) frames.push({parent: child, index: 0})
  }
  return false
}

/**
 * One listener of `walkShared`: told about the elements (on the way down and
 * up), text nodes and comments of the tree, in document order.
 */
export interface WalkListener {
  /**
   * An element, before its children are read (the listener may change them).
   * Return `false` to hear nothing of its subtree (nor its `leave`); return
   * nodes to put them in the element's place: the listeners after this one
   * are not told about the element, the walk goes on with the new nodes
   * (every listener hears them), and the listeners before this one that
   * entered the element are told it is left.
   */
  enter?(element: Element, parent: Root | Element, index: number): boolean | undefined | void | Array<ElementContent>
  /** A text node. */
  text?(node: Text, parent: Root | Element): undefined | void
  /** A comment. */
  comment?(node: Comment, parent: Root | Element): undefined | void
  /** The subtree of an element whose `enter` did not return `false` is done. */
  leave?(element: Element): undefined | void
}

/**
 * Walk `tree` once, in document order, for several listeners at once: each
 * hears what it did not skip; the walk reads a subtree's children only while
 * some listener still listens there. Iterative (no recursion), so no page
 * nests deep enough to overflow the stack. Listeners are told in the order
 * given (one that changes an element's children on `enter` comes first).
 *
 * @param tree
 *   Root or element; `tree` itself is not reported.
 * @param listeners
 *   Listeners.
 */
export function walkShared(tree: Root | Element, listeners: ReadonlyArray<WalkListener>): void {
  // Per listener, the depth of the element it skips below (-1: listening).
  const skipped = listeners.map(() => -1)
  let listening = listeners.length
  const stack: Array<{parent: Root | Element; index: number}> = [{parent: tree, index: 0}]
  while (stack.length > 0) {
    const depth = stack.length - 1
    const frame = stack[depth]
    if (frame.index >= frame.parent.children.length) {
      stack.pop()
      const parent = frame.parent
      if (parent.type !== 'element' || depth === 0) continue
      for (let at = 0; at < listeners.length; at++) {
        if (skipped[at] === depth) {
          skipped[at] = -1
          listening++
        } else if (skipped[at] === -1) listeners[at].leave?.(parent)
      }
      continue
    }
    const index = frame.index++
    const child = frame.parent.children[index]
    if (child.type === 'text') {
      for (let at = 0; at < listeners.length; at++) if (skipped[at] === -1) listeners[at].text?.(child, frame.parent)
      continue
    }
    if (child.type === 'comment') {
      for (let at = 0; at < listeners.length; at++) if (skipped[at] === -1) listeners[at].comment?.(child, frame.parent)
      continue
    }
    if (child.type !== 'element') continue
    let replaced = false
    for (let at = 0; at < listeners.length; at++) {
      if (skipped[at] !== -1) continue
      const enter = listeners[at].enter
      const result = enter && enter(child, frame.parent, index)
      if (result === false) {
        skipped[at] = depth + 1
        listening--
      } else if (Array.isArray(result)) {
        // Left at once by those who entered it; the walk reads the new nodes next.
        for (let before = 0; before < at; before++) {
          if (skipped[before] === depth + 1) {
            skipped[before] = -1
            listening++
          } else if (skipped[before] === -1) listeners[before].leave?.(child)
        }
        replaceChild(frame.parent, index, result)
        frame.index = index
        replaced = true
        break
      }
    }
    if (replaced) continue
    if (listening > 0) {
      stack.push({parent: child, index: 0})
      continue
    }
    // Nobody listens below: undo the skips made at this element.
    for (let at = 0; at < listeners.length; at++) {
      if (skipped[at] === depth + 1) {
        skipped[at] = -1
        listening++
      }
    }
  }
}

/**
 * The listeners of a shared walk, told of the tree by a walk of the
 * caller's own (the collapse's, `collapse-walk.ts`): each hears what it did
 * not skip, in the order given, as in `walkShared`. The caller tells every
 * node in document order, an element's subtree after it and then that it is
 * left, whether or not anyone listens there; what `enter` returns other
 * than `false` is ignored (no listener may put nodes in the element's place).
 */
export interface ListenerHub {
  enter(element: Element, parent: Root | Element, index: number): undefined
  text(node: Text, parent: Root | Element): undefined
  comment(node: Comment, parent: Root | Element): undefined
  leave(element: Element): undefined
}

/**
 * A hub for `listeners` (see `ListenerHub`).
 *
 * @param listeners
 *   Listeners, told in this order.
 * @returns
 *   Hub, at the depth of the tree's children.
 */
export function listenerHub(listeners: ReadonlyArray<WalkListener>): ListenerHub {
  // Per listener, the depth of the element it skips below (-1: listening).
  const skipped = listeners.map(() => -1)
  let depth = 0
  return {
    enter(element, parent, index) {
      depth++
      for (let at = 0; at < listeners.length; at++) {
        const enter = listeners[at].enter
        if (skipped[at] === -1 && enter && enter(element, parent, index) === false) skipped[at] = depth
      }
      return undefined
    },
    text(node, parent) {
      for (let at = 0; at < listeners.length; at++) if (skipped[at] === -1) listeners[at].text?.(node, parent)
      return undefined
    },
    comment(node, parent) {
      for (let at = 0; at < listeners.length; at++) if (skipped[at] === -1) listeners[at].comment?.(node, parent)
      return undefined
    },
    leave(element) {
      for (let at = 0; at < listeners.length; at++) {
        if (skipped[at] === depth) skipped[at] = -1
        else if (skipped[at] === -1) listeners[at].leave?.(element)
      }
      depth--
      return undefined
    }
  }
}

/**
 * A plugin's share of a shared walk (`walkParts`): its listener, and what
 * it does once the walk is over (edits it collected, data it records).
 *
 * Rule for edits while the walk runs: a listener changes only the children
 * of the element it is told about on `enter` (before the walk reads them),
 * or values of nodes it is told about (text, properties); anything else
 * (moving nodes, removing the element itself) is collected and done in
 * `done`, after the walk.
 */
export interface WalkPart {
  listener: WalkListener
  /** Called once the walk is over, in the order the parts were given. */
  done?(): undefined | void
}

/**
 * Walk `tree` once for several plugins' parts (`walkShared`, in the order
 * given), then run each part's `done`.
 */
export function walkParts(tree: Root | Element, parts: ReadonlyArray<WalkPart>): void {
  walkShared(
    tree,
    parts.map((part) => part.listener)
  )
  for (const part of parts) part.done?.()
}

/**
 * Whether an element inside `node` (not `node` itself) passes `test`.
 * Pre-order from the last child, with an explicit stack (any depth is
 * fine); stops at the first match.
 *
 * @param node
 *   Element to look inside.
 * @param test
 *   Check of one element.
 * @returns
 *   Whether one passes.
 */
export function holdsElement(node: Element, test: (element: Element) => boolean): boolean {
  const stack: Array<Element> = [node]
  while (stack.length > 0) {
    const element = stack.pop()!
    for (const child of element.children) {
      if (child.type !== 'element') continue
      if (test(child)) return true
      stack.push(child)
    }
  }
  return false
}
