import type {Block} from '../blocks/block-stats.js'
import {isArticleBody} from '../blocks/hints.js'

/** How many best candidates the “common ancestor” check looks at. */
const topCount = 5

/**
 * Pick the best-scoring block, then refine it as Readability does: move up to
 * an ancestor shared by several near-best candidates, up to a parent that
 * scores higher, and up through wrappers with a single child block.
 */
export function pickCandidate(scores: Map<Block, number>): Block | undefined {
  const top: Array<[Block, number]> = []
  for (const entry of scores) {
    if (isRootLevel(entry[0])) continue
    if (top.length < topCount || entry[1] > top[top.length - 1][1]) {
      top.push(entry)
      top.sort((a, b) => b[1] - a[1])
      if (top.length > topCount) top.pop()
    }
  }
  if (top.length === 0) return undefined
  let candidate = top[0][0]
  const best = top[0][1]
  if (best <= 0) return undefined

  // Several near-best candidates under one ancestor: take the ancestor.
  const alternatives: Array<Set<Block>> = []
  for (let index = 1; index < top.length; index++) {
    if (top[index][1] / best >= 0.75) alternatives.push(ancestorSet(top[index][0]))
  }
  if (alternatives.length >= 3) {
    for (let parent = candidate.parent; parent && !isRootLevel(parent); parent = parent.parent) {
      let count = 0
      for (const set of alternatives) if (set.has(parent)) count++
      if (count >= 3) {
        candidate = parent
        break
      }
    }
  }

  // A parent that scores higher than the chain below it wins.
  let lastScore = scores.get(candidate) ?? 0
  const threshold = lastScore / 3
  for (let parent = candidate.parent; parent && !isRootLevel(parent); parent = parent.parent) {
    const score = scores.get(parent)
    if (score === undefined) continue
    if (score < threshold) break
    if (score > lastScore) {
      candidate = parent
      break
    }
    lastScore = score
  }

  // Wrappers with a single child block and no text of their own (a marked
  // `articleBody` stays as is).
  while (!isArticleBody(candidate.node) && candidate.parent && !isRootLevel(candidate.parent) && candidate.parent.childBlocks === 1 && candidate.parent.all.text - candidate.all.text < 25) {
    candidate = candidate.parent
  }

  return candidate
}

/** `<body>` or `<html>`. */
export function isRootLevel(block: Block): boolean {
  const name = block.node.tagName
  return name === 'body' || name === 'html'
}

function ancestorSet(block: Block): Set<Block> {
  const set = new Set<Block>()
  for (let parent = block.parent; parent; parent = parent.parent) set.add(parent)
  return set
}
