/**
 * Chinese bylines and credit lines: who wrote the article, told apart from
 * who edited it, who took its photos and which outlet published it.
 *
 * Forms read as the writer (one line of text each):
 *
 * | form                                   | example                                   |
 * | -------------------------------------- | ----------------------------------------- |
 * | role label, alone on its line          | `本报记者 王五`, `记者：张三 李四`, `作者：赵六` |
 * | outlet + role label                    | `新京报记者 陆一夫`, `新华社记者 张三、李四`     |
 * | role label in brackets, anywhere       | `新华社北京4月14日电（记者 张三 李四）今天…`      |
 * | commentator, correspondent             | `（评论员 罗博 萧海川）`, `通讯员 钱七`           |
 * | `记者 … 报道`                            | `记者 张三 报道`, after a dateline too (`…电 记者张三报道：…`) |
 * | `文/…`, `文｜…`                          | `文/赵六`, `文／李淑芬、圖／王志強`, `文｜赵六（某某大学教授）` |
 * | outlet, slash, reporters and place     | `民視新聞／王小明、李大華 台北報導`, `編譯王小明／綜合報導`      |
 * | writer's roles of Taiwan and Hong Kong | `撰文／林佳蓉`, `採訪／陳雅琪 撰文／黃冠中`, `特約撰述／林志明` |
 * | a written-up account                   | `口述／王秀英 整理／林小華` (the teller and the writer) |
 * | name and outlet                        | `石佳/中国青年报`, `中国青年报/石佳`              |
 * | names with their part                  | `【周明远/文】`, `周明远/文 陈思远/图` (the text's writer) |
 * | a name in brackets closing the article | `…举行。（张巨峰）`                            |
 * | an agency's dateline with its reporter | `（中央社記者林小美台北20日電）`                  |
 *
 * A byline stands alone: on a line of its own (after at most a short
 * dateline such as `本报讯`, before nothing but other credits or a date) or
 * in brackets; the same words inside a sentence (`记者在现场看到…`,
 * `据美联社记者张三报道，…`) name no author. Names followed by `摄`/`图`
 * credit a photo; `责任编辑`, `责编`, `编辑`, `核稿編輯`, `主编` name editors, never the
 * writer, nor do the copy's checkers (`校對`, `審核`); an outlet (`新京报`,
 * `澎湃新闻`) is never a person (see `chinese-names.ts`).
 *
 * @module
 */

import {isChinesePersonName, isCjkRoleWord, isOutletName} from './chinese-names.js'
import {placesEnding} from './place-names.js'
import {withoutAffiliation} from './affiliation.js'

const HAN_NAME = '\\p{Script=Han}{2,4}(?:[·•]\\p{Script=Han}{1,6})?'
/** Labels that may follow a byline on its line (other credits, a date). */
const CREDIT_LABEL =
  '单位|單位|来源|來源|稿源|出处|出處|发布|發布|时间|時間|日期|编辑|編輯|责任|責任|责编|責編|摄影|攝影|通讯员|通訊員|实习生|實習生|更新|字号|字號|原标题|原標題|点击|點擊|阅读|閱讀|浏览|瀏覽|校对|校對|译者|譯者|翻译|翻譯|审核|審核|审校|審校|校审|校審|策划|策劃|统筹|統籌|撰文|采访|採訪|整理|图|圖|主编|主編|核稿|编审|編審|设计|設計|美编|美編|插画|插畫|视频|視頻|制图|製圖|监制|監製|出品|制作|製作|记者|記者'
/** Labels ending a run of names: the credit labels but co-writers' roles (`记者 张三 通讯员 李四` is read as one run, `cjkNames` adds the co-writers). */
const NAMES_END = CREDIT_LABEL.split('|')
  .filter((label) => !/^(?:通讯员|通訊員|实习生|實習生|记者|記者|撰文|整理)$/.test(label))
  .join('|')
