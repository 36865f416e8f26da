import type {Element, Nodes} from 'hast'
import {toString} from 'hast-util-to-string'
import type {VFile} from 'vfile'
import type {InlineShape} from '../analyse/blocks/inline-runs.js'
import {recordedShape} from '../analyse/blocks/recorded-shape.js'
import {contentLikeLength, proseLength, readsAsSentence} from '../analyse/blocks/prose.js'
import {skipTags} from '../analyse/blocks/tags.js'
import type {Removal} from './removals.js'
import {describeElement, noteRemoval, recordRemoval} from './removals.js'
import {collapse} from './text.js'

/**
 * Rules whose removals are never reported as `dropped-content`, only
 * recorded: comment threads (readers expect them gone), a profile's
 * `remove` blocks (named by the profile, reported as `promo-removed`) and
 * their parser spill-over (the rest of the same promo), and the furniture
 * of the article container that pruning to the root leaves out
 * (`outside-root-furniture`: sidebars, teasers, tag rows).
 */
const silentRules: ReadonlySet<string> = new Set(['comment-thread', 'outside-root-furniture', 'profile-remove', 'promo-spill-over'])

/**
 * Rules that judge by shape or by weak class words: their removals are
 * reported from `contentLikeLength` of prose on. Every other rule (strong
 * class words, tags, hidden, forms) removes boxes that often hold a few
 * sentences (a newsletter box, an author bio, a pull quote) and is
 * reported from `largeProseLength` on.
 */
const shapeRules: ReadonlySet<string> = new Set(['footer', 'furniture-hint', 'link-list', 'teaser-list'])

/** Prose (weighted, see `measureText`) from which any rule's removal is reported: more than a box, a section of the article. */
const largeProseLength = 600

/** Longest sample of removed text, in characters. */
const sampleLength = 80

/** Characters of a sentence looked up in the kept text to tell a repeat (a pull quote). */
const probeLength = 30

interface Pending {
  node: Element
  rule: string
  shape: InlineShape
  text: string
}

/** Collects removals from inside the article root, then records and reports them. */
export interface RemovalLog {
  /**
   * Account for `node`, removed by `rule` (call before it leaves the tree).
   * Inside `withElementRecords`, its inline shape is read from the records
   * (`recordedShape`).
   */
  note(node: Element, rule: string): void
  /**
   * Record everything noted on `file.data.removals` and report the
   * content-like text that `kept` (the article after the removals) does not
   * repeat as `dropped-content`.
   */
  flush(kept: Nodes): void
}

/**
 * Create a log of the elements removed from inside the article root.
 *
 * Each removed element with visible text becomes one `text` removal on
 * `file.data.removals` (the images and embeds in it are the media notes'
 * business: `noteMedia`).
 * Only text that reads as the article is reported as a `dropped-content`
 * warning: its sentences outside links reach 80 weighted characters (about
 * 15 words or 40 CJK characters) for rules judging by shape or weak class
 * words (`link-list`, `teaser-list`, `furniture-hint`, `footer`), 600 for
 * the others (a newsletter box, an author bio, a sidebar is shorter; a
 * section of the article is longer), never for `comment-thread`,
 * `profile-remove` and `promo-spill-over`; and text still in the
 * article (a pull quote repeating a sentence) is not reported.
 *
 * @param file
 *   File to record and report on.
 */
export function createRemovalLog(file: VFile): RemovalLog {
  const pending: Array<Pending> = []
  return {
    note(node, rule) {
      // Scripts, styles and templates hold no text a reader sees.
      const shape = skipTags.has(node.tagName) ? {runs: [], links: 0, cards: 0, linkedHeadings: 0, truncated: false} : recordedShape(node)
      const text = shape.truncated ? collapse(toString(node)) : shape.runs.map((run) => run.text).join(' ')
      pending.push({node, rule, shape, text})
    },
    flush(kept) {
      let keptText: string | undefined
      for (const {node, rule, shape, text} of pending) {
        if (text) {
          const element = describeElement(node)
          const removal: Removal = {kind: 'text', rule, characters: [...text].length, element, sample: sampleOf(text)}
          if (warns(rule, shape) && !repeated(shape)) noteRemoval(file, removal, node)
          else recordRemoval(file, removal)
        }
      }
      pending.length = 0

      function repeated(shape: InlineShape): boolean {
        if (keptText === undefined) keptText = squash(toString(kept))
        const sentences = shape.runs.filter((run) => readsAsSentence(run))
        return (
          sentences.length > 0 &&
          sentences.every((run) => {
            const value = squash(run.text)
            const start = Math.max(0, Math.floor((value.length - probeLength) / 2))
            return keptText!.includes(value.slice(start, start + probeLength))
          })
        )
      }
    }
  }
}

function warns(rule: string, shape: InlineShape): boolean {
  if (silentRules.has(rule)) return false
  return proseLength(shape) >= (shapeRules.has(rule) ? contentLikeLength : largeProseLength)
}

/** Text without white space, punctuation and case, to find a repeat whatever its quotes and spacing. */
function squash(value: string): string {
  return value.replace(/[\p{P}\p{S}\s]+/gu, '').toLowerCase()
}

function sampleOf(text: string): string {
  const characters = [...text]
  return characters.length > sampleLength ? characters.slice(0, sampleLength - 1).join('') + '…' : text
}
