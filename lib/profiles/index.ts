import type {Root} from 'hast'
import type {Element} from 'hast'
import {selectTable} from '../util/select.js'
import {bannedbookOrg} from './bannedbook-org.js'
import {genericNews} from './generic-news.js'
import type {Profile} from './types.js'

/** Built-in site profiles, most specific first. */
export const builtinProfiles: ReadonlyArray<Profile> = [bannedbookOrg]

/** The fallback profile used when no site profile matches. */
export {genericNews}

/**
 * Whether `host` is served by `profile` (exact host or a subdomain of it).
 */
export function matchesHost(profile: Profile, host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '')
  return (profile.hosts || []).some(function (h) {
    const want = h.toLowerCase()
    return name === want || name.endsWith('.' + want)
  })
}

/**
 * Pick the profile for a page: by URL host first (user profiles before
 * built-in ones), then by DOM signature (every profile's signature tested in
 * one walk over the tree, or looked up in `selected`, the matches of
 * `selectTable` on this tree); `undefined` when none matches.
 */
export function matchProfile(
  profiles: ReadonlyArray<Profile>,
  tree: Root,
  url: string | undefined,
  selected?: ReadonlyMap<string, ReadonlyArray<Element>> | null | undefined
): {profile: Profile; rule: 'host' | 'signature'} | undefined {
  const byHost = matchHost(profiles, url)
  if (byHost) return {profile: byHost, rule: 'host'}
  const signed = profiles.filter((p) => (p.signature || []).length > 0)
  if (signed.length === 0) return undefined
  const selectors = [...new Set(signed.flatMap((p) => p.signature!))]
  const table = selected && selectors.every((s) => selected.has(s)) ? selected : selectTable(selectors, tree)
  const present = new Set(selectors.filter((s) => table.get(s)!.length > 0))
  const bySignature = signed.find((p) => p.signature!.every((s) => present.has(s)))
  return bySignature ? {profile: bySignature, rule: 'signature'} : undefined
}

/** The first of `profiles` serving the host of `url` (exact host or a subdomain). */
export function matchHost(profiles: ReadonlyArray<Profile>, url: string | undefined): Profile | undefined {
  const host = url ? hostOf(url) : undefined
  return host ? profiles.find((p) => matchesHost(p, host)) : undefined
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname
  } catch {
    return undefined
  }
}
