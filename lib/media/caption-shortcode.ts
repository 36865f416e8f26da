/**
 * WordPress `[caption]` shortcodes left as text around an image, as pages
 * show them when the shortcode was not run (feeds, exports, themes that
 * print the raw post content, AMP plugins):
 * `<p>[caption id="attachment_7" align="alignleft" width="300"]<img src=…>
 * The old mill[/caption]</p>`. Read as text, the bracketed markup stayed
 * in the article and the caption was not told from the text. Here each
 * becomes the `<figure>` WordPress renders it as: the image (or linked
 * image), then the text after it, or the `caption="…"` attribute of the
 * older form, as `<figcaption>`.
 *
 * @module
 */

import type {Element, ElementContent, Parents, Text} from 'hast'
import {textOf} from '../util/text.js'
import type {WalkListener} from '../util/walk.js'
import {holdsMedia} from './tags.js'

/** `[caption …]` and `[/caption]` (any case; `wp_caption` is the same shortcode's old name). */
const token = /\[(\/?)(?:wp_)?caption\b([^\]]*)\]/gi

/** A `caption="…"` (or `'…'`) attribute of an opening shortcode. */
const captionAttribute = /\bcaption\s*=\s*(?:"([^"]*)"|'([^']*)')/i

/** One piece of an element's content: a child, or a shortcode's opening or closing. */
type Piece = {node: ElementContent} | {open: string; source: string} | {close: true; source: string}

/**
 * Whether a text holds the start of a `[caption` shortcode (cheap check
 * before `expandCaptionShortcodes`).
 *
 * @param value
 *   Text.
 * @returns
 *   Whether it may open one.
 */
