import type {PageLinks} from '../analyse/page-index.js'

/** A value and the rule or selector it came from. */
export interface Sourced {
  value: string
  from: string
}

/**
 * The page's own URL: the `url` option, else `<link rel=canonical>`, else
 * `og:url`, else the URL of a saved page's “saved from url=” comment; only
 * absolute `http(s)` URLs count.
 *
 * @param links
 *   What the page says of its address (`PageIndex.address`).
 * @param option
 *   The caller's `url` option.
 */
export function pageUrl(links: Readonly<PageLinks>, option: string | null | undefined): Sourced | undefined {
  const fromOption = option ? absolute(option) : undefined
  if (fromOption) return {value: fromOption, from: 'option:url'}
  const canonical = links.canonical && absolute(links.canonical)
  if (canonical) return {value: canonical, from: 'link[rel=canonical]'}
  const og = links.ogUrl && absolute(links.ogUrl)
  if (og) return {value: og, from: 'meta[property=og:url]'}
  const saved = links.savedFrom && absolute(links.savedFrom)
  if (saved) return {value: saved, from: 'comment:saved-from-url'}
  return undefined
}

/**
 * The base for relative links: `<base href>` resolved against the page URL
 * when that gives an absolute `http(s)` URL, else the page URL. A base that
 * points elsewhere (`file:///home/me/site/` in a page saved or built on
 * disk, `javascript:`) is no base for publishing: relative links and images
 * then stay as written (and are reported as `relative-urls-unresolved`)
 * instead of resolving to URLs that are dropped as unsafe.
 */
export function baseUrl(links: Readonly<PageLinks>, page: string | undefined): string | undefined {
  const base = links.base
  if (base) {
    try {
      const url = new URL(base, page)
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href
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
