/**
 * Read the visible byline, credit line and date of a page.
 *
 * - author: elements whose class/id hints at a byline (`byline`, `author`,
 *   `writer`, `reporter`, `meta-author`, `post-author`), then text that
 *   starts a byline: `By Jane Doe and John Roe`, `Von …`, `作者：…`,
 *   `记者 张三 报道`, `記者…報導`, `文／…`, `文/…`, then links to an author
 *   page (`/author/jane-doe`), then the responsible editor (`责任编辑：…`).
 *   A Chinese byline stands alone: on a line of its own (after at most a
 *   dateline such as `本报讯`, before nothing but other credits such as
 *   `来源：…` or a date) or in brackets (`新华社北京4月14日电（记者 李四）`);
 *   the same words inside a sentence (`记者在现场看到…`, `据美联社记者张三报道，…`)
 *   name no author
 * - source: credit lines `来源：…` / `來源：…` / `Source: …`
 * - date: credit lines (`发布时间：…`), then elements whose class/id hints
 *   at a date, then short texts that are little more than a date
 *   (`03.02.2022 15:34`, `Published Dec 19, 2016`); never an “updated” date
 *
 * Candidates in the article or its header win over the rest of the page;
 * boilerplate (comments, sidebars, navigation, related lists) is ignored.
 *
 * @module
 */

import type {Element} from 'hast'
import type {Found} from './generic-meta.js'
import type {CueText, Located, PageIndex} from '../page-index.js'
import {collapse, hintOf, textOf} from '../page-index.js'
import {toText} from 'hast-util-to-text'
import {cleanAuthors} from './author-names.js'
import {findDate, normalizeDate} from '../../util/normalize-date.js'
import {shortText} from '../blocks/short-text.js'

export interface BylineMeta {
  author?: Found<Array<string>>
  source?: Found<string>
  date?: Found<string>
}

