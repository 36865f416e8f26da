/**
 * URL helpers: resolving, hosts and a day in a URL path.
 *
 * @module
 */

import type {Found} from './found.js'

/** A day in a URL path: `/2020/04/14/`, `/2020-04/14/`, or without separators (`/t20200414_123.html`, `COMPACT_DATE`). */
export function dateInUrl(url: string | undefined): Found<string> | undefined {
  const match = url ? (/\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|[-_.]|$)/.exec(url) ?? COMPACT_DATE.exec(url)) : null
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12 || Number(match[3]) < 1 || Number(match[3]) > 31) return undefined
  return {value: `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`, from: 'url-path'}
}

/**
 * A day written without separators in a path, the way Chinese CMSs name
 * their pages and folders: `/t20240305_123456.html` (government sites),
 * `/20240305/`, `/2024/0305/c1001-31136657.html`. Fixture: meta-date-url-compact.
 */
const COMPACT_DATE = /\/t?((?:19|20)\d{2})\/?(\d{2})(\d{2})(?=[/_.-]|$)/

/** Resolve `value` against `base` when possible. */
export function resolveUrl(value: string, base: string | undefined): string {
  try {
    return new URL(value, base).href
  } catch {
    return value
  }
}

/** Main label of a host: `www.elcolumbiano.com` → `elcolumbiano`. */
export function hostLabel(host: string | undefined): string | undefined {
  if (!host) return undefined
  const labels = host
    .toLowerCase()
    .split('.')
    .filter((label) => !/^(?:www\d?|m|amp|mobile|news)$/.test(label))
  if (labels.length > 2 && /^(?:co|com|org|net|ac|gov|edu)$/.test(labels[labels.length - 2])) labels.pop()
  return labels.length > 1 ? labels[labels.length - 2] : labels[0]
}

/** Host name of an absolute URL. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).hostname || undefined
  } catch {
    return undefined
  }
}
