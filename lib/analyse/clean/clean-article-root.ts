import type {Element, ElementContent} from 'hast'
import {gatherBlockStats} from '../blocks/block-stats.js'
import type {PageStats} from '../blocks/block-stats.js'
import {gatherShortTexts, withShortTexts} from '../blocks/short-text.js'
import {forgetRecords, gatherElementRecords, withElementRecords} from '../blocks/element-records.js'
import type {ElementRecords} from '../blocks/element-records.js'
import type {ShortTexts} from '../blocks/short-text.js'
import {walkShared} from '../../util/walk.js'
import type {WalkListener} from '../../util/walk.js'
import type {CleanRule} from './boilerplate.js'
import {isCommentNamed, judgeBlock} from './boilerplate.js'
import {isMoreLink} from './furniture.js'
import {holdsMedia} from '../../media/tags.js'
import {isAriaHidden, isHidden} from '../blocks/hints.js'
import {isLayoutTable} from '../blocks/table-kind.js'
import {phrasingTags} from '../blocks/tags.js'

/** Elements that never belong to article text. */
const dropTags: ReadonlySet<string> = new Set(['aside', 'button', 'dialog', 'input', 'nav', 'noscript', 'script', 'select', 'style', 'template', 'textarea'])

/** Removed elements that leave no visible gap after a heading. */
const unseenTags: ReadonlySet<string> = new Set(['noscript', 'script', 'style', 'template'])

/** Embeds: they stay (ads and trackers are dropped, recorded, by `rehypeNormalizeMedia`). */
const embedTags: ReadonlySet<string> = new Set(['iframe', 'embed', 'object'])

/**
 * Containers whose insides are judged with them: a block inside a link
 * (`<a><p>…</p></a>`, `<li><a><h3>…</h3></a></li>`), a quote, or a data
 * table's cells is not removed for its links (the cells of a layout table
 * are page regions and judged as such).
 */
const structureTags: ReadonlySet<string> = new Set(['a', 'blockquote'])

/**
 * Why a block was removed: a rule of `judgeBlock`, or `furniture-element`
 * (`nav`, `aside`, controls), `form`, `hidden` (hidden attribute, inline
 * `display:none`, `aria-hidden` blocks), `more-link` (a widget's `更多>`
 * link), `empty-section` (a section heading whose section cleaning took
 * out: nothing but a heading of the same or a higher rank, or the end of the
 * root, follows it now).
 */
export type RemovalRule = CleanRule | 'empty-section' | 'form' | 'furniture-element' | 'hidden' | 'more-link'

/** Rank of a section heading (`h2` → 2), `0` for anything else. */
function rankOf(node: ElementContent | undefined): number {
  return node && node.type === 'element' && /^h[2-6]$/.test(node.tagName) ? Number(node.tagName.charAt(1)) : 0
}

/**
 * `kept` without the section headings whose section was removed: a heading
 * with a removed block right after it (`gaps`: where in `kept` removed blocks
 * were) and then nothing but a heading of the same or a higher rank, or the
 * end of the article root (a “Who said it” heading over a removed row of
 * avatar links, a “Related” heading over a removed list). The end of an
 * inner block does not count: a headline block's dek stays when the byline
 * under it goes.
 */
function withoutEmptySections(kept: Array<ElementContent>, gaps: ReadonlyArray<number>, atRoot: boolean, onRemove: CleanOptions['onRemove']): Array<ElementContent> {
  const removed = new Set<number>()
  for (const gap of gaps) {
    // The heading before the gap (white space aside), and what follows it.
    let before = gap - 1
    while (before >= 0 && isBlank(kept[before])) before--
    const rank = rankOf(kept[before])
    if (rank === 0 || removed.has(before)) continue
    let after = gap
    while (after < kept.length && isBlank(kept[after])) after++
    const next = rankOf(kept[after])
    if (after < kept.length ? next === 0 || next > rank : !atRoot) continue
    removed.add(before)
    if (onRemove) onRemove(kept[before] as Element, 'empty-section')
  }
  return removed.size > 0 ? kept.filter((_, index) => !removed.has(index)) : kept
}

