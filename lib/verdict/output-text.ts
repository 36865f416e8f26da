import type {Nodes, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {measureText} from '../analyse/blocks/measure-text.js'
import {codePoints} from './page-text.js'

/** What the Markdown body holds. */
export interface OutputText {
  /** Characters of text in the body (code points, white space runs count as one), frontmatter and markup aside. */
  characters: number
  /** Weighted length of that text (`measureText`: CJK characters count twice, white space not at all). */
  weight: number
  /** Text blocks: paragraphs, headings, table cells and code blocks (a list item's or quote's paragraphs count one each). */
  paragraphs: number
  /** Characters of link text. */
  linkCharacters: number
  /** Characters of the link text of links whose text reads as a statement (a linked sentence of 16 or more weighted characters ending in `.`, `。` or `…`): prose, not a list of links. */
  statementLinkCharacters: number
  /** U+FFFD replacement characters in the text. */
  replacementCharacters: number
  /** URLs of links, images and definitions that are relative (no scheme, not a fragment): unresolved without a page URL. */
  relativeUrls: Array<string>
  /** Text of the last text blocks (at most `tailBlocks`), in order, white space collapsed: where a promo or a comment policy left in the output shows. */
  tail: Array<string>
}

/** Text blocks at the end of the output read as its tail. */
export const tailBlocks = 3

const textBlocks: ReadonlySet<string> = new Set(['paragraph', 'heading', 'tableCell', 'code'])

/** Weighted length (see `measureText`) from which a link's text can be a statement: about four Latin words or eight CJK characters. */
const statementLength = 16

/** A statement's end: `.`, `。` or `…`, then optional closing quotes and brackets (linked headlines end in `!` and `?` as often as in nothing). */
const statementEnd = /[.。…][\p{Pe}\p{Pf}"'»」』]*$/u

/** A URL with a scheme (`https:`, `mailto:`), protocol-relative (`//host`), or a fragment or query alone. */
const absolute = /^(?:[a-z][a-z\d+.-]*:|\/\/|#|\?)/i

/**
 * Measure the text of a Markdown body (mdast), iteratively. The YAML
 * frontmatter, raw HTML and image alt text are not text a reader reads as
 * the article and are not counted.
 */
export function measureOutput(tree: Root): OutputText {
  const result: OutputText = {characters: 0, weight: 0, paragraphs: 0, linkCharacters: 0, statementLinkCharacters: 0, replacementCharacters: 0, relativeUrls: [], tail: []}
  // Text blocks are met in document order; the last `tailBlocks` are kept.
  const tail: Array<Nodes> = []
  const stack: Array<[Nodes, boolean]> = [[tree, false]]
  while (stack.length > 0) {
    const [node, inLink] = stack.pop()!
    if (node.type === 'yaml' || node.type === 'html') continue
    if (textBlocks.has(node.type)) {
      result.paragraphs++
      tail.push(node)
      if (tail.length > tailBlocks) tail.shift()
    }
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.url && !absolute.test(node.url)) {
      result.relativeUrls.push(node.url)
    }
    if (!inLink && (node.type === 'link' || node.type === 'linkReference')) {
      const text = toString(node, {includeImageAlt: false}).replace(/\s+/g, ' ').trim()
      if (measureText(text).length >= statementLength && statementEnd.test(text)) result.statementLinkCharacters += codePoints(text)
    }
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
      const characters = codePoints(node.value.trim())
      for (let index = node.value.indexOf('\ufffd'); index >= 0; index = node.value.indexOf('\ufffd', index + 1)) result.replacementCharacters++
      result.characters += characters
      result.weight += measureText(node.value).length
      if (inLink) result.linkCharacters += characters
      continue
    }
    if ('children' in node) {
      for (let index = node.children.length - 1; index >= 0; index--) {
        stack.push([node.children[index] as Nodes, inLink || node.type === 'link' || node.type === 'linkReference'])
      }
    }
  }
  result.tail = tail.map((node) => toString(node, {includeImageAlt: false}).replace(/\s+/g, ' ').trim()).filter(Boolean)
  return result
}
