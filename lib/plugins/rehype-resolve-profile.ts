import type {Root} from 'hast'
import type {Plugin} from 'unified'
import {report} from '../messages.js'
import {builtinProfiles, genericNews, matchHost, matchProfile} from '../profiles/index.js'
import type {ResolveProfileOptions} from '../types.js'
import {analysePage} from '../analyse/analysis.js'
import type {IndexOptions} from '../analyse/page-index.js'
import {selectTable} from '../util/select.js'

const emptyOptions: Readonly<ResolveProfileOptions> = {}

/**
 * Pick the site profile for the page (user profiles first, then built-in
 * ones; by URL host, then by DOM signature) into `file.data.profile`.
 * Without a match the generic news profile is used and a `no-profile` info
 * is reported. Analyses the whole page first (`file.data.analysis`: the page
 * index, the page URL and base URL), which the later stages read.
 */
export const rehypeResolveProfile: Plugin<[(Readonly<ResolveProfileOptions> | null | undefined)?], Root> = function (options) {
  const settings = options || emptyOptions
  const profiles = [...(settings.profiles || []), ...builtinProfiles]
  const indexing = pageIndexOptions(settings)
  return function (tree, file) {
    const analysis = analysePage(tree, file, settings.url, indexing)
    const url = analysis.url && analysis.url.value
    // One selector walk for the signatures and for the content selectors
    // `rehypeSelectRoot` tries next (of the profile the host gives, else of all).
    const byHost = matchHost(profiles, url)
    const selectors = new Set((byHost ? [byHost] : [...profiles, genericNews]).flatMap((p) => p.content || []))
    if (!byHost) for (const p of profiles) for (const s of p.signature || []) selectors.add(s)
    const gathered = analysis.index.selectorMatches
    analysis.selected =
      gathered && [...selectors].every((selector) => gathered.matches.has(selector))
        ? new Map([...selectors].map((selector) => [selector, gathered.matches.get(selector)!]))
        : selectTable([...selectors], tree)
    const match = matchProfile(profiles, tree, url, analysis.selected)
    if (match) {
      file.data.profile = match.profile
      analysis.profileMatch = match.rule
    } else {
      file.data.profile = genericNews
      analysis.profileMatch = 'fallback'
      report(file, 'no-profile', 'No site profile matched; using the generic news profile')
    }
  }
}

/**
 * What the walk that indexes the page also does for the stages after it:
 * gather the matches of every profile selector read on the whole page
 * (DOM signatures, content, title, date, author, source, tags, credit
 * line; and the `h1, h2` pruning looks for), content scoring's block
 * statistics, the verdict's page text, the short texts root choice reads
 * and the rendered text the article root's lines are read from.
 *
 * @param settings
 *   Options of `rehypeResolveProfile` (its `profiles`).
 */
export function pageIndexOptions(settings: Readonly<ResolveProfileOptions>): IndexOptions {
  const selectors = new Set<string>(['h1, h2'])
  for (const profile of [...(settings.profiles || []), ...builtinProfiles, genericNews]) {
    for (const list of [profile.signature, profile.content, profile.title, profile.date, profile.author, profile.source, profile.tags]) {
      for (const selector of list || []) selectors.add(selector)
    }
    if (profile.credit) selectors.add(profile.credit.selector)
  }
  return {selectors: [...selectors], stats: true, pageText: true, shortTexts: true, renderedText: true, headerTexts: true}
}
