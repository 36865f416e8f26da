/**
 * Read the visible byline, credit line and date of a page.
 *
 * - author: elements whose class/id hints at a byline (`byline`, `author`,
 *   `writer`, `reporter`, `meta-author`, `post-author`), then text that
 *   starts a byline: `By Jane Doe and John Roe`, `Von …`, `作者：…`,
 *   `记者 张三 报道`, `記者…報導`, `文／…`, `文/…`, then links to an author
 *   page (`/author/jane-doe`); editors in charge (`责任编辑：…`) are kept apart
 *   as `editors`, never taken as the author.
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

import type {Element, Root} from 'hast'
import type {Found} from './found.js'
import type {CueText, Located, PageIndex} from '../page-index.js'
import {attr, boilerplate, collapse, hintOf, textOf, textWithin} from '../page-index.js'
import {cleanAuthors} from './author-names.js'
import {completeDate, findDate, findPartialDate, isYearlessDay} from '../../util/normalize-date.js'
import type {DayOrder, FoundDate, PartialDate} from '../../util/normalize-date.js'
import {shortText} from '../blocks/short-text.js'
import {endLines} from '../../util/rendered-lines.js'
import {recordedEnds} from '../rendered-text.js'
import {recordedHeaderTexts, walkedHeaderTexts} from './header-texts.js'
import {memoText, readingTexts, renderedOnce} from '../text-memo.js'
import {bylineColonLabel, bylineLabel, bylineLabelLead, bylineLabelPhrase, bylineLabelSentenceWord, bylineNotName, readingTime, unlikelyStrong} from '../vocabulary.js'
import {isPhotoCredit, readAffiliationNote, readClosingNames, readCredits, readNamesLine} from './credit-line.js'
import {authorBoxName} from './author-box.js'
import {closingBio, closingSignature, signatureLine} from './closing-byline.js'
import {CLOSING_CREDIT_LINES, closingAgencyCredit, openingAgencyCredit} from './agency-credit.js'
import {isPersonLike, isPublisher, titleSuffixes} from './person-like.js'
import {isWeChatPage, readWeChat} from './wechat.js'
import {isTeaserDate} from './teaser-date.js'

export interface BylineMeta {
  author?: Found<Array<string>>
  /** Editors in charge (`责任编辑：…`): named on the page, never the author. */
  editors?: Found<Array<string>>
  source?: Found<string>
  date?: Found<string>
  /** A dateline opening the article's text (`29.11.2022 – …`, `(21. November 2022) …`). */
  dateline?: Found<string>
  /** The site's owner, for a personal site naming no writer elsewhere: the copyright line (`© 2012–2020 Jane Roe`), a possessive title (`Jane Roe's Blog`). */
  owner?: Found<Array<string>>
  /** A visible last-edited date (`This page was last edited on …`, a wiki's `#footer-info-lastmod`): a modified date. */
  modified?: Found<string>
  /** A visible date without its year (`发布时间：10-08`, `11月30日 10:20`): completed from another date of the page. */
  partialDate?: Found<PartialDate>
  /** The article's last lines, when no byline was found above them: where a signature may stand. */
  closingLines?: Array<string>
}

/** `来源：河湾晨报`: the outlet up to white space or a separator, or a date or the next label glued to it (`河湾晨报2021-03-04`, `河湾晨报作者：…`, spans without space between them). */
const SOURCE =
  /(?:来源|來源|稿源|出处|出處|source)\s*[:：]\s*([^\s|｜,，。;；:：()（）[\]【】]{2,30}?(?: [A-Z][\w&.-]*){0,3})(?=$|[\s|｜,，。;；:：()（）[\]【】]|\d{2,4}[-/.年]\d|(?:作者|记者|記者|责任编辑|責任編輯|编辑|編輯|责编|責編|发布|發布|时间|時間|日期|浏览|瀏覽|点击|點擊|阅读|閱讀)\s*[:：])/iu
const LATIN_LABEL = new RegExp(`^\\(?(?:(?:${bylineLabelLead}\\s+)?(?:${bylineLabel})|${bylineLabelPhrase})(?=[\\s:：]|$)|^${bylineColonLabel}\\s*[:：]`, 'i')
/** A label of a credit line that may carry the date (`发布时间：`, `来源：`, `发布于`, `校對：`, `記者…／台北報導 `); `记者会` (a press conference), `发布会` are none. */
const CREDIT_DATE_LABEL = /(?:时间|時間|日期|来源|來源|作者|记者|記者|校对|校對|审核|審核|审校|審校)\s*[:：]|(?:发布|發布|发表|發表)(?:时间|時間|日期|于|於)|(?:记者|記者)\s|(?:报道|報導|报导)\s/
/** Words saying a date is the last update's (English, German, Chinese, French, Spanish, Italian, Portuguese, Dutch). Test: test/byline-kinds.ts. */
const UPDATED = /updat|modif|lastmod|edited|geändert|bearbeitet|aktualisiert|更新|修改|mise? à jour|actualisé|actualizad|última edición|aggiornat|atualizad|bijgewerkt|gewijzigd/i
/** `ByJane Roe`: the label glued to the name. */
const GLUED_BY = /^By(?=\p{Lu}\p{Ll})/u
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
export function readByline(index: PageIndex, siteNames: Array<string | undefined>, root?: Element | undefined, tree?: Root | undefined, order?: DayOrder | undefined): BylineMeta {
  // The same byline and date elements are read several times: their texts once.
  return readingTexts(() => readBylineTexts(index, siteNames, root, tree, order))
}

