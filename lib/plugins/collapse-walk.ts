import type {Comment, Element, ElementContent, Root, Text} from 'hast'
import {collapseFormatting} from './rehype-collapse-formatting.js'
import type {ChildrenStep} from './rehype-collapse-formatting.js'
import {rewriteSupSub, supSubTags} from './rehype-sup-sub.js'
import {inlineTextElements} from '../util/inline-elements.js'
import {listenerHub} from '../util/walk.js'
import type {ListenerHub, WalkPart} from '../util/walk.js'

/** A node the collapse told of, kept until the marks around it are written. */
type Told =
  | {kind: 'enter'; node: Element; parent: Root | Element; index: number}
  | {kind: 'leave'; node: Element}
  | {kind: 'text'; node: Text; parent: Root | Element}
  | {kind: 'comment'; node: Comment; parent: Root | Element}

/**
 * Collapse formatting (`collapseFormatting`, running `step` on each parent
 * first), write superscript and subscript (`rewriteSupSub`) and walk `parts`
 * over the tree the two leave (`walkParts`), on the collapse's walk alone.
 * The parts hear the tree as a walk of their own after both steps would
 * have them hear it, and run their `done` in order at the end.
 *
 * The marks are written on the way: those in a block are written (last
 * first, as `rewriteSupSub` does) once the collapse leaves the innermost
 * block holding them that no text-level element holds (the root at the
 * end), as what a mark reads around it (the text before and after it,
 * through text-level elements) lies in that block, collapsed then, and no
 * mark outside the block reads into it. From a mark on, what the parts are
 * told waits for that block to be left, the mark being told as what took
 * its place; so does what follows a ruby's reading (`<rt>`), whose brackets
 * (put in by CJK spacing, `cjkSpacingPart`) a mark after it may read. The
 * parts must change nothing else that a mark reads: CJK spacing's removal
 * of line breaks inside runs of text before a mark is such a change only
 * in appearance, as it keeps the first and last character of each run.
 *
 * @param tree
 *   Tree, changed in place.
 * @param step
 *   Pass run on each parent's children before the collapse reads them (`ChildrenStep`).
 * @param parts
 *   Parts of a shared walk (the listeners must not put nodes in an element's place).
 */
export function collapseWalk(tree: Root, step: ChildrenStep | undefined, parts: ReadonlyArray<WalkPart>): void {
  const hub = listenerHub(parts.map((part) => part.listener))
  // The open elements (the root first), and the open blocks no text-level element holds.
  const open: Array<Root | Element> = [tree]
  const blocks: Array<Root | Element> = [tree]
  let inline = 0
  // The block whose leaving what is told waits for, what waits, the marks to write.
  let owner: Root | Element | undefined
  let waiting: Array<Told> = []
  let marks: Array<[Element, Array<Root | Element>]> = []
  const written = new Map<Element, Array<ElementContent>>()
  const tell = (told: Told) => {
    if (owner) waiting.push(told)
    else if (told.kind === 'enter') hub.enter(told.node, told.parent, told.index)
    else if (told.kind === 'leave') hub.leave(told.node)
    else if (told.kind === 'text') hub.text(told.node, told.parent)
    else hub.comment(told.node, told.parent)
  }
  const settle = () => {
    rewriteSupSub(tree, marks, (node, replacement) => void written.set(node, replacement))
    const told = waiting
    owner = undefined
    waiting = []
    marks = []
    replay(hub, told, written)
    written.clear()
  }
  collapseFormatting(tree, undefined, step, {
    enter(element, parent, index) {
      const mark = supSubTags.has(element.tagName)
      if (!owner && (mark || element.tagName === 'rt')) owner = blocks[blocks.length - 1]
      if (mark) marks.push([element, [...open]])
      open.push(element)
      if (inlineTextElements.has(element.tagName)) inline++
      else if (inline === 0) blocks.push(element)
      tell({kind: 'enter', node: element, parent, index})
    },
    text(node, parent) {
      tell({kind: 'text', node, parent})
    },
    comment(node, parent) {
      tell({kind: 'comment', node, parent})
    },
    leave(element) {
      open.pop()
      if (inlineTextElements.has(element.tagName)) inline--
      else if (blocks[blocks.length - 1] === element) blocks.pop()
      tell({kind: 'leave', node: element})
      if (element === owner) settle()
    }
  })
  if (owner) settle()
  for (const part of parts) part.done?.()
}

/**
 * Tell `hub` what waited, in order: a mark rewritten as what took its place
 * (`written`), an element whose children a listener changed on `enter` (a
 * ruby's reading given brackets) as they are then.
 */
function replay(hub: ListenerHub, told: ReadonlyArray<Told>, written: ReadonlyMap<Element, Array<ElementContent>>): void {
  for (let at = 0; at < told.length; at++) {
    const item = told[at]
    if (item.kind === 'leave') hub.leave(item.node)
    else if (item.kind === 'text') hub.text(item.node, item.parent)
    else if (item.kind === 'comment') hub.comment(item.node, item.parent)
    else {
      const replacement = written.get(item.node)
      if (replacement) {
        tellNodes(hub, item.parent, replacement)
        at = leaveOf(told, at)
        continue
      }
      const before = item.node.children
      hub.enter(item.node, item.parent, item.index)
      if (item.node.children === before) continue
      tellNodes(hub, item.node, item.node.children)
      hub.leave(item.node)
      at = leaveOf(told, at)
    }
  }
}

/** Tell `hub` of `nodes` (children of `parent`) and their subtrees, in document order. */
function tellNodes(hub: ListenerHub, parent: Root | Element, nodes: ReadonlyArray<ElementContent>): void {
  const frames: Array<{parent: Root | Element; list: ReadonlyArray<ElementContent>; index: number}> = [{parent, list: nodes, index: 0}]
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]
    if (frame.index >= frame.list.length) {
      frames.pop()
      if (frames.length > 0) hub.leave(frame.parent as Element)
      continue
    }
    const node = frame.list[frame.index++]
    if (node.type === 'text') hub.text(node, frame.parent)
    else if (node.type === 'comment') hub.comment(node, frame.parent)
    else {
      hub.enter(node, frame.parent, frame.index - 1)
      frames.push({parent: node, list: node.children, index: 0})
    }
  }
}

/** The place in `told` of the leaving of the element entered at `start`. */
function leaveOf(told: ReadonlyArray<Told>, start: number): number {
  let depth = 0
  for (let at = start; ; at++) {
    const kind = told[at].kind
    if (kind === 'enter') depth++
    else if (kind === 'leave' && --depth === 0) return at
  }
}
