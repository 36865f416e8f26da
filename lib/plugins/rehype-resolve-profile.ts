import type {Root} from 'hast'
import type {Plugin} from 'unified'
import {report} from '../messages.js'
import {builtinProfiles, genericNews, matchProfile} from '../profiles/index.js'
import type {Options} from '../types.js'
import {pageUrl} from '../util/page-url.js'

const emptyOptions: Readonly<Options> = {}

/**
 * Pick the site profile for the page (user profiles first, then built-in
 * ones; by URL host, then by DOM signature) into `file.data.profile`.
 * Without a match the generic news profile is used and a `no-profile` info
 * is reported.
 */
export const rehypeResolveProfile: Plugin<[(Readonly<Options> | null | undefined)?], Root> = function (options) {
  const settings = options || emptyOptions
  const profiles = [...(settings.profiles || []), ...builtinProfiles]
  return function (tree, file) {
    const url = pageUrl(tree, settings.url || file.data.pageUrl)
    const match = matchProfile(profiles, tree, url && url.value)
    if (match) {
      file.data.profile = match.profile
    } else {
      file.data.profile = genericNews
      report(file, 'no-profile', 'No site profile matched; using the generic news profile')
    }
  }
}
