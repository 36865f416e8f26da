/**
 * Days written in Chinese numerals, as government notices, signatures and
 * some portals print them: `二〇二四年三月五日`, `二零二四年十二月一日`,
 * `二〇二三年十月二十八日`. The year is read digit by digit (`〇`, `零`, `○`
 * and the Latin `O` some pages type for zero), month and day as numbers
 * (`十二` 12, `二十八` 28, `三十一` 31).
 *
 * @module
 */

const DIGITS: Record<string, number> = {〇: 0, 零: 0, '○': 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9}

/** Digit characters of a year written in Chinese numerals. */
const YEAR_DIGIT = '[〇零○O一二三四五六七八九]'
/** A month or day in Chinese numerals: `五`, `十`, `十二`, `二十`, `二十八`, `三十一`. */
const NUMBER = '(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])'

/**
 * A day in Chinese numerals (global; groups: year, month, day). Matched on
 * NFKC-normalised text (`Ｏ` is then `O`).
 */
export const CHINESE_NUMERAL_DAY = new RegExp(`(?<![〇零○O一二三四五六七八九十])(${YEAR_DIGIT}{4})\\s*年\\s*(${NUMBER})\\s*月\\s*(${NUMBER})\\s*[日号號]`, 'gu')

/** A year in Chinese numerals (`二〇二四年`): what tells a short text that it may hold a date. */
export const CHINESE_NUMERAL_YEAR = new RegExp(`${YEAR_DIGIT}{4}\\s*年`, 'u')

/**
 * The value of a Chinese number: a year digit by digit (`二〇二四` → 2024),
 * a month or day by place (`十` → 10, `十二` → 12, `二十八` → 28).
 *
 * @param text
 *   Numerals (`二〇二四`, `二十八`).
 * @returns
 *   The number, or `NaN` when `text` holds other characters.
 */
export function chineseNumber(text: string): number {
  const ten = text.indexOf('十')
  if (ten === -1) {
    let value = 0
    for (const character of text) {
      const digit = DIGITS[character]
      if (digit === undefined) return Number.NaN
      value = value * 10 + digit
    }
    return text ? value : Number.NaN
  }
  const tens = ten === 0 ? 1 : chineseNumber(text.slice(0, ten))
  const units = ten === text.length - 1 ? 0 : chineseNumber(text.slice(ten + 1))
  return tens * 10 + units
}
