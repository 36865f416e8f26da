import type {ImageSummary, ReportImage} from '../images/stage.js'
import type {Verdict, VerdictStatus} from '../types.js'
import type {TaskMessage} from './convert-task.js'
import {isLocalDateTime} from '../output/timezone.js'
import {removalRule} from '../util/removals.js'

/** What happened to one input. */
export type Status = 'converted' | 'unchanged' | 'skipped' | 'failed'

/** One message in the report. */
export interface ReportMessage {
  ruleId: string | null
  reason: string
  line: number | null
  column: number | null
  kind: 'warning' | 'info' | 'fatal'
}

/** The headline fields of a converted page, for the report. */
export interface ReportArticle {
  title?: string | undefined
  date?: string | undefined
  author?: string | undefined
  source?: string | undefined
  url?: string | undefined
}

/**
 * What a converted page is like: its headline fields, its length in words
 * (`countWords`) and its verdict (`file.data.verdict`, `null` when the
 * page was not assessed). Kept in `.news-markdown-facts.json` (`FactsStore`),
 * so pages unchanged in a later run keep them.
 */
export interface PageFacts {
  article: ReportArticle
  words: number
  verdict: Verdict | null
}

/** One input in the report. */
export interface ReportEntry {
  /** Path relative to its input folder (or the working directory), posix. */
  input: string
  /** Absolute path of the input. */
  inputPath: string
  /** Output path relative to the output folder (posix), `null` when nothing was written. */
  output: string | null
  status: Status
  /** Why it was skipped, or a note (for example a Jekyll draft). */
  reason?: string | undefined
  fields: Array<string>
  /** Headline fields; `null` when the page was not converted (failed, skipped). */
  article: ReportArticle | null
  /** Words in the Markdown body (`countWords`), `null` as for `article`. */
  words: number | null
  /** The page's verdict and its measurements; `null` when it was not assessed. */
  verdict: Verdict | null
  warnings: Array<ReportMessage>
  error: ReportMessage | null
  /** With `--images copy|download`: each image of the page and what became of it. */
  images?: Array<ReportImage> | undefined
}

/** The JSON `--report`, also what `--report-html` shows. */
export interface Report {
  converter: string
  /** `k/n`. */
  shard: string
  summary: Summary
  files: Array<ReportEntry>
}

/** Counts for the summary. */
export interface Summary {
  converted: number
  unchanged: number
  skipped: number
  failed: number
  /** Warnings (not info) by `ruleId`: messages, several on one page counted apart. */
  warnings: Record<string, number>
  /** Pages (inputs) with at least one warning. */
  warnedPages: number
  /** Embeds removed from inside articles (`dropped-embed`, an info) by the rule that removed them (`ad-embed`, `tracker-pixel`, `no-source`, …). */
  droppedEmbeds: Record<string, number>
  /** Pages (inputs) with at least one `dropped-embed`. */
  droppedEmbedPages: number
  /** With `--images copy|download`: images saved, reused, downloaded, left remote, failed. */
  images?: ImageSummary | undefined
  /** Converted and unchanged pages by verdict; `unassessed`: those without one. */
  verdicts: Record<VerdictStatus | 'unassessed', number>
  /** Pages whose verdict is `review` or `failed`, by reason (`ruleId`). */
  reasons: Record<string, number>
  /** Converted and unchanged pages whose date is a date-time without a UTC offset (none with `--timezone`, which gives them one). */
  datesWithoutOffset: number
}

/** The headline fields of `article`, without empty ones. */
export function reportArticle(article: Readonly<ReportArticle>): ReportArticle {
  const result: ReportArticle = {}
  for (const key of ['title', 'date', 'author', 'source', 'url'] as const) if (typeof article[key] === 'string' && article[key]) result[key] = article[key]
  return result
}

/** `article`, `words` and `verdict` of a report entry for a page that was not converted (or whose facts are unknown). */
export const noFacts = {article: null, words: null, verdict: null} as const

