/**
 * Links into a saved page's companion folder. A browser's “Save page as…,
 * complete” (Chrome, Firefox, Edge, Safari's web archive aside) writes the
 * page beside a folder of its resources (`Page_files/`, localised as
 * `Page-Dateien/`, `Page_fichiers/`, `Page_archivos/`, …) and points frames
 * and some links at the copies (`./Page_files/Tweet.html`). Those copies
 * are not the article's links: resolved against the page URL they name a
 * file that never existed on the site.
 *
 * Images are not concerned: a saved image is the image (`--images copy`
 * copies it).
 *
 * @module
 */

import type {Element, ElementContent} from 'hast'
import type {VFile} from 'vfile'
import {report} from '../messages.js'

/**
 * Suffixes of the companion folder, by browser language: English, German,
 * French, Spanish, Portuguese, Dutch, Italian, Swedish/Norwegian/Danish,
 * Finnish, Polish, Czech.
 */
const folderSuffixes: ReadonlyArray<string> = ['_files', '-dateien', '_fichiers', '_archivos', '_arquivos', '_bestanden', '_file', '-filer', '_filer', '_tiedostot', '_pliki', '_soubory']

/**
 * Whether `value`, a URL as the page wrote it, points into a saved page's
 * companion folder: a relative path (`Page_files/x.html`,
 * `./Page_files/x.html`, `../Page_files/x.html`) or a `file:` URL whose
 * folder names end in `_files` (or a localised form). Absolute web URLs and
 * root-relative paths are the site's own.
 *
 * @param value
 *   URL as written.
 * @returns
 *   Whether it is a companion-folder path.
 */
export function isCompanionPath(value: string): boolean {
  const trimmed = value.trim()
  if (!trimmed || trimmed.startsWith('/') || trimmed.startsWith('#')) return false
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(trimmed)
  if (scheme && scheme[1].toLowerCase() !== 'file') return false
  const path = trimmed.split(/[?#]/, 1)[0].replace(/\\/g, '/')
  const folders = path.split('/').slice(0, -1)
  return folders.some((folder) => {
    const name = safeDecode(folder).toLowerCase()
    return folderSuffixes.some((suffix) => name.length > suffix.length && name.endsWith(suffix))
  })
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * What replaces a link into the companion folder: its content, the link
 * dropped; reported (`saved-page-link`, naming the path).
 *
 * @param node
 *   `<a>` whose `href` is a companion-folder path.
 * @param file
 *   File to report on.
 * @returns
 *   The link's children.
 */
export function savedPageLink(node: Element, file: VFile): Array<ElementContent> {
  report(file, 'saved-page-link', 'Dropped a link into the saved page’s own folder (`' + String(node.properties.href).slice(0, 120) + '`); its text is kept', node)
  return node.children
}
