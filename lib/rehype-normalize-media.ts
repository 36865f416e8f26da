import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import {select} from './util/select.js'
import type {Plugin} from 'unified'
import {visit} from 'unist-util-visit'
import {report} from './messages.js'
import type {Options} from './types.js'
import {baseUrl, pageUrl} from './util/page-url.js'
import {fileUrl, safeUrl} from './util/safe-url.js'
import {textOf} from './util/text.js'

const emptyOptions: Readonly<Options> = {}

/** Attributes lazy-loading scripts keep the real image URL in, in order. */
const lazySources = ['dataSrc', 'dataOriginal', 'dataLazySrc', 'dataOriginalSrc', 'dataActualsrc', 'dataUrl']

/**
 * Make links, images, figures and embeds publishable: real image URLs from
 * lazy-loading attributes and `srcset`, every URL resolved against
 * `<base href>`, the page URL or the `url` option, `javascript:`/`vbscript:`/
 * `data:` URLs dropped (their text kept), anchors without a target unwrapped,
 * a figure's caption kept right after its image (a caption-only figure keeps
 * the caption as an emphasised line), video iframes turned into links.
 */
export const rehypeNormalizeMedia: Plugin<[(Readonly<Options> | null | undefined)?], Root> = function (options) {
  const settings = options || emptyOptions
  return function (tree, file) {
    const base = file.data.baseUrl || baseUrl(tree, pageUrl(tree, settings.url || file.data.pageUrl)?.value)
    const allowData = Boolean(settings.allowDataImages)
    const allowFile = Boolean(settings.allowFileImages)
    const resolve = function (value: unknown, node: Element, data = false): string | undefined {
      if (typeof value !== 'string' || !value.trim()) return undefined
      const url = safeUrl(value, base, data && allowData) ?? (data && allowFile ? fileUrl(value) : undefined)
      if (!url && !/^\s*data:image\//i.test(value)) report(file, 'unsafe-url', 'Dropped unsafe URL `' + value.slice(0, 40) + '`', node)
      return url
    }

    visit(tree, 'element', function (node, index, parent) {
      if (!parent || index === undefined) return undefined
      if (node.tagName === 'a') {
        const kept = link(node, resolve)
        if (!Array.isArray(kept)) return undefined
        parent.children.splice(index, 1, ...kept)
        return index
      }
      let replacement: Array<ElementContent> | undefined
      if (node.tagName === 'img') replacement = image(node, resolve)
      else if (node.tagName === 'iframe') replacement = embed(node, resolve)
      else if (node.tagName === 'video' || node.tagName === 'audio') replacement = media(node, resolve)
      else if (node.tagName === 'figure') {
        if (!select('img, iframe', node) && select('figcaption', node)) report(file, 'figure-without-image', 'Figure has a caption but no image', node)
        replacement = figure(node, resolve)
      }
      if (!replacement) return undefined
      parent.children.splice(index, 1, ...replacement)
      return index + replacement.length
    })
  }
}

type Resolve = (value: unknown, node: Element, data?: boolean) => string | undefined

function image(node: Element, resolve: Resolve): Array<ElementContent> {
  const props = node.properties
  const candidates = [...lazySources.map((key) => props[key]), largestFromSrcset(props.dataSrcset), largestFromSrcset(props.srcSet), props.src]
  const placeholder = typeof props.src === 'string' && /^\s*data:/i.test(props.src)
  // The first candidate that is safe: an unsafe `srcset` or `data-src` does not hide a safe `src`.
  let src: string | undefined
  for (const value of candidates) {
    if (typeof value !== 'string' || !value.trim() || (placeholder && value === props.src)) continue
    src = resolve(value, node, true)
    if (src) break
  }
  if (!src && placeholder) src = resolve(props.src, node, true)
  if (!src) return []
  return [h('img', {src, alt: String(props.alt || '').trim(), title: props.title ? String(props.title) : undefined})]
}

/** The link itself when kept, else what replaces it (its children, or nothing). */
function link(node: Element, resolve: Resolve): Element | Array<ElementContent> {
  const hasContent = textOf(node) || select('img', node)
  if (!hasContent) return []
  const href = node.properties.href === undefined ? undefined : resolve(node.properties.href, node)
  if (!href || href.startsWith('#')) return node.children
  const title = node.properties.title && node.properties.title !== textOf(node) ? node.properties.title : undefined
  node.properties = {href, title}
  return node
}

function embed(node: Element, resolve: Resolve): Array<ElementContent> {
  const src = resolve(node.properties.src || node.properties.dataSrc, node)
  if (!src) return []
  const label = String(node.properties.title || '').trim() || src
  return [h('p', [h('a', {href: src}, label)])]
}

/**
 * A `<video>` or `<audio>` as a link to its source (`src`, else the first
 * `<source src>`), labelled with its title or fallback text; its poster is
 * dropped. Unsafe sources are dropped like links' (the fallback text kept):
 * left alone, `hast-util-to-mdast` would write `[text](javascript:…)` and a
 * poster image with any URL.
 */
function media(node: Element, resolve: Resolve): Array<ElementContent> {
  const source = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'source' && typeof child.properties.src === 'string')
  const src = resolve(node.properties.src || (source && source.properties.src), node)
  const fallback = textOf(node)
  if (!src) return fallback ? [h('p', fallback)] : []
  const label = String(node.properties.title || '').trim() || fallback || src
  return [h('p', [h('a', {href: src}, label)])]
}

function figure(node: Element, resolve: Resolve): Array<ElementContent> | undefined {
  const caption = select('figcaption', node)
  const captionText = caption ? textOf(caption) : ''
  const result: Array<ElementContent> = []
  visit(node, 'element', function (child) {
    if (child.tagName === 'iframe') result.push(...embed(child, resolve))
    if (child.tagName !== 'img') return
    for (const img of image(child, resolve)) {
      if (img.type === 'element' && !img.properties.alt && captionText) img.properties.alt = captionText
      result.push(h('p', [img]))
    }
  })
  if (captionText) result.push(h('p', [h('em', captionText)]))
  return result.length > 0 ? result : undefined
}

function largestFromSrcset(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined
  let best: string | undefined
  let bestSize = -1
  for (const part of value.split(/,\s+/)) {
    const [url, descriptor] = part.trim().split(/\s+/)
    const size = descriptor ? Number.parseFloat(descriptor) : 1
    if (url && size > bestSize) {
      best = url
      bestSize = size
    }
  }
  return best
}

