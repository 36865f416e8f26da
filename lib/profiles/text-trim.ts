/**
 * Profile patterns that trim a field's text (`authorTrim`): labels before a
 * name (`^Reporter:\s*`), suffixes after it (`\s*\|\s*Staff$`). Each
 * pattern's matches are removed, in order, and the rest trimmed. Patterns
 * run on RE2, in linear time whatever they are (see `re2.ts`).
 *
 * @module
 */
import {compileRe2} from './re2.js'

/**
 * Remove every match of each pattern from `text`, in order, and trim.
 *
 * @param text
 *   Field text.
 * @param patterns
 *   Pattern sources.
 * @returns
 *   Trimmed text (may be empty).
 */
export function trimWithPatterns(text: string, patterns: ReadonlyArray<string> | null | undefined): string {
  let value = text
  for (const source of patterns ?? []) value = compileRe2(source).matcher(value).replaceAll('')
  return value.trim()
}
