import type {Element} from 'hast'
import type {Block} from '../blocks/block-stats.js'
import {isCaption, isFigure} from '../../media/caption.js'
import {hintNames, isArticleBody, isPositiveName} from '../blocks/hints.js'
import {inlineShape} from '../blocks/inline-runs.js'
import {holdsSentence, isContentLike} from '../blocks/prose.js'
import {isCommentHeading, isRelatedHeading, sectionHeading} from '../blocks/section-heading.js'
import {shortText} from '../blocks/short-text.js'
import {linkDensity} from '../blocks/totals.js'

/**
 * Why the clean step removes a block: a stable name, reported in
 * `file.data.removals` and `dropped-content` messages.
 */
export type CleanRule =
  | 'boilerplate-hint'
  | 'boilerplate-text'
  | 'comment-thread'
  | 'empty-related'
  | 'footer'
  | 'furniture-hint'
  | 'link-list'
  | 'metadata-row'
  | 'teaser-hint'
  | 'teaser-list'

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
}

/** Class/id words of boilerplate inside an article, even next to a positive word. */
const boilerplateStrong =
  /comment(?!ary)|pinglun|gentie|footer|disqus|share|sharing|social|fenxiang|guanggao|tuijian|cookie|consent|gdpr|newsletter|subscri|signup|sign-up|promo|sponsor|advert|adsbygoogle|popup|modal|outbrain|taboola|read-?more|more-?stories|recirc|also-?read|recommend|trending|popular|most-?read|author-?bio|about-?author|author-?box|author-?info|bio-?box|paywall|(?:^|[^a-z])(?:ad|ads|adv|adunit|ad-slot|dfp|print|follow|rating)(?:$|[^a-z])/

/**
 * Class/id word of teasers: boilerplate only when the block links out or
 * does not read as article text (many sites class the article's own lead
 * `teaser`, `teaser-text`, `article-teaser`).
 */
const teaserName = /teaser/

/** Link density from which a block named as a teaser links out. */
const teaserDensity = 0.2

/**
 * Text elements: a class hint removes one only when it does not read as
 * article text (`p.paywall` and `p.teaser` paragraphs are the article).
 */
const textTags: ReadonlySet<string> = new Set([
  'blockquote',
  'dd',
  'dl',
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
  'p',
  'pre',
  'table',
  'ul'
])

/** Weighted text (see `measureText`) the rest of the article root keeps when a comment thread outgrows it. */
const articleBesideComments = 400

/** Class/id words of comment threads. */
const commentName = /comment(?!ary)|disqus|pinglun|gentie|(?:^|[^a-z])(?:replies|reply)(?:$|[^a-z])/

/** Class/id words of page furniture, unless a positive word is there too. */
const boilerplateWeak =
  /breadcrumb|navbar|navigation|daohang|menu|sidebar|toolbar|pagination|pager|copyright|keywords|(?:^|[^a-z])(?:nav|bio|login|rss|meta|tags|tag-?list|tag-?cloud|side|btn|button|buttons|cta)(?:$|[^a-z])|(?:^|[^a-z])tag$|(?:^|[^a-z])(?:hot|rank)(?:ing)?(?:-?(?:list|news|box|top))?\d*$/

/**
 * Class/id words of metadata rows and trails (byline, date, views,
 * breadcrumbs), whose content the frontmatter already has; checked before
 * positive words, which `entry-meta` would otherwise trip.
 */
const metadataRow = /(?:^|[^a-z])(?:byline|dateline|attr|attrs|crumbs?)(?:$|[^a-z])|(?:post|entry|article|story)-?(?:meta|info|attr|byline)(?:$|[^a-z])/

/** Class/id words of related-article lists. */
const relatedName = /related|see-?also|xiangguan|相关|相關|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀/

