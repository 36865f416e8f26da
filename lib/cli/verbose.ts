import {reporter} from 'vfile-reporter'
import {VFile} from 'vfile'
import {source} from '../messages.js'
import type {TaskMessage} from './convert-task.js'
import {printable} from './escape.js'

/** Rebuild a VFile carrying `messages` (from a worker) for `vfile-reporter`. */
export function toVFile(path: string, messages: ReadonlyArray<TaskMessage>): VFile {
  // Names and reasons (which quote page text) are printed to a terminal: escaped.
  const file = new VFile({path: printable(path)})
  for (const message of messages) {
    const place = message.line === undefined ? undefined : {line: message.line, column: message.column ?? 1}
    const result = file.message(printable(message.reason, true), {place, ruleId: message.ruleId, source})
    result.fatal = message.fatal
  }
  return file
}

/** Report files with messages the way unified tools do. */
export function formatFiles(files: Array<VFile>): string {
  const text = reporter(files, {quiet: true})
  return text ? text + '\n' : ''
}
