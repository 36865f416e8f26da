import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import {frontmatterData, stringifyFrontmatter} from '../output/frontmatter.js'
import type {FrontmatterOptions} from '../output/frontmatter.js'

export {frontmatterData, frontmatterKeys} from '../output/frontmatter.js'
export type {FrontmatterOptions} from '../output/frontmatter.js'

const emptyOptions: Readonly<FrontmatterOptions> = {}

/**
 * Insert a YAML frontmatter node built from `file.data.article` (title,
 * date, source, author, tags, url, then extras), serialised by the one
 * frontmatter writer (`lib/output/frontmatter.ts`, the `yaml` library's
 * output) so any string round-trips, also through YAML 1.1 readers
 * (Jekyll): `yes`, `on`, `1:30` or `2020-01-01` as a title or tag is
 * quoted. Absent or empty values are omitted.
 * Use with `remark-frontmatter` so the node serialises as `---` fences.
 * For a site generator's frontmatter (Hugo, Jekyll, Astro, Eleventy keys),
 * see `renderPage`.
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
