import type {VFile} from 'vfile'
import {report} from '../messages.js'
import type {ArticleMeta} from '../types.js'
import {cleanLine} from './yaml-text.js'

const textFields = ['title', 'source', 'author', 'url', 'description', 'image'] as const

/**
 * Clean the one-line metadata values of `article` in place with `cleanLine`
 * (characters no YAML reader accepts removed, YAML 1.1 line breaks turned
 * into spaces), dropping values and tags left empty, and report
 * `invalid-characters` on `file` for each field that changed.
 */
export function cleanMeta(article: ArticleMeta, file: VFile): void {
  for (const field of textFields) {
    const value = article[field]
    if (typeof value !== 'string') continue
    const cleaned = cleanLine(value)
    if (cleaned.changed === 0) continue
    warn(file, field, cleaned.changed)
    if (cleaned.value) article[field] = cleaned.value
    else delete article[field]
  }
  if (article.tags) {
    let changed = 0
    const tags: Array<string> = []
    for (const tag of article.tags) {
      const cleaned = cleanLine(tag)
      changed += cleaned.changed
      if (cleaned.value && !tags.includes(cleaned.value)) tags.push(cleaned.value)
    }
    if (changed > 0) {
      warn(file, 'tags', changed)
      article.tags = tags
    }
  }
}

function warn(file: VFile, field: string, count: number): void {
  report(
    file,
    'invalid-characters',
    'Removed or replaced ' +
      count +
      ' character' +
      (count === 1 ? '' : 's') +
      ' in `' +
      field +
      '` that YAML readers refuse or read as line breaks (control characters, U+FFFE, U+FFFF, lone surrogates, NEL, LS, PS)'
  )
}
