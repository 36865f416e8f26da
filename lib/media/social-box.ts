/**
 * Social embeds whose script never ran, as a saved page or a reader
 * without JavaScript has them: Facebook SDK boxes (`<div class="fb-post"
 * data-href="…">`, `fb-video`), an Instagram quote emptied of its text
 * (`<blockquote class="instagram-media" data-instgrm-permalink="…">`), a
 * TikTok quote (`<blockquote class="tiktok-embed" cite="…">`) and
 * WordPress embed blocks left as the bare URL (`<div
 * class="wp-block-embed__wrapper">https://…</div>`). Without the script
 * they hold no text and vanished, or a URL written as plain text.
 *
 * @module
 */

import type {Element} from 'hast'
import {holdsText} from '../util/bounded-text.js'
import {holdsMedia} from './tags.js'
import {textOf} from '../util/text.js'

/** Per box class: the tag it is written on and the attribute (hast property) naming the post. */
const boxes: ReadonlyArray<{className: string; tagName: string; property: string}> = [
  {className: 'fb-post', tagName: 'div', property: 'dataHref'},
  {className: 'fb-video', tagName: 'div', property: 'dataHref'},
  {className: 'fb-comment-embed', tagName: 'div', property: 'dataHref'},
  {className: 'instagram-media', tagName: 'blockquote', property: 'dataInstgrmPermalink'},
  {className: 'tiktok-embed', tagName: 'blockquote', property: 'cite'}
]

/** Class of the box WordPress writes an embed block's URL in. */
const wrapperClass = 'wp-block-embed__wrapper'

/**
 * Whether `socialBoxUrl` may find a URL on `node`: told from its tag and
 * classes alone, nothing read below it.
 *
 * @param node
 *   Element (any).
 * @returns
 *   Whether it may be a social embed box.
 */
export function mayBeSocialBox(node: Element): boolean {
  const classes = node.properties.className
  if (!Array.isArray(classes) || classes.length === 0) return false
  if (node.tagName === 'div' && classes.includes(wrapperClass)) return true
  return boxes.some((box) => box.tagName === node.tagName && classes.includes(box.className))
}

/**
 * The URL of the post a social embed box stands for, as written: the
 * box's `data-href`, `data-instgrm-permalink` or `cite` when it holds no
 * text nor media (a box the script filled is left alone), or the text of a
 * WordPress embed wrapper when it is one absolute `http(s)` URL and the
 * wrapper holds nothing else.
 *
 * @param node
 *   Element (any).
 * @returns
 *   Absolute URL as written, or `undefined` when `node` is no such box.
 */
export function socialBoxUrl(node: Element): string | undefined {
  if (!mayBeSocialBox(node)) return undefined
  const classes = node.properties.className as Array<string | number>
  if (node.tagName === 'div' && classes.includes(wrapperClass)) {
    if (node.children.some((child) => child.type === 'element')) return undefined
    const text = textOf(node).trim()
    return /^https?:\/\/\S+$/i.test(text) ? text : undefined
  }
  for (const box of boxes) {
    if (box.tagName !== node.tagName || !classes.includes(box.className)) continue
    const value = node.properties[box.property]
    const url = typeof value === 'string' ? value.trim() : ''
    if (!/^(?:https?:)?\/\//i.test(url)) continue
    return holdsText(node) || holdsMedia(node) ? undefined : url
  }
  return undefined
}
