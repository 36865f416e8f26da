/**
 * Profile patterns on URL paths (`urlDate`), run on RE2 in linear time
 * (see `re2.ts`).
 *
 * @module
 */
import {compileRe2} from './re2.js'

/** A compiled `urlDate` pattern. */
export interface UrlPattern {
  /** Named groups of the pattern. */
  names: Array<string>
  /** Named groups of the first match in `path`, or `undefined` without a match. */
  exec(path: string): Record<string, string> | undefined
}

/** Longest path matched: a URL path longer than this is cut (RE2 is linear, this bounds memory and time per page). */
const maxPath = 4096

const cache = new Map<string, UrlPattern>()

/**
 * Compile `source` (JavaScript-like syntax: `(?<year>\d{4})`, classes,
 * `\p{…}`, anchors) for RE2. Throws an `Error` with RE2's reason for a
 * pattern it cannot run (invalid syntax, lookarounds, backreferences).
 */
export function compileUrlPattern(source: string): UrlPattern {
  const cached = cache.get(source)
  if (cached) return cached
  const compiled = compileRe2(source)
  const names = Object.keys(compiled.namedGroups())
  const pattern: UrlPattern = {
    names,
    exec(path) {
      const matcher = compiled.matcher(path.length > maxPath ? path.slice(0, maxPath) : path)
      if (!matcher.find()) return undefined
      const groups: Record<string, string> = {}
      for (const name of names) {
        const value = matcher.group(name)
        if (typeof value === 'string') groups[name] = value
      }
      return groups
    }
  }
  if (cache.size > 256) cache.clear()
  cache.set(source, pattern)
  return pattern
}
