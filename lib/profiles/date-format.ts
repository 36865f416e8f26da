/**
 * Dates in a site's own format, for profiles whose pages show dates the
 * generic reader cannot place (`14/05/24 9.30`, `2024年5月14日 09:30`
 * meant in Beijing time).
 *
 * A format is a string of tokens and literal text:
 *
 * | token  | meaning                          |
 * | ------ | -------------------------------- |
 * | `YYYY` | four-digit year                  |
 * | `YY`   | two-digit year (2000–2099)       |
 * | `MM`   | month, one or two digits         |
 * | `DD`   | day of the month, one or two digits |
 * | `HH`   | hour (0–23), one or two digits   |
 * | `mm`   | minutes, two digits              |
 * | `ss`   | seconds, two digits              |
 *
 * Any other character stands for itself; a space matches any run of
 * white space. The format is found anywhere in the text (`发布时间：…`).
 * A time zone is an offset (`+08:00`, `-0500`, `Z`) or an IANA name
 * (`Asia/Shanghai`, resolved with `Intl` for the date itself, so summer
 * time is right).
 *
 * @module
 */

import {compileUrlPattern} from './url-pattern.js'

const TOKENS: ReadonlyArray<readonly [string, string]> = [
  ['YYYY', '(?<year>\\d{4})'],
  ['YY', '(?<year2>\\d{2})'],
  ['MM', '(?<month>\\d{1,2})'],
  ['DD', '(?<day>\\d{1,2})'],
  ['HH', '(?<hour>\\d{1,2})'],
  ['mm', '(?<minute>\\d{2})'],
  ['ss', '(?<second>\\d{2})']
]

/** A compiled date format. */
export interface DateFormat {
  /**
   * Read the first date in `text`.
   *
   * @param text
   *   Text holding the date.
   * @returns
   *   ISO 8601 (`YYYY-MM-DD`, or with the time and, given a time zone, its
   *   offset), or `undefined` when the format is not found or the date is invalid.
   */
  parse(text: string): string | undefined
}

/**
 * Compile a format and a time zone; throws an `Error` naming the problem
 * (no `YYYY`/`YY`, `MM` and `DD`; a token twice; an unknown time zone).
 *
 * @param format
 *   Format (see the module's table).
 * @param timeZone
 *   Offset or IANA name (optional: without it, times stay local, no offset).
 * @returns
 *   Compiled format.
 */
export function compileDateFormat(format: string, timeZone?: string | null | undefined): DateFormat {
  let source = ''
  const seen = new Set<string>()
  let index = 0
  while (index < format.length) {
    const token = TOKENS.find(([name]) => format.startsWith(name, index))
    if (token) {
      const key = token[0] === 'YY' ? 'YYYY' : token[0]
      if (seen.has(key)) throw new Error('the format has `' + token[0] + '` twice')
      seen.add(key)
      source += token[1]
      index += token[0].length
      continue
    }
    const character = format[index]
    if (/\s/.test(character)) {
      // A run of spaces in the format matches a run of white space (one quantifier per run).
      while (index < format.length && /\s/.test(format[index])) index++
      source += '\\s+'
      continue
    }
    source += character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    index++
  }
  for (const needed of ['YYYY', 'MM', 'DD']) {
    if (!seen.has(needed)) throw new Error('the format needs `' + (needed === 'YYYY' ? 'YYYY` or `YY' : needed) + '`')
  }
  const zone = timeZone ? checkTimeZone(timeZone) : undefined
  // RE2: built from the profile's data, so run on the linear-time engine (see `url-pattern.ts`).
  const pattern = compileUrlPattern('(?:^|\\D)' + source + '(?:\\D|$)')
  return {
    parse(text) {
      const groups = pattern.exec(text.normalize('NFKC'))
      if (!groups) return undefined
      const year = groups.year ? Number(groups.year) : 2000 + Number(groups.year2)
      const parts = [year, Number(groups.month), Number(groups.day), Number(groups.hour ?? 0), Number(groups.minute ?? 0), Number(groups.second ?? 0)]
      const [, month, day, hour, minute, second] = parts
      const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
      if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined
      const date = year + '-' + pad(month) + '-' + pad(day)
      if (groups.hour === undefined) return date
      const time = date + 'T' + pad(hour) + ':' + pad(minute) + ':' + pad(second)
      return zone ? time + zone(probe) : time
    }
  }
}

/**
 * Check a time zone and return a function giving its offset (`+08:00`) at a
 * local wall-clock time (given as a UTC date with the same fields).
 *
 * @param timeZone
 *   Offset (`+08:00`, `+0800`, `Z`) or IANA name.
 * @returns
 *   Offset function.
 */
export function checkTimeZone(timeZone: string): (local: Date) => string {
  const fixed = /^(?:Z|UTC|([+-])(\d{2}):?(\d{2}))$/.exec(timeZone.trim())
  if (fixed) {
    const offset = fixed[1] ? fixed[1] + fixed[2] + ':' + fixed[3] : '+00:00'
    if (fixed[1] && (Number(fixed[2]) > 14 || Number(fixed[3]) > 59)) throw new Error('`' + timeZone + '` is not a UTC offset')
    return () => (offset === '+00:00' ? 'Z' : offset)
  }
  let formatter: Intl.DateTimeFormat
  try {
    formatter = new Intl.DateTimeFormat('en-US', {timeZone, timeZoneName: 'longOffset'})
  } catch {
    throw new Error('`' + timeZone + '` is not a time zone (expected an offset such as `+08:00` or an IANA name such as `Asia/Shanghai`)')
  }
  return (local) => {
    // The offset at the instant the wall-clock time names: guess with the offset at that time read as UTC, then correct once.
    const first = offsetAt(formatter, local.getTime())
    const second = offsetAt(formatter, local.getTime() - first)
    const minutes = Math.round(second / 60_000)
    if (minutes === 0) return 'Z'
    const sign = minutes < 0 ? '-' : '+'
    return sign + pad(Math.floor(Math.abs(minutes) / 60)) + ':' + pad(Math.abs(minutes) % 60)
  }
}

/** Offset of the zone at an instant, in milliseconds. */
function offsetAt(formatter: Intl.DateTimeFormat, time: number): number {
  const name = formatter.formatToParts(new Date(time)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT'
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
  if (!match) return 0
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}
