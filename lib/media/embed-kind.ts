/**
 * Classify the URL of an embed (`<iframe>`, `<embed>`, `<object>`) or an
 * image: what it shows (video, audio, map, chart, social post, document),
 * or why it is no content at all (an ad, a tracker, a share button).
 *
 * The host lists are our own short lists of the most common players, ad
 * networks and analytics services (after the categories of EasyList and
 * EasyPrivacy), matched on the host and its parent domains; a filter-list
 * engine would need lists fetched at run time.
 *
 * @module
 */

/** What an embed shows. */
export type EmbedKind = 'video' | 'audio' | 'map' | 'chart' | 'post' | 'document' | 'other'

/** Why an embed or image is no content. */
export type NonContent = 'ad' | 'tracker' | 'share-widget'

type HostRule = [host: RegExp, path?: RegExp]

/** Ad servers and ad-recommendation widgets. */
const adHosts: Array<HostRule> = [
  [
    /(?:^|\.)(?:doubleclick\.net|googlesyndication\.com|googleadservices\.com|adservice\.google\.[a-z.]+|amazon-adsystem\.com|adnxs\.com|criteo\.(?:com|net)|pubmatic\.com|rubiconproject\.com|openx\.net|casalemedia\.com|taboola\.com|outbrain\.com|revcontent\.com|mgid\.com|zergnet\.com|teads\.tv|smartadserver\.com|adsrvr\.org|adform\.net|yieldmo\.com|sharethrough\.com|media\.net|33across\.com|indexww\.com|adroll\.com|serving-sys\.com|innovid\.com|tanx\.com|alimama\.com|pos\.baidu\.com|cpro\.baidu\.com|union\.baidu\.com|e\.qq\.com|gdt\.qq\.com)$/i
  ],
  [/^(?:ad|ads|adserver|adserving|adclick|adimg|ad-?delivery|banners?)\d*\./i]
]

/** Analytics, counters and tracking pixels. */
const trackerHosts: Array<HostRule> = [
  [
    /(?:^|\.)(?:google-analytics\.com|googletagmanager\.com|googletagservices\.com|scorecardresearch\.com|quantserve\.com|quantcount\.com|chartbeat\.(?:com|net)|moatads\.com|hotjar\.com|mc\.yandex\.ru|bat\.bing\.com|hm\.baidu\.com|cnzz\.com|51\.la|statcounter\.com|stats\.wp\.com|pixel\.wp\.com|analytics\.twitter\.com|ads-twitter\.com|omtrdc\.net|2o7\.net|demdex\.net|krxd\.net|bluekai\.com|nr-data\.net|segment\.(?:io|com)|mixpanel\.com|parsely\.com|parse\.ly|comscore\.com|imrworldwide\.com|newrelic\.com|px\.ads\.linkedin\.com|clarity\.ms|mmstat\.com|tongji\.baidu\.com|growingio\.com|sensorsdata\.cn|pixel\.facebook\.com)$/i
  ],
  [/(?:^|\.)facebook\.com$/i, /^\/tr\/?$/],
  [/(?:^|\.)t\.co$/i, /^\/i\/adsct/],
  [/^(?:pixel|pixels|beacon|beacons|tracking|tracker|analytics|metrics)\d*\./i]
]

/** Like, share and follow buttons (page furniture, not content). */
const shareHosts: Array<HostRule> = [
  [/(?:^|\.)facebook\.com$/i, /^\/plugins\/(?:like|share_button|follow|page|likebox|subscribe)\.php/],
  [/(?:^|\.)platform\.twitter\.com$/i, /\/widgets\/(?:tweet_button|follow_button|hashtag_button|mention_button)/],
  [/(?:^|\.)(?:addthis\.com|sharethis\.com|plusone\.google\.com|apis\.google\.com|service\.weibo\.com|widget\.weibo\.com|connect\.qq\.com|addtoany\.com|shareaholic\.com)$/i]
]

