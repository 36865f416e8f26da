/**
 * Record images and embeds removed from inside the article (see
 * `noteRemoval`): real images as `image` removals (`dropped-image`
 * warnings), embeds and non-content (tracker pixels, ads, share buttons) as
 * `embed` removals (`dropped-embed` infos), each naming its URL. Hidden
 * images are also noted for `settleHiddenImages` (`hidden-kept.ts`).
 *
 * @module
 */

import type {Element, ElementContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import type {VFile} from 'vfile'
import {describeElement, noteRemoval} from '../util/removals.js'
import {nonContent} from './embed-kind.js'
import {attribute, imageCandidates, pictureCandidates} from './image-source.js'
import {noteHiddenImage} from './hidden-kept.js'
import {hostedPlayerUrl} from './hosted-player.js'
import {embedTags, imageTags, isMedia, mediaIn} from './tags.js'
import type {WalkListener} from '../util/walk.js'

/** Rule names of non-content, by what it is and whether it is an image. */
const nonContentRule = {
  ad: {image: 'ad-image', embed: 'ad-embed'},
  tracker: {image: 'tracker-pixel', embed: 'tracker-embed'},
  'share-widget': {image: 'share-widget', embed: 'share-widget'}
} as const

/**
 * The URL a media element shows, as written (not resolved): an image's
 * real source (lazy attributes, `srcset`, `<picture>` sources), an embed's
 * `src`/`data`/`<param>`, or `undefined`.
 *
 * @param node
 *   Image or embed element.
 * @returns
 *   URL, if any.
 */
export function mediaUrl(node: Element): string | undefined {
  if (node.tagName === 'picture') return pictureCandidates(node)[0]?.value
  if (imageTags.has(node.tagName)) return imageCandidates(node)[0]?.value
  return embedCandidates(node)[0]
}

/**
 * Candidate URLs of an embed, as written, best first: `src` and lazy
 * `data-src`s (not `about:blank`), `data` of `<object>`, its `<param
 * name=movie|src|url>` and inner `<embed>`, `<source src>` of media, and
 * the ids of AMP players, of the `lite-youtube`/`lite-vimeo` facades and
 * of Brightcove's and Mux's players (see `hostedPlayerUrl`).
 *
 * @param node
 *   Embed element.
 * @returns
 *   Candidates (possibly none).
 */
export function embedCandidates(node: Element): Array<string> {
  const props = node.properties
  const values: Array<unknown> = [props.src, attribute(node, 'data-src'), attribute(node, 'data-lazy-src'), attribute(node, 'data-url')]
  if (node.tagName === 'object') {
    values.push(props.data)
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (child.tagName === 'param' && /^(?:movie|src|url|filename|file)$/i.test(String(child.properties.name || ''))) values.push(child.properties.value)
      if (child.tagName === 'embed') values.push(child.properties.src)
    }
  }
  if (node.tagName === 'video' || node.tagName === 'audio' || node.tagName === 'amp-video' || node.tagName === 'amp-audio') {
    for (const child of node.children) {
      if (child.type === 'element' && child.tagName === 'source') values.push(child.properties.src, attribute(child, 'data-src'))
    }
  }
  const id = attribute(node, 'data-videoid')
  if (id && node.tagName === 'amp-youtube') values.push('https://www.youtube.com/embed/' + id)
  if (id && node.tagName === 'amp-vimeo') values.push('https://player.vimeo.com/video/' + id)
  // The `videoid` of the `lite-youtube`/`lite-vimeo` facades (lite-youtube-embed, lite-vimeo-embed).
  const facadeId = attribute(node, 'videoid')
  if (facadeId && node.tagName === 'lite-youtube') values.push('https://www.youtube.com/embed/' + encodeURIComponent(facadeId))
  if (facadeId && node.tagName === 'lite-vimeo') values.push('https://player.vimeo.com/video/' + encodeURIComponent(facadeId))
  // Brightcove's and Mux's ids (`<video-js data-account data-video-id>`, `<mux-player playback-id>`).
  values.push(hostedPlayerUrl(node))
  // amp-twitter's `data-tweetid`, the `data-tweet-id` of the frame Twitter's widgets.js writes.
  const tweet = attribute(node, 'data-tweetid') || attribute(node, 'data-tweet-id')
  if (tweet) values.push('https://twitter.com/i/status/' + tweet)
  const shortcode = attribute(node, 'data-shortcode')
  if (shortcode && node.tagName === 'amp-instagram') values.push('https://www.instagram.com/p/' + shortcode + '/')
  return values.filter((value): value is string => typeof value === 'string' && value.trim() !== '' && !/^\s*about:/i.test(value)).map((value) => value.trim())
}

/**
 * Record one media element removed under `rule` (its URL named), or as a
 * tracker, ad or share button when its URL says so.
 *
 * @param file
 *   File to record on.
 * @param node
 *   Removed image or embed.
 * @param rule
 *   Rule that removed it (`no-source`, `hidden`, `boilerplate`, …).
 * @param url
 *   URL to name (default: the element's own).
 */
