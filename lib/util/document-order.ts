import type {Element} from 'hast'

/**
 * Of `candidates`, the one nearest before `anchor` in the source (by start
 * offset), else the first; `undefined` for no candidates. Used to take the
 * heading that introduces the article, not one from the site header.
 */
export function nearestBefore(candidates: Array<Element>, anchor: Element | undefined): Element | undefined {
  const at = anchor && anchor.position ? anchor.position.start.offset : undefined
  if (at === undefined) return candidates[0]
  let best: Element | undefined
  for (const candidate of candidates) {
    const offset = candidate.position ? candidate.position.start.offset : undefined
    if (offset !== undefined && offset < at) best = candidate
  }
  return best || candidates[0]
}
