import fs from 'node:fs/promises'
import isHtml from 'is-html'

/**
 * Whether a file found in an input folder is a page, by its content: web
 * mirrors name pages `.shtml`, `.php`, `.asp`, `.aspx`, `.jsp`, `.cfm`, or
 * give them no extension at all (`news_view.htm@lang=e&Seq_Code=1`), so the
 * extension says little. Files named `.html`/`.htm` are pages without a
 * look (a bad one fails in conversion with a reason); files with a known
 * non-page extension (images, styles, scripts, data, archives, fonts,
 * media) are not opened; every other file is read up to `sniffBytes` and
 * is a page when those bytes have no NUL and `is-html` finds HTML markup
 * in them (a doctype, `<html>`, `<body>` or a known HTML element), unless
 * they are an XML document without `<html` (feeds, sitemaps, SVG).
 *
 * @module
 */

/** Bytes read from a file to tell whether it is a page. */
export const sniffBytes = 4096

/** Extensions of pages (read without sniffing). */
export const pageExtension = /\.x?html?$/i

// Files that are never pages: not opened.
const assetExtensions = new Set(
  (
    'png jpg jpeg jpe gif webp avif bmp ico svg svgz tif tiff heic psd ' +
    'css scss less js mjs cjs map ts json jsonld xml rss atom xsl xsd dtd txt csv tsv md yml yaml ini conf log ' +
    'pdf doc docx xls xlsx ppt pptx odt ods epub rtf ' +
    'zip gz tgz bz2 xz 7z rar tar jar war ' +
    'woff woff2 ttf otf eot ' +
    'mp3 mp4 m4a m4v webm ogg ogv wav flac mov avi wmv flv swf ' +
    'exe dll so dylib bin iso dmg deb rpm apk wasm class pyc o a db sqlite'
  ).split(' ')
)

/** The extension of a file name as a report shows it (`.php`, `(none)`). */
export function extensionOf(name: string): string {
  const match = /\.([a-z\d]{1,10})$/i.exec(name)
  return match ? '.' + match[1].toLowerCase() : '(none)'
}

/** Why a file is not read as a page (for the summary of a folder without pages). */
export type NotPage = 'asset' | 'not-html' | 'unreadable'

/**
 * Whether the file at `file` (named `name`) is a page: `true`, or why not.
 */
export async function sniffPage(file: string, name: string): Promise<true | NotPage> {
  if (pageExtension.test(name)) return true
  const match = /\.([a-z\d]{1,10})$/i.exec(name)
  if (match && assetExtensions.has(match[1].toLowerCase())) return 'asset'
  let handle
  try {
    handle = await fs.open(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0))
    const buffer = Buffer.alloc(sniffBytes)
    const {bytesRead} = await handle.read(buffer, 0, sniffBytes, 0)
    return looksLikeHtml(buffer.subarray(0, bytesRead)) ? true : 'not-html'
  } catch {
    return 'unreadable'
  } finally {
    await handle?.close()
  }
}

/** Whether the first bytes of a file are HTML (see the module). */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) {
    // UTF-16 pages (with a BOM) have NULs in every other byte.
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
    if (!utf16) return false
    const text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes)
    return textLooksLikeHtml(text)
  }
  // Markup is ASCII in every charset a page may use (UTF-8, GBK, Big5, Latin-1…).
  return textLooksLikeHtml(Buffer.from(bytes).toString('latin1'))
}

function textLooksLikeHtml(text: string): boolean {
  const start = text.replace(/^\uFEFF|^ï»¿/, '').trimStart()
  if (/^<\?xml/i.test(start) && !/<html[\s>]/i.test(text)) return false
  return isHtml(text)
}
