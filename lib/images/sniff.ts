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
  const rest = text.replace(/^\uFEFF/, '').replace(/^(?:\s+|<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!doctype[^>[]*(?:\[[\s\S]*?\])?\s*>)*/i, '')
  return /^<svg[\s>/]/i.test(rest)
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
