import type {Element, Parents} from 'hast'
import {inlineShape} from '../blocks/inline-runs.js'
import {contentLikeLength, proseLength, readsAsSentence} from '../blocks/prose.js'
import {runsOf} from '../../verdict/page-text.js'
import type {PageTextRecord} from '../../verdict/page-text.js'

/**
 * Share of content scoring's prose that the element a content selector
 * matched must hold to be taken as the article root.
 *
 * Measured on the public generic corpus (108 pages where a fallback-profile
 * content selector matches): matches that hold the article hold 0.69 or
 * more of the scoring root's prose (most hold it all, or more: scoring can
 * miss a lead); matches that hold related-post cards, an excerpt or a blog
 * header hold 0.27 or less (`.post-content` of cards against a
 * 7,000-character `div.entry`; fixture `root-selector-related-cards`).
 */
export const selectorProseShare = 0.5

/**
 * Share of content scoring's prose that a match *inside* the scoring root
 * must hold: there the rest of the scoring root is the article's frame
 * (headline, byline, a WordPress `footer.entry-meta`, slides), and the
 * selector is the more precise choice. Measured on the same pages: matches
 * inside the scoring root held 0.18 to 1.0 of its prose, and all held the
 * article (`.post-content` of a slideshow post, `.entry-content` of a
 * podcast post); only a near-empty match is refused.
 */
export const innerProseShare = 0.1

/** Most nodes read when measuring a candidate's prose (a very long article is still measured whole). */
const budget = 100_000

/**
 * Weighted length (see `measureText`) of the sentence-like text in
 * `node` outside links (see `proseLength`): how much of it reads as
 * article text. Told from the index walk's page text when one is in scope
 * (`withRecordedProse`) and knows the element, else read.
 */
export function proseMass(node: Element): number {
  const runs = recorded && recorded.nodes < budget ? runsOf(recorded, node) : undefined
  if (!runs) return proseLength(inlineShape(node, budget))
  let prose = 0
  // As `inlineShape` reads the element alone: the same runs (the record's, of an element outside links), none cut short (the page is under the budget).
  for (const run of runs) if (readsAsSentence({text: run.text, length: run.weight, linkLength: run.linkWeight, inCard: false, loneLink: false})) prose += run.weight - run.linkWeight
  return prose
}

/** The page text the index walk read, while `withRecordedProse` runs. */
let recorded: PageTextRecord | undefined

/**
 * Run `run` with `proseMass` told from `record` (the page's runs as the index
 * walk read them, `PageIndex.pageText`) where it knows the element.
 */
export function withRecordedProse<Result>(record: PageTextRecord | undefined, run: () => Result): Result {
  const previous = recorded
  recorded = record
  try {
    return run()
  } finally {
    recorded = previous
  }
}

/**
 * Whether an element a content selector matched holds the article, measured
 * against the root content scoring chose: it holds at least half the
 * scoring root's prose (a tenth when it lies inside the scoring root), or
 * scoring found no article-like text either (less than about 15 words of
 * prose).
 *
 * @param match
 *   Element a content selector matched.
 * @param scoring
 *   Content scoring's root (`undefined` when scoring found none).
 * @param scoringProse
 *   `proseMass` of content scoring's root (`0` when scoring found none).
 * @param parentOf
 *   Parent of each element of the page as it is (the index walk's,
 *   `SelectorTable.parents`): whether the match lies inside the scoring
 *   root is then told from the match's ancestors, without a search of the
 *   scoring root (optional).
 */
export function holdsArticle(match: Element, scoring: Element | undefined, scoringProse: number, parentOf?: ((element: Element) => Parents | undefined) | undefined): boolean {
  if (!scoring || scoringProse < contentLikeLength) return true
  const inside = parentOf && parentOf(match) ? above(scoring, match, parentOf) : contains(scoring, match)
  const share = inside ? innerProseShare : selectorProseShare
  return proseMass(match) >= scoringProse * share
}

/** `contains`, told from the parents of `node` (attached): `ancestor` among them, or, for a detached wrapper, one of its children. */
function above(ancestor: Element, node: Element, parentOf: (element: Element) => Parents | undefined): boolean {
  if (node === ancestor) return true
  const targets = new Set<Element>([ancestor])
  if (!parentOf(ancestor)) for (const child of ancestor.children) if (child.type === 'element') targets.add(child)
  for (let current: Parents | undefined = node; current && current.type === 'element'; current = parentOf(current)) if (targets.has(current)) return true
  return false
}

/** Whether `node` is `ancestor` or inside it (or inside a child of a merged, detached wrapper). */
function contains(ancestor: Element, node: Element): boolean {
  const stack: Array<Element> = [ancestor]
  while (stack.length > 0) {
    const element = stack.pop()!
    if (element === node) return true
    for (const child of element.children) if (child.type === 'element') stack.push(child)
  }
  return false
}
