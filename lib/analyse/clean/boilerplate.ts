import type {Element} from 'hast'
import type {Block} from '../blocks/block-stats.js'
import {isCaption, isFigure} from '../../media/caption.js'
import {hintNames, isArticleBody, isPositiveName} from '../blocks/hints.js'
import {recordedShape} from '../blocks/recorded-shape.js'
import type {InlineShape} from '../blocks/inline-runs.js'
import {holdsSentence, isContentLike} from '../blocks/prose.js'
import {isCommentHeading, isRelatedHeading, sectionHeading} from '../blocks/section-heading.js'
import {shortText} from '../blocks/short-text.js'
import {linkDensity} from '../blocks/totals.js'
import {
  articleBesideComments,
  boilerplateStrong,
  boilerplateText,
  boilerplateTextMax,
  boilerplateWeak,
  commentName,
  emptyRelatedShare,
  linkListDensity,
  linkListRootShare,
  metadataRow,
  metadataRowMaxText,
  metadataRowRootShare,
  mostTextMaxDensity,
  mostTextShare,
  relatedLinkDensity,
  relatedName,
  teaserDensity,
  teaserName
} from '../vocabulary.js'
import {furnitureRules} from './furniture.js'
import type {FurnitureRule} from './furniture.js'

/**
 * Why the clean step removes a block: a stable name, reported in
 * `file.data.removals` and `dropped-content` messages.
 */
export type CleanRule =
  FurnitureRule | 'boilerplate-hint' | 'boilerplate-text' | 'comment-thread' | 'empty-related' | 'footer' | 'furniture-hint' | 'link-list' | 'metadata-row' | 'teaser-hint' | 'teaser-list'

/** What the clean step does with a block: keep it, mark it as a related list, or remove it by the named rule. */
export type Verdict = 'keep' | 'related' | CleanRule

/** How a block sits in the article root. */
export interface BlockContext {
  /**
   * Whether the block lies inside a link, a quote or a data table: its
   * links were judged with that container, so link density does not remove
   * it (default: `false`).
   */
  structured?: boolean | null | undefined
  /**
   * Whether the block lies inside a block named as comments that was kept
   * as the article (a live ticker's `live-match-comments`): comment words
   * do not remove its parts (default: `false`).
   */
  inComments?: boolean | null | undefined
  /**
   * Whether the block held the article's headline (a `.single-head-teaser`
   * with the date, the byline, the headline and the lead): the article's
   * head, kept whatever its class and links say; its parts are judged on
   * their own (default: `false`).
   */
  head?: boolean | null | undefined
}

/**
 * Text elements: a class hint removes one only when it does not read as
 * article text (`p.paywall` and `p.teaser` paragraphs are the article).
 */
