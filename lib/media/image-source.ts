/**
 * Find the real URL of an image that lazy-loading scripts, responsive
 * markup or placeholders hide: `data-src` and its kin, `srcset` and its
 * lazy forms, `<picture>` sources, and any other attribute that holds an
 * image URL, skipping placeholders (1×1 GIFs, `data:` URIs, `blank.gif`).
 *
 * @module
 */

import type {Element} from 'hast'
import parseSrcset from 'parse-srcset'
import {find, html} from 'property-information'

/**
 * Attributes lazy-loading scripts keep one real image URL in, best first
 * (lazysizes, lazyload, WP Rocket, a3 Lazy Load, Jetpack, jQuery lazyload
 * `data-original`, echo.js `data-echo`, Zhihu `data-actualsrc`, the
 * Guardian's `data-hi-res-src`, Sina's `real_src`, Taobao's
 * `data-ks-lazyload`, PageSpeed's `data-pagespeed-lazy-src`, Discuz's
 * `zoomfile`/`file`).
 */
export const lazySourceAttributes: ReadonlyArray<string> = [
  'data-hi-res-src',
  'data-full-src',
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-original-src',
  'data-actualsrc',
  'data-echo',
  'data-lazyload',
  'data-lazy',
  'data-ks-lazyload',
  'data-pagespeed-lazy-src',
  'data-img-src',
  'data-image',
  'data-url',
  'data-lazysrc',
  'lazy-src',
  'lazysrc',
  'real_src',
  'original',
  'zoomfile',
  'file'
]

/** Attributes holding a lazy `srcset`, best first. */
export const lazySrcsetAttributes: ReadonlyArray<string> = ['data-lazy-srcset', 'data-srcset']

/** Attributes that are never an image URL, even when they look like one. */
const notSource = new Set(['alt', 'title', 'className', 'id', 'style', 'width', 'height', 'sizes', 'longDesc', 'useMap', 'loading', 'decoding'])

/** Words that name a placeholder file: its first word must be one of these. */
const placeholderLead = new Set([
  'blank',
  'spacer',
  'pixel',
  'transparent',
  'trans',
  'clear',
  'empty',
  'dot',
  'grey',
  'gray',
  'white',
  'lazy',
  'lazyload',
  'loading',
  'loader',
  'spinner',
  'placeholder',
  '1x1',
  'px'
])

/** Further words of a placeholder file name (`placeholder-1x1`, `lazy_load_img`, `blank-300x200`). */
const placeholderWord = new Set([...placeholderLead, 'load', 'img', 'image', 'bg'])

/** Extensions of placeholder files. */
const placeholderExtension = /\.(?:gif|png|svg|jpe?g|webp)$/i

/**
 * Whether `file` (a last path segment) is a well-known placeholder file
 * (`blank.gif`, `placeholder-1x1.gif`, `lazy.png`, `loading.svg`): every
 * word of its name, split at `-`, `_` and `.`, is a placeholder word, a
 * size (`300x200`) or a number. Words, not one pattern, so a long name cannot
 * make a regular expression backtrack.
 */
function isPlaceholderFile(file: string): boolean {
  const extension = placeholderExtension.exec(file)
  if (!extension) return false
  const words = file.slice(0, extension.index).toLowerCase().split(/[-_.]/)
  if (!placeholderLead.has(words[0])) return false
  return words.slice(1).every((word) => placeholderWord.has(word) || /^\d+(?:x\d+)?$/.test(word))
}

