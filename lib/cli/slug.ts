/**
 * Safe file names: slugs from URLs, titles and file names, and safe path
 * segments for mirrored folders. No result can leave the output folder:
 * separators, `..`, control characters, leading dots and Windows reserved
 * names are neutralised, and names are capped at `maxBytes` UTF-8 bytes.
 *
 * @module
 */

/** Largest slug or segment, in UTF-8 bytes (room for a suffix and `.md`). */
export const maxBytes = 80

const reserved = /^(con|prn|aux|nul|com[\d¹²³]|lpt[\d¹²³])(?=\.|$)/i
const extension = /\.[a-z\d]{1,6}$/i

/**
 * Turn any text into a slug: lower case, Unicode letters (CJK included),
 * marks and digits kept, every other run of characters becomes one `-`.
 * Returns `''` when nothing usable is left.
 */
export function slugify(value: string): string {
  const slug = value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|(?<!-)-+$/g, '')
  return finish(slug)
}

/**
 * Slug from a URL's last non-empty path segment, without its extension
 * (`…/20200406/1307292.html` → `1307292`); an `index` segment defers to the
 * one before it. Returns `''` for a URL without a usable segment.
 */
export function slugFromUrl(url: string): string {
  let pathname: string
  try {
    pathname = new URL(url).pathname
  } catch {
    return ''
  }
  const segments = pathname.split('/').filter(Boolean).map(decode)
  while (segments.length > 0) {
    const last = (segments.pop() as string).replace(extension, '')
    if (last.toLowerCase() === 'index' || last.toLowerCase() === 'default') continue
    const slug = slugify(last)
    if (slug) return slug
  }
  return ''
}

/** Slug from a file name, without its extension. */
export function slugFromFileName(name: string): string {
  return slugify(name.replace(extension, ''))
}

/**
 * Make one path segment safe while keeping it readable (case and Unicode
 * kept): for mirrored folders and file names in the `plain` layout.
 * Never returns `''`, `.` or `..`.
 */
export function safeSegment(value: string): string {
  const segment = value
    .normalize('NFC')
    // Control characters, separators and characters Windows refuses.
    .replace(/[\p{Cc}\p{Cf}/\\:*?"<>|]+/gu, '-')
    .replace(/^[.\s]+|(?<![.\s])[.\s]+$/g, '')
  return finish(segment) || '_'
}

function finish(value: string): string {
  const result = truncate(value, maxBytes).replace(/(?<![-.\s])[-.\s]+$/, '')
  return result.replace(reserved, '$1_')
}

/** Cut `value` to at most `bytes` UTF-8 bytes, on a code point boundary. */
export function truncate(value: string, bytes: number): string {
  if (Buffer.byteLength(value) <= bytes) return value
  let size = 0
  let result = ''
  for (const character of value) {
    size += Buffer.byteLength(character)
    if (size > bytes) break
    result += character
  }
  return result
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
