/** Length and punctuation of a piece of text. */
export interface TextMeasure {
  /** Non-whitespace characters, CJK characters counting twice. */
  length: number
  /** Commas, full stops and CJK sentence punctuation (`，。！？、；：`). */
  punctuation: number
}

/**
 * Measure `value` in one pass: a CJK character carries about as much text as
 * two Latin letters, so it weighs 2 (thresholds stay the same for both).
 */
export function measureText(value: string): TextMeasure {
  let length = 0
  let punctuation = 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code <= 32 || code === 0xa0 || code === 0x3000 || code === 0xfeff) continue
    if (code >= 0x2000 && code <= 0x200b) continue
    if (code === 44 || code === 46) {
      punctuation++
      length++
    } else if (code < 0x2e80) {
      length++
    } else if (
      code === 0xff0c || // ，
      code === 0x3002 || // 。
      code === 0xff01 || // ！
      code === 0xff1f || // ？
      code === 0x3001 || // 、
      code === 0xff1b || // ；
      code === 0xff1a // ：
    ) {
      punctuation++
      length += 2
    } else if ((code >= 0x2e80 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef)) {
      length += 2
    } else {
      length++
    }
  }
  return {length, punctuation}
}
