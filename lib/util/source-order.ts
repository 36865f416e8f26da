import type {Element} from 'hast'

/**
 * Where an element's start tag lies in the page, as a span `[start, end)`.
 * Pages parsed with source positions (`positions: true`) give offsets
 * (UTF-16 code units, `node.position`); pages parsed without them give the
 * rank of the start tag among the page's start tags and, for the end, the
 * number of start tags seen when the element was closed (`rehypeParseSafe`
 * records them, see `lib/input/ordered-parser.ts`). Both order elements the
 * same way: an element the parser re-opened (a formatting element carried
 * over a closed block, `<b>` across `</p>`) shares the start of the element
 * it copies, which lies before its new parent's.
 */
const spans = new WeakMap<Element, readonly [number, number]>()

/** Record the span of a start tag (rank form) for `node`. */
export function setSourceSpan(node: Element, start: number, end: number): void {
  spans.set(node, [start, end])
}

/**
 * Start of `node`'s start tag in source order: its offset, else its rank;
 * `undefined` for elements the parser implied or a plugin made.
 */
export function sourceStart(node: Element): number | undefined {
  if (node.position) return node.position.start.offset
  const span = spans.get(node)
  return span && span[0]
}

/**
 * Span `[start, end)` of `node` in source order (offsets or ranks, see
 * `sourceStart`); `undefined` where either end is unknown.
 */
export function sourceSpan(node: Element): readonly [number, number] | undefined {
  const position = node.position
  if (position) {
    const start = position.start.offset
    const end = position.end.offset
    return start === undefined || end === undefined ? undefined : [start, end]
  }
  return spans.get(node)
}