const HAN_NAME = '\\p{Script=Han}{2,4}(?:[·•]\\p{Script=Han}{1,6})?'
// Separators: a comma with optional white space around it, or white space
// alone; never two quantifiers over one run of white space.
const HAN_NAMES = `${HAN_NAME}(?:(?:\\s*[、,，]\\s*|\\s+)${HAN_NAME})*`
/** Labels that may follow a byline on its line (other credits, a date). */
const CREDIT_LABEL = '来源|來源|稿源|出处|出處|发布|發布|时间|時間|日期|编辑|編輯|责任|責任|责编|責編|摄影|攝影|通讯员|通訊員|实习生|實習生|更新|字号|字號|原标题|原標題|点击|點擊|阅读|閱讀|浏览|瀏覽'
const CJK_AUTHOR: Array<RegExp> = [
  new RegExp(`(?:作者|撰文|撰稿)\\s*[:：]\\s*(${HAN_NAMES}|[\\p{L}][\\p{L} .'-]{1,40}?)(?=$|\\s{2,}|\\s*[|｜/／(（]|\\s*(?:${CREDIT_LABEL})|\\s+\\d)`, 'u'),
  new RegExp(`(?:记者|記者)\\s*(?:[:：]\\s*)?(${HAN_NAMES})\\s*(?:报道|報導|报导|報道)`, 'u'),
  new RegExp(`(?:^|\\s|[(（])(?:本报记者|本報記者|记者|記者)\\s*(?:[:：]\\s*)?(${HAN_NAMES})(?=$|\\s|[)）|｜])`, 'u'),
  new RegExp(`(?:^|[\\s(（])文\\s*[/／]\\s*(${HAN_NAMES}|[\\p{L}][\\p{L} .'-]{1,40}?)(?=$|\\s|[)）|｜/／])`, 'u')
]
const SOURCE = /(?:来源|來源|稿源|出处|出處|source)\s*[:：]\s*([^\s|｜,，。;；:：]{2,30}(?: [A-Z][\w&.-]*){0,3})/i
const LATIN_LABEL = /^(?:(?:written|posted|verfasst|geschrieben|text|story|reported)\s+)?(?:by|von|par|por|door)(?=[\s:：]|$)|^(?:autor|autorin|author|text|texto|texte|reporter)\s*[:：]/i
const CJK_EDITOR = new RegExp(`(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\\s*[:：]\\s*(${HAN_NAMES})`, 'u')
const UPDATED = /updat|modif|edited|geändert|aktualisiert|更新|修改|mis à jour|actualizad/i
const MID_BY = /(?<=\s)(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor)\s+(?=\p{Lu})/u

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

  let editor: Array<string> | undefined
  for (const cue of preferred(index.cues)) {
    const {text, lines} = cueText(cue)
    if (!meta.author) {
      const names = cjkAuthors(lines, siteNames) ?? latinAuthors(cue, text, options)
      if (names && names.length > 0) meta.author = {value: names, from: 'byline'}
    }
    if (!editor) {
      const match = CJK_EDITOR.exec(text)
      const names = match ? cleanAuthors(match[1].split(/[\s、,，]+/), options) : []
      if (names.length > 0) editor = names
    }
    if (!meta.source) {
      const source = SOURCE.exec(text)
      if (source) meta.source = {value: source[1], from: 'credit-line'}
    }
    if (!meta.date && /时间|時間|发布|發布|日期|来源|來源|作者|记者|記者/.test(text) && !/^(?:更新|修改)/.test(text)) {
      const date = normalizeDate(text)
      if (date) meta.date = {value: date, from: 'credit-line'}
    }
  }

  // Links to an author page: `<a href="/author/jane-doe">Jane Doe</a>`.
  if (!meta.author) {
    for (const entry of preferred(index.authorLinks)) {
      const names = fromHinted(entry.element, siteNames)
      if (names.length > 0) {
        meta.author = {value: names, from: 'author-link'}
        break
      }
    }
  }

  // Chinese pages often credit only the responsible editor.
  if (!meta.author && editor) meta.author = {value: editor, from: 'credit-line:editor'}

  if (!meta.date) {
    for (const entry of preferred(index.dates)) {
      const text = textOf(entry.element)
      if (text.length > 160 || UPDATED.test(hintOf(entry.element))) continue
      const found = findDate(text)
      if (found && !UPDATED.test(text.normalize('NFKC').slice(0, found.index))) {
        meta.date = {value: found.value, from: 'visible-date'}
        break
      }
    }
  }

  if (!meta.date) {
    for (const entry of preferred(index.dateTexts)) {
      const date = dateOnly(entry.value)
      if (date) {
        meta.date = {value: date, from: 'visible-date'}
        break
      }
    }
  }
  return meta
}

/**
 * A date from a short text that is little more than a date:
 * `03.02.2022 15:34`, `Published Dec 19, 2016`, `Pressemitteilung vom 20.01.2022`,
 * `06.11.2023 13:30 von Olga` (at most three other words, none saying “updated”).
 */
function dateOnly(text: string): string | undefined {
  const found = findDate(text)
  if (!found) return undefined
  const normal = text.normalize('NFKC')
  const rest = normal.slice(0, found.index) + ' ' + normal.slice(found.end)
  if (UPDATED.test(rest)) return undefined
  const words = rest.split(/[\s\p{P}\p{S}]+/u).filter((word) => /\p{L}/u.test(word))
  return words.length <= 3 ? found.value : undefined
}

/** Names in a hinted byline element: a name child or author link first, then its text. */
function fromHinted(element: Element, siteNames: Array<string | undefined>): Array<string> {
  const text = textOf(element)
  if (!text || text.length > 250) return []
  const cjk = cjkAuthors(linesOf(element), siteNames)
  if (cjk) return cjk
  // `January 17, 2017 at 6:08 PM ET by Kori Schulman`: the names follow `by`.
  const by = MID_BY.exec(text)
  return cleanAuthors(by && by.index > 0 ? text.slice(by.index) : text, {siteNames, strict: true})
}