/** Whether `node` is white space only. */
function isBlank(node: ElementContent | undefined): boolean {
  return Boolean(node && node.type === 'text' && !node.value.trim())
}

/** Options of `cleanArticleRoot`. */
export interface CleanOptions {
  /**
   * Called with every element removed (before it leaves the tree) and the
   * rule that removed it (default: none).
   */
  onRemove?: ((node: Element, rule: RemovalRule) => undefined | void) | null | undefined
  /**
   * Blocks that held the article's headline (`analysis.headBlocks`): its
   * head, whose lead, byline and date sit with the headline; they are never
   * removed whole, their parts are judged one by one (default: none).
   */
  head?: ReadonlySet<Element> | null | undefined
  /**
   * What the rules read about the root's blocks, when a walk the caller
   * made over the unchanged root gathered it (`gatherCleaningFacts`);
   * default: gathered here, in one walk.
   */
  facts?: CleaningFacts | null | undefined
}

/** What the cleaning rules read about the blocks of a root, gathered in one walk (`gatherCleaningFacts`). */
export interface CleaningFacts {
  /** Block statistics of the root (`blockStats`). */
  stats: PageStats
  /** Short texts of its elements (`shortText`). */
  texts: ShortTexts
  /**
   * Element records of the root (`withElementRecords`): pre-order spans,
   * links and images, every element's inline shape in parts (composed on
   * the walk, `InlineParts`), and the section headings and inline shapes
   * the rules note. The cleaning forgets the records of every element whose children
   * it changes and of the section headings it removes (their subtrees may
   * still change): the records of the blocks it removes for a rule of
   * `judgeBlock` hold after it, for the removal log.
   */
  records: ElementRecords
}

/**
 * `CleaningFacts` of `root` as listeners of a shared walk over `root` (no
 * listener of that walk may change the tree, nor skip subtrees for these):
 * `result()` gives them once the walk is done.
 */
export function gatherCleaningFacts(root: Element): {listeners: Array<WalkListener>; records: ElementRecords; result(): CleaningFacts} {
  // Furniture levels are judged once the walk is done, their section headings read from the records.
  const stats = gatherBlockStats(root, {deferFurniture: true})
  const texts = gatherShortTexts()
  const elements = gatherElementRecords(['a', 'img'], isCalm)
  return {
    listeners: [elements.listener, stats.listener, texts.listener],
    records: elements.records,
    result() {
      const gathered = texts.result()
      return {stats: withShortTexts(gathered, () => withElementRecords(elements.records, () => stats.result())), texts: gathered, records: elements.records}
    }
  }
}

/**
 * Whether the cleaning keeps `node` whatever its context, changing nothing
 * of it: visible phrasing that is no link (a “more” link goes), no control,
 * script or embed. An element with nothing but text, comments aside, and
 * calm elements inside (`ElementRecords.quiet`) is not gone into.
 */
function isCalm(node: Element): boolean {
  const name = node.tagName
  return phrasingTags.has(name) && name !== 'a' && name !== 'noscript' && !dropTags.has(name) && !embedTags.has(name) && !isHidden(node) && !isAriaHidden(node)
}

const emptyOptions: CleanOptions = {}

/**
 * Remove boilerplate inside an article root, in place: share bars, comment
 * sections, cookie banners, newsletter boxes, “read more” teasers, author
 * bios, ads, `nav`/`aside`/`form`/controls, and hidden elements.
 *
 * Decides on block containers only (class/id hints, link density, text
 * length), so inline elements inside a sentence are never removed (hidden
 * ones aside). Related-article link lists stay and are returned, for
 * `rehypeRelatedArticles` to rewrite. Figures, tables,
 * blockquotes, lists, embeds and `<noscript>` image fallbacks stay.
 *
 * Every removed element goes to `options.onRemove` with its rule, so that
 * callers can report it.
 *
 * @param root
 *   Article root, as returned by `findArticleRoot`.
 * @param options
 *   Configuration (optional).
 * @returns
 *   The related-article lists kept (in no particular order).
 */
