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

/** Where a page's slug comes from (`--slug`). */
export type SlugSource = 'url' | 'title' | 'id'

/** Every slug source, the default first. */
export const slugSources: ReadonlyArray<SlugSource> = ['url', 'title', 'id']

/** Longest identifier taken as a slug, in UTF-8 bytes (identifiers are never cut; a longer value is not an identifier). */
export const maxIdBytes = 120

// Query parameters that never identify a page: languages, tracking, paging, sorting, searches.
const notIdentifying =
  /^(?:lang|language|locale|hl|utm_\w*|fbclid|gclid|ref|from|source|src|s|q|query|term|search|keyword|keywords|sort|order|orderby|page|pg|offset|limit|size|view|mode|print|format|amp|output|share|session|sid|token|t|ts|v|ver|version|callback|width|height|charset)$/i
// Names that say “identifier”: `id`, `Seq_Code`, `newsId`, `article_no`, `p`, `aid`…
const identifyingName =
  /(?:^|[_-])(?:id|code|no|num|number|seq|sn|key|slug|uid|guid|uuid)$|id$|^(?:p|aid|nid|tid|cid|pid|fid|docid|artid|articleid|newsid|itemid|postid|story|article|news|item|post|doc|entry|contentid|infoid)$/i
// A value that looks like an identifier: letters, digits, `-`, `_`, `.`, with a digit (`181595`, `NCT03746262`, `2020-04-06-001`).
const identifierValue = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u
// A page name that stands for the site's script rather than the article: `index`, `default`, and any name with a query that identifies the page.
const genericName = /^(?:index|default|home|main)$/i

/**
 * The identifying query parameter of `url`, if any: among parameters that
 * are not languages, tracking, paging or searches, the first whose name says
 * “identifier” (`id`, `Seq_Code`, `newsId`, `p`, …) with an identifier-like
 * value, else the only remaining parameter whose value has a digit.
 * Values longer than `maxIdBytes` are not identifiers.
 */
export function queryId(url: string): {name: string; value: string} | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  const candidates: Array<{name: string; value: string}> = []
  for (const [name, raw] of parsed.searchParams) {
    const value = raw.trim()
    if (notIdentifying.test(name) || !identifierValue.test(value) || Buffer.byteLength(value) > maxIdBytes) continue
    candidates.push({name, value})
  }
  const named = candidates.find((candidate) => identifyingName.test(candidate.name))
  if (named) return named
  const numeric = candidates.filter((candidate) => /\d/.test(candidate.value))
  return numeric.length === 1 ? numeric[0] : undefined
}

/**
 * The page's identifier in `url`: its identifying query parameter
 * (`queryId`), else the last path segment with a digit and no spaces
 * (`…/20200406/1307292.html` → `1307292`). Never cut; `''` when none.
 */
export function idFromUrl(url: string): string {
  const query = queryId(url)
  if (query) return idSlug(query.value)
  for (const segment of pathSegments(url).reverse()) {
    const stem = segment.replace(extension, '')
    if (/\d/.test(stem) && identifierValue.test(stem) && Buffer.byteLength(stem) <= maxIdBytes) return idSlug(stem)
  }
  return ''
}

// Query parameters that only track where a visitor came from: they do not make a page's name a script's.
const tracking = /^(?:utm_\w*|fbclid|gclid|mc_cid|mc_eid|ref|from|source|share|spm)$/i

/**
 * Whether the last segment of `url` names the site's script rather than
 * the page: `index`/`default`/`home`/`main` (any extension), or a name with
 * an extension followed by a query other than tracking parameters
 * (`news_view.htm?lang=e&Seq_Code=1`, `show.php?id=9`).
 */
export function scriptUrl(url: string): boolean {
  const last = pathSegments(url).at(-1)
  if (last === undefined) return true
  if (genericName.test(last.replace(extension, ''))) return true
  if (!extension.test(last)) return false
  try {
    return [...new URL(url).searchParams.keys()].some((name) => !tracking.test(name))
  } catch {
    return false
  }
}

/** What a page's slug is made from. */
export interface SlugInput {
  url?: string | undefined
  title?: string | undefined
  /** Input path relative to its root, posix. */
  relative: string
}

/**
 * Slug of a page by `source` (default `url`):
 *
 * - `url`: the URL's last segment without its extension; when that names
 *   the site's script (`scriptUrl`), the identifying query parameter
 *   (`show.php?id=9` → `9`), else the segment before an `index`/`default`
 *   name, else the title;
 * - `title`: the title, else as `url`;
 * - `id`: the identifier in the URL (`idFromUrl`), else as `url`.
 *
 * Then the input file name, then `page`. Words (titles, names) are capped
 * at `maxBytes` on a word boundary when there is one; identifiers are never cut.
 */
export function slugFor(page: SlugInput, source: SlugSource = 'url'): string {
  const fromTitle = () => (page.title ? titleSlug(page.title) : '')
  const fromUrl = () => {
    if (!page.url) return ''
    if (scriptUrl(page.url)) {
      const query = queryId(page.url)
      if (query) return idSlug(query.value)
      const segments = pathSegments(page.url)
      const last = segments.at(-1)
      // `index.html`: the folder it stands for; a script without an identifying query: the title.
      if (last !== undefined && !genericName.test(last.replace(extension, ''))) return ''
      return slugFromUrl(page.url)
    }
    return slugFromUrl(page.url)
  }
  const order = source === 'title' ? [fromTitle, fromUrl] : source === 'id' ? [() => (page.url ? idFromUrl(page.url) : ''), fromUrl, fromTitle] : [fromUrl, fromTitle]
  for (const each of order) {
    const slug = each()
    if (slug) return slug
  }
  return slugFromFileName(page.relative.split('/').pop() || '') || 'page'
}

/** Slug of a title, capped at `maxBytes` on the last word boundary before the cap (else on a character). */
export function titleSlug(title: string): string {
  const full = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|(?<!-)-+$/g, '')
  if (Buffer.byteLength(full) <= maxBytes) return finish(full)
  const cut = truncate(full, maxBytes)
  const boundary = cut.lastIndexOf('-')
  // A word boundary in the second half of the cap; CJK titles have none: cut on a character.
  return finish(boundary > cut.length / 2 && full[cut.length] !== '-' ? cut.slice(0, boundary) : cut)
}

/** Slug of an identifier: lower case, unsafe characters as `-`, never cut. */
function idSlug(value: string): string {
  const slug = value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}_-]+/gu, '-')
    .replace(/^[-_]+|(?<![-_])[-_]+$/g, '')
  return slug.replace(reserved, '$1_')
}

function pathSegments(url: string): Array<string> {
  try {
    return new URL(url).pathname.split('/').filter(Boolean).map(decode)
  } catch {
    return []
  }
}
