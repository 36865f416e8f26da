import type {Root} from 'hast'
import type {Plugin} from 'unified'
import {report} from '../messages.js'
import {builtinProfiles, genericNews, matchProfile} from '../profiles/index.js'
import type {Options} from '../types.js'
import {analysePage} from '../analyse/analysis.js'

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
    const match = matchProfile(profiles, tree, analysis.url && analysis.url.value)
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