function readBylineTexts(index: PageIndex, siteNames: Array<string | undefined>, root: Element | undefined, tree: Root | undefined, order: DayOrder | undefined): BylineMeta {
  const meta: BylineMeta = {}
  const options = {siteNames, strict: true}
  const dateOptions = {order}
  const brands = [...siteNames, ...titleSuffixes(index.title)]
  // The site's own name in a byline element (a masthead marked `vcard author`, a house account): kept for when no other byline names anyone.
  let brand: Found<Array<string>> | undefined
  // A WeChat article: its writer is the byline, its account's name the author only when no one else is named.
  const wechat = tree && isWeChatPage(index, tree) ? readWeChat(tree) : undefined
  const writer = wechat?.writer ? cleanAuthors(wechat.writer, options) : []
  if (writer.length > 0) meta.author = {value: writer, from: 'byline:wechat'}

  for (const entry of meta.author ? [] : preferred(withoutListings(index.bylines))) {
    if (linksHome(entry.element, entry.ancestors)) continue
    const names = fromHinted(entry.element, siteNames, entry.ancestors)
    if (names.length === 0) continue
    if (names.every((name) => isPublisher(name, brands))) {
      brand ??= {value: names, from: 'byline'}
      continue
    }
    meta.author = {value: names, from: 'byline'}
    break
  }

  const editor: Array<string> = []
  for (const cue of preferred(index.cues)) {
    const {text, lines} = cueText(cue)
    if (!meta.author) {
      const names = cjkAuthors(lines, siteNames) ?? latinAuthors(cue, text, options)
      if (names && names.length > 0) meta.author = {value: names, from: 'byline'}
    }
    for (const name of cleanAuthors(creditedAs(text, 'editor'), options)) if (!editor.includes(name)) editor.push(name)
    if (!meta.source) {
      const source = SOURCE.exec(text)
      if (source) meta.source = {value: source[1], from: 'credit-line'}
    }
    // A byline holding the date (`Published by Jane Roe on March 3, 2023`, `By Jane Roe on 3/3/2023`, `Geschrieben am 3. März 2023 von Jane Roe`). Fixture: meta-author-byline-forms; test: test/byline-kinds.ts.
    // Its own text when the text around it is more (a header holding the headline and `Posted by Jane Roe on March 3, 2023`). Test: test/latin-news-grid.ts.
    const dating = LATIN_LABEL.test(text) || datedBeforeBy(text) ? text : LATIN_LABEL.test(cue.value) || datedBeforeBy(cue.value) ? cue.value : undefined
    if (!meta.date && dating) {
      const date = publishedDate(dating, order)
      if (date) meta.date = dated(date, 'visible-date')
    }
    if (!meta.date && CREDIT_DATE_LABEL.test(text) && !/^(?:更新|修改)/.test(text)) {
      // `更新時間：… 發佈時間：…`: the published day after the updated one.
      const date = publishedDate(text, order) ?? findDate(text, dateOptions)
      if (date) meta.date = dated(date, 'credit-line')
      else notePartial(meta, [cue.value, text], 'credit-line')
    }
  }

  // Links to an author page: `<a href="/author/jane-doe">Jane Doe</a>`.
  if (!meta.author) {
    for (const entry of preferred(index.authorLinks)) {
      if (entry.paragraph && mentionedInProse(entry.element, entry.paragraph)) continue
      const names = fromHinted(entry.element, siteNames)
      if (names.length === 0) continue
      if (names.every((name) => isPublisher(name, brands))) {
        brand ??= {value: names, from: 'author-link'}
        continue
      }
      meta.author = {value: names, from: 'author-link'}
      break
    }
  }

  // A date and a name on one short line (`11.12.2019 - Jane Roe`, `Jane Roe | 11.12.2019`).
  if (!meta.author) {
    for (const entry of preferred(withoutDateListings(index.dateTexts))) {
      if ([entry.element, ...entry.ancestors].some((element) => element.tagName === 'a' || element.tagName === 'td' || element.tagName === 'th')) continue
      const name = datedName(entry.value, siteNames)
      if (name) {
        meta.author = {value: [name], from: 'byline:dated'}
        break
      }
    }
  }

  // The article's first and last lines, read once for the bylines and the dateline in its text (its first only, for the dateline, once the author is known).
  // Told by the index walk's rendered text when it knows the root, else read from the root's ends.
  // With a byline, the last lines are read only for an agency's credit closing the text, while no source is known.
  const rootLines = root
    ? meta.author
      ? rootEnds(index, tree, root, DATELINE_LINES, meta.source ? 0 : CLOSING_CREDIT_LINES)
      : rootEnds(index, tree, root, Math.max(DATELINE_LINES, BODY_ENDS), BODY_ENDS)
    : []
  // The last lines, for a signature closing the article (`readClosingAuthor`); a short article's lines are all there once, its last ones too.
  if (!meta.author && root) meta.closingLines = rootLines.slice(-BODY_ENDS)

  // Bylines inside the article's text: `石佳/中国青年报` opening it, `（张巨峰）` closing it.
  if (!meta.author && root) {
    const names = bodyByline(rootLines, siteNames) ?? (tree ? headerByline(tree, index, root, siteNames) : undefined)
    if (names) meta.author = names
  } else if (meta.author && root && !meta.author.value.some((name) => isPersonLike(name, brands))) {
    // An account's name in a byline element (`城市观察家`) yields to a person's byline in the text (`文 | 乔木`). Fixture: meta-cjk-byline-account-and-writer.
    const names = bodyByline(rootLines.slice(0, DATELINE_LINES), siteNames)
    if (names && names.value.every((name) => isPersonLike(name, brands))) {
      meta.author = {...names, passed: [{value: meta.author.value.join(', '), from: meta.author.from, reason: 'not person-like'}]}
    }
  }

  // A sign-off closing the article (`— Jane Roe`), a biography closing it (`Jane Roe is a reporter for …`).
  if (!meta.author && root) {
    const names = signOff(rootLines, siteNames) ?? closingBio(rootLines.slice(DATELINE_LINES).reverse(), brands)
    if (names) meta.author = names
  }

  // An agency's credit closing the text (`(Jane Roe, dpa)`, `Jane Roe/AFP`, `(jr/dpa)`): the agency is the source, a person before it the writer when no byline named one. Test: test/closing-byline.ts.
  if (root && (!meta.author || !meta.source)) {
    const credit = closingAgencyCredit(rootLines, brands)
    if (credit?.author && !meta.author) meta.author = credit.author
    if (credit && !meta.source) meta.source = credit.source
  }
  // Else an agency's credit in the dateline opening the text (`CHICAGO (Reuters) —`, `新华社北京3月5日电`), a byline or none. Fixture: meta-credit-agency-dateline-with-byline.
  if (root && !meta.source) {
    const agency = openingAgencyCredit(rootLines.slice(0, DATELINE_LINES))
    if (agency) meta.source = agency
  }

  if (!meta.author && wechat?.account) meta.author = {value: [wechat.account], from: 'byline:wechat-account'}
  // The account published the article: its `source` unless a credit line names where the text came from (`来源：…`). Fixtures: meta-wechat-article, meta-wechat-account-only.
  if (!meta.source && wechat?.account) meta.source = {value: wechat.account, from: 'wechat:account'}
  if (!meta.author && brand) meta.author = brand

  const owner = siteOwner(index)
  if (owner) meta.owner = owner

  if (root) {
    const dateline = readDateline(rootLines, order)
    if (dateline) meta.dateline = dateline
  }

  // The editor in charge is recorded, never taken as the author.
  if (editor.length > 0) meta.editors = {value: editor, from: 'credit-line:editor'}

  if (!meta.date) {
    for (const entry of preferred(withoutDateRows(index.dates))) {
      // A date element holding more (the whole article) is read no further than that.
      const text = textWithin(entry.element, 160)
      if (text === undefined || UPDATED.test(hintOf(entry.element))) continue
      const found = publishedDate(text, order) ?? findDate(partsOf(entry.element), dateOptions) ?? titledDate(entry.element)
      // A teaser's date (`teaser-date.ts`) dates the article it links to.
      if (found && isTeaserDate(entry.element, entry.ancestors, text, index)) continue
      if (found && !UPDATED.test(text.normalize('NFKC').slice(0, found.index))) {
        meta.date = dated(found, 'visible-date')
        break
      }
      if (!found && text.length <= 40 && !UPDATED.test(text)) notePartial(meta, [text], 'visible-date')
    }
  }

  const modified = lastEdited(index, order)
  if (modified) meta.modified = modified

  if (!meta.date) {
    const rows = bylineRows(index)
    for (const entry of preferred(withoutDateListings(index.dateTexts))) {
      const around = [entry.element, ...entry.ancestors]
      // A date in a table cell dates a row (a discography, a schedule), unless the row is the byline's (`26 | 01 | 2022 | Text & Fotos: Jane Roe`); one in a link, the page it links to.
      if (
        around.some((element) => element.tagName === 'a') ||
        (around.some((element) => element.tagName === 'td' || element.tagName === 'th') && !rows.has(around.find((element) => element.tagName === 'tr')))
      )
        continue
      const date = dateOnly(entry.value, order)
      // A list item or card linking to another article dates that one (`<li><a>Other story</a> 2 March 2024</li>`). Fixture: meta-date-teaser-list-in-article.
      if (date && !isTeaserDate(entry.element, entry.ancestors, entry.value, index)) {
        meta.date = dated(date, 'visible-date')
        break
      }
    }
  }
  // WeChat's publication instant, from the page's script when `#publish_time` was saved empty.
  if (!meta.date && wechat?.date) meta.date = {value: wechat.date, from: 'wechat:ct'}
  // A day shown without its year in an unlabelled span (`03-15 09:10`), not one of a list's rows or links, on a page whose language sets no day order (Chinese, Japanese, unknown: `15-03` is another day in Europe): completed later from the page's own dates only. Fixture: meta-date-yearless-span.
  if (!meta.date && !meta.partialDate && !order) {
    const yearless = preferred(withoutDateListings(index.dateTexts)).find(
      (entry) => isYearlessDay(entry.value) && ![entry.element, ...entry.ancestors].some((element) => ROW_TAGS.has(element.tagName))
    )
    if (yearless) notePartial(meta, [yearless.value], 'visible-date:yearless')
  }
  return meta
}

