/**
 * Clean raw author strings into a list of short person names.
 *
 * Applied to every author source: labels are dropped (`By`, `Von`, `作者：`,
 * `文／`), the text is cut at the first date, separator (`|`, `•`, ` - `)
 * or phrase that ends a byline (`Updated`, `for The Times`, `in London`),
 * roles are dropped (`Staff Writer`), an affiliation glued to a Chinese
 * name is dropped (`方敏北京大学经济学院教授` → `方敏`, `affiliation.ts`), and the rest is split into names
 * (`,`, `;`, `&`, `and`, `und`, `、`).
 * A name must be at most 60 characters and 6 words, and may not be a URL,
 * an e-mail address or the site's name.
 *
 * @module
 */

import {withoutAffiliation} from './affiliation.js'
import {isCjkRoleWord} from './chinese-names.js'
import {bylineColonLabel, bylineLabel, bylineLabelLead, bylineLabelPhrase} from '../vocabulary.js'

/** A byline's label before the names (`By`, `Av`, `Text & Fotos:`, `作者：`, `本报记者`). */
const LABEL = new RegExp(
  `^\\(?(?:(?:(?:${bylineLabelLead}|photos?)\\s+)?(?:${bylineLabel}|vom)|${bylineLabelPhrase})(?=[\\s:：])[\\s:：]*|^(?:${bylineColonLabel}|authors|byline|作者|撰文|文|撰稿)\\s*[:：/／|]\\s*|^(?:本报记者|本報記者|记者|記者|通讯员|通訊員)\\s*[:：]?\\s*`,
  'i'
)

/** `ByJane Roe`: the label glued to the name (case matters: `Byron` is a name). */
const GLUED_BY = /^By(?=\p{Lu}\p{Ll})/u

/** Month names (either case for the first letter), to cut `Jane Doe March 22, 2017`. */
const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'januar',
  'februar',
  'märz',
  'mai',
  'juni',
  'juli',
  'oktober',
  'dezember'
]
  .map((month) => `[${month[0].toUpperCase()}${month[0]}]${month.slice(1)}`)
  .join('|')

// Run on text whose white space is collapsed to single spaces (`cut`), so
// each space is ` ` or ` ?`: no two quantifiers share a run of spaces, and
// matching stays linear in the length of the text.
const CUT = new RegExp(
  [
    ' ?[|｜•·«»▪◆■/] ?(?=[^\\s\\d]{0,20} ?\\d)', // a separator before a date
    ' ?[|｜•·«»▪◆■]',
    ' [-–—] ',
    ' ?[([{<]',
    '(?:^|\\s|(?<=[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]))\\d',
    '@',
    '\\s(?:updated|published|posted|last|on|am|um|le|el|il|op|vom|from|via|photo|photos|image|images|video|illustration|graphics|email|e-mail|follow|twitter|facebook|read|more|share|comments?)\\b',
    '(?<!\\s[Vv][ao]n)\\s(?:den|der)\\b', // not a name's particle (`Jan van der Berg`, `Ursula von der Leyen`)
    '\\s(?:Updated|Published|Posted|Last updated|Veröffentlicht|Aktualisiert|Publié|Mis à jour|Publicado|Actualizado)\\b', // a date's label after the names (`Jane Roe Published October 9, 2023`)
    ' (?:for|at|in|with|im|bei|aus|für) (?:the )?\\p{Lu}',
    ` (?:${MONTHS})\\.? \\d`,
    ' ?[。！？:：]',
    ' ?[,，] ?(?:\\p{Ll}|published|updated)',
    ` ?\\s(?:[Pp]hoto(?:graphy|graphs?|s)?|[Pp]ictures?|[Ii]mages?|[Ff]otos?|[Bb]ilder?) (?:${bylineLabel})\\b`, // a photo credit after the names (`By Jane Roe Photography by John Doe`)
    ' ?[,，;；/／] ?\\p{L}{2,20} ?[:：]' // another label after the names (`Jane Roe, Datum: 03.03.19`, `Claire Martin / Photos : Paul Durand`)
  ].join('|'),
  'u'
)

/** Roles one person holds (the last word of `Staff Writer`, `Senior Reporter`). */
const PERSONAL_ROLE =
  /(?:writer|reporter|editor|correspondent|columnist|contributor|producer|journalist|photographer|analyst|intern|redakteur|redakteurin|reporterin|korrespondent|korrespondentin|rédacteur|journaliste)$/i

/** Photo and image credits are not bylines. */
const CREDIT = /^(?:photo(?:graph)?s?|pictures?|image|images|illustration|video|foto|fotos|bild|bilder|quelle|source)\b/i

const ROLE =
  /^(?:(?:the|a|an|our|senior|junior|chief|contributing|special|associate|managing|deputy|executive|political|foreign|science|business|sports?|news|tech|technology|health|staff|guest|editorial|freelance|national|international|white house|washington|investigative|digital|global|lead|head|assistant|feature|features|opinion|culture|entertainment|legal|data|video|photo|social media|local|regional|correspondent|bureau)\s+)*(?:writer|writers|reporter|reporters|editor|editors|correspondent|correspondents|columnist|contributor|contributors|producer|journalist|journalists|photographer|analyst|staff|intern|team|desk|chief|redaktion|redakteur|redakteurin|autor|autorin|mitarbeiter|reporterin|korrespondent|korrespondentin|rédaction|rédacteur|journaliste|administrator|admin team|newsroom|news service|wire|wires|bureau|staff report|contributing writer|guest author|guest post)$/i

