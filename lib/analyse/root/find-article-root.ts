import type {Element, Parents, Root} from 'hast'
import {blockStats} from '../blocks/block-stats.js'
import type {PageStats} from '../blocks/block-stats.js'
import type {Article} from './merge-siblings.js'
import {mergeSiblings} from './merge-siblings.js'
import {pickCandidate} from './pick-candidate.js'
import type {ScoreFlags} from './score-blocks.js'
import {scoreBlocks} from './score-blocks.js'

/** Weighted text length below which a looser attempt is tried. */
const enoughText = 500

/** Weighted text length of a find too small to stand for a long page. */
const scrap = 200

/** The article root content scoring found. */
export interface ArticleRoot {
  /** The root: an element of the page, or a new `<div>` around several (`merged`). */
  node: Element
  /** Whether `node` is a new `<div>` whose children are the page's blocks, not attached to the tree yet. */
  merged: boolean
  /** Page furniture between kept sibling blocks, left out of a merged root (for the removal log; empty otherwise). */
  between: Array<Element>
  /** Parent of a block element of the page as the page was when scored (`undefined` for other nodes). */
  parentOf(node: Element): Parents | undefined
  /** The block statistics the root was scored from (of the tree as it was). */
  stats: PageStats
}

/** Attempts, strictest first (Readability's flag fallbacks). */
const attempts: ReadonlyArray<ScoreFlags> = [
  {stripUnlikely: true, weightClasses: true},
  {stripUnlikely: false, weightClasses: true},
  {stripUnlikely: false, weightClasses: false}
]

/**
 * Find the element holding the article body of a full page.
 *
 * Scores block containers from the paragraphs under them (text length,
 * punctuation, link density, class/id hints, `<article>`,
 * `itemprop=articleBody`), picks the best one and adds siblings (and leads
 * just before its parent) that belong to it. Several kept blocks come back
 * wrapped in a new `<div>` (`merged: true`): it is not attached to the tree
 * and its children are the page's own nodes (the tree is not changed;
 * `attachWrapper` with `parentOf` puts it in).
 * Falls back to `<body>` only when nothing scores or the best find is a
 * scrap (under 200 weighted characters on a page with over 1000);
 * `undefined` for a page without a body or text.
 *
 * Linear in the page size; walks with an explicit stack, so any nesting depth
 * is fine.
 *
 * @param tree
 *   Page tree (`script`, `style`, comments may already be gone).
 * @param gathered
 *   `blockStats(tree)` when a shared walk gathered it (the page index's),
 *   on the tree as it still is.
 * @returns
 *   Article root, or `undefined`.
 */
export function findArticleRoot(tree: Root, gathered?: PageStats | null | undefined): ArticleRoot | undefined {
  const stats = gathered || blockStats(tree)
  let best: Article | undefined

  for (const flags of attempts) {
    const scores = scoreBlocks(stats, flags)
    const candidate = pickCandidate(scores)
    if (!candidate) continue
    const article = mergeSiblings(candidate, scores, stats, flags)
    // A looser attempt must find clearly more (not just the comments too).
    if (best && article.text <= best.text * 2) continue
    best = article
    if (article.text >= enoughText) break
  }

  const parentOf = (node: Element) => stats.byNode.get(node)?.domParent
  const body = stats.body
  if (best && !(body && best.text < scrap && body.all.text > 2 * enoughText)) return {node: best.node, merged: best.merged, between: best.between, parentOf, stats}
  return body && body.all.text > 0 ? {node: body.node, merged: false, between: [], parentOf, stats} : undefined
}
