import type {InlineRun, InlineShape} from './inline-runs.js'

/**
 * A sentence end: `.`, `!`, `?` or their CJK forms, then optional closing
 * quotes and brackets. An ellipsis (`...`, `…`) ends cut teaser text, not a
 * sentence.
 */
const sentenceEnd = /(?<![.…])[.!?。！？](?:[\p{Pe}\p{Pf}"'»」』]+)?$/u

/**
 * A statement's end: `.` or `。`, then optional closing quotes and
 * brackets. Headlines end in `!` or `?` as often as sentences do.
 */
const statementEnd = /(?<![.…])[.。](?:[\p{Pe}\p{Pf}"'»」』]+)?$/u

/** Weighted length (see `measureText`) from which a run can be a sentence: about four Latin words or eight CJK characters. */
const sentenceLength = 16

/**
 * Whether a run of inline content reads as a sentence: long enough and
 * ending in sentence punctuation. Menus and headline lists do not.
 */
export function readsAsSentence(run: InlineRun): boolean {
  return run.length >= sentenceLength && sentenceEnd.test(run.text)
}

/**
 * Whether a block holds running text, for telling content from a list of
 * links: a run that reads as a sentence, outside links that wrap blocks
 * (teaser cards). A line that is one link counts only when it ends like a
 * statement (`.`, `。`, `…`): linked headlines end in `!` and `?` too.
 */
export function holdsSentence(shape: InlineShape): boolean {
  return shape.runs.some((run) => !run.inCard && readsAsSentence(run) && (!run.loneLink || statementEnd.test(run.text)))
}

/**
 * Weighted length (see `measureText`) of the sentences of a block outside
 * links: how much of it reads as article text.
 */
export function proseLength(shape: InlineShape): number {
  let prose = 0
  for (const run of shape.runs) {
    if (readsAsSentence(run)) prose += run.length - run.linkLength
  }
  return prose
}

/** Prose (see `proseLength`) from which a block reads as article text: about 15 words or 40 CJK characters. */
export const contentLikeLength = 80

/** Whether a block reads as article text: at least `contentLikeLength` of prose. */
export function isContentLike(shape: InlineShape): boolean {
  return proseLength(shape) >= contentLikeLength
}
