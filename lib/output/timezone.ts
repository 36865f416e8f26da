/**
 * Offsets for dates written without one (`--timezone`, a profile's
 * `timezone`): the wall-clock time is read in an IANA time zone, with its
 * daylight saving rules, through `Intl.DateTimeFormat` (the ICU time zone
 * database Node ships).
 *
 * @module
 */

/** A fixed UTC offset (`+08:00`, `-0430`, `Z`, `UTC`), which `Intl` does not take as a time zone on Node 20. */
const fixedOffset = /^(?:Z|UTC|([+-])(\d{2}):?(\d{2}))$/

/** Minutes east of UTC of a fixed offset `zone`, else `undefined`. */
function fixedMinutes(zone: string): number | undefined {
  const match = fixedOffset.exec(zone)
  if (!match) return undefined
  if (!match[1]) return 0
  const hours = Number(match[2])
  const minutes = Number(match[3])
  if (hours > 14 || minutes > 59) return undefined
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes)
}

/** Whether `zone` is an IANA time zone name this runtime knows (`Asia/Shanghai`, `UTC`) or a fixed offset (`+08:00`). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false
  if (fixedMinutes(zone) !== undefined) return true
  try {
    new Intl.DateTimeFormat('en-US', {timeZone: zone})
    return true
  } catch {
    return false
  }
}

const localDateTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/

/** Whether `date` is an ISO 8601 date-time without a UTC offset (`2020-04-06T09:30:00`), which `withTimeZone` would complete. */
export function isLocalDateTime(date: string): boolean {
  return localDateTime.test(date)
}

/**
 * Add the offset of `zone` to an ISO 8601 date-time without one
 * (`2020-04-06T09:30:00` in `Asia/Shanghai` → `2020-04-06T09:30:00+08:00`).
 * Dates with an offset, date-only values and anything else are returned
 * as they are. As Temporal's `compatible` disambiguation: a wall time
 * skipped by a daylight saving change gets the offset in force before it
 * (02:30 on a spring-forward night names 03:30 of the new offset); a
 * repeated one, the earlier of its two instants.
 */
export function withTimeZone(date: string, zone: string): string {
  const match = localDateTime.exec(date)
  if (!match) return date
  const fixed = fixedMinutes(zone)
  if (fixed !== undefined) return date + formatOffset(fixed)
  const [, year, month, day, hour, minute, second] = match
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second || 0))
  // The offset at the instant the wall time names: try the offsets around it.
  const first = offsetAt(wall - offsetAt(wall, zone) * 60_000, zone)
  const candidates = [first, offsetAt(wall - first * 60_000, zone), offsetAt(wall - 24 * 3_600_000, zone), offsetAt(wall + 24 * 3_600_000, zone)]
  const matching = candidates.filter((offset) => wallAt(wall - offset * 60_000, zone) === wall)
  // Several: a repeated hour (the larger offset is the earlier instant); none: a skipped hour.
  const offset = matching.length > 0 ? Math.max(...matching) : Math.min(...candidates.slice(2))
  return date + formatOffset(offset)
}

/** `+08:00`, `-04:30`, `+00:00`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const absolute = Math.abs(minutes)
  return sign + String(Math.floor(absolute / 60)).padStart(2, '0') + ':' + String(absolute % 60).padStart(2, '0')
}

const formats = new Map<string, Intl.DateTimeFormat>()

/** The wall-clock time (as a UTC timestamp) in `zone` at the instant `time`. */
function wallAt(time: number, zone: string): number {
  let format = formats.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'})
    formats.set(zone, format)
  }
  const parts: Record<string, number> = {}
  for (const part of format.formatToParts(new Date(time))) if (part.type !== 'literal') parts[part.type] = Number(part.value)
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second)
}

/** Offset of `zone` from UTC at the instant `time`, in minutes. */
function offsetAt(time: number, zone: string): number {
  const whole = Math.floor(time / 1000) * 1000
  return Math.round((wallAt(whole, zone) - whole) / 60_000)
}
