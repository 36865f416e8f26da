import type {RuleId} from '../messages.js'
import {aliasFor} from './alias-path.js'
import type {AliasOptions} from './alias-path.js'
import type {ArticleMeta} from '../types.js'
import {escapeHugo} from './body-escape-hugo.js'
import {escapeKramdown} from './body-escape-kramdown.js'
import {fallbackTitle} from './frontmatter-fallback-title.js'
import {eleventyReservedTags, generatorTags} from './frontmatter-generator-tags.js'
import {footnotesAsText} from './body-footnotes-text.js'
import {removeInvisibleCharacters} from './body-invisible.js'
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
  /** The Markdown body, for a fallback title (default: none). */
  body?: string | undefined
  /** Bounds of the alias (`hugo`, `jekyll`), or `false` to write none (another page holds the old URL). */
  aliases?: AliasOptions | false | undefined
  /** What the slug is made from (`--slug`, default `url`). */
  slug?: SlugSource | undefined
}

/** Report a warning about the page (a rule of `lib/messages.ts`). */
export type Note = (ruleId: RuleId, reason: string) => void

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
  frontmatter(data: Readonly<Record<string, unknown>>, page: Page, note: Note): Record<string, unknown>
  /** Rewrite the Markdown body for the generator's Markdown reader (default: as it is). */
  body?(markdown: string, note: Note): string
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
  // Aliases are decoded and bounded (`lib/output/alias-path.ts`).
  // Shortcodes and other Hugo syntax quoted in the article are escaped
  // (`body-escape-hugo.ts`).
  hugo: {
    place: (page) => ({path: 'posts/' + pageSlug(page) + '.md'}),
    frontmatter(data, page, note) {
      const result: Record<string, unknown> = {}
      for (const [key, value] of Object.entries(generatorData(data, page, note))) result[key === 'url' ? 'original_url' : key] = value
      const alias = aliasFor(page.article.url, 'hugo', page.aliases)
      if (alias) result.aliases = [alias]
      return result
    },
    body(markdown, note) {
      const result = escapeHugo(markdown)
      noteRemoved(result.removed, note)
      if (result.zeroWidth > 0) {
        note(
          'zero-width-space',
          'Code quotes Hugo syntax no escape works on (`{{<` or `{{%` with no closing delimiter, `<!--more-->`): ' +
            result.zeroWidth +
            ' zero-width space' +
            (result.zeroWidth === 1 ? ' was' : 's were') +
            ' put in, so Hugo leaves the code as it is'
        )
      }
      return result.markdown
    }
  },
  // Jekyll: `_posts/YYYY-MM-DD-<slug>.md`, undated pages in `_drafts/`;
  // `redirect_from` is read by the `jekyll-redirect-from` plugin. Jekyll's
  // `page.url` is the page's own URL and hides a front matter `url`, so the
  // original URL is written as `original_url` (`page.original_url`). Jekyll
  // runs Liquid over posts: `{% if x %}` quoted in an article stops the
  // build, so `render_with_liquid: false` (Jekyll 4) keeps the text as is.
  // kramdown's own syntax quoted in the article is escaped
  // (`body-escape-kramdown.ts`).
  jekyll: {
    place(page) {
      const day = dayOf(page.article.date)
      if (!day) return {path: '_drafts/' + pageSlug(page) + '.md', note: 'no date: written to `_drafts/`'}
      return {path: '_posts/' + day + '-' + pageSlug(page) + '.md'}
    },
    frontmatter(data, page, note) {
      const result: Record<string, unknown> = {layout: 'post', render_with_liquid: false}
      for (const [key, value] of Object.entries(generatorData(data, page, note))) {
        if (key === 'url') result.original_url = value
        else result[key] = key === 'date' && typeof value === 'string' ? jekyllDate(value) : value
      }
      const redirect = aliasFor(page.article.url, 'jekyll', page.aliases)
      if (redirect) result.redirect_from = [redirect]
      return result
    },
    body(markdown, note) {
      const result = escapeKramdown(markdown)
      noteRemoved(result.removed, note)
      return result.markdown
    }
  },
  // Astro: a content collection folder; the date is `pubDate`, as in the
  // blog starter's schema (`pubDate: z.coerce.date()`).
  astro: {
    place: (page) => ({path: pageSlug(page) + '.md'}),
    frontmatter(data, page, note) {
      const result: Record<string, unknown> = {}
      for (const [key, value] of Object.entries(generatorData(data, page, note))) result[key === 'date' ? 'pubDate' : key] = value
      return result
    },
    body: cleanBody
  },
  // Eleventy: `posts/<slug>.md` in the input folder; `date` and `tags`
  // (collections) are read by Eleventy as they are. Eleventy runs Liquid
  // over Markdown by default: `{% if x %}` quoted in an article stops the
  // build and `{{ x }}` vanishes, so `templateEngineOverride: md` renders
  // the page as Markdown only. Its collections are a plain object keyed by
  // tag: tags named like `Object.prototype`'s keys, and `all`, are dropped.
  eleventy: {
    place: (page) => ({path: 'posts/' + pageSlug(page) + '.md'}),
    frontmatter: (data, page, note) => ({...generatorData(data, page, note, eleventyReservedTags), templateEngineOverride: 'md'}),
    // Eleventy's markdown-it has no footnotes (without `markdown-it-footnote`): they are written as text.
    body: (markdown, note) => footnotesAsText(cleanBody(markdown, note))
  }
}

