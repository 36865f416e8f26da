/**
 * The checks every page goes through before it is parsed, whichever way it
 * came in (`convert()`, `createProcessor()`, `rehypeParseSafe`): size,
 * binary files, charset decoding of bytes, empty and plain-text files,
 * elements and nodes. Each failure is a fatal vfile message.
 */
import type {VFile} from 'vfile'
import {report} from '../messages.js'
import {decodeHtml, looksBinary} from './decode.js'
import {countElements, countNodes, defaultMaxElements, defaultMaxNodes, defaultMaxSize} from './limits.js'

/** Options of the input stage: decoding and limits. */
export interface InputOptions {
  /** Character encoding of byte input, overriding sniffing (default: sniffed). */
  encoding?: string | null | undefined
  /** Largest input accepted, in bytes (default: `52428800`, 50 MiB). */
  maxSize?: number | null | undefined
  /**
   * Most elements (start tags) accepted (default: `300000`). Memory and time
   * grow with elements, about 4 KB each, not with bytes: a 50 MB page of
   * short paragraphs needs several GB, a 50 MB inline image almost nothing.
   */
  maxElements?: number | null | undefined
  /**
   * Most nodes accepted: elements, text nodes and comments together
   * (default: `1500000`). Comments and text cost memory too, about 0.5 KB
   * each: 48 MB of `a<!---->` is 12 million nodes in two elements.
   */
  maxNodes?: number | null | undefined
  /**
   * Keep source positions (default: `false`): every node gets `position`
   * (line, column, offset) and messages say where in the page they are
   * (`file:3:5-3:20`). Parsing with them costs 1.2 to 2.2 times the time of
   * the whole conversion and a third more memory; without them messages
   * carry no line or column and the output is the same.
   */
  positions?: boolean | null | undefined
}

/**
 * Check and decode the page in `file.value` (a string, or bytes whose
 * charset is sniffed, see `decodeHtml`), in this order: `maxSize`
 * (`too-large`), binary bytes (`not-html`), decoding (its warnings as
 * messages; `file.data.encoding`), empty or without markup (`not-html`),
 * `maxElements` and `maxNodes` (`too-large`). Leaves the decoded text in
 * `file.value` and returns it; throws the fatal message of the first check
 * that fails.
 */
export function readPage(file: VFile, settings: Readonly<InputOptions>): string {
  // A file without a value is read as empty (as `String(file)` is).
  const input = file.value ?? ''
  const maxSize = settings.maxSize ?? defaultMaxSize
  let value: string
  if (typeof input === 'string') {
    if (input.length > maxSize) report(file, 'too-large', 'Input is ' + input.length + ' characters, more than `maxSize` (' + maxSize + ')')
    value = input
  } else {
    if (input.byteLength > maxSize) report(file, 'too-large', 'Input is ' + input.byteLength + ' bytes, more than `maxSize` (' + maxSize + ')')
    if (looksBinary(input)) report(file, 'not-html', 'Input is not an HTML page: it looks like a binary file')
    const decoded = decodeHtml(input, {encoding: settings.encoding})
    value = decoded.value
    file.value = value
    file.data.encoding = decoded.encoding
    for (const warning of decoded.warnings) report(file, warning.ruleId, warning.reason)
  }
  if (!value.trim()) report(file, 'not-html', 'Input is not an HTML page: it is empty')
  if (!hasMarkup(value)) report(file, 'not-html', 'Input is not an HTML page: it has no markup (plain text?)')
  const maxElements = settings.maxElements ?? defaultMaxElements
  const elements = countElements(value)
  if (elements > maxElements) report(file, 'too-large', 'Input has ' + elements + ' elements, more than `maxElements` (' + maxElements + ')')
  const maxNodes = settings.maxNodes ?? defaultMaxNodes
  const nodes = countNodes(value, maxNodes)
  if (nodes > maxNodes) report(file, 'too-large', 'Input has more than ' + maxNodes + ' nodes (elements, text and comments), more than `maxNodes`')
  return value
}

/**
 * Whether decoded text has any HTML markup: a start or end tag, a comment
 * or a doctype. A file without any is plain text (or JSON, or an error
 * message saved by a crawler), not a page.
 */
export function hasMarkup(value: string): boolean {
  return /<(?:[a-zA-Z][^\s/>]*|\/[a-zA-Z]|!)/.test(value)
}
