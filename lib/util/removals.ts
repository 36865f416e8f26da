import type {Element} from 'hast'
import type {VFile} from 'vfile'
import {report} from '../messages.js'

/** A message on a file (`vfile-message`'s `VFileMessage`). */
type VFileMessage = ReturnType<VFile['message']>

/** What a removal took out of the article. */
export type RemovalKind = 'text' | 'image' | 'embed'

/**
 * One thing removed from inside the article root by a heuristic or a
 * profile rule: recorded on `file.data.removals` and reported, so that no
 * loss is silent.
 */
export interface Removal {
  /** What was removed. */
  kind: RemovalKind
  /** Stable name of the rule that removed it (`link-list`, `boilerplate-hint`, `tracker-embed`, …). */
  rule: string
  /** Characters of visible text removed (0 for an image or embed without text). */
  characters: number
  /** The removed element, as `tag.class#id`. */
  element: string
  /** The start of the removed text (at most 80 characters), or the image or embed URL. */
  sample: string
  /** Whether it was reported (`dropped-*`) as content-like, rather than only recorded (absent: only recorded). */
  reported?: boolean | undefined
  /** For a hidden image: the same image is kept elsewhere in the article (reported as `hidden-image-kept`, not `dropped-image`). */
  keptElsewhere?: boolean | undefined
}

/** `tag.class#id` of an element, for messages. */
export function describeElement(node: Element): string {
  const className = Array.isArray(node.properties.className) ? node.properties.className.map((c) => '.' + String(c)).join('') : ''
  const id = node.properties.id ? '#' + String(node.properties.id) : ''
  return node.tagName + className + id
}

const ruleIds = {text: 'dropped-content', image: 'dropped-image', embed: 'dropped-embed'} as const

/** What opens the rule's name in a `dropped-*` message (`noteRemoval`). */
const ruleOpener = 'rule `'

/**
 * The rule named in a `dropped-*` message's reason (as `noteRemoval` writes
 * it: `…, rule `tracker-pixel`)…`), the last one when the element's
 * description holds the words too; `undefined` when it names none.
 *
 * @param reason
 *   Message reason.
 * @returns
 *   Rule name, if any.
 */
export function removalRule(reason: string): string | undefined {
  const start = reason.lastIndexOf(ruleOpener)
  if (start < 0) return undefined
  const from = start + ruleOpener.length
  const end = reason.indexOf('`', from)
  return end > from ? reason.slice(from, end) : undefined
}

/**
 * Record `removal` on `file.data.removals` without a message: for removals
 * that are not content-like (page furniture, profile rules that already
 * report `promo-removed`).
 */
export function recordRemoval(file: VFile, removal: Removal): void {
  if (!file.data.removals) file.data.removals = []
  file.data.removals.push(removal)
}

/**
 * Record `removal` on `file.data.removals` and report it under
 * `dropped-content`, `dropped-image` or `dropped-embed`.
 *
 * @returns
 *   The message and the record (as `file.data.removals` holds it).
 */
export function noteRemoval(file: VFile, removal: Removal, node?: Element | null | undefined): {message: VFileMessage; removal: Removal} {
  const recorded: Removal = {...removal, reported: true}
  recordRemoval(file, recorded)
  const what = removal.kind === 'text' ? removal.characters + ' characters of text' : removal.kind === 'image' ? 'image `' + removal.sample + '`' : 'embed `' + removal.sample + '`'
  const sample = removal.kind === 'text' && removal.sample ? ': “' + removal.sample + '”' : ''
  const message = report(file, ruleIds[removal.kind], 'Removed ' + what + ' from inside the article (`' + removal.element + '`, rule `' + removal.rule + '`)' + sample, node)
  return {message, removal: recorded}
}
