import type {VFile} from 'vfile'
import {report} from '../messages.js'
import {frontmatterData} from '../plugins/remark-article-frontmatter.js'
import type {FrontmatterOptions} from '../plugins/remark-article-frontmatter.js'
import type {AliasOptions} from './alias-path.js'
import type {ArticleMeta} from '../types.js'
import {stringifyFrontmatter} from './frontmatter.js'
import {layouts} from './layouts.js'
import type {LayoutName, Note, Placement} from './layouts.js'
import type {SlugSource} from './slug.js'

/** A converted page as a layout writes it. */
export interface RenderedPage {
  /** Markdown with the layout's frontmatter. */
  markdown: string
  /** Where the layout puts it, before collision suffixes. */
  placement: Placement
  article: ArticleMeta
  /** Frontmatter fields found (for the report and the manifest). */
  fields: Array<string>
}

/**
 * Apply `layout` to a converted file: its frontmatter (from the data
 * `remarkArticleFrontmatter` writes, with the layout's keys), its body (the
 * generator's syntax escaped) and its placement. `file` is converted with
 * `frontmatter: false`: its value is the body. `aliases`: bounds of the old
 * URL's alias, or `false` for none. What the layout had to change (a
 * fallback title, tags, control characters, code) is reported on `file`.
 * `slug`: what the slug is made from (`--slug`).
 */
export function renderPage(
  file: VFile,
  relative: string,
  layoutName: LayoutName,
  options?: Readonly<FrontmatterOptions> | null | undefined,
  aliases?: Readonly<AliasOptions> | false | undefined,
  slug?: SlugSource | undefined
): RenderedPage {
  const layout = layouts[layoutName]
  const article = file.data.article || {}
  const note: Note = (ruleId, reason) => report(file, ruleId, reason)
  const converted = String(file)
  const page = {relative, article, body: converted, aliases, slug}
  const data = layout.frontmatter(frontmatterData(article, file.data.related, options), page, note)
  const body = layout.body ? layout.body(converted, note) : converted
  const markdown = Object.keys(data).length === 0 ? body : '---\n' + stringifyFrontmatter(data) + '---\n' + (body ? '\n' + body : '')
  const fields = Object.keys(article).filter((key) => {
    const value = article[key as keyof ArticleMeta]
    return Array.isArray(value) ? value.length > 0 : Boolean(value)
  })
  return {markdown, placement: layout.place(page), article, fields}
}
