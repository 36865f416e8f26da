import {reporter} from 'vfile-reporter'
import {VFile} from 'vfile'
import {source} from '../messages.js'
import type {TaskMessage} from './convert-task.js'

/** Rebuild a VFile carrying `messages` (from a worker) for `vfile-reporter`. */
export function toVFile(path: string, messages: ReadonlyArray<TaskMessage>): VFile {
  const file = new VFile({path})
  for (const message of messages) {
    const place = message.line === undefined ? undefined : {line: message.line, column: message.column ?? 1}
    const result = file.message(message.reason, {place, ruleId: message.ruleId, source})
    result.fatal = message.fatal
  }
  return file
}

/** Report files with messages the way unified tools do. */
export function formatFiles(files: Array<VFile>): string {
  const text = reporter(files, {quiet: true})
  return text ? text + '\n' : ''
}
