import type {Element, Root} from 'hast'
import {isAriaHidden, isHidden} from '../analyse/blocks/hints.js'
import {measureText} from '../analyse/blocks/measure-text.js'
import {phrasingTags, skipTags} from '../analyse/blocks/tags.js'

/**
 * A sentence end: `.`, `!`, `?` or their CJK forms, then optional closing
 * quotes and brackets (as `readsAsSentence` in `analyse/blocks/prose.ts`).
 */
const sentenceEnd = /[.!?。！？](?:[\p{Pe}\p{Pf}"'»」』]+)?$/u

/** Weighted length (see `measureText`) from which a run can be a sentence: about four Latin words or eight CJK characters. */
const sentenceLength = 16

/** Characters before the root's text within which the title counts as near it (headline, kicker, byline, a lead image's caption). */
const titleWindow = 600

/** What the page's visible text looks like, and how much of it the article root holds. */
export interface PageText {
  /** Characters of visible text in `<body>` (code points, white space runs count as one). */
  characters: number
  /** Characters of sentence-like runs in the page. */
  sentenceCharacters: number
  /** Characters of sentence-like runs inside the article root. */
  sentenceInRoot: number
  /** Characters of the longest sentence-like run outside the root (a paragraph the root misses). */
  longestOutside: number
  /** Characters of the longest sentence-like run inside the root. */
  longestInside: number
  /**
   * Whether `title` appears inside the root or at most 600 characters of
   * visible text before it (case and white space folded; `false` without a
   * title or root).
   */
  titleNearRoot: boolean
}

/**
 * Measure the visible text of a page (before pruning) against the chosen
 * article root. Text is split into runs at block elements and line breaks,
 * as `inlineShape` does; a run “reads as a sentence” when it is at least
 * 16 weighted characters long (`measureText`: CJK counts twice) and ends in
 * sentence punctuation, and is not the text of one link. Scripts, styles,
 * hidden and `aria-hidden` elements are skipped. Linear in the page size,
 * iterative.
 *
 * @param tree
 *   Whole page.
 * @param root
 *   Chosen article root (`undefined`: none, all text is outside).
 * @param title
 *   The article's title, looked up in and just before the root (optional).
 */
export function measurePageText(tree: Root, root: Element | undefined, title?: string | null | undefined): PageText {
  const result: PageText = {characters: 0, sentenceCharacters: 0, sentenceInRoot: 0, longestOutside: 0, longestInside: 0, titleNearRoot: false}
  // The page's runs, folded and joined, and where the root's text lies in it.
  const runs: Array<string> = []
  let joined = 0
  let rootStart = -1
  let rootEnd = -1
  let text = ''
  let weight = 0
  let linkWeight = 0
  let runInRoot = false
  // Each frame: a parent, the next child index, whether it is inside the root, inside a link.
  const stack: Array<{node: Root | Element; index: number; inRoot: boolean; inLink: boolean}> = [{node: tree, index: 0, inRoot: false, inLink: false}]

  while (stack.length > 0) {
    const frame = stack[stack.length - 1]
    if (frame.index >= frame.node.children.length) {
      stack.pop()
      if (frame.node.type === 'element' && !phrasingTags.has(frame.node.tagName)) flush()
      continue
    }
    const child = frame.node.children[frame.index++]
    if (child.type === 'text') {
      const measure = measureText(child.value).length
      if (text && !text.endsWith(' ') && /^\s/.test(child.value)) text += ' '
      if (measure === 0) continue
      text += child.value.trim()
      if (/\s$/.test(child.value)) text += ' '
      weight += measure
      if (frame.inLink) linkWeight += measure
      runInRoot = frame.inRoot
      continue
    }
    if (child.type !== 'element') continue
    const name = child.tagName
    if (skipTags.has(name) || isHidden(child) || isAriaHidden(child)) continue
    if (name === 'br') {
      flush()
      continue
    }
    if (!phrasingTags.has(name)) flush()
    stack.push({node: child, index: 0, inRoot: frame.inRoot || child === root, inLink: frame.inLink || name === 'a'})
  }
  flush()
  if (title && rootStart >= 0) {
    const needle = fold(title)
    const page = runs.join(' ')
    const from = Math.max(0, rootStart - titleWindow)
    const at = needle ? page.indexOf(needle, from) : -1
    result.titleNearRoot = at >= 0 && at < rootEnd
  }
  return result

  function flush() {
    if (weight > 0) {
      const value = text.trim()
      const characters = codePoints(value)
      result.characters += characters
      const folded = fold(value)
      if (runInRoot) {
        if (rootStart < 0) rootStart = joined
        rootEnd = joined + folded.length
      }
      runs.push(folded)
      joined += folded.length + 1
      if (weight >= sentenceLength && linkWeight < weight && sentenceEnd.test(value)) {
        result.sentenceCharacters += characters
        if (runInRoot) {
          result.sentenceInRoot += characters
          if (characters > result.longestInside) result.longestInside = characters
        } else if (characters > result.longestOutside) result.longestOutside = characters
      }
    }
    text = ''
    weight = 0
    linkWeight = 0
  }
}

/** Code points of `value` with white space runs counted as one. */
export function codePoints(value: string): number {
  let count = 0
  let space = false
  for (const character of value) {
    // ASCII white space without a regex (`\s` there is tab to carriage return and space).
    const code = character.charCodeAt(0)
    if (code < 128 ? code === 32 || (code >= 9 && code <= 13) : /\s/.test(character)) {
      if (!space) count++
      space = true
    } else {
      count++
      space = false
    }
  }
  return count
}

/** Lower-cased, NFKC, white space collapsed. */
function fold(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}
