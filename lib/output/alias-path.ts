/**
 * Aliases: old URLs as the static redirect pages a site generator writes
 * (Hugo's `aliases`, `jekyll-redirect-from`'s `redirect_from`). The
 * generator writes a small HTML page at the old path, and a static file
 * server finds it by decoding the request path, so the alias must be the
 * decoded path (`/blog/新闻.html`), never the percent-encoded one (which
 * would become a folder literally named `%E6…`). An old URL that no file
 * path can stand for (a query string, characters file systems refuse, an
 * over-long segment) is not an alias: it needs a redirect map for a real
 * web server (`lib/output/redirects.ts`).
 *
 * @module
 */
import {stripTrailing} from '../util/text.js'
import {parseOldUrl} from './old-url.js'

/** A generator that writes redirect pages for aliases. */
export type AliasGenerator = 'hugo' | 'jekyll'

/** Bounds of alias paths. */
export interface AliasOptions {
  /**
   * Longest path segment of the redirect page's file, in UTF-8 bytes
   * (default: `255`, the file-name limit of ext4, XFS, APFS and NTFS).
   */
  maxSegmentBytes?: number | null | undefined
}

/** The file name limit of common file systems, in bytes. */
export const defaultMaxSegmentBytes = 255

/** An alias path, or why the old URL cannot be one. */
export type AliasResult = {path: string; reason?: undefined} | {path?: undefined; reason: string}

/**
 * Characters a portable file name cannot hold: Windows refuses
 * `<>:"|?*\` (Hugo refuses them on Windows too), `%` would be decoded once
 * more by Jekyll (`URL.unescape_path`), `#` starts a fragment, and control
 * and format characters (bidi overrides, zero-width characters) make names
 * no one can read or type.
 */
const unsafeCharacter = /[<>:"|?*\\%#\p{Cc}\p{Cf}\p{Cs}]/u

/** Windows device names, with or without an extension (`CON`, `nul.txt`, `COM1`). */
const reservedName = /^(con|prn|aux|nul|com[\d¹²³]|lpt[\d¹²³])(\.|$)/i

/**
 * The alias of `url` (an absolute `http(s)` URL or a path) for
 * `generator`: its decoded path (UTF-8), or the reason no static redirect
 * page can stand for it:
 *
 * - a query string (`/news_view.htm?id=1`: a file name cannot hold the query);
 * - the site root (`/`);
 * - a path that is not UTF-8 once decoded (a legacy-encoded URL, such as GBK escapes);
 * - an empty, `.` or `..` segment (`/a//b`, `/a/../b`);
 * - a character a portable file name cannot hold (`<>:"|?*\%#`, controls, format characters);
 * - a segment ending in a space or a dot, or a Windows device name (`CON`, `nul.txt`);
 * - a segment of the redirect page's file longer than `maxSegmentBytes`.
 */
export function aliasPath(url: string, generator: AliasGenerator, options?: Readonly<AliasOptions> | null | undefined): AliasResult {
  const maxSegmentBytes = options?.maxSegmentBytes ?? defaultMaxSegmentBytes
  const old = parseOldUrl(url)
  if (!old) return {reason: 'it is not an http(s) URL'}
  if (old.query) return {reason: 'it has a query string (`?' + clip(old.query) + '`), which a file name cannot hold'}
  if (old.path === '/') return {reason: 'it is the site root'}
  const path = old.decodedPath
  if (path === undefined) return {reason: 'its decoded path is not UTF-8 (a URL in a legacy encoding)'}
  const segments = path.split('/').slice(1)
  if (segments.at(-1) === '') segments.pop()
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return {reason: 'it has an empty, `.` or `..` segment'}
    const character = unsafeCharacter.exec(segment)
    if (character) return {reason: 'it has a character a file name cannot hold (' + describe(character[0]) + ')'}
    if (/[ .]$/.test(segment)) return {reason: 'a segment ends in a space or a dot, which Windows drops'}
    if (reservedName.test(segment)) return {reason: 'a segment is a Windows device name (`' + segment + '`)'}
  }
  for (const segment of aliasFile(path, generator).split('/')) {
    const bytes = Buffer.byteLength(segment)
    if (bytes > maxSegmentBytes) return {reason: 'a segment is ' + bytes + ' bytes long, more than ' + maxSegmentBytes}
  }
  return {path}
}

/**
 * The file `generator` writes for the decoded alias `path`, relative to
 * the site's output folder (posix):
 *
 * - Hugo (`hugolib/alias.go`): the cleaned path; `….html` as is, anything
 *   else gets `/index.html` (`/a/`, `/a` and `/a/index.html` are one file);
 * - Jekyll (`jekyll-redirect-from` makes a page whose `permalink` is the
 *   alias): `/a/` → `a/index.html`, `/a` → `a.html`, `/a.php` → `a.php.html`.
 *
 * Two aliases with the same file (compared case-insensitively, as on macOS
 * and Windows) would overwrite each other.
 */
export function aliasFile(path: string, generator: AliasGenerator): string {
  const trimmed = path.replace(/^\/+/, '')
  if (generator === 'hugo') {
    const clean = stripTrailing(trimmed, '/')
    return clean.endsWith('.html') ? clean : (clean ? clean + '/' : '') + 'index.html'
  }
  if (trimmed === '' || trimmed.endsWith('/')) return trimmed + 'index.html'
  return trimmed.endsWith('.html') ? trimmed : trimmed + '.html'
}

/** The generator that writes aliases for a layout, if any. */
export function aliasGenerator(layout: string): AliasGenerator | undefined {
  return layout === 'hugo' || layout === 'jekyll' ? layout : undefined
}

function describe(character: string): string {
  const code = character.codePointAt(0) as number
  return /[\p{Cc}\p{Cf}\p{Cs}]/u.test(character) ? 'U+' + code.toString(16).toUpperCase().padStart(4, '0') : '`' + character + '`'
}

function clip(value: string): string {
  return value.length > 60 ? value.slice(0, 60) + '…' : value
}

/**
 * The alias a layout writes for `url`: its decoded path, or `undefined`
 * when there is no URL, aliases are off (`false`), or no static redirect
 * page can stand for it (see `aliasPath`).
 */
export function aliasFor(url: string | undefined, generator: AliasGenerator, options?: Readonly<AliasOptions> | false | null | undefined): string | undefined {
  if (!url || options === false) return undefined
  return aliasPath(url, generator, options).path
}
