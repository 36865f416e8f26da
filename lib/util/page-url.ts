import type {Element, Root} from 'hast'

/** A value and the rule or selector it came from. */
export interface Sourced {
  value: string
  from: string
}

interface Links {
  canonical?: string
  ogUrl?: string
  base?: string
}

const cache = new WeakMap<Root, Links>()

/**
 * The page's own URL: the `url` option, else `<link rel=canonical>`, else
 * `og:url`; only absolute `http(s)` URLs count.
 */
export function pageUrl(tree: Root, option: string | null | undefined): Sourced | undefined {
  const fromOption = option ? absolute(option) : undefined
  if (fromOption) return {value: fromOption, from: 'option:url'}
  const links = linksOf(tree)
  const canonical = links.canonical && absolute(links.canonical)
  if (canonical) return {value: canonical, from: 'link[rel=canonical]'}
  const og = links.ogUrl && absolute(links.ogUrl)
  if (og) return {value: og, from: 'meta[property=og:url]'}
  return undefined
}

/**
 * The base for relative links: `<base href>` resolved against the page URL,
 * else the page URL.
 */
export function baseUrl(tree: Root, page: string | undefined): string | undefined {
  const base = linksOf(tree).base
  if (base) {
    try {
      return new URL(base, page).href
    } catch {}
  }
  return page
}

/**
 * One walk over the document (memoised per tree, so later plugins see what
 * the head said even after pruning) for canonical link, `og:url` and base.
 */
function linksOf(tree: Root): Links {
  let links = cache.get(tree)
  if (links) return links
  links = {}
  const stack: Array<Root | Element> = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    for (const child of node.children) {
      if (child.type !== 'element') continue
      const props = child.properties
      if (child.tagName === 'link' && links.canonical === undefined && Array.isArray(props.rel) && props.rel.includes('canonical') && typeof props.href === 'string') {
        links.canonical = props.href
      } else if (child.tagName === 'meta' && links.ogUrl === undefined && props.property === 'og:url' && typeof props.content === 'string') {
        links.ogUrl = props.content
      } else if (child.tagName === 'base' && links.base === undefined && typeof props.href === 'string') {
        links.base = props.href
      } else if (child.children.length > 0) {
        stack.push(child)
      }
    }
  }
  cache.set(tree, links)
  return links
}

function absolute(value: string): string | undefined {
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}
