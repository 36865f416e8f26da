/**
 * Content images given as a CSS background inside the article: a hero or
 * lazy-loaded photo written as `<div style="background-image:url(…)">`,
 * `<figure style="background:url(…) center/cover">` or a lazy
 * `data-bg`/`data-background-image` attribute. HTML-to-Markdown converters
 * drop them silently (no `<img>`); here each becomes an `<img>`, first in
 * its element, taking the element's `aria-label` or `title` as `alt` (a
 * figure's caption fills it later).
 *
 * Decoration stays CSS: gradients (no `url()`), sprites and icons (an
 * offset `background-position`, a repeating pattern, a size of at most 32
 * pixels, inline elements such as `<i>` and `<span>` unless marked
 * `role="img"`), elements hidden from
 * assistive technology (`aria-hidden`, `role=presentation|none`), and
 * placeholders (`blank.gif`, short `data:` URIs). Inline styles are parsed
 * with `css-tree`.
 *
 * @module
 */

import type {Element} from 'hast'
import {h} from 'hastscript'
import {parse, walk} from 'css-tree'
import type {CssNode} from 'css-tree'
import {attribute, isPlaceholder} from './image-source.js'

/** Lazy-loading attributes that hold a background image URL (lazysizes `data-bg`, WP Rocket `data-bg`, Elementor, vanilla-lazyload `data-bg`/`data-bg-hidpi`). */
const lazyBackgroundAttributes: ReadonlyArray<string> = ['data-bg-hidpi', 'data-bg', 'data-background-image', 'data-background', 'data-bg-image', 'data-bg-src', 'data-image-src']

/** Elements a content background can be given on (boxes, not inline text or icons). */
const boxTags: ReadonlySet<string> = new Set(['div', 'figure', 'section', 'a', 'header', 'picture', 'p', 'li', 'td', 'aside'])

/** Largest size, in pixels, of an icon. */
const iconSize = 32

/**
 * The URL of a content image `node` shows as its CSS background, as
 * written (not resolved), or `undefined` for none or decoration.
 *
 * @param node
 *   Element (any).
 * @returns
 *   URL as written, if any.
 */
