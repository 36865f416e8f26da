/**
 * Regular expressions that match one literal value exactly, written with
 * nothing but letters, digits, `/`, `-`, `_` and backslash escapes: no
 * space, quote, `$`, `{`, `;`, `%` or newline survives, so the expression
 * is safe inside any configuration token (quoted or not).
 *
 * @module
 */
import {hexByte} from './old-url.js'

const literal = /^[A-Za-z\d/_-]$/

/**
 * PCRE (nginx, Apache) expression for raw bytes: every byte but letters,
 * digits, `/`, `-` and `_` as `\xHH`. Without PCRE's UTF mode (neither
 * server turns it on) `\xHH` matches that byte, so text in any encoding
 * (UTF-8, or legacy bytes such as GBK) matches exactly.
 */
export function pcreBytes(bytes: Uint8Array): string {
  let result = ''
  for (const byte of bytes) {
    const character = String.fromCharCode(byte)
    result += byte < 0x80 && literal.test(character) ? character : '\\x' + hexByte(byte)
  }
  return result
}

/**
 * PCRE expression for a raw (percent-encoded) URI or query string, where
 * the hex digits of `%XX` escapes may come in either case (`%e6` or `%E6`,
 * as clients differ): `%[eE]6`. Other characters as in `pcreBytes` (the
 * value is ASCII, as a browser sends it).
 */
export function pcreEscapedUri(value: string): string {
  let result = ''
  for (let index = 0; index < value.length; index++) {
    const escape = /^%[\da-f]{2}/i.exec(value.slice(index, index + 3))
    if (escape) {
      result += '%' + hexClass(value[index + 1]) + hexClass(value[index + 2])
      index += 2
    } else {
      result += pcreBytes(new TextEncoder().encode(value[index]))
    }
  }
  return result
}

/**
 * RE2 expression (Go's `regexp`, used by Caddy) for text: letters, digits,
 * `/`, `-` and `_` as they are; other ASCII as `\xHH`; other characters
 * that are visible (letters, marks, numbers, punctuation, symbols) as they
 * are, and the rest (spaces, separators, format characters) as `\x{HHHH}`.
 * RE2 matches code points, so the text must be Unicode.
 */
export function re2Text(text: string): string {
  let result = ''
  for (const character of text) {
    const code = character.codePointAt(0) as number
    if (code < 0x80) result += literal.test(character) ? character : '\\x' + hexByte(code)
    else if (/[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(character)) result += character
    else result += '\\x{' + code.toString(16).toUpperCase() + '}'
  }
  return result
}

/**
 * RE2 expression for a raw (percent-encoded, ASCII) query string, `%XX`
 * escapes matching either case of their hex digits.
 */
export function re2EscapedUri(value: string): string {
  let result = ''
  for (let index = 0; index < value.length; index++) {
    const escape = /^%[\da-f]{2}/i.exec(value.slice(index, index + 3))
    if (escape) {
      result += '%' + hexClass(value[index + 1]) + hexClass(value[index + 2])
      index += 2
    } else result += re2Text(value[index])
  }
  return result
}

function hexClass(digit: string): string {
  return /\d/.test(digit) ? digit : '[' + digit.toLowerCase() + digit.toUpperCase() + ']'
}
