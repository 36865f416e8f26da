/**
 * The words and thresholds the heuristics judge pages by, in one place:
 * class and id words of boilerplate and of the article, headings of comment
 * threads and related lists, and the link densities and text lengths the
 * cleaning rules use. Each names the fixture (or shared corpus page) that
 * shows why it is there; change one and that page's output changes.
 *
 * Class and id words are matched against `hintNames` (class names and id,
 * camelCase split with dashes, lower-cased). Patterns are joined from lists
 * of alternatives (`anyOf`), one concept a line; every one is checked for
 * super-linear backtracking by `test/reliability.ts`.
 *
 * @module
 */

/** One pattern from alternatives: `anyOf(['a', 'b(?:c|d)'])` is `/a|b(?:c|d)/`. */
function anyOf(alternatives: ReadonlyArray<string>, flags = ''): RegExp {
  return new RegExp(alternatives.join('|'), flags)
}

/**
 * Class/id words of comment threads: English (`comments`, not a live
 * ticker's `commentary`: clean-live-ticker-reported), pinyin of 评论
 * (`pinglun`) and NetEase's 跟帖 (`gentie`). No fixture has the pinyin
 * words yet; the corpus's Chinese portals (gne--163-2) use `comment`.
 */
export const commentWords: ReadonlyArray<string> = ['comment(?!ary)', 'pinglun', 'gentie']

/**
 * Class/id words of boilerplate inside an article, removed even next to a
 * positive word (cleaning's `boilerplate-hint`): comments, share bars
 * (`fenxiang` 分享), ads (`guanggao` 广告), recommendations (`tuijian` 推荐),
 * consent banners, newsletter and paywall boxes, “read more” rails, author
 * bios. Fixtures: clean-hinted-article-text (share, newsletter, paywall
 * paragraphs that stay as article text), generic-article-split-siblings;
 * corpus postlight--arstechnica.com (author bio).
 */
export const boilerplateStrong = anyOf([
  ...commentWords,
  'footer',
  'disqus',
  'share',
  'sharing',
  'social',
  'fenxiang',
  'guanggao',
  'tuijian',
  'cookie',
  'consent',
  'gdpr',
  'newsletter',
  'subscri',
  'signup',
  'sign-up',
  'promo',
  'sponsor',
  'advert',
  'adsbygoogle',
  'popup',
  'modal',
  'outbrain',
  'taboola',
  'read-?more',
  'more-?stories',
  'recirc',
  'also-?read',
  'recommend',
  'trending',
  'popular',
  'most-?read',
  'author-?bio',
  'about-?author',
  'author-?box',
  'author-?info',
  'bio-?box',
  'paywall',
  '(?:^|[^a-z])(?:ad|ads|adv|adunit|ad-slot|dfp|print|follow|rating)(?:$|[^a-z])'
])

/**
 * Class/id word of teasers: boilerplate only when the block links out or
 * does not read as article text (many sites class the article's own lead
 * `teaser`, `teaser-text`, `article-teaser`). Fixtures:
 * clean-hinted-article-text, generic-article-split-siblings.
 */
export const teaserName = anyOf(['teaser'])

/** Link density from which a block named as a teaser links out (clean-hinted-article-text). */
export const teaserDensity = 0.2

/**
 * Weighted text (see `measureText`) the rest of the article root keeps when
 * a comment thread outgrows it: below it, the “comments” are the article
 * (a live ticker: clean-live-ticker-reported).
 */
export const articleBesideComments = 400

/**
 * Class/id words of comment threads (cleaning's `comment-thread`): the
 * comment words, Disqus, `reply`/`replies` as whole words.
 * Fixtures: clean-live-ticker-reported; corpus postlight--www.dmagazine.com (Disqus).
 */
export const commentName = anyOf([...commentWords, 'disqus', '(?:^|[^a-z])(?:replies|reply)(?:$|[^a-z])'])