/**
 * The writer named where a page credits no one else: a signature closing
 * the article (`closing-byline.ts`), else an author box anywhere on the
 * page, boilerplate too (`div.author-bio.footer`, `author-box.ts`). Read
 * only when no other source names a person, as they read elements no other
 * reader needs.
 *
 * @param index
 *   Page index.
 * @param root
 *   Article root, when known.
 * @param closingLines
 *   The article's last lines (`BylineMeta.closingLines`).
 * @param brands
 *   Names of the site and its publisher.
 * @returns
 *   Names and their source, or `undefined`.
 */
export function readClosingAuthor(index: PageIndex, root: Element | undefined, closingLines: ReadonlyArray<string> | undefined, brands: Array<string | undefined>): Found<Array<string>> | undefined {
  return readingTexts(() => {
    // The article's elements are read only when one of its last lines is a name alone, or the page right-aligns something (a signature further up, a footnote or an aside after it).
    const signature = root && (index.rightAligned || closingLines?.some((line) => signatureLine(line, brands))) ? closingSignature(root, brands) : undefined
    if (signature) return signature
    const boxes = withoutListings(index.bylines)
    return authorBoxName([...preferred(boxes), ...boxes.filter((entry) => entry.context.excluded)], brands)
  })
}

/** Elements whose dates date a row of a list or table, or the page a link leads to. */
const ROW_TAGS = new Set(['a', 'li', 'dd', 'dt', 'td', 'th'])

/**
 * The first `head` and last `tail` lines of `root` (`endLines`): from the
 * index walk's rendered text of `tree` when it tells them, else read from
 * the root's ends.
 */
function rootEnds(index: PageIndex, tree: Root | undefined, root: Element, head: number, tail: number): Array<string> {
  // Related stories, comments or a share bar closing the root (`section.related-posts`, `div.sharedaddy` inside it) end no text: its last lines are before them. Test: test/latin-news-grid.ts.
  const text = tail > 0 ? withoutClosingBoilerplate(root) : root
  if (text !== root) return endLines(text, head, tail)
  return (tree && recordedEnds(index.renderedText, tree, root, head, tail)) || endLines(root, head, tail)
}

/** `root` without the boilerplate elements closing it (a shallow copy), else `root` itself. */
function withoutClosingBoilerplate(root: Element): Element {
  let end = root.children.length
  for (let at = end - 1; at >= 0; at--) {
    const child = root.children[at]
    if (child.type === 'text' && !child.value.trim()) continue
    if (child.type !== 'element' || !(boilerplate(hintOf(child)) || unlikelyStrong.test(hintOf(child)))) break
    end = at
  }
  return end < root.children.length ? {...root, children: root.children.slice(0, end)} : root
}

/** MediaWiki's last-edited line (`<li id="footer-info-lastmod">`). */
const WIKI_LAST_EDITED = /(?:^|\s)footer-info-lastmod(?:$|\s)/

/**
 * The date a date element says the page was last edited or updated on
 * (`Diese Seite wurde zuletzt am 14. März 2021 bearbeitet.`, `Last updated:
 * …`): its class/id or the words before the date say so. Page footers
 * count (a wiki prints it there), MediaWiki's own line first
 * (`wiki:last-edited`: the page's date, see `generic-meta.ts`), then the
 * article's. Fixture: meta-date-wiki-last-edited.
 */
