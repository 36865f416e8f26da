import type {Element, Parents, Root} from 'hast'
import {isAriaHidden, isHidden, unlikelyLevel} from './hints.js'
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
  /** How sure it is that the element itself is page furniture (0–2). */
  furniture: 0 | 1 | 2
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

/** Options of `gatherBlockStats`. */
export interface GatherOptions {
  /**
   * Judge each block's furniture level (`unlikelyLevel`) in `result()`
   * instead of as the walk enters it, so that its section heading can be
   * answered from records gathered on the same walk (`withElementRecords`,
   * `withShortTexts` around `result()`); only for a walk that does not
   * change the tree (default: `false`).
   */
  deferFurniture?: boolean | null | undefined
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
export function gatherBlockStats(tree: Root | Element, options?: Readonly<GatherOptions> | null | undefined): {listener: WalkListener; result(): PageStats} {
  const deferFurniture = Boolean(options && options.deferFurniture)
  const blocks: Array<Block> = []
  const byNode = new Map<Element, Block>()
  const paragraphs: Array<Paragraph> = []
  let body: Block | undefined
  let current: Block | undefined
  let run = emptyTotals()
  let breaks = 0
  let links = 0
  const top = tree.type === 'element' ? open(tree, tree) : undefined
  const stack: Array<Frame> = []

  const listener: WalkListener = {
    enter(child, parent) {
      const name = child.tagName
      if (skipTags.has(name) || isHidden(child) || isAriaHidden(child)) return false
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
      stack.push({block, link})
    },
    text(child) {
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
    leave() {
      close(stack.pop()!)
    }
  }
  return {
    listener,
    result() {
      close({block: top, link: false})
      if (deferFurniture) for (const block of blocks) block.furniture = unlikelyLevel(block.node)
      settleFurniture(blocks, body ?? blocks[0])
      return {blocks, byNode, paragraphs, body}
    }
  }

  function close(frame: Frame) {
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
      furniture: deferFurniture ? 0 : unlikelyLevel(node),
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
