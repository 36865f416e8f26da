import type {Element} from 'hast'
import type {Block} from './block-stats.js'
import {isCaption, isFigure} from '../media/caption.js'
import {hintNames, isArticleBody, isPositiveName} from './hints.js'
import {isCommentHeading, isRelatedHeading, sectionHeading} from './section-heading.js'
import {shortText} from './short-text.js'
import {linkDensity} from './totals.js'

/** What the clean step does with a block. */
export type Verdict = 'keep' | 'remove' | 'related'

/** Class/id words of boilerplate inside an article, even next to a positive word. */
const boilerplateStrong =
  /comment(?!ary)|pinglun|gentie|footer|disqus|share|sharing|social|fenxiang|guanggao|tuijian|cookie|consent|gdpr|newsletter|subscri|signup|sign-up|promo|sponsor|advert|adsbygoogle|popup|modal|outbrain|taboola|teaser|read-?more|more-?stories|recirc|also-?read|author-?bio|about-?author|author-?box|author-?info|bio-?box|paywall|recommend|trending|popular|most-?read|(?:^|[^a-z])(?:ad|ads|adv|adunit|ad-slot|dfp|print|follow|rating)(?:$|[^a-z])/

/** Class/id words of comment threads. */
const commentName = /comment(?!ary)|disqus|pinglun|gentie|(?:^|[^a-z])(?:replies|reply)(?:$|[^a-z])/

/** Class/id words of page furniture, unless a positive word is there too. */
const boilerplateWeak =
  /breadcrumb|navbar|navigation|daohang|menu|sidebar|toolbar|pagination|pager|copyright|keywords|(?:^|[^a-z])(?:nav|bio|login|rss|meta|tags|tag-?list|tag-?cloud|side)(?:$|[^a-z])|(?:^|[^a-z])tag$|(?:^|[^a-z])(?:hot|rank)(?:ing)?(?:-?(?:list|news|box|top))?\d*$/

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

/**
 * Decide what to do with a block inside the article root from its class/id,
 * link density and text length.
 */
export function judgeBlock(node: Element, block: Block | undefined, rootText: number): Verdict {
  const names = hintNames(node)
  const totals = block ? block.all : undefined
  const text = totals ? totals.text : 0
  const density = totals ? linkDensity(totals) : 0

  const heading = sectionHeading(node)
  if (names.some((n) => relatedName.test(n)) || (heading && isRelatedHeading(heading))) {
    if (totals && totals.linkText > 0 && density >= 0.3) return 'related'
    if (text - (totals ? totals.linkText : 0) < rootText * 0.5) return 'remove'
  }

  if (names.some((n) => metadataRow.test(n)) && text - (totals ? totals.linkText : 0) < Math.min(200, rootText * 0.2)) return 'remove'

  const positive = isPositiveName(names) || isArticleBody(node)
  if (heading && isCommentHeading(heading) && !positive) return 'remove'
  const strong = names.some((n) => boilerplateStrong.test(n))
  const footer = node.tagName === 'footer'
  // A hint next to a positive one, on a block holding most of the article
  // text, is a false alarm.
  const mostText = text - (totals ? totals.linkText : 0) > rootText * 0.5 && density < 0.3
  if (strong && !mostText) return 'remove'
  // Comment threads can outgrow the article.
  if (mostText && !positive && names.some((n) => commentName.test(n))) return 'remove'
  if ((footer || (!positive && names.some((n) => boilerplateWeak.test(n)))) && !mostText) {
    return 'remove'
  }

  // Link lists and lone-link teaser paragraphs.
  // A linked image with its caption (`<a><div class="wp-caption">…</div></a>`) is a figure, not a link list.
  if (density >= linkListDensity && !keepLinkTags.has(node.tagName) && !isFigure(node) && !isCaption(node, false) && text < rootText * 0.5) {
    return 'remove'
  }

  if (text > 0 && text < 60 && boilerplateText.test((shortText(node, 60) ?? '').trim())) {
    return 'remove'
  }

  return 'keep'
}