/** Words that name no one: page furniture, and the placeholders CMSs write when no author is given (`admin`, `佚名` anonymous, `本站` this site, `小编` the editor). */
const STOP =
  /^(?:share|tweet|email|print|comments?|home|menu|search|login|sign in|subscribe|follow|facebook|twitter|instagram|linkedin|whatsapp|more|read more|unknown|anonymous|none|null|undefined|author|authors|by|von|admin team|view all posts|all posts|posts|profile|about|bio|editor|editors|staff|contributor|contributors|admin|administrator|wordpressadmin|webmaster|site admin|siteadmin|佚名|匿名|未知|不详|不詳|管理员|管理員|本站|小编|小編|网络|網絡|网友|網友)$/i

export interface CleanOptions {
  /** Site name(s): a name equal to one is rejected. */
  siteNames?: Array<string | undefined>
  /** Visible text: require names that look like names (capitalised words or CJK). */
  strict?: boolean
}

/**
 * Clean raw author values into names.
 *
 * @param raw
 *   One or more raw values (each may hold several names).
 * @param options
 *   Configuration.
 * @returns
 *   Unique names, in order (may be empty).
 */
export function cleanAuthors(raw: Array<string> | string, options?: CleanOptions): Array<string> {
  const settings = options || {}
  const values = Array.isArray(raw) ? raw : [raw]
  const sites = new Set((settings.siteNames ?? []).filter((s): s is string => Boolean(s)).map(compact))
  const names: Array<string> = []
  const seen = new Set<string>()
  for (const value of values) {
    for (const name of splitNames(cut(value))) {
      const key = compact(name)
      if (!key || seen.has(key) || !acceptable(name, settings.strict) || sites.has(key)) continue
      seen.add(key)
      names.push(name)
    }
  }
  return names.slice(0, 8)
}

/**
 * Whether a value looks like a link or an address rather than a name.
 *
 * @param value
 *   Value.
 * @returns
 *   Whether it is a URL or e-mail address.
 */
export function looksLikeUrl(value: string): boolean {
  return /^(?:https?:)?\/\/|^www\.|^[\w.+-]+@[\w-]+\.[\w.]+$|^\/[\w-]+\/|\.(?:com|net|org|html?|php)(?:\/|$)/i.test(value.trim())
}

/** Drop labels and cut at the first thing that ends a byline. */
function cut(value: string): string {
  let text = value.normalize('NFKC').replace(/\s+/g, ' ').trim()
  // A link or an address alone is no name; `Mike Cason | mcason@al.com` is a name, then its address.
  if ((looksLikeUrl(text) && !text.includes(' ')) || CREDIT.test(text)) return ''
  for (let round = 0; round < 2; round++) text = text.replace(GLUED_BY, '').replace(LABEL, '').trim()
  const match = CUT.exec(text)
  if (match) text = text.slice(0, match.index)
  return text.trim()
}

/** Split a byline into names. */
function splitNames(value: string): Array<string> {
  if (!value) return []
  return value
    .split(/ ?(?:[,;，、；&＆/／]| (?:and|und|et|y|e|en|og|och|with|mit) | (?:and|und|&)$) ?/iu)
    .map((name) =>
      name
        .replace(/^[\s\p{P}]+|(?<![\s.,;:·•\-–—])[\s.,;:·•\-–—]+$/gu, '')
        .replace(/^(?:and|und|et)\s+/i, '')
        .trim()
    )
    .map(withoutRole)
    .map(withoutAffiliation)
    .filter((name) => name && !ROLE.test(name))
}

/**
 * A name without the role glued or added to its end (`Jane RoeStaff Writer`,
 * `Jane Roe Senior Reporter`): cut where the rest is a role and what stays
 * is a full name of two words or more (`Real Writer` stays whole); a role
 * held by one person (writer, reporter, editor), not a desk or team
 * (`BWW News Desk`, `Smart Shopping Team` stay whole).
 */
function withoutRole(name: string): string {
  if (name.length > 80) return name
  for (let index = 1; index < name.length; index++) {
    const glued = /\p{Ll}/u.test(name[index - 1]) && /\p{Lu}/u.test(name[index])
    const spaced = name[index - 1] === ' '
    if ((glued || spaced) && name.slice(0, index).trim().includes(' ') && ROLE.test(name.slice(index)) && PERSONAL_ROLE.test(name.slice(index))) return name.slice(0, index).trim()
  }
  return name
}

function acceptable(name: string, strict: boolean | undefined): boolean {
  if (name.length > 60 || name.split(' ').length > 6) return false
  if (looksLikeUrl(name) || /[@<>{}=#]|(?:^|\s)\d/.test(name) || STOP.test(name)) return false
  if (!/\p{L}/u.test(name)) return false
  if (!CJK.test(name) && compact(name).length < 3) return false
  if (!strict) return true
  if (/\p{Script=Han}/u.test(name)) return !isCjkRoleWord(name) && name.length >= 2 && name.length <= 8 && !/[\s\p{P}]/u.test(name.replace(/[·•]/g, ''))
  // Latin-like: every word capitalised, except short particles.
  return name.split(' ').every((word, index) => /^\p{Lu}/u.test(word) || (index > 0 && /^(?:van|von|de|der|den|da|di|du|del|la|le|bin|al|ten|ter|dos|das|y|zu)$/.test(word)))
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

/** Lower-cased letters and digits only, for comparisons. */
function compact(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}
