/**
 * Figures and captions: HTML5 `<figure>`/`<figcaption>`, WordPress's classic
 * `[caption]` markup (`div.wp-caption` > image + `p.wp-caption-text`, or
 * `dl.wp-caption` > `dt` + `dd.wp-caption-dd`), and caption elements right
 * after an image (`p.image-caption`). A caption becomes emphasised lines
 * right after the image, its links (a photo credit) kept as links.
 *
 * @module
 */

import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import {collapse, textOf} from '../util/text.js'
import {imageTags, isMedia, textWithoutMedia} from './tags.js'
import type {WalkListener} from '../util/walk.js'

/** Class words of WordPress caption text. */
const wpCaptionText = /^wp-caption-(?:text|dd)$/i

/** Class words of a caption (or a photo credit) inside a figure. */
const captionClass =
  /caption|(?:^|[-_])(?:credits?|byline|photo-?credit|image-?credit|img[-_]?desc|pic[-_]?(?:txt|text|desc|note)|photo[-_]?(?:desc|note|text)|image[-_]?(?:desc|text)|img[-_]?(?:txt|text|note))(?:$|[-_])/i

/** Words naming a picture, in class names (`img_descr`, `photo-legend`, `picIntro`). */
const pictureWords = /^(?:img|image|images|pic|pics|picture|photo|photos|foto|figure|fig|tu|tupian)$/

/** Words naming the text that goes with a picture. */
const pictureTextWords = /^(?:txt|text|desc|descr|description|note|notes|intro|info|title|explain|explanation|legend|caption|cap|credit|credits|source)$/

/** A picture word glued to a text word (`pictext`, `imgdesc`, `phototitle`). */
const gluedPictureText = /^(?:img|image|pic|picture|photo|foto|figure|fig)(?:txt|text|desc|descr|description|note|intro|info|title|explain|legend|caption|cap|credit|source)s?$/

/**
 * Whether a class name names a picture's caption by its words (split at
 * `-`, `_` and lower-to-upper case changes): `caption` or `legend` as a word, a
 * picture word followed by a text word (`img_descr`, `photo-legend`,
 * `picIntro`, `image-info`), or the two glued (`pictext`, `imgtitle`).
 */
function captionWords(name: string): boolean {
  const words = name
    .replace(/([a-z\d])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .split(/[-_\s]+/)
    .filter(Boolean)
  let picture = false
  for (const word of words) {
    if (word === 'caption' || word === 'captions' || word === 'figcaption' || word === 'legend' || gluedPictureText.test(word)) return true
    if (picture && pictureTextWords.test(word)) return true
    if (pictureWords.test(word)) picture = true
  }
  return false
}

/** Class words that look like a caption but are controls. */
const notCaption = /captions?[-_]?(?:toggle|button|btn|icon|track|off|on)$|closed-?caption/i

/** A caption longer than this is article text, not a caption. */
const maxCaption = 600

/** Phrasing elements kept inside a caption line (others are unwrapped). */
const keptPhrasing: ReadonlySet<string> = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var'
])

/** Elements that start a new caption line. */
const lineBlocks: ReadonlySet<string> = new Set([
  'p',
  'div',
  'dd',
  'dt',
  'li',
  'ul',
  'ol',
  'section',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'footer',
  'figcaption',
  'table',
  'tr'
])

