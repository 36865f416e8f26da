/**
 * WeChat official-account articles (`mp.weixin.qq.com`) as a browser saves
 * them: the writer, the account that published the article and the moment
 * it was published, where the page keeps them.
 *
 * | field   | where                                                                                   |
 * | ------- | --------------------------------------------------------------------------------------- |
 * | writer  | `#meta_content .rich_media_meta_text` (not `#publish_time`): shown only when the account names one |
 * | account | `#js_name` (the account's name, beside the writer)                                      |
 * | date    | `var ct = "1709641800"` (Unix seconds) in a script, written in China's time (`+08:00`): `#publish_time` is empty until the page's script fills it in |
 *
 * The writer is the author; the account's name is the author only when no
 * writer is shown and the text names none, and the `source` unless a credit
 * line names one (`byline.ts`). A page is taken for
 * WeChat's by its own address (`og:url`, canonical link, a browser's
 * saved-from comment), or, in a copy without it, by WeChat's date element
 * and account name (`<em id="publish_time">`, `#js_name`; the writer is then
 * read beside the date). Fixture: meta-wechat-article.
 *
 * @module
 */

import type {Element, Root} from 'hast'
import type {PageIndex} from '../page-index.js'
import {collapse, textOf} from '../page-index.js'
import {select, selectAll} from '../../util/select.js'
import {findDate} from '../../util/normalize-date.js'

/** What a WeChat article page says about itself. */
export interface WeChatMeta {
  /** The writer shown beside the account (`李明`). */
  writer?: string
  /** The account's name (`城市观察笔记`). */
  account?: string
  /** The publication instant, ISO 8601 in China's time (`2024-03-05T20:30:00+08:00`). */
  date?: string
}

/** The instant in a WeChat page's script: `var ct = "1709641800"`, `var create_time = "1709641800" * 1`. */
const CREATED = /\b(?:ct|create_time)\s*=\s*["']?(\d{10})["']?/
/** China's offset from UTC, in seconds (no daylight saving). */
const CHINA_OFFSET = 8 * 3600

/**
 * Whether the page says it is a WeChat article (`og:url`, canonical or
 * saved-from address on `mp.weixin.qq.com`), or keeps WeChat's date element
 * and account name (`<em id="publish_time">`, `#js_name`).
 *
 * @param index
 *   Page index.
 * @param tree
 *   The page.
 * @returns
 *   Whether it is.
 */
export function isWeChatPage(index: PageIndex, tree: Root): boolean {
  const {canonical, ogUrl, savedFrom} = index.address
  if ([canonical, ogUrl, savedFrom].some((address) => address !== undefined && /^(?:https?:)?\/\/mp\.weixin\.qq\.com\//i.test(address.trim()))) return true
  // A copy without its address keeps WeChat's markup: `<em id="publish_time">` and the account's `#js_name`.
  return index.dates.some((entry) => entry.element.properties.id === 'publish_time') && select('#js_name', tree) !== undefined
}

/**
 * Read the writer, account and publication instant of a WeChat article.
 *
 * @param tree
 *   The page.
 * @returns
 *   What was found (fields absent when not).
 */
export function readWeChat(tree: Root): WeChatMeta {
  const found: WeChatMeta = {}
  const line = select('#meta_content', tree) ?? select(':has(> #publish_time)', tree)
  if (line) {
    const hidden = select('#meta_content_hide_info', line)
    const writer = selectAll('.rich_media_meta_text', line)
      .filter((element) => element.properties.id !== 'publish_time' && !(hidden && within(element, hidden)))
      .map((element) => collapse(textOf(element)))
      .find((text) => text && !findDate(text) && text !== '原创' && text !== '原創')
    if (writer) found.writer = writer
  }
  const account = select('#js_name', tree)
  const name = account ? collapse(textOf(account)) : ''
  if (name) found.account = name
  for (const script of selectAll('script', tree)) {
    const created = CREATED.exec(script.children.map((child) => (child.type === 'text' ? child.value : '')).join(''))
    if (!created) continue
    found.date = new Date((Number(created[1]) + CHINA_OFFSET) * 1000).toISOString().slice(0, 19) + '+08:00'
    break
  }
  return found
}

/** Whether `element` lies inside `container`. */
function within(element: Element, container: Element): boolean {
  return selectAll('*', container).includes(element)
}
