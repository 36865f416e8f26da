import type {Root} from 'hast'
import {select} from 'hast-util-select'

/** A value and the rule or selector it came from. */
export interface Sourced {
  value: string
  from: string
}

/**
 * The page's own URL: the `url` option, else `<link rel=canonical>`, else
 * `og:url`; only absolute `http(s)` URLs count.
 */
export function pageUrl(tree: Root, option: string | null | undefined): Sourced | undefined {
  if (option && absolute(option)) return {value: absolute(option)!, from: 'option:url'}
  const canonical = select('link[rel~=canonical][href]', tree)
  const href = canonical && absolute(String(canonical.properties.href))
  if (href) return {value: href, from: 'link[rel=canonical]'}
  const og = select('meta[property="og:url"][content]', tree)
  const content = og && absolute(String(og.properties.content))
  if (content) return {value: content, from: 'meta[property=og:url]'}
  return undefined
}

/**
 * The base for relative links: `<base href>` resolved against the page URL,
 * else the page URL.
 */
export function baseUrl(tree: Root, page: string | undefined): string | undefined {
  const base = select('base[href]', tree)
  if (base) {
    try {
      return new URL(String(base.properties.href), page).href
    } catch {}
  }
  return page
}

function absolute(value: string): string | undefined {
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}