export function noteMedia(file: VFile, node: Element, rule: string, url = mediaUrl(node)): void {
  const image = imageTags.has(node.tagName) || !embedTags.has(node.tagName)
  const reason = url && /^(?:https?:)?\/\//i.test(url) ? nonContent(url.startsWith('//') ? 'https:' + url : url) : undefined
  const sizeless = image && isPixel(node)
  const kind = reason || sizeless ? 'embed' : image ? 'image' : 'embed'
  const named = reason ? nonContentRule[reason][image ? 'image' : 'embed'] : sizeless ? 'tracker-pixel' : rule
  const alt = typeof node.properties.alt === 'string' && node.properties.alt.trim() ? 'alt “' + node.properties.alt.trim().slice(0, 60) + '”' : ''
  const noted = noteRemoval(file, {kind, rule: named, characters: 0, element: describeElement(node), sample: url ? url.slice(0, 200) : alt || '(no source)'}, node)
  if (kind === 'image' && named === 'hidden' && url) noteHiddenImage(file, url, noted.message, noted.removal)
}

/**
 * Record every image and embed inside a removed subtree (including those a
 * `<noscript>` holds as raw text).
 *
 * @param file
 *   File to record on.
 * @param node
 *   Removed subtree.
 * @param rule
 *   Rule that removed it.
 * @param marks
 *   What a walk over the tree, as `node`'s subtree still is, noted of its
 *   media (`mediaMarksListener`): then the subtree is not read.
 */
export function noteMediaIn(file: VFile, node: ElementContent, rule: string, marks?: MediaMarks | undefined): void {
  const marked = marks && node.type === 'element' ? marks.get(node) : undefined
  for (const media of marked ? marked.media : mediaIn(node)) noteMedia(file, media, rule)
  // `<noscript>`s last first, as `noscriptsIn` finds them (the order of the records).
  for (const noscript of marked ? [...marked.noscripts].reverse() : noscriptsIn(node)) {
    const text = noscript.children.map((child) => (child.type === 'text' ? child.value : '')).join('')
    if (!text.trim()) continue
    for (const media of mediaIn(fromHtml(text, {fragment: true}))) {
      media.position = noscript.position
      noteMedia(file, media, rule)
    }
  }
}

/**
 * Whether an image is a tracking pixel by size: `width` and `height` (as
 * attributes or inline style) of at most 2 pixels.
 *
 * @param node
 *   Image element.
 * @returns
 *   Whether it is a pixel.
 */
const styleSize = {
  width: /(?:^|;)\s*width\s*:\s*(\d+(?:\.\d+)?)px/i,
  height: /(?:^|;)\s*height\s*:\s*(\d+(?:\.\d+)?)px/i
}

export function isPixel(node: Element): boolean {
  const style = typeof node.properties.style === 'string' ? node.properties.style : ''
  const size = (name: 'width' | 'height') => {
    const fromStyle = styleSize[name].exec(style)
    const value = fromStyle ? fromStyle[1] : node.properties[name]
    const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(?:\.\d+)?(?:\s*px)?$/.test(value.trim()) ? Number.parseFloat(value) : undefined
    return number
  }
  const width = size('width')
  const height = size('height')
  return width !== undefined && height !== undefined && width <= 2 && height <= 2
}

function noscriptsIn(node: ElementContent): Array<Element> {
  const found: Array<Element> = []
  const stack: Array<ElementContent> = [node]
  while (stack.length > 0) {
    const current = stack.pop()!
    if (current.type !== 'element') continue
    if (current.tagName === 'noscript') found.push(current)
    else stack.push(...current.children)
  }
  return found
}

/** The media elements (outermost, document order: `mediaIn`) and `<noscript>`s (outermost, document order) of a subtree, its root included. */
export interface MediaInSubtree {
  media: ReadonlyArray<Element>
  noscripts: ReadonlyArray<Element>
}

/** What a walk noted of the media below each element it saw (`mediaMarksListener`). */
export interface MediaMarks {
  /** The media of the subtree of `element`, or `undefined` when the walk did not see it. */
  get(element: Element): MediaInSubtree | undefined
}

const noMedia: MediaInSubtree = {media: [], noscripts: []}

/**
 * A listener of a shared walk (`walkShared`) noting, for every element, the
 * media and `<noscript>`s of its subtree (`MediaMarks`), for `noteMediaIn`
 * to record a removed subtree's media without reading it again: valid while
 * the subtrees asked about stay as the walk saw them (put it after
 * listeners that change the tree). It costs, per media element or
 * `<noscript>`, a step per ancestor (no read of children).
 *
 * @returns
 *   Listener, and the marks (filled as the walk goes).
 */
export function mediaMarksListener(): {listener: WalkListener; marks: MediaMarks} {
  const found = new Map<Element, {media: Array<Element>; noscripts: Array<Element>}>()
  const seen = new WeakSet<Element>()
  const marks: MediaMarks = {get: (element) => found.get(element) || (seen.has(element) ? noMedia : undefined)}
  const open: Array<Element> = []
  const mark = (element: Element, inside: Element, kind: 'media' | 'noscripts') => {
    let entry = found.get(element)
    if (!entry) {
      entry = {media: [], noscripts: []}
      found.set(element, entry)
    }
    entry[kind].push(inside)
  }
  return {
    listener: {
      enter(element) {
        seen.add(element)
        const kind = isMedia(element) ? 'media' : element.tagName === 'noscript' ? 'noscripts' : undefined
        if (kind) {
          // Each ancestor holds it unless an element of its kind lies between (it is then inside that one, which is listed).
          mark(element, element, kind)
          for (let at = open.length - 1; at >= 0; at--) {
            const ancestor = open[at]
            if (kind === 'media' ? isMedia(ancestor) : ancestor.tagName === 'noscript') break
            mark(ancestor, element, kind)
          }
        }
        open.push(element)
      },
      leave() {
        open.pop()
      }
    },
    marks
  }
}