const textTags: ReadonlySet<string> = new Set(['blockquote', 'dd', 'dl', 'dt', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ol', 'p', 'pre', 'table', 'ul'])

/**
 * Blocks never dropped for their links alone: text structure (lists of links
 * in the text stay) and parts judged with their container.
 */
const keepLinkTags: ReadonlySet<string> = new Set([
  'blockquote',
  'dd',
  'dt',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ol',
  'pre',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul'
])

const emptyContext: BlockContext = {}

/**
 * Decide what to do with a block inside the article root from its class/id,
 * link density and text length.
 *
 * Link density alone removes a block only when it looks like navigation or
 * a teaser list: several links and no sentence among its runs of inline
 * text (`link-list`), or a list whose every link is a teaser card wrapping a
 * heading (`teaser-list`). One link (a linked lead sentence, a linked
 * heading, “the full ruling (PDF)”), a run of linked sentences, and blocks
 * inside links, quotes and data tables stay. A block that held the
 * article's headline (`context.head`) stays.
 */
export function judgeBlock(node: Element, block: Block | undefined, rootText: number, context?: Readonly<BlockContext> | null | undefined): Verdict {
  if (context && context.head) return 'keep'
  const facts = blockFacts(node, block, rootText, context || emptyContext)
  for (const rule of cleanRules) {
    const verdict = rule.judge(facts)
    if (verdict) return verdict
  }
  return 'keep'
}

/** What the cleaning rules read about one block (shapes computed on demand, once). */
export interface BlockFacts {
  node: Element
  /** Class names and id (`hintNames`), without a heading's slug id and `side-by-side`; live-ticker comments read as `commentary`. */
  names: Array<string>
  /** The block's section title (`sectionHeading`), if any. */
  heading: string | undefined
  /** Weighted text inside the block, and the part of it in links (see `measureText`). */
  text: number
  linkText: number
  density: number
  /** Weighted text of the whole article root. */
  rootText: number
  /** A positive class/id word or `itemprop=articleBody`. */
  positive: boolean
  /** Inside a block named as comments that was kept (see `BlockContext`). */
  inComments: boolean
  /** Inside a link, a quote or a data table (see `BlockContext`). */
  structured: boolean
  /** Named as a comment thread (outside a kept comment block). */
  comment: boolean
  /** Named with a strong boilerplate word (comment words do not count inside a kept comment block). */
  strong: boolean
  /** Holds most of the article's text, few links: hints on it are false alarms. */
  mostText: boolean
  /** A paragraph, quote or list that reads as article text (not removed for its class). */
  prose(): boolean
  /** The block's runs of inline text (`inlineShape`). */
  shape(): InlineShape
}

/** A named cleaning rule: the verdict it gives a block, or `undefined` to leave it to the next rule. */
export interface CleanRuleSpec {
  /** Stable name of the rule (the verdicts it gives are the `CleanRule`s reported in `file.data.removals`). */
  name: string
  judge(facts: Readonly<BlockFacts>): Verdict | undefined
}

/**
 * The cleaning rules, in order: the first that gives a verdict decides.
 * Related lists come first (a list named `related` is kept, whatever else
 * its class says); metadata rows before positive words (`entry-meta`);
 * kinds of furniture class words do not name (`furnitureRules`);
 * class words only off blocks that do not hold most of the article text;
 * shape (link lists) and whole-block texts last.
 */
export const cleanRules: ReadonlyArray<CleanRuleSpec> = [
  {
    name: 'related-list',
    judge(f) {
      if (!(f.names.some((n) => relatedName.test(n)) || (f.heading && isRelatedHeading(f.heading, f.shape().links)))) return undefined
      if (f.linkText > 0 && f.density >= relatedLinkDensity) return 'related'
      if (f.text - f.linkText < f.rootText * emptyRelatedShare) return 'empty-related'
      return undefined
    }
  },
  {
    name: 'metadata-row',
    judge: (f) => (f.names.some((n) => metadataRow.test(n)) && f.text - f.linkText < Math.min(metadataRowMaxText, f.rootText * metadataRowRootShare) ? 'metadata-row' : undefined)
  },
  ...furnitureRules,
  {
    name: 'comment-heading',
    judge: (f) => (f.heading && isCommentHeading(f.heading) && !f.positive && !f.inComments ? 'comment-thread' : undefined)
  },
  {
    name: 'boilerplate-hint',
    judge(f) {
      if (!f.strong || f.mostText) return undefined
      if (f.comment) return 'comment-thread'
      return f.prose() ? undefined : 'boilerplate-hint'
    }
  },
  {
    // Comment threads can outgrow the article, but an article is left beside
    // them (a live ticker's “comments” are the article).
    name: 'comment-thread',
    judge: (f) => (f.mostText && !f.positive && f.comment && f.rootText - f.text >= articleBesideComments ? 'comment-thread' : undefined)
  },
  {
    name: 'footer',
    judge: (f) => (!f.mostText && f.node.tagName === 'footer' ? 'footer' : undefined)
  },
  {
    // A `<figcaption>` is its picture's text (a photo credit in a `t-meta` span is no meta bar).
    name: 'furniture-hint',
    judge: (f) => (!f.mostText && !f.positive && f.node.tagName !== 'figcaption' && f.names.some((n) => boilerplateWeak.test(n)) && !f.prose() ? 'furniture-hint' : undefined)
  },
  {
    name: 'teaser-hint',
    judge(f) {
      if (f.mostText || !f.names.some((n) => teaserName.test(n))) return undefined
      const shape = f.shape()
      return f.density >= teaserDensity || shape.linkedHeadings > 0 || !isContentLike(shape) ? 'teaser-hint' : undefined
    }
  },
  {
    // A linked image with its caption (`<a><div class="wp-caption">…</div></a>`) is a figure, not a link list.
    name: 'link-list',
    judge(f) {
      const node = f.node
      if (!(f.density >= linkListDensity && f.text < f.rootText * linkListRootShare && !f.structured && !isFigure(node) && !isCaption(node, false))) return undefined
      const list = node.tagName === 'ul' || node.tagName === 'ol'
      if (!list && keepLinkTags.has(node.tagName)) return undefined
      const shape = f.shape()
      // Lists of links in the text stay; lists of teaser cards go.
      if (list) return shape.cards >= 2 && shape.cards === shape.links && !holdsSentence(shape) ? 'teaser-list' : undefined
      return shape.truncated || (shape.links >= 2 && !holdsSentence(shape)) ? 'link-list' : undefined
    }
  },
  {
    name: 'boilerplate-text',
    judge: (f) => (f.text > 0 && f.text < boilerplateTextMax && boilerplateText.test((shortText(f.node, boilerplateTextMax) ?? '').trim()) ? 'boilerplate-text' : undefined)
  }
]

function blockFacts(node: Element, block: Block | undefined, rootText: number, settings: Readonly<BlockContext>): BlockFacts {
  const anchor = headingAnchor(node)
  // An id that is the slug of the block's own heading names the section
  // (`#sharing-with-a-single-developer`), not its role; `side-by-side`
  // photos are not a sidebar.
  const names = hintNames(node)
    .filter((name) => name !== anchor)
    .map((name) => commentary(name.replace(/side-?by-?side/g, '')))
  const totals = block ? block.all : undefined
  const text = totals ? totals.text : 0
  const linkText = totals ? totals.linkText : 0
  const density = totals ? linkDensity(totals) : 0
  const inComments = Boolean(settings.inComments)
  let shape: InlineShape | undefined
  const shapeOf = () => (shape ||= recordedShape(node))
  return {
    node,
    names,
    heading: sectionHeading(node),
    text,
    linkText,
    density,
    rootText,
    positive: isPositiveName(names) || isArticleBody(node),
    inComments,
    structured: Boolean(settings.structured),
    comment: !inComments && names.some((n) => commentName.test(n)),
    strong: names.some((n) => boilerplateStrong.test(n) && !(inComments && commentName.test(n))),
    mostText: text - linkText > rootText * mostTextShare && density < mostTextMaxDensity,
    prose: () => textTags.has(node.tagName) && isContentLike(shapeOf()),
    shape: shapeOf
  }
}

/**
 * The id of `node` when it is the slug of the heading that starts it
 * (`<div id="sharing-with-a-single-developer"><h2>Sharing with a single
 * developer¶</h2>`, as documentation and wiki generators write), else
 * `undefined`.
 */
function headingAnchor(node: Element): string | undefined {
  const id = node.properties.id
  if (typeof id !== 'string' || !id.includes('-')) return undefined
  for (const child of node.children) {
    if (child.type === 'text' && !child.value.trim()) continue
    if (child.type !== 'element' || !/^h[1-6]$/.test(child.tagName)) return undefined
    const slug = (shortText(child, 300) ?? '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .join('-')
    const key = id.toLowerCase()
    // Generators truncate long slugs and number repeated ones (`-1`).
    const truncated = key.length >= 12 && slug.startsWith(key)
    const numbered = slug.length >= 12 && key.startsWith(slug + '-') && /^\d+$/.test(key.slice(slug.length + 1))
    return slug && (key === slug || truncated || numbered) ? key : undefined
  }
  return undefined
}

/** Whether `node`'s class or id names comments (`comments`, `pinglun`, `replies`). */
export function isCommentNamed(node: Element): boolean {
  return hintNames(node).some((n) => commentName.test(commentary(n)))
}

/**
 * A live ticker's “comments” (`live-match-comments`, `liveticker-comment`)
 * are its commentary, the article itself: named so, comment words do not
 * match them.
 */
function commentary(name: string): string {
  return /(?:^|[^a-z])(?:live|ticker)/.test(name) ? name.replace(/comment(?!ary)/g, 'commentary') : name
}
