/**
 * Find the first date in a text and normalise it to ISO 8601.
 *
 * Output, depending on what the text gives:
 *
 * | given                  | output                        |
 * | ---------------------- | ----------------------------- |
 * | day, time and offset   | `2020-04-14T10:30:00+08:00`   |
 * | day and time           | `2020-04-14T10:30:00`         |
 * | day only               | `2020-04-14`                  |
 *
 * A small set of regular expressions is used instead of `new Date(text)`,
 * whose results depend on the host time zone and engine.
 * Recognised forms (anywhere in the text, the earliest one wins):
 *
 * - ISO: `2020-04-14`, `2020-04-14T10:30:00.000Z`, `2020-04-14 10:30+0800`
 * - numeric: `2020/04/14 10:30`, `2020.04.14`, `14.04.2020`, `04/14/2020`
 *   (`04/11/2024` in the page's order, `dayOrderOf`; without one month
 *   first, the day-first reading given as `alternative`)
 * - CJK: `2020年4月14日 10:30`, `2020年04月14日10:30`, in Chinese numerals
 *   `二〇二〇年四月十四日` (`chinese-numerals.ts`), in the Republic of China's
 *   years (`民國113年3月5日` anywhere; `113年3月5日`, `113/03/05` in the
 *   order `roc` of Taiwanese pages; `roc-calendar.ts`); full-width digits
 *   (`２０２４年３月５日`) as ASCII
 * - names: `April 14, 2020`, `14 April 2020`, `Tue, 14 Apr 2020 10:30:00 GMT`,
 *   `Tue Apr 14 10:30:00 EDT 2020` (Unix `date`, Java `Date.toString()`),
 *   `14. März 2020`, `14 марта 2020`, Hungarian `2020. április 14.` (months of
 *   the languages listed at `MONTHS`)
 * - Korean: `2020년 4월 14일`
 * - parts set apart: `26 | 01 | 2022`, `26 · 01 · 2022`; a two-digit year
 *   last (`26.01.22`) only in a given order
 *
 * A time directly after the day is kept (`10:30`, `10:30:00`, `10:30 pm`,
 * `10h30`), with an offset when one follows (`Z`, `+08:00`, `+0800`,
 * `GMT+8`, `UTC`, `EST`, …).
 *
 * @module
 */

import {CHINESE_NUMERAL_DAY, chineseNumber} from './chinese-numerals.js'
import {ROC_ERA_DAY, ROC_PLAIN_DAY, rocDay} from './roc-calendar.js'

/** Month names and abbreviations (lower case, without a trailing dot): English, German, French, Spanish, Italian, Dutch, Portuguese, Polish (nominative and genitive), Danish/Norwegian/Swedish, Indonesian; Romanian, Turkish, Hungarian, Finnish (partitive) and, in the genitive a day takes, Czech, Russian, Ukrainian, Greek. Test: test/byline-kinds.ts. */
const MONTHS: Record<string, number> = {}

