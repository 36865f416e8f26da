import type {Element} from 'hast'
import {isAriaHidden, isHidden} from './hidden.js'
import {measureText} from './measure-text.js'
import {phrasingTags, skipTags} from './tags.js'

/** One run of inline content: the text between two blocks (or line breaks). */
export interface InlineRun {
  /** The run's text, white space collapsed. */
  text: string
  /** Weighted length of the run (see `measureText`). */
  length: number
  /** Weighted length of the part of the run inside links. */
  linkLength: number
  /** Whether the run lies inside a link that wraps blocks (a teaser card, `<a><p>…</p></a>`). */
  inCard: boolean
  /** Whether the whole run is the text of one link (a linked line). */
  loneLink: boolean
}

/** The inline runs and links of a block. */
export interface InlineShape {
  runs: Array<InlineRun>
  /** Links holding text. */
  links: number
  /** Links that wrap a heading (`<a><h3>…</h3><p>…</p></a>`): teaser cards. */
  cards: number
  /** Headings that are or hold a link (`<h2><a>…</a></h2>`, `<a><h3>…</h3></a>`). */
  linkedHeadings: number
  /** Whether the walk stopped at its budget before the end of the block. */
  truncated: boolean
}

interface Frame {
  node: Element
  index: number
  /** The link this frame opened, if any. */
  link: LinkState | undefined
}

interface LinkState {
  /** Weighted length of text seen inside the link. */
  length: number
  /** Whether the link wraps a heading. */
  card: boolean
  /** Whether the link wraps a block. */
  blocks: boolean
}

const headingTag = /^h[1-6]$/

/** Most nodes `inlineShape` visits by default. */
export const shapeBudget = 4000

/**
 * Split `node` into runs of inline content (a new run starts at every block
 * element and line break) and count its links, without entering invisible
 * subtrees. Bounded: stops after `budget` nodes and says so.
 *
 * @param node
 *   Block to read.
 * @param budget
 *   Most nodes visited (default: `shapeBudget`, 4000).
 */
export function inlineShape(node: Element, budget = shapeBudget): InlineShape {
  const runs: Array<InlineRun> = []
  const openLinks: Array<LinkState> = []
  const stack: Array<Frame> = [{node, index: 0, link: undefined}]
  let links = 0
  let cards = 0
  let linkedHeadings = 0
  let openHeadings = 0
  let visited = 0
  let truncated = false
  let text = ''
  let length = 0
  let linkLength = 0
  let inCard = false
  // The links the current run's text came from.
  let runLinks = new Set<LinkState>()

  while (stack.length > 0) {
    const frame = stack[stack.length - 1]
    if (frame.index >= frame.node.children.length) {
      stack.pop()
      if (headingTag.test(frame.node.tagName) && frame.node !== node) openHeadings--
      if (frame.link) {
        openLinks.pop()
        if (frame.link.length > 0) links++
        if (frame.link.card) cards++
      }
      if (!phrasingTags.has(frame.node.tagName)) flush()
      continue
    }
    if (++visited > budget) {
      truncated = true
      break
    }
    const child = frame.node.children[frame.index++]
    if (child.type === 'text') {
      const measure = measureText(child.value).length
      if (measure === 0) {
        if (text && !text.endsWith(' ')) text += ' '
        continue
      }
      text += child.value
      length += measure
      if (openLinks.length > 0) {
        linkLength += measure
        for (const link of openLinks) link.length += measure
        runLinks.add(openLinks[0])
      }
      if (openLinks.some((link) => link.blocks)) inCard = true
      continue
    }
    if (child.type !== 'element') continue
    const name = child.tagName
    if (skipTags.has(name) || isHidden(child) || isAriaHidden(child)) continue
    if (name === 'br') {
      flush()
      continue
    }
    let link: LinkState | undefined
    if (!phrasingTags.has(name)) {
      flush()
      const heading = headingTag.test(name)
      if (heading) {
        openHeadings++
        if (openLinks.length > 0) linkedHeadings++
      }
      for (const open of openLinks) {
        open.blocks = true
        if (heading) open.card = true
      }
    } else if (name === 'a') {
      if (openHeadings > 0 && openLinks.length === 0) linkedHeadings++
      link = {length: 0, card: false, blocks: false}
      openLinks.push(link)
    }
    stack.push({node: child, index: 0, link})
  }

  flush()
  return {runs, links, cards, linkedHeadings, truncated}

  function flush() {
    if (length > 0) {
      runs.push({
        text: text.replace(/\s+/g, ' ').trim(),
        length,
        linkLength,
        inCard: inCard || openLinks.some((link) => link.blocks),
        loneLink: linkLength === length && runLinks.size === 1
      })
    }
    text = ''
    length = 0
    linkLength = 0
    inCard = false
    runLinks = new Set()
  }
}