/** Names from a Chinese byline standing alone in `text` (lines separated by `\n`). */
function cjkAuthors(text: string, siteNames: Array<string | undefined>): Array<string> | undefined {
  for (const line of text.split('\n')) {
    for (const pattern of CJK_AUTHOR) {
      const match = pattern.exec(line)
      if (!match || !standsAlone(line, match)) continue
      const raw = /\p{Script=Han}/u.test(match[1]) ? match[1].split(/[\s、,，]+/) : [match[1]]
      const names = cleanAuthors(raw, {siteNames, strict: true})
      if (names.length > 0) return names
    }
  }
  return undefined
}

/** Sentence punctuation: a byline holds none before or after it on its line. */
const SENTENCE = /[，。！？；,!?;]/
/** What may follow a byline on its line: nothing, a separator, a closing bracket, another credit, a date. */
const AFTER_BYLINE = new RegExp(`^\\s*(?:$|[|｜/／·•]|[)）】\\]]|[:：]\\s*$|(?:${CREDIT_LABEL})|\\d)`, 'u')

/**
 * Whether a byline match stands alone on its line: in brackets
 * (`…电（记者 李四 王五）今天…`), or after at most a short dateline without
 * sentence punctuation and before nothing but other credits or a date
 * (`本报记者 张三`, `作者：张三 来源：新华网 2020-04-14`). Inside a sentence
 * (`记者在现场 看到许多…`, `据美联社记者张三报道，…`) it is no byline.
 */
function standsAlone(line: string, match: RegExpExecArray): boolean {
  // The patterns may take the white space or bracket before the label.
  const lead = /^[\s(（]/.test(match[0]) ? 1 : 0
  const before = line.slice(0, match.index + lead).trimEnd()
  const after = line.slice(match.index + match[0].length)
  if (/[(（【[]$/.test(before) && /^[^，。！？；,.!?;(（]{0,40}[)）】\]]/.test(after)) return true
  return before.length <= 30 && !SENTENCE.test(before) && AFTER_BYLINE.test(after)
}

/**
 * Names from an English/European byline: `By …`, `Written by: …`, `Autor: …`,
 * or `… 2023 13:30 von …` (a date before `by`/`von`).
 */
function latinAuthors(cue: CueText, text: string, options: {siteNames: Array<string | undefined>; strict: boolean}): Array<string> | undefined {
  for (const candidate of [text, cue.value]) {
    let start = -1
    if (LATIN_LABEL.test(candidate)) {
      // `von`, `par`, `por`, `door` open a byline only when capitalised (`Von Jane Doe`).
      if (/^(?:von|par|por|door)\s/.test(candidate)) continue
      start = 0
    } else {
      const by = MID_BY.exec(candidate)
      if (by && findDate(candidate.slice(0, by.index))) start = by.index
    }
    if (start === -1) continue
    const names = cleanAuthors(candidate.slice(start), options)
    if (names.length > 0) return names
  }
  return undefined
}

/**
 * Text around a cue: the nearest element (itself or up to three ancestors)
 * whose text says more than the cue alone, when short; else the cue itself.
 * `text` is collapsed to one line, `lines` keeps the element's lines (blocks
 * and `<br>` end a line).
 */
function cueText(cue: CueText): {text: string; lines: string} {
  for (const element of [cue.element, ...cue.ancestors]) {
    // Bounded first: ancestors can hold the whole article.
    if (shortText(element, 1000, 500) === undefined) break
    const text = textOf(element)
    if (text.length > 250) break
    if (text.length > cue.value.length + 1) return {text, lines: linesOf(element)}
  }
  return {text: cue.value, lines: cue.value}
}

/** Text of an element as rendered, each line collapsed, lines joined with `\n`. */
function linesOf(element: Element): string {
  return toText(element).split('\n').map((line) => collapse(line)).filter(Boolean).join('\n')
}

/** Non-boilerplate entries, those in the article or its header first. */
function preferred<T extends Located>(entries: Array<T>): Array<T> {
  const kept = entries.filter((entry) => !entry.context.excluded)
  return [
    ...kept.filter((entry) => entry.context.inArticle || entry.context.inHeader),
    ...kept.filter((entry) => !(entry.context.inArticle || entry.context.inHeader))
  ]
}
