/**
 * Cut the site's name, written after a separator, off the end of a page
 * title: `Title @ Blog name :: Platform ::` (blog platforms), `Title | Site`,
 * `Title - Site`, `Title » Site`, `标题_站点名`, when the name after the
 * separator is the site's own (`og:site_name`, JSON-LD publisher or
 * website name) or its host (`example.com`). What follows the name may only
 * be more of the site's furniture (a platform's name between separators),
 * never more of the headline.
 *
 * Unlike splitting the title at every separator (`title.ts`), this keeps a
 * headline that itself holds a separator (`新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家_藍天`
 * keeps `新竹尖石_美樹營地賞楓 (2)`) and cuts a site name that itself holds
 * one.
 *
 * @module
 */

/** Separators between a headline and the site's name. */
const SEPARATORS = ['@', '|', '｜', '-', '–', '—', '::', '»', '«', '·', '•', '_', '/', '~', ':']

/** Separators that must have white space on both sides (`-` and `/` also join words: `e-mail`, `and/or`). */
const SPACED = new Set(['-', '/', ':', '~'])

/** Longest furniture after the site's name (`:: 痞客邦 PIXNET ::`), in characters. */
const maxTail = 40

/** Shortest headline left after the cut, in characters. */
const minHeadline = 2

/**
 * Cut the site's name (and what follows it) off the end of `title`.
 *
 * @param title
 *   Page title (`<title>`, `og:title`, …).
 * @param siteNames
 *   Names of the site: `og:site_name`, the publisher's name, the host.
 * @returns
 *   The title without the suffix, or `title` as it is when no site name
 *   follows a separator.
 */
export function cutSiteSuffix(title: string, siteNames: ReadonlyArray<string | undefined>): string {
  const folded = fold(title)
  let best = -1
  for (const name of siteNames) {
    const key = name ? fold(name).trim() : ''
    if (key.length < 2) continue
    let from = folded.indexOf(key, 1)
    while (from !== -1) {
      const cut = separatorBefore(folded, from)
      if (cut >= minHeadline && isFurniture(folded.slice(from + key.length)) && (best === -1 || cut < best)) best = cut
      from = folded.indexOf(key, from + 1)
    }
  }
  if (best === -1) return title
  // `fold` keeps the length of the text (see there), so indices carry over.
  return title.slice(0, best).trimEnd()
}

/**
 * Where the separator before `at` starts (the headline ends), or `-1` when
 * no separator stands right before it.
 */
function separatorBefore(text: string, at: number): number {
  const before = text.slice(0, at)
  const trimmed = before.trimEnd()
  const spaceAfter = trimmed.length < before.length
  for (const separator of SEPARATORS) {
    if (!trimmed.endsWith(separator)) continue
    const start = trimmed.length - separator.length
    const spaceBefore = start > 0 && /\s/.test(trimmed[start - 1])
    if (SPACED.has(separator) && !(spaceBefore && spaceAfter)) continue
    const end = trimmed.slice(0, start).trimEnd().length
    return end > 0 ? end : -1
  }
  return -1
}

/** Whether what follows the site's name is nothing, or separators around a short platform name. */
function isFurniture(rest: string): boolean {
  const tail = rest.trim()
  if (tail === '') return true
  if (tail.length > maxTail) return false
  return SEPARATORS.some((separator) => tail.startsWith(separator))
}

/** Lower case and compatibility forms, one character for one (so indices stay those of the original). */
function fold(value: string): string {
  let result = ''
  for (const character of value) {
    const normal = character.normalize('NFKC').toLowerCase()
    result += normal.length === character.length ? normal : character
  }
  return result
}
