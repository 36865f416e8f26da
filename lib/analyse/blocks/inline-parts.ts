/**
 * The inline shapes (`inlineShape`) of every element of a tree, composed on
 * a shared walk from the parts of each element's children, so that the
 * cleaning rules and the removal log read a block's shape without reading
 * its subtree again (nested blocks were read once per block around them).
 *
 * An element's parts (`InlineParts`) are what `inlineShape` reads of its
 * insides, told apart by what the reader around it changes: the text
 * before the first run boundary inside (a block's start or end, a `<br>`)
 * joins the run before the element, the text after the last one the run
 * after it; the full runs between are the element's own. Links and headings
 * count relative to the element they are read from, so the parts keep
 * apart what the element's own links and headings hold: a link around the
 * element links all of its text, its outermost link becomes the element's
 * runs' only link, and a block inside makes that link a card from then on.
 * A block's start ends the run before it, so no text before the first
 * boundary inside an element is a card's; after it, whether a block opened
 * before a run ended is all a link around the element needs to know.
 * `shapeFromParts` gives `inlineShape(node)` exactly (`test/walks.ts`
 * compares them on pages and generated trees), or `undefined` when the
 * read would stop at its budget (then read it). Each element's full runs
 * are its children's, copied: parts past the budget are not composed, so
 * no element copies more than the budget's worth.
 *
 * @module
 */

import type {Element, Text} from 'hast'
import {isAriaHidden, isHidden} from './hidden.js'
import type {InlineShape} from './inline-runs.js'
import {shapeBudget} from './inline-runs.js'
import {measureText} from './measure-text.js'
import {phrasingTags, skipTags} from './tags.js'

/** Text of an element between two run boundaries (or its start or end), with what it holds of links. */
interface Segment {
  /** The text, white space collapsed to single spaces, not trimmed. */
  text: string
  /** Weighted length of the text (see `measureText`). */
  length: number
  /** Weighted length of the part inside links opened within the element. */
  linked: number
  /** The outermost links opened within the element that text came from: at most two (one is what counts). */
  links: ReadonlyArray<Element>
  /** Whether a link opened within the element wrapped a block while text came (or, for a full run, when it ended). */
  card: boolean
}

/** A full run of an element: between two run boundaries inside it. */
interface Run extends Segment {
  /** Whether a block opened inside the element before the run ended. */
  blocks: boolean
}

/** What `inlineShape` reads inside an element, whatever reads it (see the module). */
export interface InlineParts {
  /** Children `inlineShape` reads from the element (the unit of its budget): past `shapeBudget`, nothing else holds. */
  visits: number
  /** Weighted length of all the text. */
  total: number
  /** Whether a block opens inside. */
  blocks: boolean
  /** Headings inside. */
  headings: number
  /** Headings inside links opened inside. */
  headingsInLinks: number
  /** Links inside, outside other links inside. */
  outerLinks: number
  /** Links inside, outside other links inside, within a heading inside. */
  outerLinksInHeadings: number
  /** Links inside that hold text. */
  links: number
  /** Links inside that wrap a heading. */
  cards: number
  /** Text before the first run boundary inside; `undefined`: no boundary, all of it is `tail`. */
  head: Segment | undefined
  /** Full runs, with text (a run without text is never one). */
  runs: Array<Run>
  /** Text after the last run boundary inside (all of it without one). */
  tail: Segment
}

const noLinks: ReadonlyArray<Element> = []
const emptySegment: Segment = {text: '', length: 0, linked: 0, links: noLinks, card: false}
const headingTag = /^h[1-6]$/

function emptyParts(): InlineParts {
  return {visits: 0, total: 0, blocks: false, headings: 0, headingsInLinks: 0, outerLinks: 0, outerLinksInHeadings: 0, links: 0, cards: 0, head: undefined, runs: [], tail: emptySegment}
}

/** A listener of a shared walk (`WalkListener`) that hears every node. */
export interface InlinePartsListener {
  enter(): undefined
  text(node: Text): undefined
  comment(): undefined
  leave(element: Element): undefined
}

/**
 * A listener of a shared walk (`walkShared`, which must not skip subtrees
 * for it nor change the tree) that notes in `parts` the parts of every
 * element below the walk's tree.
 */
export function gatherInlineParts(parts: Map<Element, InlineParts>): InlinePartsListener {
  // Per open element, its parts so far (the walk's tree first).
  const open: Array<InlineParts> = [emptyParts()]
  return {
    enter() {
      open.push(emptyParts())
      return undefined
    },
    text(node) {
      const inside = open[open.length - 1]
      if (++inside.visits > shapeBudget) return undefined
      const length = measureText(node.value).length
      // White space (or text that weighs nothing) separates words, as `inlineShape` reads it.
      const text = joinText(inside.tail.text, length === 0 ? ' ' : node.value.replace(/\s+/g, ' '))
      inside.total += length
      inside.tail = {...inside.tail, text, length: inside.tail.length + length}
      return undefined
    },
    comment() {
      open[open.length - 1].visits++
      return undefined
    },
    leave(element) {
      const inside = open.pop()!
      parts.set(element, inside)
      return addChild(open[open.length - 1], element, inside)
    }
  }
}

