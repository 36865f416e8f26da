import type {Element, ElementContent, Root, Text} from 'hast'
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

/** What the cleaning makes of a child: keeps it, keeps it as a related list, or removes it for a rule. */
type Verdict = 'keep' | 'related' | RemovalRule

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
  let facts = settings.facts
  if (!facts) {
    const gathering = gatherCleaningFacts(root)
    withElementRecords(gathering.records, () => walkShared(root, gathering.listeners))
    facts = gathering.result()
  }
  const cleaner = createCleaner(root, facts, settings.head, settings.onRemove)
  // Each parent with its context: inside kept text structure or a link;
  // inside a block named as comments that was kept (or is the root).
  const stack: Array<[Element, boolean, boolean]> = [[root, false, isCommentNamed(root)]]
  const push = (child: Element, structured: boolean, inComments: boolean) => void stack.push([child, structured, inComments])
  // A block is judged before anything inside it changes: the short texts
  // gathered beforehand still hold.
  withShortTexts(facts.texts, () =>
    withElementRecords(facts.records, () => {
      while (stack.length > 0) {
        const [parent, structured, inComments] = stack.pop()!
        cleaner.clean(parent, structured, inComments, push)
      }
    })
  )
  return cleaner.related
}

/** What `cleanArticleRoot` gives of one parent: the blocks it removes with their rules, and the related lists it keeps. */
type Group = Array<[Element, RemovalRule] | Element>

/** A parent `cleaningListener` cleans, while the walk is in it. */
interface OpenParent {
  parent: Element
  structured: boolean
  inComments: boolean
  /** The children kept so far. */
  kept: Array<ElementContent>
  changed: boolean
  /** Its removals and related lists, then its empty sections. */
  group: Group
  sections: Group
}

/**
 * `cleanArticleRoot` as a listener of a shared walk over a tree holding
 * `root` (`walkShared`), with `facts` gathered before (`CleaningFacts` of
 * the unchanged root). Put it first: it judges each child of `root`, and of
 * every block it keeps inside, as the walk reaches it, before the listeners
 * after it hear of it: a removed block is replaced by an empty text (which
 * they hear of) and is not gone into; once the walk leaves a parent whose
 * children changed, it gets its new children list (without those texts and
 * its comments, which the listeners after it still heard of). A section
 * heading is judged empty by looking at the siblings after it. The
 * listeners after it see the cleaned tree, but for those texts and
 * comments. `done()`, once the walk is over, calls `onRemove` and gives the
 * related lists in the order `cleanArticleRoot` would; `onRelated` hears of
 * each list as soon as it is kept, before the walk reaches it. `drops(parent)`
 * tells, while the walk reads the children of `parent`, whether the
 * listener cleans it (its comments go when the walk leaves it). `done()` also
 * puts the removed blocks back in place of the empty texts in the children
 * lists the walk read (no parent holds those lists any more: a
 * `ChildrenSnapshot` taken before the walk holds them as they were).
 */
