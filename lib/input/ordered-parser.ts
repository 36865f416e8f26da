import {Parser} from 'parse5'
import type {DefaultTreeAdapterMap, ParserOptions} from 'parse5'

type P5Element = DefaultTreeAdapterMap['element']
type P5Parent = DefaultTreeAdapterMap['parentNode']
type Attributes = P5Element['attrs']

/** Start-tag ranks of a page parsed by `parseOrdered`. */
export interface SourceRanks {
  /** Rank of each element's start tag among the page's start tags (elements the parser implied have none). */
  start: Map<P5Element, number>
  /** Start tags seen when each element was closed (its end, exclusive); elements still open at the end have none. */
  end: Map<P5Element, number>
}

/**
 * parse5 without source locations, recording where each element's start tag
 * comes in the page instead (see `SourceRanks`). Location tracking makes
 * parse5 about 2.4 times slower and its hast holds three objects more per
 * node; the ranks cost two map entries per element and keep what the
 * stages read offsets for: document order, and which elements the parser
 * re-opened.
 *
 * Ranks go where parse5 would give a location: to the elements it makes
 * for a start tag (`_insertElement`, `_appendElement` for void elements,
 * `_insertTemplate`), not to those it implies nor to the adoption agency's
 * copies. A start tag's attribute list is one array from the tokenizer,
 * shared by every element made from that tag, so a formatting element the
 * parser re-opens (HTML §13.2.4.3, reconstruct the active formatting
 * elements) gets the rank of the original tag, as it gets its location. An
 * element ends where parse5 would set its end location: when it leaves the
 * stack of open elements (`onItemPop`), a void element at once, one still
 * open at the end of the page never.
 *
 * Uses parse5's `Parser` hooks `_createElement`, `_insertElement`,
 * `_appendElement`, `_insertTemplate` and `onItemPop` (parse5 8.x); the
 * tests compare ranks with offsets on mis-nested and generated markup.
 */
class OrderedParser extends Parser<DefaultTreeAdapterMap> {
  ranks: SourceRanks = {start: new Map(), end: new Map()}
  private tags = new Map<Attributes, number>()
  private ranked = false
  private last: P5Element | undefined

  override _createElement(tagName: string, namespaceURI: Parameters<Parser<DefaultTreeAdapterMap>['_createElement']>[1], attrs: Attributes, intendedParent: P5Parent): P5Element {
    const element = super._createElement(tagName, namespaceURI, attrs, intendedParent)
    if (this.ranked) {
      let rank = this.tags.get(attrs)
      if (rank === undefined) {
        rank = this.tags.size
        this.tags.set(attrs, rank)
      }
      this.ranks.start.set(element, rank)
      this.last = element
    }
    return element
  }

  override _insertElement(...parameters: Parameters<Parser<DefaultTreeAdapterMap>['_insertElement']>): void {
    this.ranked = true
    try {
      super._insertElement(...parameters)
    } finally {
      this.ranked = false
    }
  }

  override _insertTemplate(...parameters: Parameters<Parser<DefaultTreeAdapterMap>['_insertTemplate']>): void {
    this.ranked = true
    try {
      super._insertTemplate(...parameters)
    } finally {
      this.ranked = false
    }
  }

  override _appendElement(...parameters: Parameters<Parser<DefaultTreeAdapterMap>['_appendElement']>): void {
    this.ranked = true
    this.last = undefined
    try {
      super._appendElement(...parameters)
    } finally {
      this.ranked = false
    }
    // A void element is never on the stack: it ends with its tag.
    if (this.last) this.ranks.end.set(this.last, this.tags.size)
  }

  override onItemPop(node: P5Parent, isTop: boolean): void {
    if (this.ranks.start.has(node as P5Element)) this.ranks.end.set(node as P5Element, this.tags.size)
    super.onItemPop(node, isTop)
  }
}

/**
 * Parse a document like parse5's `parse(html, options)` (without
 * `sourceCodeLocationInfo`) and return it with the start-tag ranks of its
 * elements.
 */
export function parseOrdered(html: string, options: Omit<ParserOptions<DefaultTreeAdapterMap>, 'sourceCodeLocationInfo'>): {document: DefaultTreeAdapterMap['document']; ranks: SourceRanks} {
  const parser = new OrderedParser(options)
  parser.tokenizer.write(html, true)
  return {document: parser.document, ranks: parser.ranks}
}
