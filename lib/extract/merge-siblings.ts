import type {Element} from 'hast'
import type {Block, PageStats} from './block-stats.js'
import {linkDensity} from './block-stats.js'
import type {ScoreFlags} from './score-blocks.js'
import {totalsOf} from './score-blocks.js'
import {shortText} from './short-text.js'

/** The chosen root and how much text it holds. */
export interface Article {
  node: Element
  /** Weighted text length inside the root (under the scoring flags). */
  text: number
}

/**
 * Add siblings of `candidate` that belong to the article (Readability's
 * rule): well-scoring siblings, siblings with the same class, and plain
 * paragraphs with enough text and few links. Several kept siblings are
 * wrapped in a new `<div>`; a lone candidate is returned as is.
 */
export function mergeSiblings(
  candidate: Block,
  scores: Map<Block, number>,
  stats: PageStats,
  flags: ScoreFlags
): Article {
  const topScore = scores.get(candidate) ?? 0
  const threshold = Math.max(10, topScore * 0.2)
  const className = classKey(candidate.node)
  const kept: Array<Element> = []
  let text = 0

  for (const child of candidate.domParent.children) {
    if (child.type !== 'element') continue
    const block = stats.byNode.get(child)
    if (!block) continue
    let keep = block === candidate
    if (!keep && !(flags.stripUnlikely && block.unlikely)) {
      const bonus = className && classKey(child) === className ? topScore * 0.2 : 0
      const score = scores.get(block)
      if (score !== undefined && score + bonus >= threshold) {
        keep = true
      } else if (block.childBlocks === 0) {
        keep = isParagraphLike(block, flags)
      }
    }
    if (keep) {
      kept.push(child)
      text += totalsOf(block, flags).text
    }
  }

  if (kept.length === 1) return {node: kept[0], text}
  return {node: {type: 'element', tagName: 'div', properties: {}, children: kept}, text}
}

/** A sibling paragraph with enough text, or a short sentence without links. */
function isParagraphLike(block: Block, flags: ScoreFlags): boolean {
  const totals = totalsOf(block, flags)
  const density = linkDensity(totals)
  if (totals.text > 80) return density < 0.25
  if (totals.text === 0 || density > 0) return false
  return /[.。!?！？](?:\s|$)/.test((shortText(block.node) ?? '').trim())
}

function classKey(node: Element): string {
  const className = node.properties.className
  return Array.isArray(className) ? className.join(' ') : ''
}
