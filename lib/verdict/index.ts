import type {Root as HastRoot} from 'hast'
import type {Root as MdastRoot} from 'mdast'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {RuleId} from '../messages.js'
import {report, source} from '../messages.js'
import type {Verdict, VerdictMeasurements} from '../types.js'
import type {FieldCandidates} from './fields.js'
import {collectCandidates, fieldEvidence} from './fields.js'
import {measureOutput} from './output-text.js'
import type {PageText} from './page-text.js'
import {measurePageText} from './page-text.js'
import type {Finding} from './rules.js'
import {judge} from './rules.js'
import {boilerplateTail} from './tail.js'
import {withTextMemo} from '../analyse/text-memo.js'
import {isGluedName, splitAuthors} from './authors.js'

/** Rules that steps before the verdict report and that make the page's verdict `review`. */
const earlierRules: ReadonlySet<string> = new Set(['suspect-root', 'short-article'])

/** What `rehypeVerdictPage` measured of the whole page, before pruning. */
export interface VerdictPage {
  text: PageText
  candidates: FieldCandidates
}

declare module 'vfile' {
  interface DataMap {
    /** The whole page's text and metadata candidates, measured before pruning (`rehypeVerdictPage`), read by `remarkVerdict`. */
    verdictPage: VerdictPage
  }
}

/**
 * Measure the whole page against the chosen article root, before the tree is
 * pruned to it: the page's visible and sentence-like text, how much of it
 * the root holds, whether the title is near the root, and the date and
 * author each metadata source gives. Use it after `rehypeSelectRoot` and
 * `rehypeExtractMeta` (it reads `file.data.analysis` and `file.data.article`);
 * the tree is not changed. Stores `file.data.verdictPage`.
 */
export const rehypeVerdictPage: Plugin<[], HastRoot> = function () {
  return function (tree, file) {
    measurePage(tree, file)
  }
}

/**
 * The transform of `rehypeVerdictPage`. `afterExtraction`: run right after
 * `rehypeExtractMeta`, nothing else having changed the tree since the index
 * walk (as in `rehypeNewsArticle`): the page text the index walk read and
 * the texts extraction read are then current unless extraction says it
 * edited the tree, and are used as they are.
 */
export function measurePage(tree: HastRoot, file: VFile, afterExtraction?: boolean | undefined): undefined {
  const title = file.data.article && file.data.article.title
  const analysis = file.data.analysis
  const root = analysis && analysis.root
  const index = analysis && analysis.index
  const texts = afterExtraction && index ? index.texts : undefined
  // Kept no longer: the tree changes from here on.
  if (index && index.texts) index.texts = undefined
  const candidates = texts ? withTextMemo(texts, () => collectCandidates(tree, index)) : collectCandidates(tree, index)
  file.data.verdictPage = {text: measurePageText(tree, root, title, index && index.pageText, afterExtraction), candidates}
  return undefined
}

/**
 * Give the page its verdict (`file.data.verdict`) from the Markdown body
 * (mdast, at the end of the chain), the page measured by
 * `rehypeVerdictPage` and `file.data.removals`, and report each reason
 * (`suspect-root`, `short-article`, `metadata-conflict`; `dropped-content`
 * is already reported by the removal) and `relative-urls-unresolved`.
 * Without `rehypeVerdictPage` earlier in the chain, the page-side
 * measurements are `0` and only the output is judged.
 */
export const remarkVerdict: Plugin<[], MdastRoot> = function () {
  return function (tree, file) {
    giveVerdict(tree, file)
  }
}

/** The transform of `remarkVerdict`: returns the verdict it stored. */
export function giveVerdict(tree: MdastRoot, file: VFile): Verdict {
  const page = file.data.verdictPage
  const output = measureOutput(tree)
  let removedCharacters = 0
  let droppedCharacters = 0
  let removedMedia = 0
  for (const removal of file.data.removals || []) {
    if (removal.kind === 'text') {
      removedCharacters += removal.characters
      if (removal.reported) droppedCharacters += removal.characters
    } else removedMedia++
  }
  const text = page ? page.text : undefined
  const article = file.data.article || {}
  const authors = splitAuthors(article.author)
  const publishers = [...(page ? page.candidates.publishers : []), ...(article.source ? [article.source] : [])]
  const tail = boilerplateTail(output.tail)
  const measurements: VerdictMeasurements = {
    outputCharacters: output.characters,
    outputParagraphs: output.paragraphs,
    pageCharacters: text ? text.characters : 0,
    sentenceTextOutsideRoot: text && text.sentenceCharacters > 0 ? round((text.sentenceCharacters - text.sentenceInRoot) / text.sentenceCharacters) : 0,
    titleNearRoot: text ? text.titleNearRoot : false,
    leadOutsideRoot: text ? text.headOutside : 0,
    linkTextShare: output.characters > 0 ? round(output.linkCharacters / output.characters) : 0,
    removedCharacters,
    droppedCharacters,
    removedMedia,
    replacementCharacters: output.replacementCharacters,
    boilerplateTail: tail ? tail.text : null,
    authorNames: authors.length,
    authorGlued: authors.filter((name) => isGluedName(name, publishers)),
    fields: fieldEvidence(article, file.data.articleSources || {}, page && page.candidates)
  }
  // Earlier steps report what they had to undo (cleaning that would have
  // emptied the root) under the verdict's rules: those count too.
  const earlier: Array<Finding> = []
  for (const message of file.messages) {
    if (message.source === source && message.ruleId && earlierRules.has(message.ruleId)) {
      earlier.push({ruleId: message.ruleId as RuleId, status: 'review', reason: message.reason})
    }
  }
  const listLinkShare = output.characters > 0 ? (output.linkCharacters - output.statementLinkCharacters) / output.characters : 0
  const findings = judge(measurements, {page: text, hasTitle: Boolean(file.data.article && file.data.article.title), outputWeight: output.weight, listLinkShare})
  for (const finding of findings) {
    if (finding.ruleId !== 'dropped-content') report(file, finding.ruleId, finding.reason)
  }
  findings.unshift(...earlier)
  if (text && text.headOutside > 0) {
    report(
      file,
      'lead-outside-root',
      text.headOutside + ' characters of sentence-like text between the headline and the article root were left out of the output (`' + excerpt(text.headSample) + '`); the verdict is unchanged'
    )
  }
  const unresolved = output.relativeUrls.length > 0 && !file.data.baseUrl
  if (unresolved) {
    report(
      file,
      'relative-urls-unresolved',
      output.relativeUrls.length +
        ' relative URL' +
        (output.relativeUrls.length === 1 ? '' : 's') +
        ' (`' +
        output.relativeUrls[0] +
        '`…) left as they are: the page gives no URL of its own; pass the `url` option (CLI: `--base-url`)'
    )
  }
  const status = findings.some((finding) => finding.status === 'failed') ? 'failed' : findings.length > 0 ? 'review' : 'ok'
  const verdict: Verdict = {status, reasons: [...new Set(findings.map((finding) => finding.ruleId))], measurements}
  file.data.verdict = verdict
  return verdict
}

/** At most 60 characters of `value`, white space collapsed. */
function excerpt(value: string): string {
  const characters = [...value.replace(/\s+/g, ' ')]
  return characters.length > 60 ? characters.slice(0, 59).join('') + '…' : value
}

/** Shares to three decimals (for reports). */
function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