/**
 * What every generator layout needs in the frontmatter: a title (a fallback
 * with a `fallback-title` warning when the page has none) and tags it can
 * make pages of (`frontmatter-generator-tags.ts`, `unusable-tag` warnings).
 */
function generatorData(data: Readonly<Record<string, unknown>>, page: Page, note: Note, reserved?: ReadonlySet<string>): Record<string, unknown> {
  let result: Record<string, unknown> = {...data}
  if (typeof result.title !== 'string' || !result.title) {
    const fallback = fallbackTitle(page.body || '', page.relative)
    note('fallback-title', 'No title: used “' + fallback.title + '” (' + fallback.from + '), as the generator needs one')
    const {title: _missing, ...rest} = result
    result = {title: fallback.title, ...rest}
  }
  if (Array.isArray(result.tags)) {
    const {tags, problems} = generatorTags(result.tags.map(String), reserved)
    for (const problem of problems) note('unusable-tag', 'Tag “' + clip(problem.tag) + '” ' + problem.reason)
    if (tags.length > 0) result.tags = tags
    else delete result.tags
  }
  return result
}

/** The body without control characters Markdown readers disagree about (`body-invisible.ts`). */
function cleanBody(markdown: string, note: Note): string {
  const result = removeInvisibleCharacters(markdown)
  noteRemoved(result.removed, note)
  return result.markdown
}

function noteRemoved(removed: number, note: Note): void {
  if (removed > 0)
    note(
      'invalid-characters',
      'Removed ' + removed + ' control character' + (removed === 1 ? '' : 's') + ' from the article text (C0 and C1 controls, U+FFFE, U+FFFF: invisible, and Markdown readers disagree about them)'
    )
}

function clip(value: string): string {
  return value.length > 80 ? value.slice(0, 79) + '…' : value
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

/**
 * Jekyll's documented form, `YYYY-MM-DD HH:MM:SS`, in the article's own
 * local time: Jekyll converts a date with an offset to the site's (or the
 * build machine's) time zone, which moves a post dated `07:30 +08:00` to
 * the day before in the URL (`/2015/07/29/…`) and the listing, while the
 * file name says the 30th (jekyll/jekyll#3879, #6033). A time without
 * offset is read and shown as it is, so file name, URL and listing agree.
 */
export function jekyllDate(date: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(date)
  if (!match) return date
  const time = match[2].length === 5 ? match[2] + ':00' : match[2]
  return match[1] + ' ' + time
}
