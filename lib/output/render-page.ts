import path from 'node:path'
import type {VFile} from 'vfile'
import YAML from 'yaml'
import {report} from '../messages.js'
import type {ArticleMeta} from '../types.js'
import type {AliasOptions} from './alias-path.js'
import {frontmatterData, withFrontmatter} from './frontmatter.js'
import type {FrontmatterOptions} from './frontmatter.js'
import {layouts} from './layouts.js'
import {prepareArticle} from './prepare-article.js'
import type {LayoutName, Note, Page, Placement} from './layouts.js'
import type {SlugSource} from './slug.js'

/** Options for `renderPage`: the frontmatter options given to `convert()`, and the layout's. */
export interface RenderPageOptions extends FrontmatterOptions {
  /** The site generator to write for (default: `'plain'`, the frontmatter `convert()` writes). */
  layout?: LayoutName | null | undefined
  /**
   * The input path relative to the input folder, with `/` separators
   * (default: `file.path` relative to `file.cwd`, else `page.html`): the
   * `plain` layout mirrors it, and it is the last resort of slugs and
   * fallback titles.
   */
  relative?: string | null | undefined
  /** Bounds of the old URL's alias (`hugo`: `aliases`, `jekyll`: `redirect_from`), or `false` to write none (default: the bounds of `lib/output/alias-path.ts`). */
  aliases?: Readonly<AliasOptions> | false | null | undefined
  /** What file names are made from: `'url'` (default), `'title'` or `'id'` (the CLI's `--slug`). */
  slug?: SlugSource | null | undefined
  /** IANA time zone (`Asia/Shanghai`) of dates without offset, after a matched profile's own (the CLI's `--timezone`; default: none, such dates stay as they are). */
  timezone?: string | null | undefined
}

/** A converted page as a layout writes it. */
export interface RenderedPage {
  /** The page: the layout's frontmatter, then the body rewritten for the generator's Markdown reader. */
  markdown: string
  /** Where the layout puts it, relative to the output (content) folder, before the CLI's collision suffixes. */
  placement: Placement
  /** The article metadata it was made from (`file.data.article`, tags cleaned, time zone applied). */
  article: ArticleMeta
  /** Article fields that have a value (for the CLI's report and manifest). */
  fields: Array<string>
}

/**
 * The page the CLI writes for a converted file, for a site generator:
 *
 * - `plain`: the frontmatter of `convert()`, the path mirrored
 *   (`a/b.html` → `a/b.md`);
 * - `hugo`: `posts/<slug>.md`, `original_url`, `aliases` for the old URL,
 *   Hugo's shortcodes and `<!--more-->` in the text escaped;
 * - `jekyll`: `_posts/YYYY-MM-DD-<slug>.md` (undated: `_drafts/`),
 *   `layout: post`, `render_with_liquid: false`, `redirect_from`, kramdown's
 *   syntax escaped;
 * - `astro`: `<slug>.md` for a content collection, `pubDate`;
 * - `eleventy`: `posts/<slug>.md`, `templateEngineOverride: md`, tags
 *   usable as collections.
 *
 * Every layout first readies the metadata as the CLI does
 * (`prepareArticle`): tags normalised (`tag-dropped`, `tags-merged`), dates
 * without offset given `timezone`. Generator layouts give a page without a title a fallback one
 * (`fallback-title`), drop or shorten tags a generator cannot make pages of
 * (`unusable-tag`) and remove control characters Markdown readers disagree
 * about (`invalid-characters`); these warnings are reported on `file`.
 *
 * @param file
 *   A file from `convert()` or a processor with the preset: its
 *   `data.article` (and `data.related`) give the frontmatter, its value the
 *   body. Converted with `frontmatter: false` (as the CLI does: one YAML
 *   pass less) its value is the body; converted with the frontmatter, the
 *   leading `---` block is replaced. Any Markdown will do:
 *   `new VFile({value: markdown, data: {article}})`.
 * @param options
 *   The layout, and the frontmatter options (`relatedFrontmatter`,
 *   `extraFrontmatter`, `frontmatter`) given to `convert()`.
 * @returns
 *   The page text (`markdown`) and where it goes (`placement.path`).
 */
export function renderPage(file: VFile, options?: Readonly<RenderPageOptions> | null | undefined): RenderedPage {
  const settings = options || {}
  const layout = layouts[settings.layout || 'plain']
  const {article, notes} = prepareArticle(file, settings.timezone)
  const note: Note = (ruleId, reason) => report(file, ruleId, reason)
  const value = String(file)
  const converted = settings.frontmatter === false ? value : withoutFrontmatter(value)
  const page: Page = {relative: settings.relative || relativePath(file), article, body: converted, aliases: settings.aliases ?? undefined, slug: settings.slug ?? undefined}
  const data = layout.frontmatter(frontmatterData(article, file.data.related, settings), page, note)
  const body = layout.body ? layout.body(converted, note) : converted
  const markdown = withFrontmatter(data, body)
  for (const {ruleId, reason} of notes) report(file, ruleId, reason)
  const fields = Object.keys(article).filter((key) => {
    const value = article[key as keyof ArticleMeta]
    return Array.isArray(value) ? value.length > 0 : Boolean(value)
  })
  return {markdown, placement: layout.place(page), article, fields}
}

/**
 * `markdown` without its leading frontmatter block: a `---` line, a YAML
 * mapping, a `---` line, and the blank line after it. Anything else (a
 * thematic break `---` opening the body) is kept.
 */
function withoutFrontmatter(markdown: string): string {
  if (!markdown.startsWith('---\n')) return markdown
  let end = markdown.indexOf('\n---\n', 3)
  if (end === -1 && markdown.endsWith('\n---')) end = markdown.length - 4
  if (end === -1) return markdown
  let data: unknown
  try {
    data = YAML.parse(markdown.slice(4, end + 1), {logLevel: 'silent'})
  } catch {
    return markdown
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return markdown
  const rest = markdown.slice(end + 5)
  return rest.startsWith('\n') ? rest.slice(1) : rest
}

/** `file.path` relative to `file.cwd` with `/` separators, its name when outside; `page.html` without a path. */
function relativePath(file: VFile): string {
  if (!file.path) return 'page.html'
  const relative = path.relative(file.cwd, path.resolve(file.cwd, file.path))
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return file.basename || 'page.html'
  return relative.split(path.sep).join('/')
}