/**
 * Class/id words of page furniture, removed unless a positive word is there
 * too (cleaning's `furniture-hint`): breadcrumbs, navigation (`daohang`
 * 导航), menus, sidebars, pagination, tag lists, buttons, hot/ranking lists
 * (`hot-news`, `ranking-list`). Fixtures: charset-gbk-full-page (breadcrumb,
 * sidebar, hot), generic-chinese-portal (rank); corpus gne--cmse-1 (daohang).
 */
export const boilerplateWeak = anyOf([
  'breadcrumb',
  'navbar',
  'navigation',
  'daohang',
  'menu',
  'sidebar',
  'toolbar',
  'pagination',
  'pager',
  'copyright',
  'keywords',
  '(?:^|[^a-z])(?:nav|bio|login|rss|meta|tags|tag-?list|tag-?cloud|side|btn|button|buttons|cta)(?:$|[^a-z])',
  '(?:^|[^a-z])tag$',
  String.raw`(?:^|[^a-z])(?:hot|rank)(?:ing)?(?:-?(?:list|news|box|top))?\d*$`
])

/**
 * Class/id words of metadata rows and trails (byline, date, views,
 * breadcrumbs), whose content the frontmatter already has; checked before
 * positive words, which `entry-meta` would otherwise trip. Fixtures:
 * generic-microdata (`post-meta`), generic-json-ld-graph (`entry-meta`),
 * generic-conflicting-dates (`byline`).
 */
export const metadataRow = anyOf(['(?:^|[^a-z])(?:byline|dateline|attr|attrs|crumbs?)(?:$|[^a-z])', '(?:post|entry|article|story)-?(?:meta|info|attr|byline)(?:$|[^a-z])'])

/**
 * Class/id words of related-article lists (kept as lists of links, or
 * removed when empty): `related`, `see-also`, `xiangguan` 相关, and the
 * Chinese words themselves. Fixtures: generic-related-list; corpus
 * newspaper4k--chinese_article_001 (`xiangguan`).
 */
export const relatedName = anyOf(['related', 'see-?also', 'xiangguan', '相关', '相關', '延伸阅读', '延伸閱讀', '推荐阅读', '推薦閱讀'])

/**
 * Whole-block texts that are never article text (`Advertisement`,
 * `Anzeige`, `广告`, `Share this`, `分享到`). Fixture: clean-hinted-article-text.
 */
export const boilerplateText = anyOf(
  [String.raw`^(?:advertisement|advertising|anzeige|werbung|publicité|publicidad|pubblicità|sponsored|广告|廣告|share|share this|share this article|teilen|partager|分享到?)\s*:?$`],
  'i'
)

/** Link density from which a block is a link list or a teaser list (clean-link-only-paragraph, clean-linked-paragraphs-bannedbook). */
export const linkListDensity = 0.8

/**
 * Strong “this is the article” class/id words (content scoring's class
 * weight; cleaning keeps hinted blocks that carry one). Fixtures:
 * generic-article-split-siblings (`story-part`), core-seed (`entry`).
 */
export const positiveName = anyOf(['article', 'content', 'entry', '(?:^|[^a-z])(?:post|story|body|text|main|blog|hentry|h-entry)', '正文'])

/**
 * Boilerplate class/id words for content scoring's class weight (−25),
 * matched anywhere in a class name or id. Fixtures: charset-gbk-full-page,
 * full-page-widget-heading-first.
 */
export const negativeLong = anyOf([
  ...commentWords,
  'sidebar',
  'footer',
  'header',
  'navbar',
  'navigation',
  'daohang',
  'menu',
  'related',
  'xiangguan',
  'share',
  'sharing',
  'social',
  'fenxiang',
  'guanggao',
  'tuijian',
  'promo',
  'banner',
  'widget',
  'breadcrumb',
  'cookie',
  'newsletter',
  'subscri',
  'popup',
  'modal',
  'recommend',
  'copyright',
  'sponsor',
  'outbrain',
  'taboola',
  'disqus',
  'masthead',
  'advert',
  'adsbygoogle',
  'shoutbox',
  'skyscraper',
  'gdpr',
  'consent',
  'toolbar',
  'pagination',
  'pager',
  'signup',
  'teaser',
  'trending',
  'popular',
  'most-read',
  'mostread'
])

