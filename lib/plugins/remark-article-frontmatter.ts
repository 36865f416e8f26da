import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import {stringifyFrontmatter} from '../output/frontmatter.js'
import type {ArticleMeta, RelatedArticle} from '../types.js'

/** Options for `remarkArticleFrontmatter`. */
export interface FrontmatterOptions {
  /** Also write `related: [{title, url}]` from `file.data.related` (default: `false`). */
  relatedFrontmatter?: boolean | null | undefined
  /** Extra keys, written after the standard ones (default: none). */
  extraFrontmatter?: Readonly<Record<string, unknown>> | null | undefined
  /** Write the frontmatter (default: `true`); `false` leaves the tree as it is. */
  frontmatter?: boolean | null | undefined
}

const emptyOptions: Readonly<FrontmatterOptions> = {}

/** Standard keys, in the order they are written. */
export const frontmatterKeys = ['title', 'date', 'source', 'author', 'tags', 'url'] as const satisfies ReadonlyArray<keyof ArticleMeta>

/**
 * Insert a YAML frontmatter node built from `file.data.article` (title,
 * date, source, author, tags, url, then extras), serialised with the `yaml`
 * library so any string round-trips, also through YAML 1.1 readers (Jekyll):
 * `yes`, `on`, `1:30` or `2020-01-01` as a title or tag is quoted. Absent or
 * empty values are omitted.
 * Use with `remark-frontmatter` so the node serialises as `---` fences.
 */
export const remarkArticleFrontmatter: Plugin<[(Readonly<FrontmatterOptions> | null | undefined)?], Root> = function (options) {
  const settings = options || emptyOptions
  return function (tree, file) {
    if (settings.frontmatter === false) return
    const data = frontmatterData(file.data.article || {}, file.data.related, settings)
    if (Object.keys(data).length === 0) return
    const value = stringifyFrontmatter(data).replace(/\n$/, '')
    const first = tree.children[0]
    if (first && first.type === 'yaml') first.value = value
    else tree.children.unshift({type: 'yaml', value})
  }
}

/**
 * The frontmatter data `remarkArticleFrontmatter` writes: the standard keys
 * of `article` that have a value, `related` when asked, then extras.
 */
export function frontmatterData(
  article: Readonly<ArticleMeta>,
  related: ReadonlyArray<RelatedArticle> | undefined,
  options?: Readonly<FrontmatterOptions> | null | undefined
): Record<string, unknown> {
  const settings = options || emptyOptions
  const data: Record<string, unknown> = {}
  for (const key of frontmatterKeys) {
    const value = article[key]
    if (Array.isArray(value) ? value.length > 0 : value) data[key] = value
  }
  if (settings.relatedFrontmatter && related && related.length > 0) {
    data.related = related.map((entry) => ({title: entry.title, url: entry.url}))
  }
  for (const [key, value] of Object.entries(settings.extraFrontmatter || {})) {
    if (value !== undefined && value !== null && !(key in data)) data[key] = value
  }
  return data
}