function classes(node: Element): Array<string> {
  const value = node.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

/**
 * Whether `node` is a figure: `<figure>`, `.wp-caption`, or an element with
 * a `.wp-caption-text` child (WordPress `[caption]` markup). An image or
 * embed is what a figure shows, never a figure itself, whatever its class
 * (`<img class="wp-caption">`: taken as a figure, it had no body and went
 * silently; inside a link, the link was pushed down onto it forever).
 *
 * @param node
 *   Element.
 * @returns
 *   Whether it is a figure.
 */
export function isFigure(node: Element, hints?: FigureHints | undefined): boolean {
  if (node.tagName === 'figure') return true
  if (isMedia(node)) return false
  if (classes(node).some((name) => /^wp-caption$/i.test(name))) return true
  if (hints && hints.seen.has(node)) return hints.captioned.has(node)
  return node.children.some((child) => isCaptionText(child))
}

/** What a shared walk saw of figures (`figureHintsPart`): spares `isFigure` a read of the children of the elements it saw. */
export interface FigureHints {
  /** Elements the walk saw. */
  seen: WeakSet<Element>
  /** Of those, the ones with a `.wp-caption-text` child. */
  captioned: WeakSet<Element>
}

/**
 * A listener of a shared walk (`walkShared`) noting which elements have a
 * `.wp-caption-text` child, for `isFigure`: valid while their children stay
 * (put it after listeners that change the tree).
 */
export function figureHintsPart(): {listener: WalkListener; hints: FigureHints} {
  const hints: FigureHints = {seen: new WeakSet(), captioned: new WeakSet()}
  return {
    listener: {
      enter(element, parent) {
        hints.seen.add(element)
        if (parent.type === 'element' && isCaptionText(element)) hints.captioned.add(parent)
      }
    },
    hints
  }
}

function isCaptionText(node: ElementContent): boolean {
  return node.type === 'element' && classes(node).some((name) => wpCaptionText.test(name))
}

/**
 * Whether `node` is a caption: `<figcaption>`, `.wp-caption-text`, or a
 * short element without media or headings whose class names a caption or
 * credit (`captionClass`, or by its words: `img_descr`, `photo-legend`,
 * `picIntro`, `pictext`; see `captionWords`).
 *
 * @param node
 *   Element.
 * @param inFigure
 *   Whether it sits in a figure (credit classes count only there).
 * @returns
 *   Whether it is a caption.
 */
export function isCaption(node: Element, inFigure: boolean): boolean {
  return captionTextOf(node, inFigure) !== undefined
}

/**
 * The text of a caption (`isCaption`), read once for the test and the
 * image's missing `alt` (collapsed white space, `textOf`).
 *
 * @param node
 *   Element.
 * @param inFigure
 *   Whether it sits in a figure (credit classes count only there).
 * @returns
 *   Its text when it is a caption (may be `''`), else `undefined`.
 */
export function captionTextOf(node: Element, inFigure: boolean): string | undefined {
  if (!isCaptionNamed(node, inFigure) || imageTags.has(node.tagName)) return undefined
  // No media and no heading inside, and the text, told on one pass.
  const raw = textWithoutMedia(node, isHeading)
  const text = raw === undefined ? undefined : collapse(raw)
  return text !== undefined && text.length <= maxCaption ? text : undefined
}

/**
 * Whether `node` is named a caption: `<figcaption>`, `.wp-caption-text`, or
 * a class naming a caption or credit (the first test of `isCaption`, on the
 * element alone: nothing below it is read).
 *
 * @param node
 *   Element.
 * @param inFigure
 *   Whether it sits in a figure (credit classes count only there).
 * @returns
 *   Whether it is named a caption.
 */
export function isCaptionNamed(node: Element, inFigure: boolean): boolean {
  const names = classes(node)
  return (
    node.tagName === 'figcaption' ||
    names.some((name) => wpCaptionText.test(name)) ||
    names.some((name) => !notCaption.test(name) && ((captionClass.test(name) && (inFigure || /caption|desc|txt|text|note/i.test(name))) || captionWords(name)))
  )
}

/**
 * Whether `isFigure` may hold for `node` by the element alone: `<figure>`
 * or `.wp-caption` (a parent of a `.wp-caption-text` is told by that child).
 *
 * @param node
 *   Element.
 * @returns
 *   Whether it is named a figure.
 */
export function isFigureNamed(node: Element): boolean {
  return node.tagName === 'figure' || classes(node).some((name) => /^wp-caption$/i.test(name))
}

/** A figure split into its content and its captions. */
export interface FigureParts {
  /** What the figure shows (images, links, embeds, quotes), captions taken out. */
  body: Array<ElementContent>
  /** Caption elements, in order. */
  captions: Array<Element>
  /** Their texts (`captionTextOf`), in the same order. */
  texts: Array<string>
}

/**
 * Split a figure into body and captions (captions found at any depth, but
 * not inside a nested figure). The figure's children are taken, not copied.
 *
 * @param figure
 *   Figure element.
 * @returns
 *   Parts.
 */
export function splitFigure(figure: Element): FigureParts {
  const captions: Array<Element> = []
  const texts: Array<string> = []
  const take = (parent: Element): Array<ElementContent> => {
    const kept: Array<ElementContent> = []
    for (const child of parent.children) {
      if (child.type === 'element' && !isFigure(child)) {
        const text = captionTextOf(child, true)
        if (text !== undefined) {
          captions.push(child)
          texts.push(text)
          continue
        }
        child.children = take(child)
        // `<dt>` of `dl.wp-caption` holds the image: unwrap it.
        if (child.tagName === 'dt' || child.tagName === 'dd') {
          kept.push(...child.children)
          continue
        }
      }
      kept.push(child)
    }
    return kept
  }
  const body = take(figure)
  return {body, captions, texts}
}

/**
 * Emphasised caption paragraphs: one `<p><em>…</em></p>` per line of the
 * captions (each block inside a caption is a line), links and other
 * phrasing kept, nested emphasis unwrapped, line breaks as spaces.
 *
 * @param captions
 *   Caption elements (their children are taken).
 * @returns
 *   Paragraphs (none when the captions have no text).
 */
export function captionParagraphs(captions: Array<Element>): Array<Element> {
  const lines: Array<Array<ElementContent>> = []
  let line: Array<ElementContent> = []
  const flush = () => {
    if (line.some((node) => textOf(node) !== '')) lines.push(line)
    line = []
  }
  const walk = (nodes: Array<ElementContent>) => {
    for (const node of nodes) {
      if (node.type === 'comment') continue
      if (node.type === 'text') {
        line.push(node)
        continue
      }
      if (node.tagName === 'br') {
        line.push({type: 'text', value: ' '})
        continue
      }
      if (lineBlocks.has(node.tagName)) {
        flush()
        walk(node.children)
        flush()
        continue
      }
      const kept = keptPhrasing.has(node.tagName) ? phrasingWithoutBlock(node) : undefined
      if (kept) {
        node.children = kept
        line.push(node)
        continue
      }
      // `em`, `i`, `font`, `label` and unknown wrappers: their content.
      walk(node.children)
    }
  }
  for (const caption of captions) {
    walk(caption.children)
    flush()
  }
  return lines.map((nodes) => h('p', [h('em', trim(nodes))]))
}

/** Caption text (all captions, whitespace collapsed), for an image's missing `alt`: their texts (`captionTextOf`) joined. */
export function captionText(texts: ReadonlyArray<string>): string {
  return texts.filter(Boolean).join(' ')
}

/**
 * The children of `node` as a caption line's phrasing (emphasis and
 * elements not kept unwrapped, line breaks as spaces, comments dropped),
 * when no line block lies anywhere below it; else `undefined`, with
 * nothing changed. One read: the kept elements below get their new
 * children only once the read found no block.
 */
function phrasingWithoutBlock(node: Element): Array<ElementContent> | undefined {
  const changes: Array<[Element, Array<ElementContent>]> = []
  let blocked = false
  const phrasing = (nodes: Array<ElementContent>): Array<ElementContent> => {
    const result: Array<ElementContent> = []
    for (const child of nodes) {
      if (child.type === 'element' && lineBlocks.has(child.tagName)) blocked = true
      if (blocked) return result
      if (child.type === 'element' && (child.tagName === 'em' || child.tagName === 'i' || !keptPhrasing.has(child.tagName))) {
        if (child.tagName === 'br') result.push({type: 'text', value: ' '})
        else result.push(...phrasing(child.children))
      } else {
        if (child.type === 'element') changes.push([child, phrasing(child.children)])
        if (child.type !== 'comment') result.push(child)
      }
    }
    return result
  }
  const children = phrasing(node.children)
  if (blocked) return undefined
  for (const [element, list] of changes) element.children = list
  return children
}

/** Whether an element is a heading (one inside a caption makes it a header block, whatever its class says). */
function isHeading(node: Element): boolean {
  return /^h[1-6]$/.test(node.tagName)
}

/** Trim white space at both ends of a line (emphasis must not start or end with it). */
function trim(nodes: Array<ElementContent>): Array<ElementContent> {
  const first = firstText(nodes, 1)
  if (first) first.value = first.value.trimStart()
  const last = firstText(nodes, -1)
  if (last) last.value = last.value.trimEnd()
  return nodes
}

function firstText(nodes: Array<ElementContent>, step: 1 | -1): {value: string} | undefined {
  for (let index = step === 1 ? 0 : nodes.length - 1; index >= 0 && index < nodes.length; index += step) {
    const node = nodes[index]
    if (node.type === 'text') {
      if (node.value.trim()) return node
      node.value = ''
      continue
    }
    if (node.type === 'element') {
      const inner = firstText(node.children, step)
      if (inner) return inner
    }
  }
  return undefined
}
