/**
 * Profile patterns on URL paths (`urlDate`), run on RE2 (`re2js`, a
 * JavaScript port of Google's RE2): matching takes time linear in the
 * length of the path whatever the pattern, so a profile cannot make a page
 * hang (`(?:a|a)*`, `(a+)+` are harmless). RE2 has no lookarounds and no
 * backreferences; a pattern using them is refused when the profile is
 * validated.
 *
 * @module
 */
import {RE2JS} from 're2js'

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
  let compiled: RE2JS
  try {
    compiled = RE2JS.compile(source)
  } catch (error) {
    throw new Error(String((error as Error).message) + ' (profile patterns run on a linear-time engine, RE2: no lookarounds `(?=…)`, `(?<!…)` and no backreferences `\\1`)', {cause: error})
  }
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
