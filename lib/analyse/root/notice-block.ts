import type {Block, PageStats} from '../blocks/block-stats.js'
import {hintNames} from '../blocks/hints.js'
import {shortText} from '../blocks/short-text.js'
import {noticeBlockMax, noticeName, noticeText, noticeTextMax} from '../vocabulary.js'

/** Notice blocks found per page (the scoring attempts share them). */
const found = new WeakMap<PageStats, Set<Block>>()

/**
 * Blocks that are, or lie inside, a notice about the reader's browser or
 * cookies (“Dein Browser ist leider veraltet”, a consent banner): a class or
 * id word of `noticeName` on a block of at most `noticeBlockMax` characters
 * (a page wrapper whose class says `cookie-consent-given` is no notice), or at most `noticeTextMax` characters of text
 * that `noticeText` matches. Content scoring never takes such a block for
 * the article.
 *
 * One pass over the page's blocks (pre-order, so a parent is judged before
 * its children); cached per `stats`.
 */
export function noticeBlocks(stats: PageStats): Set<Block> {
  let notices = found.get(stats)
  if (notices) return notices
  notices = new Set<Block>()
  // Blocks whose whole text was read and is no notice: the text of a block inside one is part of it, so no notice either.
  const read = new Set<Block>()
  for (const block of stats.blocks) {
    if ((block.parent && notices.has(block.parent)) || isNotice(block, read)) notices.add(block)
  }
  found.set(stats, notices)
  return notices
}

/** Whether `block` itself reads as a browser or cookie notice; `read` notes blocks whose text was read and did not match. */
function isNotice(block: Block, read: Set<Block>): boolean {
  const name = block.node.tagName
  if (name === 'body' || name === 'html' || block.all.text > noticeBlockMax) return false
  if (hintNames(block.node).some((hint) => noticeName.test(hint))) return true
  if (block.all.text === 0 || block.all.text > noticeTextMax) return false
  if (block.parent && read.has(block.parent)) {
    read.add(block)
    return false
  }
  const text = shortText(block.node, noticeTextMax * 2)
  if (text === undefined) return false
  if (noticeText.test(text.replace(/\s+/g, ' '))) return true
  read.add(block)
  return false
}
