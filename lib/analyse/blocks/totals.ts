/** Text totals of a subtree or a paragraph. */
export interface Totals {
  /** Weighted text length (see `measureText`). */
  text: number
  /** Weighted length of text inside links. */
  linkText: number
  /** Punctuation outside links. */
  punctuation: number
}

/** Zero totals. */
export function emptyTotals(): Totals {
  return {text: 0, linkText: 0, punctuation: 0}
}

/** Add `from` into `to`. */
export function addTotals(to: Totals, from: Totals): void {
  to.text += from.text
  to.linkText += from.linkText
  to.punctuation += from.punctuation
}

/** Link text / all text (0 when there is no text). */
export function linkDensity(totals: Totals): number {
  return totals.text > 0 ? totals.linkText / totals.text : 0
}
