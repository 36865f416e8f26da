/**
 * New addresses of converted pages, from a permalink pattern in the style
 * of Hugo's and Jekyll's `permalinks` (`/:year/:month/:day/:slug.html`).
 *
 * @module
 */

/** What a pattern is expanded with. */
export interface PermalinkPage {
  /** Output path relative to `--out` (posix), e.g. `posts/1307292.md` or `_posts/2020-04-06-1307292.md`. */
  output: string
  /** The page's date (ISO 8601, as in the frontmatter), if any. */
  date?: string | undefined
}

/** The new address, or why there is none. */
export type PermalinkResult = {path: string; reason?: undefined} | {path?: undefined; reason: string}

/** Placeholders a pattern may use. */
export const permalinkPlaceholders = ['path', 'slug', 'year', 'month', 'day'] as const

/**
 * Default patterns: where the generators publish the layouts' files with
 * their default configuration. Hugo and Eleventy: `content/posts/x.md` →
 * `/posts/x/`; Jekyll: the `date` permalink style (`_posts/2020-04-06-x.md`
 * → `/2020/04/06/x.html`; posts get no categories from this tool). `astro`
 * and `plain` pages go where the site's own routes put them: give a pattern.
 */
export const defaultPermalinks: Readonly<Record<string, string>> = {
  hugo: '/:path/',
  eleventy: '/:path/',
  jekyll: '/:year/:month/:day/:slug.html'
}

/**
 * Check a pattern: a path starting with `/` (or, for a site on another
 * host, an `http(s)` URL: `https://new.example/:path/`), without query,
 * fragment, white space or control characters, whose `:name` placeholders
 * are known. Throws an `Error` saying what is wrong.
 */
export function checkPermalink(pattern: string): string {
  const origin = /^https?:\/\/[^/?#\s]+(?=\/)/i.exec(pattern)?.[0] ?? ''
  if (!pattern.startsWith('/') && !origin) throw new Error('Invalid permalink `' + pattern + '`: it must start with `/` (or `https://host/`)')
  if (/[?#\s\p{Cc}]/u.test(pattern)) throw new Error('Invalid permalink `' + pattern + '`: no query, fragment, white space or control characters')
  for (const match of pattern.slice(origin.length).matchAll(/:([a-z]+)/gi)) {
    if (!(permalinkPlaceholders as ReadonlyArray<string>).includes(match[1])) {
      throw new Error('Invalid permalink `' + pattern + '`: unknown placeholder `:' + match[1] + '` (known: ' + permalinkPlaceholders.map((name) => ':' + name).join(', ') + ')')
    }
  }
  return pattern
}

/**
 * Expand `pattern` for a page (a checked pattern, see `checkPermalink`):
 *
 * - `:path`: the output path without its extension (`posts/1307292`);
 * - `:slug`: the output file name without its extension and without
 *   Jekyll's `YYYY-MM-DD-` prefix (`1307292`);
 * - `:year`, `:month`, `:day`: the page's date as written (`2020`, `04`, `06`).
 *
 * Placeholder values are inserted decoded; `encodeTarget` encodes the
 * result. A page without a date has no address under a pattern that needs
 * one, and neither has a Jekyll draft (`_drafts/`: not published).
 */
export function expandPermalink(pattern: string, page: PermalinkPage): PermalinkResult {
  if (page.output.startsWith('_drafts/')) return {reason: 'it is a draft (`_drafts/`), which Jekyll does not publish'}
  const stem = page.output.replace(/\.[^./]*$/, '')
  const name = stem.slice(stem.lastIndexOf('/') + 1)
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(page.date || '')
  const values: Record<string, string | undefined> = {
    path: stem,
    slug: name.replace(/^\d{4}-\d{2}-\d{2}-/, ''),
    year: day?.[1],
    month: day?.[2],
    day: day?.[3]
  }
  const origin = /^https?:\/\/[^/]+/i.exec(pattern)?.[0] ?? ''
  let missing: string | undefined
  const path = pattern.slice(origin.length).replace(/:([a-z]+)/gi, (whole, key: string) => {
    const value = values[key]
    if (value === undefined) missing ||= key
    return value ?? whole
  })
  if (missing) return {reason: 'the permalink needs `:' + missing + '` and the page has no date'}
  return {path: origin + path.replace(/\/{2,}/g, '/')}
}
