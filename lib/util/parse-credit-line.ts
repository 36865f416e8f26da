/**
 * Parse the credit line found at the top of articles on Chinese news sites:
 * a short paragraph such as `（来源：法广RFI 作者：弗林，文章内容并不代表本网立场和观点。）`
 * naming the source outlet and/or the author, followed by a disclaimer.
 */

/** Fields found in a credit line; only the keys that were found are set. */
export interface CreditLine {
  /** Outlet the article was taken from (`来源`, `转自`, `出处`, …). */
  source?: string
  /** Author(s) or reporter (`作者`, `记者`, …); several names stay one string. */
  author?: string
}

type Field = keyof CreditLine

/**
 * Labels (simplified and traditional) and the field they fill.
 * `undefined` marks labels that end a value but are otherwise ignored.
 */
const labels: ReadonlyArray<readonly [string, Field | undefined]> = [
  ['来源', 'source'],
  ['來源', 'source'],
  ['转自', 'source'],
  ['轉自', 'source'],
  ['出处', 'source'],
  ['出處', 'source'],
  ['作者', 'author'],
  ['记者', 'author'],
  ['記者', 'author'],
  ['责任编辑', undefined],
  ['責任編輯', undefined],
  ['编辑', undefined],
  ['編輯', undefined],
  ['编译', undefined],
  ['編譯', undefined],
  ['翻译', undefined],
  ['翻譯', undefined]
]

/** Longest credit line (after whitespace is collapsed) still considered one. */
const maxLength = 160

const fields = new Map(labels)

/** Alternation of labels, longest first so `责任编辑` wins over `编辑`. */
const alternation = (names: string[]) => [...names].sort((a, b) => b.length - a.length).join('|')

/** A label followed by a colon: one token of the credit line. */
const labelPattern = new RegExp('(?:本文|文章|原文|稿件|新闻|新聞)?(' + alternation(labels.map(([name]) => name)) + ')\\s*[：:]', 'g')

/** Words that may open a label at the start (`本文作者：`, `文章来源：`). */
const prefix = '(?:本文|文章|原文|稿件|新闻|新聞)?'

/** A credit line starts with an optional parenthesis and a field label. */
const startPattern = new RegExp('^[（(]?\\s*' + prefix + '(' + alternation(labels.filter(([, field]) => field).map(([name]) => name)) + ')\\s*[：:]')

/** Reporter labels, which also open the questions of an interview (`记者：您怎么看？`). */
const reporterLabels = new Set(['记者', '記者'])

/** Words of the disclaimer that may follow a credit line (`文章内容并不代表本网立场`). */
const disclaimer = /文章|本文|[内內]容|立[场場]|[观觀]点|[观觀]點|[参參]考|[转轉][载載]|版[权權]|代表/

/** A question or exclamation: not a name. */
const sentenceEnd = /[？?！!]/

/**
 * The part of a raw value before its terminator (comma, `。`, semicolon, `|`
 * or an unbalanced closing parenthesis); balanced `（…）` are kept.
 */
const valuePattern = /^(?:[^,，。;；|()（）]|[（(][^()（）]*[)）])*/

/** Stray whitespace and punctuation around a value. */
const strayPattern = /^[\s:：、·•\-—–_/"'“”‘’「」『』]+|(?<![\s:：、·•\-—–_/"'“”‘’「」『』])[\s:：、·•\-—–_/"'“”‘’「」『』]+$/g

/**
 * Parse a credit line.
 *
 * @param text
 *   Plain text of a paragraph (whitespace may be messy).
 * @returns
 *   Found fields, or `undefined` when `text` is not a credit line
 *   (does not start with a source/author label and colon, is too long,
 *   or names neither source nor author).
 */
export function parseCreditLine(text: string): CreditLine | undefined {
  const line = text.replace(/[\s\u200B]+/g, ' ').trim()
  const start = startPattern.exec(line)
  if (line.length > maxLength || !start) return undefined

  const tokens = [...line.matchAll(labelPattern)]
  const result: CreditLine = {}

  for (const [index, token] of tokens.entries()) {
    const field = fields.get(token[1])
    const from = token.index + token[0].length
    const next = tokens[index + 1]
    const raw = line.slice(from, next ? next.index : line.length)
    const kept = valuePattern.exec(raw)?.[0] ?? ''
    const value = kept.replace(strayPattern, '')
    // `记者：你好，请问……` opens an interview question, not a credit line:
    // a line led by a reporter label goes on with a sentence, not a credit.
    if (index === 0 && reporterLabels.has(token[1]) && !/^[（(]/.test(line) && !next) {
      const rest = raw.slice(kept.length).replace(/^[\s,，。;；|]+/, '')
      if (rest && !disclaimer.test(rest)) return undefined
    }
    if (sentenceEnd.test(value)) continue
    if (field && value && !result[field]) result[field] = value
  }

  return result.source || result.author ? result : undefined
}

/**
 * Check whether a paragraph is a credit line.
 *
 * @param text
 *   Plain text of a paragraph.
 * @returns
 *   Whether `parseCreditLine` finds a source or an author in it.
 */
export function isCreditLine(text: string): boolean {
  return parseCreditLine(text) !== undefined
}