/** Whole-block texts that are never article text. */
const boilerplateText =
  /^(?:advertisement|advertising|anzeige|werbung|publicité|publicidad|pubblicità|sponsored|广告|廣告|share|share this|share this article|teilen|partager|分享到?)\s*:?$/i

/** Link density from which a block is a link list or a teaser. */
const linkListDensity = 0.8

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
 * inside links, quotes and data tables stay.
 */
export function judgeBlock(node: Element, block: Block | undefined, rootText: number, context?: Readonly<BlockContext> | null | undefined): Verdict {
  const settings = context || emptyContext
  const anchor = headingAnchor(node)
  // An id that is the slug of the block's own heading names the section
  // (`#sharing-with-a-single-developer`), not its role; `side-by-side`
  // photos are not a sidebar.
  const names = hintNames(node)
    .filter((name) => name !== anchor)
    .map((name) => commentary(name.replace(/side-?by-?side/g, '')))
  const totals = block ? block.all : undefined
  const text = totals ? totals.text : 0
  const density = totals ? linkDensity(totals) : 0

  const heading = sectionHeading(node)
  if (names.some((n) => relatedName.test(n)) || (heading && isRelatedHeading(heading))) {
    if (totals && totals.linkText > 0 && density >= 0.3) return 'related'
    if (text - (totals ? totals.linkText : 0) < rootText * 0.5) return 'empty-related'
  }

  if (names.some((n) => metadataRow.test(n)) && text - (totals ? totals.linkText : 0) < Math.min(200, rootText * 0.2)) return 'metadata-row'

  const positive = isPositiveName(names) || isArticleBody(node)
  const inComments = Boolean(settings.inComments)
  if (heading && isCommentHeading(heading) && !positive && !inComments) return 'comment-thread'
  const comment = !inComments && names.some((n) => commentName.test(n))
  const strong = names.some((n) => boilerplateStrong.test(n) && !(inComments && commentName.test(n)))
  const footer = node.tagName === 'footer'
  // A hint next to a positive one, on a block holding most of the article
  // text, is a false alarm.
  const mostText = text - (totals ? totals.linkText : 0) > rootText * 0.5 && density < 0.3
  // A paragraph, quote or list that reads as article text is not removed
  // for its class.
  const prose = () => textTags.has(node.tagName) && isContentLike(inlineShape(node))
  if (strong && !mostText) {
    if (comment) return 'comment-thread'
    if (!prose()) return 'boilerplate-hint'
  }
  // Comment threads can outgrow the article, but an article is left beside
  // them (a live ticker's “comments” are the article).
  if (mostText && !positive && comment && rootText - text >= articleBesideComments) return 'comment-thread'
  if (!mostText && footer) return 'footer'
  if (!mostText && !positive && names.some((n) => boilerplateWeak.test(n)) && !prose()) return 'furniture-hint'
  if (!mostText && names.some((n) => teaserName.test(n))) {
    const shape = inlineShape(node)
    if (density >= teaserDensity || shape.linkedHeadings > 0 || !isContentLike(shape)) return 'teaser-hint'
  }

  // A linked image with its caption (`<a><div class="wp-caption">…</div></a>`) is a figure, not a link list.
  if (density >= linkListDensity && text < rootText * 0.5 && !settings.structured && !isFigure(node) && !isCaption(node, false)) {
    const list = node.tagName === 'ul' || node.tagName === 'ol'
    if (list || !keepLinkTags.has(node.tagName)) {
      const shape = inlineShape(node)
      if (list) {
        // Lists of links in the text stay; lists of teaser cards go.
        if (shape.cards >= 2 && shape.cards === shape.links && !holdsSentence(shape)) return 'teaser-list'
      } else if (shape.truncated || (shape.links >= 2 && !holdsSentence(shape))) {
        return 'link-list'
      }
    }
  }

  if (text > 0 && text < 60 && boilerplateText.test((shortText(node, 60) ?? '').trim())) {
    return 'boilerplate-text'
  }

  return 'keep'
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
