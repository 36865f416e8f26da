/**
 * What an image file really is, from its first bytes: a server's
 * `Content-Type` and a URL's extension are only claims (an HTML error page
 * saved as `photo.jpg` is common in mirrors and crawls).
 *
 * @module
 */
import {fileTypeFromBuffer} from 'file-type'

/** A recognised image type. */
export interface ImageType {
  /** File extension written for it, without the dot (`jpg`, `png`, `svg`). */
  ext: string
  /** Media type (`image/jpeg`). */
  mime: string
}

/** Bytes needed to recognise every type below (`file-type`'s own sample size). */
export const sniffBytes = 4100

/**
 * Image types published as they are: those browsers show in `<img>`
 * (`file-type`'s names), plus SVG. Raw camera formats, PSD and the like are
 * images too but no page can show them.
 */
const webImages = new Map<string, string>([
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
  ['image/apng', 'png'],
  ['image/gif', 'gif'],
  ['image/webp', 'webp'],
  ['image/avif', 'avif'],
  ['image/bmp', 'bmp'],
  ['image/x-icon', 'ico'],
  ['image/tiff', 'tif'],
  ['image/jxl', 'jxl'],
  ['image/heic', 'heic'],
  ['image/heif', 'heif']
])

/**
 * The image type of `head` (the first `sniffBytes` bytes or the whole file),
 * or the reason it is not one: `file-type` recognises binary formats by
 * their signatures; SVG is text, recognised by its root element and refused
 * when it holds scripts, event handlers, `javascript:` links or foreign
 * objects (an SVG opened directly runs them on the new site's origin).
 * `declared` (a `Content-Type`) only words the reason.
 */
export async function sniffImage(head: Uint8Array, declared?: string | undefined): Promise<ImageType | {reason: string}> {
  if (head.byteLength === 0) return {reason: 'the file is empty'}
  // SVG is text (`file-type` calls it `application/xml` at best): checked first.
  const text = new TextDecoder('utf-8', {fatal: false}).decode(head.subarray(0, sniffBytes))
  if (isSvg(text)) {
    if (activeSvg.test(text)) return {reason: 'an SVG with scripts, event handlers or foreign objects is not copied'}
    return {ext: 'svg', mime: 'image/svg+xml'}
  }
  const found = await fileTypeFromBuffer(head)
  if (found) {
    const ext = webImages.get(found.mime)
    if (ext) return {ext, mime: found.mime === 'image/apng' ? 'image/png' : found.mime}
    return {reason: 'not a web image: the bytes are ' + found.mime + declaredNote(declared)}
  }
  if (/^\s*(?:<!doctype html|<html|<head|<body|<!--|<p|<div|<h1|<title)/i.test(text.replace(/^\uFEFF/, ''))) {
    return {reason: 'not an image: the bytes are an HTML page' + declaredNote(declared)}
  }
  return {reason: 'not an image: the bytes match no image format' + declaredNote(declared)}
}

/**
 * Whether `text` (the start of a file) is an SVG document: after an optional
 * BOM, XML declaration, comments and doctype, the root element is `<svg`.
 */
export function isSvg(text: string): boolean {
  return /^<svg[\s>/]/i.test(text.slice(skipProlog(text)))
}

/**
 * Index after the BOM, XML declaration, comments, doctype and white space
 * that may open an XML document (a loop over the parts, not one pattern with
 * nested repetition, which backtracks exponentially on some inputs).
 */
function skipProlog(text: string): number {
  let index = text.startsWith('\uFEFF') ? 1 : 0
  for (;;) {
    const start = index
    while (index < text.length && /\s/.test(text[index])) index++
    if (text.startsWith('<?xml', index)) {
      const end = text.indexOf('?>', index)
      if (end < 0) return start
      index = end + 2
    } else if (text.startsWith('<!--', index)) {
      const end = text.indexOf('-->', index + 4)
      if (end < 0) return start
      index = end + 3
    } else if (text.slice(index, index + 9).toLowerCase() === '<!doctype') {
      const end = doctypeEnd(text, index + 9)
      if (end < 0) return start
      index = end
    }
    if (index === start) return index
  }
}

/** Index after the `>` closing a doctype whose name starts at `index` (an internal subset `[…]` may hold `>`), or -1. */
function doctypeEnd(text: string, index: number): number {
  const bracket = text.indexOf('[', index)
  const close = text.indexOf('>', index)
  if (close < 0) return -1
  if (bracket < 0 || bracket > close) return close + 1
  const subsetEnd = text.indexOf(']', bracket)
  if (subsetEnd < 0) return -1
  const after = text.indexOf('>', subsetEnd)
  return after < 0 ? -1 : after + 1
}

/** Scripting in SVG: refused, not cleaned (we publish files as they are). */
const activeSvg = /<script[\s>/]|<foreignObject[\s>/]|\son[a-z]+\s*=|javascript:|<!entity/i

/**
 * Whether a whole SVG file is safe to publish: `sniffImage` sees only the
 * start, so an SVG is checked again once complete.
 */
export function svgIsSafe(text: string): boolean {
  return !activeSvg.test(text)
}

function declaredNote(declared: string | undefined): string {
  return declared ? ' (served as `' + declared.split(';')[0].trim() + '`)' : ''
}