/** Players, maps, charts, posts and documents, by host (and path). */
const kindHosts: Array<[EmbedKind, Array<HostRule>]> = [
  [
    'video',
    [
      [
        /(?:^|\.)(?:youtube\.com|youtube-nocookie\.com|youtu\.be|vimeo\.com|dailymotion\.com|dai\.ly|youku\.com|bilibili\.com|v\.qq\.com|ixigua\.com|douyin\.com|iqiyi\.com|twitch\.tv|tiktok\.com|wistia\.(?:com|net)|brightcove\.(?:net|com)|jwplayer\.com|jwplatform\.com|vidyard\.com|streamable\.com|rumble\.com|ted\.com|loom\.com|kaltura\.com|videopress\.com|video\.wordpress\.com|bitchute\.com|odysee\.com|ok\.ru|vk\.com|rutube\.ru|nicovideo\.jp|mgtv\.com|le\.com|tv\.sohu\.com|cctv\.com|cntv\.cn|ntdtv\.com|dw\.com|ganjingworld\.com)$/i
      ],
      [/(?:^|\.)facebook\.com$/i, /^\/plugins\/video\.php/]
    ]
  ],
  [
    'audio',
    [
      [
        /(?:^|\.)(?:soundcloud\.com|spotify\.com|podcasts\.apple\.com|embed\.podcasts\.apple\.com|anchor\.fm|megaphone\.fm|simplecast\.com|buzzsprout\.com|audioboom\.com|mixcloud\.com|bandcamp\.com|iheart\.com|omny\.fm|podbean\.com|ximalaya\.com|music\.163\.com|music\.apple\.com|deezer\.com|libsyn\.com|transistor\.fm|spreaker\.com|acast\.com|art19\.com|pinecast\.com|lizhi\.fm)$/i
      ]
    ]
  ],
  [
    'map',
    [
      [/(?:^|\.)(?:google\.[a-z.]+|maps\.google\.[a-z.]+)$/i, /^\/maps/],
      [
        /(?:^|\.)(?:openstreetmap\.org|umap\.openstreetmap\.fr|mapbox\.com|arcgis\.com|felt\.com|map\.baidu\.com|api\.map\.baidu\.com|amap\.com|map\.qq\.com|here\.com|mapcreator\.io|maphub\.net|scribblemaps\.com)$/i
      ],
      [/(?:^|\.)bing\.com$/i, /^\/maps/]
    ]
  ],
  [
    'chart',
    [
      [
        /(?:^|\.)(?:datawrapper\.de|dwcdn\.net|flourish\.studio|flo\.uri\.sh|infogram\.com|tableau\.com|plotly\.com|plot\.ly|everviz\.com|highcharts\.com|observablehq\.com|ourworldindata\.org|chartblocks\.com|knightlab\.com|genial\.ly|piktochart\.com|visme\.co|canva\.com|graphiq\.com|statista\.com)$/i
      ],
      [/(?:^|\.)docs\.google\.com$/i, /^\/spreadsheets\//]
    ]
  ],
  [
    'post',
    [
      [
        /(?:^|\.)(?:twitter\.com|x\.com|instagram\.com|threads\.net|redditmedia\.com|reddit\.com|bsky\.app|tumblr\.com|pinterest\.com|linkedin\.com|t\.me|telegram\.org|weibo\.com|weibo\.cn|mastodon\.social|truthsocial\.com|gettr\.com)$/i
      ],
      [/(?:^|\.)facebook\.com$/i, /^\/plugins\/(?:post|comment_embed)\.php/]
    ]
  ],
  [
    'document',
    [
      [/(?:^|\.)(?:scribd\.com|documentcloud\.org|slideshare\.net|issuu\.com|speakerdeck\.com|prezi\.com)$/i],
      [/(?:^|\.)docs\.google\.com$/i, /^\/(?:document|presentation|forms|viewer|gview)/],
      [/(?:^|\.)(?:drive\.google\.com)$/i]
    ]
  ]
]

/** File extensions that say what a direct media URL is. */
const videoFile = /\.(?:mp4|m4v|webm|ogv|mov|m3u8|mpd|flv|swf)(?:[?#]|$)/i
const audioFile = /\.(?:mp3|m4a|aac|oga|ogg|opus|wav|flac)(?:[?#]|$)/i
const documentFile = /\.(?:pdf|docx?|pptx?|xlsx?)(?:[?#]|$)/i

/**
 * Why an embed or image URL is no content: an ad server, a tracker or
 * analytics counter, or a like/share/follow button; `undefined` for
 * anything else (content, or unknown).
 *
 * @param url
 *   Absolute URL.
 * @returns
 *   Reason, if the URL is no content.
 */
export function nonContent(url: string): NonContent | undefined {
  const parsed = parse(url)
  if (!parsed) return undefined
  if (matches(shareHosts, parsed)) return 'share-widget'
  if (matches(adHosts, parsed)) return 'ad'
  if (matches(trackerHosts, parsed)) return 'tracker'
  return undefined
}

/**
 * What an embed URL shows, by host and path (then by file extension).
 *
 * @param url
 *   Absolute URL.
 * @returns
 *   Kind (`other` when unknown).
 */
export function embedKind(url: string): EmbedKind {
  const parsed = parse(url)
  if (parsed) {
    for (const [kind, rules] of kindHosts) if (matches(rules, parsed)) return kind
  }
  if (videoFile.test(url)) return 'video'
  if (audioFile.test(url)) return 'audio'
  if (documentFile.test(url)) return 'document'
  return 'other'
}

/** Host of a URL without `www.`, for labels (empty for a relative URL). */
export function displayHost(url: string): string {
  const parsed = parse(url)
  return parsed ? parsed.host.replace(/^www\./, '') : ''
}

function matches(rules: Array<HostRule>, url: URL): boolean {
  const host = url.hostname.toLowerCase()
  return rules.some(([hostPattern, pathPattern]) => hostPattern.test(host) && (!pathPattern || pathPattern.test(url.pathname)))
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}
