/**
 * What the chain finds out about a page, found once and kept on
 * `file.data.analysis` for the plugins after: the page index (one walk over
 * the whole page), the page's URL and base URL, how the profile was chosen,
 * the article root, the related lists cleaning kept, the standard metadata.
 *
 * `rehypeResolveProfile` creates it (the first stage of the chain, on the
 * whole page); a plugin used alone creates it from the tree it gets.
 *
 * @module
 */

import type {Element, Root} from 'hast'
import type {VFile} from 'vfile'
import type {MetaSources} from '../types.js'
import {baseUrl, pageUrl} from '../util/page-url.js'
import type {Sourced} from '../util/page-url.js'
import type {GenericMeta} from './meta/generic-meta.js'
import {indexPage} from './page-index.js'
import type {IndexOptions, PageIndex} from './page-index.js'
import {mayBeWeChat, revealWeChatText} from './wechat-text.js'

/** How the profile of the page was chosen: by URL host, by DOM signature, or the fallback (`genericNews`). */
export type ProfileMatch = 'host' | 'signature' | 'fallback'

/** What is known of a page, each fact found once (`file.data.analysis`). */
export interface Analysis {
  /** The page's URL and where it came from (`option:url`, `link[rel=canonical]`, `meta[property=og:url]`). */
  url: Sourced | undefined
  /** Base for relative URLs: `<base href>` resolved against `url`, else `url`. */
  baseUrl: string | undefined
  /** One walk over the whole page: metas, JSON-LD, links, headings, bylines, cues, address. */
  index: PageIndex
  /**
   * Matches of the profile selectors tried first (DOM signatures, content
   * selectors), on the page as `rehypeSelectRoot` gets it (taken from the
   * index walk's, else gathered in one walk by `rehypeResolveProfile`;
   * `undefined`: not gathered).
   */
  selected: Map<string, Array<Element>> | undefined
  /** How the profile was chosen (`undefined`: no profile stage ran). */
  profileMatch: ProfileMatch | undefined
  /** The article root (`undefined` until `rehypeSelectRoot`, or when the page has none). */
  root: Element | undefined
  /**
   * Blocks inside the root that held the article's headline before
   * `rehypePruneToRoot` took it out (the headline's ancestors below the
   * root): the article's head, never removed whole by cleaning.
   */
  headBlocks: Set<Element>
  /** Related-article lists inside the root that cleaning kept (pages of the fallback profile). */
  relatedLists: Array<Element>
  /** Metadata from the standard places (JSON-LD, meta tags, microdata, bylines), each with its source. */
  meta: GenericMeta | undefined
  /** Where each frontmatter field (and the root) came from: the object on `file.data.articleSources`. */
  sources: MetaSources
}

/**
 * The analysis of the page `file` holds, created from `tree` (which must be
 * the whole page) when there is none yet.
 *
 * @param tree
 *   Whole page.
 * @param file
 *   File whose `data.analysis` is read or set.
 * @param url
 *   The caller's `url` option (default: `file.data.pageUrl`).
 * @param options
 *   What else the index walk does when the analysis is created (prepare
 *   headings, gather selector matches and block statistics: `IndexOptions`).
 * @returns
 *   The analysis.
 */
export function analysePage(tree: Root, file: VFile, url?: string | null | undefined, options?: Readonly<IndexOptions> | null | undefined): Analysis {
  let analysis = file.data.analysis
  if (!analysis) {
    // A saved WeChat article hides its text until the page's script shows it: shown before the page is read.
    if (mayBeWeChat(tree, file.value)) revealWeChatText(tree)
    const index = indexPage(tree, options)
    const page = pageUrl(index.address, url || file.data.pageUrl)
    analysis = {
      url: page,
      baseUrl: baseUrl(index.address, page && page.value),
      index,
      selected: undefined,
      profileMatch: undefined,
      root: undefined,
      headBlocks: new Set(),
      relatedLists: [],
      meta: undefined,
      sources: file.data.articleSources || {}
    }
    file.data.analysis = analysis
  }
  return analysis
}

/**
 * The base URL of the page: `file.data.baseUrl` when metadata extraction
 * set it, else the analysis's.
 */
export function baseUrlOf(tree: Root, file: VFile, url?: string | null | undefined): string | undefined {
  return file.data.baseUrl || analysePage(tree, file, url).baseUrl
}

/**
 * Whether the page is read with the fallback profile: no site profile
 * matched, or no profile was given at all (a profile set on
 * `file.data.profile` by the caller counts as a site profile).
 */
export function usesFallbackProfile(file: VFile): boolean {
  const match = file.data.analysis && file.data.analysis.profileMatch
  return match ? match === 'fallback' : !file.data.profile
}
