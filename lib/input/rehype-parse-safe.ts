import type {Root} from 'hast'
import type {Plugin} from 'unified'
import {parseDeepHtml} from './parse-deep-html.js'
import {readPage} from './read-page.js'
import type {InputOptions} from './read-page.js'

/**
 * Parser plugin: HTML (a string, or bytes whose charset is sniffed) to hast,
 * the way `convert()` reads pages. Use it instead of `rehype-parse` in a
 * processor. Before parsing, the page goes through `readPage`: `maxSize`,
 * binary files, decoding, empty or plain-text input, `maxElements` and
 * `maxNodes`, each failure a fatal message (`too-large`, `not-html`) that
 * `process()` rejects with. Then it is parsed with parse5 without recursion
 * and everything nested deeper than 256 levels is flattened into its
 * ancestor at that depth (`parseDeepHtml`), so the recursive stages after
 * it never overflow the stack; shallower pages give the same tree as
 * `rehype-parse`. Source positions only with `positions: true` (without,
 * elements carry their start-tag rank for the stages that need document
 * order, `lib/util/source-order.ts`).
 */
export const rehypeParseSafe: Plugin<[(Readonly<InputOptions> | null | undefined)?], string, Root> = function (options) {
  const settings = options || {}
  // `unified` hands the parser `String(file)`, which reads bytes as UTF-8:
  // the page is read from `file.value` instead, so bytes are sniffed.
  this.parser = (_document, file) => parseDeepHtml(readPage(file, settings), file, undefined, Boolean(settings.positions))
}
