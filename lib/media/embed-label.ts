/**
 * Labels of the links embeds become: the embed's own title when it has a
 * meaningful one, else what it shows and where (`Video (youtube.com)`,
 * `视频（youtube.com）`), in the article's script.
 *
 * @module
 */

import type {Element} from 'hast'
import type {EmbedKind} from './embed-kind.js'
import {displayHost} from './embed-kind.js'
import {attribute} from './image-source.js'

/** Language of generated labels. */
export type LabelLanguage = 'en' | 'zh-Hans' | 'zh-Hant'

const words: Record<LabelLanguage, Record<EmbedKind, string>> = {
  en: {video: 'Video', audio: 'Audio', map: 'Map', chart: 'Chart', post: 'Post', document: 'Document', other: 'Embedded content'},
  'zh-Hans': {video: '视频', audio: '音频', map: '地图', chart: '图表', post: '帖子', document: '文档', other: '嵌入内容'},
  'zh-Hant': {video: '影片', audio: '音訊', map: '地圖', chart: '圖表', post: '貼文', document: '文件', other: '嵌入內容'}
}

/** Titles players and CMSs give every frame: they say nothing about this one. */
const genericTitle =
  /^(?:i?frame|i?frame embed|embed(?:ded)?(?:\s+content)?|interactive or visual content|content|untitled|blank|widget|player|video|media|null|undefined|\d+|3rd party ad content|advertisement)$/i

/** Characters only Simplified Chinese writes (each beside its Traditional form in `traditional`). */
const simplified = '这们个来说为对国时会后发经过还进关开问现体长东门见车书电视频图报导记从与无业网们这实点动学'
const traditional = '這們個來說為對國時會後發經過還進關開問現體長東門見車書電視頻圖報導記從與無業網們這實點動學'

/**
 * The language labels should be in, from the article text: Chinese when
 * Han characters outnumber Latin letters (Traditional when its characters
 * outnumber the Simplified ones), else English.
 *
 * @param text
 *   Article text.
 * @returns
 *   Label language.
 */
export function labelLanguage(text: string): LabelLanguage {
  let han = 0
  let latin = 0
  let simple = 0
  let full = 0
  for (const character of text.slice(0, 20_000)) {
    if (/\p{Script=Han}/u.test(character)) {
      han++
      if (simplified.includes(character) && !traditional.includes(character)) simple++
      else if (traditional.includes(character) && !simplified.includes(character)) full++
    } else if (/[a-z]/i.test(character)) latin++
  }
  if (han === 0 || han * 2 < latin) return 'en'
  return full > simple ? 'zh-Hant' : 'zh-Hans'
}

/**
 * Label of the link an embed becomes: its `title` or `aria-label` unless
 * generic (`iframe`, `YouTube video player` is kept: it names the host),
 * else the kind and host (`Chart (datawrapper.dwcdn.net)`; the kind alone
 * for a relative URL).
 *
 * @param node
 *   Embed element (its title is read).
 * @param url
 *   Resolved URL of the embed.
 * @param kind
 *   What it shows.
 * @param language
 *   Label language.
 * @returns
 *   Label text.
 */
export function embedLabel(node: Element, url: string, kind: EmbedKind, language: LabelLanguage): string {
  // A facade's play button label (`playlabel="Play: Harbour tour"`), WP Rocket's `data-alt` and Mux's `metadata-video-title` name the video too.
  const facade = [attribute(node, 'playlabel')?.replace(/^\s*play\s*:\s*/i, ''), attribute(node, 'data-alt'), attribute(node, 'metadata-video-title')]
  for (const value of [node.properties.title, node.properties.ariaLabel, ...facade]) {
    const title = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : ''
    if (title && !genericTitle.test(title)) return title
  }
  const host = displayHost(url)
  if (!host) return words[language][kind]
  return language === 'en' ? words.en[kind] + ' (' + host + ')' : words[language][kind] + '（' + host + '）'
}