function lastEdited(index: PageIndex, order: DayOrder | undefined): Found<string> | undefined {
  // A wiki's own line first: other dates of a wiki page are the subject's.
  const wiki = index.dates.filter((entry) => WIKI_LAST_EDITED.test(hintOf(entry.element)))
  const entries = [...wiki, ...preferred(index.dates), ...index.dates.filter((entry) => entry.context.excluded)]
  for (const entry of entries) {
    const text = textWithin(entry.element, 160)
    if (text === undefined) continue
    const found = findDate(text, {order})
    if (found && (UPDATED.test(hintOf(entry.element)) || UPDATED.test(text.normalize('NFKC').slice(0, found.index)) || UPDATED.test(text.normalize('NFKC').slice(found.end)))) {
      return dated(found, WIKI_LAST_EDITED.test(hintOf(entry.element)) ? 'wiki:last-edited' : 'visible-date:modified')
    }
  }
  return undefined
}

/**
 * Keep the first day shown without its year (`10-08`, `11月30日`); one with a
 * two-digit year (`18-03-08`) is a whole date.
 */
function notePartial(meta: BylineMeta, texts: Array<string>, from: string): void {
  if (meta.partialDate || meta.date) return
  for (const text of texts) {
    const partial = findPartialDate(text)
    if (!partial) continue
    const whole = completeDate(partial, undefined)
    if (whole) meta.date = {value: whole, from}
    else meta.partialDate = {value: partial, from}
    return
  }
}

/**
 * Text of a date shown in parts (`<span class="month">Apr</span><span
 * class="day">04</span><span class="year">2013</span>`, a calendar badge):
 * each text node a word, so the parts no longer run together (`Apr 042013`).
 * Fixture: meta-date-in-parts.
 */
function partsOf(element: Element): string {
  const words: Array<string> = []
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (child.type === 'text') words.push(child.value)
      else if (child.type === 'element' && child.tagName !== 'script' && child.tagName !== 'style') visit(child)
    }
  }
  visit(element)
  return collapse(words.join(' '))
}

/** A separator between a date and a name on one line. */
const DATE_NAME_SEPARATOR = new Set(['-', '–', '—', '|', '·', '•'])

/**
 * The person named beside a date on a short line of its own, the two
 * parted by a dash, bar or dot (`11.12.2019 - Jane Roe`, `Jane Roe | 11.
 * December 2019`): a name that reads as a person's (`person-like.ts`),
 * nothing else on the line. Fixture: meta-author-date-dash-name.
 */
function datedName(text: string, siteNames: Array<string | undefined>): string | undefined {
  if (text.length > 80) return undefined
  // A reading time ending the row (`Jane Roe · 3 March 2023 · 5 min read`) is no part of it.
  let normal = text.normalize('NFKC').replace(readingTime, '')
  while (/[\s|·•,-]/.test(normal.slice(-1))) normal = normal.slice(0, -1)
  const found = findDate(normal)
  if (!found) return undefined
  const before = normal.slice(0, found.index).trim()
  const after = normal.slice(found.end).trim()
  if ((before && after) || (!before && !after)) return undefined
  const name = before ? before.slice(0, -1).trim() : after.slice(1).trim()
  if (!DATE_NAME_SEPARATOR.has(before ? before.slice(-1) : after[0])) return undefined
  const names = cleanAuthors(name, {siteNames, strict: true})
  return names.length === 1 && names[0] === name && isPersonLike(name, siteNames) ? name : undefined
}

/**
 * Whether a byline element is the site's masthead: it is, holds or sits in
 * a link to the site's home page (`<h1 class="vcard author"><a href="/"
 * title="Home">Site</a></h1>`, as blog themes mark the site's hCard). An
 * author's link goes to the author's page, never to `/`.
 * Fixture: meta-author-masthead-vcard.
 */
function linksHome(element: Element, ancestors: ReadonlyArray<Element>): boolean {
  const links: Array<Element> = ancestors.slice(0, 3).filter((node) => node.tagName === 'a')
  const visit = (node: Element) => {
    if (node.tagName === 'a') links.push(node)
    for (const child of node.children) if (child.type === 'element') visit(child)
  }
  visit(element)
  return links.some((link) => {
    const href = String(link.properties.href ?? '').trim()
    if (!href) return false
    try {
      const url = new URL(href, 'https://site.invalid/')
      return url.pathname === '/' && !url.search && !url.hash
    } catch {
      return false
    }
  })
}

/** A dash opening a sign-off line (`— Jane Roe`, `-- Jane Roe`). */
const SIGN_OFF = /^(?:[—–]|-{1,2}|~)\s*(\S.{2,60})$/u

/**
 * A sign-off closing the article: one of its last lines holds nothing but a
 * dash and a person's name (`— Jane Roe`, `-- Jane Roe, Berlin`), the way
 * letters, columns and blog posts are signed. The name must read as a
 * person's (`person-like.ts`): `— The Editors` or a quote's attribution in
 * a sentence is none. Fixture: meta-author-signature-line.
 */
function signOff(lines: ReadonlyArray<string>, siteNames: Array<string | undefined>): Found<Array<string>> | undefined {
  // A short article's lines are all there: its last line after its first (`test/latin-news-grid.ts`).
  const tail = lines.slice(Math.max(Math.min(BODY_ENDS, lines.length - 1), lines.length - 2)).reverse()
  for (const line of tail) {
    const match = SIGN_OFF.exec(line.normalize('NFKC').trim())
    if (!match) continue
    // `— Jane Roe, Berlin`: the name before a place or a role.
    const name = match[1].split(/\s?[,|/]\s?/)[0].trim()
    if (isPersonLike(name, siteNames)) return {value: [name], from: 'byline:sign-off'}
  }
  return undefined
}

/** Where a copyright line names its owner: after `©`, `(c)`, `Copyright`, or `by` after a year (`2006-2008 by Jane Roe`). */
const COPYRIGHT_MARK = /©|\(c\)|\bcopyright\b|\burheberrecht\b|(?<=\d{4}) (?:by|von) /i
/** Words between the mark and the owner's name: marks, years, year ranges, dashes, `by`. */
const BEFORE_OWNER = /^(?:©|\(c\)|\d{4}(?:[-–]\d{0,4})?|[-–]|by|von|copyright)$/i
/** The owner's name: capitalised, up to a sentence end or separator. */
const OWNER_NAME = /^\p{Lu}[^.|,;:©]{2,60}/u

