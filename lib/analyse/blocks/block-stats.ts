import type {Element, Parents, Root} from 'hast'
import {isAriaHidden, isHidden, levelBeforeHeading, levelWithHeading, unlikelyLevel} from './hints.js'
import {headingLength, headingText, titlesSection} from './section-heading.js'
import {shortTextFacts} from './short-text.js'
import {measureText} from './measure-text.js'
import {phrasingTags, skipTags} from './tags.js'
import type {Totals} from './totals.js'
import {addTotals, emptyTotals, linkDensity} from './totals.js'
import {walkShared} from '../../util/walk.js'
import type {WalkListener} from '../../util/walk.js'

/** A block-level element with the totals of its visible text. */
export interface Block {
  node: Element
  /** Nearest block ancestor. */
  parent: Block | undefined
  /** The element or root that holds `node`. */
  domParent: Parents
  /** Visible text directly in this block (not in child blocks). */
  own: Totals
  /** Everything visible inside. */
  all: Totals
  /** Everything visible inside, minus unlikely subtrees. */
  likely: Totals
  /** Block elements whose nearest block ancestor is this one. */
  childBlocks: number
  /** Paragraphs (runs of inline content) directly in this block. */
  runs: number
  /** How sure it is that the element itself is page furniture (0–2; -1 while the walk has not yet read its section heading). */
  furniture: -1 | 0 | 1 | 2
  /** Whether the element itself is skipped as page furniture. */
  unlikely: boolean
  /** Whether it or one of its ancestors looks like page furniture. */
  inUnlikely: boolean
  /** Position in `PageStats.blocks` (pre-order). */
  index: number
  /** Position of its last descendant block (`index` when it has none). */
  end: number
}

/** A run of inline content (split at blocks and at `<br><br>`). */
export interface Paragraph extends Totals {
  /** The block holding the run. */
  owner: Block
}

/** Everything the scoring pass needs, gathered in one walk. */
export interface PageStats {
  blocks: Array<Block>
  byNode: Map<Element, Block>
  paragraphs: Array<Paragraph>
  body: Block | undefined
}

interface Frame {
  block: Block | undefined
  link: boolean
  /** A block (this frame's) whose furniture level waits for its first child element (`GatherOptions.deferHeadings`). */
  awaiting?: Block | undefined
}

/**
 * What is known of the first child element of a block whose furniture level
 * waits for its section heading, while the walk is inside it: what
 * `shortText` would count there, as far as the walk went.
 */
interface Watch {
  block: Block
  element: Element
  nodes: number
  text: string
}

/** How `gatherBlockStats` gathers. */
export interface GatherOptions {
  /**
   * Read a block's section heading (`sectionHeading`, for its furniture
   * level) as the walk goes through its first child, rather than walking that
   * child when the block is met. Headings (the walk's other listeners may change
   * them on `enter`) must then be told of with `beforeChange` first.
   */
  deferHeadings?: boolean | null | undefined
  /**
   * Judge each block's furniture level (`unlikelyLevel`) in `result()`
   * instead of as the walk enters it, so that its section heading can be
   * answered from records gathered on the same walk (`withElementRecords`,
   * `withShortTexts` around `result()`); only for a walk that does not
   * change the tree (default: `false`). Takes precedence over
   * `deferHeadings`.
   */
  deferFurniture?: boolean | null | undefined
}

/**
 * Walk `tree` once (explicit stack, so any depth is fine) and gather block
 * totals and paragraphs. Skips invisible subtrees (`script`, `hidden`, …).
 */
export function blockStats(tree: Root | Element): PageStats {
  const gatherer = gatherBlockStats(tree)
  walkShared(tree, [gatherer.listener])
  return gatherer.result()
}

/**
 * `blockStats` as a listener of a shared walk (`walkShared`) over `tree`:
 * `result()` gives the statistics once the walk is done.
 *
 * @param tree
 *   The tree the walk starts from.
 * @param options
 *   Configuration (optional).
 */