/**
 * Short boilerplate words for the class weight, matched only as whole words
 * (`nav`, `ad`, `tags`, `side`, hot/ranking lists). Fixtures:
 * charset-gbk-full-page, generic-chinese-portal.
 */
export const negativeShort = anyOf([
  '(?:^|[^a-z])(?:nav|ad|ads|adv|dfp|tags|meta|extra|rss|print|follow|login|hidden|sr-only|foot|aside|side|bottom|more|reply|replies|author-bio|bio)(?:$|[^a-z])',
  String.raw`(?:^|[^a-z])(?:hot|rank)(?:ing)?(?:-?(?:list|news|box|top))?\d*$`
])

/**
 * Furniture that is never the article, however much text it holds (content
 * scoring skips it): comments, related and recommended lists, share bars,
 * ads, hot lists. Fixtures: full-page-published-time, charset-gbk-full-page.
 */
export const unlikelyStrong = anyOf([
  ...commentWords,
  'disqus',
  'related',
  'xiangguan',
  'tuijian',
  'fenxiang',
  'guanggao',
  'recommend',
  'share',
  'sharing',
  'social',
  'outbrain',
  'taboola',
  'sponsor',
  'trending',
  'popular',
  'most-read',
  'mostread',
  '(?:^|[^a-z])(?:ad|ads|dfp|reply|replies)(?:$|[^a-z])',
  String.raw`(?:^|[^a-z])(?:hot|rank)(?:ing)?(?:-?(?:list|news|box|top))?\d*$`
])

/**
 * Layout furniture, skipped by content scoring unless it holds most of the
 * page's text (a `main-sidebar-layout` wrapper). Fixtures:
 * charset-big5-full-page, clean-hinted-article-text.
 */
export const unlikelyWeak = anyOf([
  'sidebar',
  'daohang',
  'footer',
  'navbar',
  'navigation',
  'menu',
  'banner',
  'breadcrumb',
  'cookie',
  'newsletter',
  'subscri',
  'popup',
  'modal',
  'masthead',
  'shoutbox',
  'skyscraper',
  'gdpr',
  'consent',
  'pagination',
  'pager',
  'signup',
  '(?:^|[^a-z])(?:nav|rss|login|side)(?:$|[^a-z])'
])

/**
 * Headings of comment threads (the whole heading, an optional count; white
 * space collapsed by `sectionHeading`), English, German, French, Spanish,
 * Italian, Dutch and Chinese (`评论`, `網友評論`, `留言`, `跟帖`).
 * Fixtures: clean-live-ticker-reported, generic-chinese-portal.
 */
export const commentHeading = anyOf(
  [
    String.raw`^(?:\d+ ?)?(?:comments?|reader comments|kommentare?|leserkommentare|commentaires?|comentarios?|commenti|reacties|reactions?|leave a (?:comment|reply)|join the discussion|discussion|(?:网友|热门|最新|全部|发表|精彩|读者)?评论|(?:網友|熱門|最新|全部|發表|精彩|讀者)?評論|(?:网友|我要)?留言|跟帖)(?: ?[(（[]? ?\d+ ?[)）\]]?)? ?[:：]?$`
  ],
  'i'
)

/**
 * Headings of related-article lists (`Related`, `Lesen Sie auch`, `相关阅读`,
 * `延伸閱讀`). Fixture: generic-related-list.
 */
export const relatedHeading = anyOf(
  [
    '^(?:related|see also|more on|read also|also read|lesen sie auch|mehr zum thema|ähnliche (?:beiträge|artikel)|verwandte artikel|à lire aussi|lire aussi|相关|相關|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀)'
  ],
  'i'
)

