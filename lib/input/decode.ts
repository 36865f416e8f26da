/**
 * Turn the raw bytes of a saved HTML page into a string.
 *
 * Order of precedence: explicit `encoding` option, BOM, UTF-16 without BOM,
 * `<meta>` declaration (overruled when the bytes are UTF-8, or are broken
 * in the declared encoding but not in a sniffed one), UTF-8 (also with a
 * few broken sequences), `chardet` sniffing.
 */
import {analyse} from 'chardet'
import {ResultType, Sniffer} from 'encoding-sniffer/sniffer'

/** Result of {@linkcode decodeHtml}. */
export interface DecodeResult {
  /** Decoded text, without BOM. */
  value: string
  /** WHATWG name of the encoding used (`utf-8`, `gbk`, `big5`, …). */
  encoding: string
  warnings: Array<DecodeWarning>
}

/** Something noteworthy about how the bytes were decoded. */
export interface DecodeWarning {
  ruleId: 'charset-mismatch' | 'charset-sniffed' | 'invalid-bytes' | 'unknown-charset'
  reason: string
}

const boms: Array<[string, Array<number>]> = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]]
]
/** `chardet` results worth trusting (it also reports KOI8-R, UTF-32, ISO-2022-*, …). */
const sniffable = /^(gb18030|big5|shift_jis|euc-jp|euc-kr|utf-16[bl]e|windows-125\d|iso-8859-\d+)$/i
/** ~400 frequent Han characters, simplified and traditional, to score Chinese decodings. */
const commonHan = new Set(
  '的一是不了在人有我他这這个個们們中来來上大为為和国國地到以说說时時要就出会會可也你对對生能而子那得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心她本前开開但因只从從想实實日军軍者意无無力它与與长長把机機十民第公此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并並物手应應战戰向头頭文体體政美相见見被利什二等产產或新己制身果加西月话話合回特代内內信表化老给給世位次度门門任常先海通教儿兒原东東声聲提立及比员員解水名真论論处處走义義各入几幾口认認条條平系气氣题題活更别別打女变變四神总總何电電数數安少报報才结結反受目太量再感建务務做接必场場件计計管期市直资資命山金指许許统統区區保至队隊形社便空决決治展马馬科司五基书書非则則听聽白界达達光放强強即像难難且权權思王象完设設式色路记記南品住告类類求据據程北边邊死张張该該交规規万萬取拉格望觉覺术術领領共确確传傳师師观觀清今切院让讓识識候带帶导導争爭运運步改收根造言联聯持组組每济濟车車亲親极極林服快办辦议議往元英士证證近失转轉夫令准布始存未远遠台單影具罗羅字爱愛击擊流备備兵连連调調深商算质質团團集百需价價花党黨华華城石级級整府离離况況亚亞请請技际際约約示复復病息究线線似官火断斷精满滿支视視消越器容照须須九增研写寫称稱企八功包片史委乎查轻輕易早曾除农農找装裝广廣显顯阳陽若微'
)

/** Bytes 0x80–0x9F in windows-1252. */
const cp1252 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ'

/** Decoding with `label`, or `undefined` when TextDecoder does not know it. */
function decoder(label: string, fatal = false) {
  try {
    return new TextDecoder(label, {fatal})
  } catch {
    return undefined
  }
}

/** Decode bytes as UTF-8, or `undefined` if they are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder('utf-8', true)!.decode(bytes)
  } catch {
    return undefined
  }
}

/** Number of characters in `value` that pass `test`. */
function count(value: string, test: (char: string) => boolean): number {
  let n = 0
  for (const char of value) if (test(char)) n++
  return n
}

/**
 * Guess an undeclared legacy encoding with `chardet`.
 *
 * Tie-breaker (chardet quirks: on short Chinese text it ties `EUC-JP` with
 * `GB18030`, or prefers a weak single-byte guess): when a Chinese candidate
 * ties for first place or the best guess is weak (< 50), decode as `gb18030`
 * and as `big5`; score = frequent Han characters − 5 × (U+FFFD + private-use
 * characters); take the higher score if it is at least max(2, Han / 4).
 */
