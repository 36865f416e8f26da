/**
 * Choose and clean the article title.
 *
 * 1. Agreement: an `<h1>` (outside boilerplate, article ones first) that
 *    equals a metadata title or the `<title>`, or is contained in one of
 *    them, wins — it is the on-page headline without decorations.
 * 2. The main `<h1>` (the only one in the article, else the only one on the
 *    page) when it looks like a headline:
 *    - if it contains a metadata title plus a decoration (`Section | Title`),
 *      the metadata title wins;
 *    - if it contains a metadata title cut short (a broken attribute), or is
 *      unrelated to the metadata (a rewritten social/SEO title), the `<h1>`
 *      wins — it is what readers see.
 * 3. Else the first metadata title (in the order given), else `<title>`,
 *    with site-name prefixes/suffixes stripped.
 * 4. Else the first `<h1>`.
 *
 * Stripping (`标题 - 禁闻网`, `Title | Site`, `Title – Site`, `Site: Title`)
 * removes parts on either end that match a known site name or the host
 * (and a tagline after it: `Title | site.ch | Dein Magazin`); failing that,
 * a short final part after `|`, `_`, ` - `, ` – ` or ` — ` that looks like
 * a name (at most 4 words, much shorter than the rest).
 *
 * @module
 */

import type {Found} from './found.js'
import type {Located} from '../page-index.js'
import {textOf} from '../page-index.js'
import {cutSiteSuffix} from './site-suffix.js'
import {hostLabel} from './site-url.js'

export interface TitleInput {
  /** Metadata titles in order of preference. */
  candidates: Array<Found<string> | undefined>
  /** Text of `<title>`. */
  titleElement: string | undefined
  /** `<h1>` elements. */
  headings: Array<Located>
  /** Known names of the site. */
  siteNames: Array<string | undefined>
  /** Host of the page, if known. */
  host: string | undefined
}

const SEPARATOR =
  /(?<!\s)\s+[|｜\-–—~·•»«/:]{1,2}\s+|(?<!\s)\s*[|｜_]{1,2}\s*|(?<!\s)\s*(?:--|——|－－)\s*|(?<!\s)\s+[-–—]\s*|[:：]\s*|(?<=[\p{Script=Han}！？。」』）》])\s*[-－–—]+\s*(?=[\p{Script=Han}\p{L}])/gu
