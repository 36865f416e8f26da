/**
 * Reconcile candidate values from several sources: the first usable one
 * wins (see the precedence table in `generic-meta.ts`).
 *
 * @module
 */

import type {Found, Passed} from './found.js'
import {cleanAuthors, looksLikeUrl} from './author-names.js'
import {isAccountName, isOrganisationName, isPersonLike, isPublisher} from './person-like.js'
import {normalizeDate} from '../../util/normalize-date.js'
import type {DayOrder} from '../../util/normalize-date.js'

/**
 * The author: the first source, in order of precedence, whose names all
 * read as people's (`person-like.ts`) or that declares them people (JSON-LD
 * `Person`, listed in `context.persons`); else the first source with any names.
 *
 * - Names of the site or its publisher (`网易` on `…_网易科技`, `新京报`, an
 *   outlet) and editors named on the page (`责任编辑：…`) are dropped from
 *   every source: they are not authors.
 * - A first name alone (`Stefanus`) yields to a visible byline that
 *   completes it (`Stefanus Stahl`).
 * - Sources passed over are listed in `passed` with the reason, so a user
 *   can see why (`file.data.analysis.meta.author.passed`).
 */
export function firstAuthors(
  sources: Array<Found<Array<string>> | undefined>,
  siteNames: Array<string | undefined>,
  byline: Found<Array<string>> | undefined,
  context?: {publishers?: Array<string | undefined>; editors?: Array<string> | undefined; persons?: Array<Found<Array<string>> | undefined>}
): Found<string> | undefined {
  const publishers = [...siteNames, ...(context?.publishers ?? [])]
  const editors = new Set((context?.editors ?? []).map((name) => name.toLowerCase()))
  const passed: Array<Passed> = []
  let fallback: Found<string> | undefined
  let account: Found<string> | undefined
  for (const source of sources) {
    if (!source) continue
    const cleaned =
      source === byline
        ? source.value
        : // The site's names are dropped below, where they are recorded as passed over (`isPublisher`).
          cleanAuthors(source.value.filter((v) => !looksLikeUrl(v)))
    const names = cleaned.filter((name) => {
      const reason = isPublisher(name, publishers) ? 'publisher' : editors.has(name.toLowerCase()) ? 'editor' : undefined
      if (reason) passed.push({value: name, from: source.from, reason})
      return reason === undefined
    })
    if (names.length === 0) continue
    // People named with the agency, outlet or place they write for or from (`Jane Roe, Associated Press`, `Lucía Gómez / EFE`, `Anna Schmidt, Berlin`): the people. Test: test/latin-news-grid.ts.
    const beside =
      VISIBLE_SOURCE.test(source.from) && names.some((name) => isPersonLike(name, publishers))
        ? names.filter((name) => !isPersonLike(name, publishers) && (isOrganisationName(name) || ONE_LATIN_WORD.test(name.trim())))
        : []
    if (beside.length > 0 && beside.length < names.length) {
      for (const name of beside) passed.push({value: name, from: source.from, reason: 'an organisation or place beside a person'})
      names.splice(0, names.length, ...names.filter((name) => !beside.includes(name)))
    }
    // Metadata naming fewer of the writers than the visible byline (`Jane Roe` beside `By Jane Roe and John Doe`) yields to it.
    if (byline && source !== byline && byline.value.length > names.length && names.every((name) => byline.value.some((other) => other.toLowerCase() === name.toLowerCase()))) {
      return withPassed({value: byline.value.join(', '), from: byline.from}, [...passed, {value: names.join(', '), from: source.from, reason: 'fewer names than the visible byline'}])
    }
    // A first name alone (`Stefanus`) yields to a visible byline that completes it (`Stefanus Stahl`).
    if (byline && names.length === 1 && !names[0].includes(' ')) {
      const first = names[0].toLowerCase()
      const fuller = byline.value.find((name) => name.toLowerCase().startsWith(first + ' '))
      if (fuller) return withPassed({value: fuller, from: byline.from}, [...passed, {value: names[0], from: source.from, reason: 'first name only'}])
    }
    const found = {value: names.join(', '), from: source.from}
    // A person declared by its user name (`jroe_42`) yields to a byline or meta that names a person, not to a guess (a sign-off, a closing name, a site's owner).
    const listed = context?.persons?.includes(source) ?? false
    if (listed && names.some(isAccountName)) account ??= {value: names.join(', '), from: source.from}
    if (account && GUESSED_SOURCE.test(source.from)) return withPassed(account, passed)
    // A JSON-LD `Person` named like a publication (`Die Hafenzeitung`) is the outlet all the same.
    const declared = listed && !names.some((name) => isAccountName(name) || isOrganisationName(name))
    // What the source itself passed over (an account's name before the byline in the text) is kept.
    const before = [...passed, ...(source.passed ?? [])]
    if (declared || names.every((name) => isPersonLike(name, publishers))) return withPassed(found, fallback ? [...before, {...fallback, reason: 'not person-like'}] : before)
    fallback ??= found
  }
  if (fallback) return withPassed(fallback, passed)
  // No person anywhere: an organisation the visible byline names as the author (`By <a rel=author>Harbour Trust</a>`) is the author after all (not one of metadata alone: CMSs fill those in with the site's name).
  const organisation = passed.find((entry) => entry.reason === 'publisher' && ORGANISATION_SOURCE.test(entry.from) && !/\p{Script=Han}/u.test(entry.value))
  return (
    organisation &&
    withPassed(
      {value: organisation.value, from: organisation.from},
      passed.filter((entry) => entry !== organisation)
    )
  )
}

