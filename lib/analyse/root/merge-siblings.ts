import type {Element, Parents} from 'hast'
import type {Block, PageStats} from '../blocks/block-stats.js'
import {hintNames, isArticleBody, isNegativeName, isPositiveName} from '../blocks/hints.js'
import {isRootLevel} from './pick-candidate.js'
import type {ScoreFlags} from './score-blocks.js'
import {totalsOf} from './score-blocks.js'
import {shortText} from '../blocks/short-text.js'
import {linkDensity} from '../blocks/totals.js'
import {inlineShape} from '../blocks/inline-runs.js'
import {holdsSentence} from '../blocks/prose.js'
import {walk} from '../../util/walk.js'
import {holdsMedia} from '../../media/tags.js'

/** The chosen root and how much text it holds. */
export interface Article {
  node: Element
  /** Weighted text length inside the root (under the scoring flags). */
  text: number
  /** Whether `node` is a new `<div>` around several kept blocks, not attached to the tree. */
  merged: boolean
  /** Page furniture sitting between kept siblings and left out (an ad slot, a share bar), for the removal log. */
  between: Array<Element>
}

/** How many levels above the candidate a lead paragraph is always looked for. */
const leadLevels = 2

/**
 * How many more levels a lead is looked for through thin wrappers: ancestors
 * whose text is nearly all the article's (CMS content elements that wrap the
 * headline and lead in one `<article>` and the body in the next).
 */
const wrapperLevels = 2

/** Share of an ancestor's text beyond the article's own under which the ancestor is a thin wrapper. */
const wrapperSlack = 0.2

/**
 * Add siblings of `candidate` that belong to the article: Readability's rule
 * (well-scoring siblings, siblings with the same class, paragraphs with
 * enough text and few links), plus blocks of prose right before the
 * candidate's parent and grandparent, and right before up to two more
 * ancestors that wrap little but the article (leads and intros kept apart
 * from the body, such as a headline and lead in a sibling `<article>`). A candidate marked `itemprop=articleBody` takes no siblings. Several kept blocks are wrapped in a new
 * `<div>` that is not attached to the tree (its children are the page's own
 * nodes; `merged` says so); a lone candidate is returned as is.
 */
export function mergeSiblings(candidate: Block, scores: Map<Block, number>, stats: PageStats, flags: ScoreFlags): Article {
  const topScore = scores.get(candidate) ?? 0
  const threshold = Math.max(10, topScore * 0.2)
  const className = classKey(candidate.node)
  const kept: Array<Element> = []
  let text = 0

  // A marked `articleBody` is the whole body: no siblings.
  const marked = isArticleBody(candidate.node)

  for (const child of candidate.domParent.children) {
    if (child.type !== 'element') continue
    const block = stats.byNode.get(child)
    if (!block) continue
    let keep = block === candidate
    if (!keep && !marked && !(flags.stripUnlikely && block.unlikely)) {
      const bonus = className && classKey(child) === className ? topScore * 0.2 : 0
      const score = scores.get(block)
      keep = (score !== undefined && score + bonus >= threshold) || (block.childBlocks === 0 && isProse(block, flags))
    }
    if (keep) {
      kept.push(child)
      text += totalsOf(block, flags).text
    }
  }
  const between = fillBetween(candidate.domParent.children, kept, stats, flags)

  // Leads: prose right before the candidate's ancestors (further up only
  // through thin wrappers).
  let node = candidate.parent
  for (let level = 0; level < leadLevels + wrapperLevels && node && node.parent && !isRootLevel(node.parent); level++) {
    if (level >= leadLevels && totalsOf(node, flags).text > text * (1 + wrapperSlack)) break
    const siblings = node.domParent.children
    let index = siblings.indexOf(node.node)
    while (--index >= 0) {
      const sibling = siblings[index]
      if (sibling.type !== 'element') continue
      const block = stats.byNode.get(sibling)
      if (!block) continue
      const totals = totalsOf(block, flags)
      if (totals.text === 0) continue
      if (!isProse(block, flags)) break
      kept.unshift(sibling)
      text += totals.text
    }
    node = node.parent
  }

  if (kept.length === 1) return {node: kept[0], text, merged: false, between}
  return {node: {type: 'element', tagName: 'div', properties: {}, children: kept}, text, merged: true, between}
}

/**
 * Elements an article is made of: kept between kept siblings whatever their
 * score (a subheading, a short paragraph, a table, a list, a figure).
 */
const articleTags = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'dl', 'figure', 'pre', 'blockquote', 'picture', 'img', 'video', 'audio', 'hr'])

/**
 * Keep what sits between the first and the last kept sibling (a table, a
 * list, a figure between two runs of paragraphs belongs to the article,
 * whatever its score), unless it is page furniture: unlikely under `flags`,
 * a negative class or id hint, or a wrapper (`<div>`, `<section>`, …) that
 * holds neither a sentence nor media — a row of source, date and a font-size
 * control (`新华社 / 2020-01-03 18:13 / 字号`), a share bar. What is left out
 * is returned, so that its removal is accounted for. `kept` is changed in
 * place, in document order.
 */
function fillBetween(siblings: Parents['children'], kept: Array<Element>, stats: PageStats, flags: ScoreFlags): Array<Element> {
  const left: Array<Element> = []
  if (kept.length < 2) return left
  const keptSet = new Set(kept)
  const first = siblings.indexOf(kept[0])
  const last = siblings.indexOf(kept[kept.length - 1])
  const filled: Array<Element> = []
  for (let index = first; index <= last; index++) {
    const child = siblings[index]
    if (child.type !== 'element') continue
    if (keptSet.has(child)) {
      filled.push(child)
      continue
    }
    const block = stats.byNode.get(child)
    const names = hintNames(child)
    const furniture = (block && flags.stripUnlikely && block.unlikely) || (isNegativeName(names) && !isPositiveName(names)) || !belongsBetween(child)
    if (furniture) left.push(child)
    else filled.push(child)
  }
  kept.splice(0, kept.length, ...filled)
  return left
}

/** Whether `node`, lying between kept siblings, is article matter (see `articleTags`), or a wrapper holding a sentence or media. */
function belongsBetween(node: Element): boolean {
  if (articleTags.has(node.tagName)) return true
  if (holdsSentence(inlineShape(node))) return true
  return holdsMedia(node) || walk(node, (child) => (child.type === 'element' && (child.tagName === 'table' || child.tagName === 'figure') ? 'exit' : undefined))
}

/**
 * A block of running text: enough words, few links, no furniture hints; or a
 * short sentence without links.
 */
function isProse(block: Block, flags: ScoreFlags): boolean {
  if (flags.stripUnlikely && block.unlikely) return false
  const names = hintNames(block.node)
  if (isNegativeName(names) && !isPositiveName(names)) return false
  const totals = totalsOf(block, flags)
  const density = linkDensity(totals)
  if (totals.text > 80) return density < 0.25 && totals.punctuation > 0
  if (totals.text === 0 || density > 0 || block.childBlocks > 0) return false
  return /[.。!?！？](?:\s|$)/.test((shortText(block.node) ?? '').trim())
}

function classKey(node: Element): string {
  const className = node.properties.className
  return Array.isArray(className) ? className.join(' ') : ''
}