/** A site titled after its owner (`Jane Roe's Blog`, `Jane Roe’s Digital Home`). */
const OWNER_TITLE = /^(\p{Lu}[\p{L}.-]+(?: \p{Lu}[\p{L}.-]+){1,2})['’]s? (?:[\p{L}-]+ ){0,2}(?:blog|weblog|home|homepage|home page|website|site|journal|notebook|notes|diary)(?:$|\s|[|:–—-])/iu

/**
 * The owner of a personal site, for pages whose writer is named nowhere
 * else: a person's name in a copyright line (page footers count), else in
 * a title naming the site after its owner. The name may be the site's own
 * (`gregoryroe.example`, `og:site_name` Jane Roe): a personal site is named
 * after its owner. Names that do not read as a person's are none (`© 2024
 * Harbour Trust`). Fixture: meta-author-copyright-owner.
 */
function siteOwner(index: PageIndex): Found<Array<string>> | undefined {
  for (const entry of [...preferred(index.dateTexts), ...index.dateTexts.filter((text) => text.context.excluded)]) {
    const match = ownerIn(entry.value.normalize('NFKC'))
    if (!match) continue
    const name = match.split(/\s(?:all rights|alle rechte|tous droits|todos los derechos|some rights|design|powered|theme)\b/i)[0].trim()
    if (isPersonLike(name)) return {value: [name], from: 'copyright'}
  }
  const title = OWNER_TITLE.exec(collapse(index.title ?? ''))
  if (title && isPersonLike(title[1])) return {value: [title[1]], from: 'title:owner'}
  return undefined
}

/** The name a copyright line gives after its mark and years (`Copyright (c) 2012- Jane Roe. All rights reserved.`: `Jane Roe`). */
function ownerIn(text: string): string | undefined {
  const mark = COPYRIGHT_MARK.exec(text)
  if (!mark) return undefined
  const words = text
    .slice(mark.index + mark[0].length)
    .split(' ')
    .filter(Boolean)
  let start = 0
  while (start < words.length && BEFORE_OWNER.test(words[start])) start++
  return OWNER_NAME.exec(words.slice(start).join(' '))?.[0]
}

/** How many differently named elements of one byline class make a listing. */
const LISTING = 3

/**
 * Byline elements without those of a listing: one class or id on three or
 * more elements naming different people (a column of writers' cards, a
 * list of blog posts) names the listing's authors, not the article's.
 */
function withoutListings<T extends Located>(entries: Array<T>): Array<T> {
  const texts = new Map<string, Set<string>>()
  const keys = entries.map((entry) => entry.element.tagName + ' ' + hintOf(entry.element))
  const counts = countKeys(keys)
  for (const [at, entry] of entries.entries()) {
    // Fewer elements of a kind than a listing has are none, whatever they say: their texts are not read.
    if (counts.get(keys[at])! < LISTING) continue
    const set = texts.get(keys[at]) ?? new Set<string>()
    set.add(textOf(entry.element))
    texts.set(keys[at], set)
  }
  return entries.filter((_, at) => (texts.get(keys[at])?.size ?? 0) < LISTING)
}

/**
 * Date elements without those of a row of teasers: two or more elements of
 * one kind (tag and class) showing different days date the articles they
 * introduce (`<em class="teaser__pubdate">` in each card of a related row),
 * not the page. The same day repeated (a page printing its date for each
 * layout) is no row. Fixture: meta-date-teaser-row.
 */
function withoutDateRows<T extends Located>(entries: Array<T>): Array<T> {
  const keys = entries.map((entry) => entry.element.tagName + ' ' + hintOf(entry.element))
  const counts = countKeys(keys)
  const days = new Map<string, Set<string>>()
  for (const [at, entry] of entries.entries()) {
    // One element of its kind is no row: its text (maybe the whole article's) is not read.
    if (counts.get(keys[at])! < 2) continue
    const day = findDate(textOf(entry.element))?.value.slice(0, 10)
    if (!day) continue
    const set = days.get(keys[at]) ?? new Set<string>()
    set.add(day)
    days.set(keys[at], set)
  }
  return entries.filter((_, at) => (days.get(keys[at])?.size ?? 0) < 2)
}

/** How many times each key occurs. */
function countKeys(keys: ReadonlyArray<string>): Map<string, number> {
  const counts = new Map<string, number>()
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
  return counts
}

/** Words naming a link to another article (`上一篇：…`, `Previous post`): its date is that article's. */
const NEIGHBOUR = /上一篇|下一篇|上一則|下一則|上一页|下一页|前一篇|后一篇|後一篇|\b(?:previous|prev|next|older|newer)\b/i
/** Words of a citation's date (`引用日期`, `accessed`): when a source was read, not when the article appeared. */
const CITED = /引用日期|访问日期|訪問日期|查阅日期|查閱日期|\b(?:accessed|retrieved|abgerufen|consulté)\b/i

/**
 * Short date texts without those of a listing: three or more different
 * texts in the same kind of element (tag and class of the text's element and
 * its parent) are the rows of a list (references, an archive, a schedule),
 * not the article's date; outside the article and its header, two in list
 * items are already a row of teasers (`<li><a>…</a> <span>12.03.2021</span></li>`
 * in a sidebar). Fixture: meta-date-sidebar-teaser-items.
 */
function withoutDateListings(entries: Array<CueText>): Array<CueText> {
  // Class names only: ids number the rows.
  const keyOf = (element: Element | undefined) => (element ? element.tagName + '.' + String(element.properties.className ?? '') : '')
  const keys = entries.map((entry) => keyOf(entry.element) + ' ' + keyOf(entry.ancestors[0]))
  const counts = new Map<string, {count: number; texts: Set<string>}>()
  for (const [at, entry] of entries.entries()) {
    const seen = counts.get(keys[at]) ?? {count: 0, texts: new Set<string>()}
    seen.count++
    seen.texts.add(entry.value)
    counts.set(keys[at], seen)
  }
  // The same date repeated (a page printing its date for each layout) is no listing.
  return entries.filter((entry, at) => {
    const seen = counts.get(keys[at])
    return !seen || seen.count < (teaserItem(entry) ? 2 : LISTING) || seen.texts.size === 1
  })
}

/** Whether a date text sits in a list item outside the article and its header (a teaser's row in a sidebar). */
function teaserItem(entry: CueText): boolean {
  return !entry.context.inArticle && !entry.context.inHeader && [entry.element, ...entry.ancestors].some((element) => element.tagName === 'li' || element.tagName === 'dd' || element.tagName === 'dt')
}

function countCjk(word: string): number {
  let count = 0
  for (const character of word) if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(character)) count++
  return count
}

