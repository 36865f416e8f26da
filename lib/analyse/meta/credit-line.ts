/**
 * One grammar for credit lines and bylines: a line of text is read into the
 * roles it credits, each with its names. Author extraction (`byline.ts`),
 * the credit line that leaves the body (`util/find-credit-line.ts`) and the
 * verdict's author check (`verdict/authors.ts`) all read lines here, so a
 * line is never an author's for one and a photographer's for another.
 *
 * | role           | forms (examples)                                                                        |
 * | -------------- | --------------------------------------------------------------------------------------- |
 * | `photographer` | `Foto: Jane Roe`, `Photo by Jane Roe`, `(Bild: dpa)`, `图/张三`, `摄影：李四`, `王五 摄`          |
 * | `editor`       | `责任编辑：赵六`, `责编 钱七`, `Edited by Jane Roe`, `Editor: Jane Roe`                         |
 * | `agency`       | the outlet before a reporter (`新华社记者 张三` → `新华社`)                                    |
 * | `source`       | `来源：新华网`, `Source: Reuters`, `Quelle: dpa`, `Fuente: EFE`                               |
 * | `author`       | `By Jane Roe`, `ByJane Roe`, `Von Jane Roe`, `Author: Jane Roe`, `Jane Roe \| Staff Writer`, |
 * |                | `本报记者 王五`, `（记者 张三 李四）`, `文/赵六`, `作者：…`, `记者 … 报道` (see `cjk-byline.ts`)   |
 *
 * A photo credit names no author, whatever else the line holds; an editor
 * (`责任编辑`, `责编`, `Edited by`) is never the author; an outlet before a
 * reporter's role is the agency, the names after it the authors.
 * The labelled Chinese credit line (`（来源：… 作者：…）`) is read by
 * `parseCreditLine` (below) and marked `labelled`: only that form leaves the
 * body as a site's credit line (`util/find-credit-line.ts` finds it). The
 * other Chinese forms are read by `cjk-byline.ts`, which only this module
 * uses: every Chinese credit line is read through here.
 *
 * @module
 */

import {withoutAffiliation} from './affiliation.js'
import {cleanAuthors} from './author-names.js'
import {hasHan, isChinesePersonName, isCjkRoleWord, isOutletName} from './chinese-names.js'
import {readCjkByline, readCjkEditors} from './cjk-byline.js'

/** Names in brackets closing an article (`…举行。（张巨峰）`): a form `byline.ts` reads from a paragraph's end. */
export {readAffiliationNote, readClosingNames, readNamesLine} from './cjk-byline.js'

/** What a credit line credits. */
export type CreditRole = 'author' | 'editor' | 'photographer' | 'agency' | 'source'

/** One role credited on a line. */
export interface Credit {
  role: CreditRole
  /** Names (people for `author`, `editor`, `photographer`; outlets for `agency`, `source`). */
  names: Array<string>
  /** Which form of the grammar gave it (`photo-label`, `cjk-byline`, `labelled`, `latin-label`, `staff-title`, …). */
  form: string
}

/** Longest line read as a credit line, in characters (white space collapsed). */
const maxLength = 250

/**
 * A photo credit's label opening the line (or a bracket): `Foto:`, `Fotos:`,
 * `Photo:`, `Photo by`, `Photograph:`, `Picture:`, `Image:`, `Bild:`,
 * `Fotografía:`, `Crédito:`, `Credit:`, `Photo credit:`.
 */