export function cleanArticleRoot(root: Element, options?: Readonly<CleanOptions> | null | undefined): Array<Element> {
  const settings = options || emptyOptions
  const onRemove = settings.onRemove
  const head = settings.head
  let facts = settings.facts
  if (!facts) {
    const gathering = gatherCleaningFacts(root)
    withElementRecords(gathering.records, () => walkShared(root, gathering.listeners))
    facts = gathering.result()
  }
  const stats = facts.stats
  const records = facts.records
  const rootBlock = stats.byNode.get(root)
  const rootText = rootBlock ? rootBlock.all.text : 0
  // Each parent with its context: inside kept text structure or a link;
  // inside a block named as comments that was kept (or is the root).
  const stack: Array<[Element, boolean, boolean]> = [[root, false, isCommentNamed(root)]]
  const related: Array<Element> = []
  // A block is judged before anything inside it changes: the short texts
  // gathered beforehand still hold.
  withShortTexts(facts.texts, () => withElementRecords(records, clean))
  return related

  function clean(): undefined {
    while (stack.length > 0) {
      const [parent, structured, inComments] = stack.pop()!
      const kept: Array<ElementContent> = []
      // Where in `kept` removed blocks were (the length of `kept` at the time).
      const gaps: Array<number> = []
      let changed = false
      for (const child of parent.children) {
        if (child.type === 'comment') {
          changed = true
          continue
        }
        if (child.type !== 'element') {
          kept.push(child)
          continue
        }
        const verdict = judge(child, structured, inComments)
        if (verdict !== 'keep' && verdict !== 'related') {
          if (onRemove) onRemove(child, verdict)
          changed = true
          // Scripts, styles and templates leave no visible gap (a MathJax equation's `<script>`).
          if (!unseenTags.has(child.tagName)) gaps.push(kept.length)
          continue
        }
        if (verdict === 'related') {
          related.push(child)
        } else {
          // Nothing inside a quiet element is ever removed.
          if (!records.quiet.has(child)) {
            const structure = structureTags.has(child.tagName) || (child.tagName === 'table' && !isLayoutTable(child))
            stack.push([child, structured || structure, inComments || isCommentNamed(child)])
          }
        }
        kept.push(child)
      }
      if (changed) {
        parent.children = gaps.length > 0 ? withoutEmptySections(kept, gaps, parent === root, onRemoveSection) : kept
        forgetRecords(records, [parent])
      }
    }
    return undefined
  }

  /** A section heading goes: its subtree may still change (it is on the stack), so its records go. */
  function onRemoveSection(node: Element, rule: RemovalRule): undefined {
    forgetRecords(records, [node])
    if (onRemove) onRemove(node, rule)
    return undefined
  }

  function judge(node: Element, structured: boolean, inComments: boolean): 'keep' | 'related' | RemovalRule {
    const name = node.tagName
    // An `<aside>` of related stories is a related list, not furniture.
    if (name === 'aside') return judgeBlock(node, stats.byNode.get(node), rootText) === 'related' ? 'related' : 'furniture-element'
    // `<noscript>` holding an image and embeds are judged by `rehypeNormalizeMedia`.
    if (name === 'noscript' && holdsMedia(node)) return 'keep'
    if (dropTags.has(name)) return 'furniture-element'
    if (embedTags.has(name)) return 'keep'
    const phrasing = phrasingTags.has(name)
    if (isHidden(node) || (isAriaHidden(node) && !phrasing)) return 'hidden'
    if (phrasing && isMoreLink(node)) return 'more-link'
    if (phrasing) return 'keep'
    const block = stats.byNode.get(node)
    if (name === 'form') {
      // Some pages wrap everything in one `<form>`: keep that one.
      return block && block.all.text > rootText * 0.5 ? 'keep' : 'form'
    }
    return judgeBlock(node, block, rootText, {structured, inComments, head: head ? head.has(node) : false})
  }
}
