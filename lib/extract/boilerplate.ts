import type {Element} from 'hast'
import type {Block} from './block-stats.js'
import {linkDensity} from './block-stats.js'
import {hintNames, isArticleBody, isPositiveName} from './hints.js'
import {shortText} from './short-text.js'

/** What the clean step does with a block. */
export type Verdict = 'keep' | 'remove' | 'related'

/** Class/id words of boilerplate inside an article, even next to a positive word. */
const boilerplateStrong =
  /comment|footer|disqus|share|sharing|social|cookie|consent|gdpr|newsletter|subscri|signup|sign-up|promo|sponsor|advert|adsbygoogle|popup|modal|outbrain|taboola|teaser|read-?more|more-?stories|recirc|also-?read|author-?bio|about-?author|author-?box|author-?info|bio-?box|paywall|recommend|trending|popular|most-?read|(?:^|[^a-z])(?:ad|ads|adv|adunit|ad-slot|dfp|print|follow|rating)(?:$|[^a-z])/

/** Class/id words of page furniture, unless a positive word is there too. */
const boilerplateWeak =
  /breadcrumb|navbar|navigation|menu|sidebar|toolbar|pagination|pager|copyright|keywords|(?:^|[^a-z])(?:nav|bio|hot|rank|ranking|login|rss|meta|tags?|tag-?list|tag-?cloud)(?:$|[^a-z])/

/** Class/id words of related-article lists. */
const relatedName = /related|see-?also|相关|相關|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀/

/** Headings that introduce related-article lists. */
const relatedHeading =
  /^(?:related|see also|more on|read also|also read|相关|相關|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|相关阅读|相關閱讀)/i

/** Whole-block texts that are never article text. */
const boilerplateText =
  /^(?:advertisement|advertising|anzeige|werbung|publicité|publicidad|pubblicità|sponsored|广告|廣告|share|share this|share this article|teilen|partager|分享到?)\s*:?$/i

/** Video hosts whose iframes stay. */
const videoHost = /youtube(?:-nocookie)?\.com|youtu\.be|vimeo\.com|dailymotion\.com|dai\.ly|youku\.com|bilibili\.com/i

/**
 * Decide what to do with a block inside the article root from its class/id,
 * link density and text length.
 */
export function judgeBlock(node: Element, block: Block | undefined, rootText: number): Verdict {
  const names = hintNames(node)
  const totals = block ? block.all : undefined
  const text = totals ? totals.text : 0
  const density = totals ? linkDensity(totals) : 0

  if (names.some((n) => relatedName.test(n)) || startsWithRelatedHeading(node)) {
    if (totals && totals.linkText > 0 && density >= 0.3) return 'related'
    if (text - (totals ? totals.linkText : 0) < rootText * 0.5) return 'remove'
  }

  const positive = isPositiveName(names) || isArticleBody(node)
  const strong = names.some((n) => boilerplateStrong.test(n))
  const footer = node.tagName === 'footer'
  if (strong || footer || (!positive && names.some((n) => boilerplateWeak.test(n)))) {
    // A hint on a block holding most of the article text is a false alarm.
    const ownText = text - (totals ? totals.linkText : 0)
    if (!(ownText > rootText * 0.5 && density < 0.3)) return 'remove'
  }

  if (text > 0 && text < 60 && boilerplateText.test((shortText(node, 60) ?? '').trim())) {
    return 'remove'
  }

  return 'keep'
}

/** Whether an `<iframe>` (or `<embed>`/`<object>`) shows a known video host. */
export function isVideoEmbed(node: Element): boolean {
  const props = node.properties
  const source = [props.src, props.data, props.dataSrc].find((v) => typeof v === 'string')
  return typeof source === 'string' && videoHost.test(source)
}

/** Whether the first heading-ish child says “related”. */
function startsWithRelatedHeading(node: Element): boolean {
  for (const child of node.children) {
    if (child.type === 'text') {
      if (child.value.trim()) return relatedHeading.test(child.value.trim())
      continue
    }
    if (child.type !== 'element') continue
    if (/^(?:h[1-6]|header|strong|b|span|p|div)$/.test(child.tagName)) {
      return relatedHeading.test((shortText(child, 40) ?? '').trim())
    }
    return false
  }
  return false
}
