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
 * generic-conflicting-dates (`byline`), clean-news-info-row (`news_info`:
 * source, time and a font-size control under a Chinese headline).
 */
export const metadataRow = anyOf(['(?:^|[^a-z])(?:byline|dateline|attr|attrs|crumbs?)(?:$|[^a-z])', '(?:post|entry|article|story|news)[-_]?(?:meta|info|attr|byline)(?:$|[^a-z])'])

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
 * Headings of related-article lists (`Related`, `More from…`, `Lesen Sie auch`,
 * `相关阅读`, `延伸閱讀`). Fixtures: generic-related-list,
 * generic-related-after-root.
 */
export const relatedHeading = anyOf(
  [
    '^(?:related|see also|more on|more from|read also|also read|lesen sie auch|mehr zum thema|ähnliche (?:beiträge|artikel)|verwandte artikel|à lire aussi|lire aussi|相关|相關|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀)'
  ],
  'i'
)

/**
 * Headings of related-article lists only over several links (`Read more`, the
 * whole heading: not `Read more about:` over topic tags):
 * over one teaser card it is the card's label (generic-article-split-siblings).
 * Fixture: generic-related-after-root-read-more.
 */
export const readMoreHeading = anyOf(['^read more[\\s:.…»>]*$'], 'i')

/**
 * Class/id words of bylines, for the page index (`byline`, `author`,
 * `reporter`, `autor`, a lone `by`). Fixtures: generic-byline-only,
 * clean-linked-lead-full-page.
 */
export const bylineHint = anyOf(['byline', 'author', 'writer', 'reporter', 'journalist', 'autor', 'auteur', 'contributor', '(?:^|[-_ ])by(?:$|[-_ ])'], 'i')

/**
 * Words that open a Latin-script byline before the writers' names: English
 * `by`, German `von`, French `par`, Spanish and Portuguese `por`, Dutch
 * `door`, Italian `di`, Swedish and Norwegian `av`, Danish `af`. All but
 * `by` are also words of sentences (and `von`, `di` open surnames: `Von
 * Miller`, `Di Maria`), so readers take them in lower case only when the
 * byline stands alone in its block. Shared by every reader that finds or
 * strips a byline label (`byline.ts`, `author-names.ts`, `credit-line.ts`,
 * the page index). Test: test/byline-kinds.ts.
 */
export const bylineLabelWords: ReadonlyArray<string> = ['by', 'von', 'par', 'por', 'door', 'di', 'av', 'af']

/** `bylineLabelWords` as one alternation (`by|von|…`), for readers' patterns. */
export const bylineLabel = bylineLabelWords.join('|')

/** `bylineLabelWords` other than `by`: the labels that are sentence words in lower case. */
export const bylineLabelSentenceWord = new RegExp('^(?:' + bylineLabelWords.filter((word) => word !== 'by').join('|') + ')\\s')

/**
 * Words before a byline label (`Written by`, `Ein Beitrag von`, `Un
 * articolo di`, `Erstellt von`, `Escrito por`, `Écrit par`, `Geschreven door`, `Skrevet
 * af`, `Skrivet av`). Fixture: meta-author-byline-forms; test:
 * test/byline-kinds.ts.
 */
export const bylineLabelLead =
  '(?:written|posted|published|verfasst|geschrieben|erstellt|gepostet|veröffentlicht|text|story|reported|words|reporting|additional reporting|ein (?:beitrag|artikel|gastbeitrag|kommentar)|un articolo|articolo|escrit[oa]|publicad[oa]|écrite?|rédigée?|publiée?|geschreven|skrevet|skrivet)'

/** Italian labels ending in `da` (`Scritto da`, `Pubblicato da`): `da` alone is no label. Test: test/byline-kinds.ts. */
export const bylineLabelPhrase = '(?:scritt[oa]|pubblicat[oa]|redatt[oa]) da'

/**
 * Labels that end in a colon before the writers' names (`Autor:`, `Text &
 * Fotos:`, `Texto:`, Italian `Autore:`, French `Auteur :`, Danish and
 * Norwegian `Forfatter:`, Swedish `Författare:`, Dutch and Danish `Tekst:`).
 * Fixture: meta-author-byline-forms; test: test/byline-kinds.ts.
 */
export const bylineColonLabel =
  '(?:autor|autorin|autora|autore|autores|author|auteure?s?|forfatter|författare|text(?: ?(?:&|und|and|\\+|\\/) ?(?:fotos?|bild(?:er)?|photos?))?|tekst|texto|texte|reporter)'