export function opensCaptionShortcode(value: string): boolean {
  return /\[(?:wp_)?caption\b/i.test(value)
}

/**
 * Replace each `[caption …]…[/caption]` around an image among the children
 * of `node` (both in `node`'s own text) by a `<figure>`, in place; a
 * shortcode without an image or without its closing stays text. A figure
 * in a paragraph is left there: the caller splits the paragraph.
 *
 * @param node
 *   Element whose children may hold shortcodes; its children are replaced.
 * @returns
 *   Whether a figure was made.
 */
export function expandCaptionShortcodes(node: Element): boolean {
  const pieces = split(node.children)
  const result: Array<ElementContent> = []
  let found = false
  let open: {attributes: string; source: string; content: Array<ElementContent>} | undefined
  for (const piece of pieces) {
    if ('open' in piece) {
      if (open) result.push(text(open.source), ...open.content)
      open = {attributes: piece.open, source: piece.source, content: []}
    } else if ('close' in piece) {
      const figure = open ? toFigure(open.attributes, open.content) : undefined
      if (figure) {
        result.push(figure)
        found = true
      } else {
        if (open) result.push(text(open.source), ...open.content)
        result.push(text(piece.source))
      }
      open = undefined
    } else if (open) open.content.push(piece.node)
    else result.push(piece.node)
  }
  if (open) result.push(text(open.source), ...open.content)
  if (found) node.children = result
  return found
}

/** Elements a shortcode split over siblings may run through: the paragraphs and wrappers an editor breaks it into, and the image. */
const splitTags: ReadonlySet<string> = new Set(['p', 'div', 'span', 'a', 'img', 'picture', 'figure'])

/** How many siblings after the opening's a split shortcode may run through, and how much text they may hold (a caption, not an article). */
const splitSiblings = 3
const splitText = 400

/**
 * Join a `[caption …]` shortcode that an editor's paragraphs split: the
 * opening (and often the image) in `node`, the caption and `[/caption]` in
 * a following sibling (`<p>[caption …]<img></p><p>The mill[/caption]</p>`).
 * When `node`'s own text ends with an opening left open and one of the next
 * few element siblings (`p`, `div`, `span`, `a`, image; a caption's worth
 * of text in all) closes it, those siblings' content moves into `node`,
 * a space before each, and the siblings are removed; `expandCaptionShortcodes`
 * then makes the figure. Nothing changes otherwise.
 *
 * @param node
 *   Element that may hold the opening.
 * @param parent
 *   Its parent.
 * @param index
 *   Its index in `parent`.
 * @returns
 *   Whether siblings were joined into `node`.
 */
export function joinSplitCaptionShortcode(node: Element, parent: Parents, index: number): boolean {
  if (!leftOpen(node.children)) return false
  let end = index
  let length = 0
  let elements = 0
  while (++end < parent.children.length) {
    const sibling = parent.children[end]
    if (sibling.type === 'text' && sibling.value.trim() === '') continue
    if (sibling.type !== 'element' || !splitTags.has(sibling.tagName) || ++elements > splitSiblings) return false
    const pieces = split(sibling.children)
    const first = pieces.findIndex((piece) => 'open' in piece || 'close' in piece)
    if (first !== -1) {
      if (!('close' in pieces[first])) return false
      break
    }
    length += textOf(sibling).length
    if (length > splitText) return false
  }
  if (end >= parent.children.length) return false
  for (const moved of parent.children.splice(index + 1, end - index)) {
    if (moved.type !== 'element') continue
    node.children.push(text(' '), ...(moved.tagName === 'p' || moved.tagName === 'div' ? moved.children : [moved]))
  }
  return true
}

/** An element whose own text opens a `[caption` shortcode, and its parent (`captionSitesPart`). */
export interface CaptionSite {
  element: Element
  parent: Parents
}

/**
 * A part of a shared walk that notes the elements whose own text opens a
 * `[caption` shortcode, with their parents, for `joinSplitCaptionShortcode`
 * (no children read beyond the walk's own).
 *
 * @returns
 *   The listener, and the sites it found.
 */
export function captionSitesPart(): {listener: WalkListener; sites(): Array<CaptionSite>} {
  const entered: Array<CaptionSite> = []
  const sites: Array<CaptionSite> = []
  return {
    listener: {
      enter(element, parent) {
        entered.push({element, parent})
      },
      leave() {
        entered.pop()
      },
      text(node, parent) {
        const site = entered[entered.length - 1]
        if (site && site.element === parent && sites[sites.length - 1] !== site && opensCaptionShortcode(node.value)) sites.push(site)
      }
    },
    sites: () => sites
  }
}

/** Whether the last shortcode token among `children`'s own text is an opening. */
function leftOpen(children: Array<ElementContent>): boolean {
  let open = false
  for (const child of children) {
    if (child.type !== 'text' || (!opensCaptionShortcode(child.value) && !child.value.includes('[/'))) continue
    for (const match of child.value.matchAll(token)) open = !match[1]
  }
  return open
}

/** The children as pieces, text split at the shortcodes' openings and closings. */
function split(children: Array<ElementContent>): Array<Piece> {
  const pieces: Array<Piece> = []
  for (const child of children) {
    if (child.type !== 'text') {
      pieces.push({node: child})
      continue
    }
    let last = 0
    for (const match of child.value.matchAll(token)) {
      if (match.index > last) pieces.push({node: text(child.value.slice(last, match.index))})
      pieces.push(match[1] ? {close: true, source: match[0]} : {open: match[2], source: match[0]})
      last = match.index + match[0].length
    }
    if (last < child.value.length) pieces.push({node: last === 0 ? child : text(child.value.slice(last))})
  }
  return pieces
}

/** The figure a shortcode's content makes: the media up to the last image, then the caption; `undefined` without an image. */
function toFigure(attributes: string, content: Array<ElementContent>): Element | undefined {
  let last = -1
  for (const [index, child] of content.entries()) if (child.type === 'element' && holdsMedia(child)) last = index
  if (last === -1) return undefined
  const caption = content.slice(last + 1)
  if (caption.length > 0 && caption[0].type === 'text') caption[0] = text(caption[0].value.trimStart())
  const hasCaption = caption.some((child) => child.type === 'element' || child.value.trim() !== '')
  const fromAttribute = captionAttribute.exec(attributes)
  const captionContent = hasCaption ? caption : fromAttribute ? [text(fromAttribute[1] ?? fromAttribute[2])] : []
  const children: Array<ElementContent> = content.slice(0, last + 1)
  if (captionContent.length > 0) children.push({type: 'element', tagName: 'figcaption', properties: {}, children: captionContent})
  return {type: 'element', tagName: 'figure', properties: {}, children}
}

function text(value: string): Text {
  return {type: 'text', value}
}
