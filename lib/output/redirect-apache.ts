/**
 * Apache: `mod_rewrite` rules, for a `<VirtualHost>` (server context) or an
 * `.htaccess` file at the document root (per-directory context).
 *
 * `RewriteRule` matches the decoded path (`%E6%96%B0` and `新` alike), which
 * in a `<VirtualHost>` starts with `/` and in `.htaccess` does not: the
 * pattern `^/?…$` fits both. The path is written as `\xHH` byte escapes, so
 * nothing from a page reaches the configuration as text, and legacy-encoded
 * paths (GBK escapes) match byte for byte. An old URL with a query gets a
 * `RewriteCond %{QUERY_STRING}` that matches that exact query (raw, as sent;
 * `%XX` escapes in either case) and the `QSD` flag, which drops it from the
 * redirect; other redirects keep the visitor's query (mod_rewrite's
 * default). Targets are percent-encoded ASCII with `%` escaped as `\%` (so
 * `%2F` is not read as a back-reference) and the `NE` flag (so Apache does
 * not encode them once more).
 *
 * @module
 */
import {plural} from './redirect-format.js'
import type {FormatResult, PreparedRedirect, Rejected} from './redirect-format.js'
import {pcreBytes, pcreEscapedUri} from './regex-escape.js'

/** Render Apache `mod_rewrite` rules. */
export function renderApache(redirects: ReadonlyArray<PreparedRedirect>): FormatResult {
  const written: Array<PreparedRedirect> = []
  const rejected: Array<Rejected> = []
  const rules: Array<string> = []
  for (const entry of redirects) {
    const bytes = entry.old.pathBytes
    if (bytes.includes(0)) {
      rejected.push({redirect: entry.redirect, reason: 'Apache refuses paths with an encoded NUL (`%00`)'})
      continue
    }
    if (/%2f/i.test(entry.old.path)) {
      rejected.push({redirect: entry.redirect, reason: 'Apache refuses paths with an encoded slash (`%2F`) unless `AllowEncodedSlashes` is on'})
      continue
    }
    const target = entry.to.replace(/%/g, '\\%')
    const pattern = '^/?' + pcreBytes(bytes.subarray(1)) + '$'
    if (entry.old.query) {
      rules.push('RewriteCond %{QUERY_STRING} ^' + pcreEscapedUri(entry.old.query) + '$')
      rules.push('RewriteRule ' + pattern + ' ' + target + ' [R=301,L,NE,QSD]')
    } else {
      rules.push('RewriteRule ' + pattern + ' ' + target + ' [R=301,L,NE]')
    }
    written.push(entry)
  }
  const text = [
    '# Redirects of old URLs written by news-markdown for Apache (mod_rewrite): ' + plural(written.length, 'redirect') + '.',
    '# Include this file in the <VirtualHost> of the site (Include /etc/apache2/news-markdown-redirects.conf),',
    '# or use it as the .htaccess file of the document root (needs AllowOverride FileInfo).',
    '# mod_rewrite must be on (Debian: a2enmod rewrite). Paths match decoded, as',
    '# \\xHH byte escapes; an old URL with a query matches that exact query',
    "# string, which is dropped (QSD); other redirects keep the visitor's query.",
    'RewriteEngine On',
    ...rules,
    ''
  ].join('\n')
  return {text, written, rejected}
}
