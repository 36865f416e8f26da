/**
 * Social embeds whose script never ran, as a saved page or a reader
 * without JavaScript has them: Facebook SDK boxes (`<div class="fb-post"
 * data-href="…">`, `fb-video`), an Instagram quote emptied of its text
 * (`<blockquote class="instagram-media" data-instgrm-permalink="…">`), a
 * TikTok quote (`<blockquote class="tiktok-embed" cite="…">`), a Twitter
 * quote emptied of its text (`<blockquote class="twitter-tweet">`, its
 * link only) and WordPress embed blocks left as the bare URL (`<div
 * class="wp-block-embed__wrapper">https://…</div>`). Without the script
 * they hold no text and vanished, or a URL written as plain text.
 *
 * @module
 */

import type {Element} from 'hast'
import {holdsText} from '../util/bounded-text.js'
import {holdsMedia} from './tags.js'
import {textOf} from '../util/text.js'

/** Per box class: the tag it is written on and the attribute (hast property) naming the post, if any (else only a link inside does). */
const boxes: ReadonlyArray<{className: string; tagName: string; property?: string}> = [
  {className: 'fb-post', tagName: 'div', property: 'dataHref'},
  {className: 'fb-video', tagName: 'div', property: 'dataHref'},
  {className: 'fb-comment-embed', tagName: 'div', property: 'dataHref'},
  {className: 'instagram-media', tagName: 'blockquote', property: 'dataInstgrmPermalink'},
  {className: 'tiktok-embed', tagName: 'blockquote', property: 'cite'},
  {className: 'twitter-tweet', tagName: 'blockquote'},
  {className: 'twitter-video', tagName: 'blockquote'},
  {className: 'text-post-media', tagName: 'blockquote', property: 'dataTextPostPermalink'},
  {className: 'bluesky-embed', tagName: 'blockquote', property: 'dataBlueskyUri'}
]

/** The collection of Bluesky posts in an `at:` URI (`at://did:plc:…/app.bsky.feed.post/3k…`, or with a handle). */
const blueskyPostCollection = 'app.bsky.feed.post'

/**
 * Longest `at:` URI of a post read: a DID is at most 2,048 characters, a
 * handle 253, a record key 512 (AT Protocol specification, `did`, `handle`
 * and `record-key` syntax); anything longer names no post.
 */
const maxPostUriLength = 2048 + 512 + 40

/** Longest post URL read from a box's attribute (a post's address is far shorter; a longer value names no post and is reported as such). */
const maxPostUrlLength = 8192

/** Characters no part of an `at:` URI's path holds (white space, a query, a fragment). */
const notInPart = /[\s?#]/

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
 * The URL of the post an emptied social embed box stands for, as written
 * (possibly relative, to be resolved against the page's base): the box's
 * `data-href`, `data-instgrm-permalink` or `cite`, else the first link
 * (`<a href>`) left inside it, when the box holds no text nor media (a box
 * the script filled is left alone); `''` when such a box names no post at
 * all (to be reported, never dropped silently). For a WordPress embed
 * wrapper: its text when it is one absolute `http(s)` URL and the wrapper
 * holds nothing else.
 *
 * @param node
 *   Element (any).
 * @returns
 *   URL as written, `''` for an emptied box naming none, or `undefined`
 *   when `node` is no emptied social box.
 */
export function socialBoxUrl(node: Element): string | undefined {
  if (!mayBeSocialBox(node)) return undefined
  const classes = node.properties.className as Array<string | number>
  if (node.tagName === 'div' && classes.includes(wrapperClass)) {
    if (node.children.some((child) => child.type === 'element')) return undefined
    const text = textOf(node).trim()
    return /^https?:\/\/\S+$/i.test(text) ? text : undefined
  }
  if (holdsText(node) || holdsMedia(node)) return undefined
  for (const box of boxes) {
    if (box.tagName !== node.tagName || !classes.includes(box.className)) continue
    const value = box.property ? node.properties[box.property] : undefined
    const url = typeof value === 'string' && value.length <= maxPostUrlLength ? value.trim() : ''
    // A Bluesky `at:` URI names a post a reader can open only as its `bsky.app` address.
    const post = url.startsWith('at:') ? blueskyUrl(url) : url
    if (post) return post
  }
  return firstHref(node) || ''
}

/** The `bsky.app` address of a Bluesky post named by its `at:` URI; `''` for any other `at:` URI (a feed, a list: no post). */
function blueskyUrl(uri: string): string {
  if (!uri.startsWith('at://') || uri.length > maxPostUriLength) return ''
  const path = uri.slice(5)
  const first = path.indexOf('/')
  const second = path.indexOf('/', first + 1)
  if (first < 1 || second < 0) return ''
  const author = path.slice(0, first)
  const key = path.slice(second + 1)
  if (path.slice(first + 1, second) !== blueskyPostCollection || !key || key.includes('/') || notInPart.test(author) || notInPart.test(key)) return ''
  return 'https://bsky.app/profile/' + author + '/post/' + key
}

/** The first non-blank `href` of a link below `node`, trimmed, in document order. */
function firstHref(node: Element): string | undefined {
  const stack: Array<Element> = [node]
  while (stack.length > 0) {
    const current = stack.pop()!
    const href = current.tagName === 'a' && typeof current.properties.href === 'string' ? current.properties.href.trim() : ''
    if (href) return href
    for (let at = current.children.length - 1; at >= 0; at--) {
      const child = current.children[at]
      if (child.type === 'element') stack.push(child)
    }
  }
  return undefined
}
