import {renderRedirects} from '../output/redirects.js'
import type {RedirectFormat} from '../output/redirects.js'
import type {RedirectPlan} from './redirect-plan.js'
import {isInTheWay, isWriteError, writeAtomic} from './write-atomic.js'

/**
 * Write the redirect map of a batch (`--redirects`) atomically: every old
 * URL held by a written page (`written`: converted now or unchanged since
 * the last run, whose old URLs come from the manifest), rendered as
 * `format`. Redirects the format cannot hold are recorded on the plan (for
 * the pages' messages). Resolves to the file system's error when the file
 * cannot be written (disk full, read-only, permissions), else `undefined`;
 * other errors reject.
 */
export async function writeRedirectMap(file: string, format: RedirectFormat, plan: RedirectPlan, written: ReadonlySet<string>): Promise<unknown> {
  const redirects = plan.redirects(written)
  const byFrom = new Map(redirects.map(({relative, redirect}) => [redirect, relative]))
  const map = renderRedirects(
    redirects.map(({redirect}) => redirect),
    format
  )
  for (const {redirect, reason} of map.rejected) {
    const relative = byFrom.get(redirect)
    if (relative !== undefined) plan.rejectFromMap(relative, reason)
  }
  try {
    await writeAtomic(file, map.text, {replace: true})
    return undefined
  } catch (error) {
    // A refused write, or a folder where the map goes: reported, the pages stay written.
    if (!isWriteError(error) && !isInTheWay(error)) throw error
    return error
  }
}
