/** Markdown that is not text: link and image destinations, autolinks, bare URLs, HTML tags. */
const notText = /\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\)|<[a-z][a-z\d+.-]*:[^\s<>]*>|\b[a-z][a-z\d+.-]*:\/\/\S+|<\/?[a-z][^<>\n]*>/gi

/** List markers (`-`, `1.`) at the start of a line, inside block quotes too. */
const listMarker = /^[ \t]*(?:>[ \t]*)*(?:[-*+]|\d{1,9}[.)])[ \t]+/gm

const letterOrDigit = /[\p{L}\p{N}]/u

let segmenter: Intl.Segmenter | undefined

/**
 * Words in a Markdown body, as word processors count them: each Han,
 * Hiragana or Katakana character is one word (as Microsoft Word counts East
 * Asian text, and as Chinese publishers count 字); Thai, Lao, Khmer and
 * Myanmar text, written without spaces, is split by ICU's dictionary
 * (`Intl.Segmenter`); other text counts runs between white space that hold
 * a letter or digit. Link and image URLs, autolinks, HTML tags and list
 * markers are not counted; link text and image alt text are.
 */
export function countWords(markdown: string): number {
  const text = /\]\(|:\/\/|</.test(markdown) ? markdown.replace(notText, ' ').replace(listMarker, ' ') : markdown.replace(listMarker, ' ')
  let words = 0
  // Start of the current run of non-space characters (-1: none), whether it
  // has a letter or digit, and whether it has unspaced-script letters.
  let start = -1
  let wordy = false
  let unspaced = false
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : 32
    const cjk = code >= 0x2e80 && isCjk(code)
    if (cjk || isSpace(code)) {
      if (start >= 0 && wordy) words += unspaced ? segmentWords(text.slice(start, index)) : 1
      start = -1
      wordy = false
      unspaced = false
      if (cjk) {
        words++
        // Supplementary-plane Han: skip the low surrogate.
        if (code >= 0xd800) index++
      }
      continue
    }
    if (start < 0) start = index
    if (code < 0x80) {
      if (!wordy && ((code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122))) wordy = true
      continue
    }
    if ((code >= 0x0e00 && code <= 0x0eff) || (code >= 0x1000 && code <= 0x109f) || (code >= 0x1780 && code <= 0x17ff)) unspaced = true
    if (!wordy && letterOrDigit.test(String.fromCodePoint(text.codePointAt(index) as number))) wordy = true
    if (code >= 0xd800 && code <= 0xdbff) index++
  }
  return words
}

/** Han (with extensions, compatibility ideographs, `々` and `〇`), Hiragana, Katakana (with half-width forms). */
function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3040 && code <= 0x30ff && code !== 0x30fb) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x31f0 && code <= 0x31ff) ||
    (code >= 0x2e80 && code <= 0x2fdf) ||
    code === 0x3005 ||
    code === 0x3007 ||
    (code >= 0xff66 && code <= 0xff9d) ||
    // High surrogates of U+20000–U+3FFFF (CJK extensions B and later).
    (code >= 0xd840 && code <= 0xd8bf)
  )
}

/** White space (Unicode `White_Space`, with the BOM). */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    (code >= 0x80 &&
      (code === 0xa0 ||
        code === 0x3000 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x1680 ||
        code === 0x85 ||
        code === 0xfeff))
  )
}

function segmentWords(text: string): number {
  segmenter ||= new Intl.Segmenter('und', {granularity: 'word'})
  let words = 0
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words++
  return words
}
