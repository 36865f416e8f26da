import type {Root} from 'hast'
import type {Plugin} from 'unified'
import {report} from '../messages.js'
import {builtinProfiles, genericNews, matchHost, matchProfile} from '../profiles/index.js'
import type {Options} from '../types.js'
import {analysePage} from '../analyse/analysis.js'
import {selectTable} from '../util/select.js'

const emptyOptions: Readonly<Options> = {}

/**
 * Pick the site profile for the page (user profiles first, then built-in
 * ones; by URL host, then by DOM signature) into `file.data.profile`.
 * Without a match the generic news profile is used and a `no-profile` info
 * is reported. Analyses the whole page first (`file.data.analysis`: the page
 * index, the page URL and base URL), which the later stages read.
 */
export const rehypeResolveProfile: Plugin<[(Readonly<Options> | null | undefined)?], Root> = function (options) {
  const settings = options || emptyOptions
  const profiles = [...(settings.profiles || []), ...builtinProfiles]
  return function (tree, file) {
    const analysis = analysePage(tree, file, settings.url)
    const url = analysis.url && analysis.url.value
    // One selector walk for the signatures and for the content selectors
    // `rehypeSelectRoot` tries next (of the profile the host gives, else of all).
    const byHost = matchHost(profiles, url)
    const selectors = new Set((byHost ? [byHost] : [...profiles, genericNews]).flatMap((p) => p.content || []))
    if (!byHost) for (const p of profiles) for (const s of p.signature || []) selectors.add(s)
    analysis.selected = selectTable([...selectors], tree)
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