/** Chinese site names end in words such as 网 (site), 频道 (channel), 日报 (daily). */
const CJK_SITE = /(?:网|網|网站|網站|官网|官網|频道|頻道|日报|日報|晚报|晚報|时报|時報|新闻|新聞|在线|在線|门户|門戶|平台|报|報|社|台|中心)$/u
/** White space, then an info row (a date, a credit label or the font size buttons first, `2021-03-04 08:30 来源：…`, `作者：… 发布时间：…`, `【字号 大 中 小】`), in a headline's text. */
const INFO_AFTER =
  /\s(?=[【[](?:字号|字號|字体|字體)|[（(]?\d{4}[-/.年]\d{1,2}|[〇零一二三四五六七八九]{4}年|(?:发表|發表|发布|發布)(?:于|於)|[【[(（]?\p{Script=Han}{0,2}(?:来源|來源|稿源|供稿|作者|撰稿|记者|記者|时间|時間|日期|编辑|編輯)\s*[:：])/u
const DECORATION = /^[\s|｜\-–—~·•/:：_]+|(?<![\s|｜\-–—~·•/:：_])[\s|｜\-–—~·•/:：_]+$/u

/**
 * Choose the title.
 *
 * @param input
 *   Candidates.
 * @returns
 *   Title with its source, if any.
 */
export function chooseTitle(input: TitleInput): Found<string> | undefined {
  // A suffix naming the site after a separator goes first, whole (`Title @ Blog name :: Platform ::`).
  const names = [...input.siteNames, input.host]
  const candidates = input.candidates.filter((c): c is Found<string> => Boolean(c && c.value)).map((c) => ({value: cutSiteSuffix(c.value, names), from: c.from}))
  const titleElement = input.titleElement ? {value: cutSiteSuffix(input.titleElement, names), from: 'title-element'} : undefined
  const all = titleElement ? [...candidates, titleElement] : candidates
  const isSite = siteMatcher(input.siteNames, input.host, false)
  const isSiteExactly = siteMatcher(input.siteNames, input.host, true)
  const kept = input.headings
    .filter((h) => !h.context.excluded)
    .map((h) => ({text: textOf(h.element), inArticle: h.context.inArticle}))
    .filter((h) => h.text.length > 0 && h.text.length < 400)
  const headings = [...kept.filter((h) => h.inArticle), ...kept.filter((h) => !h.inArticle)]
  // An on-page headline loses only a suffix that is exactly the site's name.
  const clean = (value: string) => strip(value, isSiteExactly, false, false)

  // 1. Agreement between an `<h1>` and the metadata.
  for (const heading of headings) {
    const key = fold(heading.text)
    for (const candidate of all) {
      const other = fold(candidate.value)
      if (other === key || (key.length >= 8 && other.includes(key) && key.length >= other.length * 0.35)) {
        return {value: clean(heading.text), from: 'h1'}
      }
    }
  }

  const best = candidates[0] ?? titleElement
  const metadata = best ? {value: strip(best.value, isSite, true), from: best.from} : undefined

  // 2. The main `<h1>`.
  const inArticle = headings.filter((h) => h.inArticle)
  const main = inArticle.length === 1 ? inArticle[0] : headings.length === 1 ? headings[0] : undefined
  if (main && headlineLike(main.text, main.inArticle) && !isSite(main.text) && (all.length === 0 || all.some((candidate) => sharesWord(main.text, candidate.value)))) {
    const key = fold(main.text)
    const container = all.find((candidate) => {
      const value = fold(strip(candidate.value, isSite, true))
      return value.length >= 8 && key.includes(value)
    })
    if (container) {
      const rest = key.replace(fold(strip(container.value, isSite, true)), '\u0000')
      const decorated = /[|｜:：\-–—»«·•/_]\s*\u0000|\u0000\s*[|｜:：\-–—»«·•/_]/u.test(rest)
      if (decorated) return {value: strip(container.value, isSite, true), from: container.from}
    }
    // `<h1>标题<br><span>2021-03-04 来源：…</span></h1>` (PHPCMS): an info row inside the headline, after the title the metadata opens with.
    const info = INFO_AFTER.exec(main.text)
    const head = info ? main.text.slice(0, info.index).trim() : ''
    if (head.length >= 4 && all.some((candidate) => fold(strip(candidate.value, isSite, true)).startsWith(fold(head)))) return {value: clean(head), from: 'h1'}
    return {value: clean(main.text), from: 'h1'}
  }

  // 3. Metadata, 4. any `<h1>`.
  if (metadata && metadata.value) return metadata
  return headings[0] ? {value: headings[0].text, from: 'h1'} : undefined
}

/** Whether a title looks like a headline rather than a logo or section name. */
function headlineLike(text: string, inArticle: boolean): boolean {
  if (/\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}/u.test(text)) return text.length >= (inArticle ? 6 : 10)
  return text.split(/\s+/).length >= (inArticle ? 2 : 3)
}

/** Whether two titles share a word (three letters or more) or, in CJK text, two characters in a row. */
function sharesWord(a: string, b: string): boolean {
  const words = (value: string) => {
    const text = fold(value)
    const set = new Set(text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3))
    const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu) ?? []
    for (const run of cjk) for (let index = 0; index < run.length - 1; index++) set.add(run.slice(index, index + 2))
    return set
  }
  const left = words(a)
  for (const word of words(b)) if (left.has(word)) return true
  return false
}

/** Build a test for parts that name the site. */
function siteMatcher(siteNames: Array<string | undefined>, host: string | undefined, exact: boolean): (part: string) => boolean {
  const names = siteNames
    .filter((n): n is string => Boolean(n))
    .map(compact)
    .filter((n) => n.length >= 2)
  const hostKey = compact(hostLabel(host) ?? '')
  return (part) => {
    const key = compact(part)
    if (!key) return false
    if (exact) return names.includes(key) || key === hostKey
    if (names.some((name) => key === name || (name.length >= 4 && key.includes(name) && key.length <= name.length + 12))) return true
    if (hostKey.length >= 3) {
      if (key === hostKey || (key.includes(hostKey) && key.length <= hostKey.length + 12)) return true
      if (hostKey.length >= 5 && key.startsWith(hostKey)) return true
      if (key.length >= 4 && hostKey.includes(key) && key.length >= hostKey.length * 0.6) return true
    }
    return /^[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|de|ch|at|cn|jp|fr|uk|io|co|tv|news|eu|it|es|nl|pl|ru)$/i.test(part.trim())
  }
}

/**
 * Strip parts naming the site (suffixes, and with `prefixes` also prefixes);
 * with `heuristic`, also a short name-like final part (twice for `_`, the
 * Chinese `标题_栏目_站点` convention).
 */
function strip(title: string, isSite: (part: string) => boolean, heuristic: boolean, prefixes = true): string {
  let parts = splitParts(title)
  if (parts.length > 1) {
    // Suffix: the first part (after the first) naming the site, and all after it.
    const suffix = parts.findIndex((part, index) => index > 0 && isSite(part.text))
    if (suffix > 0) parts = parts.slice(0, suffix)
  }
  if (prefixes && parts.length > 1) {
    // Prefix: the last part (before the last) naming the site, and all before it.
    let prefix = -1
    for (let index = 0; index < parts.length - 1; index++) if (isSite(parts[index].text)) prefix = index
    if (prefix >= 0) parts = parts.slice(prefix + 1)
  }
  // `河湾网 - 标题`: a Chinese site's name before the title (`…网`, `…日报`), much shorter than it.
  if (heuristic && parts.length > 1) {
    const first = parts[0].text.trim()
    const rest = join(parts.slice(1))
    if (/^\p{Script=Han}{2,12}$/u.test(first) && CJK_SITE.test(first) && first.length * 2 < rest.length && /[|｜_]|\s[-–—]\s|--|——|－－/.test(parts[1].separator)) parts = parts.slice(1)
  }
  for (let round = 0; heuristic && round < 2 && parts.length > 1; round++) {
    const last = parts[parts.length - 1]
    const rest = join(parts.slice(0, -1))
    const words = last.text.trim().split(/\s+/).length
    const text = last.text.trim()
    const cjkSite = /^\p{Script=Han}/u.test(text) && text.length <= 20 && CJK_SITE.test(text)
    // A second round after `_` (`标题_栏目_站点`), or for a Chinese site's name again (`标题 - 河湾网 - 河湾新闻`).
    if (round > 0 && !/_/.test(last.separator) && !cjkSite) break
    const shortName = words <= 4 && last.text.length * 2.5 < rest.length && /^[\p{Lu}\p{Lo}\d]/u.test(text) && !/[)?!.]$/.test(text)
    if (/[|｜_]|\s[-–—]\s|^[-－–—]+$|--|——|－－/.test(last.separator) && (shortName || cjkSite)) {
      parts = parts.slice(0, -1)
    } else {
      break
    }
  }
  return join(parts).replace(DECORATION, '').trim() || title.trim()
}

interface Part {
  separator: string
  text: string
}

function splitParts(title: string): Array<Part> {
  const parts: Array<Part> = []
  let last = 0
  let separator = ''
  SEPARATOR.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = SEPARATOR.exec(title))) {
    if (match[0].length === 0) {
      SEPARATOR.lastIndex++
      continue
    }
    if (match.index === 0) continue
    parts.push({separator, text: title.slice(last, match.index)})
    separator = match[0]
    last = match.index + match[0].length
  }
  parts.push({separator, text: title.slice(last)})
  return parts.filter((part) => part.text.trim())
}

function join(parts: Array<Part>): string {
  return parts.map((part, index) => (index === 0 ? part.text : part.separator + part.text)).join('')
}

/** Comparison key: NFKC, typographic quotes made plain, collapsed whitespace, lower case. */
function fold(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

function compact(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}
