import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Report, Summary} from './report.js'
import {reviewPage} from './report-html-template.js'

/** Warnings embedded per page (the JSON report has them all). */
const maxWarnings = 50

/** Index into `ReviewData.strings`. */
type StringId = number

/**
 * One page as the review page embeds it: a tuple, so that 10,000 pages do
 * not repeat 17 key names each, with repeated strings (statuses, reasons,
 * authors, outlets, rule ids, selectors) as indexes into `strings`.
 */
export type ReviewRow = [
  input: string,
  /** Prefix that makes `input` a link relative to the review page (`StringId`), or the whole link when `input` is not its end. */
  inputLink: StringId | string,
  output: string | null,
  status: StringId,
  /** Why it was skipped or failed, or a note. */
  note: StringId | null,
  title: string | null,
  date: string | null,
  author: StringId | null,
  source: StringId | null,
  url: string | null,
  words: number | null,
  /** Verdict status; `null`: not assessed. */
  verdict: StringId | null,
  reasons: Array<StringId>,
  /** Values in the order of `ReviewData.measurementKeys` (`null` where missing); `null`: no verdict. */
  measurements: Array<unknown> | null,
  /** Metadata evidence: `[field, source, conflict value, conflict source]`. */
  fields: Array<[StringId, StringId | null, string | null, StringId | null]> | null,
  /** `[ruleId, reason]` of the first `maxWarnings` warnings. */
  warnings: Array<[StringId, StringId]>,
  /** Warnings left out. */
  moreWarnings: number
]

/** What the review page embeds. */
export interface ReviewData {
  converter: string
  shard: string
  /** The output folder (absolute). */
  outDir: string
  /** Link from the review page to the output folder: a relative posix path (not encoded) or a `file:` URL. */
  outLink: string
  summary: Summary
  strings: Array<string>
  /** Measurement keys (other than `fields`), in the order of `ReviewRow` measurements. */
  measurementKeys: Array<string>
  rows: Array<ReviewRow>
}

/** Where the review page goes, and the output folder its links point into. */
export interface ReviewOptions {
  /** Absolute path of the HTML file (links are relative to its folder). */
  file: string
  /** Absolute path of the output folder (report `output` paths are relative to it). */
  outDir: string
}

/**
 * Render the `--report-html` review page of `report`: one self-contained
 * HTML file (inline CSS and script, no network: its Content-Security-Policy
 * allows nothing else) with the data embedded as JSON in a
 * `<script type="application/json">` and drawn by the inline script into a
 * sortable, filterable table, counts by reason and a histogram of words per
 * page. Links to inputs and outputs are relative to `options.file` (the
 * page percent-encodes them).
 */
export function renderReportHtml(report: Readonly<Report>, options: Readonly<ReviewOptions>): string {
  const folder = path.dirname(options.file)
  const strings: Array<string> = []
  const ids = new Map<string, number>()
  const id = (value: string): StringId => {
    let index = ids.get(value)
    if (index === undefined) {
      index = strings.push(value) - 1
      ids.set(value, index)
    }
    return index
  }
  const optionalId = (value: string | null | undefined): StringId | null => (value ? id(value) : null)
  const measurementKeys: Array<string> = []
  for (const entry of report.files) {
    for (const key of Object.keys(entry.verdict?.measurements || {})) if (key !== 'fields' && !measurementKeys.includes(key)) measurementKeys.push(key)
  }
  const rows = report.files.map((entry): ReviewRow => {
    const article = entry.article || {}
    const link = fileLink(folder, entry.inputPath)
    const measurements = entry.verdict ? (entry.verdict.measurements as unknown as Record<string, unknown>) : null
    const fields = measurements && entry.verdict ? Object.entries(entry.verdict.measurements.fields || {}) : null
    return [
      entry.input,
      link.endsWith('/' + entry.input) ? id(link.slice(0, -entry.input.length)) : link === entry.input ? id('') : link,
      entry.output,
      id(entry.status),
      optionalId(entry.error ? entry.error.reason + (entry.error.ruleId ? ' [' + entry.error.ruleId + ']' : '') : entry.reason),
      article.title || null,
      article.date || null,
      optionalId(article.author),
      optionalId(article.source),
      article.url || null,
      entry.words,
      entry.verdict ? id(entry.verdict.status) : null,
      entry.verdict ? entry.verdict.reasons.map(id) : [],
      measurements ? measurementKeys.map((key) => (key in measurements ? measurements[key] : null)) : null,
      fields
        ? fields.map(([field, evidence]) => [id(field), optionalId(evidence?.source), evidence?.conflict ? evidence.conflict.value : null, evidence?.conflict ? id(evidence.conflict.source) : null])
        : null,
      entry.warnings.slice(0, maxWarnings).map((warning) => [id(warning.ruleId || 'unknown'), id(warning.reason)]),
      Math.max(0, entry.warnings.length - maxWarnings)
    ]
  })
  const data: ReviewData = {
    converter: report.converter,
    shard: report.shard,
    outDir: options.outDir,
    outLink: fileLink(folder, options.outDir),
    summary: report.summary,
    strings,
    measurementKeys,
    rows
  }
  return reviewPage({title: 'Review: ' + path.basename(options.outDir), json: scriptJson(data)})
}

/**
 * `data` as JSON that is safe inside a `<script>` element: `<`, `>` and `&`
 * are escaped (`\u003c`, …), so no `</script>` or `<!--` can end or change
 * the element, and U+2028 and U+2029 too, for older JavaScript parsers.
 * `JSON.parse` of the element's text gives `data` back.
 */
export function scriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (character) => '\\u' + character.charCodeAt(0).toString(16).padStart(4, '0'))
}

/**
 * Link from `folder` to `target`: the relative path with `/` separators,
 * not yet percent-encoded (the page encodes each segment with
 * `encodeURIComponent`, so spaces, `#`, `?`, `%`, `:` and CJK names stay
 * one path segment), or a `file:` URL when there is no relative path
 * (another drive on Windows).
 */
export function fileLink(folder: string, target: string): string {
  const relative = path.relative(folder, target)
  return path.isAbsolute(relative) ? pathToFileURL(target).href : relative.split(path.sep).join('/')
}
