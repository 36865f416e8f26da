/**
 * Video players that lazy-loading scripts leave as an empty box until a
 * click or a scroll: WP Rocket's `<div class="rll-youtube-player"
 * data-src="https://www.youtube.com/embed/…">`, and the like. Without an
 * `<iframe>` they hold no media and no text, and vanished from the output.
 *
 * @module
 */

import type {Element, ElementContent} from 'hast'
import {holdsText} from '../util/bounded-text.js'
import {embedKind} from './embed-kind.js'
import {find, html} from 'property-information'
import {embedTags, holdsMedia, imageTags} from './tags.js'

/** Attributes such boxes keep the player's URL in, as hast property names. */
const playerProperties: ReadonlyArray<string> = ['data-src', 'data-embed-src', 'data-video-src', 'data-video-url', 'data-iframe-src', 'data-lazy-src'].map((name) => find(html, name).property)

/** Of those, the attributes that name a video whatever its host (a clip on the site's own server, a file). */
const videoProperties: ReadonlySet<string> = new Set(['data-video-src', 'data-video-url'].map((name) => find(html, name).property))

/** Players and the `<noscript>` holding one as the fallback of a box. */
const frameTags: ReadonlySet<string> = new Set(['iframe', 'amp-iframe', 'noscript'])

/** Boxes a lazy player is left as. */
const boxTags: ReadonlySet<string> = new Set(['div', 'span', 'figure', 'p'])

/**
 * The player URL of a lazy video box, as written: a `<div>`, `<span>`,
 * `<figure>` or `<p>` without text or media whose `data-src` (or
 * `data-embed-src`, `data-iframe-src`, `data-lazy-src`) is the URL of a
 * known video player (see `embedKind`), or whose `data-video-src` or
 * `data-video-url` is any absolute URL (those name a video by name).
 *
 * A box followed by its player (the frame of a `<noscript>` fallback, as
 * WP Rocket writes it, or a script's own `<iframe>`) is only the
 * placeholder: the player is written once, from the frame.
 *
 * @param node
 *   Element (any).
 * @param siblings
 *   Children of `node`'s parent.
 * @returns
 *   URL as written, or `undefined` when `node` is no lazy video box.
 */
/**
 * Whether `lazyPlayerUrl` may find a player URL on `node`: a box with one
 * of the player attributes set (told from the element alone, nothing read
 * below it).
 *
 * @param node
 *   Element (any).
 * @returns
 *   Whether it may be a lazy video box.
 */
export function mayBeLazyPlayer(node: Element): boolean {
  return boxTags.has(node.tagName) && playerProperties.some((name) => node.properties[name] !== undefined && node.properties[name] !== null)
}

export function lazyPlayerUrl(node: Element, siblings: ReadonlyArray<ElementContent>): string | undefined {
  if (!boxTags.has(node.tagName)) return undefined
  for (const name of playerProperties) {
    const property = node.properties[name]
    const value = typeof property === 'string' ? property.trim() : ''
    if (!value || !/^(?:https?:)?\/\//i.test(value)) continue
    if (!videoProperties.has(name) && embedKind(value.startsWith('//') ? 'https:' + value : value) !== 'video') continue
    return holdsText(node) || holdsMedia(node) || followedByFrame(node, siblings) ? undefined : value
  }
  return undefined
}

/**
 * The video URL of a player box showing a poster until a click: a box
 * (see `lazyPlayerUrl`) whose `data-video-src` or `data-video-url` is an
 * absolute URL and that holds an image but no player (`<div
 * data-video-url="…/clip.mp4"><img src="poster.jpg"><button>Play</button></div>`),
 * nor is followed by one. The poster stays; the video is to be written
 * after it.
 *
 * @param node
 *   Element (any).
 * @param siblings
 *   Children of `node`'s parent.
 * @returns
 *   URL as written, or `undefined` when `node` is no such box.
 */
export function posterPlayerUrl(node: Element, siblings: ReadonlyArray<ElementContent>): string | undefined {
  if (!boxTags.has(node.tagName)) return undefined
  for (const name of videoProperties) {
    const property = node.properties[name]
    const value = typeof property === 'string' ? property.trim() : ''
    if (!value || !/^(?:https?:)?\/\//i.test(value)) continue
    return holdsImageOnly(node) && !followedByFrame(node, siblings) ? value : undefined
  }
  return undefined
}

/** Whether `node` holds an image and no embed (nor a `<noscript>`, which may hold a frame). */
function holdsImageOnly(node: Element): boolean {
  let image = false
  const stack: Array<Element> = [node]
  while (stack.length > 0) {
    for (const child of stack.pop()!.children) {
      if (child.type !== 'element') continue
      if (embedTags.has(child.tagName) || child.tagName === 'noscript') return false
      if (imageTags.has(child.tagName)) image = true
      else stack.push(child)
    }
  }
  return image
}

/** Whether the next element after `node` (white space and comments aside) is a frame or a `<noscript>`. */
function followedByFrame(node: Element, siblings: ReadonlyArray<ElementContent>): boolean {
  for (let index = siblings.indexOf(node) + 1; index < siblings.length; index++) {
    const sibling = siblings[index]
    if (sibling.type === 'comment' || (sibling.type === 'text' && !sibling.value.trim())) continue
    return sibling.type === 'element' && (frameTags.has(sibling.tagName) || holdsMedia(sibling))
  }
  return false
}