/**
 * A reading time in a byline or date row (`5 min read`, `Reading time: 5
 * minutes`, `Lesezeit: 4 Min.`, `Lecture 4 min`, `Tiempo de lectura: 3
 * min`, `3 minuti di lettura`, `Leestijd 2 minuten`): no name, no date, no
 * word of the row. Test: test/byline-kinds.ts.
 */
export const readingTime = anyOf(
  [
    String.raw`(?:reading|read) time\s?[:：]?\s?\d{1,3}\s?min(?:ute)?s?\.?`,
    String.raw`\d{1,3}\s?-?\s?min(?:ute)?s?\.?\s(?:read|reading)`,
    String.raw`(?:lesezeit|lesedauer|temps de lecture|lecture|tiempo de lectura|lectura|tempo di lettura|lettura|leestijd|tempo de leitura|leitura|lästid|lesetid|læsetid)\s?[:：]?\s?(?:ca\.?\s)?\d{1,3}\s?(?:min\.?|minuten|minutes|minuti|minutos|minuter|minutter)`,
    String.raw`\d{1,3}\s?(?:min\.?|minuten|minutes|minuti|minutos|minuter|minutter)\s(?:lesezeit|lesedauer|de lecture|de lectura|di lettura|de leitura|leestijd|läsning|lesing|læsning)`
  ],
  'giu'
)

/**
 * Class/id words that make a byline-hinted element something else beside
 * the author's name: a counter (`author-views`, `author-post-count`), a
 * picture (`author-avatar`, `author-img`), a photo credit
 * (`photo-author`); the word ends a class name (`article-view__authornames`
 * is a byline). Fixture: meta-author-counter-hint.
 */
export const bylineNotName = anyOf(['(?:^|[-_ ])(?:views?|count|counts|hits|stats|followers|likes|rating|avatar|img|image|pic|photo|foto)(?=\\s|$)'], 'i')

/**
 * Class/id words of visible dates, for the page index; `lastmod` marks the
 * last-edited line of a wiki (MediaWiki's `#footer-info-lastmod`), read as
 * the modified date. Fixtures: generic-chinese-portal,
 * generic-conflicting-dates, meta-date-wiki-last-edited.
 */
export const dateHint = anyOf(['date', 'time', 'publish', 'posted', 'dateline', 'datum', 'fecha', '[-_]pub(?:$|[-_])', 'lastmod'], 'i')

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
 * Class/id tokens with `sidebar` that name no page sidebar: the article's own
 * column of facts beside its text (`article-sidebar`, `article__sidebar`,
 * `podcast-description__sidebar`: its byline and date), a layout that has a
 * sidebar (`lay-sidebar`, `layout-sidebar`) and the main column of one
 * (`sidebar__main`). Fixture: meta-article-sidebar.
 */
export const notPageSidebar = anyOf(['^(?:[a-z]{1,3}-{1,2})?(?:article|story|podcast|episode)(?:[-_][a-z]+)?(?:__|[-_])sidebar', '^(?:lay|layout)[-_]+sidebar', '^sidebar__main(?:$|[-_])'], 'i')

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

/**
 * Words of a “scan this code” box: a QR code of a WeChat account or a share
 * pop-up (`用微信扫描二维码 分享至好友和朋友圈`), removed by cleaning's
 * `scan-code` rule when the block also asks to scan, follow or share
 * (`scanCodeAction`) and is short (`scanCodeMax`). Fixture:
 * furniture-scan-code; corpus gne--163-9, gne--sina-1, gne--sina-4.
 */
export const scanCodeText = anyOf(['二维码', '二維碼', 'qr[- ]?code', '扫码', '掃碼', '扫一扫', '掃一掃'], 'i')

/** What a scan-code box asks the reader to do (see `scanCodeText`). */
export const scanCodeAction = anyOf(['关注', '關注', '分享', '扫描', '掃描', '长按', '長按', 'scan', 'follow', 'share', 'scannen', 'folgen'], 'i')

/** Class/id words of QR-code boxes (`div.QR` with the page's short address: corpus trafilatura--it-finanzmagazin.de.creditshelf; furniture-scan-code). */
export const scanCodeName = anyOf(['(?:^|[^a-z])qr-?(?:code)?(?:$|[^a-z])', 'erweima'])

/** Weighted text (see `measureText`) under which a block naming a code can be a scan-code box (one promo line; furniture-scan-code). */
export const scanCodeMax = 200

/**
 * Image addresses of QR codes (`api.qrserver.com/v1/create-qr-code/`,
 * `/img/qr-newsletter.png`, `wx_qr.jpg`): alone in a block, or beside a
 * short call to scan, follow or share (`scanCodeAction`), a scan-code box.
 * Corpus trafilatura--it-finanzmagazin.de.creditshelf; furniture-scan-code-call.
 */
