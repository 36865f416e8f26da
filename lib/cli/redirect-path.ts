/**
 * Old URL paths for redirects (Hugo's `aliases`, Jekyll's `redirect_from`):
 * each becomes a file of the built site, so a path a file system refuses
 * stops the whole build (measured: a 300-character segment fails Hugo and
 * Jekyll with `ENAMETOOLONG`, 600 segments fail them on the path length,
 * `%00` crashes Jekyll: “path name contains null byte”).
 *
 * @module
 */

/** Longest path segment, in UTF-8 bytes as written to disk (a file name is at most 255; `.html` is added). */
export const maxSegmentBytes = 200

/** Longest path, in UTF-8 bytes as written to disk (Linux allows 4,096 for the whole path, the site folder included). */
export const maxPathBytes = 1024

/** A redirect path, or why there is none. */
export interface RedirectPath {
  /** The path (with the query, if any); absent when there is none to write. */
  path?: string | undefined
  /** Why a path was refused (`unusable-alias`); absent when there was no path or it is fine. */
  problem?: string | undefined
}

/**
 * The path (and query) of `url` to redirect from, checked segment by
 * segment in decoded form: no control characters, no encoded `/` or `\`,
 * no `.` or `..`, no segment over `maxSegmentBytes` and no path over
 * `maxPathBytes` in the form written.
 *
 * @param options.decode
 *   Write the path percent-decoded (Hugo writes an alias as it is given,
 *   and a web server looks up the decoded path, so `/%E4%B8%AD.html` would
 *   never be found); `false` keeps it encoded (Jekyll decodes it itself).
 */
export function redirectPath(url: string | undefined, options: {decode: boolean}): RedirectPath {
  if (!url) return {}
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return {}
  }
  if (parsed.pathname === '/' && !parsed.search) return {}
  const decoded = parsed.pathname.split('/').map(decode)
  const query = decode(parsed.search)
  for (const segment of [...decoded, query]) {
    // \p{Cc}: C0 controls, DEL, C1 controls (NUL crashes Jekyll; none is a usable file name).
    if (/\p{Cc}/u.test(segment)) return {problem: 'its path has control characters'}
  }
  for (const segment of decoded) {
    if (/[/\\]/.test(segment)) return {problem: 'a path segment has an encoded `/` or `\\`'}
    if (segment === '.' || segment === '..') return {problem: 'a path segment is `.` or `..`'}
  }
  const written = options.decode ? decoded : parsed.pathname.split('/')
  const search = options.decode ? query : parsed.search
  const path = written.join('/') + search
  // The query is part of the last file name (`a.php?p=1/index.html`).
  const longest = Math.max(...written.map((segment) => Buffer.byteLength(segment)), Buffer.byteLength(written[written.length - 1] + search))
  if (longest > maxSegmentBytes) return {problem: 'a path segment is ' + longest + ' bytes long, more than a file name may be (' + maxSegmentBytes + ')'}
  if (Buffer.byteLength(path) > maxPathBytes) return {problem: 'the path is ' + Buffer.byteLength(path) + ' bytes long (at most ' + maxPathBytes + ')'}
  return {path}
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
