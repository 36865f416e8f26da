/**
 * Invisible format characters that only hint at line breaking or joining:
 * a reader never sees them, yet they split words for search and copy
 * (`Bundes\u00ADregierung` is not found by searching `Bundesregierung`).
 *
 * Removed: U+00AD SOFT HYPHEN, U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER,
 * U+FEFF ZERO WIDTH NO-BREAK SPACE (a byte order mark inside text).
 *
 * Kept, because they change what is shown or how it reads: U+200C ZERO
 * WIDTH NON-JOINER (Persian `می‌خواهم`, Indic conjuncts), U+200D ZERO WIDTH
 * JOINER (emoji sequences `👩‍💻`, Indic half forms), bidirectional marks
 * and isolates (U+200E, U+200F, U+061C, U+2066–U+2069), variation
 * selectors (Mongolian ones too), U+034F COMBINING GRAPHEME JOINER, U+180E MONGOLIAN VOWEL
 * SEPARATOR and the invisible mathematical operators (U+2061–U+2064).
 * (Unicode 15, General Category Cf; UAX #14 for the break hints.)
 *
 * @module
 */

const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g

/**
 * Remove invisible break and join hints from `value`.
 *
 * @param value
 *   Text.
 * @returns
 *   Text without U+00AD, U+200B, U+2060 and U+FEFF (the same string when it has none).
 */
export function stripInvisible(value: string): string {
  return value.replace(INVISIBLE, '')
}
