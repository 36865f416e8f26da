/**
 * Astro reads a relative image in a content collection's Markdown
 * (`![alt](images/a.jpg)`, `./a.jpg`) as an asset to import and optimise:
 * when the file is not there, `astro build` stops (`ImageNotFound`) and no
 * page of the site is built. A page converted without its URL keeps its
 * relative images (`relative-urls-unresolved`), whose files are not beside
 * the output. Such images are written as links (`[alt](images/a.jpg)`):
 * the reference and its text are kept, and the build goes on. Absolute
 * URLs and root-relative paths (`/media/a.jpg`, served from `public/`)
 * stay images.
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
 * @returns
 *   The Markdown, and the destinations turned into links (in order).
 */
export function linkRelativeImages(markdown: string): {markdown: string; linked: Array<string>} {
  const linked: Array<string> = []
  let result = ''
  let last = 0
  for (const span of imageSpans(markdown)) {
    if (!isRelativePath(span.url) || markdown[span.image] !== '!') continue
    result += markdown.slice(last, span.image)
    last = span.image + 1
    linked.push(span.url)
  }
  return {markdown: linked.length === 0 ? markdown : result + markdown.slice(last), linked}
}

/** Whether a destination is a relative path: no scheme, not `/`-rooted, not a fragment. */
function isRelativePath(url: string): boolean {
  const value = url.trim()
  if (!value || value.startsWith('/') || value.startsWith('#')) return false
  return !/^[a-z][a-z\d+.-]*:/i.test(value)
}
