/**
 * Hidden copies of images that the article keeps elsewhere: a page that
 * writes an image twice (one copy `hidden`, `display:none`, a lazy
 * duplicate) loses only the copy. Each hidden image's removal is reported
 * as `dropped-image` when made (`noteMedia`); once the article's images
 * are listed (`file.data.images`), those whose URL is among them are moved
 * to `hidden-image-kept` (info), so a count of `dropped-image` counts
 * images really lost.
 *
 * @module
 */

import type {VFile} from 'vfile'
import type {ArticleImage} from '../images/collect.js'
import {rereport} from '../messages.js'
import type {Removal} from '../util/removals.js'
import {safeUrl} from '../util/safe-url.js'

/** A message on a file (`vfile-message`'s `VFileMessage`). */
type VFileMessage = ReturnType<VFile['message']>

interface HiddenImage {
  /** The image's URL as written. */
  url: string
  message: VFileMessage
  removal: Removal
}

const pending = new WeakMap<VFile, Array<HiddenImage>>()

/**
 * Remember a hidden image's removal (its URL as written, its `dropped-image`
 * message and record) for `settleHiddenImages`.
 */
export function noteHiddenImage(file: VFile, url: string, message: VFileMessage, removal: Removal): void {
  let list = pending.get(file)
  if (!list) {
    list = []
    pending.set(file, list)
  }
  list.push({url, message, removal})
}

/**
 * Move the hidden images' messages whose URL (as written, or resolved
 * against `base`) is one of `images` (`original` or `url`) to
 * `hidden-image-kept`, marking their records `keptElsewhere`; the others
 * stay `dropped-image` as reported.
 *
 * @param file
 *   File whose hidden images were noted.
 * @param images
 *   The article's images as output (`file.data.images`).
 * @param base
 *   Gives the URL relative URLs resolve against, if known (asked only when
 *   a hidden image was noted).
 */
export function settleHiddenImages(file: VFile, images: ReadonlyArray<ArticleImage>, base: () => string | undefined): void {
  const list = pending.get(file)
  if (!list) return
  pending.delete(file)
  const against = base()
  const kept = new Set<string>()
  for (const image of images) {
    kept.add(image.original)
    kept.add(image.url)
  }
  for (const hidden of list) {
    // Resolved as the article's images are listed (`collectImagesPart`).
    if (!kept.has(hidden.url) && !kept.has(safeUrl(hidden.url, against, true) ?? hidden.url)) continue
    hidden.removal.keptElsewhere = true
    rereport(hidden.message, 'hidden-image-kept', hidden.message.reason + '; the same image is kept elsewhere in the article')
  }
}
