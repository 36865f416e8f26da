import {convert} from '../convert.js'
import type {ConvertOptions} from '../convert.js'
import type {ArticleMeta} from '../types.js'

/** A page to convert (structured-cloneable, for worker threads). */
export interface Task {
  bytes: Uint8Array
  /** Relative input path, for messages. */
  path: string
  options: ConvertOptions
}

/** One message, as plain data. */
export interface TaskMessage {
  ruleId: string | undefined
  reason: string
  line: number | undefined
  column: number | undefined
  /** `true`: fatal; `false`: warning; `undefined`: info (as in vfile). */
  fatal: boolean | undefined
}

/** Result of a task (structured-cloneable). */
export interface TaskResult {
  markdown?: string | undefined
  article?: ArticleMeta | undefined
  messages: Array<TaskMessage>
  /** The fatal message when the page could not be converted. */
  error?: TaskMessage | undefined
}

/**
 * Convert one page; never rejects for a bad page (the fatal message is
 * returned as `error`). The default export is what `piscina` runs.
 */
export default async function convertTask(task: Task): Promise<TaskResult> {
  try {
    const file = await convert(task.bytes, {...task.options, path: task.path})
    return {markdown: String(file), article: file.data.article || {}, messages: file.messages.map(plain)}
  } catch (error) {
    const cause = error as {ruleId?: unknown; reason?: unknown; message?: unknown; line?: unknown; column?: unknown}
    const message: TaskMessage = {
      ruleId: typeof cause.ruleId === 'string' ? cause.ruleId : 'convert-error',
      reason: String(cause.reason || cause.message || error),
      line: typeof cause.line === 'number' ? cause.line : undefined,
      column: typeof cause.column === 'number' ? cause.column : undefined,
      fatal: true
    }
    return {messages: [message], error: message}
  }
}

function plain(message: {ruleId?: string | undefined; reason: string; line?: number | undefined; column?: number | undefined; fatal?: boolean | null | undefined}): TaskMessage {
  return {ruleId: message.ruleId, reason: message.reason, line: message.line, column: message.column, fatal: message.fatal ?? undefined}
}