function sniff(bytes: Uint8Array): string {
  const matches = analyse(bytes).filter((match) => sniffable.test(match.name))
  const top = matches[0]
  if (!top) return 'windows-1252'
  if (top.confidence < 50 || matches.some((match) => match.confidence === top.confidence && /^(gb18030|big5)$/i.test(match.name))) {
    let best: {label: string; score: number} | undefined
    for (const label of ['gb18030', 'big5']) {
      const text = decoder(label)!.decode(bytes)
      const han = count(text, (char) => /\p{Script=Han}/u.test(char))
      const bad = count(text, (char) => /[\uFFFD\uE000-\uF8FF]/.test(char))
      const score = count(text, (char) => commonHan.has(char)) - 5 * bad
      if (score >= Math.max(2, han / 4) && (!best || score > best.score)) best = {label, score}
    }
    if (best) return best.label
  }
  return top.name
}

/** UTF-8 decoding of bytes that are not valid UTF-8: how many characters came out right. */
interface Utf8Stats {
  /** Non-ASCII characters decoded from valid sequences (a literal U+FFFD included). */
  valid: number
  /** Invalid byte sequences (each became U+FFFD). */
  invalid: number
}

function utf8Stats(bytes: Uint8Array): Utf8Stats {
  const value = decoder('utf-8')!.decode(bytes)
  let literal = 0
  for (let index = bytes.indexOf(0xef); index !== -1 && index + 2 < bytes.length; index = bytes.indexOf(0xef, index + 1)) {
    if (bytes[index + 1] === 0xbf && bytes[index + 2] === 0xbd) literal++
  }
  let nonAscii = 0
  let replaced = 0
  for (const char of value) {
    if (char === '\uFFFD') replaced++
    else if (char.charCodeAt(0) > 0x7f) nonAscii++
  }
  return {valid: nonAscii + literal, invalid: Math.max(0, replaced - literal)}
}

/**
 * Whether bytes that are not valid UTF-8 are still UTF-8 with a few broken
 * sequences (a page cut mid-character, one stray Latin-1 byte): at least 8
 * correctly decoded non-ASCII characters per invalid sequence. Text in a
 * legacy encoding (GBK, Big5, Latin-1) read as UTF-8 gives far fewer.
 */
function mostlyUtf8(stats: Utf8Stats): boolean {
  return stats.valid >= 8 && stats.valid >= 8 * stats.invalid
}

/**
 * UTF-16 without a BOM, from where the NUL bytes are: markup is ASCII, so
 * UTF-16LE text has most odd bytes 0 and UTF-16BE most even bytes 0.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(Math.min(bytes.length, 1024) / 2)
  if (pairs < 2) return undefined
  let even = 0
  let odd = 0
  for (let index = 0; index < pairs; index++) {
    if (bytes[2 * index] === 0) even++
    if (bytes[2 * index + 1] === 0) odd++
  }
  if (odd >= pairs * 0.4 && even <= pairs * 0.05) return 'utf-16le'
  if (even >= pairs * 0.4 && odd <= pairs * 0.05) return 'utf-16be'
  return undefined
}

/** Number of U+FFFD in `value`. */
function replacements(value: string): number {
  return count(value, (char) => char === '\uFFFD')
}

/**
 * Decode the bytes of an HTML page, detecting the encoding if not given.
 *
 * Precedence: the `encoding` option, a BOM, UTF-16 without BOM (by its NUL
 * bytes), the `<meta>` declaration — overruled when the bytes are (mostly)
 * UTF-8, or when they are not valid in the declared encoding but are in a
 * detected one (`charset-mismatch`) —, UTF-8 (also when only a few
 * sequences are broken: `invalid-bytes`), then `chardet` sniffing.
 *
 * @param bytes Raw file contents.
 * @param options `encoding`: label to force (throws on unknown labels).
 * @returns Decoded text, the WHATWG encoding name, and warnings.
 */