/** Plain message for the report. */
export function reportMessage(message: TaskMessage): ReportMessage {
  return {
    ruleId: message.ruleId ?? null,
    reason: message.reason,
    line: message.line ?? null,
    column: message.column ?? null,
    kind: message.fatal ? 'fatal' : message.fatal === false ? 'warning' : 'info'
  }
}

/** Count statuses and warnings. */
export function summarize(entries: ReadonlyArray<ReportEntry>): Summary {
  const summary: Summary = {
    converted: 0,
    unchanged: 0,
    skipped: 0,
    failed: 0,
    warnings: {},
    warnedPages: 0,
    droppedEmbeds: {},
    droppedEmbedPages: 0,
    verdicts: {ok: 0, review: 0, failed: 0, unassessed: 0},
    reasons: {},
    datesWithoutOffset: 0
  }
  for (const entry of entries) {
    summary[entry.status]++
    if (entry.status === 'converted' || entry.status === 'unchanged') {
      const date = entry.article && entry.article.date
      if (date && isLocalDateTime(date)) summary.datesWithoutOffset++
      const verdict = entry.verdict
      summary.verdicts[verdict ? verdict.status : 'unassessed']++
      if (verdict && verdict.status !== 'ok') {
        for (const reason of new Set(verdict.reasons)) summary.reasons[reason] = (summary.reasons[reason] || 0) + 1
      }
    }
    let warned = false
    let dropped = false
    for (const warning of entry.warnings) {
      if (warning.ruleId === 'dropped-embed') {
        const rule = removalRule(warning.reason) || 'unknown'
        summary.droppedEmbeds[rule] = (summary.droppedEmbeds[rule] || 0) + 1
        dropped = true
      }
      if (warning.kind !== 'warning') continue
      const id = warning.ruleId || 'unknown'
      summary.warnings[id] = (summary.warnings[id] || 0) + 1
      warned = true
    }
    if (warned) summary.warnedPages++
    if (dropped) summary.droppedEmbedPages++
  }
  return summary
}

/** Reasons shown in the summary's last line. */
const topReasons = 5

/**
 * Human summary: the counts (`failed to convert`: inputs with no output),
 * the files of the input folders that are not pages (`where.notPages`), the
 * warnings (messages, several on one page counted apart; on how many pages)
 * by rule, the embeds removed from inside articles (`dropped-embed`, an
 * info the warnings leave out) by rule and, when pages were assessed, a last line saying how many
 * converted pages (pages, not messages) need review (verdict `review` or `failed`, the
 * verdicts counted when any is `failed`) with the most frequent reasons,
 * then where those pages are named: the `--report-html` and `--report`
 * files of the run (`where`), or the options that write them.
 */
