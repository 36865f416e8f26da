/**
 * Where each layout puts a page's images and the URL its Markdown uses for
 * them, the way each generator's users expect:
 *
 * | layout | page | images | Markdown URL |
 * | --- | --- | --- | --- |
 * | `plain` | `a/b/page.md` | `a/b/` (beside it) | `photo-1a2b3c4d.jpg` |
 * | `hugo` | `posts/<slug>/index.md` (a leaf page bundle) | beside it | `photo-1a2b3c4d.jpg` (a page resource) |
 * | `jekyll` | `_posts/<date>-<slug>.md` | `assets/images/<date>-<slug>/` | `/assets/images/<date>-<slug>/photo-1a2b3c4d.jpg` |
 * | `astro` | `<slug>.md` in the collection | `<slug>/` beside it | `./<slug>/photo-1a2b3c4d.jpg` (processed by `astro:assets`) |
 * | `eleventy` | `posts/<slug>/index.md` | beside it | `photo-1a2b3c4d.jpg` (with a passthrough copy of `posts/**` images) |
 *
 * @module
 */
import {posix} from 'node:path'
import type {LayoutName} from '../output/layouts.js'

/** What `--images` does: leave URLs alone, copy images found on disk, or also download remote ones. */
export type ImageMode = 'keep' | 'copy' | 'download'

/** Every image mode, the default first. */
export const imageModes: ReadonlyArray<ImageMode> = ['keep', 'copy', 'download']

/** Layouts whose pages become bundles (`posts/<slug>/index.md`) when images are copied: same page URL, images beside. */
const bundleLayouts = new Set<LayoutName>(['hugo', 'eleventy'])

/**
 * The output path of a page when its images travel with it: `posts/<slug>.md`
 * → `posts/<slug>/index.md` for Hugo (a leaf bundle) and Eleventy (the
 * same permalink, `/posts/<slug>/`); unchanged for other layouts and modes.
 */
export function pagePath(layout: LayoutName, mode: ImageMode, output: string): string {
  if (mode === 'keep' || !bundleLayouts.has(layout) || posix.basename(output) === 'index.md') return output
  return output.replace(/\.md$/, '') + '/index.md'
}

/**
 * Why `layout` cannot publish an image of type `ext` as a copy, if it
 * cannot: Astro optimises the relative images of a content collection with
 * `astro:assets`, which reads only `jpg`, `png`, `gif`, `webp`, `avif`, `svg`
 * and `tif` (any other stops the build).
 */
export function unsupportedImage(layout: LayoutName, ext: string): string | undefined {
  if (layout === 'astro' && !astroImages.has(ext)) return 'Astro cannot process `' + ext + '` images in content collections (astro:assets reads jpg, png, gif, webp, avif, svg, tif)'
  return undefined
}

const astroImages = new Set(['jpg', 'png', 'gif', 'webp', 'avif', 'svg', 'tif'])

/** Where one page's images go. */
export interface ImageFolder {
  /** Folder relative to the output folder (posix; `''` for the output folder itself). */
  folder: string
  /** The Markdown URL of the image file `name` in `folder`. */
  url(name: string): string
}

/**
 * The image folder and URLs for the page written at `output` (relative to
 * the output folder, posix, after collision suffixes).
 */
export function imageFolder(layout: LayoutName, output: string): ImageFolder {
  const folder = posix.dirname(output) === '.' ? '' : posix.dirname(output)
  const stem = posix.basename(output).replace(/\.md$/, '')
  const join = (...parts: Array<string>) => parts.filter(Boolean).join('/')
  if (layout === 'jekyll') {
    const assets = join('assets', 'images', stem)
    return {folder: assets, url: (name) => '/' + encodePath(join(assets, name))}
  }
  // A bundle (`…/index.md`) or `plain`: images beside the page.
  if (stem === 'index' || layout === 'plain') return {folder, url: (name) => encodePath(name)}
  // Astro (and any page that is not a bundle): a folder named after the page, beside it.
  return {folder: join(folder, stem), url: (name) => './' + encodePath(join(stem, name))}
}

/** Percent-encode what a URL path may not hold as is (names are letters, digits, `-`, `.` already). */
function encodePath(value: string): string {
  return value.replace(/[^\p{L}\p{M}\p{N}/._~-]/gu, (character) => encodeURIComponent(character))
}