/**
 * `inlineShape` of the element whose parts are `parts` (with its default
 * budget), or `undefined` when that read stops at the budget.
 */
export function shapeFromParts(parts: InlineParts): InlineShape | undefined {
  if (parts.visits > shapeBudget) return undefined
  const segments: Array<Segment> = parts.head ? [parts.head, ...parts.runs, parts.tail] : [parts.tail]
  return {
    runs: segments
      .filter((segment) => segment.length > 0)
      .map((segment) => ({
        text: segment.text.trim(),
        length: segment.length,
        linkLength: segment.linked,
        inCard: segment.card,
        loneLink: segment.linked === segment.length && segment.links.length === 1
      })),
    links: parts.links,
    cards: parts.cards,
    linkedHeadings: parts.headingsInLinks + parts.outerLinksInHeadings,
    truncated: false
  }
}

/** Add `element`, whose parts are `inside`, to the parts of its parent (`parent`), as `inlineShape` reads it from there. */
function addChild(parent: InlineParts, element: Element, inside: InlineParts): undefined {
  if (++parent.visits > shapeBudget) return
  const name = element.tagName
  if (skipTags.has(name) || isHidden(element) || isAriaHidden(element)) return
  if (name === 'br') {
    endRun(parent, parent.tail)
    return
  }
  parent.visits += inside.visits
  if (parent.visits > shapeBudget) return
  const block = !phrasingTags.has(name)
  const link = name === 'a'
  const heading = headingTag.test(name)
  if (block) {
    endRun(parent, parent.tail)
    parent.blocks = true
  }
  parent.total += inside.total
  parent.headings += (heading ? 1 : 0) + inside.headings
  parent.headingsInLinks += link ? inside.headings : inside.headingsInLinks
  parent.outerLinks += link ? 1 : inside.outerLinks
  parent.outerLinksInHeadings += link ? 0 : heading ? inside.outerLinks : inside.outerLinksInHeadings
  parent.links += inside.links + (link && inside.total > 0 ? 1 : 0)
  parent.cards += inside.cards + (link && inside.headings > 0 ? 1 : 0)
  // Blocks opened in the parent before the element's text (the element itself included).
  const before = parent.blocks
  if (inside.head) {
    // A boundary in the element ends the parent's run, its head included.
    endRun(parent, join(parent.tail, inside.head))
    for (const run of inside.runs) {
      const blocks = before || run.blocks
      // The element's link is open when the run ends, a card once a block opened in it.
      parent.runs.push(link || blocks !== run.blocks ? {...linked(run, run.blocks), blocks} : run)
    }
    // Its tail starts the parent's next run (the link wraps the blocks opened before it).
    parent.tail = linked(inside.tail, inside.blocks)
    if (inside.blocks) parent.blocks = true
  } else {
    parent.tail = join(parent.tail, inside.tail)
  }
  if (block) endRun(parent, parent.tail)
  return undefined

  /** `segment` of the element as its parent reads it: inside its link when it is one (`card`: the link wraps a block by then). */
  function linked<Piece extends Segment>(segment: Piece, card: boolean): Piece {
    if (!link) return segment
    const length = segment.length
    return {...segment, linked: length, links: length > 0 ? [element] : noLinks, card: segment.card || (card && length > 0)}
  }

  /** `segment` then `next` in one run (`next` of the element). */
  function join(segment: Segment, next: Segment): Segment {
    const piece = linked(next, false)
    return {
      text: joinText(segment.text, piece.text),
      length: segment.length + piece.length,
      linked: segment.linked + piece.linked,
      links: unite(segment.links, piece.links),
      card: segment.card || piece.card
    }
  }
}

/** End `parts`' run (`segment`) at a boundary: its head when it is the first, else a run when it holds text. */
function endRun(parts: InlineParts, segment: Segment): undefined {
  if (!parts.head) parts.head = segment
  else if (segment.length > 0) parts.runs.push({...segment, blocks: parts.blocks})
  parts.tail = emptySegment
  return undefined
}

/** `left` then `right`, both with white space collapsed: one space where they meet. */
function joinText(left: string, right: string): string {
  return left.endsWith(' ') && right.startsWith(' ') ? left + right.slice(1) : left + right
}

/** The links of both, at most two. */
function unite(left: ReadonlyArray<Element>, right: ReadonlyArray<Element>): ReadonlyArray<Element> {
  if (right.length === 0 || left.length >= 2) return left
  if (left.length === 0) return right
  const other = right.find((link) => link !== left[0])
  return other ? [left[0], other] : left
}
