/**
 * Astro reads a relative image in a content collection's Markdown
 * (`![alt](images/a.jpg)`, `./a.jpg`) as an asset to import and optimise:
 * when the file is not there, `astro build` stops (`ImageNotFound`) and no
 * page of the site is built. A page converted without its URL keeps its
 * relative images (`relative-urls-unresolved`), whose files are not beside
 * the output. Such images are written as links (`[alt](images/a.jpg)`):
 * the reference and its text are kept, and the build goes on. Absolute
 * URLs and root-relative paths (`/media/a.jpg`, served from `public/`)
 * stay images. With `--images copy|download` the same holds for a relative
 * image whose file could not be saved (`image-not-saved`: its original
 * path is kept, and nothing is there).
 *
 * @module
 */
import {imageSpans} from '../images/rewrite.js'

/**
 * Turn the images of `markdown` whose destination is a relative path into
 * links.
 *
 * @param markdown
 *   Markdown (frontmatter allowed).
 * @param only
 *   When given, only relative destinations (as `mdast` gives `image.url`)
 *   in this set are turned into links: with `--images copy|download`, the
 *   images whose file could not be saved (the saved ones point at their
 *   copies, which are there).
 * @returns
 *   The Markdown, and the destinations turned into links (in order).
 */
export function linkRelativeImages(markdown: string, only?: ReadonlySet<string>): {markdown: string; linked: Array<string>} {
  const linked: Array<string> = []
  let result = ''
  let last = 0
  for (const span of imageSpans(markdown)) {
    if (!isRelativePath(span.url) || (only && !only.has(span.url)) || markdown[span.image] !== '!') continue
    result += markdown.slice(last, span.image)
    last = span.image + 1
    linked.push(span.url)
  }
  return {markdown: linked.length === 0 ? markdown : result + markdown.slice(last), linked}
}

/**
 * The warning for an image written as a link (`astro-relative-image`).
 *
 * @param url
 *   The image's destination.
 * @param mode
 *   `keep`: the page was converted without its URL; `copy`: the file could
 *   not be saved (`image-not-saved` says why).
 */
export function astroLinkReason(url: string, mode: 'keep' | 'copy'): string {
  const fix = mode === 'keep' ? '`--base-url` resolves it, `--images copy` saves it' : 'the image could not be saved, see `image-not-saved`'
  return 'Image `' + url.slice(0, 120) + '` written as a link: Astro would stop the build looking for the file (' + fix + ')'
}

/** Whether a destination is a relative path: no scheme, not `/`-rooted, not a fragment. */
function isRelativePath(url: string): boolean {
  const value = url.trim()
  if (!value || value.startsWith('/') || value.startsWith('#')) return false
  return !/^[a-z][a-z\d+.-]*:/i.test(value)
}
