/**
 * The owner of a blog on a hosting platform, named by the handle of the
 * blog's address: blog platforms give each blog a subdomain of theirs
 * (`<handle>.pixnet.net`, `<handle>.blogspot.com`, `<handle>.wordpress.com`)
 * and write the owner into `<meta name="author">` as their display name and
 * handle, `史蒂文的家_藍天 (stevenhgm)`, `Jane Roe (jroe)`. The display name
 * is often the blog's name too (`og:site_name`), so author precedence
 * passes it over as the site's own name; the handle that is the blog's
 * subdomain says that the site is the person's.
 *
 * @module
 */

import type {Found} from './found.js'

/** `Display Name (handle)`: a display name, then a handle in brackets (Latin letters, digits, `_`, `.`, `-`). */
const DECLARED = /^(.{1,60}?)\s*[(（]\s*@?([a-z\d][a-z\d_.-]{1,39})\s*[)）]$/iu

/**
 * The blog owner's display name, when an author value declares the handle
 * that opens the page's host (`小雨 (xiaoyu88)` on
 * `xiaoyu88.blog.example`): the host has at least three labels and the
 * handle is its first (not `www`).
 *
 * @param values
 *   Values of `<meta name="author">` (as written).
 * @param host
 *   Host name of the page (`stevenhgm.pixnet.net`), if known.
 * @returns
 *   The display name(s), from `meta:author:blog-owner`, or `undefined`.
 */
export function blogOwner(values: ReadonlyArray<string>, host: string | undefined): Found<Array<string>> | undefined {
  const labels = (host ?? '').toLowerCase().split('.')
  if (labels.length < 3 || /^(?:www\d?|m|blog|blogs)$/.test(labels[0])) return undefined
  const names: Array<string> = []
  for (const value of values) {
    const match = DECLARED.exec(value.normalize('NFKC').trim())
    if (match && match[2].toLowerCase() === labels[0] && match[1].trim() && !names.includes(match[1].trim())) names.push(match[1].trim())
  }
  return names.length > 0 ? {value: names, from: 'meta:author:blog-owner'} : undefined
}