// Separators: a comma with optional white space around it, or white space
// alone; never two quantifiers over one run of white space. A label after
// white space (`作者：王五 发布时间：…`) ends the names: it is none of them.
const HAN_NAMES = `${HAN_NAME}(?:(?:\\s*[、,，]\\s*|\\s+(?!${NAMES_END}))${HAN_NAME})*`
const LATIN_NAME = "[\\p{L}][\\p{L} .'-]{1,40}?"
/** Reporter roles (the writer of news and commentary). */
const REPORTER =
  '(?:本报|本報|本台|本网|本網|特约|特約|特派|特邀|见习|見習|实习|實習|首席|驻\\p{Script=Han}{1,4})?(?:记者|記者|评论员|評論員)|(?:本报|本報)?(?:通讯员|通訊員)|(?:本报|本報|特约|特約|特邀){0,2}(?:撰稿人|撰述)'
/** An outlet or agency before the role, on a line of its own (`新京报记者`, `澎湃新闻记者`). */
const OUTLET_PREFIX = '\\p{Script=Han}{2,10}?'
/** An outlet's name opening a byline line, Latin letters and a middle dot too (`TVBS記者`, `经济日报·中国经济网记者`). */
const OUTLET_NAME = '[\\p{Script=Han}A-Za-z\\d]{2,10}?(?:[·•][\\p{Script=Han}A-Za-z\\d]{2,10}?)?'
/** The place a reporter files from, before `报道` (`台北`, `华盛顿`). */
const PLACE = '\\p{Script=Han}{2,6}'

const PATTERNS: ReadonlyArray<{form: string; pattern: RegExp}> = [
  {
    form: 'labelled',
    pattern: new RegExp(
      `(?:作者|撰文者|撰稿者|撰文|撰稿|撰稿人|撰述|采写|採寫|文字|(?:采访|採訪)?(?:整理|撰文)|采访|採訪|口述)\\s*[:：]\\s*(${HAN_NAMES}|${LATIN_NAME})(?=$|\\s{2,}|\\s*[|｜/／(（)）]|\\s*(?:${CREDIT_LABEL})|\\s*\\d)`,
      'u'
    )
  },
  {form: 'reported', pattern: new RegExp(`(?:${REPORTER})\\s*(?:[:：]\\s*)?(${HAN_NAMES})\\s*(?:报道|報導|报导|報道)`, 'u')},
  // `記者陳大文／台北報導`: the reporter, a slash, the place reported from; a translator writes foreign news so too (`編譯王小明／綜合報導`).
  {form: 'reported', pattern: new RegExp(`(?:${REPORTER}|编译|編譯)\\s*(?:[:：]\\s*)?(${HAN_NAMES})\\s*[/／]\\s*${PLACE}(?:报道|報導|报导|報道)`, 'u')},
  {form: 'outlet', pattern: new RegExp(`^[(（]?${OUTLET_NAME}(?:记者|記者|评论员|評論員)\\s*(?:[:：]\\s*)?(${HAN_NAMES})(?=$|\\s|[)）|｜(（])`, 'u')},
  {form: 'labelled', pattern: new RegExp(`(?:^|\\s|[(（])(?:${REPORTER})\\s*(?:[:：]\\s*)?(${HAN_NAMES})(?=$|\\s|[)）|｜(（/／])`, 'u')},
  // `民視新聞／王小明、李大華 台北報導`: an outlet, a slash, the reporters and the place reported from.
  // Names listed with `、` (white space ends them: one run of it, one quantifier).
  {form: 'outlet-reported', pattern: new RegExp(`^${OUTLET_NAME}\\s*[/／|｜]\\s*(${HAN_NAME}(?:[、,，]${HAN_NAME})*)\\s+${PLACE}(?:报道|報導|报导|報道)$`, 'u')},
  {form: 'labelled', pattern: new RegExp(`(?:^|[\\s(（])(?:文|图文|圖文|文图|文圖)\\s*[/／|｜:：]\\s*(${HAN_NAMES}|${LATIN_NAME})(?=$|\\s|[)）|｜/／(（])`, 'u')}
]

