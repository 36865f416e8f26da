/**
 * Old URLs as web servers and browsers see them.
 *
 * A browser that follows a link sends the path and query of the link as the
 * WHATWG URL Standard serialises them: non-ASCII, spaces, quotes, `<`, `>`,
 * `` ` ``, `{`, `}` and controls percent-encoded (UTF-8), escapes that were
 * already there kept as written (`%e6` stays lower case), everything else
 * raw. That serialisation is what servers that match the raw request URI
 * (nginx's `$request_uri`, Netlify, Cloudflare Pages) must be given; servers
 * that match the decoded path (Apache's `RewriteRule`, Caddy's matchers,
 * static files) get the decoded bytes.
 *
 * @module
 */

/** An old URL split the way servers match it. */
export interface OldUrl {
  /** Path as a browser sends it, e.g. `/a/%E6%96%B0.html` (always starts with `/`). */
  path: string
  /** Query as a browser sends it, without `?`; `''` when there is none. */
  query: string
  /** `path` percent-decoded to bytes (invalid escapes such as `%zz` kept as they are). */
  pathBytes: Uint8Array
  /** `pathBytes` as UTF-8 text; `undefined` when they are not UTF-8 (a URL in a legacy encoding, such as GBK escapes). */
  decodedPath: string | undefined
  /**
   * Identity of the old URL on one host: the decoded path (or, when it is
   * not UTF-8, the path with upper-case escapes), then `?` and the query
   * when there is one. `/a/%e6%96%b0` and `/a/新` have the same key.
   */
  key: string
}

const placeholderBase = 'http://old.invalid/'

/**
 * Parse an absolute `http(s)` URL, or a path starting with `/`, into the
 * parts servers match. The fragment is dropped (browsers never send it).
 * Returns `undefined` for anything else.
 */
export function parseOldUrl(url: string): OldUrl | undefined {
  let parsed: URL
  try {
    if (url.startsWith('/') && !url.startsWith('//')) parsed = new URL(url, placeholderBase)
    else {
      parsed = new URL(url)
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined
    }
  } catch {
    return undefined
  }
  const path = parsed.pathname
  const query = parsed.search.slice(1)
  const pathBytes = percentDecode(path)
  const decodedPath = utf8(pathBytes)
  const base = decodedPath === undefined ? upperEscapes(path) : decodedPath
  return {path, query, pathBytes, decodedPath, key: query ? base + '?' + query : base}
}

/**
 * Decode every valid `%XX` escape of `value` to its byte; other characters
 * become their UTF-8 bytes (an invalid escape such as `%zz` stays as is,
 * as servers leave it).
 */
export function percentDecode(value: string): Uint8Array {
  const source = Buffer.from(value, 'utf8')
  if (!source.includes(0x25)) return source
  const bytes = Buffer.allocUnsafe(source.length)
  let length = 0
  for (let index = 0; index < source.length; index++) {
    const high = index + 2 < source.length && source[index] === 0x25 ? hexValue(source[index + 1]) : -1
    const low = high === -1 ? -1 : hexValue(source[index + 2])
    if (low === -1) bytes[length++] = source[index]
    else {
      bytes[length++] = high * 16 + low
      index += 2
    }
  }
  return bytes.subarray(0, length)
}

/** Value of an ASCII hex digit, or `-1`. */
function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30
  const lower = code | 0x20
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1
}

const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/** Bytes as UTF-8 text, or `undefined` when they are not valid UTF-8. */
export function utf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes)
  } catch {
    return undefined
  }
}

/** Upper-case the hex digits of every `%xx` escape (RFC 3986 §2.1 normalisation). */
export function upperEscapes(value: string): string {
  return value.replace(/%[\da-f]{2}/gi, (escape) => escape.toUpperCase())
}

/** Characters a target path keeps raw: RFC 3986 unreserved characters and `/`. */
const plain = /[A-Za-z\d\-._~/]/

/**
 * A new-site address as a redirect target every server format can hold:
 * a path (`/posts/新/`, `/a b/`, `/posts/%E6%96%B0/`) or an absolute `http(s)`
 * URL, with every byte outside the unreserved characters and `/`
 * percent-encoded (existing escapes kept, in upper case). The result is
 * ASCII without spaces, quotes, `$`, `{`, `}`, `;`, `\` or `#`, so it needs
 * no further escaping in any configuration file. Throws an `Error` for a
 * value that is neither a path nor an `http(s)` URL, or that has a query
 * or fragment.
 */
export function encodeTarget(target: string): string {
  let url: URL
  try {
    url = target.startsWith('/') && !target.startsWith('//') ? new URL(target, placeholderBase) : new URL(target)
  } catch {
    throw new Error('Invalid redirect target `' + target + '`: expected a path starting with `/` or an http(s) URL')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('Invalid redirect target `' + target + '`: expected an http(s) URL')
  if (/[?#]/.test(url.href.slice(url.origin.length))) throw new Error('Invalid redirect target `' + target + '`: a target has no query or fragment')
  const origin = url.href.startsWith(placeholderBase) ? '' : url.origin
  // The WHATWG serialisation is ASCII: non-ASCII is percent-encoded already.
  const pathname = url.pathname
  let path = ''
  for (let index = 0; index < pathname.length; index++) {
    const character = pathname[index]
    if (character === '%' && hexValue(pathname.charCodeAt(index + 1)) !== -1 && hexValue(pathname.charCodeAt(index + 2)) !== -1) {
      path += pathname.slice(index, index + 3).toUpperCase()
      index += 2
    } else path += plain.test(character) ? character : '%' + hexByte(pathname.charCodeAt(index))
  }
  return origin + path
}

/** `%XX` for one byte. */
export function hexByte(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0')
}