/** File extensions of images, for URLs found in attributes no script is known for. */
const imageExtension = /\.(?:jpe?g|png|gif|webp|avif|jxl|bmp|tiff?|heic|svg)(?:[?#]|$)/i

/** A candidate URL with where it came from. */
export interface SourceCandidate {
  /** The URL as written. */
  value: string
  /** Attribute it came from (`data-src`, `srcset`, `source[srcset]`, …). */
  from: string
}

/**
 * Whether `value` is a placeholder rather than an image: empty, `about:`,
 * a short `data:` URI (a 1×1 GIF, an empty SVG), or a well-known
 * placeholder file.
 *
 * @param value
 *   URL as written.
 * @returns
 *   Whether it is a placeholder.
 */
export function isPlaceholder(value: string): boolean {
  const url = value.trim()
  if (!url || url === '#' || /^about:/i.test(url)) return true
  if (/^data:/i.test(url)) return url.length < 400 || /^data:image\/svg\+xml/i.test(url)
  const path = url.split(/[?#]/, 1)[0]
  const file = path.slice(path.lastIndexOf('/') + 1)
  return isPlaceholderFile(file)
}

/**
 * The pixel size a `data:` image declares in its header (base64 GIF and
 * PNG; others are not read), for telling a lazy-loading placeholder (a 1×1
 * GIF) from a real inline image. GIF: logical screen width and height
 * (bytes 6–9, little-endian); PNG: the `IHDR` width and height (bytes
 * 16–23, big-endian).
 *
 * @param url
 *   `data:` URL.
 * @returns
 *   Width and height in pixels, or `undefined` when not readable.
 */
export function dataImageSize(url: string): {width: number; height: number} | undefined {
  const comma = url.indexOf(',')
  const head = url.slice(0, comma).toLowerCase()
  if (comma === -1 || !head.endsWith(';base64') || !/^\s*data:image\/(?:gif|png)/.test(head)) return undefined
  // 32 base64 characters are 24 bytes: enough for both headers.
  const bytes = Buffer.from(url.slice(comma + 1, comma + 33).trim(), 'base64')
  if (bytes.length >= 10 && bytes.toString('latin1', 0, 4) === 'GIF8') return {width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8)}
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89_50_4e_47 && bytes.toString('latin1', 12, 16) === 'IHDR') {
    return {width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20)}
  }
  return undefined
}

/**
 * Whether a `data:` URL is a placeholder pixel: a 1×1 image by its header
 * (`dataImageSize`), what lazy-loading scripts put in `src` until they swap
 * the real source in.
 *
 * @param url
 *   URL.
 * @returns
 *   Whether it is a placeholder pixel.
 */
export function isPlaceholderPixel(url: string): boolean {
  if (!/^\s*data:/i.test(url)) return false
  const size = dataImageSize(url)
  return size !== undefined && size.width <= 1 && size.height <= 1
}

/**
 * The largest candidate of a `srcset` (widest `w`, else highest `x`),
 * parsed as the HTML standard says (URLs may hold commas).
 *
 * @param value
 *   `srcset` attribute value.
 * @returns
 *   URL of the largest non-placeholder candidate, if any.
 */
export function largestFromSrcset(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined
  let best: string | undefined
  let bestSize = -1
  for (const candidate of parseSrcset(value)) {
    if (isPlaceholder(candidate.url)) continue
    // Widths outrank densities: a `w` list describes real files.
    const size = candidate.w ? candidate.w * 1000 : candidate.d || 1
    if (size > bestSize) {
      best = candidate.url
      bestSize = size
    }
  }
  return best
}

/**
 * Candidate URLs of an `<img>` (or `<amp-img>`), best first: lazy `srcset`s
 * (largest), lazy single-URL attributes, `srcset` (largest), `src`, then any
 * other attribute whose value is an image URL (by its extension, or an
 * absolute URL in an attribute named `…src…`). Placeholders are left out.
 *
 * @param node
 *   Image element.
 * @returns
 *   Candidates, best first (possibly none).
 */
export function imageCandidates(node: Element): Array<SourceCandidate> {
  const candidates: Array<SourceCandidate> = []
  const add = (value: unknown, from: string) => {
    if (typeof value !== 'string' || isPlaceholder(value)) return
    if (!candidates.some((candidate) => candidate.value === value.trim())) candidates.push({value: value.trim(), from})
  }
  for (const name of lazySrcsetAttributes) add(largestFromSrcset(attribute(node, name)), name)
  for (const name of lazySourceAttributes) add(attribute(node, name), name)
  add(largestFromSrcset(node.properties.srcSet), 'srcset')
  add(node.properties.src, 'src')
  for (const [key, value] of Object.entries(node.properties)) {
    if (notSource.has(key) || typeof value !== 'string' || /\s/.test(value.trim())) continue
    // `data-zoom-image="…/a.jpg"`, or an unknown lazy attribute (`data-lsrc`) holding an absolute URL.
    if (imageExtension.test(value) && /src|img|image|url|original|lazy|file|photo|pic|large|full|zoom/i.test(key)) add(value, key)
    else if (/src/i.test(key) && key !== 'srcSet' && /^(?:https?:)?\/\/[^/]/i.test(value.trim())) add(value, key)
  }
  return candidates
}

/**
 * Candidate URLs of a `<picture>`: its `<img>`'s own first, then its
 * `<source>`s' (`srcset`, `data-srcset`, `data-lazy-srcset`; largest of
 * each), sources without a `media` query or for the widest screens first.
 *
 * @param picture
 *   `<picture>` element.
 * @returns
 *   Candidates, best first (possibly none).
 */
export function pictureCandidates(picture: Element): Array<SourceCandidate> {
  const img = picture.children.find((child): child is Element => child.type === 'element' && (child.tagName === 'img' || child.tagName === 'amp-img'))
  const candidates = img ? imageCandidates(img) : []
  const sources = picture.children
    .filter((child): child is Element => child.type === 'element' && child.tagName === 'source')
    .map((source, order) => ({source, order, rank: mediaRank(source.properties.media)}))
    .sort((a, b) => b.rank - a.rank || a.order - b.order)
  for (const {source} of sources) {
    for (const name of [...lazySrcsetAttributes, 'srcset']) {
      const value = largestFromSrcset(name === 'srcset' ? source.properties.srcSet : attribute(source, name))
      if (value && !candidates.some((candidate) => candidate.value === value)) candidates.push({value, from: 'source[' + name + ']'})
    }
  }
  return candidates
}

/**
 * How well a `<source media>` suits a wide screen: none is best, then
 * `min-width` (wider first), then anything else (`max-width`: a phone crop).
 */
function mediaRank(media: unknown): number {
  if (typeof media !== 'string' || !media.trim() || /^\s*(?:all|screen)\s*$/i.test(media)) return 100_000
  const min = /min-width\s*:\s*(\d+(?:\.\d+)?)/i.exec(media)
  if (min && !/max-width/i.test(media)) return Number.parseFloat(min[1])
  return -1
}

/**
 * Value of an attribute by its HTML name (`data-lazy-src`, `real_src`).
 *
 * @param node
 *   Element.
 * @param name
 *   Attribute name.
 * @returns
 *   Value, if a string.
 */
export function attribute(node: Element, name: string): string | undefined {
  let property = properties.get(name)
  if (property === undefined) {
    property = find(html, name).property
    if (properties.size >= 1000) properties.clear()
    properties.set(name, property)
  }
  const value = node.properties[property]
  return typeof value === 'string' ? value : undefined
}

/** The hast property of each attribute name `attribute` was asked for (`property-information`'s `find`, once per name). */
const properties = new Map<string, string>()