export function decodeHtml(bytes: Uint8Array, options?: {encoding?: string | null | undefined}): DecodeResult {
  const warnings: Array<DecodeWarning> = []
  const utf8 = strictUtf8(bytes)
  let label = options?.encoding || boms.find(([, sig]) => sig.every((byte, i) => bytes[i] === byte))?.[0]
  if (options?.encoding && !decoder(options.encoding)) throw new Error('Unknown encoding `' + options.encoding + '`')
  if (!label) {
    const utf16 = sniffUtf16(bytes)
    if (utf16) {
      label = utf16
      warnings.push({ruleId: 'charset-sniffed', reason: 'No byte order mark; detected `' + utf16 + '` from the bytes'})
    }
  }
  if (!label) {
    const sniffer = new Sniffer({maxBytes: 4096})
    sniffer.write(bytes.subarray(0, 4096))
    const declared = sniffer.resultType === ResultType.DEFAULT ? undefined : sniffer.encoding.toLowerCase()
    const stats = utf8 === undefined ? utf8Stats(bytes) : undefined
    if (declared) {
      // Non-ASCII, valid UTF-8 is almost never an accident: trust the bytes.
      if (utf8 !== undefined && declared !== 'utf-8' && /[^\0-\x7F]/.test(utf8)) {
        label = 'utf-8'
        warnings.push({ruleId: 'charset-mismatch', reason: 'Page declares `' + declared + '` but its bytes are valid UTF-8; decoded as UTF-8'})
      } else if (stats && declared !== 'utf-8' && mostlyUtf8(stats)) {
        label = 'utf-8'
        warnings.push({
          ruleId: 'charset-mismatch',
          reason: 'Page declares `' + declared + '` but its bytes are UTF-8 (with ' + stats.invalid + ' invalid sequence' + (stats.invalid === 1 ? '' : 's') + '); decoded as UTF-8'
        })
      } else {
        label = declared
        if (utf8 === undefined) label = overrule(bytes, declared, warnings)
      }
    } else {
      const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096))
      const unknown = /<meta[^>]*charset\s*=\s*["']?([^"'\s;/>]+)/i.exec(head)
      if (unknown && !decoder(unknown[1])) warnings.push({ruleId: 'unknown-charset', reason: 'Page declares unknown charset `' + unknown[1] + '`; ignored'})
      if (utf8 === undefined && !mostlyUtf8(stats!)) {
        label = sniff(bytes)
        warnings.push({ruleId: 'charset-sniffed', reason: 'No charset declared; detected `' + decoder(label)!.encoding + '` from the bytes'})
      } else label = 'utf-8'
    }
  }
  // The decoder strips a BOM that matches its encoding.
  const textDecoder = decoder(label)!
  let value = textDecoder.decode(bytes)
  // Node < 23 decodes `windows-1252` as Latin-1 (nodejs/node#56542): map C1 controls.
  if (textDecoder.encoding === 'windows-1252') value = value.replace(/[\x80-\x9F]/g, (char) => cp1252[char.charCodeAt(0) - 0x80])
  // Valid UTF-8 may contain a literal U+FFFD; otherwise each one is an invalid sequence.
  const invalid = textDecoder.encoding === 'utf-8' ? (utf8 === undefined ? utf8Stats(bytes).invalid : 0) : replacements(value)
  if (invalid)
    warnings.push({ruleId: 'invalid-bytes', reason: 'Found ' + invalid + ' invalid byte sequence' + (invalid === 1 ? '' : 's') + ' for `' + textDecoder.encoding + '`, replaced with U+FFFD'})
  return {value, encoding: textDecoder.encoding, warnings}
}

