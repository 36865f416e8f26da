/**
 * nginx: `map` blocks on the raw request URI (`$request_uri`: path and
 * query exactly as the client sent them, percent-encoded).
 *
 * - `$news_markdown_request_path`: `$request_uri` without its query.
 * - `$news_markdown_path_redirect`: old paths (no query) → new path plus the
 *   visitor's query string (`$is_args$args`), so `?utm_source=…` on an old
 *   link still redirects and is kept.
 * - `$news_markdown_redirect`: old path-and-query URLs → new path (the old
 *   query, which named the article, is dropped); anything else falls back
 *   to `$news_markdown_path_redirect`.
 *
 * Map strings are hashed and compared ignoring case (ngx_http_map_module),
 * which also makes `%e6` and `%E6` equal; two old URLs that differ only in
 * case would clash (“conflicting parameter”), so those are written as
 * case-sensitive regular expressions instead. Keys and values are quoted;
 * the keys are ASCII as browsers send them and the values are encoded
 * targets, so only `\` and `"` ever need a backslash. nginx refuses map
 * keys longer than its hash bucket: `map_hash_bucket_size` is sized for the
 * longest key.
 *
 * @module
 */
import {plural} from './redirect-format.js'
import type {FormatResult, PreparedRedirect} from './redirect-format.js'
import {pcreEscapedUri} from './regex-escape.js'

/** Render the nginx map (included in the `http` block; see the header it writes). */
export function renderNginx(redirects: ReadonlyArray<PreparedRedirect>): FormatResult {
  const byPath = redirects.filter((entry) => !entry.old.query)
  const byUri = redirects.filter((entry) => entry.old.query)
  const pathLines = mapLines(byPath.map((entry) => ({key: entry.old.path, value: entry.to + '$is_args$args'})))
  const uriLines = mapLines(byUri.map((entry) => ({key: entry.old.path + '?' + entry.old.query, value: entry.to})))
  const longest = Math.max(0, ...redirects.map((entry) => entry.old.path.length + 1 + entry.old.query.length))
  const bucket = bucketSize(longest)
  const text = [
    '# Redirects of old URLs written by news-markdown for nginx: ' + plural(redirects.length, 'redirect') + '.',
    '# Include this file in the `http` block (maps live there), and answer with',
    '# the redirect in the `server` block that serves the site:',
    '#',
    '#     http {',
    '#         include /etc/nginx/news-markdown-redirects.conf;',
    '#         server {',
    '#             if ($news_markdown_redirect) { return 301 $news_markdown_redirect; }',
    '#             …',
    '#',
    '# Old URLs match as browsers send them (percent-encoded; letter case and',
    '# the case of %XX escapes ignored unless two old URLs differ only in case).',
    '# An old path without a query also matches with any query, which is kept;',
    '# an old URL with a query matches that exact query, which is dropped.',
    '# The hash sizes below fit the longest old URL (' + longest + ' bytes): if your',
    '# configuration sets map_hash_bucket_size or map_hash_max_size already, keep',
    '# the larger values there and remove these two lines.',
    'map_hash_bucket_size ' + bucket + ';',
    'map_hash_max_size ' + hashMaxSize(redirects.length) + ';',
    '',
    'map $request_uri $news_markdown_request_path {',
    '\t"~^([^?]*)" $1;',
    '}',
    '',
    'map $news_markdown_request_path $news_markdown_path_redirect {',
    ...pathLines,
    '}',
    '',
    'map $request_uri $news_markdown_redirect {',
    '\tdefault $news_markdown_path_redirect;',
    ...uriLines,
    '}',
    ''
  ].join('\n')
  return {text, written: [...redirects], rejected: []}
}

/**
 * `"key" "value";` lines: exact keys, except keys equal ignoring case to
 * another key, which become case-sensitive regular expressions (`~^…$`,
 * checked after the exact keys, in order).
 */
function mapLines(pairs: ReadonlyArray<{key: string; value: string}>): Array<string> {
  const counts = new Map<string, number>()
  for (const {key} of pairs) counts.set(key.toLowerCase(), (counts.get(key.toLowerCase()) || 0) + 1)
  const exact: Array<string> = []
  const regex: Array<string> = []
  for (const {key, value} of pairs) {
    if ((counts.get(key.toLowerCase()) as number) > 1) regex.push('\t' + quote('~^' + pcreEscapedUri(key) + '$') + ' ' + quote(value) + ';')
    else exact.push('\t' + quote(key) + ' ' + quote(value) + ';')
  }
  return [...exact, ...regex]
}

/** A double-quoted nginx string (`ngx_conf_read_token` reads `\"` and `\\`). */
function quote(value: string): string {
  return '"' + value.replace(/[\\"]/g, '\\$&') + '"'
}

/**
 * `map_hash_bucket_size` for keys up to `longest` bytes: a bucket must hold
 * a key's element (a pointer plus the key and two bytes, aligned to 8,
 * `NGX_HASH_ELT_SIZE`) and a terminating pointer; twice that (a power of
 * two, at least 64) leaves room for collisions, so nginx finds a hash size
 * without warnings.
 */
export function bucketSize(longest: number): number {
  const element = 8 + Math.ceil((longest + 2) / 8) * 8
  let size = 64
  while (size < (element + 8) * 2) size *= 2
  return size
}

/** `map_hash_max_size`: room for the keys (nginx's default is 2048). */
export function hashMaxSize(count: number): number {
  let size = 2048
  while (size < count * 4) size *= 2
  return size
}