/** Table rows holding a byline cue (`<tr><td>26 | 01 | 2022</td><td>Text & Fotos: Jane Roe</td></tr>`): a date in one of their cells is the byline's. Test: test/byline-kinds.ts. */
function bylineRows(index: PageIndex): Set<Element | undefined> {
  const rows = new Set<Element | undefined>()
  for (const cue of [...index.cues, ...index.bylines]) {
    const row = cue.ancestors.find((element) => element.tagName === 'tr')
    if (row) rows.add(row)
  }
  return rows
}

/**
 * A date from a short text that is little more than a date:
 * `03.02.2022 15:34`, `Published Dec 19, 2016`, `Pressemitteilung vom 20.01.2022`,
 * `06.11.2023 13:30 von Olga` (at most three other words, none saying “updated”).
 */
function dateOnly(text: string, order: DayOrder | undefined): FoundDate | undefined {
  const found = findDate(text, {order})
  if (!found) return undefined
  const normal = text.normalize('NFKC')
  // A reading time beside the date (`Jane Roe · 3 March 2023 · 5 min read`) is no word of the row.
  const rest = (normal.slice(0, found.index) + ' ' + normal.slice(found.end)).replace(readingTime, ' ')
  // `Updated March 5, 2023 | Published March 3, 2023`: the published day, when labelled.
  if (UPDATED.test(rest)) return afterPublished(normal, order)
  if (NEIGHBOUR.test(rest) || CITED.test(rest)) return undefined
  // Chinese and Japanese write no spaces: two characters count as a word (`发布时间` is two, a sentence many).
  const words = rest
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((word) => /\p{L}/u.test(word))
    .reduce((sum, word) => sum + Math.max(1, Math.ceil(countCjk(word) / 2)), 0)
  return words <= 3 ? found : undefined
}

/** A label of the publication date (`Published`, `Veröffentlicht am`, `publié le`, `發佈時間：`), the words before the date. */
const PUBLISHED =
  /(?:^|[\s|·•,;(])(?:published|posted|first published|veröffentlicht|erschienen|erstellt|publié|publiée|publicado|publicada|pubblicato|pubblicata|gepubliceerd|opublikowano|(?:发布|發布|發佈|发表|發表)(?:时间|時間|日期|于|於)|刊登日期|出版(?:时间|時間|日期))(?:\s(?:on|am|le|el|il|em|op))?\s?[:：]?\s?/i

/**
 * The date a text gives as the publication's: its first date unless an
 * “updated” label stands before it (`Aktualisiert am …`), else the date
 * right after a published label (`Updated March 5, 2023 | Published
 * March 3, 2023`: 3 March). Fixture: meta-date-updated-then-published.
 */
function publishedDate(text: string, order: DayOrder | undefined): FoundDate | undefined {
  const found = findDate(text, {order})
  if (!found) return undefined
  const normal = text.normalize('NFKC')
  return UPDATED.test(normal.slice(0, found.index)) ? afterPublished(normal, order) : found
}

/** The date right after a published label in `normal` (NFKC), its place counted in `normal`. */
function afterPublished(normal: string, order: DayOrder | undefined): FoundDate | undefined {
  const label = PUBLISHED.exec(normal)
  if (!label) return undefined
  const offset = label.index + label[0].length
  const found = findDate(normal.slice(offset), {order})
  return found && found.index <= 2 ? {...found, index: found.index + offset, end: found.end + offset} : undefined
}

/**
 * Whether a lower-case byline label's text (`di Mario Rossi`) stands alone:
 * the nearest block holding it holds nothing else (at most 80 characters).
 */
function standsAlone(cue: CueText, candidate: string): boolean {
  for (const element of [cue.element, ...cue.ancestors]) {
    if (INLINE.has(element.tagName)) continue
    return textWithin(element, 80) === candidate
  }
  return false
}

/** Inline elements a byline's text may sit in, inside its block. */
const INLINE = new Set(['a', 'span', 'em', 'i', 'strong', 'b', 'small', 'font', 'cite'])

/** Why the other reading of an all-numeric day was passed over (`generic-meta.ts` drops such a day on a page naming no language). */
export const ORDER_UNKNOWN = 'day/month order unknown (no locale)'

/**
 * A date found, with the other reading of an all-numeric day listed as
 * passed over when the page gives no order (`04/11/2024` on a page in plain
 * `en`: 11 April kept, 4 November noted).
 */
function dated(found: FoundDate, from: string): Found<string> {
  const date: Found<string> = {value: found.value, from}
  if (found.alternative) date.passed = [{value: found.alternative, from, reason: ORDER_UNKNOWN + ': read month first'}]
  return date
}

/** An ISO 8601 day opening an attribute (`2023-03-03T14:05:00+01:00`). */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}(?:$|T)/

/**
 * The date a date element gives machines in its `title` (hAtom's
 * `<abbr class="published" title="2023-03-03T14:05:00+01:00">March 3</abbr>`),
 * when its text shows less. Test: test/latin-news-grid.ts.
 */
function titledDate(element: Element): FoundDate | undefined {
  const title = attr(element, 'title').trim()
  const found = ISO_DAY.test(title) ? findDate(title) : undefined
  return found && {...found, index: 0, end: 0}
}

/** Whether a text reads as a sentence of prose, not a byline: long, ending in sentence punctuation, with at least five words in lower case. */
function isProse(text: string): boolean {
  const value = text.trim()
  return value.length > 60 && /[.!?…]$/.test(value) && value.split(/\s+/).filter((word) => /^\p{Ll}/u.test(word)).length >= 5
}

/** Whether a date stands before a `by`/`von` inside the text (`Geschrieben am 3. März 2023 von Jane Roe`). */
function datedBeforeBy(text: string): boolean {
  const by = MID_BY.exec(text)
  return Boolean(by && by.index > 0 && findDate(text.slice(0, by.index)))
}