/** Sentence punctuation: a byline holds none before or after it on its line. */
const SENTENCE = /[，。！？；,!?;]/
/** What may follow a byline on its line: nothing, a separator, a closing bracket, another credit, a date. */
const AFTER_BYLINE = new RegExp(
  `^\\s*(?:$|[|｜/／·•]|[)）】〕\\]]|[:：]\\s*$|(?:本报|本報|特约|特約|见习|見習|实习|實習)?(?:${CREDIT_LABEL})|${OUTLET_NAME}(?:记者|記者|通讯员|通訊員)|\\d|[(（][^()（）]{1,30}[)）]\\s*(?:$|\\d|(?:${CREDIT_LABEL})))`,
  'u'
)
/** A photo credit: names followed by `摄`, `摄影`, `图`, `供图`. */
const PHOTO_AFTER = /^\s*(?:摄|攝|摄影|攝影|图|圖|供图|供圖|制图|製圖)(?!\s?[/／:：|｜]\s?\p{Script=Han})(?:$|[\s)）|｜/／])/u
/** A label's separator and a name next (`／張家豪`): the word before it labels that name. */
const NEXT_LABELLED = /^\s?[/／:：|｜]\s?\p{Script=Han}/u
const EDITOR = new RegExp(`(?:^|[\\s(（|｜])(?:责任编辑|責任編輯|核稿编辑|核稿編輯|责编|責編|编辑|編輯|核稿|主编|主編|编审|編審)\\s*(?:[:：/／|｜]\\s*)?(${HAN_NAMES})`, 'u')

/** A byline read from one line. */
export interface CjkByline {
  /** Names, in order. */
  names: Array<string>
  /** Which form it had (`labelled`, `reported`, `outlet`, `name-outlet`, `closing`, `agency-dateline`). */
  form: string
}

/**
 * Read a Chinese byline standing alone in one line of text.
 *
 * @param line
 *   One line of text, white space collapsed.
 * @returns
 *   Names and form, or `undefined` when the line holds no byline.
 */
export function readCjkByline(line: string): CjkByline | undefined {
  for (const {form, pattern} of PATTERNS) {
    const match = pattern.exec(line)
    if (!match) continue
    // After a dateline: `…电 记者张三报道：…`, and `本报讯 记者张三 今天…` (the names must then read as people's).
    const dateline = !standsAlone(line, match) && afterDateline(line, match, form)
    if (!standsAlone(line, match) && !dateline) continue
    const after = line.slice(match.index + match[0].length)
    // `王力 摄`, `王力 摄影` credit a photo; `撰文：林佳蓉 攝影：張家豪` goes on with the photographer's label.
    if (PHOTO_AFTER.test(after) || (endsWithPhotoCredit(match[1]) && !NEXT_LABELLED.test(after))) continue
    const names = splitNames(match[1]).filter((name) => !isOutletName(name))
    // A label glued to what follows (`记者了解到`) is a sentence, unless a name follows.
    const label = match[0].slice(0, match[0].indexOf(match[1]))
    // So is `文：` before what is not a person's name (`文：图书馆`): the colon opens other text than a byline too.
    const glued = !/[\s:：/／|｜]$/.test(label) || /文\s*[:：]\s*$/.test(label)
    if (glued && !names.every((name) => isChinesePersonName(name) || !/\p{Script=Han}/u.test(name))) continue
    // An outlet's name before the slash (`民視新聞／…`): only people's names after it.
    if ((form === 'outlet-reported' || dateline) && !names.every(isChinesePersonName)) continue
    if (names.length > 0) return {names, form}
  }
  return readAgencyDateline(line) ?? readNameOutlet(line) ?? readNameRoles(line)
}

/** `周明远/文`: a name and the part it did (`文` the text, `图`, `摄` the pictures). */
const NAME_ROLE = new RegExp(`^(${HAN_NAME}) ?[/／] ?(文|图|圖|摄|攝|摄影|攝影|图文|圖文|文图|文圖)$`, 'u')

/**
 * A line of names, each with the part it did after a slash (`【周明远/文】`,
 * `周明远/文 陈思远/图`), the way some papers credit the writer after the
 * name: the names of the text are the writers; every name must read as a
 * person's. Fixture: zh-byline-name-then-wen.
 *
 * @param line
 *   One line of text.
 * @returns
 *   Names and form, or `undefined`.
 */
