/**
 * Limits on what the input stage accepts, and the cheap counts (no tree is
 * built) they are checked against before parsing.
 */

/** Default of `maxSize`: 50 MiB (bytes of byte input, characters of a string). */
export const defaultMaxSize = 50 * 1024 * 1024

/** Default of `maxElements`: start tags, about 4 KB of memory each once parsed. */
export const defaultMaxElements = 300_000

/** Default of `maxNodes`: elements, text nodes and comments together. */
export const defaultMaxNodes = 1_500_000

/**
 * Count the start tags in `html` (elements the parser will build, about),
 * cheaply and without building a tree: memory and time of a conversion
 * grow with it (about 4 KB per element), not with the byte size.
 */
export function countElements(html: string): number {
  const tag = /<[a-zA-Z]/g
  let count = 0
  while (tag.exec(html)) count++
  return count
}

/**
 * Count the nodes the parser will build from `html`, about: start tags,
 * comments and runs of text (each `>` followed by text, and text before
 * the first tag). Comments and text nodes cost memory too (about 0.5 KB
 * each): 48 MB of `a<!---->` has 12 million of them and only two
 * elements. Stops counting past `stopAfter`.
 */
export function countNodes(html: string, stopAfter = Number.POSITIVE_INFINITY): number {
  const node = /<(?:[a-zA-Z]|!--)|>[^<]/g
  let count = html.length > 0 && html[0] !== '<' ? 1 : 0
  while (count <= stopAfter && node.exec(html)) count++
  return count
}