export function formatSummary(summary: Summary, where: {report?: string | undefined; reportHtml?: string | undefined; notPages?: number | undefined} = {}): string {
  // `failed to convert` (no output) is not the verdict `failed` (an output that looks unlike its source).
  const lines = [summary.converted + ' converted, ' + summary.unchanged + ' unchanged, ' + summary.skipped + ' skipped, ' + summary.failed + ' failed to convert']
  const notPages = where.notPages || 0
  if (notPages > 0) lines.push('skipped ' + notPages + ' ' + plural(notPages, 'file that is not a page', 'files that are not pages') + ' (images, styles, data, no HTML markup; --verbose lists them)')
  const ids = Object.keys(summary.warnings).sort()
  // Warnings count messages (a page may have several); the review line below counts pages.
  const messages = ids.reduce((sum, id) => sum + summary.warnings[id], 0)
  if (ids.length > 0)
    lines.push(
      'warnings: ' +
        messages +
        ' ' +
        plural(messages, 'message', 'messages') +
        ' on ' +
        summary.warnedPages +
        ' ' +
        plural(summary.warnedPages, 'page', 'pages') +
        ', by rule: ' +
        ids.map((id) => id + ' ×' + summary.warnings[id]).join(', ')
    )
  // `dropped-embed` is an info (ads, trackers, share buttons are meant to go), but an embed gone from an article is for the migrator to see.
  const embeds = Object.keys(summary.droppedEmbeds).sort()
  const droppedEmbeds = embeds.reduce((sum, rule) => sum + summary.droppedEmbeds[rule], 0)
  if (droppedEmbeds > 0)
    lines.push(
      'dropped embeds: ' +
        droppedEmbeds +
        ' on ' +
        summary.droppedEmbedPages +
        ' ' +
        plural(summary.droppedEmbedPages, 'page', 'pages') +
        ' (dropped-embed, info), by rule: ' +
        embeds.map((rule) => rule + ' ×' + summary.droppedEmbeds[rule]).join(', ')
    )
  const images = summary.images
  if (images)
    lines.push(
      'images: ' +
        images.saved +
        ' saved (' +
        images.downloaded +
        ' downloaded), ' +
        images.reused +
        ' already in place, ' +
        (images.remote > 0 ? images.remote + ' left remote, ' : '') +
        images.failed +
        ' failed'
    )
  // Once, for all pages: the option that gives those dates an offset.
  const local = summary.datesWithoutOffset
  if (local > 0)
    lines.push(
      local +
        ' ' +
        plural(local, 'page has a date', 'pages have dates') +
        ' without a UTC offset, written as the page gives ' +
        plural(local, 'it', 'them') +
        ' (generators read them in the site’s time zone): pass --timezone ZONE (the pages’ IANA zone, such as Europe/Berlin) to give them its offset'
    )
  const {ok, review, failed, unassessed} = summary.verdicts
  const assessed = ok + review + failed
  // Before any page is assessed (no verdict step), say nothing rather than guess.
  if (assessed > 0) {
    if (unassessed > 0) lines.push(unassessed + ' ' + plural(unassessed, 'page', 'pages') + ' not assessed (converted by a version without verdicts; --force assesses them)')
    const flagged = review + failed
    if (flagged === 0) {
      lines.push('no page needs review (' + assessed + ' assessed)')
    } else {
      const reasons = Object.entries(summary.reasons).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      const shown = reasons.slice(0, topReasons).map(([id, count]) => id + ' ×' + count)
      if (reasons.length > topReasons) shown.push('and ' + (reasons.length - topReasons) + ' more')
      lines.push(
        flagged +
          ' ' +
          plural(flagged, 'page needs', 'pages need') +
          ' review' +
          (failed > 0 ? ' (verdicts: ' + (review > 0 ? review + ' review, ' : '') + failed + ' failed: output unlike its source)' : '') +
          (shown.length > 0 ? ': ' + shown.join(', ') : '')
      )
      lines.push(reviewPointer(where))
    }
  }
  return lines.join('\n') + '\n'
}

/** Where the pages that need review are named. */
function reviewPointer(where: {report?: string | undefined; reportHtml?: string | undefined}): string {
  const files = [where.reportHtml, where.report].filter((file): file is string => Boolean(file))
  if (files.length > 0) return 'which pages, and why: ' + files.join(', ')
  return 'which pages, and why: rerun with --report-html FILE (a review page) or --report FILE'
}

/**
 * The old URLs two pages claim (`duplicate-old-url` warnings), for stderr:
 * a heading line, then up to 10 pages with the warning; `''` when none.
 */
export function formatDuplicates(entries: ReadonlyArray<ReportEntry>, prefix: string): string {
  const duplicates = entries.flatMap((entry) => entry.warnings.filter((warning) => warning.ruleId === 'duplicate-old-url').map((warning) => entry.input + ': ' + warning.reason))
  if (duplicates.length === 0) return ''
  const lines = [
    prefix + duplicates.length + ' old ' + (duplicates.length === 1 ? 'URL is' : 'URLs are') + ' claimed by two pages (each kept by the first by input path):',
    ...duplicates.slice(0, 10).map((line) => '  ' + line)
  ]
  if (duplicates.length > 10) lines.push('  … and ' + (duplicates.length - 10) + ' more (see the report)')
  return lines.join('\n') + '\n'
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many
}
