import type {Block, PageStats} from '../blocks/block-stats.js'
import {classWeight} from '../blocks/hints.js'
import {notCandidateTags, tagScore} from '../blocks/tags.js'
import type {Totals} from '../blocks/totals.js'
import {linkDensity} from '../blocks/totals.js'
import {noticeBlocks} from './notice-block.js'

/** Which heuristics a scoring attempt uses (Readability's flags). */
export interface ScoreFlags {
  /** Ignore paragraphs inside unlikely subtrees (comments, sidebars, …). */
  stripUnlikely: boolean
  /** Add class/id weights to candidates. */
  weightClasses: boolean
}

/** Table parts between cells and their table. */
const tableStructure: ReadonlySet<string> = new Set(['tr', 'tbody', 'thead', 'tfoot'])

/** Shortest paragraph (weighted length) that is scored. */
const minParagraph = 25

/**
 * Readability's content score: every paragraph adds
 * `1 + punctuation + min(length / 100, 3)` to its parent, half of that to its
 * grandparent and a third per level to the next three ancestors; each
 * candidate starts from a tag score plus class weight and is finally scaled
 * by `1 - link density`.
 */
export function scoreBlocks(stats: PageStats, flags: ScoreFlags): Map<Block, number> {
  const scores = new Map<Block, number>()

  // A browser or cookie notice is never the article, in any attempt.
  const notices = noticeBlocks(stats)
  for (const paragraph of stats.paragraphs) {
    const owner = paragraph.owner
    if (flags.stripUnlikely && owner.inUnlikely) continue
    if (notices.has(owner)) continue
    if (paragraph.text < minParagraph) continue
    const density = linkDensity(paragraph)
    if (density > 0.7) continue
    const score = (1 + paragraph.punctuation + Math.min(Math.floor(paragraph.text / 100), 3)) * (1 - density / 2)
    // A block of inline text is the paragraph itself, unless `<br><br>` split
    // it into several (then it holds them, as Readability's `<p>`s).
    const own = owner.childBlocks > 0 || (owner.runs > 1 && !notCandidateTags.has(owner.node.tagName))
    let ancestor: Block | undefined = own ? owner : owner.parent
    let level = 0
    let steps = 0
    while (ancestor && level < 5 && steps++ < 12) {
      // Table rows and sections are structure, not levels.
      if (tableStructure.has(ancestor.node.tagName)) {
        ancestor = ancestor.parent
        continue
      }
      if (!notCandidateTags.has(ancestor.node.tagName)) {
        let value = scores.get(ancestor)
        if (value === undefined) value = initialScore(ancestor, flags)
        const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3
        scores.set(ancestor, value + score / divider)
      }
      ancestor = ancestor.parent
      level++
    }
  }

  for (const [block, score] of scores) {
    scores.set(block, score * (1 - linkDensity(totalsOf(block, flags))))
  }

  return scores
}

/** A candidate's starting score. */
function initialScore(block: Block, flags: ScoreFlags): number {
  return tagScore(block.node.tagName) + (flags.weightClasses ? classWeight(block.node) : 0)
}

/** The totals that count under `flags`. */
export function totalsOf(block: Block, flags: ScoreFlags): Totals {
  return flags.stripUnlikely ? block.likely : block.all
}
