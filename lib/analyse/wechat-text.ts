/**
 * The text of a WeChat official-account article (`mp.weixin.qq.com`) as a
 * browser saves it: `<div id="js_content" style="visibility: hidden;">`
 * holds the whole article, hidden by the page's own style until its script
 * shows it. Read as saved, the article would be hidden text and dropped;
 * the hiding style is taken off before the page is read, as the script
 * would. Only `#js_content` of a page that carries WeChat's article markup
 * (`rich_media`) is touched. Fixture: meta-wechat-article.
 *
 * @module
 */

import type {Element, Root} from 'hast'
import {select} from '../util/select.js'

/** `visibility: hidden` (and `opacity: 0`) in an inline style, with its separator. */
const HIDING = /(?:^|;)\s*(?:visibility\s*:\s*hidden|opacity\s*:\s*0)\s*(?:!important\s*)?(?=;|$)/gi

/**
 * Whether a page may be a WeChat article: its source names `js_content`
 * and `rich_media` (both ASCII, so bytes in any ASCII-compatible encoding
 * are searched as they are); without a source (a processor handed a tree),
 * its `<body>` is WeChat's (`id="activity-detail"`, class `wx_wap_page`),
 * and no more of the tree than the `<body>` is read.
 *
 * @param tree
 *   The page.
 * @param value
 *   The file's value (text or bytes; none when a processor was handed a tree).
 * @returns
 *   Whether to look further (`revealWeChatText`).
 */
export function mayBeWeChat(tree: Root, value: unknown): boolean {
  // Bytes are searched as they are (both words are ASCII), not copied into a string.
  const source = typeof value === 'string' ? value : value instanceof Uint8Array ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : undefined
  if (source !== undefined) return source.includes('js_content') && source.includes('rich_media')
  const html = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'html')
  const body = html?.children.find((node): node is Element => node.type === 'element' && node.tagName === 'body')
  return body !== undefined && (body.properties.id === 'activity-detail' || (Array.isArray(body.properties.className) && body.properties.className.includes('wx_wap_page')))
}

/**
 * Take the hiding style off WeChat's article text (`#js_content`).
 *
 * @param tree
 *   The page (changed in place).
 * @returns
 *   Whether the text was hidden and is shown now.
 */
export function revealWeChatText(tree: Root): boolean {
  const content = select('#js_content', tree)
  const style = content?.properties.style
  if (!content || typeof style !== 'string' || !HIDING.test(style)) return false
  HIDING.lastIndex = 0
  const shown = style
    .replace(HIDING, '')
    .replace(/^\s*;\s*/, '')
    .trim()
  if (shown) content.properties.style = shown
  else delete content.properties.style
  return true
}