export function readNameRoles(line: string): CjkByline | undefined {
  // A line of credits is short: a longer one is not read at all.
  if (line.length > 80) return undefined
  const inner = /^[(（]?(.{3,60}?)[)）]?$/u.exec(line.trim())
  if (!inner) return undefined
  const names: Array<string> = []
  for (const part of inner[1].replace(/ ?([/／]) ?/g, '$1').split(/[\s、]+/)) {
    const match = NAME_ROLE.exec(part)
    if (!match || !isChinesePersonName(match[1])) return undefined
    if (match[2].includes('文')) names.push(match[1])
  }
  return names.length > 0 ? {names, form: 'name-role'} : undefined
}

/** `（中央社記者林小美台北20日電）`: an agency's reporters, glued to the place and day of the dateline. */
const AGENCY_DATELINE = new RegExp(
  `^(?:[(（]${OUTLET_PREFIX}(?:记者|記者)((?:${HAN_NAME}[、,，])*)(\\p{Script=Han}{4,7})\\d{1,2}日(?:电|電)[)）]|${OUTLET_PREFIX}(?:记者|記者)((?:${HAN_NAME}[、,，])*)(\\p{Script=Han}{4,7})\\d{1,2}日(?:电|電)\\s)`,
  'u'
)

/**
 * The reporters of an agency's dateline in brackets opening the text, the
 * way Taiwan's Central News Agency writes it (`（中央社記者林小美台北20日電）`,
 * `（中央社記者林小美、王大明台北20日電）`), or without brackets before the
 * text's first space (`中央社記者李明宏台北7日電 行政院…`, often an ideographic space, as sites taking the
 * agency's copy print it): the last name runs into the place
 * without a break: a known place ending the run is the place and the rest
 * the name (`王明` + `華盛頓`, `張明` + `洛杉磯`; `place-names.ts`); else the
 * name is taken as three characters when at least two are left for the
 * place (`林小美` + `台北`), else two (`王明` + `台北`); every name must read as
 * a person's. Fixtures: meta-cjk-byline-agency-dateline,
 * meta-cjk-byline-agency-dateline-place.
 *
 * @param line
 *   One line of text.
 * @returns
 *   Names and form, or `undefined`.
 */
export function readAgencyDateline(line: string): CjkByline | undefined {
  const match = AGENCY_DATELINE.exec(line)
  if (!match) return undefined
  // In brackets (groups 1, 2), or opening the text before a space (groups 3, 4).
  const listed = (match[1] ?? match[3]).split(/[、,，]/).filter(Boolean)
  const run = match[2] ?? match[4]
  // A known place ending the run leaves the name (`王明` + `華盛頓`); else three characters when two are left for the place.
  const place = placesEnding(run).find((length) => isChinesePersonName(run.slice(0, -length)))
  const last = place ? run.slice(0, -place) : run.slice(0, run.length >= 5 ? 3 : 2)
  const names = [...listed, last]
  return names.every(isChinesePersonName) ? {names, form: 'agency-dateline'} : undefined
}

/**
 * A name and its outlet on a line of their own (`石佳/中国青年报`,
 * `中国青年报｜石佳`): the name must read as a person's, the other side as
 * an outlet's.
 *
 * @param line
 *   One line of text.
 * @returns
 *   The name, or `undefined`.
 */
export function readNameOutlet(line: string): CjkByline | undefined {
  const parts = line.split(/[/／|｜]/).map((part) => part.trim())
  if (parts.length !== 2) return undefined
  const [first, second] = parts
  if (isChinesePersonName(first) && isOutletName(second)) return {names: [first], form: 'name-outlet'}
  if (isOutletName(first) && isChinesePersonName(second)) return {names: [second], form: 'name-outlet'}
  return undefined
}

/**
 * Names in brackets closing a paragraph, the way Chinese news closes an
 * article with its writers (`…正式启动。（张巨峰）`, `（张三 李四）`): every
 * name must read as a person's (`（化名）`, `（完）`, `（新华社）` name none).
 *
 * @param text
 *   Text of a paragraph, white space collapsed.
 * @returns
 *   Names and form, or `undefined`.
 */
