/**
 * What every redirect map format shares: the shapes a renderer takes and
 * returns, and the wording of its rejections. Its own module so that
 * `redirects.ts` (which picks a renderer) and the renderers
 * (`redirect-*.ts`) do not import each other.
 *
 * @module
 */
import type {OldUrl} from './old-url.js'

/** One redirect: an old URL to the new address of the same page. */
export interface Redirect {
  /** Old URL: an absolute `http(s)` URL (its host is ignored) or a path starting with `/`; may have a query. */
  from: string
  /** New address: a path starting with `/` (or an absolute `http(s)` URL), without query. */
  to: string
}

/** A redirect the map does not hold, and why. */
export interface Rejected {
  redirect: Redirect
  reason: string
}

/** A redirect ready for a format: the old URL parsed, the target encoded. */
export interface PreparedRedirect {
  redirect: Redirect
  old: OldUrl
  /** `redirect.to` as ASCII with every unsafe byte percent-encoded (`encodeTarget`). */
  to: string
}

/** What a format renderer returns. */
export interface FormatResult {
  text: string
  written: Array<PreparedRedirect>
  rejected: Array<Rejected>
}

/** `s` for counts other than one. */
export function plural(count: number, word: string): string {
  return count + ' ' + word + (count === 1 ? '' : 's')
}
