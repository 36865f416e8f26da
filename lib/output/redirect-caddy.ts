/**
 * Caddy: a `route` block of `redir` directives, to `import` inside the
 * site block. A `route` keeps its directives in the order written, so the
 * rules for one path with a query come before the one without.
 *
 * Each old URL is a named matcher: `path_regexp` on the decoded, cleaned
 * path (Caddy's `path` matcher would ignore case and read `*`, `[` and
 * `{…}` in a path as a glob and placeholders), and, for an old URL with a
 * query, `vars_regexp` on the raw query (`{http.request.uri.query}`; Caddy
 * 2.6's `query` matcher ORs its parameters, so it cannot require all of
 * them). The expressions use only `\xHH` and `\x{HHHH}` escapes besides
 * letters, digits and visible non-ASCII characters, inside double quotes,
 * so no page text can close a token or start a placeholder. `redir` drops
 * the visitor's query string (Caddy 2.6 has no placeholder for “`?` and the
 * query, if any”).
 *
 * @module
 */
import {plural} from './redirect-format.js'
import type {FormatResult, PreparedRedirect, Rejected} from './redirect-format.js'
import {re2EscapedUri, re2Text} from './regex-escape.js'

/** Render a Caddyfile snippet. */
export function renderCaddy(redirects: ReadonlyArray<PreparedRedirect>): FormatResult {
  const written: Array<PreparedRedirect> = []
  const rejected: Array<Rejected> = []
  const lines: Array<string> = []
  for (const entry of redirects) {
    const path = entry.old.decodedPath
    if (path === undefined) {
      rejected.push({redirect: entry.redirect, reason: 'Caddy matches decoded paths as Unicode text, and this path is not UTF-8 once decoded (a legacy-encoded URL)'})
      continue
    }
    const name = '@news_markdown_' + (written.length + 1)
    const pathMatcher = 'path_regexp "^' + re2Text(path) + '$"'
    if (entry.old.query) {
      lines.push('\t' + name + ' {', '\t\t' + pathMatcher, '\t\tvars_regexp {http.request.uri.query} "^' + re2EscapedUri(entry.old.query) + '$"', '\t}')
    } else {
      lines.push('\t' + name + ' ' + pathMatcher)
    }
    lines.push('\tredir ' + name + ' ' + entry.to + ' 301')
    written.push(entry)
  }
  const text = [
    '# Redirects of old URLs written by news-markdown for Caddy: ' + plural(written.length, 'redirect') + '.',
    '# Import this file inside the site block, before file_server:',
    '#',
    '#     example.org {',
    '#         import /etc/caddy/news-markdown-redirects.caddy',
    '#         root * /srv/public',
    '#         file_server',
    '#     }',
    '#',
    '# Paths match decoded and case-sensitively; an old URL with a query matches',
    '# that exact query string (raw, as sent). The redirect drops the query.',
    'route {',
    ...lines,
    '}',
    ''
  ].join('\n')
  return {text, written, rejected}
}
