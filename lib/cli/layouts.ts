import {aliasFor} from '../output/alias-path.js'
import type {AliasOptions} from '../output/alias-path.js'
import type {ArticleMeta} from '../types.js'
import {safeSegment, slugFor} from './slug.js'
import type {SlugSource} from './slug.js'

/** A supported output layout. */
export type LayoutName = 'plain' | 'hugo' | 'jekyll' | 'astro' | 'eleventy'

/** Every layout, the default first. */
export const layoutNames: ReadonlyArray<LayoutName> = ['plain', 'hugo', 'jekyll', 'astro', 'eleventy']

/** What a layout knows about a converted page. */
export interface Page {
  /** Input path relative to its input root, with `/` separators. */
  relative: string
  /** Extracted metadata. */
  article: ArticleMeta
  /** Bounds of the alias (`hugo`, `jekyll`), or `false` to write none (another page holds the old URL). */
  aliases?: AliasOptions | false | undefined
  /** What the slug is made from (`--slug`, default `url`). */
  slug?: SlugSource | undefined
}

/** Where a page goes, relative to the output folder (posix). */
export interface Placement {
  path: string
  /** Why the page went somewhere unusual (for example Jekyll drafts). */
  note?: string | undefined
}

/** One generator's conventions. */
export interface Layout {
  /** Output path before collision suffixes. */
  place(page: Page): Placement
  /** Adjust the frontmatter data (a new object; key order is kept). */
  frontmatter(data: Readonly<Record<string, unknown>>, page: Page): Record<string, unknown>
}

const identity = (data: Readonly<Record<string, unknown>>) => ({...data})

/** Layouts by name. */
export const layouts: Record<LayoutName, Layout> = {
  // Mirror the input tree: `a/b/page.html` → `a/b/page.md`.
  plain: {
    place(page) {
      const parts = page.relative.split('/')
      const name = parts.pop() as string
      const stem = safeSegment(name.replace(/\.[^.]*$/, '') || name)
      return {path: [...parts.map(safeSegment), stem + '.md'].join('/')}
    },
    frontmatter: identity
  },
  // Hugo: `content/posts/<slug>.md`; `aliases` keep old URLs working.
  // `url` is reserved by Hugo (it sets the page's own path, and an absolute
  // URL stops the build: “URLs with protocol (http*) not supported”), so the
  // original URL is written as `original_url` (`.Params.original_url`).
  hugo: {
    place: (page) => ({path: 'posts/' + pageSlug(page) + '.md'}),
    frontmatter(data, page) {
      const result: Record<string, unknown> = {}
      for (const [key, value] of Object.entries(data)) result[key === 'url' ? 'original_url' : key] = value
      const alias = aliasFor(page.article.url, 'hugo', page.aliases)
      if (alias) result.aliases = [alias]
      return result
    }
  },
  // Jekyll: `_posts/YYYY-MM-DD-<slug>.md`, undated pages in `_drafts/`;
  // `redirect_from` is read by the `jekyll-redirect-from` plugin. Jekyll's
  // `page.url` is the page's own URL and hides a front matter `url`, so the
  // original URL is written as `original_url` (`page.original_url`). Jekyll
  // runs Liquid over posts: `{% if x %}` quoted in an article stops the
  // build, so `render_with_liquid: false` (Jekyll 4) keeps the text as is.
  jekyll: {
    place(page) {
      const day = dayOf(page.article.date)
      if (!day) return {path: '_drafts/' + pageSlug(page) + '.md', note: 'no date: written to `_drafts/`'}
      return {path: '_posts/' + day + '-' + pageSlug(page) + '.md'}
    },
    frontmatter(data, page) {
      const result: Record<string, unknown> = {layout: 'post', render_with_liquid: false}
      for (const [key, value] of Object.entries(data)) {
        if (key === 'url') result.original_url = value
        else result[key] = key === 'date' && typeof value === 'string' ? jekyllDate(value) : value
      }
      const redirect = aliasFor(page.article.url, 'jekyll', page.aliases)
      if (redirect) result.redirect_from = [redirect]
      return result
    }
  },
  // Astro: a content collection folder; the date is `pubDate`, as in the
  // blog starter's schema (`pubDate: z.coerce.date()`).
  astro: {
    place: (page) => ({path: pageSlug(page) + '.md'}),
    frontmatter(data) {
      const result: Record<string, unknown> = {}
      for (const [key, value] of Object.entries(data)) result[key === 'date' ? 'pubDate' : key] = value
      return result
    }
  },
  // Eleventy: `posts/<slug>.md` in the input folder; `date` and `tags`
  // (collections) are read by Eleventy as they are. Eleventy runs Liquid
  // over Markdown by default: `{% if x %}` quoted in an article stops the
  // build and `{{ x }}` vanishes, so `templateEngineOverride: md` renders
  // the page as Markdown only.
  eleventy: {
    place: (page) => ({path: 'posts/' + pageSlug(page) + '.md'}),
    frontmatter: (data) => ({...data, templateEngineOverride: 'md'})
  }
}

/** Slug of a page (`slugFor`): by `page.slug`, from its URL, title or identifier, else its input file name, else `page`. */
export function pageSlug(page: Page): string {
  return slugFor({url: page.article.url, title: page.article.title, relative: page.relative}, page.slug)
}

/** `YYYY-MM-DD` of an ISO date, if any. */
export function dayOf(date: string | undefined): string | undefined {
  const match = date ? /^(\d{4}-\d{2}-\d{2})/.exec(date) : null
  return match ? match[1] : undefined
}

/** Jekyll's documented form: `YYYY-MM-DD HH:MM:SS +/-TTTT`. */
export function jekyllDate(date: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(date)
  if (!match) return date
  const time = match[2].length === 5 ? match[2] + ':00' : match[2]
  const zone = match[3] === undefined ? '' : ' ' + (match[3] === 'Z' ? '+0000' : match[3].replace(':', ''))
  return match[1] + ' ' + time + zone
}
