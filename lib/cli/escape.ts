/**
 * Text as it may be printed to a terminal: control characters (C0, DEL,
 * C1), bidirectional overrides and isolates, and line and paragraph
 * separators are shown as `\x1b`, `\u202e`, … so a file name cannot move
 * the cursor, recolour, retitle the terminal or reorder what is shown.
 * Line feeds are kept only with `multiline`.
 */
export function printable(text: string, multiline = false): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (char) => {
    if (multiline && char === '\n') return char
    const code = char.charCodeAt(0)
    return code <= 0xff ? '\\x' + code.toString(16).padStart(2, '0') : '\\u' + code.toString(16).padStart(4, '0')
  })
}