export function backgroundImageUrl(node: Element): string | undefined {
  // Any element marked as an image (`<span role="img" aria-label="…" data-bg="…">`) shows one.
  if (!boxTags.has(node.tagName) && String(node.properties.role || '').toLowerCase() !== 'img') return undefined
  const style = typeof node.properties.style === 'string' ? node.properties.style : ''
  let lazy: string | undefined
  for (const name of lazyBackgroundAttributes) {
    const value = attribute(node, name)
    if (value !== undefined && !isPlaceholder(unwrapUrl(value))) {
      lazy = value
      break
    }
  }
  if (!lazy && !/url\(/i.test(style)) return undefined
  if (decorative(node)) return undefined
  const background = readStyle(style)
  if (background.tiled || background.offset || background.small) return undefined
  const url = lazy ? unwrapUrl(lazy) : background.url
  // A `data:` URI in CSS is a pattern or a placeholder, not a photo.
  return url === undefined || isPlaceholder(url) || /^data:/i.test(url) ? undefined : url
}

/**
 * Give `node` the `<img>` its CSS background shows, first among its
 * children, and drop the background from its style; `false` when it shows
 * no content image.
 *
 * @param node
 *   Element (any); changed in place.
 * @returns
 *   Whether an image was added.
 */
export function revealBackgroundImage(node: Element): boolean {
  const url = backgroundImageUrl(node)
  if (!url) return false
  const alt = String(node.properties.ariaLabel || node.properties.title || '').trim()
  node.children.unshift(h('img', {src: url, alt}))
  // The title became the image's `alt`: a link keeps no copy of it.
  if (!node.properties.ariaLabel) node.properties.title = undefined
  node.properties.style = undefined
  for (const name of lazyBackgroundAttributes) node.properties[toProperty(name)] = undefined
  return true
}

/** What an inline style says about its background. */
interface Background {
  /** The first `url()` of `background` or `background-image`, as written. */
  url: string | undefined
  /** Tiled (`repeat`, `repeat-x`, `space`, `round`): a pattern. */
  tiled: boolean
  /** A negative `background-position`: a sprite. */
  offset: boolean
  /** `width`, `height` or `background-size` of at most 32 pixels: an icon. */
  small: boolean
}

/** Read the background of an inline style (css-tree parses it; unparseable parts are skipped). */
function readStyle(style: string): Background {
  const found: Background = {url: undefined, tiled: false, offset: false, small: false}
  if (!style.trim()) return found
  let ast: CssNode
  try {
    ast = parse(style, {context: 'declarationList', parseValue: true})
  } catch {
    return found
  }
  walk(ast, {
    visit: 'Declaration',
    enter(declaration) {
      const property = declaration.property.toLowerCase()
      if (property === 'background' || property === 'background-image') {
        walk(declaration.value, {
          visit: 'Url',
          enter(url) {
            if (found.url === undefined && url.value.trim()) found.url = url.value.trim()
          }
        })
      }
      const words = valueWords(declaration.value)
      if ((property === 'background' || property === 'background-repeat') && words.some((word) => tiled.has(word))) found.tiled = true
      if ((property === 'background' || property === 'background-position') && words.some((word) => word.startsWith('-') && pixels(word.slice(1)) !== undefined)) found.offset = true
      const size = words.length > 0 ? pixels(words[0]) : undefined
      if ((property === 'width' || property === 'height' || property === 'background-size') && size !== undefined && size <= iconSize) found.small = true
    }
  })
  return found
}

/** Whether an element is marked as decoration for assistive technology, or is icon-sized by its attributes. */
function decorative(node: Element): boolean {
  if (String(node.properties.ariaHidden) === 'true') return true
  const role = String(node.properties.role || '').toLowerCase()
  if (role === 'presentation' || role === 'none') return true
  const width = pixels(String(node.properties.width ?? ''))
  const height = pixels(String(node.properties.height ?? ''))
  return (width !== undefined && width <= iconSize) || (height !== undefined && height <= iconSize)
}

/** A length in pixels (`24px`, `24`), else `undefined`. */
function pixels(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(?:px)?$/.exec(value.trim())
  return match ? Number.parseFloat(match[1]) : undefined
}

/** Values of `background-repeat` that tile an image (a pattern, not a picture). */
const tiled: ReadonlySet<string> = new Set(['repeat', 'repeat-x', 'repeat-y', 'space', 'round'])

/** The words of a CSS value: identifiers (lowercase), dimensions and numbers (`-20px`, `0`). */
function valueWords(value: CssNode): Array<string> {
  if (value.type === 'Raw')
    return value.value
      .toLowerCase()
      .split(/[\s,/]/)
      .filter(Boolean)
  const words: Array<string> = []
  walk(value, function (node) {
    if (node.type === 'Identifier') words.push(node.name.toLowerCase())
    else if (node.type === 'Dimension') words.push(node.value + node.unit.toLowerCase())
    else if (node.type === 'Number') words.push(node.value)
  })
  return words
}

/** A lazy attribute's value without a CSS `url(…)` around it (`data-bg="url(a.jpg)"`). */
function unwrapUrl(value: string): string {
  const trimmed = value.trim()
  if (!/^url\(/i.test(trimmed) || !trimmed.endsWith(')')) return trimmed
  const inner = trimmed.slice(4, -1).trim()
  const quote = inner.charAt(0)
  return (quote === '"' || quote === "'") && inner.endsWith(quote) ? inner.slice(1, -1) : inner
}

/** hast property name of a `data-*` attribute (`data-bg-src` → `dataBgSrc`). */
function toProperty(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())
}
