/**
 * Inline `<svg>` in the article: Markdown has no syntax for it and
 * `hast-util-to-mdast` ignores it, so a chart or diagram drawn inline would
 * go without a word. An SVG that only frames a raster image (`<svg><image
 * href="photo.jpg"/></svg>`, a lazy-loading pattern) becomes that image; an
 * SVG that is content is reported as a dropped image (`dropped-image`, rule
 * `inline-svg`, naming its title); decoration goes quietly.
 *
 * Content: a `<title>` or `<desc>`, `role="img"` or an `aria-label` and a
 * size above 32 pixels (`width`/`height`, else the `viewBox`; or none
 * given), or, untitled, drawn 100 pixels or more each way (`width` and
 * `height` attributes; a percentage width counts).
 * Decoration: `aria-hidden="true"`, `role="presentation"`/`"none"`, an
 * `icon` class, a size of at most 32 pixels, or neither label nor drawn
 * size (sprite `<use>` icons, CSS-sized icons). Follows WAI-ARIA's rules for images (`role=img`) and
 * presentational elements.
 *
 * @module
 */

import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {VFile} from 'vfile'
import {describeElement, noteRemoval} from '../util/removals.js'
import {textOf} from '../util/text.js'

/** Largest size, in pixels, of an icon. */
const iconSize = 32

/** Smallest size, in pixels each way, of an untitled SVG taken as a figure. */
const figureSize = 100

/**
 * What replaces an inline `<svg>`: the raster image it frames (an `<img>`
 * with its `href`, not resolved yet), else nothing; a content SVG is
 * reported on `file`.
 *
 * @param node
 *   `<svg>` element.
 * @param file
 *   File to report on.
 * @returns
 *   Replacement (possibly empty).
 */
export function replaceInlineSvg(node: Element, file: VFile): Array<ElementContent> {
  if (presentational(node)) return []
  const label = svgLabel(node)
  const framed = framedImage(node)
  if (framed) return [h('img', {src: framed, alt: label})]
  const size = svgSize(node)
  const small = size !== undefined && size.width <= iconSize && size.height <= iconSize
  if (small) return []
  const role = String(node.properties.role || '').toLowerCase()
  if (!label && role !== 'img' && !drawnLarge(node)) return []
  const sample = (label ? '“' + label.slice(0, 80) + '”' : 'untitled') + (size ? ', ' + Math.round(size.width) + '×' + Math.round(size.height) : '') + ' (inline SVG)'
  noteRemoval(file, {kind: 'image', rule: 'inline-svg', characters: 0, element: describeElement(node), sample}, node)
  return []
}

/**
 * Whether an untitled SVG is drawn at the size of a chart or diagram: a
 * `height` attribute of 100 pixels or more and a `width` of as much or a
 * percentage (a `viewBox` alone is a coordinate system, not a size: icons
 * are drawn in `0 0 800 800` and sized by CSS).
 */
function drawnLarge(node: Element): boolean {
  const height = pixels(node.properties.height)
  const width = pixels(node.properties.width)
  const relative = typeof node.properties.width === 'string' && node.properties.width.trim().endsWith('%')
  return height !== undefined && height >= figureSize && ((width !== undefined && width >= figureSize) || relative)
}

/** Whether an SVG is marked as decoration for assistive technology, or named an icon by its class (`icon`, `SvgIcon`). */
function presentational(node: Element): boolean {
  if (String(node.properties.ariaHidden) === 'true') return true
  const className = Array.isArray(node.properties.className) ? node.properties.className.join(' ') : ''
  if (/icon/i.test(className)) return true
  const role = String(node.properties.role || '').toLowerCase()
  return role === 'presentation' || role === 'none'
}

/** The SVG's accessible name: `aria-label`, else its first `<title>`, else `<desc>`. */
function svgLabel(node: Element): string {
  const aria = String(node.properties.ariaLabel || '').trim()
  if (aria) return aria
  for (const name of ['title', 'desc']) {
    const child = node.children.find((child): child is Element => child.type === 'element' && child.tagName === name)
    const text = child ? textOf(child).trim() : ''
    if (text) return text
  }
  return ''
}

/** The `href` of the one `<image>` an SVG holds when it draws nothing else (shapes, text). */
function framedImage(node: Element): string | undefined {
  const images: Array<Element> = []
  let drawn = false
  const stack: Array<ElementContent> = [...node.children]
  while (stack.length > 0) {
    const current = stack.pop()!
    if (current.type !== 'element') continue
    if (current.tagName === 'image') images.push(current)
    else if (drawing.has(current.tagName)) drawn = true
    else stack.push(...current.children)
  }
  if (drawn || images.length !== 1) return undefined
  const href = images[0].properties.href ?? images[0].properties.xLinkHref
  return typeof href === 'string' && href.trim() && !/^\s*data:/i.test(href) ? href.trim() : undefined
}

/** SVG elements that draw something of their own. */
const drawing: ReadonlySet<string> = new Set(['path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'use', 'foreignObject'])

/** Width and height in pixels from `width`/`height` (numbers or `px`), else from the `viewBox`. */
function svgSize(node: Element): {width: number; height: number} | undefined {
  const width = pixels(node.properties.width)
  const height = pixels(node.properties.height)
  if (width !== undefined && height !== undefined) return {width, height}
  const box = String(node.properties.viewBox || '')
    .trim()
    .split(/[\s,]+/)
    .map(Number)
  if (box.length === 4 && box.every((value) => Number.isFinite(value))) {
    const ratio = box[2] > 0 ? box[3] / box[2] : 0
    if (width !== undefined) return {width, height: width * ratio}
    return {width: box[2], height: box[3]}
  }
  return undefined
}

/** A length in pixels (`24`, `24px`), else `undefined` (percentages, `em`). */
function pixels(value: unknown): number | undefined {
  if (typeof value === 'number') return value
  const match = typeof value === 'string' ? /^(\d+(?:\.\d+)?)(?:px)?$/.exec(value.trim()) : null
  return match ? Number.parseFloat(match[1]) : undefined
}
