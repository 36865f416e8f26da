/**
 * How much an author value reads as a person's name rather than a
 * publisher, a desk or an account: `Jane Roe` and `陆一夫` are people;
 * `Us Weekly Staff`, `The Daily Planet` (the site's own name), `网易`,
 * `新京报` and `jroe_42` are not.
 *
 * Used by author precedence (`reconcile.ts`): a source whose names are all
 * person-like wins over an earlier one whose names are not.
 *
 * @module
 */

import {hasHan, isChinesePersonName, isOutletName} from './chinese-names.js'

/** Words that name organisations, desks and publications, not people. */
const ORGANISATION =
  /\b(?:news|newsroom|daily|times|post|media|press|magazine|journal|network|group|inc|ltd|llc|gmbh|ag|online|radio|tv|channel|agency|tribune|herald|gazette|chronicle|weekly|monthly|staff|team|desk|editors?|editorial|redaktion|rédaction|foundation|university|institute|association|company|corp|corporation|service|wire|bureau|reuters|associated|afp|dpa|communications|publishing|publishers|verlag|holdings|enterprises|partners|productions|ventures|limited|studios?)\b/i
/**
 * Words for a newspaper or magazine in the languages of Europe's press
 * (German `Illustrierte`, `Zeitung`, `Magazin`; Italian `Gazzetta`,
 * `Giornale`; Spanish `Diario`, `Revista`; Dutch `Krant`; Swedish
 * `Tidning`, …), also ending a German compound (`Finanzmagazin`,
 * `Abendzeitung`). Test: test/byline-kinds.ts.
 */
const PUBLICATION =
  /(?:\b|\p{L}{2})(?:illustrierte|zeitung|zeitschrift|magazin|nachrichten|rundschau|anzeiger|kurier)(?!\p{L})|\b(?:courier|observer|examiner|telegraph|sentinel|bulletin|digest|review|gazzetta|giornale|corriere|rivista|notizie|diario|periódico|periodico|revista|noticias|jornal|krant|dagblad|nieuws|tidning(?:en)?|avisen|quotidien|hebdo|actualités)(?!\p{L})/iu
/**
 * Articles that open the name of a publication, never a person's (`The
 * Daily Planet`, `Der Spiegel`, `La Stampa`, `El País`, `Het Parool`).
 * Not `le` or `lo`, which are family names too (Vietnamese Lê, Cantonese
 * Lo). Test: test/byline-kinds.ts.
 */
const LEADING_ARTICLE = /^(?:the|der|die|das|la|les|el|il|los|las|het)\s+\S/i
/** Particles that may stay lower case inside a name (`Ludwig van Beethoven`). */
const PARTICLE = /^(?:van|von|de|der|den|da|di|du|del|la|le|bin|al|ten|ter|dos|das|y|zu|v\.)$/

/**
 * Whether `name` reads as a person's name.
 *
 * @param name
 *   One author name (cleaned).
 * @param publishers
 *   Names of the site and its publisher (a name equal to one, or opening
 *   one, is not a person: `网易` for `网易科技`).
 * @returns
 *   Whether it is person-like.
 */
export function isPersonLike(name: string, publishers: ReadonlyArray<string | undefined> = []): boolean {
  const value = name.normalize('NFKC').trim()
  if (!value || isPublisher(value, publishers)) return false
  if (hasHan(value)) return isChinesePersonName(value)
  if (/[\d_@]/.test(value) || isOrganisationName(value)) return false
  const words = value.split(/\s+/)
  if (words.length < 2 || words.length > 5) return false
  return words.every((word, index) => /^\p{Lu}[\p{Ll}'’.-]/u.test(word) || /^\p{Lu}\.?$/u.test(word) || (index > 0 && PARTICLE.test(word)))
}

/**
 * Whether `name` reads as an organisation's or a publication's (`Harbour
 * News`, `Die Hafenzeitung`, `The Harbour Courier`, `Finanzmagazin`): a
 * word of an organisation or the press, or a leading article.
 *
 * @param name
 *   One author name (cleaned).
 * @returns
 *   Whether it names an organisation.
 */
export function isOrganisationName(name: string): boolean {
  const value = name.normalize('NFKC').trim()
  return ORGANISATION.test(value) || PUBLICATION.test(value) || LEADING_ARTICLE.test(value)
}

/**
 * Whether `name` reads as an account's user name rather than anyone's
 * name: one word of Latin letters with a digit or an underscore, or all in
 * lower case (`jroe_42`, `pkerr88`, `jroe`).
 *
 * @param name
 *   One author name (cleaned).
 * @returns
 *   Whether it is one.
 */
export function isAccountName(name: string): boolean {
  const value = name.normalize('NFKC').trim()
  return /^[\p{Script=Latin}\d_.-]+$/u.test(value) && /\p{L}/u.test(value) && (/[\d_]/.test(value) || !/\p{Lu}/u.test(value))
}

/**
 * Whether `name` is the site's or publisher's name: equal to one of
 * `publishers` or opening one (`网易` for `网易科技`), or an outlet's name
 * (`新京报`, `澎湃新闻`).
 *
 * @param name
 *   Author name.
 * @param publishers
 *   Site and publisher names (title suffixes, `og:site_name`, JSON-LD publisher, host label).
 * @returns
 *   Whether it names a publisher.
 */
export function isPublisher(name: string, publishers: ReadonlyArray<string | undefined>): boolean {
  if (isOutletName(name)) return true
  const key = compact(name)
  if (key.length < 2) return false
  return publishers.some((publisher) => {
    const other = publisher ? compact(publisher) : ''
    return other !== '' && (other === key || (other.startsWith(key) && (hasHan(name) || key.length >= 4)))
  })
}

/**
 * Site names in the page's `<title>`: every segment after the first
 * separator (`Headline | The Daily Planet`, `标题_网易科技`).
 *
 * @param title
 *   Text of `<title>`.
 * @returns
 *   Segments (short ones only).
 */
export function titleSuffixes(title: string | undefined): Array<string> {
  if (!title) return []
  const parts = title.split(/ [|\-–—·»:] | ?[|｜_] ?/)
  return parts
    .slice(1)
    .map((part) => part.trim())
    .filter((part) => part.length > 0 && part.length <= 40)
}

function compact(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}