export function cleaningListener(
  root: Element,
  facts: CleaningFacts,
  options: Readonly<Omit<CleanOptions, 'facts'>> & {onRelated?: ((list: Element) => undefined | void) | null | undefined}
): {listener: WalkListener; drops(parent: Element | Root): boolean; done(): Array<Element>} {
  const records = facts.records
  const onRelated = options.onRelated
  let group: Group = []
  const cleaner = createCleaner(root, facts, options.head, (node, rule) => void group.push([node, rule]))
  // The parents being cleaned that the walk is in, the innermost last.
  const open: Array<OpenParent> = []
  // Verdicts of the children read ahead of the walk (after a section heading).
  const verdicts = new Map<Element, Verdict>()
  // `cleanArticleRoot` cleans a parent, then its kept blocks from the last:
  // the reverse of the order in which the walk leaves them.
  const left: Array<Group> = []
  // The empty texts put in place of removed blocks, each with the list and index.
  const gap: Text = {type: 'text', value: ''}
  const placed: Array<[Array<ElementContent>, number, Element]> = []
  return {
    listener: {
      enter(element, parent, index) {
        const top = open.length > 0 ? open[open.length - 1] : undefined
        if (!top || top.parent !== parent) {
          if (element === root) open.push(opening(root, false, isCommentNamed(root)))
          return
        }
        const verdict = verdictOf(element, top)
        verdicts.delete(element)
        if (verdict !== 'keep' && verdict !== 'related') {
          top.group.push([element, verdict])
          return removing(top, element, index)
        }
        if (verdict === 'related') {
          cleaner.related.push(element)
          top.group.push(element)
          if (onRelated) onRelated(element)
        }
        const quiet = verdict === 'related' || records.quiet.has(element)
        const structure = structureTags.has(element.tagName) || (element.tagName === 'table' && !isLayoutTable(element))
        const structured = top.structured || structure
        const inComments = top.inComments || isCommentNamed(element)
        if (emptySection(element, parent, index, top)) {
          forgetRecords(records, [element])
          top.sections.push([element, 'empty-section'])
          // `cleanArticleRoot` still cleans inside it, in its turn.
          if (!quiet) left.push(...inside(element, structured, inComments).reverse())
          return removing(top, element, index)
        }
        top.kept.push(element)
        if (quiet) return false
        open.push(opening(element, structured, inComments))
      },
      text(node, parent) {
        const top = open.length > 0 ? open[open.length - 1] : undefined
        if (top && top.parent === parent && node !== gap) top.kept.push(node)
      },
      comment(_, parent) {
        const top = open.length > 0 ? open[open.length - 1] : undefined
        if (top && top.parent === parent) changing(top)
      },
      leave(element) {
        const top = open.length > 0 ? open[open.length - 1] : undefined
        if (!top || top.parent !== element) return
        open.pop()
        if (top.changed) element.children = top.kept
        const done = [...top.group, ...top.sections]
        if (done.length > 0) left.push(done)
      }
    },
    drops(parent) {
      return open.length > 0 && open[open.length - 1].parent === parent
    },
    done() {
      for (const [list, index, node] of placed) list[index] = node
      const related: Array<Element> = []
      for (let index = left.length - 1; index >= 0; index--) {
        for (const item of left[index]) {
          if (!Array.isArray(item)) related.push(item)
          else if (options.onRemove) options.onRemove(item[0], item[1])
        }
      }
      return related
    }
  }

  function opening(parent: Element, structured: boolean, inComments: boolean): OpenParent {
    return {parent, structured, inComments, kept: [], changed: false, group: [], sections: []}
  }

  function changing(top: OpenParent): undefined {
    if (top.changed) return
    top.changed = true
    forgetRecords(records, [top.parent])
    return undefined
  }

  /** Put the empty text in the place of `node`, the child of the parent of `top` at `index`. */
  function removing(top: OpenParent, node: Element, index: number): Array<ElementContent> {
    changing(top)
    placed.push([top.parent.children, index, node])
    return [gap]
  }

  function verdictOf(node: Element, top: OpenParent): Verdict {
    let verdict = verdicts.get(node)
    if (verdict === undefined) verdict = withShortTexts(facts.texts, () => withElementRecords(records, () => cleaner.judge(node, top.structured, top.inComments)))
    return verdict
  }

  /**
   * Whether `node`, the child of `parent` at `index`, is a section heading
   * whose section cleaning removes (`withoutEmptySections`): removed blocks
   * (white space, comments and unseen elements aside) right after it, then
   * nothing but a heading of the same or a higher rank, or the end of the root.
   */
  function emptySection(node: Element, parent: Element, index: number, top: OpenParent): boolean {
    const rank = rankOf(node)
    if (rank === 0) return false
    let gaps = false
    for (let at = index + 1; at < parent.children.length; at++) {
      const next = parent.children[at]
      if (next.type === 'comment' || isBlank(next)) continue
      if (next.type !== 'element') return false
      const verdict = verdictOf(next, top)
      verdicts.set(next, verdict)
      if (verdict !== 'keep' && verdict !== 'related') {
        if (!unseenTags.has(next.tagName)) gaps = true
        continue
      }
      const after = rankOf(next)
      return gaps && after !== 0 && after <= rank
    }
    return gaps && parent === root
  }

  /** Clean inside `node` as `cleanArticleRoot` does (its groups in its order). */
  function inside(node: Element, structured: boolean, inComments: boolean): Array<Group> {
    const groups: Array<Group> = []
    const stack: Array<[Element, boolean, boolean]> = [[node, structured, inComments]]
    const push = (child: Element, structured: boolean, inComments: boolean) => void stack.push([child, structured, inComments])
    withShortTexts(facts.texts, () =>
      withElementRecords(records, () => {
        while (stack.length > 0) {
          const [parent, structured, inComments] = stack.pop()!
          group = []
          const seen = cleaner.related.length
          cleaner.clean(parent, structured, inComments, push)
          for (const list of cleaner.related.slice(seen)) {
            group.push(list)
            if (onRelated) onRelated(list)
          }
          if (group.length > 0) groups.push(group)
        }
      })
    )
    return groups
  }
}

/**
 * The cleaning of one parent at a time: `clean` judges the children of
 * `parent` (before anything inside them changed), replaces its children
 * list when some go, and hands each kept block to look into to `push`.
 * `related` gathers the related lists kept.
 */
function createCleaner(
  root: Element,
  facts: CleaningFacts,
  head: CleanOptions['head'],
  onRemove: CleanOptions['onRemove']
): {
  clean(parent: Element, structured: boolean, inComments: boolean, push: (child: Element, structured: boolean, inComments: boolean) => void): undefined
  judge(node: Element, structured: boolean, inComments: boolean): Verdict
  related: Array<Element>
} {
  const stats = facts.stats
  const records = facts.records
  const rootBlock = stats.byNode.get(root)
  const rootText = rootBlock ? rootBlock.all.text : 0
  const related: Array<Element> = []
  return {clean, judge, related}

  function clean(parent: Element, structured: boolean, inComments: boolean, push: (child: Element, structured: boolean, inComments: boolean) => void): undefined {
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
          push(child, structured || structure, inComments || isCommentNamed(child))
        }
      }
      kept.push(child)
    }
    if (changed) {
      parent.children = gaps.length > 0 ? withoutEmptySections(kept, gaps, parent === root, onRemoveSection) : kept
      forgetRecords(records, [parent])
    }
    return undefined
  }

  /** A section heading goes: its subtree may still change (it is on the stack), so its records go. */
  function onRemoveSection(node: Element, rule: RemovalRule): undefined {
    forgetRecords(records, [node])
    if (onRemove) onRemove(node, rule)
    return undefined
  }

  function judge(node: Element, structured: boolean, inComments: boolean): Verdict {
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