export const scanCodeImage = anyOf(['create-qr-code', 'qrcode', 'qr-code', 'qr_code', String.raw`[/_-]qr[_.-]`, 'erweima'], 'i')

/**
 * Calls to vote in a poll of the site, linked (`【点击投票】`): a block holding
 * one and little else is a vote banner (cleaning's `vote-banner`).
 * Fixture: furniture-vote-banner; corpus gne--sina-2.
 */
export const voteCall = anyOf(['^(?:点击|點擊|立即|马上|馬上|参与|參與)?投票$', '^(?:vote now|cast your vote|jetzt abstimmen)$'], 'i')

/**
 * Weighted text under which a block holding the byline link
 * (`rel=author`) and no sentence is the byline and date row the
 * frontmatter carries (cleaning's `byline-row`; root-head-teaser-block:
 * `04/11/2024 | Ines Berg` left in the head block that held the headline).
 */
export const bylineRowMax = 120

/**
 * Class, source or `alt` words of a person's small picture (`avatar`,
 * Gravatar, `headshot`, a profile picture): a row of linked ones with no
 * text is a row of avatar links under a live quote or a comment count
 * (cleaning's `avatar-row`; furniture-avatar-row).
 */
export const avatarName = anyOf(['avatar', 'gravatar', 'headshot', 'profile-?(?:pic|photo|image|img)', 'user-?(?:pic|photo|image|img)', 'mugshot'], 'i')

/** Size in pixels at or under which a square linked picture in a row of them is an avatar (furniture-avatar-row). */
export const avatarMaxSize = 100

/**
 * File-name extensions of pictures: a line that is only a file name
 * (`IMG_2034.jpg`, `hero-banner-final.png`) is an image's name left as
 * text by a broken template (cleaning's `file-name`; furniture-file-name-line).
 */
export const imageFileExtensions: ReadonlySet<string> = new Set(['avif', 'bmp', 'gif', 'heic', 'jpeg', 'jpg', 'png', 'svg', 'tif', 'tiff', 'webp'])

/** Characters a stray file-name line has at most (furniture-file-name-line). */
export const fileNameMax = 120

/** Weighted text under which a block with a linked vote call is a vote banner (furniture-vote-banner). */
export const voteBannerMax = 300

/**
 * The text of a widget's “more” link (`更多>`, `More »`): never article
 * text (the arrow makes it a control). Fixture: furniture-more-link;
 * corpus gne--sina-2.
 */
export const moreLink = anyOf([String.raw`^(?:更多|查看更多|more|mehr|plus)\s?[>›»]{1,2}$`], 'i')

/**
 * The whole text of a “read more” link (`Read more`, `Weiterlesen`, `Lire
 * la suite`, `阅读全文`, `展开全文`, with an arrow or ellipsis): a control
 * that opens the rest of a teaser, never article text (cleaning's
 * `more-link`, and `read-more` for its line); in brackets (`[czytaj
 * więcej]`, `[more]`) with the brackets around the link. A sentence that
 * holds the words is no such link. Fixture: furniture-read-more-line; corpus
 * trafilatura--correctiv.org.zusage.
 */
export const readMoreLink = anyOf(
  [
    String.raw`^\[\s?(?:more|mehr|więcej|plus|más|mais|meer|更多)\s?[>›»→…]*\s?\]$`,
    String.raw`^[\[(]?\s?(?:read (?:more|on|the full (?:story|article))|continue reading|keep reading|weiterlesen|mehr lesen|(?:artikel |beitrag )?(?:vollständig |ganz )?lesen|lire la suite|lire plus|en savoir plus|leer más|seguir leyendo|leia mais|continua a leggere|leggi (?:tutto|di più)|lees (?:meer|verder)|czytaj (?:dalej|więcej)|阅读全文|閱讀全文|展开全文|展開全文|查看全文|阅读更多|閱讀更多|点击阅读全文|続きを読む|더 ?보기)\s?[>›»→…]*\.{0,3}\s?[\])]?$`
  ],
  'iu'
)

/** Characters a line with a “read more” link has at most: the link and a reading time or a date beside it (`weiterlesen 5 Minuten`; furniture-read-more-line). */
export const readMoreLineMax = 60

/**
 * The label that opens an author box (`About the author`, `Über den Autor`,
 * `作者简介`), alone in its block or as the box's first line (cleaning's
 * `author-box`). Fixture: furniture-author-box; corpus
 * trafilatura--weinkenner.de-st.magdalener.
 */