/** Names in a hinted byline element: a name child or author link first, then its text. */
function fromHinted(element: Element, siteNames: Array<string | undefined>, ancestors: ReadonlyArray<Element> = []): Array<string> {
  const text = textOf(element)
  if (!text || text.length > 250) return []
  // `<span class="author-views">人氣(23925)</span>` counts, `author-avatar` shows: no name.
  if (bylineNotName.test(hintOf(element))) return []
  // `<div><strong>Foto:</strong> <p class="autor">Jane Roe</p></div>`: a photo credit, labelled around the name.
  if (photoCredited(element, ancestors)) return []
  // `<span class="byline__name">Jane Roe</span><span class="byline__role">Harbour reporter</span>`: a marked name glued to what follows it, read alone. Test: test/latin-news-grid.ts.
  const glued = gluedNames(element, text)
  if (glued.length > 0) return cleanAuthors(glued, {siteNames, strict: true})
  const lines = linesOf(element)
  const cjk = cjkAuthors(lines, siteNames)
  if (cjk) return cjk
  // `<div class="author">责任编辑：赵六</div>` names the editor, not the author.
  if (lines.split('\n').some((line) => creditedAs(line, 'editor').length > 0 && creditedAs(line, 'author').length === 0)) return []
  // `January 17, 2017 at 6:08 PM ET by Kori Schulman`: the names follow `by`; after a label opening the text (`By Jane Roe Photography by John Doe`), the first names are the writer's.
  const by = LATIN_LABEL.test(text) ? null : MID_BY.exec(text)
  const names = cleanAuthors(by && by.index > 0 ? text.slice(by.index) : text, {siteNames, strict: true})
  // `Jane Roe<br>Harbour reporter`: a short byline's name running over a line break, or none read, is read line by line, the people kept (not a card of links, `Email Bio Follow`). Test: test/latin-news-grid.ts.
  const split = lines.split('\n')
  if (split.length < 2 || split.length > 3 || text.length > 80 || (names.length > 0 && names.every((name) => split.some((line) => line.includes(name))))) return names
  const people = cleanAuthors(split, {siteNames, strict: true}).filter((name) => isPersonLike(name, siteNames))
  return people.length > 0 ? people : names
}

/** A class marking a name (`byline__name`, `author-name`, vCard `fn`). */
const NAME_CLASS = /(?:^|[\s_-])(?:name|fn)(?:$|[\s_-])/i

/**
 * Texts of the elements inside a byline marked as names, when one of them
 * runs into the text after it without a space (`Jane RoeHarbour reporter`:
 * blocks by style, inline by markup); none otherwise.
 */
function gluedNames(element: Element, text: string): Array<string> {
  const names: Array<string> = []
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (NAME_CLASS.test(hintOf(child)) || attr(child, 'itemProp') === 'name') names.push(textOf(child))
      else visit(child)
    }
  }
  visit(element)
  const glued = names.some((name) => {
    const at = name ? text.indexOf(name) : -1
    return at >= 0 && /\p{L}/u.test(text.charAt(at + name.length))
  })
  return glued ? names : []
}

/** Characters of a paragraph's text outside an author link from which, ending as a sentence, it mentions the person rather than crediting them. */
const PROSE_AROUND_LINK = 50

/**
 * Whether the author link `link` is a name mentioned in a sentence of
 * `paragraph` (`Councillor <a href="/people/jane-roe">Jane Roe</a> said the
 * pool stays open.`), not a byline: 50 or more characters of the paragraph's
 * text lie outside the link and the text ends in sentence punctuation.
 */
function mentionedInProse(link: Element, paragraph: Element): boolean {
  const text = textOf(paragraph)
  return text.length - textOf(link).length >= PROSE_AROUND_LINK && /[.!?。！？][\p{Pe}\p{Pf}"']*$/u.test(text)
}

/** Names from a Chinese byline standing alone in `text` (lines separated by `\n`). */
function cjkAuthors(text: string, siteNames: Array<string | undefined>): Array<string> | undefined {
  for (const line of text.split('\n')) {
    const credit = readCredits(line).find((found) => found.role === 'author' && found.form.startsWith('cjk-'))
    const names = credit ? cleanAuthors(credit.names, {siteNames, strict: true}) : []
    if (names.length > 0) return names
  }
  return undefined
}

/** Names `line` credits in `role` (`credit-line.ts`). */
function creditedAs(line: string, role: 'author' | 'editor'): Array<string> {
  return readCredits(line).flatMap((credit) => (credit.role === role ? credit.names : []))
}

/** How many ancestors of a byline element may hold the label that makes it a photo credit. */
const PHOTO_LABEL_DEPTH = 2

/**
 * Whether a byline element is the name of a photo credit: its own text, or
 * the short text of a near ancestor holding it and its label (`Foto: Jane
 * Roe`), reads as a photo credit.
 */
function photoCredited(element: Element, ancestors: ReadonlyArray<Element>): boolean {
  for (const node of [element, ...ancestors.slice(0, PHOTO_LABEL_DEPTH)]) {
    // An ancestor can hold the whole article: read no further than the limit.
    const text = textWithin(node, 120)
    if (text === undefined) return false
    if (isPhotoCredit(text)) return true
  }
  return false
}

/** A place before a dateline's date, white space collapsed: up to three capitalised words, an agency in brackets, a comma or dash. */
const DATELINE_PLACE = /^\p{Lu}[\p{L}.']*(?: \p{Lu}[\p{L}.']*){0,2}(?: ?\([^)]{1,12}\))?[,–—-]$/u

/** Places alone before a date on a line of their own: names of up to five words (`Frankfurt am Main`, `Stratford-upon-Avon`), several parted by `|`, `/`, `,`, `&`, `and`, `und`, `et`, then a comma or dash. */
const PLACES_LINE =
  /^\p{Lu}[\p{L}.'-]*(?: (?:am|an|im|in|bei|vor|der|den|upon|on|sur|de|del|la|le|di|\p{Lu}[\p{L}.'-]*)){0,4}(?:(?: ?[|/,&] | (?:and|und|et|y) )\p{Lu}[\p{L}.'-]*(?: (?:am|an|im|in|bei|vor|der|den|upon|on|sur|de|del|la|le|di|\p{Lu}[\p{L}.'-]*)){0,4}){0,3}[,–—-]$/u

/** What ends a dateline: a dash, a colon, a bar or a closing bracket, then the text. */
const DATELINE_END = /^\s*(?:[)）\]】]\s*)?(?:[-–—:|·/]|\s)/u

