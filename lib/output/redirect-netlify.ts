/**
 * `_redirects` files: Netlify and Cloudflare Pages. Both read one rule per
 * line, `from [query] to status`, split on white space, and match the path
 * as the browser sent it (percent-encoded, letter case and the case of `%XX`
 * escapes included), so the old path is written as browsers send it, plus
 * lines with upper-case and lower-case escapes when those differ (links to
 * the old URL may be written either way; a browser sends `%E6` for the
 * characters typed or pasted). `:name` and `*` are placeholders and splats in both, so old
 * paths that contain them cannot be matched literally and are rejected.
 * Both hosts pass the visitor's query string on to the target.
 *
 * - Netlify: `301!` (forced): the generator's redirect page at the old
 *   path would otherwise shadow the rule (Netlify serves an existing file
 *   first). Query strings match as `key=value` tokens: decoded values,
 *   any order, extra parameters allowed; a key or value with white space,
 *   `=`, `#` at the start, or a key given twice cannot be written.
 * - Cloudflare Pages: `301` (redirects always come before files; `!` is
 *   invalid there). No query string matching at all (the query of a rule is
 *   dropped, so the rule would catch every query): such old URLs are
 *   rejected. At most 2,000 static rules of at most 2,000 characters; the
 *   rest are rejected (use Cloudflare's Bulk Redirects for more).
 *
 * @module
 */
import {upperEscapes} from './old-url.js'
import {plural} from './redirect-format.js'
import type {FormatResult, PreparedRedirect, Rejected} from './redirect-format.js'

/** Cloudflare Pages' limits (`pages-shared/metadata-generator/constants.ts`). */
export const cloudflareLimits = {staticRules: 2000, lineLength: 2000}

/** Render a Netlify `_redirects` file. */
export function renderNetlify(redirects: ReadonlyArray<PreparedRedirect>): FormatResult {
  const written: Array<PreparedRedirect> = []
  const rejected: Array<Rejected> = []
  const lines: Array<string> = []
  for (const entry of redirects) {
    const reason = placeholderProblem(entry.old.path, /(^|\/):/)
    const query = reason ? undefined : queryTokens(entry.old.query)
    if (reason || typeof query === 'string') {
      rejected.push({redirect: entry.redirect, reason: 'Netlify’s `_redirects` cannot express it: ' + (reason || query)})
      continue
    }
    for (const from of pathVariants(entry.old.path)) lines.push([from, ...(query as Array<string>), entry.to, '301!'].join(' '))
    written.push(entry)
  }
  const text = [
    '# Redirects of old URLs written by news-markdown for Netlify: ' + plural(written.length, 'redirect') + '.',
    '# Put this file in the publish folder as `_redirects` (for Hugo: static/_redirects).',
    '# `301!` forces the redirect over the redirect page the generator wrote at the old path.',
    ...lines,
    ''
  ].join('\n')
  return {text, written, rejected}
}

/** Render a Cloudflare Pages `_redirects` file. */
export function renderCloudflare(redirects: ReadonlyArray<PreparedRedirect>): FormatResult {
  const written: Array<PreparedRedirect> = []
  const rejected: Array<Rejected> = []
  const lines: Array<string> = []
  for (const entry of redirects) {
    let reason = placeholderProblem(entry.old.path, /:[A-Za-z]/)
    if (!reason && entry.old.query) reason = 'it has a query string, and Cloudflare Pages redirects cannot match query strings'
    const variants = pathVariants(entry.old.path).map((from) => from + ' ' + entry.to + ' 301')
    if (!reason && variants.some((line) => line.length > cloudflareLimits.lineLength)) reason = 'the rule is longer than ' + cloudflareLimits.lineLength + ' characters'
    if (!reason && lines.length + variants.length > cloudflareLimits.staticRules)
      reason = 'Cloudflare Pages takes at most ' + cloudflareLimits.staticRules + ' static redirects (use Bulk Redirects for more)'
    if (reason) {
      rejected.push({redirect: entry.redirect, reason: 'Cloudflare Pages’ `_redirects` cannot express it: ' + reason})
      continue
    }
    lines.push(...variants)
    written.push(entry)
  }
  const text = [
    '# Redirects of old URLs written by news-markdown for Cloudflare Pages: ' + plural(written.length, 'redirect') + '.',
    '# Put this file in the build output folder as `_redirects` (for Hugo: static/_redirects).',
    ...lines,
    ''
  ].join('\n')
  return {text, written, rejected}
}

/**
 * The old path as sent, then with upper-case and with lower-case escapes
 * when those differ: links to one old URL may be written either way, and
 * these hosts compare escapes case-sensitively.
 */
function pathVariants(path: string): Array<string> {
  return [...new Set([path, upperEscapes(path), path.replace(/%[\da-f]{2}/gi, (escape) => escape.toLowerCase())])]
}

/** Why a path cannot be a literal rule (a splat or a placeholder), if it cannot. */
function placeholderProblem(path: string, placeholder: RegExp): string | undefined {
  if (path.includes('*')) return 'its path has `*`, which is a splat (wildcard) there'
  if (placeholder.test(path)) return 'its path has `:` followed by a name, which is a placeholder there'
  if (path.startsWith('/.netlify')) return 'paths under `/.netlify` are reserved'
  return undefined
}

/**
 * `key=value` tokens for Netlify's query matching (decoded, as Netlify
 * compares them), or the reason the query cannot be written.
 */
function queryTokens(query: string): Array<string> | string {
  if (!query) return []
  const tokens: Array<string> = []
  const keys = new Set<string>()
  for (const part of query.split('&')) {
    if (!part) continue
    if (!part.includes('=')) return 'its query has a parameter without `=` (`' + part.slice(0, 40) + '`)'
    const [key, value] = [...new URLSearchParams(part)][0] ?? ['', '']
    if (!key) return 'its query has a parameter without a name'
    if (keys.has(key)) return 'its query names `' + key.slice(0, 40) + '` twice'
    keys.add(key)
    if (/[\s=\p{Cc}]/u.test(key + value) || /^[#/]|^https?:/i.test(key)) return 'a query parameter has white space, `=`, a control character or a leading `#` or `/` once decoded'
    tokens.push(key + '=' + value)
  }
  return tokens
}
