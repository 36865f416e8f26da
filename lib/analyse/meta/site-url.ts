/**
 * URL helpers: resolving, hosts and a day in a URL path.
 *
 * @module
 */

import type {Found} from './found.js'

/** A `/2020/04/14/` day in a URL path. */
export function dateInUrl(url: string | undefined): Found<string> | undefined {
  const match = url ? /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|[-_.]|$)/.exec(url) : null
  return match ? {value: `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`, from: 'url-path'} : undefined
}

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
