import type {Element} from 'hast'
import {sourceStart} from './source-order.js'

/**
 * Of `candidates`, the one nearest before `anchor` in the source (by where
 * their start tags are, offsets or ranks: `sourceStart`), else the first;
 * `undefined` for no candidates. Used to take the heading that introduces
 * the article, not one from the site header.
 */
export function nearestBefore(candidates: Array<Element>, anchor: Element | undefined): Element | undefined {
  const at = anchor && sourceStart(anchor)
  if (at === undefined) return candidates[0]
  let best: Element | undefined
  for (const candidate of candidates) {
    const start = sourceStart(candidate)
    if (start !== undefined && start < at) best = candidate
  }
  return best || candidates[0]
}
