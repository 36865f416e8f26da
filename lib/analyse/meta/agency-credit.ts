/**
 * A news agency's credit closing an article, the way German and other
 * European papers print agency copy: the last parenthesis of the last
 * paragraph (`… im März. (Jane Roe, dpa)`, `(jr/dpa)`, `(dpa)`), or a last
 * line of its own (`Jane Roe/AFP`, `– Jane Roe (Reuters)`, `Jane Roe, dpa`);
 * or in the dateline opening it (`CHICAGO (Reuters) —`, `PARIS — AFP —`,
 * `新华社北京3月5日电`). The agency is where the text came from (`source`),
 * never its author; the person before a closing credit, when a full name,
 * is the writer; initials alone (`jr/dpa`) name no one.
 *
 * @module
 */

import type {Found} from './found.js'
import {isPersonLike} from './person-like.js'

/**
 * News agencies as they sign their copy, spelled as they do (case matters:
 * `sid` and `epd` sign in lower case, `AP` in capitals; `PA` and `TT` are
 * left out, being US states and initials too).
 */
const AGENCIES = [
  'dpa',
  'DPA',
  'dpa-AFX',
  'AFP',
  'Reuters',
  'AP',
  'APA',
  'KNA',
  'KAP',
  'epd',
  'sid',
  'SID',
  'ANSA',
  'EFE',
  'Europa Press',
  'SDA',
  'sda',
  'Keystone-SDA',
  'ANP',
  'Belga',
  'Lusa',
  'PAP',
  'ČTK',
  'CTK',
  'ddp',
  'dapd',
  'AAP',
  'Kyodo',
  'Xinhua',
  'Ritzau',
  'NTB'
]

/** One agency, or several joined (`dpa/AFP`, `AFP, Reuters`, `dpa und AFP`). */
const AGENCY = `(?:${AGENCIES.join('|')})`
const AGENCY_LIST = `${AGENCY}(?: ?(?:[/,]|und|and|et|e|y) ?${AGENCY})*`

/**
 * The last parenthesis of a paragraph: who wrote it, then the agency (`(Jane Roe, dpa)`, `(jr/dpa)`, `(dpa)`).
 * Lines are read with their white space collapsed to single spaces, so ` ?` stands for any (no run for two quantifiers to trade).
 */
const CLOSING_PARENTHESIS = new RegExp(`\\( ?(?:([^()]{1,60}?) ?[,/] ?)?(${AGENCY_LIST}) ?\\)\\.? ?$`, 'u')

/** A line of its own: a name, then the agency after a slash or comma, or in brackets (`Jane Roe/AFP`, `– Jane Roe (Reuters)`). */
const CREDIT_LINE = new RegExp(`^(?:[—–-]{1,2} ?)?([^()/,]{5,60}?) ?(?:[/,] ?(${AGENCY_LIST})|\\( ?(${AGENCY_LIST}) ?\\))$`, 'u')

/**
 * A dateline opening the text with an agency's credit: a capitalised place
 * (and a date) of at most 40 characters, then the agency in brackets or
 * between dashes, then a dash or colon (`CHICAGO (Reuters) —`, `BERLIN,
 * 3. Mai (dpa) -`, `PARIS — AFP —`).
 */
const OPENING_CREDIT = new RegExp(`^\\p{Lu}[^()—–:]{0,40}?(?:\\( ?(${AGENCY_LIST}) ?\\)|[—–] ?(${AGENCY_LIST})) ?[-–—:]`, 'u')

/** Chinese agencies' datelines (`新华社北京3月5日电`, `中央社台北20日電`): the agency, a place and day of at most 16 characters, `电`. */
const CJK_OPENING_CREDIT = /^[（(]?(新华社|新華社|中新社|中央社)[^\s，,。：:（()）]{0,16}?[电電]/u

/** Characters of a last line read as a credit of its own. */
const CREDIT_LINE_MAX = 80

/** How many of the article's last lines are read (a footnote or a share line may follow the credit). */
export const CLOSING_CREDIT_LINES = 2

/** What an agency's credit closing the article names. */
export interface AgencyCredit {
  /** The writer, when a person's full name stands before the agency (`byline:closing-agency`). */
  author?: Found<Array<string>>
  /** The agency, or agencies joined with `, ` (`credit-line:agency`). */
  source: Found<string>
}

/**
 * The agency's credit closing the article: the last of `lines` (the one
 * before it too, when the last is short furniture) ending in a parenthesis
 * naming an agency, or holding nothing but a name and an agency. A name
 * that does not read as a person's (initials, `Foto: …`, an outlet) names
 * no writer; the agency is still the source. Test: test/closing-byline.ts.
 *
 * @param lines
 *   The article's last lines, in reading order.
 * @param brands
 *   Names of the site and its publisher (never a person).
 * @returns
 *   Author (when named) and source, or `undefined`.
 */
export function closingAgencyCredit(lines: ReadonlyArray<string>, brands: ReadonlyArray<string | undefined>): AgencyCredit | undefined {
  for (const raw of lines.slice(-CLOSING_CREDIT_LINES).reverse()) {
    const line = raw.normalize('NFKC').replace(/\s+/gu, ' ').trim()
    const found = readCredit(line)
    if (!found) continue
    const source: Found<string> = {value: agencies(found.agency), from: 'credit-line:agency'}
    const name = found.name?.replace(/\s+/g, ' ').trim()
    // `Foto: dpa`, `Bild: Jane Roe/AFP`: a picture's credit, not the article's.
    if (name?.includes(':')) return undefined
    return name && isPersonLike(name, brands) ? {author: {value: [name], from: 'byline:closing-agency'}, source} : {source}
  }
  return undefined
}

/**
 * The agency credited in a dateline opening the text: the first of
 * `lines` (the article's first few lines) that opens with one. Test:
 * test/closing-byline.ts.
 *
 * @param lines
 *   The article's first lines, in reading order.
 * @returns
 *   The agency, or agencies joined with `, ` (`dateline:agency`), or
 *   `undefined`.
 */
export function openingAgencyCredit(lines: ReadonlyArray<string>): Found<string> | undefined {
  for (const raw of lines) {
    const line = raw.normalize('NFKC').replace(/\s+/gu, ' ').trim()
    const latin = OPENING_CREDIT.exec(line)
    const agency = latin ? (latin[1] ?? latin[2]) : CJK_OPENING_CREDIT.exec(line)?.[1]
    if (agency) return {value: agencies(agency), from: 'dateline:agency'}
  }
  return undefined
}

/** The name (if any) and agencies of a credit `line` holds. */
function readCredit(line: string): {name?: string; agency: string} | undefined {
  if (line.length <= CREDIT_LINE_MAX) {
    const alone = CREDIT_LINE.exec(line)
    if (alone) return {name: alone[1], agency: alone[2] ?? alone[3]}
  }
  const parenthesis = CLOSING_PARENTHESIS.exec(line)
  return parenthesis ? {name: parenthesis[1], agency: parenthesis[2]} : undefined
}

/** What sets agencies apart in a credit: `/`, `,`, `und`, `and`, `et`, `e`, `y`. */
const AGENCY_SEPARATOR = /[/,]|\b(?:und|and|et|e|y)\b/u

/** `dpa/AFP`, `dpa und AFP` → `dpa, AFP`. */
function agencies(list: string): string {
  return list
    .split(AGENCY_SEPARATOR)
    .map((part) => part.trim())
    .filter(Boolean)
    .join(', ')
}
