/**
 * Profile patterns that trim a field's text (`authorTrim`): labels before a
 * name (`^Reporter:\s*`), suffixes after it (`\s*\|\s*Staff$`). Each
 * pattern's matches are removed, in order, and the rest trimmed. Patterns
 * run on RE2 (`re2js`), in linear time whatever they are (see
 * `url-pattern.ts`).
 *
 * @module
 */
import {RE2JS} from 're2js'

const cache = new Map<string, RE2JS>()

/**
 * Compile a trim pattern; throws an `Error` with RE2's reason for one it
 * cannot run (invalid syntax, lookarounds, backreferences).
 *
 * @param source
 *   Pattern (JavaScript-like syntax).
 * @returns
 *   Compiled pattern.
 */
export function compileTrimPattern(source: string): RE2JS {
  const cached = cache.get(source)
  if (cached) return cached
  let compiled: RE2JS
  try {
    compiled = RE2JS.compile(source)
  } catch (error) {
    throw new Error(String((error as Error).message) + ' (profile patterns run on a linear-time engine, RE2: no lookarounds and no backreferences)', {cause: error})
  }
  if (cache.size > 256) cache.clear()
  cache.set(source, compiled)
  return compiled
}

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
  for (const source of patterns ?? []) value = compileTrimPattern(source).matcher(value).replaceAll('')
  return value.trim()
}