export const authorBoxLabel = anyOf(
  [String.raw`^(?:about the author|about the writer|über den autor|über die autorin|à propos de l'auteur|sobre el autor|关于作者|關於作者|作者简介|作者簡介)\s?:?$`],
  'i'
)

/** Class/id words of author boxes not in `boilerplateStrong` (the Simple Author Box plugin's `saboxplugin-wrap`; furniture-author-box). */
export const authorBoxName = anyOf(['saboxplugin', 'author-?(?:card|profile|about)', 'about-?the-?author'])

/** Weighted text under which a block opened by `authorBoxLabel` is an author box, not a section of the article (furniture-author-box). */
export const authorBoxMax = 1500

/**
 * Class/id words of blocks shown only when printing (a print logo and the
 * “printed from” address: `#printbox`). Fixture: furniture-print-only;
 * corpus trafilatura--ndr.de.podcastcoronavirus140.
 */
export const printOnlyName = anyOf(['(?:^|[^a-z])print-?(?:box|only|area|header|footer|logo|version)(?:$|[^a-z])', 'visible-print', 'show-for-print', 'd-print-(?:block|inline|flex)'])

/**
 * Separators of a breadcrumb trail (`Home > News > Title`): a block of two
 * or more links whose other text is only these and a last crumb is
 * cleaning's `breadcrumb`. Fixture: furniture-breadcrumb; corpus
 * readability--hukumusume.
 */
export const breadcrumbSeparator = /[›>»→]/

/** Longest crumb of a breadcrumb trail, in code points (furniture-breadcrumb). */
export const breadcrumbCrumbMax = 40

/**
 * Fewest characters (folded) of a heading or page title compared as the
 * page's headline when choosing among article-like siblings (shorter ones,
 * `News`, `Home`, match too much). Fixture root-titled-sibling.
 */
export const titleMatchMin = 10

/**
 * Share of the chosen root's prose a sibling titled by the page's headline
 * must hold to replace it (a teaser card of the same story does not).
 * Fixtures root-titled-sibling, root-titled-teaser-stays; corpus
 * trafilatura--correctiv.org.zusage.
 */
export const titledSiblingProseShare = 0.25

/**
 * Fewest weighted characters of prose (about 80 words) a sibling titled by
 * the page's headline holds to replace the chosen root: a story, not a
 * headline block. Fixture root-titled-sibling.
 */
export const titledItemMin = 500

/**
 * Class/id words of notices about the reader's browser or cookies (“update
 * your browser”, consent banners): such a block is never the article,
 * however much text it holds (content scoring skips it in every attempt).
 * Fixture root-browser-notice; corpus trafilatura--homify.de-Tischdecke.
 */
export const noticeName = anyOf([
  '(?:update|upgrade|outdated|old|unsupported|legacy)-?browser',
  'browser-?(?:banner|update|upgrade|warning|notice|outdated|support|hint)',
  'browserupgrade',
  'cookie',
  'consent',
  'gdpr'
])

/**
 * Text of a notice about the reader's browser or cookies (English, German,
 * French, Spanish), read from blocks of at most `noticeTextMax` characters.
 * Fixture root-browser-notice.
 */
export const noticeText = anyOf(
  [
    'browser (?:is|ist) (?:leider )?(?:out of date|outdated|veraltet|not supported|nicht unterstützt)',
    '(?:update|upgrade) your browser',
    'aktualisiere (?:deinen|ihren) browser',
    'neueren browser',
    'navigateur (?:est )?(?:obsolète|pas à jour)',
    'navegador (?:está )?(?:desactualizado|obsoleto)',
    '(?:uses|use of|accept|akzeptieren|verwendet|nutzt|utilise|usamos) cookies'
  ],
  'i'
)

/** Most characters of a block read for `noticeText`. */
export const noticeTextMax = 600

/** Most characters of a block taken for a notice by its class or id (`noticeName`): a notice is short. */
export const noticeBlockMax = 1500

/**
 * The fallback sentence of a `<video>` or `<audio>` for browsers without it
 * (`Your browser does not support the video tag.`): no title of the clip,
 * so never its link's label. Fixture: media-video-fallback-label.
 */
export const playerFallbackText = anyOf(
  [
    "(?:your|this) browser (?:does ?n[o’']t|cannot|can ?not) (?:support|play)",
    '(?:ihr|dein) browser unterstützt',
    'votre navigateur ne (?:prend|supporte|peut)',
    '(?:tu|su) navegador no (?:soporta|admite|es compatible)',
    '(?:您|你)的浏览器(?:不支持|暂不支持|无法播放)',
    '(?:您|你)的瀏覽器(?:不支援|不支持|無法播放)'
  ],
  'i'
)
