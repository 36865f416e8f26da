/**
 * The list of the article's images, for callers that move images
 * themselves (`file.data.images`) and for the CLI's `--images copy|download`.
 *
 * Two steps around `rehypeNormalizeMedia`: `captureImageSources` runs before
 * it and notes, for every `<img>` of the article, the URLs as the page wrote
 * them (lazy-loading attributes, `srcset`, the `<source>`s of a `<picture>`,
 * `src`) and the figure caption; `rehypeCollectImages` runs after it and lists
 * the images that are left, in document order, each matched to its note by
 * URL. Without the first step, `original` is the resolved URL and only the
 * final `srcset`-less image is known.
 *
 * @module
 */
import type {Element, Root} from 'hast'
import parseSrcset from 'parse-srcset'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {attribute, lazySourceAttributes, lazySrcsetAttributes} from '../media/image-source.js'
import type {PageUrlOptions} from '../types.js'
import {baseUrlOf} from '../analyse/analysis.js'
import {fileUrl, safeUrl} from '../util/safe-url.js'
import {textOf} from '../util/text.js'
import {walkParts} from '../util/walk.js'
import type {WalkPart} from '../util/walk.js'

/** One URL an image can be fetched from. */
export interface ImageCandidate {
  /** As written in the page (attribute value, or one `srcset` entry). */
  original: string
  /** Resolved against `<base href>` or the page URL; relative when neither is known. */
  url: string
  /** Width descriptor (`800w`), when given. */
  width?: number | undefined
  /** Pixel density descriptor (`2x`), when given. */
  density?: number | undefined
  /** `type` of a `<picture>`'s `<source>` (`image/webp`), when given. */
  type?: string | undefined
  /** `media` of a `<picture>`'s `<source>`, when given. */
  media?: string | undefined
}

/** One image of the article, as the Markdown shows it. */
export interface ArticleImage {
  /** The URL as the page wrote it (for a relative path in a saved page or mirror: the path). */
  original: string
  /** The URL in the Markdown (resolved; relative only when no page URL or base is known). */
  url: string
  /** Alternative text (`''` when none; a figure's caption when the image had none). */
  alt: string
  /** `title` attribute, when given. */
  title?: string | undefined
  /** Caption of the enclosing `<figure>`, when any. */
  caption?: string | undefined
  /**
   * Every entry of the image's srcsets (`srcset`, `data-srcset`,
   * `<picture>` `<source srcset>`), resolved, largest first (by width, then
   * density): the one in the Markdown among them when it came from one,
   * `src` only when a srcset names it too; empty when there is no srcset.
   */
  candidates: Array<ImageCandidate>
}

/** What the page wrote for one `<img>`, noted before normalisation. */
interface Noted {
  /** Every URL the element names (lazy attributes, `srcset`s, `src`), resolved and as written. */
  urls: Array<{original: string; url: string}>
  candidates: Array<ImageCandidate>
  caption: string | undefined
  used: boolean
}

const notes = new WeakMap<VFile, Array<Noted>>()

/** Attributes holding a `srcset`: the lazy ones `rehypeNormalizeMedia` reads, then the standard one. */
const srcsetAttributes: ReadonlyArray<string> = [...lazySrcsetAttributes, 'srcset']

/**
 * Note the sources of every `<img>` in `tree` on `file` (not in the tree),
 * for `rehypeCollectImages`. Run after pruning to the article root and before
 * `rehypeNormalizeMedia`.
 */
export function captureImageSources(tree: Root, file: VFile, options?: Readonly<PageUrlOptions> | null | undefined): void {
  walkParts(tree, [captureImagesPart(tree, file, options)])
}

/**
 * `captureImageSources` as a part of a shared walk (`walkParts`): notes each
 * `<img>` as the walk meets it, with the caption of the `<figure>` and the
 * `<picture>` around it; the notes go on `file` when the walk is over.
 * Changes nothing in the tree.
 */
export function captureImagesPart(tree: Root, file: VFile, options?: Readonly<PageUrlOptions> | null | undefined): WalkPart {
  const base = baseUrlOf(tree, file, options && options.url)
  const resolve = (value: string) => safeUrl(value, base, true) ?? fileUrl(value)
  const list: Array<Noted> = []
  // The caption and `<picture>` each open element passes to its descendants.
  const context: Array<{caption: string | undefined; picture: Element | undefined}> = [{caption: undefined, picture: undefined}]
  return {
    listener: {
      enter(node) {
        const {caption, picture} = context[context.length - 1]
        if (node.tagName === 'img') {
          list.push(note(node, picture, caption, resolve))
          return false
        }
        let inner = caption
        if (node.tagName === 'figure') {
          const figcaption = node.children.find((item): item is Element => item.type === 'element' && item.tagName === 'figcaption')
          inner = figcaption ? textOf(figcaption) || undefined : undefined
        }
        context.push({caption: inner, picture: node.tagName === 'picture' ? node : picture})
      },
      leave() {
        context.pop()
      }
    },
    done() {
      notes.set(file, list)
    }
  }
}