const MONTH_NAMES: Array<Array<string>> = [
  [
    'january',
    'jan',
    'januar',
    'jänner',
    'janvier',
    'enero',
    'gennaio',
    'januari',
    'janeiro',
    'stycznia',
    'styczeń',
    'styczen',
    'ianuarie',
    'ledna',
    'января',
    'січня',
    'ιανουαρίου',
    'január',
    'ocak',
    'tammikuuta'
  ],
  [
    'february',
    'feb',
    'februar',
    'février',
    'fevrier',
    'févr',
    'fevr',
    'febrero',
    'febbraio',
    'februari',
    'fevereiro',
    'lutego',
    'luty',
    'februarie',
    'února',
    'февраля',
    'лютого',
    'φεβρουαρίου',
    'február',
    'şubat',
    'helmikuuta'
  ],
  [
    'march',
    'mar',
    'märz',
    'maerz',
    'mars',
    'marzo',
    'maart',
    'mär',
    'março',
    'marco',
    'marca',
    'marzec',
    'marts',
    'maret',
    'martie',
    'března',
    'марта',
    'березня',
    'μαρτίου',
    'március',
    'mart',
    'maaliskuuta'
  ],
  ['april', 'apr', 'avril', 'abril', 'aprile', 'avr', 'kwietnia', 'kwiecień', 'kwiecien', 'aprilie', 'dubna', 'апреля', 'квітня', 'απριλίου', 'április', 'nisan', 'huhtikuuta'],
  ['may', 'mai', 'mayo', 'maggio', 'mei', 'maio', 'maja', 'maj', 'května', 'мая', 'травня', 'μαΐου', 'május', 'mayıs', 'toukokuuta'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'junho', 'czerwca', 'czerwiec', 'iunie', 'června', 'июня', 'червня', 'ιουνίου', 'június', 'haziran', 'kesäkuuta'],
  ['july', 'jul', 'juli', 'juillet', 'julio', 'luglio', 'juil', 'julho', 'lipca', 'lipiec', 'iulie', 'července', 'июля', 'липня', 'ιουλίου', 'július', 'temmuz', 'heinäkuuta'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'augustus', 'sierpnia', 'sierpień', 'sierpien', 'augusti', 'agustus', 'srpna', 'августа', 'серпня', 'αυγούστου', 'augusztus', 'ağustos', 'elokuuta'],
  [
    'september',
    'sep',
    'sept',
    'septembre',
    'septiembre',
    'setiembre',
    'settembre',
    'setembro',
    'września',
    'wrzesień',
    'wrzesnia',
    'septembrie',
    'září',
    'сентября',
    'вересня',
    'σεπτεμβρίου',
    'szeptember',
    'eylül',
    'syyskuuta'
  ],
  [
    'october',
    'oct',
    'oktober',
    'okt',
    'octobre',
    'octubre',
    'ottobre',
    'outubro',
    'października',
    'październik',
    'pazdziernika',
    'octombrie',
    'října',
    'октября',
    'жовтня',
    'οκτωβρίου',
    'október',
    'ekim',
    'lokakuuta'
  ],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'listopada', 'listopad', 'noiembrie', 'listopadu', 'ноября', 'листопада', 'νοεμβρίου', 'kasım', 'marraskuuta'],
  [
    'december',
    'dec',
    'dezember',
    'dez',
    'décembre',
    'decembre',
    'déc',
    'diciembre',
    'dicembre',
    'dezembro',
    'grudnia',
    'grudzień',
    'grudzien',
    'desember',
    'decembrie',
    'prosince',
    'декабря',
    'грудня',
    'δεκεμβρίου',
    'aralık',
    'joulukuuta'
  ]
]

for (const [index, names] of MONTH_NAMES.entries()) {
  for (const name of names) MONTHS[name] = index + 1
}

/** Named zones with a fixed offset in minutes (only unambiguous-enough ones). */
const ZONES: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  bst: 60,
  cet: 60,
  cest: 120,
  mez: 60,
  mesz: 120,
  eet: 120,
  eest: 180,
  jst: 540,
  kst: 540,
  hkt: 480,
  sgt: 480,
  aest: 600,
  aedt: 660
}

const MONTH = '(\\p{L}{3,12})\\.?'
/** A weekday between the day and the year (`Dec 28 Sat 2013`, as a blog shows it in separate boxes). */
const WEEKDAY = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\.?,?\\s+)?'
const DAY_SUFFIX = '(?:st|nd|rd|th|er|e|º)?'

interface Day {
  index: number
  end: number
  year: number
  month: number
  day: number
}

type DayReader = (match: RegExpExecArray, order: DayOrder | undefined) => [number, number, number] | undefined

/**
 * How a locale writes an all-numeric day: month first (`mdy`, en-US:
 * `04/11/2024` is 11 April), day first (`dmy`, en-GB, de, fr, …: 4
 * November), or year first in the Republic of China's years (`roc`, zh-TW:
 * `113/03/05` and `113年3月5日` are 2024-03-05). See `dayOrderOf`.
 */
