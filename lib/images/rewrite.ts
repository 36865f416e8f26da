/**
 * Point the Markdown's images at their copies without serialising it
 * again: the destinations of every image (`![alt](destination "title")`)
 * are located once with `micromark` (the parser behind `remark-parse`, with
 * the GFM and frontmatter extensions the output uses), then replaced in
 * place. Everything else, escaping and line breaks included, stays
 * byte-for-byte the same.
 *
 * @module
 */
import {parse, postprocess, preprocess} from 'micromark'
import {frontmatter} from 'micromark-extension-frontmatter'
import {gfm} from 'micromark-extension-gfm'
import {decodeString} from 'micromark-util-decode-string'

/** Where one image's destination is in a Markdown document. */
export interface ImageSpan {
  /** Offsets (UTF-16 code units) of the destination text, end exclusive; inside `<…>` when it has brackets. */
  start: number
  end: number
  /** The destination as a URL (escapes and character references decoded), as `mdast` gives `image.url`. */
  url: string
  /** Offset of the image's `!`. */
  image: number
}

let parser: ReturnType<typeof parse> | undefined

/** Every image destination in `markdown`, in document order. Images written as references (`![a][b]`) have none. */
export function imageSpans(markdown: string): Array<ImageSpan> {
  // One parser (its extensions combined once); definitions are per document.
  parser ||= parse({extensions: [frontmatter(['yaml']), gfm()]})
  parser.defined = []
  parser.lazy = {}
  const events = postprocess(parser.document().write(preprocess()(markdown, undefined, true)))
  const spans: Array<ImageSpan> = []
  const opened: Array<number> = []
  for (const [kind, token] of events) {
    if (token.type === 'image') {
      if (kind === 'enter') opened.push(token.start.offset)
      else opened.pop()
    } else if (opened.length > 0 && kind === 'enter' && token.type === 'resourceDestinationString') {
      const start = token.start.offset
      const end = token.end.offset
      spans.push({start, end, url: decodeString(markdown.slice(start, end)), image: opened[opened.length - 1]})
    }
  }
  return spans
}

/**
 * Replace the destinations of `spans` whose URL `replace` maps to a new
 * one. New URLs must need no escaping in a destination (no white space,
 * parentheses, `<`, `>`, `\`, or `&` before a letter): the image folders'
 * URLs never do. Spans are in document order (as `imageSpans` gives them).
 */
export function replaceDestinations(markdown: string, spans: ReadonlyArray<ImageSpan>, replace: (url: string) => string | undefined): string {
  let result = ''
  let last = 0
  for (const span of spans) {
    const next = replace(span.url)
    if (next === undefined || next === span.url) continue
    if (/[\s()<>\\]|&[#a-z]/i.test(next)) throw new Error('Cannot write `' + next + '` as an image destination without escaping')
    result += markdown.slice(last, span.start) + next
    last = span.end
  }
  return last === 0 ? markdown : result + markdown.slice(last)
}
