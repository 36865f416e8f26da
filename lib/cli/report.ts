import type {ImageSummary, ReportImage} from '../images/stage.js'
import type {TaskMessage} from './convert-task.js'

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

/** One input in the report. */
export interface ReportEntry {
  input: string
  output: string | null
  status: Status
  /** Why it was skipped, or a note (for example a Jekyll draft). */
  reason?: string | undefined
  fields: Array<string>
  warnings: Array<ReportMessage>
  error: ReportMessage | null
  /** With `--images copy|download`: each image of the page and what became of it. */
  images?: Array<ReportImage> | undefined
}

/** Counts for the summary. */
export interface Summary {
  converted: number
  unchanged: number
  skipped: number
  failed: number
  /** Warnings (not info) by `ruleId`. */
  warnings: Record<string, number>
  /** With `--images copy|download`: images saved, reused, downloaded, left remote, failed. */
  images?: ImageSummary | undefined
}

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
  const summary: Summary = {converted: 0, unchanged: 0, skipped: 0, failed: 0, warnings: {}}
  for (const entry of entries) {
    summary[entry.status]++
    for (const warning of entry.warnings) {
      if (warning.kind !== 'warning') continue
      const id = warning.ruleId || 'unknown'
      summary.warnings[id] = (summary.warnings[id] || 0) + 1
    }
  }
  return summary
}

/** Human summary, one line plus one line per warning rule. */
export function formatSummary(summary: Summary): string {
  const lines = [summary.converted + ' converted, ' + summary.unchanged + ' unchanged, ' + summary.skipped + ' skipped, ' + summary.failed + ' failed']
  const ids = Object.keys(summary.warnings).sort()
  if (ids.length > 0) lines.push('warnings: ' + ids.map((id) => id + ' ×' + summary.warnings[id]).join(', '))
  const images = summary.images
  if (images) lines.push('images: ' + images.saved + ' saved (' + images.downloaded + ' downloaded), ' + images.reused + ' already in place, ' + (images.remote > 0 ? images.remote + ' left remote, ' : '') + images.failed + ' failed')
  return lines.join('\n') + '\n'
}
