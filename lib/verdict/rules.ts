import type {RuleId} from '../messages.js'
import type {VerdictMeasurements, VerdictStatus} from '../types.js'
import type {PageText} from './page-text.js'

/** One check that flagged a page. */
export interface Finding {
  ruleId: RuleId
  /** `review`, or `failed` when the output is almost certainly not the article. */
  status: Exclude<VerdictStatus, 'ok'>
  /** Human-readable explanation with the figures. */
  reason: string
}

/** What the rules read besides the measurements. */
export interface Context {
  /** The page's text as `rehypeVerdictPage` measured it (`undefined`: not measured). */
  page: PageText | undefined
  /** Whether a title was found. */
  hasTitle: boolean
  /** Weighted length of the output text (`measureText`: CJK characters count twice, white space not at all). */
  outputWeight: number
  /**
   * Share of the output that is the text of links that do not read as a
   * statement (headlines, menu entries): what makes a list of links
   * (default: `linkTextShare`).
   */
  listLinkShare?: number | undefined
}

/**
 * Thresholds of the verdict. Chosen from the measurements of the public
 * generic corpus (`scripts/eval-verdict.ts --json`), as round values in the
 * gap between pages that lost their article and pages that kept it, never
 * for one page (see the README, “Verdict”). Characters are code points.
 */
export const thresholds = {
  /** Output of a weighted length (CJK counting twice) under this is `failed` (`short-article`): a label, a date, a button. */
  emptyWeight: 40,
  /** Output of a weighted length under this (about 25 words, 75 CJK characters) is a `short-article` to review. */
  shortWeight: 150,
  /** Output holding less than this share of the page's sentence-like text is a `short-article`… */
  shortShare: 0.125,
  /** …on a page with at least this much sentence-like text (a few paragraphs). */
  pageSentences: 800,
  /** Share of the page's sentence-like text outside the root above which, when the title is not near the root, the root is suspect. */
  outsideShare: 0.5,
  /** A block of sentences outside the root this many times longer than the longest inside… */
  longerOutside: 4,
  /** …and at least this long makes the root suspect. */
  longOutsideCharacters: 400,
  /** Share of the output that is link text above which the output is a list of links. */
  linkShare: 0.5,
  /** Text reported as `dropped-content`, as a share of the text kept, above which the page needs review… */
  droppedShare: 0.5,
  /** …when at least this many characters were dropped. */
  droppedCharacters: 300,
  /** U+FFFD characters in the output from which its text is garbled. */
  replacementCharacters: 3,
  /** Names in the author field above which it is a list of the bylines of several articles (a teaser rail's) rather than the article's. */
  authorNames: 3
} as const

/**
 * Judge a page from its measurements: every check that flags it, in a
 * stable order. No finding means `ok`.
 */
export function judge(m: Readonly<VerdictMeasurements>, context: Readonly<Context>): Array<Finding> {
  const t = thresholds
  const findings: Array<Finding> = []
  const page = context.page
  const sentences = page ? page.sentenceCharacters : 0

  if (context.outputWeight < t.emptyWeight) {
    findings.push({ruleId: 'short-article', status: 'failed', reason: 'The output holds ' + m.outputCharacters + ' characters of text: nothing like an article'})
  } else if (context.outputWeight < t.shortWeight) {
    findings.push({ruleId: 'short-article', status: 'review', reason: 'The output holds only ' + m.outputCharacters + ' characters of text (' + m.outputParagraphs + ' paragraphs)'})
  } else if (sentences >= t.pageSentences && m.outputCharacters < sentences * t.shortShare) {
    findings.push({
      ruleId: 'short-article',
      status: 'review',
      reason: 'The output holds ' + m.outputCharacters + ' characters of text, less than ' + fraction(t.shortShare) + ' of the page’s ' + sentences + ' characters of sentences'
    })
  }

  if (page && sentences >= t.pageSentences) {
    if (context.hasTitle && !m.titleNearRoot && m.sentenceTextOutsideRoot > t.outsideShare) {
      findings.push({
        ruleId: 'suspect-root',
        status: 'review',
        reason: 'The chosen article root holds ' + percent(1 - m.sentenceTextOutsideRoot) + ' of the page’s sentence-like text and the title is not near it'
      })
    } else if (page.longestOutside >= t.longOutsideCharacters && page.longestOutside > page.longestInside * t.longerOutside) {
      findings.push({
        ruleId: 'suspect-root',
        status: 'review',
        reason: 'A block of ' + page.longestOutside + ' characters of sentences lies outside the chosen article root, whose longest holds ' + page.longestInside
      })
    }
  }

  // Linked sentences are prose (a linked summary of a ruling): only the other link text makes a list of links.
  if (context.outputWeight >= t.emptyWeight && m.linkTextShare > t.linkShare && (context.listLinkShare ?? m.linkTextShare) > t.linkShare) {
    findings.push({ruleId: 'suspect-root', status: 'review', reason: 'Link text makes ' + percent(m.linkTextShare) + ' of the output: a list of links rather than an article'})
  }

  if (m.droppedCharacters >= t.droppedCharacters && m.droppedCharacters > m.outputCharacters * t.droppedShare) {
    findings.push({
      ruleId: 'dropped-content',
      status: 'review',
      reason: 'Cleaning removed ' + m.droppedCharacters + ' characters of article-like text from inside the root, against ' + m.outputCharacters + ' kept'
    })
  }

  if (m.replacementCharacters >= t.replacementCharacters) {
    findings.push({
      ruleId: 'garbled-text',
      status: 'review',
      reason: 'The output holds ' + m.replacementCharacters + ' U+FFFD replacement characters: text lost to a wrong decoding (pass the page as bytes, or its `encoding`)'
    })
  }

  if (m.boilerplateTail !== null) {
    findings.push({ruleId: 'boilerplate-tail', status: 'review', reason: 'The output ends with site furniture, not the article: `' + excerpt(m.boilerplateTail) + '`'})
  }

  if (m.authorGlued.length > 0) {
    findings.push({ruleId: 'suspect-author', status: 'review', reason: 'The author `' + m.authorGlued[0] + '` reads as a name glued to other words (an outlet, a title, a label)'})
  } else if (m.authorNames > t.authorNames) {
    findings.push({
      ruleId: 'suspect-author',
      status: 'review',
      reason: 'The author field holds ' + m.authorNames + ' names (more than ' + t.authorNames + '): likely the bylines of several articles, not this one’s'
    })
  }

  for (const [field, evidence] of Object.entries(m.fields)) {
    if (evidence && evidence.conflict) {
      findings.push({
        ruleId: 'metadata-conflict',
        status: 'review',
        reason: 'The ' + field + ' from `' + evidence.source + '` disagrees with `' + evidence.conflict.value + '` from `' + evidence.conflict.source + '`'
      })
    }
  }
  return findings
}

/** At most 80 characters of `value`. */
function excerpt(value: string): string {
  const characters = [...value]
  return characters.length > 80 ? characters.slice(0, 79).join('') + '…' : value
}

function percent(share: number): string {
  return Math.round(share * 100) + ' %'
}

function fraction(share: number): string {
  return share === 0.125 ? 'an eighth' : percent(share)
}
