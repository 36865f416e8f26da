/**
 * Read the visible byline, credit line and date of a page.
 *
 * - author: elements whose class/id hints at a byline (`byline`, `author`,
 *   `writer`, `reporter`, `meta-author`, `post-author`), then text that
 *   starts a byline: `By Jane Doe and John Roe`, `Von …`, `作者：…`,
 *   `记者 张三 报道`, `記者…報導`, `文／…`, `文/…`
 * - source: credit lines `来源：…` / `來源：…` / `Source: …`
 * - date: credit lines (`发布时间：…`), then elements whose class/id hints
 *   at a date
 *
 * Candidates in the article or its header win over the rest of the page;
 * boilerplate (comments, sidebars, navigation, related lists) is ignored.
 *
 * @module
 */

import type {Element} from 'hast'
import type {Found} from './generic-meta.js'
import type {CueText, Located, PageIndex} from './page-index.js'
import {hintOf, textOf} from './page-index.js'
import {cleanAuthors} from './author-names.js'
import {normalizeDate} from '../util/normalize-date.js'

export interface BylineMeta {
  author?: Found<Array<string>>
  source?: Found<string>
  date?: Found<string>
}

const HAN_NAME = '\\p{Script=Han}{2,4}(?:[·•]\\p{Script=Han}{1,6})?'
const HAN_NAMES = `${HAN_NAME}(?:\\s*[、,，\\s]\\s*${HAN_NAME})*`
const CJK_AUTHOR: Array<RegExp> = [
  new RegExp(`(?:作者|撰文|撰稿)\\s*[:：]\\s*(${HAN_NAMES}|[\\p{L}][\\p{L} .'-]{1,40}?)(?=$|\\s{2,}|\\s*[|｜/／(（]|\\s+(?:来源|來源|发布|發布|时间|時間|日期|编辑|編輯|责任|責任|\\d))`, 'u'),
  new RegExp(`(?:记者|記者)\\s*[:：]?\\s*(${HAN_NAMES})\\s*(?:报道|報導|报导|報道)`, 'u'),
  new RegExp(`(?:^|\\s|[(（])(?:本报记者|本報記者|记者|記者)\\s*[:：]?\\s*(${HAN_NAMES})(?=$|\\s|[)）|｜])`, 'u'),
  new RegExp(`(?:^|[\\s(（])文\\s*[/／]\\s*(${HAN_NAMES}|[\\p{L}][\\p{L} .'-]{1,40}?)(?=$|\\s|[)）|｜/／])`, 'u')
]
const SOURCE = /(?:来源|來源|稿源|出处|出處|source)\s*[:：]\s*([^\s|｜,，。;；:：]{2,30}(?: [A-Z][\w&.-]*){0,3})/i
const LATIN_BY = /^(?:by|von|par|por|door)\s+(.+)$/i
const MID_BY = /(?<=\s)(?:by|von|par|por|door)\s+(?=\p{Lu})/iu

/**
 * Read the visible byline, credit line and date.
 *
 * @param index
 *   Page index.
 * @param siteNames
 *   Names of the site (rejected as authors).
 * @returns
 *   Fields found.
 */
export function readByline(index: PageIndex, siteNames: Array<string | undefined>): BylineMeta {
  const meta: BylineMeta = {}
  const options = {siteNames, strict: true}

  for (const entry of preferred(index.bylines)) {
    const names = fromHinted(entry.element, siteNames)
    if (names.length > 0) {
      meta.author = {value: names, from: 'byline'}
      break
    }
  }

  for (const cue of preferred(index.cues)) {
    const text = cueText(cue)
    if (!meta.author) {
      const names = cjkAuthors(text, siteNames) ?? latinAuthors(cue, text, options)
      if (names && names.length > 0) meta.author = {value: names, from: 'byline'}
    }
    if (!meta.source) {
      const source = SOURCE.exec(text)
      if (source) meta.source = {value: source[1], from: 'credit-line'}
    }
    if (!meta.date && /时间|時間|发布|發布|日期|更新/.test(text)) {
      const date = normalizeDate(text)
      if (date) meta.date = {value: date, from: 'credit-line'}
    }
  }

  if (!meta.date) {
    for (const entry of preferred(index.dates)) {
      const text = textOf(entry.element)
      if (text.length > 160 || /updat|modif|edited|geändert|aktualisiert/i.test(hintOf(entry.element))) continue
      const date = normalizeDate(text)
      if (date) {
        meta.date = {value: date, from: 'visible-date'}
        break
      }
    }
  }
  return meta
}

/** Names in a hinted byline element: a name child or author link first, then its text. */
function fromHinted(element: Element, siteNames: Array<string | undefined>): Array<string> {
  const text = textOf(element)
  if (!text || text.length > 250) return []
  const cjk = cjkAuthors(text, siteNames)
  if (cjk) return cjk
  // `January 17, 2017 at 6:08 PM ET by Kori Schulman`: the names follow `by`.
  const by = MID_BY.exec(text)
  return cleanAuthors(by && by.index > 0 ? text.slice(by.index) : text, {siteNames, strict: true})
}

/** Names from a Chinese credit line. */
function cjkAuthors(text: string, siteNames: Array<string | undefined>): Array<string> | undefined {
  for (const pattern of CJK_AUTHOR) {
    const match = pattern.exec(text)
    if (!match) continue
    const raw = /\p{Script=Han}/u.test(match[1]) ? match[1].split(/[\s、,，]+/) : [match[1]]
    const names = cleanAuthors(raw, {siteNames, strict: true})
    if (names.length > 0) return names
  }
  return undefined
}

/** Names from an English/European `By …` line. */
function latinAuthors(cue: CueText, text: string, options: {siteNames: Array<string | undefined>; strict: boolean}): Array<string> | undefined {
  const match = LATIN_BY.exec(text) ?? LATIN_BY.exec(cue.value)
  if (!match) return undefined
  const names = cleanAuthors(match[0], options)
  return names.length > 0 ? names : undefined
}

/**
 * Text around a cue: the nearest element (itself or up to three ancestors)
 * whose text says more than the cue alone, when short; else the cue itself.
 */
function cueText(cue: CueText): string {
  for (const element of [cue.element, ...cue.ancestors]) {
    const text = textOf(element)
    if (text.length > 250) break
    if (text.length > cue.value.length + 1) return text
  }
  return cue.value
}

/** Non-boilerplate entries, those in the article or its header first. */
function preferred<T extends Located>(entries: Array<T>): Array<T> {
  const kept = entries.filter((entry) => !entry.context.excluded)
  return [
    ...kept.filter((entry) => entry.context.inArticle || entry.context.inHeader),
    ...kept.filter((entry) => !(entry.context.inArticle || entry.context.inHeader))
  ]
}