/**
 * List the article's images in `file.data.images` (see `ArticleImage`), in
 * document order, after `rehypeNormalizeMedia` made their URLs final. Data
 * only: the tree is not changed.
 */
export const rehypeCollectImages: Plugin<[], Root> = function () {
  return function (tree, file) {
    walkParts(tree, [collectImagesPart(file)])
  }
}

/**
 * `rehypeCollectImages` as a part of a shared walk (`walkParts`): lists each
 * `<img>` as the walk meets it (reading its `src`, `alt` and `title` then,
 * before parts after it in the same walk change them) and sets
 * `file.data.images` once the walk is over. Changes nothing in the tree.
 */
export function collectImagesPart(file: VFile): WalkPart {
  const noted = notes.get(file) || []
  notes.delete(file)
  const images: Array<ArticleImage> = []
  return {
    listener: {
      enter(element) {
        if (element.tagName !== 'img') return
        const url = element.properties.src
        if (typeof url !== 'string' || !url) return
        const match = noted.find((item) => !item.used && item.urls.some((entry) => entry.url === url || entry.original === url))
        if (match) match.used = true
        const original = match ? (match.urls.find((entry) => entry.url === url || entry.original === url) as {original: string}).original : url
        const title = typeof element.properties.title === 'string' && element.properties.title ? element.properties.title : undefined
        const image: ArticleImage = {original, url, alt: String(element.properties.alt || ''), candidates: match ? match.candidates : []}
        if (title) image.title = title
        if (match && match.caption) image.caption = match.caption
        images.push(image)
      }
    },
    done() {
      file.data.images = images
    }
  }
}

function note(node: Element, picture: Element | undefined, caption: string | undefined, resolve: (value: string) => string | undefined): Noted {
  const urls: Array<{original: string; url: string}> = []
  const candidates: Array<ImageCandidate> = []
  const add = (value: unknown) => {
    if (typeof value !== 'string' || !value.trim()) return
    const url = resolve(value.trim())
    if (url) urls.push({original: value.trim(), url})
  }
  const addSet = (value: unknown, source: Element | undefined) => {
    if (typeof value !== 'string' || !value.trim()) return
    for (const entry of parseSrcset(value)) {
      const url = resolve(entry.url)
      if (!url) continue
      urls.push({original: entry.url, url})
      const candidate: ImageCandidate = {original: entry.url, url}
      if (entry.w !== undefined) candidate.width = entry.w
      if (entry.d !== undefined) candidate.density = entry.d
      const type = source && source.properties.type
      const media = source && source.properties.media
      if (typeof type === 'string' && type) candidate.type = type
      if (typeof media === 'string' && media) candidate.media = media
      candidates.push(candidate)
    }
  }
  // The same attributes, in the same order, as `rehypeNormalizeMedia` reads.
  for (const name of lazySourceAttributes) add(attribute(node, name))
  for (const name of srcsetAttributes) addSet(attribute(node, name), undefined)
  if (picture) {
    for (const child of picture.children) {
      if (child.type !== 'element' || child.tagName !== 'source') continue
      for (const name of srcsetAttributes) addSet(attribute(child, name), child)
      // `<source src>` is not in the standard but some CMSs write it.
      add(child.properties.src)
    }
  }
  add(node.properties.src)
  return {urls, candidates: sortCandidates(candidates), caption, used: false}
}

/**
 * Largest first: by width descriptor, then density; candidates without a
 * descriptor count as `1x` and come after those with a width. Stable, and
 * one entry per URL.
 */
export function sortCandidates(candidates: ReadonlyArray<ImageCandidate>): Array<ImageCandidate> {
  const seen = new Set<string>()
  const unique = candidates.filter((candidate) => !seen.has(candidate.url) && seen.add(candidate.url))
  const rank = (candidate: ImageCandidate) => [candidate.width ?? -1, candidate.density ?? 1] as const
  return unique
    .map((candidate, index) => ({candidate, index}))
    .sort((a, b) => {
      const [aw, ad] = rank(a.candidate)
      const [bw, bd] = rank(b.candidate)
      return bw - aw || bd - ad || a.index - b.index
    })
    .map((item) => item.candidate)
}