const LATIN_PHOTO =
  /^[([]?\s?(?:fotos?|photos?|photographs?|photography|pictures?|images?|bild(?:er)?|fotograf[íi]as?|cr[ée]dits?|cr[ée]ditos?|photo credits?|image credits?|bildquelle|foto ?credits?)(?: ?[:：]| by\b| von\b| de\b| par\b)/i
/** A Chinese photo credit's label: `图/…`, `图：…`, `图片：…`, `摄影：…`, `摄/…`, `供图：…`. */
const CJK_PHOTO = /^[（(]?\s?(?:图|圖|图片|圖片|摄影|攝影|摄|攝|供图|供圖|制图|製圖)\s?[/／:：|｜]/u
/** Names followed by a photo credit word (`王五 摄`, `李四 摄影`, `张三/摄`). */
const CJK_PHOTO_AFTER = /^(?:\p{Script=Han}{2,4}(?:[\s、,，]\p{Script=Han}{2,4})*)\s?[/／]?\s?(?:摄|攝|摄影|攝影|供图|供圖)$/u
/** The writer's credit after a Chinese photo credit on its line (`图/陈思远 文/周明远`). */
const WRITER_AFTER_PHOTO = /\s(?=(?:文|撰文|作者|文字) ?[/／:：|｜])/u
/** An editor's Latin label. */
const LATIN_EDITOR = /^(?:edited by|editing by|editor:|redigiert von|bearbeitet von|édité par|editado por)\s*/i
/** A source's label. */
const LATIN_SOURCE = /^[([]?\s?(?:source|sources|quelle|quellen|fuente|fuentes|fonte)\s?[:：]\s*/i
/** An author's Latin label opening the line; `von`, `par`, `por`, `door`, `av`, `af` only capitalised. */
const LATIN_AUTHOR =
  /^(?:(?:written|posted|story|reported|words|text)\s+by|[Bb]y|BY|Von|Par|Por|Door|Av|Af|(?:author|authors|autor|autorin|auteur|autore|text|texto|texte|reporter|byline)\s?[:：])(?=[\s:：]|$)/i
/** `ByJane Roe`: the label glued to the name (case matters: `Byron` is a name). */
const GLUED_BY = /^By(?=\p{Lu}\p{Ll})/u
/** `Jane Roe | Staff Writer`, `Jane Roe, Senior Reporter`, `Jane Roe - Correspondent`: a name, then a personal title. */
const STAFF_TITLE =
  /^(.{3,60}?)(?: ?[|｜,] ?| [-–—] )((?:senior|junior|chief|contributing|special|staff|guest|freelance|political|foreign|science|business|sports?|news|tech|health|national|international|investigative|digital|global|lead|assistant|feature|opinion|culture|entertainment|legal|data|local|regional)\s)*(?:writer|reporter|editor|correspondent|columnist|contributor|journalist|redakteur|redakteurin|reporterin|korrespondent|korrespondentin|rédacteur|rédactrice|journaliste|periodista|redactor|redactora)$/i
/** The outlet before a Chinese reporter's role on a line of its own (`新华社记者 张三`). */
const CJK_AGENCY = /^[（(]?(\p{Script=Han}{2,10}?)(?:记者|記者|评论员|評論員)/u

/**
 * Read the roles a line credits.
 *
 * @param text
 *   One line of text (white space may be messy).
 * @returns
 *   Credits, in the order `photographer`, `editor`, `agency`, `source`,
 *   `author`; empty when the line credits nothing (or is longer than a
 *   credit line).
 */
export function readCredits(text: string): Array<Credit> {
  const line = text.replace(/[\s\u200B]+/g, ' ').trim()
  if (!line || line.length > maxLength) return []
  // Bylines, cues and date lines are read again (for the author, the
  // editor, by the verdict): each line once, copies given out.
  let credits = readLines.get(line)
  if (!credits) {
    credits = readLine(line)
    if (readLines.size >= cachedLines) readLines.clear()
    readLines.set(line, credits)
  }
  return credits.map((credit) => ({role: credit.role, names: [...credit.names], form: credit.form}))
}

/** How many lines `readCredits` keeps before it starts afresh. */
const cachedLines = 2000
/** The credits of lines read, by line (white space collapsed). */
const readLines = new Map<string, Array<Credit>>()

/** `readCredits` of a line with white space collapsed, at most `maxLength` long. */
function readLine(line: string): Array<Credit> {
  const credits: Array<Credit> = []
  const add = (role: CreditRole, names: Array<string>, form: string) => {
    if (names.length > 0) credits.push({role, names, form})
  }

  // A photo credit names the photographer; nothing on its line is the author.
  const photo = photoCredit(line)
  // `图/陈思远 文/周明远`: the photo credit first, then the writer's.
  const writer = photo?.form === 'photo-label' ? WRITER_AFTER_PHOTO.exec(line) : null
  if (photo && writer) {
    add('photographer', photoCredit(line.slice(0, writer.index))?.names ?? [], photo.form)
    for (const credit of readLine(line.slice(writer.index + 1))) if (credit.role === 'author') credits.push(credit)
    return credits
  }
  if (photo) {
    add('photographer', photo.names, photo.form)
    return credits
  }

  add('editor', readCjkEditors(line), 'cjk-editor')
  const editor = LATIN_EDITOR.exec(line)
  if (editor) {
    add('editor', cleanAuthors(line.slice(editor[0].length), {strict: true}), 'latin-editor')
    return credits
  }

  const cjkLine = hasHan(line) ? normalizeCjk(line) : line
  const labelled = parseCreditLine(cjkLine)
  const cjk = readCjkByline(cjkLine)
  if (cjk && cjk.form === 'outlet') {
    const agency = CJK_AGENCY.exec(cjkLine)
    // `本报`, `本台` (this paper, this station) name no outlet.
    if (agency && isOutletName(agency[1]) && !/^[本我]/u.test(agency[1])) add('agency', [agency[1]], 'cjk-agency')
  }
  if (labelled && labelled.source) add('source', [labelled.source], 'labelled')
  const source = LATIN_SOURCE.exec(line)
  if (source && !labelled) add('source', [stripEnd(line.slice(source[0].length))].filter(Boolean), 'latin-source')

  // A Chinese byline's names are told apart (`作者：李华 2023年5月12日` names `李华`); the labelled value is taken as written.
  if (cjk) add('author', cjkNames(cjkLine, cjk.names, cjk.form), 'cjk-' + cjk.form)
  else if (labelled && labelled.author) add('author', cleanAuthors(labelled.author, {strict: true}), 'labelled')
  else {
    const latin = latinByline(line)
    if (latin) add('author', latin.names, latin.form)
  }
  return credits
}

// The labelled credit line of Chinese sites: a short paragraph such as
// `（来源：法广RFI 作者：弗林，文章内容并不代表本网立场和观点。）` naming the source
// outlet and/or the author, followed by a disclaimer.

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
  ['翻譯', undefined],
  ['通讯员', 'author'],
  ['通訊員', 'author'],
  ['实习生', 'author'],
  ['實習生', 'author']
]

/** Co-writers' labels (`记者：王五 通讯员：李四`): their names join the author's. */
const coWriterLabels = new Set(['通讯员', '通訊員', '实习生', '實習生'])

/** Longest credit line (after whitespace is collapsed) still considered one. */
const labelledMaxLength = 160

const fields = new Map(labels)

/** Alternation of labels, longest first so `责任编辑` wins over `编辑`. */
const alternation = (names: string[]) => [...names].sort((a, b) => b.length - a.length).join('|')

/**
 * A label followed by a colon: one token of the credit line. Another short
 * label after white space or a bar (`发布时间：`, `单位：`, `浏览次数：`) ends a
 * value too.
 */
const labelPattern = new RegExp('(?:本文|文章|原文|稿件|新闻|新聞)?(' + alternation(labels.map(([name]) => name)) + ')\\s*[：:]|(?<=[\\s|｜])\\p{Script=Han}{2,6}?\\s*[：:]', 'gu')

/** A date or a time ending a value (`河湾晨报2021-03-04`, `王五 2021年3月4日`, `王五 08:30`). */
const valueDate = /(?:\d{2,4}[-/.年]\d{1,2}|\d{1,2}:\d{2})/

/** Words that may open a label at the start (`本文作者：`, `文章来源：`). */
const prefix = '(?:本文|文章|原文|稿件|新闻|新聞)?'

/** A credit line starts with an optional parenthesis and a field label. */
const startPattern = new RegExp('^[（(]?\\s*' + prefix + '(' + alternation(labels.filter(([, field]) => field).map(([name]) => name)) + ')\\s*[：:]')

/** Reporter labels, which also open the questions of an interview (`记者：您怎么看？`). */
const reporterLabels = new Set(['记者', '記者'])

/** Words of the disclaimer that may follow a credit line (`文章内容并不代表本网立场`). */
const disclaimer = /文章|本文|[内內]容|立[场場]|[观觀]点|[观觀]點|[参參]考|[转轉][载載]|版[权權]|代表/

/** A question or exclamation: not a name. */
const questionEnd = /[？?！!]/

/**
 * The part of a raw value before its terminator (comma, `。`, semicolon, `|`
 * or an unbalanced closing parenthesis); balanced `（…）` are kept.
 */
const valuePattern = /^(?:[^,，。;；|()（）]|[（(][^()（）]*[)）])*/

/** Stray whitespace and punctuation around a value. */
const strayPattern = /^[\s:：、·•\-—–_/"'“”‘’「」『』]+|(?<![\s:：、·•\-—–_/"'“”‘’「」『』])[\s:：、·•\-—–_/"'“”‘’「」『』]+$/g

/**
 * Parse the labelled credit line of Chinese sites (the form of the grammar
 * that leaves the body as a site's credit line), with its values as written
 * (but an affiliation glued to the author's name dropped).
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
  if (line.length > labelledMaxLength || !start) return undefined

  const tokens = [...line.matchAll(labelPattern)]
  const result: CreditLine = {}

  for (const [index, token] of tokens.entries()) {
    const field = fields.get(token[1])
    const from = token.index + token[0].length
    const next = tokens[index + 1]
    const raw = line.slice(from, next ? next.index : line.length)
    const kept = valuePattern.exec(raw)?.[0] ?? ''
    const dateAt = kept.search(valueDate)
    const value = (dateAt === -1 ? kept : kept.slice(0, dateAt)).replace(strayPattern, '')
    // `记者：你好，请问……` opens an interview question, not a credit line:
    // a line led by a reporter label goes on with a sentence, not a credit.
    if (index === 0 && reporterLabels.has(token[1]) && !/^[（(]/.test(line) && !next) {
      const rest = raw.slice(kept.length).replace(/^[\s,，。;；|]+/, '')
      if (rest && !disclaimer.test(rest)) return undefined
    }
    if (questionEnd.test(value)) continue
    // `方敏北京大学经济学院教授`: the writer, without the affiliation glued to the name (`affiliation.ts`).
    if (field === 'author' && value && result.author && coWriterLabels.has(token[1])) result.author += '、' + withoutAffiliation(value)
    else if (field && value && !result[field]) result[field] = field === 'author' ? withoutAffiliation(value) : value
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

/**
 * The names a line credits as its author(s).
 *
 * @param text
 *   One line of text.
 * @returns
 *   Names (may be empty).
 */
export function authorsOf(text: string): Array<string> {
  return readCredits(text).find((credit) => credit.role === 'author')?.names ?? []
}

/**
 * Whether a line is a photo credit (`Foto: Jane Roe`, `图/张三`, `王五 摄`):
 * what it names took the pictures, not the article.
 *
 * @param text
 *   One line of text.
 * @returns
 *   Whether it is one.
 */
export function isPhotoCredit(text: string): boolean {
  return photoCredit(text.replace(/[\s\u200B]+/g, ' ').trim()) !== undefined
}

function photoCredit(line: string): {names: Array<string>; form: string} | undefined {
  const latin = LATIN_PHOTO.exec(line)
  if (latin) return {names: cleanAuthors(stripEnd(line.slice(latin[0].length)), {strict: false}), form: 'photo-label'}
  const cjk = CJK_PHOTO.exec(line)
  if (cjk) return {names: splitHan(line.slice(cjk[0].length)), form: 'photo-label'}
  // `本報記者 張三 攝`: the photographer without the role.
  if (CJK_PHOTO_AFTER.test(line)) return {names: splitHan(line.replace(/\s?[/／]?\s?(?:摄|攝|摄影|攝影|供图|供圖)$/u, '')).filter((name) => !isCjkRoleWord(name)), form: 'photo-after'}
  return undefined
}

function latinByline(line: string): {names: Array<string>; form: string} | undefined {
  if (GLUED_BY.test(line) || LATIN_AUTHOR.test(line)) {
    const names = cleanAuthors(line, {strict: true})
    return names.length > 0 ? {names, form: 'latin-label'} : undefined
  }
  const titled = STAFF_TITLE.exec(line)
  if (titled) {
    const names = cleanAuthors(titled[1], {strict: true})
    return names.length > 0 ? {names, form: 'staff-title'} : undefined
  }
  return undefined
}

/** A role label in brackets before the name (`【作者】周明远`, `［记者］李晓`, after `【】` became `（）`): read as a colon. */
const BRACKETED_LABEL = /^（(作者|记者|記者|撰文|撰稿|文字|编辑|編輯|责任编辑|責任編輯) ?）/u
/** Marks opening a byline in print layouts (`□本报记者 王五`, `◎ 文/赵六`). */
const LEAD_MARK = /^[□■◎●○◆◇▲△★☆▪]+ ?/u
/** A role label and its name joined by a bar or slash (`记者｜张三`, `作者 | 赵六`, `撰文/钱七`): read as a colon. */
const ROLE_BAR =
  /^((?:本报|本報|特约|特約|特派|特邀|见习|見習|实习|實習|首席)?(?:记者|記者|作者|撰文者|撰稿者|撰文|撰稿|撰述|采写|採寫|文字|评论员|評論員|通讯员|通訊員|(?:采访|採訪)?(?:整理|撰文)|采访|採訪|口述)) ?[|｜/／] ?/u
/** `文/本报记者 王五`, `文 | 澎湃新闻记者 白露`: the writer's mark before a reporter's label (after an outlet's name or none). */
const TEXT_BEFORE_ROLE = /^(?:文|图文|圖文) ?[/／|｜] ?(?=\p{Script=Han}{0,10}?(?:记者|記者))/u
/** `、` before a photo credit's label (`文／李淑芬、圖／王志強`): the credits are listed, the names not. */
const NEXT_PHOTO_CREDIT = /、(?=(?:图|圖|摄影|攝影|图片|圖片) ?[/／:：|｜])/gu
/** A label and a bar inside the line (`来源 | 澎湃新闻 作者 | 张三`): read as a colon. */
const LABEL_BAR = /(^|\s)(来源|來源|作者|撰文|编辑|編輯|责任编辑|責任編輯|责编|責編|摄影|攝影|校对|校對|审核|審核|统筹|統籌|策划|策劃) ?[|｜] ?/gu
/** `文/图`, `图文` closing a byline (`记者 张三 文/图`): the reporter took the photos too. */
const TEXT_AND_PHOTO_AFTER = / (?:文[/／](?:图|圖)|图文|圖文)$/u
/** `发自上海`, `發自台北` after a byline: where the reporter filed from, no name. */
const FILED_FROM = / ?(?:发自|發自) ?\p{Script=Han}{1,8}(?=$|[\s)）|｜])/u
/** `文、图/赵六`, `文/图 赵六`, `文图：赵六`: the writer took the photos too; read as `文/赵六` (`图文故事` is a column's name). */
const TEXT_AND_PHOTO = /^(?:文[、/／](?:图|圖|摄影|攝影)|文图|文圖|图文|圖文)(?: ?[/／|｜:：] ?| )/u
/**
 * Co-writers credited beside the first names (`通讯员 钱七`, `实习生 李四`; the
 * reporter after a correspondent, `（通讯员 郑和 记者 汪洋）`; the writer after
 * the interviewer, `採訪／陳雅琪 撰文／黃冠中`; who wrote up an account after
 * its teller, `口述／王秀英 整理／林小華`).
 */
const CO_WRITERS = ['通讯员', '通訊員', '实习生', '實習生', '记者', '記者', '撰文', '整理']
/** A reporter's label between a co-writer's role and the name (`整理：本报记者 刘芳`). */
const REPORTER_LABEL = /^(?:本报|本報|特约|特約|见习|見習|实习|實習)?(?:记者|記者) ?/u
/** A place glued to `报道` (`杭州报道`), or where the reporter filed from (`发自上海`). */
const REPORTED_FROM = /(?:报道|報導|报导|報道)$|^(?:发自|發自)/u
/** Words a run of names may take along that name no one (`责任` of `责任编辑`). */
const NOT_A_NAME = new Set(['责任', '責任', '摄影报道', '攝影報導', '图文报道', '圖文報導'])

/**
 * A two-character name set with a space inside it after a role label, the
 * way print layouts pad names to three characters (`本报记者 王 五`, often an ideographic space).
 */
const SPACED_NAME = /((?:记者|記者|作者|撰文|评论员|評論員|通讯员|通訊員|文 ?[/／:：|｜]) ?[:：]? ?)(\p{Script=Han}) (\p{Script=Han})(?=$|[\s)）|｜])/u

/** `王 五` after a role label as `王五`, when `王` is a family name. */
function spacedName(whole: string, label: string, family: string, given: string): string {
  return isChinesePersonName(family + given) ? label + family + given : whole
}

/**
 * A Chinese credit line in its plain form: print marks dropped
 * (`□本报记者 王五` → `本报记者 王五`), `【…】` and `〔…〕` as `（…）`, the bar
 * `丨` as `｜`, a name padded with a space joined (`王 五` → `王五`), a bar or slash
 * after a role label as a colon (`记者｜张三` → `记者：张三`), the writer's
 * mark before a reporter dropped (`文/本报记者 王五`), `文、图/` as `文/`,
 * the place a reporter filed from dropped (`本报记者 向南 发自上海`).
 */
function normalizeCjk(line: string): string {
  let value = line
    .replace(LEAD_MARK, '')
    .replace(/[【〔[]/g, '（')
    .replace(/[】〕\]]/g, '）')
    .replace(BRACKETED_LABEL, '$1：')
    .replace(/ ?丨 ?/g, '｜')
    .replace(SPACED_NAME, spacedName)
  value = value.replace(TEXT_BEFORE_ROLE, '').replace(TEXT_AND_PHOTO, '文/').replace(FILED_FROM, '').replace(NEXT_PHOTO_CREDIT, ' ').replace(TEXT_AND_PHOTO_AFTER, '')
  value = value.replace(LABEL_BAR, '$1$2：')
  return value.replace(ROLE_BAR, '$1：')
}

/**
 * The names of a Chinese byline, cleaned: words that are no names dropped
 * (`责任` before `编辑`, `摄影报道`), a place glued to `报道` after other
 * names dropped (`记者 张三 李四 北京报道`), an outlet opening the names dropped
 * (`文｜财新 张三 李四`), co-writers beside the first names
 * added (`本报记者 王五 实习生 李四`).
 */
function cjkNames(line: string, found: ReadonlyArray<string>, form: string): Array<string> {
  const names = found.filter((name) => !NOT_A_NAME.has(name))
  // `文｜财新 张三 李四`: the outlet opening the names is none of them.
  while (names.length > 1 && !isChinesePersonName(names[0]) && names.slice(1).every(isChinesePersonName)) names.shift()
  // `记者 张三 杭州报道`, `记者 张三 综合报道`: a place or a word glued to `报道` is no name; a name listed after `、` (`记者刘二、陈三报道`) is.
  const last = names[names.length - 1]
  const listed = names.length > 1 && /^[、，,]$/.test(line.charAt(line.indexOf(last) - 1))
  if (form === 'reported' && names.length > 1 && !listed && ['报道', '報道', '報導', '报导'].some((word) => line.includes(last + word))) names.pop()
  // In the order of the line (`记者张三 实习生李四 通讯员王五`).
  const coWriters: Array<[number, string]> = []
  for (const label of CO_WRITERS) {
    for (let at = line.indexOf(label, 1); at > 0; at = line.indexOf(label, at + label.length)) coWriters.push([at, label])
  }
  for (const [at, label] of coWriters.sort((a, b) => a[0] - b[0])) addCoWriters(line, at, label, names)
  return names
}

/** The co-writers named after `label` at `at` in `line` (`实习生 李四`), added to `names`. */
function addCoWriters(line: string, at: number, label: string, names: Array<string>): void {
  // `攝影記者 李大華`, `摄像记者`: who took the pictures.
  if (/(?:摄影|攝影|摄像|攝像)$/u.test(line.slice(0, at))) return
  const rest = line
    .slice(at + label.length)
    .replace(/^[\s:：/／|｜]+/, '')
    .replace(REPORTER_LABEL, '')
  const end = rest.search(/[)）】\]，。；,;|｜]/)
  for (const name of splitHan(end === -1 ? rest : rest.slice(0, end))) {
    // `杭州报道`: a place and `报道` end the names (`杭` opens names too).
    if (!isChinesePersonName(name) || REPORTED_FROM.test(name)) break
    if (!names.includes(name)) names.push(name)
  }
}

/** Han names separated by white space, `、` or commas; other text as one name. */
function splitHan(value: string): Array<string> {
  return value
    .split(/[\s、,，]+/)
    .map((name) => name.replace(/[)）\]]$/, '').trim())
    .filter(Boolean)
}

/** A value without a closing bracket or sentence end. */
function stripEnd(value: string): string {
  let end = value.length
  while (end > 0 && /[\s)）\].。]/.test(value[end - 1])) end--
  return value.slice(0, end)
}