/**
 * Class/id words of bylines, for the page index (`byline`, `author`,
 * `reporter`, `autor`, a lone `by`). Fixtures: generic-byline-only,
 * clean-linked-lead-full-page.
 */
export const bylineHint = anyOf(['byline', 'author', 'writer', 'reporter', 'journalist', 'autor', 'auteur', 'contributor', '(?:^|[-_ ])by(?:$|[-_ ])'], 'i')

/**
 * Class/id words that make a byline-hinted element something else beside
 * the author's name: a counter (`author-views`, `author-post-count`), a
 * picture (`author-avatar`, `author-img`), a photo credit
 * (`photo-author`); the word ends a class name (`article-view__authornames`
 * is a byline). Fixture: meta-author-counter-hint.
 */
export const bylineNotName = anyOf(['(?:^|[-_ ])(?:views?|count|counts|hits|stats|followers|likes|rating|avatar|img|image|pic|photo|foto)(?=\\s|$)'], 'i')

/**
 * Class/id words of visible dates, for the page index. Fixtures:
 * generic-chinese-portal, generic-conflicting-dates.
 */
export const dateHint = anyOf(['date', 'time', 'publish', 'posted', 'dateline', 'datum', 'fecha', '[-_]pub(?:$|[-_])'], 'i')

/**
 * Class/id words (anywhere in a token) of page regions whose bylines and
 * dates are not the article's: comments, sidebars, related and popular
 * lists, newsletters, Wayback Machine's toolbar (`wm-ipp`). Fixtures:
 * generic-conflicting-dates, clean-live-ticker-reported.
 */
export const excludedAnywhere = anyOf(
  ['comment', 'sidebar', 'related', 'recommend', 'widget', 'popular', 'trending', 'newsletter', 'disqus', 'most-?read', 'wm-ipp', 'more-?stories', 'outbrain', 'taboola'],
  'i'
)

/**
 * Class/id tokens that start with a page region's name (`footer`,
 * `site-nav`, `main-menu`, `rail`, `masthead`): excluded like the words
 * above. Fixture: full-page-relative-urls.
 */
export const excludedStart = anyOf(['^(?:(?:site|page|global|main|blog)[-_]?)?(?:footer|nav|navbar|navigation|menu|aside|promo|rail|subnav|masthead)(?:$|[-_])'], 'i')

/**
 * schema.org types of an article scope (`NewsArticle`, `BlogPosting`,
 * `Report`; matched on `itemtype`): inside one, bylines count as the
 * article's. Fixture: generic-microdata.
 */
export const articleType = anyOf(['article', 'posting', 'report'], 'i')

/** Link density from which a block named or titled as related articles is a related list, kept as links (generic-related-list). */
export const relatedLinkDensity = 0.3

/** Share of the root's text under which a related block without links is removed as `empty-related` (test/cleaning.ts). */
export const emptyRelatedShare = 0.5

/**
 * Most weighted text outside links of a metadata row (`metadataRow` words):
 * `metadataRowMaxText`, and at most `metadataRowRootShare` of the root's
 * text (generic-microdata, generic-json-ld-graph).
 */
export const metadataRowMaxText = 200
export const metadataRowRootShare = 0.2

/**
 * A block holds most of the article when its text outside links is more
 * than `mostTextShare` of the root's and its link density below
 * `mostTextMaxDensity`: class words on it are false alarms
 * (clean-hinted-article-text, clean-live-ticker-reported).
 */
export const mostTextShare = 0.5
export const mostTextMaxDensity = 0.3

/** Share of the root's text below which a linky block can be a link list (clean-link-only-paragraph). */
export const linkListRootShare = 0.5

/** Weighted text under which a block can be a whole-block boilerplate text (`boilerplateText`; clean-hinted-article-text). */
export const boilerplateTextMax = 60
