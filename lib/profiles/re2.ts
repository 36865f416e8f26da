/**
 * Profile patterns (`urlDate`, `authorTrim`, date formats) run on RE2
 * (`re2js`, a JavaScript port of Google's RE2): matching takes time linear
 * in the length of the text whatever the pattern, so a profile cannot make a
 * page hang (`(?:a|a)*`, `(a+)+` are harmless). RE2 has no lookarounds and
 * no backreferences; a pattern using them is refused when the profile is
 * validated.
 *
 * @module
 */
import {RE2JS} from 're2js'

/** Compiled patterns by source (cleared past `maxCached`: profiles hold few patterns). */
const cache = new Map<string, RE2JS>()
const maxCached = 256

/**
 * Compile `source` (JavaScript-like syntax: `(?<year>\d{4})`, classes,
 * `\p{…}`, anchors) for RE2, cached.
 *
 * @param source
 *   Pattern source.
 * @returns
 *   Compiled pattern.
 * @throws {Error}
 *   With RE2's reason, for a pattern it cannot run (invalid syntax,
 *   lookarounds, backreferences).
 */
export function compileRe2(source: string): RE2JS {
  const cached = cache.get(source)
  if (cached) return cached
  let compiled: RE2JS
  try {
    compiled = RE2JS.compile(source)
  } catch (error) {
    throw new Error(String((error as Error).message) + ' (profile patterns run on a linear-time engine, RE2: no lookarounds `(?=…)`, `(?<!…)` and no backreferences `\\1`)', {cause: error})
  }
  if (cache.size > maxCached) cache.clear()
  cache.set(source, compiled)
  return compiled
}