export function readClosingNames(text: string): CjkByline | undefined {
  const trimmed = text.trimEnd()
  if (!/[)）]$/.test(trimmed)) return undefined
  const open = Math.max(trimmed.lastIndexOf('（'), trimmed.lastIndexOf('('))
  if (open === -1 || open < trimmed.length - 30) return undefined
  // Closing a sentence, or the paragraph's only text.
  const before = trimmed.slice(0, open).trimEnd()
  if (before && !/[。！？!?.”」』"…]$/.test(before)) return undefined
  const inner = trimmed.slice(open + 1, -1).trim()
  const names = splitNames(inner)
  if (names.length === 0 || !names.every(isChinesePersonName)) return undefined
  return {names, form: 'closing'}
}

/** `（作者为…教授王明远）`, `（作者系…）`, `（作者单位：…）`, `（作者分别为…）`: a closing note on who the writers are. */
// Read on collapsed text: the group takes the white space around it (trimmed after), so no two quantifiers share a run of spaces.
const AFFILIATION_NOTE = /^[(（] ?(?:本文)?作者(?:分别|均|皆)?(?:为|為|系|係|是|单位|單位|简介|簡介)[:：]?([^)）]{2,80})[)）]$/u
/** `作者简介：王明远，…`, `【作者简介】王明远（…）`: a biography of the writer closing the article, the name first. */
const AUTHOR_BIO = /^[【[(（]?(?:作者简介|作者簡介|作者介绍|作者介紹)[】\])）]?[:：]? ?(\p{Script=Han}{2,4})[，,。；;（( ]/u
/** Titles before a writer's name at the end of such a note (`…教授王明远`, `…研究员 刘晓红`). */
const NOTE_TITLE =
  /(?:教授|讲师|講師|研究员|研究員|院长|院長|所长|所長|主任|博士|硕士|碩士|学者|學者|专家|專家|主编|主編|书记|書記|律师|律師|记者|記者|评论员|評論員|研究生|教师|教師|分析师|分析師|经济学家|經濟學家)\s*/gu

/** A closing note on who the writers are, with the names it gives (maybe none). */
export interface AffiliationNote {
  /** Names the note gives after the last title (`王明远` of `…教授王明远`); empty when it names none. */
  names: Array<string>
}

/**
 * A note closing an article on who wrote it, the way Chinese commentary and
 * theory pages end (`（作者为中国人民大学经济学院教授王明远）`, `（作者系…副教授 刘晓红）`,
 * `（作者单位：…学院）`): the names after the last title, if any; a biography
 * opening with the name (`作者简介：王明远，…教授`) names it. A note that
 * names no one (`（作者系某某大学教授）`) still says that the article has writers
 * named elsewhere: a line of nothing but names opening the text (see
 * `readNamesLine`). Fixture: meta-cjk-byline-closing-affiliation.
 *
 * @param text
 *   Text of a paragraph, white space collapsed.
 * @returns
 *   The note, or `undefined` when the paragraph is none.
 */
export function readAffiliationNote(text: string): AffiliationNote | undefined {
  const line = text.replace(/\s+/g, ' ').trim()
  // `作者简介：王明远，某某大学教授…`: the name opens the biography.
  const bio = AUTHOR_BIO.exec(line)
  if (bio) return {names: isChinesePersonName(bio[1]) ? [bio[1]] : []}
  const match = AFFILIATION_NOTE.exec(line)
  if (!match) return undefined
  const note = match[1].trim()
  let after = -1
  for (const title of note.matchAll(NOTE_TITLE)) after = title.index + title[0].length
  const tail = after === -1 ? '' : note.slice(after)
  const names = tail ? splitNames(tail) : []
  return {names: names.length > 0 && names.every(isChinesePersonName) ? names : []}
}

/**
 * A line of nothing but one to three people's names (`陈思远`, `王刚 李娜` (an ideographic space between them, often)),
 * the way theory and commentary pages set the writer above the text when a
 * closing note (`readAffiliationNote`) says who they are.
 *
 * @param line
 *   One line of text, white space collapsed.
 * @returns
 *   The names, or `undefined` when the line holds anything else.
 */
export function readNamesLine(line: string): Array<string> | undefined {
  const names = line
    .trim()
    .split(/[\s、]+/u)
    .filter(Boolean)
  return names.length > 0 && names.length <= 3 && names.every(isChinesePersonName) ? names : undefined
}

/**
 * Editors named in a credit line (`责任编辑：赵六`, `责编 钱七`, `编辑 刘晓阳`):
 * they edited the article and are not its authors.
 *
 * @param text
 *   Text.
 * @returns
 *   Names (may be empty).
 */
export function readCjkEditors(text: string): Array<string> {
  const match = EDITOR.exec(text)
  if (!match) return []
  // Without a colon (`编辑 刘晓阳`) only names that read as people's.
  const colon = /[:：]/.test(match[0])
  return splitNames(match[1]).filter((name) => !isOutletName(name) && (colon ? isNameLike(name) : isChinesePersonName(name)))
}

/**
 * Whether a line credits an editor (`责任编辑：赵六`, `编辑 刘晓阳`) and no writer.
 *
 * @param line
 *   One line of text.
 * @returns
 *   Whether it is an editor's credit.
 */
export function isEditorCredit(line: string): boolean {
  return readCjkEditors(line).length > 0 && readCjkByline(line) === undefined
}

/** Names in a run (`张三 李四`, `张三、李四`), up to the first role or credit word (`编辑 刘晓阳 校对 李铭`), each without an affiliation glued to it. */
function splitNames(value: string): Array<string> {
  if (!/\p{Script=Han}/u.test(value)) return [value.trim()]
  const names: Array<string> = []
  for (const part of value.split(/[\s、,，]+/)) {
    if (!part) continue
    if (isCjkRoleWord(part)) break
    // `作者：吴敏南京大学社会学院教授`: the name without its affiliation.
    names.push(withoutAffiliation(part))
  }
  return names
}

/** Whether a run of names goes on with a photo credit (`王力 摄影`). */
function endsWithPhotoCredit(value: string): boolean {
  return /(?:^|[\s、,，])(?:摄影|攝影|供图|供圖|制图|製圖)$/u.test(value)
}

function isNameLike(name: string): boolean {
  return isChinesePersonName(name) || /^\p{Script=Han}{2,4}$/u.test(name)
}

/** Last characters of a dateline (`新华社北京11月3日电`, `本报讯`). */
const DATELINE_END = new Set(['电', '電', '讯', '訊'])

/**
 * Whether a byline opens the text right after its dateline: a `记者 … 报道`
 * byline and its colon or comma (`新华社北京11月3日电 记者刘二、陈三报道：…`),
 * or a reporter's label and names, then white space and the text
 * (`本报讯 记者张三 今年入春以来…`). Reported speech (`据美联社记者张三报道，…`)
 * has no dateline before it. Fixtures: meta-cjk-byline-reported-dateline,
 * zh-byline-dateline-reporter.
 */
function afterDateline(line: string, match: RegExpExecArray, form: string): boolean {
  // The labelled patterns may take the white space before the label.
  const before = line.slice(0, match.index + (/^\s/.test(match[0]) ? 1 : 0)).trimEnd()
  const after = line.slice(match.index + match[0].length)
  if (before.length > 30 || !DATELINE_END.has(before.slice(-1)) || SENTENCE.test(before)) return false
  return form === 'reported' ? /^[:：，,]/.test(after) : form === 'labelled' && /^\s+[^\s，。！？；,!?;]/.test(after)
}

/**
 * Whether a byline match stands alone on its line: in brackets
 * (`…电（记者 李四 王五）今天…`), or after at most a short dateline without
 * sentence punctuation and before nothing but other credits or a date
 * (`本报记者 张三`, `作者：张三 来源：新华网 2020-04-14`).
 */
function standsAlone(line: string, match: RegExpExecArray): boolean {
  // The patterns may take the white space or bracket before the label.
  const lead = /^[\s(（]/.test(match[0]) ? 1 : 0
  const before = line.slice(0, match.index + lead).trimEnd()
  const after = line.slice(match.index + match[0].length)
  if (/[(（【〔[]$/.test(before) && /^[^，。！？；,.!?;(（]{0,40}[)）】〕\]]/.test(after)) return true
  // Other credits before it (`发布时间:2021-03-04 08:30:12 来源:河湾晨报 作者:…`) make a longer line of credits.
  return before.length <= (CREDITS_BEFORE.test(before) ? 60 : 30) && !SENTENCE.test(before) && AFTER_BYLINE.test(after)
}

/** A source's or a date's label: what opens an info row of credits. */
const CREDITS_BEFORE = /(?:来源|來源|稿源|时间|時間|日期)\s*[:：]/u
