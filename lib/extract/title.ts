/**
 * Choose and clean the article title.
 *
 * 1. An `<h1>` (outside boilerplate, the article's first) that equals a
 *    metadata title or the `<title>`, or is contained in one of them, wins:
 *    it is the on-page headline without site-name decorations.
 * 2. Else the first metadata title (in the order given), else `<title>`,
 *    with site-name prefixes/suffixes stripped.
 * 3. Else the first `<h1>`.
 *
 * Stripping (`标题 - 禁闻网`, `Title | Site`, `Title – Site`, `Site: Title`)
 * removes a part on either end when it matches a known site name or the
 * host; failing that, a short final part after `|`, `_`, ` - `, ` – ` or
 * ` — ` that looks like a name (at most 4 words, much shorter than the rest).
 *
 * @module
 */

import type {Found} from './generic-meta.js'
import type {Located} from './page-index.js'
import {textOf} from './page-index.js'

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

const SEPARATOR = /\s+[|｜\-–—~·•»/:]{1,2}\s+|\s*[|｜_]{1,2}\s*|\s+[-–—]\s*|[:：]\s*/gu

/**
 * Choose the title.
 *
 * @param input
 *   Candidates.
 * @returns
 *   Title with its source, if any.
 */
export function chooseTitle(input: TitleInput): Found<string> | undefined {
  const candidates = input.candidates.filter((c): c is Found<string> => Boolean(c && c.value))
  const titleElement = input.titleElement
    ? {value: input.titleElement, from: 'title-element'}
    : undefined
  const all = titleElement ? [...candidates, titleElement] : candidates
  const headings = input.headings
    .filter((h) => !h.context.excluded)
    .sort((a, b) => Number(b.context.inArticle) - Number(a.context.inArticle))
    .map((h) => textOf(h.element))
    .filter((text) => text.length > 0 && text.length < 400)

  for (const heading of headings) {
    const key = fold(heading)
    for (const candidate of all) {
      const other = fold(candidate.value)
      if (other === key || (key.length >= 8 && other.includes(key) && key.length >= other.length * 0.35)) {
        return {value: heading, from: 'h1'}
      }
    }
  }

  const best = candidates[0] ?? titleElement
  if (best) {
    const value = stripSiteName(best.value, input.siteNames, input.host)
    if (value) return {value, from: best.from}
  }
  return headings[0] ? {value: headings[0], from: 'h1'} : undefined
}

/**
 * Strip site-name prefixes and suffixes from a title.
 *
 * @param title
 *   Title.
 * @param siteNames
 *   Known site names.
 * @param host
 *   Host of the page.
 * @returns
 *   Title without the site name.
 */
export function stripSiteName(title: string, siteNames: Array<string | undefined>, host?: string): string {
  const names = siteNames.filter((n): n is string => Boolean(n)).map(compact).filter(Boolean)
  const hostKey = host ? compact(host.replace(/^(?:www|m|amp|mobile|news)\./, '').replace(/\.[a-z.]{2,6}$/, '')) : ''
  const isSite = (part: string): boolean => {
    const key = compact(part)
    if (!key) return false
    if (names.some((name) => key === name || (name.length >= 4 && key.includes(name) && key.length <= name.length + 12))) return true
    if (hostKey.length >= 3 && (key === hostKey || (key.includes(hostKey) && key.length <= hostKey.length + 12) || (key.length >= 4 && hostKey.includes(key)))) return true
    return /^[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|de|cn|jp|fr|uk|io|co|tv|news)$/i.test(part.trim())
  }

  let parts = splitParts(title)
  let changed = true
  while (parts.length > 1 && changed) {
    changed = false
    if (isSite(parts[parts.length - 1].text)) {
      parts = parts.slice(0, -1)
      changed = true
    } else if (isSite(parts[0].text)) {
      parts = parts.slice(1)
      changed = true
    }
  }
  if (parts.length > 1) {
    const last = parts[parts.length - 1]
    const rest = join(parts.slice(0, -1))
    const words = last.text.split(/\s+/).length
    if (/[|｜_]|\s[-–—]\s/.test(last.separator) && words <= 4 && last.text.length * 2.5 < rest.length &&
      /^[\p{Lu}\p{Lo}\d]/u.test(last.text) && !/[)?!.]$/.test(last.text)) {
      parts = parts.slice(0, -1)
    }
  }
  return join(parts).trim() || title.trim()
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

/** Comparison key: NFKC, collapsed whitespace, lower case, no quotes. */
function fold(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase()
}

function compact(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}
