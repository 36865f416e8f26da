/**
 * Characters that YAML readers refuse or read differently, and how to keep
 * them out of frontmatter.
 *
 * Sources: YAML 1.2.2 §5.1 (`c-printable`) and YAML 1.1 §5.1, the same set:
 * tab, LF, CR, U+0020–U+007E, NEL (U+0085), U+00A0–U+D7FF, U+E000–U+FFFD
 * and U+10000–U+10FFFF. Every reader the generators use checks its input
 * against it before parsing: Go's yaml.v2/v3 in Hugo (“control characters
 * are not allowed”: the build stops), Ruby's Psych (libyaml) in Jekyll (the
 * file is published *without* its frontmatter, so Liquid runs over it),
 * js-yaml in Eleventy and Astro (“the stream contains non-printable
 * characters”: the build stops). YAML 1.1 readers (Psych, yaml.v2) also
 * read NEL, LS (U+2028) and PS (U+2029) as line breaks, which folds them
 * into spaces or ends a plain scalar; YAML 1.2 readers do not.
 *
 * @module
 */

/**
 * One character outside YAML's printable set: C0 controls but tab, LF and
 * CR; DEL; C1 controls but NEL; U+FFFE and U+FFFF; a lone surrogate.
 */
export const unprintable = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Line breaks in YAML 1.1 that YAML 1.2 reads as ordinary characters: NEL, LS, PS. */
export const lineBreaks11 = /[\x85\u2028\u2029]/

const unprintableAll = new RegExp(unprintable.source, 'g')
const lineBreaks11All = new RegExp(lineBreaks11.source, 'g')
const loneSurrogate = /^[\uD800-\uDFFF]$/

/**
 * Clean a one-line metadata value (title, author, tag…): a lone surrogate
 * becomes U+FFFD (as `String#toWellFormed` and every UTF-8 encoder do),
 * the other unprintable characters are removed, NEL, LS and PS become
 * spaces, and white space is collapsed again when anything changed.
 *
 * @returns
 *   The cleaned value and how many characters were removed or replaced
 *   (`0`: the value is returned as given).
 */
export function cleanLine(value: string): {value: string; changed: number} {
  let changed = 0
  let result = value.replace(unprintableAll, (character) => {
    changed++
    return loneSurrogate.test(character) ? '\uFFFD' : ''
  })
  result = result.replace(lineBreaks11All, () => {
    changed++
    return ' '
  })
  if (changed === 0) return {value, changed}
  return {value: result.replace(/\s+/g, ' ').trim(), changed}
}

/** Whether a string needs `escapeForYaml` to be read back the same by every reader. */
export function needsEscape(value: string): boolean {
  return unprintable.test(value) || lineBreaks11.test(value)
}

/** What `escapeForYaml` escapes: `unprintable` or `lineBreaks11`. */
const escapable = new RegExp(unprintable.source + '|' + lineBreaks11.source, 'g')

/**
 * Escape, in the text of a YAML document whose scalars holding such
 * characters are all double-quoted, every character `needsEscape` finds:
 * DEL and C1 controls as `\xHH`, NEL as `\N`, LS as `\L`, PS as `\P`,
 * U+FFFE and U+FFFF as `\uHHHH` (escapes of YAML 1.1 and 1.2, read by Go's
 * yaml, Psych and js-yaml alike); lone surrogates, which no escape can
 * carry through a UTF-8 reader, become U+FFFD. C0 controls are already
 * escaped by the `yaml` package.
 */
export function escapeForYaml(text: string): string {
  return text.replace(escapable, (character) => {
    if (loneSurrogate.test(character)) return '\uFFFD'
    if (character === '\x85') return '\\N'
    if (character === '\u2028') return '\\L'
    if (character === '\u2029') return '\\P'
    const code = character.charCodeAt(0)
    return code <= 0xff ? '\\x' + code.toString(16).toUpperCase().padStart(2, '0') : '\\u' + code.toString(16).toUpperCase().padStart(4, '0')
  })
}