export type DayOrder = 'mdy' | 'dmy' | 'roc'

/** Options of `findDate` and `normalizeDate`. */
export interface DateOptions {
  /** How the page writes `04/11/2024` (default: month first unless the first part cannot be a month; the other reading is then given as `alternative`). */
  order?: DayOrder | undefined
}

/** Patterns for the day part, each with a reader giving `[year, month, day]`. */
const DAY_PATTERNS: Array<[RegExp, DayReader]> = [
  // 2020-04-14, 2020/04/14, 2020.04.14
  [/(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/gu, (m) => [Number(m[1]), Number(m[3]), Number(m[4])]],
  // 2022 · 01 · 26, 2022 | 01 | 26 (parts set apart by a dot or a bar)
  [/(?<!\d)(\d{4}) ?([|·]) ?(\d{1,2}) ?\2 ?(\d{1,2})(?!\d)/gu, (m) => [Number(m[1]), Number(m[3]), Number(m[4])]],
  // 2020年4月14日
  [/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?/gu, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
  // 2020년 4월 14일 (Korean)
  [/(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/gu, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
  // 2020. április 14. (Hungarian: the year first)
  [new RegExp(`(?<!\\d)(\\d{4})\\.\\s+${MONTH}\\s+(\\d{1,2})\\.(?!\\d)`, 'giu'), (m) => named(m[1], m[2], m[3])],
  // 二〇二〇年四月十四日
  [CHINESE_NUMERAL_DAY, (m) => [chineseNumber(m[1]), chineseNumber(m[2]), chineseNumber(m[3])]],
  // 民國113年3月5日 (year + 1911), on any page
  [ROC_ERA_DAY, rocDay],
  // 113年3月5日, 113/03/05: only on a page whose order is `roc` (`firstDay`)
  [ROC_PLAIN_DAY, rocDay],
  // April 14, 2020 / Tue Apr 14 2020
  [new RegExp(`(?<!\\p{L})${MONTH}\\s+(\\d{1,2})${DAY_SUFFIX},?\\s+${WEEKDAY}(\\d{4})(?!\\d)`, 'giu'), (m) => named(m[3], m[1], m[2])],
  // Tue Apr 14 10:30:00 EDT 2020 (Unix `date`, Java's `Date.toString()`): the time and zone sit between the day and the year
  [new RegExp(`(?<!\\p{L})${MONTH}\\s+(\\d{1,2})(?=\\s\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s[A-Za-z]{1,5})?\\s(\\d{4})(?!\\d))`, 'giu'), (m) => named(m[3], m[1], m[2])],
  // 14 April 2020 / 14. März 2020 / 14 de abril de 2020 / 14-Apr-2020
  [new RegExp(`(?<!\\d)(\\d{1,2})${DAY_SUFFIX}\\.?(?:\\s+de(?=\\s)|\\s*-)?\\s*${MONTH}(?:\\s+de(?=\\s)|\\s*-|,)?\\s*(\\d{4})(?!\\d)`, 'giu'), (m) => named(m[3], m[2], m[1])],
  // 14.04.2020 (day first)
  [/(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)/gu, (m) => [Number(m[3]), Number(m[2]), Number(m[1])]],
  // 04/14/2020, 14/04/2020: in the page's order, else month first unless the first part cannot be a month
  [/(?<![\d/])(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?!\d)/gu, (m, order) => inOrder(Number(m[1]), Number(m[2]), Number(m[3]), order)],
  // 26.01.22, 26/01/22 (a two-digit year last, day and month in two digits each): only in the page's known order of day and month, never guessed (`18-03-08` is a Chinese portal's year first; a Taiwanese page's `roc` order writes the year first)
  [
    /(?<![\p{L}\d./])(\d{2})([./])(\d{2})\2(\d{2})(?![\p{L}\d./])/gu,
    (m, order) => (order === 'mdy' || order === 'dmy' ? inOrder(Number(m[1]), Number(m[3]), fullYear(Number(m[4])), order) : undefined)
  ],
  // 26 | 01 | 2022, 26 · 01 · 2022 (parts set apart by a bar or a dot): read as the one above
  [/(?<!\d)(\d{1,2}) ?([|·]) ?(\d{1,2}) ?\2 ?(\d{4})(?!\d)/gu, (m, order) => inOrder(Number(m[1]), Number(m[3]), Number(m[4]), order)]
]

/** `[year, month, day]` of an all-numeric day `a b year`: in the page's order, else month first unless `a` cannot be a month. */
function inOrder(a: number, b: number, year: number, order: DayOrder | undefined): [number, number, number] {
  const dayFirst = a > 12 || (order === 'dmy' && b <= 12)
  return dayFirst ? [year, b, a] : [year, a, b]
}

/** A two-digit year as POSIX `strptime` reads `%y`: 69–99 in the 1900s, 00–68 in the 2000s. */
function fullYear(year: number): number {
  return year >= 69 ? 1900 + year : 2000 + year
}

/** An all-numeric day, month and year, to tell whether it reads both ways (`04/11/2024`, `04 | 11 | 2024`). */
const NUMERIC_DAY = /^(\d{1,2})(?:[/-]| ?[|·] ?)(\d{1,2})(?:[/-]| ?[|·] ?)(\d{4})/

/**
 * A time right after the day, with optional seconds, meridiem and zone.
 * Matched on at most `timeWindow` characters after the day; no two
 * quantifiers can share one run of white space.
 */
const TIME = new RegExp(
  '^\\s*(?:(?:T|,|at|um|à|a las|alle|om|\\||-|–|·)\\s*)?' +
    '(\\d{1,2})[:：h](\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?' +
    '(?:\\s*([ap]\\.?\\s?m\\.?)(?!\\p{L}))?' +
    '(?:\\s*(?:Uhr|h)(?!\\p{L}))?' +
    '(?:\\s*(UTC|GMT|UT)\\s*([+-])(\\d{1,2})(?::?(\\d{2}))?(?!\\d)' +
    '|\\s?([+-])(\\d{2}):?(\\d{2})(?!\\d)' +
    `|\\s*(${Object.keys(ZONES).join('|')})(?!\\p{L}))?`,
  'iu'
)

/** Characters after a day searched for its time: a time is right after its day. */
const timeWindow = 64

/**
 * Find the first date in `text` and return it as ISO 8601.
 *
 * @param text
 *   Any text: a `datetime` attribute, a meta value, a credit line
 *   (`发布时间：2020-04-14 10:30 来源：新华网`).
 * @returns
 *   `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DDTHH:MM:SS±HH:MM`
 *   (`Z` for UTC); `undefined` when no valid date is found.
 */
export function normalizeDate(text: string, options?: DateOptions | null | undefined): string | undefined {
  return findDate(text, options)?.value
}

/** A date found in a text. */
export interface FoundDate {
  /** ISO 8601 value, as returned by `normalizeDate`. */
  value: string
  /** Start of the date (day and time) in the NFKC-normalised text. */
  index: number
  /** End of the date in the NFKC-normalised text. */
  end: number
  /** The other reading of an all-numeric day whose order was not given and could be either (`04/11/2024`: `2024-11-04` beside `2024-04-11`). */
  alternative?: string
}

/**
 * Find the first date in `text`, with where it is.
 *
 * @param text
 *   Any text.
 * @returns
 *   The date and its span in `text.normalize('NFKC')`, if any.
 */
export function findDate(text: string, options?: DateOptions | null | undefined): FoundDate | undefined {
  // Short texts (a date element, a credit line) are read again by the
  // byline reader and the verdict: each found once, a copy given out.
  if (typeof text !== 'string' || text.length > cachedLength) return findDateNow(text, options)
  const key = (options?.order || '') + ' ' + text
  let found = foundDates.get(key)
  if (found === undefined) {
    found = findDateNow(text, options) || null
    if (foundDates.size >= cachedTexts) foundDates.clear()
    foundDates.set(key, found)
  }
  return found ? {...found} : undefined
}

/** Texts up to this length are cached by `findDate`. */
const cachedLength = 400
/** How many texts `findDate` caches before it starts afresh. */
const cachedTexts = 2000
/** The dates `findDate` found in short texts, by order and text (`null`: none). */
const foundDates = new Map<string, FoundDate | null>()

function findDateNow(text: string, options: DateOptions | null | undefined): FoundDate | undefined {
  const found = findDateIn(text, options?.order)
  // An order read it (`roc` gives none for days of four-digit years).
  if (!found || options?.order === 'mdy' || options?.order === 'dmy') return found
  const day = found.value.slice(0, 10)
  // An all-numeric day read month first that reads as well day first: say so.
  const source = text.normalize('NFKC').slice(found.index, found.end)
  const parts = NUMERIC_DAY.exec(source)
  if (!parts || Number(parts[1]) > 12 || Number(parts[2]) > 12 || Number(parts[1]) === Number(parts[2])) return found
  return {...found, alternative: `${parts[3]}-${pad(Number(parts[2]))}-${pad(Number(parts[1]))}` + found.value.slice(day.length)}
}

function findDateIn(text: string, order: DayOrder | undefined): FoundDate | undefined {
  if (typeof text !== 'string' || !text) return undefined
  const value = text.normalize('NFKC')
  const day = firstDay(value, order)
  if (!day) return undefined
  const date = `${day.year}-${pad(day.month)}-${pad(day.day)}`
  const onlyDay = {value: date, index: day.index, end: day.end}
  const time = TIME.exec(value.slice(day.end, day.end + timeWindow))
  if (!time) return onlyDay
  let hour = Number(time[1])
  const minute = Number(time[2])
  const second = time[3] ? Number(time[3]) : 0
  const meridiem = time[4] ? time[4].toLowerCase().replace(/[^ap]/g, '') : ''
  if (meridiem) {
    if (hour < 1 || hour > 12) return onlyDay
    if (meridiem === 'p' && hour < 12) hour += 12
    if (meridiem === 'a' && hour === 12) hour = 0
  }
  if (hour > 23 || minute > 59 || second > 59) return onlyDay
  const clock = `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}`
  const end = day.end + time[0].length
  const offset = zoneOffset(time)
  if (offset === undefined) return {value: clock, index: day.index, end}
  if (offset === 0 && /^z$/i.test(time[12] || '')) return {value: clock + 'Z', index: day.index, end}
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  return {value: `${clock}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`, index: day.index, end}
}

/** A day without its century or year, each with a reader giving `[year, month, day]` (`year` 0: not given). */
const PARTIAL_PATTERNS: Array<[RegExp, (match: RegExpExecArray) => [number, number, number]]> = [
  // 18-03-08, 18/03/08 (two-digit year first, as Chinese portals print it)
  [/(?<![\d/.-])(\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?![\d/.-])/gu, (m) => [2000 + Number(m[1]), Number(m[3]), Number(m[4])]],
  // 11月30日
  [/(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]/gu, (m) => [0, Number(m[1]), Number(m[2])]],
  // 10-08, 10/08 (month first, then the day)
  [/(?<![\d/.-])(\d{1,2})[-/](\d{1,2})(?![\d/.-])/gu, (m) => [0, Number(m[1]), Number(m[2])]]
]

/** A day found without its year (`11月30日 10:20`, `10-08`), or with a two-digit year (`18-03-08`). */
export interface PartialDate {
  /** Full year when the text gives one (`18-03-08`: 2018), else 0. */
  year: number
  month: number
  day: number
  /** ISO time and offset after the day (`T10:20:00`, `T10:20:00+08:00`), or an empty string. */
  time: string
}

/**
 * Find a day printed without a year (`发布时间：11月30日 10:20`, `10-08`) or
 * with a two-digit one (`18-03-08`), as Chinese portals show the date of a
 * recent article. Meant for text already known to label a date (a credit
 * line): alone, `10-08` could be anything.
 *
 * @param text
 *   Text, e.g. a credit line.
 * @returns
 *   The day and its time, if any.
 */
export function findPartialDate(text: string): PartialDate | undefined {
  if (typeof text !== 'string' || !text) return undefined
  const value = text.normalize('NFKC')
  for (const [pattern, read] of PARTIAL_PATTERNS) {
    pattern.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = pattern.exec(value))) {
      const [year, month, day] = read(match)
      if (valid(year || 2000, month, day)) {
        const after = value.slice(match.index + match[0].length, match.index + match[0].length + timeWindow)
        const full = findDate(`2000-01-01${after}`)
        return {year, month, day, time: full ? full.value.slice(10) : ''}
      }
      pattern.lastIndex = match.index + 1
    }
  }
  return undefined
}

/** A text that is nothing but a day without its year: `3月18日`, `3月18日 14:30`, `03-15 09:10` (the numeric form only with its time: `03-15` alone may be a score). */
const YEARLESS_DAY_TEXT = /^(?:\d{1,2}\s*月\s*\d{1,2}\s*[日号號](?:\s*\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}-\d{1,2} \d{1,2}:\d{2}(?::\d{2})?)$/u

/**
 * Whether a short text is nothing but a day shown without its year, the
 * way Chinese portals date a recent article in an unlabelled span
 * (`3月18日 14:30`, `03-15 09:10`): such a day is completed only from
 * another date of the same page (`completeDate`), never given a year of
 * its own.
 *
 * @param text
 *   Text of one element (white space collapsed).
 * @returns
 *   Whether it is such a day.
 */
export function isYearlessDay(text: string): boolean {
  return typeof text === 'string' && text.length <= 24 && YEARLESS_DAY_TEXT.test(text.normalize('NFKC').trim())
}

/**
 * Complete a partial date with the year of a reference date from the same
 * page (its modified date, a date in its URL): the latest such day not
 * after the reference, since an article is published before it is updated.
 *
 * @param partial
 *   Day without its year (`findPartialDate`).
 * @param reference
 *   ISO date of the page (`2019-10-08T12:00:57`), if any.
 * @returns
 *   ISO date, or `undefined` when the year is unknown.
 */
export function completeDate(partial: PartialDate, reference: string | undefined): string | undefined {
  let year = partial.year
  if (!year) {
    const known = reference ? /^(\d{4})-(\d{2})-(\d{2})/.exec(reference) : null
    if (!known) return undefined
    year = Number(known[1])
    const day = pad(partial.month) + pad(partial.day)
    if (day > known[2] + known[3]) year--
  }
  if (!valid(year, partial.month, partial.day)) return undefined
  return `${year}-${pad(partial.month)}-${pad(partial.day)}${partial.time}`
}

/** Earliest valid day in `value`. */
function firstDay(value: string, order: DayOrder | undefined): Day | undefined {
  let best: Day | undefined
  for (const [pattern, read] of DAY_PATTERNS) {
    // Years without the era's name are the ROC's only on a Taiwanese page.
    if (pattern === ROC_PLAIN_DAY && order !== 'roc') continue
    pattern.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = pattern.exec(value))) {
      if (best && match.index > best.index) break
      const parts = read(match, order)
      if (parts && valid(parts[0], parts[1], parts[2])) {
        const end = match.index + match[0].length
        if (!best || match.index < best.index || (match.index === best.index && end > best.end)) {
          best = {index: match.index, end, year: parts[0], month: parts[1], day: parts[2]}
        }
        break
      }
      // Retry one character later so overlapping candidates are seen.
      pattern.lastIndex = match.index + 1
    }
  }
  return best
}