/**
 * A dateline opening one of the article's first lines: a date first (after
 * at most an opening bracket or a place name of a few words), then a dash,
 * a colon or a closing bracket, then the text (`29.11.2022 – Mehrfach …`,
 * `(21. November 2022) Energieverbraucher …`, `BERLIN, 3. Mai 2022 – …`);
 * or a line of places and the date alone, as press releases open
 * (`Hofheim am Taunus | Wiesbaden, 11. November 2021`; fixture
 * meta-date-press-dateline-line).
 */
function readDateline(rootLines: ReadonlyArray<string>, order: DayOrder | undefined): Found<string> | undefined {
  const lines = rootLines.slice(0, DATELINE_LINES)
  for (const line of lines) {
    const normal = line.normalize('NFKC')
    const found = findDate(normal.slice(0, 120), {order})
    if (!found || found.index > 40) continue
    const before = normal.slice(0, found.index)
    // Nothing but an opening bracket or a place (`BERLIN,`, `Zürich (dpa) –`) before the date.
    const place = collapse(before)
      .replace(/^[(（[【]+/, '')
      .replace(/ ?([,–—-])$/, '$1')
    const rest = normal.slice(found.end)
    // A line of places and a date alone (`Hofheim am Taunus | Wiesbaden, 11. November 2021`), as press releases open.
    const alone = !rest.trim()
    if (place && !(alone ? PLACES_LINE : DATELINE_PLACE).test(place)) continue
    if (UPDATED.test(before)) continue
    if (alone ? Boolean(place) : DATELINE_END.test(rest)) return dated(found, 'dateline')
  }
  return undefined
}

/** How many of the article's first lines may open with a dateline (a headline, a standfirst, then the text). */
const DATELINE_LINES = 5

/** How many lines at each end of the article may hold a byline. */
const BODY_ENDS = 4

/**
 * A Chinese byline inside the article text, on one of its first or last
 * few lines (blocks and `<br>` end a line): any form of `readCjkByline` on
 * a line of its own, or a bracketed name closing one of the last lines
 * (`…。（张巨峰）`), or a closing note on the writers (`（作者为…教授王明远）`; one
 * naming no one, `（作者单位：…）`, takes a line of names opening the text).
 */
function bodyByline(lines: ReadonlyArray<string>, siteNames: Array<string | undefined>): Found<Array<string>> | undefined {
  const head = lines.slice(0, BODY_ENDS)
  const tail = lines.slice(Math.max(BODY_ENDS, lines.length - BODY_ENDS)).reverse()
  for (const line of [...head, ...tail]) {
    if (line.length > 200) continue
    const names = cjkAuthors(line, siteNames)
    if (names) return {value: names, from: 'byline:body'}
  }
  for (const line of tail) {
    const found = readClosingNames(line)
    const names = found ? cleanAuthors(found.names, {siteNames, strict: true}) : []
    if (names.length > 0) return {value: names, from: 'byline:closing'}
  }
  // `（作者为…教授王明远）` names the writer; `（作者单位：…）` names none, but vouches for a line of names opening the text.
  // A short article's last lines are among its first.
  for (const line of [...tail, ...head.slice().reverse()]) {
    const note = readAffiliationNote(line)
    if (!note) continue
    const names = cleanAuthors(note.names.length > 0 ? note.names : (head.map(readNamesLine).find(Boolean) ?? []), {siteNames, strict: true})
    if (names.length > 0) return {value: names, from: 'byline:closing-note'}
  }
  return undefined
}

/**
 * A Chinese byline between the headline (`<h1>`) and the article root, where
 * pages put `石佳/中国青年报` or `本报记者 王五` above the text: each of the
 * first text nodes after the headline is a line. Told by the index walk's
 * texts after the headline when they tell (`recordedHeaderTexts`), else
 * read by a walk from the top of the page to the root.
 */
function headerByline(tree: Root, index: PageIndex, root: Element, siteNames: Array<string | undefined>): Found<Array<string>> | undefined {
  const headings = new Set(index.headings.filter((entry) => !entry.context.excluded).map((entry) => entry.element))
  if (headings.size === 0) return undefined
  const texts = recordedHeaderTexts(index.headerTexts, tree, root) ?? walkedHeaderTexts(tree, headings, root)
  for (const text of texts) {
    if (text.length > 60) continue
    const names = cjkAuthors(text, siteNames)
    if (names) return {value: names, from: 'byline:header'}
  }
  return undefined
}

/**
 * Names from an English/European byline: `By …`, `Written by: …`, `Autor: …`,
 * or `… 2023 13:30 von …` (a date before `by`/`von`).
 */
function latinAuthors(cue: CueText, text: string, options: {siteNames: Array<string | undefined>; strict: boolean}): Array<string> | undefined {
  for (const candidate of [text, cue.value]) {
    let start = -1
    if (LATIN_LABEL.test(candidate) || GLUED_BY.test(candidate)) {
      // `von`, `par`, `por`, `door`, `di`, `av`, `af` open a byline when capitalised (`Von Jane Doe`), or in lower case standing alone in their block (`<p>di Mario Rossi</p>`): inside a sentence they are words of it.
      if (bylineLabelSentenceWord.test(candidate) && !standsAlone(cue, candidate)) continue
      // Capitalised, they open sentences too (`Av Anna Lindqvist och hennes vänner hörde vi …`): a byline is no sentence of prose.
      if (bylineLabelSentenceWord.test(candidate.toLowerCase()) && isProse(candidate)) continue
      start = 0
    } else {
      const by = MID_BY.exec(candidate)
      if (by && findDate(candidate.slice(0, by.index))) start = by.index
    }
    if (start === -1 || isPhotoCredit(candidate)) continue
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
    if (memoText(element, 'long', () => shortText(element, 1000, 500) === undefined)) break
    const text = textOf(element)
    if (text.length > 250) break
    if (text.length > cue.value.length + 1) return {text, lines: memoText(element, 'lines', () => linesOf(element))}
  }
  return {text: cue.value, lines: cue.value}
}

/** Text of an element as rendered, each line collapsed, lines joined with `\n`. */
function linesOf(element: Element): string {
  return renderedOnce(element)
    .split('\n')
    .map((line) => collapse(line))
    .filter(Boolean)
    .join('\n')
}

/** Non-boilerplate entries, those in the article or its header first. */
function preferred<T extends Located>(entries: Array<T>): Array<T> {
  const kept = entries.filter((entry) => !entry.context.excluded)
  return [...kept.filter((entry) => entry.context.inArticle || entry.context.inHeader), ...kept.filter((entry) => !(entry.context.inArticle || entry.context.inHeader))]
}
