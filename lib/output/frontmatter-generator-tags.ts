/**
 * Tags a static site generator can make pages of. Every generator turns
 * each tag into a folder of the built site (`tags/<tag>/index.html`), so
 * one page's tag can stop the whole build: a tag longer than a file name
 * may be (255 bytes; measured: a 300-byte tag fails Hugo, Jekyll, Eleventy
 * and Astro with `ENAMETOOLONG`), a tag of dots (`..` stops Hugo:
 * “missing taxonomy”), a tag Eleventy cannot use as a collection name
 * (`__proto__`: “configCollections[name] is not a function”), the same tag
 * twice in other letter case (Eleventy: `DuplicatePermalinkOutputError`).
 *
 * @module
 */
import {truncate} from './slug.js'

/** Longest tag kept, in UTF-8 bytes: a file name is at most 255, and generators add to it. */
export const maxTagBytes = 100

/**
 * Names Eleventy cannot or should not get as tags: its collections are a
 * plain object keyed by tag, so `Object.prototype`'s names clash, and
 * `all` is the collection of every page.
 */
export const eleventyReservedTags: ReadonlySet<string> = new Set([
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
  'all'
])

/** A tag that was changed or dropped, and why. */
export interface TagProblem {
  tag: string
  /** What happened, as a sentence fragment (“was shortened to …”). */
  reason: string
}

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'})

/**
 * Make `tags` usable by a generator: a tag with no letter or digit is
 * dropped, one of `reserved` is dropped, one longer than `maxTagBytes` is
 * cut at a character (grapheme) boundary, and a tag equal to an earlier
 * one once case and width are folded (NFKC, lower case) is dropped.
 */
export function generatorTags(tags: ReadonlyArray<string>, reserved?: ReadonlySet<string>): {tags: Array<string>; problems: Array<TagProblem>} {
  const result: Array<string> = []
  const seen = new Set<string>()
  const problems: Array<TagProblem> = []
  for (const tag of tags) {
    if (!/[\p{L}\p{N}]/u.test(tag)) {
      problems.push({tag, reason: 'was dropped: it has no letter or digit to name a tag page'})
      continue
    }
    if (reserved && reserved.has(tag)) {
      problems.push({tag, reason: 'was dropped: the generator reserves the name'})
      continue
    }
    let value = tag
    if (Buffer.byteLength(value) > maxTagBytes) {
      value = shorten(value, maxTagBytes)
      problems.push({tag, reason: 'was shortened to ' + maxTagBytes + ' bytes (“' + value + '”): generators make a file name of each tag'})
    }
    const key = value.normalize('NFKC').toLowerCase()
    if (seen.has(key)) {
      problems.push({tag, reason: 'was dropped: it repeats an earlier tag (in other letter case or width)'})
      continue
    }
    seen.add(key)
    result.push(value)
  }
  return {tags: result, problems}
}

/** Cut `value` to at most `bytes` UTF-8 bytes at a grapheme boundary, without trailing white space or punctuation. */
function shorten(value: string, bytes: number): string {
  let result = ''
  for (const {segment} of segmenter.segment(value)) {
    if (Buffer.byteLength(result + segment) > bytes) break
    result += segment
  }
  return trimEndPunctuation(result) || truncate(value, bytes)
}

/** `value` without trailing white space or punctuation (a loop: a `+$` pattern would backtrack). */
function trimEndPunctuation(value: string): string {
  const characters = [...value]
  while (characters.length > 0 && /[\s\p{P}]/u.test(characters[characters.length - 1])) characters.pop()
  return characters.join('')
}
