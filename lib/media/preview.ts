/**
 * Low-quality image previews ("blur-up", LQIP): pages that load images
 * progressively show a tiny, blurred copy of a picture (Medium's 60-pixel
 * `max/60/…?q=20`, Gatsby's blurred placeholder) next to the real image, for
 * scripts to swap. Both are `<img>`s with a source, so without a rule the
 * Markdown shows the picture twice, once as a blur.
 *
 * Two images with no text between them form a pair; one of them is a preview
 * when:
 *
 * - it is marked as one (a `blur`/`lqip` class word, or `filter: blur(…)` in
 *   its inline style) and shows its own `src` (no lazy or responsive source
 *   it would be swapped for), and the other is not, or
 * - both show the same picture (same host and file name, size suffixes like
 *   `-300x200` and `@2x` aside) and it is the small copy: its URL names a
 *   width of at most 100 pixels (`/max/60/`, `w_60`, `?w=60`, `-60x40.jpg`)
 *   or a quality of at most 30 (`?q=20`), and the other's does not.
 *
 * Follows the blur-up pattern as lazysizes, Gatsby image and Medium write it.
 *
 * @module
 */

import type {Element} from 'hast'

/** What the pair rule reads of an image. */
export interface PreviewFacts {
  /** `host/stem` of the resolved URL (`''` when it has no file name). */
  picture: string
  /** Whether the element is marked as a preview (class, inline style). */
  marked: boolean
  /** Whether its URL names a small copy (width at most 100 pixels, quality at most 30). */
  small: boolean
}

/** Largest width, in pixels, named in the URL of a preview. */
const previewWidth = 100

/** Largest quality (`q=`) of a preview. */
const previewQuality = 30

/**
 * Facts of an image element for the pair rule.
 *
 * @param node
 *   The `<img>` or `<picture>` as written (before its attributes are dropped).
 * @param src
 *   Its resolved source.
 * @returns
 *   Facts.
 */
export function previewFacts(node: Element, src: string): PreviewFacts {
  const className = Array.isArray(node.properties.className) ? node.properties.className.join(' ') : ''
  const style = typeof node.properties.style === 'string' ? node.properties.style : ''
  // A marked image with a lazy or responsive source shows that source (lazysizes' `lazyload blur-up` with `data-src`): the real picture.
  const marked = (/blur|lqip/i.test(className) || blurred(style)) && !hasAlternative(node)
  let url: URL | undefined
  try {
    url = new URL(src)
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return {picture: '', marked, small: false}
  return {picture: pictureOf(url), marked, small: isSmallCopy(url)}
}

/**
 * Which image of an adjacent pair is a preview of the other, if either.
 *
 * @param first
 *   Facts of the first image (in document order).
 * @param second
 *   Facts of the second.
 * @returns
 *   `'first'`, `'second'` or `undefined`.
 */
export function previewInPair(first: PreviewFacts, second: PreviewFacts): 'first' | 'second' | undefined {
  if (first.marked !== second.marked) return first.marked ? 'first' : 'second'
  if (!first.picture || first.picture !== second.picture || first.small === second.small) return undefined
  return first.small ? 'first' : 'second'
}

/** Whether an image has a source besides its `src`: `srcset`, a `data-*` source (`data-src`, `data-srcset`, …), or, for a `<picture>`, `<source>`s. */
function hasAlternative(node: Element): boolean {
  if (node.tagName === 'picture') return node.children.some((child) => child.type === 'element' && child.tagName === 'source')
  return Object.keys(node.properties).some((name) => name === 'srcSet' || (name.startsWith('data') && /src/i.test(name)))
}

/** Whether an inline style has a `filter` (or `-webkit-filter`) with `blur(…)`. */
function blurred(style: string): boolean {
  return style.split(';').some(function (declaration) {
    const colon = declaration.indexOf(':')
    const name = declaration.slice(0, colon).trim().toLowerCase()
    return (
      colon > 0 &&
      (name === 'filter' || name === '-webkit-filter') &&
      declaration
        .slice(colon + 1)
        .toLowerCase()
        .includes('blur(')
    )
  })
}

/** `host/stem`: the file name without extension, size suffix (`-300x200`, `@2x`) and `-scaled`. */
function pictureOf(url: URL): string {
  const segments = url.pathname.split('/').filter(Boolean)
  let name = segments.length > 0 ? segments[segments.length - 1] : ''
  try {
    name = decodeURIComponent(name)
  } catch {
    // Keep it as written.
  }
  name = name.toLowerCase()
  const dot = name.lastIndexOf('.')
  if (dot > 0) name = name.slice(0, dot)
  name = stripSuffix(stripSuffix(name, '-scaled'), '@2x')
  const size = /-\d{1,5}x\d{1,5}$/.exec(name)
  if (size) name = name.slice(0, size.index)
  return name ? url.host + '/' + name : ''
}

function stripSuffix(value: string, suffix: string): string {
  return value.endsWith(suffix) ? value.slice(0, -suffix.length) : value
}

/** Whether a URL names a small or low-quality copy: a width of at most 100 pixels in its path, file name or query, or a quality of at most 30. */
function isSmallCopy(url: URL): boolean {
  const widths: Array<number> = []
  const segments = url.pathname.split('/')
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]
    // `/max/60/`, `/resize/60/`, `/width/60/`.
    if (/^(?:max|resize|width|w)$/i.test(segment) && /^\d{1,5}$/.test(segments[index + 1] || '')) widths.push(Number(segments[index + 1]))
    // Cloudinary `w_60,…`.
    for (const part of segment.split(',')) {
      const match = /^w_(\d{1,5})$/.exec(part)
      if (match) widths.push(Number(match[1]))
    }
  }
  // `photo-60x40.jpg`.
  const file = /-(\d{1,5})x\d{1,5}\.[a-z\d]{2,5}$/i.exec(segments[segments.length - 1] || '')
  if (file) widths.push(Number(file[1]))
  for (const name of ['w', 'width', 'imwidth']) {
    const value = url.searchParams.get(name)
    if (value && /^\d{1,5}$/.test(value)) widths.push(Number(value))
  }
  const quality = url.searchParams.get('q') || url.searchParams.get('quality')
  if (quality && /^\d{1,3}$/.test(quality) && Number(quality) <= previewQuality) return true
  return widths.some((width) => width > 0 && width <= previewWidth)
}