/** English-speaking regions that write the month first (`04/11/2024` is 11 April). */
const MONTH_FIRST_REGIONS = new Set(['us', 'ph', 'fm', 'mh', 'pw', 'as', 'gu', 'mp', 'pr', 'um', 'vi'])
/** Country domains of English-speaking places that write the day first. */
const DAY_FIRST_DOMAINS = /\.(?:uk|ie|au|nz|in|za|sg|my|hk|ng|ke|pk|mt|jm)$/

/**
 * How a page writes an all-numeric day, from its language tag (`<html
 * lang>`, `og:locale`) and host: `en-US` (and the other US regions) month
 * first; English of other regions (`en-GB`, `en-AU`, `en-IN`, …) and the
 * European languages (`de`, `fr`, `es`, `it`, `nl`, `pt`, `ru`, …) day
 * first; plain `en` by the host's country domain (`.co.uk`: day first,
 * else unknown). Taiwanese pages (`zh-TW`, `zh-Hant-TW`, or Chinese on a
 * `.tw` host) count years in the Republic of China's era (`roc`); other
 * Chinese, Japanese and Korean pages write the year first and give no
 * order. Source: CLDR's short date patterns (`M/d/y` for en-US, `dd/MM/y`
 * for en-GB, `dd.MM.y` for de) and its calendar preferences (`TW`:
 * `gregorian roc`).
 *
 * @param language
 *   BCP 47 tag (`en-US`, `en_GB`, `de`), if any.
 * @param host
 *   Host name of the page (`www.example.co.uk`), if any.
 * @returns
 *   The order, or `undefined` when it is not known.
 */
