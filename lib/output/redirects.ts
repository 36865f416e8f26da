/**
 * Redirect maps for real web servers: old URLs (with query strings,
 * characters no file name can hold, or that a static redirect page cannot
 * answer with a `301`) → new site paths, in the configuration language of
 * nginx, Apache, Netlify, Cloudflare Pages or Caddy.
 *
 * Everything taken from pages is escaped for the format it goes into, so a
 * hostile URL cannot add configuration: quotes, `$`, `{`, `;`, spaces and
 * newlines end up percent-encoded (formats that match the raw request URI)
 * or as `\xHH` regular expression escapes (formats that match the decoded
 * path), and targets are ASCII with every other byte percent-encoded.
 *
 * @module
 */
import {renderApache} from './redirect-apache.js'
import {renderCaddy} from './redirect-caddy.js'
import {renderNginx} from './redirect-nginx.js'
import {renderCloudflare, renderNetlify} from './redirect-netlify.js'
import {encodeTarget, parseOldUrl, percentDecode, utf8} from './old-url.js'
import type {OldUrl} from './old-url.js'
import type {FormatResult, PreparedRedirect, Redirect, Rejected} from './redirect-format.js'

export type {FormatResult, PreparedRedirect, Redirect, Rejected} from './redirect-format.js'

/** A redirect map format. */
export type RedirectFormat = 'nginx' | 'apache' | 'netlify' | 'cloudflare' | 'caddy'

/** Every format. */
export const redirectFormats: ReadonlyArray<RedirectFormat> = ['nginx', 'apache', 'netlify', 'cloudflare', 'caddy']

/** A rendered redirect map. */
export interface RedirectMap {
  /** The configuration text (UTF-8, ends with a newline). */
  text: string
  /** Redirects the map holds, in the order written. */
  written: Array<Redirect>
  /** Redirects it does not hold: duplicates, self-redirects, and old URLs the format cannot express. */
  rejected: Array<Rejected>
}

const renderers: Record<RedirectFormat, (redirects: ReadonlyArray<PreparedRedirect>) => FormatResult> = {
  nginx: renderNginx,
  apache: renderApache,
  netlify: renderNetlify,
  cloudflare: renderCloudflare,
  caddy: renderCaddy
}

/**
 * Render `redirects` as a `format` map. Deterministic: the same redirects
 * in any order give the same bytes. Redirects are ordered by old path, and
 * for one path the ones with a query string come before the one without
 * (servers that take the first matching rule see the specific ones first).
 * Old URLs are compared by `OldUrl.key` (decoded path and query; the host is
 * ignored): a second redirect of the same old URL is rejected, and so is a
 * redirect to itself (a loop).
 */
export function renderRedirects(redirects: ReadonlyArray<Redirect>, format: RedirectFormat): RedirectMap {
  const rejected: Array<Rejected> = []
  const byKey = new Map<string, PreparedRedirect>()
  for (const redirect of redirects) {
    const old = parseOldUrl(redirect.from)
    if (!old) {
      rejected.push({redirect, reason: 'the old URL is not an http(s) URL or a path'})
      continue
    }
    if (old.path === '/' && !old.query) {
      rejected.push({redirect, reason: 'the old URL is the site root'})
      continue
    }
    let to: string
    try {
      to = encodeTarget(redirect.to)
    } catch (error) {
      rejected.push({redirect, reason: (error as Error).message})
      continue
    }
    if (to.startsWith('/') && targetKey(to) === old.key) {
      rejected.push({redirect, reason: 'it redirects to itself'})
      continue
    }
    const previous = byKey.get(old.key)
    if (previous) {
      rejected.push({redirect, reason: 'the old URL is already redirected to `' + previous.to + '`'})
      continue
    }
    byKey.set(old.key, {redirect, old, to})
  }
  const prepared = [...byKey.values()].sort(compareRedirects)
  const result = renderers[format](prepared)
  return {text: result.text, written: result.written.map((entry) => entry.redirect), rejected: [...rejected, ...result.rejected]}
}

/**
 * The format a redirect map file name asks for, if any:
 *
 * | name | format |
 * | --- | --- |
 * | `_redirects` | `netlify` (give `--redirects-format cloudflare` for Cloudflare Pages) |
 * | `.htaccess`, `*.htaccess`, names with `apache` or `httpd` | `apache` |
 * | `Caddyfile`, `*.caddy`, `*.caddyfile`, names with `caddy` | `caddy` |
 * | names with `nginx` | `nginx` |
 * | names with `netlify` / `cloudflare` | `netlify` / `cloudflare` |
 */
export function formatFromFileName(file: string): RedirectFormat | undefined {
  const name = file.replace(/^.*[/\\]/, '').toLowerCase()
  if (name === '_redirects' || name.includes('netlify')) return 'netlify'
  if (name.includes('cloudflare')) return 'cloudflare'
  if (name === '.htaccess' || name.endsWith('.htaccess') || name.includes('apache') || name.includes('httpd')) return 'apache'
  if (name.includes('caddy')) return 'caddy'
  if (name.includes('nginx')) return 'nginx'
  return undefined
}

/** `OldUrl.key` of an encoded target path (no query). */
export function targetKey(to: string): string {
  const bytes = percentDecode(to)
  return utf8(bytes) ?? to
}

/** The decoded path of an old URL key (without its query). */
export function pathKeyOf(old: OldUrl): string {
  return old.query ? old.key.slice(0, old.key.length - old.query.length - 1) : old.key
}

function compareRedirects(a: PreparedRedirect, b: PreparedRedirect): number {
  const pathA = pathKeyOf(a.old)
  const pathB = pathKeyOf(b.old)
  if (pathA !== pathB) return pathA < pathB ? -1 : 1
  if (Boolean(a.old.query) !== Boolean(b.old.query)) return a.old.query ? -1 : 1
  return a.old.query < b.old.query ? -1 : a.old.query > b.old.query ? 1 : 0
}