export function gatherBlockStats(tree: Root | Element, options?: Readonly<GatherOptions> | null | undefined): {listener: WalkListener; result(): PageStats; beforeChange(element: Element): undefined} {
  const deferFurniture = Boolean(options && options.deferFurniture)
  const defer = !deferFurniture && Boolean(options && options.deferHeadings)
  const blocks: Array<Block> = []
  const byNode = new Map<Element, Block>()
  const paragraphs: Array<Paragraph> = []
  let body: Block | undefined
  let current: Block | undefined
  let run = emptyTotals()
  let breaks = 0
  let links = 0
  // Blocks waiting for their section heading, the first children being read for it, those read before a change.
  const watches: Array<Watch> = []
  const before = new Map<Element, {text: string; nodes: number} | undefined>()
  // Inside an element read before a change: the walk's reads there do not count for the watches begun before it.
  let frozen: Element | undefined
  let frozenWatches = 0
  const top = tree.type === 'element' ? open(tree, tree) : undefined
  const topFrame: Frame = {block: top, link: false, awaiting: top && top.furniture < 0 ? top : undefined}
  const stack: Array<Frame> = []

  const listener: WalkListener = {
    enter(child, parent) {
      const name = child.tagName
      const skip = skipTags.has(name) || isHidden(child) || isAriaHidden(child) || name === 'br'
      if (defer) watchHeadings(child, skip)
      if (skip && name !== 'br') return false
      if (name === 'br') {
        breaks++
        if (breaks === 2) flush()
        return false
      }
      let block: Block | undefined
      if (!phrasingTags.has(name)) {
        flush()
        block = open(child, parent)
      }
      const link = name === 'a'
      if (link) links++
      stack.push({block, link, awaiting: block && block.furniture < 0 ? block : undefined})
    },
    text(child) {
      if (defer) {
        const frame = stack.length > 0 ? stack[stack.length - 1] : topFrame
        if (frame.awaiting && child.value.trim()) {
          settle(frame.awaiting, undefined)
          frame.awaiting = undefined
        }
        for (let at = frozen ? frozenWatches : 0; at < watches.length; at++) watches[at].text += child.value
        if (watches.length > 0) dropPast()
      }
      const {length, punctuation} = measureText(child.value)
      if (length === 0 || !current) return
      breaks = 0
      const link = links > 0 ? length : 0
      const punct = links > 0 ? 0 : punctuation
      run.text += length
      run.linkText += link
      run.punctuation += punct
      current.own.text += length
      current.own.linkText += link
      current.own.punctuation += punct
      current.all.text += length
      current.all.linkText += link
      current.all.punctuation += punct
    },
    leave(element) {
      if (frozen === element) frozen = undefined
      const watch = watches[watches.length - 1]
      if (watch && watch.element === element) {
        watches.pop()
        const fits = watch.nodes <= headingLength && watch.text.length <= headingLength
        settle(watch.block, fits ? headingText(watch.text) : undefined)
      }
      close(stack.pop()!)
    }
  }
  return {
    listener,
    beforeChange(element) {
      const frame = stack.length > 0 ? stack[stack.length - 1] : topFrame
      if (defer && !frozen && (watches.length > 0 || (frame.awaiting && titlesSection(element)))) before.set(element, shortTextFacts(element, headingLength, headingLength))
      return undefined
    },
    result() {
      close(topFrame)
      if (deferFurniture) for (const block of blocks) block.furniture = unlikelyLevel(block.node)
      settleFurniture(blocks, body ?? blocks[0])
      return {blocks, byNode, paragraphs, body}
    }
  }

  /**
   * Note `child` (entered, `skip`ped or not) for the blocks waiting for their
   * section heading: the first child element of its parent's block, or an
   * element inside such a child. An element read before a change, or one
   * this walk skips, is counted whole at once (`shortTextFacts`), as it is
   * now (its inside is not yet changed).
   */
  function watchHeadings(child: Element, skip: boolean) {
    const frame = stack.length > 0 ? stack[stack.length - 1] : topFrame
    if (watches.length === 0 && !frame.awaiting) return
    const known = before.has(child)
    const whole = known || skip
    const facts = known ? before.get(child) : skip && (frozen ? frozenWatches : 0) < watches.length ? shortTextFacts(child, headingLength, headingLength) : undefined
    for (let at = frozen ? frozenWatches : 0; at < watches.length; at++) {
      const watch = watches[at]
      if (!whole) watch.nodes += child.children.length
      else if (facts) {
        watch.nodes += facts.nodes
        watch.text += facts.text
      } else watch.nodes = headingLength + 1
    }
    if (watches.length > 0) dropPast()
    const block = frame.awaiting
    if (block) {
      frame.awaiting = undefined
      if (!titlesSection(child)) settle(block, undefined)
      else if (whole) settle(block, headingText((known ? facts : shortTextFacts(child, headingLength, headingLength))?.text))
      else watches.push({block, element: child, nodes: child.children.length, text: ''})
    }
    if (known && !skip && !frozen) {
      frozen = child
      frozenWatches = watches.length
    }
  }

  /**
   * Settle the blocks whose first child is already past `shortText`'s
   * limits (its counts only grow: no section heading), and stop watching
   * that child.
   */
  function dropPast() {
    let kept = 0
    let keptBeforeFreeze = 0
    for (let at = 0; at < watches.length; at++) {
      const watch = watches[at]
      if (watch.nodes > headingLength || watch.text.length > headingLength) {
        settle(watch.block, undefined)
        continue
      }
      if (at < frozenWatches) keptBeforeFreeze++
      watches[kept++] = watch
    }
    watches.length = kept
    frozenWatches = keptBeforeFreeze
  }

  /** Give `block` its furniture level, its section heading known. */
  function settle(block: Block, heading: string | undefined) {
    block.furniture = levelWithHeading(block.node, heading)
  }

  function close(frame: Frame) {
    if (frame.awaiting) {
      settle(frame.awaiting, undefined)
      frame.awaiting = undefined
    }
    if (frame.link) links--
    if (frame.block) {
      flush()
      const block = frame.block
      block.end = blocks.length - 1
      current = block.parent
      if (current) addTotals(current.all, block.all)
    }
  }

  function open(node: Element, domParent: Parents): Block {
    const block: Block = {
      node,
      parent: current,
      domParent,
      own: emptyTotals(),
      all: emptyTotals(),
      likely: emptyTotals(),
      childBlocks: 0,
      runs: 0,
      furniture: deferFurniture ? 0 : defer ? (levelBeforeHeading(node) ?? -1) : unlikelyLevel(node),
      unlikely: false,
      inUnlikely: false,
      index: blocks.length,
      end: blocks.length
    }
    if (current) current.childBlocks++
    if (node.tagName === 'body' && !body) body = block
    blocks.push(block)
    byNode.set(node, block)
    current = block
    return block
  }

  function flush() {
    breaks = 0
    if (run.text > 0 && current) {
      paragraphs.push({owner: current, ...run})
      current.runs++
    }
    run = emptyTotals()
  }
}

/**
 * Decide which furniture is skipped (layout furniture holding most of the
 * page's text is not), then fill `inUnlikely` (pre-order) and `likely`
 * (reverse pre-order, children before parents).
 */
function settleFurniture(blocks: Array<Block>, page: Block | undefined) {
  const pageText = page ? page.all.text : 0
  for (const block of blocks) {
    block.unlikely = block.furniture === 2 || (block.furniture === 1 && !(block.all.text >= pageText * 0.5 && linkDensity(block.all) < 0.35))
    block.inUnlikely = block.unlikely || (block.parent ? block.parent.inUnlikely : false)
    block.likely = {...block.own}
  }
  for (let index = blocks.length - 1; index >= 0; index--) {
    const block = blocks[index]
    if (block.parent && !block.unlikely) addTotals(block.parent.likely, block.likely)
  }
}

/** Whether `block` is `ancestor` or inside it. */
export function isInside(block: Block, ancestor: Block): boolean {
  return block.index >= ancestor.index && block.index <= ancestor.end
}