export function dayOrderOf(language: string | undefined, host?: string | undefined): DayOrder | undefined {
  const [primary = '', region = ''] = (language ?? '').trim().toLowerCase().split(/[-_]/)
  if (primary === 'zh') {
    const tags = (language ?? '').toLowerCase().split(/[-_]/)
    return tags.includes('tw') || (!tags.some((tag) => /^(?:cn|hk|mo|sg|my|hans)$/.test(tag)) && Boolean(host && /\.tw$/.test(host.toLowerCase()))) ? 'roc' : undefined
  }
  if (!primary && host && /\.tw$/.test(host.toLowerCase())) return 'roc'
  if (primary === 'en') {
    if (region) return MONTH_FIRST_REGIONS.has(region) ? 'mdy' : /^[a-z]{2}$/.test(region) ? 'dmy' : undefined
    if (host && DAY_FIRST_DOMAINS.test(host.toLowerCase())) return 'dmy'
    if (host && /\.us$/.test(host.toLowerCase())) return 'mdy'
    return undefined
  }
  if (!primary || /^(?:zh|ja|ko|hu|lt|mn|fa|eu)$/.test(primary) || !/^[a-z]{2,3}$/.test(primary)) return undefined
  return 'dmy'
}

/** Offset in minutes from a `TIME` match, if it has a zone. */
function zoneOffset(time: RegExpExecArray): number | undefined {
  const sign = time[6] || time[9]
  if (sign) {
    const hours = Number(time[7] || time[10])
    const minutes = Number(time[8] || time[11] || 0)
    if (hours > 14 || minutes > 59) return undefined
    const total = hours * 60 + minutes
    return sign === '-' ? -total : total
  }
  const name = (time[12] || '').toLowerCase()
  return name && name in ZONES ? ZONES[name] : undefined
}

/** Read a day with a month name. */
function named(year: string, month: string, day: string): [number, number, number] | undefined {
  const key = month.toLowerCase()
  let number: number | undefined = MONTHS[key]
  if (!number) {
    // A longer abbreviation (`Janu`, `Septem`) of a full name.
    const index = MONTH_NAMES.findIndex((names) => names.some((name) => name.length > key.length && name.startsWith(key)))
    if (index !== -1) number = index + 1
  }
  return number ? [Number(year), number, Number(day)] : undefined
}

/** Whether a day exists (years 1900–2099). */
function valid(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}
