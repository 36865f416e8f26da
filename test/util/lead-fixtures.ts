/** Fixtures whose article opens with a lead under, beside or above the headline: the lead walk's tests run over each. */
export const leadFixtures: ReadonlyArray<string> = [
  'root-lead-figure',
  'root-lead-in-header',
  'root-lead-sibling-article',
  'root-lead-under-headline',
  'clean-linked-lead-full-page',
  'clean-kicker-above-headline',
  'core-seed',
  'full-page-published-time'
]
