/**
 * Lazy images whose `<img>` is left without a source while the real URL
 * sits on the box around it: `<div data-src="…/photo.jpg"><img src=""></div>`,
 * `<figure data-lazy-src="…">`, `<a data-src="…"><img></a>` (the script
 * copies it onto the image on scroll). The image had no candidate and was
 * dropped as `no-source`; here it takes the box's URL.
 *
 * @module
 */

import type {Element} from 'hast'
import {embedKind} from './embed-kind.js'
import {attribute, imageCandidates, isPlaceholder, lazySourceAttributes, pictureCandidates} from './image-source.js'
import {imageTags} from './tags.js'

/** Lazy-URL attributes that on a box seldom name an image. */
const notOnBoxes = new Set(['data-url', 'file', 'zoomfile', 'original'])

/**
 * Attributes of a box that hold its image's lazy URL, best first: those of
 * `lazySourceAttributes` but the ones that on a box seldom name an image
 * (`data-url`, Discuz's `file` and `zoomfile`, `original`).
 */
const boxAttributes: ReadonlyArray<string> = lazySourceAttributes.filter((name) => !notOnBoxes.has(name))

/**
 * A URL that reads as an image's: an image file extension, or a path or
 * host naming images or media (`/uploads/`, `img.`, `cdn.`); a box's
 * `data-src` may also be a page or a player.
 */
const imageLike = /\.(?:jpe?g|png|gif|webp|avif|jxl|bmp|tiff?|heic|svg)(?:[?#]|$)|\b(?:img|imgs|image|images|photo|photos|pic|pics|picture|media|upload|uploads|cdn|static)\b/i

/**
 * Give the one image inside `box` that has no source candidate (an empty or
 * placeholder `src`, no lazy attribute, not in a `<picture>` with sources)
 * the box's lazy URL (`data-src`, `data-lazy-src`, `data-original`, …), as
 * its `src`. Nothing changes when the box holds no such image or more than
 * one image, or its URL does not read as an image's (no image extension,
 * no `img`, `photos`, `uploads`, `cdn`, … in it) or is a player, map,
 * document or the like (see `embedKind`).
 *
 * @param box
 *   Element (any); its image is changed in place.
 */
export function adoptBoxSource(box: Element): void {
  if (imageTags.has(box.tagName) || box.tagName === 'source') return
  let url: string | undefined
  for (const name of boxAttributes) {
    const value = attribute(box, name)?.trim()
    if (value && !isPlaceholder(value)) {
      url = value
      break
    }
  }
  if (!url || !imageLike.test(url) || embedKind(url) !== 'other') return
  const images: Array<Element> = []
  const stack: Array<Element> = [box]
  while (stack.length > 0 && images.length < 2) {
    const node = stack.pop()!
    for (const child of node.children) {
      if (child.type !== 'element' || child.tagName === 'noscript' || child.tagName === 'template') continue
      if (imageTags.has(child.tagName)) images.push(child)
      else stack.push(child)
    }
  }
  if (images.length !== 1) return
  const [image] = images
  if (image.tagName === 'picture') {
    if (pictureCandidates(image).length > 0) return
    const inner = image.children.find((child): child is Element => child.type === 'element' && (child.tagName === 'img' || child.tagName === 'amp-img'))
    if (inner) inner.properties.src = url
    return
  }
  if (imageCandidates(image).length === 0) image.properties.src = url
}
