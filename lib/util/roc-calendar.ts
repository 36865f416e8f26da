/**
 * Days counted in the calendar of the Republic of China (民國, Minguo), as
 * Taiwan's government, schools and many of its news sites print them:
 * `民國113年3月5日`, `中華民國113年3月5日`, and on a Taiwanese page
 * (`zh-TW`, a `.tw` host) without the era's name, `113年3月5日`,
 * `113/03/05`, `113-03-05`, `113.03.05`. Year 1 is 1912: the Gregorian year
 * is the ROC year + 1911; month and day are the Gregorian ones.
 *
 * Source: CLDR, calendar `roc` (`supplemental/calendarData.xml`: one era,
 * `minguo`, from 1912-01-01; `calendarPreferenceData`: `TW` prefers
 * `gregorian roc`; `zh_Hant` formats `Gy年M月d日`, `Gy/M/d`), the calendar
 * `Intl.DateTimeFormat` names `roc`.
 *
 * Matched on NFKC-normalised text (full-width digits `１１３` are then
 * ASCII). Without the era's name only three-digit years are read (100–199,
 * 2011–2110): a two-digit year first (`24/03/05`) is the Gregorian century's
 * elsewhere on Chinese pages.
 *
 * @module
 */

/** Years between the ROC's count and the Gregorian one (ROC 1 = 1912). */
export const ROC_YEAR_OFFSET = 1911

/** The era's name before a year: `民國`, `民国`, `中華民國`, `中华民国`. */
const ERA = '(?:中華民國|中华民国|民國|民国)'

/**
 * A day with the era's name, read on any page (global; groups: year, month,
 * day): `民國113年3月5日`, `中華民國 113 年 3 月 5 日`, `民國113/03/05`.
 */
export const ROC_ERA_DAY = new RegExp(`${ERA}\\s*(\\d{1,3})\\s*(?:年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号號]?|[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d))`, 'gu')

/**
 * A day with a three-digit year and no era's name, read only on Taiwanese
 * pages (global; groups: year, month, day): `113年3月5日`, `113/03/05`,
 * `113-03-05`, `113.03.05`.
 */
export const ROC_PLAIN_DAY = /(?<![\d/.-])(1\d\d)\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?|([-/.])(\d{1,2})\4(\d{1,2})(?![\d/.-]))/gu

/**
 * What tells a short text that it may hold an ROC day, full-width digits
 * too: the era's name before a number, or a three-digit year opening a
 * whole day (`113年3月5日`, `113/03/05`; not `104年ぶり`, `184.1 cm`, an IP
 * address).
 */
export const ROC_YEAR_HINT = new RegExp(
  `${ERA}\\s*[\\d０-９]|(?<![\\d０-９.])[1１][\\d０-９]{2}\\s*年\\s*[\\d０-９]{1,2}\\s*月|(?<![\\d０-９./-])[1１][\\d０-９]{2}([-/.／－．])[\\d０-９]{1,2}\\1[\\d０-９]{1,2}(?![\\d０-９./-])`,
  'u'
)

/**
 * The Gregorian `[year, month, day]` of an `ROC_ERA_DAY` or `ROC_PLAIN_DAY`
 * match.
 *
 * @param match
 *   A match of either pattern.
 * @returns
 *   `[year, month, day]` (not checked for validity).
 */
export function rocDay(match: RegExpExecArray): [number, number, number] {
  const year = Number(match[1]) + ROC_YEAR_OFFSET
  // `年月日` fill groups 2 and 3; the numeric form the last two groups.
  if (match[2] !== undefined && match[3] !== undefined) return [year, Number(match[2]), Number(match[3])]
  return [year, Number(match[match.length - 2]), Number(match[match.length - 1])]
}