/** Sources read from the page's text (metadata may write `Roe, Jane`, a family name first). */
const VISIBLE_SOURCE = /^(?:byline|author-link|rel=author)/

/** One word of Latin letters (`Berlin`, `EFE`): beside a person's full name, a place or an agency. */
const ONE_LATIN_WORD = /^\p{Script=Latin}[\p{Script=Latin}.'’-]*$/u

/** Sources that guess at the writer from the text (a sign-off, a name closing the article, a site's owner): a declared account's name beats them. */
const GUESSED_SOURCE = /^(?:byline:sign-off|byline:closing|byline:dated|copyright|title:owner)/

/**
 * Sources whose publisher name is the author when no person is named: the
 * visible byline, an author link; a personal site's owner (copyright line,
 * possessive title), whose site is named after them. Fixtures:
 * meta-author-organisation-byline, meta-author-copyright-owner.
 */
const ORGANISATION_SOURCE = /^(?:byline|author-link|rel=author|copyright|title:owner)/

function withPassed(found: Found<string>, passed: Array<Passed>): Found<string> {
  return passed.length > 0 ? {...found, passed} : found
}

/** First source whose value parses as a date, normalised (an all-numeric day in `order`, `dayOrderOf`). */
export function firstDate(sources: Array<Found<string> | undefined>, order?: DayOrder | undefined): Found<string> | undefined {
  for (const source of sources) {
    if (!source) continue
    const value = normalizeDate(source.value, {order})
    // A source already read (a visible date) keeps what it noted.
    if (value) return value === source.value && source.passed ? {value, from: source.from, passed: source.passed} : {value, from: source.from}
  }
  return undefined
}

/**
 * The page's own local day for a UTC instant (`2024-03-05T01:30:00Z`):
 *
 * - a visible date one day apart shows the local day for the same instant:
 *   the visible day wins (`preferLocalDay(date, visible)`);
 * - else another date of the page written with its offset (`-05:00` on the
 *   modified time, a `<time datetime>`) gives the page's offset: the instant
 *   is written in it (`2024-03-04T20:30:00-05:00`), so its day is the one
 *   the page shows. Fixture: meta-date-utc-page-offset.
 *
 * @param date
 *   The date chosen.
 * @param visible
 *   The visible date, if any.
 * @param others
 *   Other dates of the page (modified, `<time>`, metas), first tried first.
 * @returns
 *   The date to use.
 */
export function preferLocalDay(date: Found<string>, visible: Found<string> | undefined, others: Array<Found<string> | undefined> = []): Found<string> {
  if (!/T[\d:]+(?:Z|\+00:00)$/.test(date.value)) return date
  if (visible && visible !== date) {
    const shown = Date.parse(visible.value.slice(0, 10) + 'T00:00:00Z')
    const meta = Date.parse(date.value.slice(0, 10) + 'T00:00:00Z')
    if (Math.abs(shown - meta) === 86_400_000) return visible
    // The page shows the UTC day itself.
    if (shown === meta) return date
  }
  for (const other of others) {
    const offset = other && other !== date ? OFFSET.exec(normalizeDate(other.value) ?? '') : null
    if (!other || !offset || offset[1] === '+00:00') continue
    const minutes = (offset[1][0] === '-' ? -1 : 1) * (Number(offset[1].slice(1, 3)) * 60 + Number(offset[1].slice(4, 6)))
    const local = new Date(Date.parse(date.value) + minutes * 60_000).toISOString().slice(0, 19)
    return {value: local + offset[1], from: date.from + '+offset:' + other.from}
  }
  return date
}

/** The UTC offset ending a normalised date with a time (`2024-03-04T20:30:00-05:00`). */
const OFFSET = /T\d\d:\d\d:\d\d([+-]\d\d:\d\d)$/

/** First non-empty list, trimmed, deduplicated (case-insensitively), at most 30 items. */
export function firstList(sources: Array<Found<Array<string>> | undefined>): Found<Array<string>> | undefined {
  for (const source of sources) {
    if (!source) continue
    const seen = new Set<string>()
    const value: Array<string> = []
    for (const item of source.value) {
      const tag = item.replace(/\s+/g, ' ').trim()
      const key = tag.toLowerCase()
      if (!tag || tag.length > 80 || seen.has(key)) continue
      seen.add(key)
      value.push(tag)
    }
    if (value.length > 0) return {value: value.slice(0, 30), from: source.from}
  }
  return undefined
}

/** A single value as a list. */
export function listed(found: Found<string> | undefined): Found<Array<string>> | undefined {
  return found ? {value: [found.value], from: found.from} : undefined
}

/** Split meta values on `,`, `，`, `、`, `;`. */
export function listOf(values: Array<string>, from: string): Found<Array<string>> | undefined {
  const items = values.flatMap((value) => value.split(/[,，、;；]/))
  return items.length > 0 ? {value: items, from} : undefined
}
