import type {Element, Nodes} from 'hast'

/** Elements that show one image. */
export const imageTags: ReadonlySet<string> = new Set(['img', 'picture', 'amp-img', 'amp-anim'])

/** Elements that embed a player, a page or a document. */
export const embedTags: ReadonlySet<string> = new Set([
  'iframe',
  'embed',
  'object',
  'video',
  'audio',
  'amp-iframe',
  'amp-youtube',
  'lite-youtube',
  'lite-vimeo',
  'video-js',
  'mux-player',
  'mux-video',
  'amp-vimeo',
  'amp-video',
  'amp-audio',
  'amp-twitter',
  'amp-instagram',
  'amp-ad',
  'amp-embed',
  'amp-sticky-ad'
])

/** AMP ad slots: they hold no URL, only an ad network and a slot. */
export const adTags: ReadonlySet<string> = new Set(['amp-ad', 'amp-embed', 'amp-sticky-ad'])

/** Whether `node` is an image or an embed. */
export function isMedia(node: Element): boolean {
  return imageTags.has(node.tagName) || embedTags.has(node.tagName)
}

/** Markup of a media element in the raw text of a `<noscript>` (as parsed with scripting on). */
const mediaMarkup = /<(?:img|picture|amp-img|iframe|embed|object|video|audio)[\s/>]/i

/**
 * Whether a subtree holds an image or an embed, counting the raw-text
 * content of `<noscript>` (which parsers with scripting enabled keep as
 * text).
 *
 * @param node
 *   Subtree.
 * @returns
 *   Whether it holds media.
 */
export function holdsMedia(node: Nodes): boolean {
  const stack: Array<Nodes> = [node]
  while (stack.length > 0) {
    const current = stack.pop()!
    if (current.type === 'element') {
      if (isMedia(current)) return true
      if (current.tagName === 'noscript' && current.children.some((child) => child.type === 'text' && mediaMarkup.test(child.value))) return true
    }
    if ('children' in current) stack.push(...(current.children as Array<Nodes>))
  }
  return false
}

/**
 * The text of a subtree that holds no media (`holdsMedia` is `false`) and
 * no element below `node` passing `below`, read on the same pass: the
 * concatenated text nodes, in document order (as `hast-util-to-string`),
 * not collapsed.
 *
 * @param node
 *   Subtree.
 * @param below
 *   A test of the elements below `node` (not `node` itself).
 * @returns
 *   Its text, or `undefined` when it holds media (or an element passing `below`).
 */
export function textWithoutMedia(node: Element, below?: ((element: Element) => boolean) | undefined): string | undefined {
  let text = ''
  const stack: Array<Nodes> = [node]
  while (stack.length > 0) {
    const current = stack.pop()!
    if (current.type === 'text') text += current.value
    if (current.type !== 'element') continue
    if (isMedia(current)) return undefined
    if (current.tagName === 'noscript' && current.children.some((child) => child.type === 'text' && mediaMarkup.test(child.value))) return undefined
    if (below && current !== node && below(current)) return undefined
    for (let index = current.children.length - 1; index >= 0; index--) stack.push(current.children[index])
  }
  return text
}

/**
 * The media elements of a subtree, outermost only (a `<picture>`, not its
 * `<img>`; an `<object>`, not its `<embed>`), in document order.
 *
 * @param node
 *   Subtree.
 * @returns
 *   Media elements.
 */
export function mediaIn(node: Nodes): Array<Element> {
  const found: Array<Element> = []
  const stack: Array<Nodes> = [node]
  while (stack.length > 0) {
    const current = stack.pop()!
    if (current.type === 'element' && isMedia(current)) {
      found.push(current)
      continue
    }
    if ('children' in current) {
      for (let index = current.children.length - 1; index >= 0; index--) stack.push(current.children[index] as Nodes)
    }
  }
  return found
}

/** The image of a `<picture>` (its `<img>`, for `alt` and `title`), if it has one. */
export function innerImage(picture: Element): Element | undefined {
  return picture.children.find((child): child is Element => child.type === 'element' && imageTags.has(child.tagName))
}