/**
 * The declared encoding, unless the bytes disagree with it and a sniffed
 * encoding fits them far better: then that one, with a `charset-mismatch`
 * warning. Two signs of disagreement: the bytes are broken in the declared
 * encoding (at least 4 invalid sequences, more than 1 in 50 non-ASCII
 * characters) and the sniffed one has at most a quarter as many (a GBK page
 * labelled UTF-8); or they decode without errors but as gibberish (GBK
 * labelled Big5, EUC-KR or windows-1252), while the sniffed decoding has
 * at least 20 frequent Chinese characters, four times as many as the
 * declared one, and they make up at least half of its Han characters.
 */
function overrule(bytes: Uint8Array, declared: string, warnings: Array<DecodeWarning>): string {
  const textDecoder = decoder(declared)
  if (!textDecoder || (textDecoder.encoding === 'utf-8' && strictUtf8(bytes) !== undefined)) return declared
  const value = textDecoder.decode(bytes)
  const bad = replacements(value)
  const broken = bad >= 4 && bad * 50 >= count(value, (char) => char.charCodeAt(0) > 0x7f)
  // Pure ASCII: nothing to disagree about.
  if (!broken && !bytes.some((byte) => byte > 0x7f)) return declared
  const detected = sniff(bytes)
  const detectedDecoder = decoder(detected)
  if (!detectedDecoder || detectedDecoder.encoding === textDecoder.encoding) return declared
  const other = detectedDecoder.decode(bytes)
  let reason: string | undefined
  if (broken) {
    if (replacements(other) * 4 <= bad) reason = 'its bytes are not valid `' + textDecoder.encoding + '` (' + bad + ' invalid sequences)'
  } else {
    const score = count(other, (char) => commonHan.has(char))
    const han = count(other, (char) => /\p{Script=Han}/u.test(char))
    const declaredScore = count(value, (char) => commonHan.has(char))
    if (score >= 20 && score >= 4 * Math.max(1, declaredScore) && score * 2 >= han && replacements(other) * 4 <= Math.max(bad, 1)) {
      reason = 'its bytes read as gibberish in `' + textDecoder.encoding + '`'
    }
  }
  if (!reason) return declared
  warnings.push({ruleId: 'charset-mismatch', reason: 'Page declares `' + declared + '` but ' + reason + '; detected `' + detectedDecoder.encoding + '` from the bytes'})
  return detected
}

/** Magic numbers of common non-HTML files (`null` = any byte). */
const magic: Array<Array<number | null>> = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0xff, 0xd8, 0xff], // JPEG
  [0x25, 0x50, 0x44, 0x46, 0x2d], // PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP (also docx, epub, …)
  [0x1f, 0x8b], // gzip
  [0x28, 0xb5, 0x2f, 0xfd], // zstd
  [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50], // WebP
  [null, null, null, null, 0x66, 0x74, 0x79, 0x70] // MP4, HEIC, AVIF (`ftyp`)
]

/**
 * Whether bytes are probably not a text document: a known magic number, or
 * more than 10% control bytes (NUL etc.) in the first 1 KB. Text that starts
 * with a UTF-16 BOM, or looks like UTF-16 without one, is not binary.
 *
 * @param bytes Raw file contents.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (magic.some((sig) => sig.length <= bytes.length && sig.every((byte, i) => byte === null || bytes[i] === byte))) return true
  if (boms.some(([name, sig]) => name !== 'utf-8' && sig.every((byte, i) => bytes[i] === byte))) return false
  if ((bytes[0] === 0x3c && bytes[1] === 0) || (bytes[0] === 0 && bytes[1] === 0x3c) || sniffUtf16(bytes)) return false
  const sample = bytes.subarray(0, 1024)
  // Control bytes other than tab, LF, FF, CR, and ESC (ISO-2022-JP).
  const control = sample.filter((byte) => byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d, 0x1b].includes(byte)).length
  return control > sample.length / 10
}
