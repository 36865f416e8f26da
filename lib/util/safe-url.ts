/** URL schemes that are safe to publish. */
const safeProtocols = new Set(['http:', 'https:', 'mailto:', 'ftp:', 'tel:'])

/**
 * Resolve `value` against `base` and return it when its scheme is safe
 * (`http`, `https`, `mailto`, `ftp`, `tel`, and `data:image/*` when
 * `allowDataImages`); `undefined` for `javascript:`, `vbscript:`, `data:`
 * and anything unparseable. Entity-decoded input is expected (the HTML
 * parser has decoded `jav&#x61;script:` already); control characters and
 * white space inside the scheme are removed first, as browsers do. Without
 * a base, a protocol-relative URL becomes `https:` and a relative one stays
 * as written.
 */
export function safeUrl(value: string, base: string | undefined, allowDataImages = false): string | undefined {
  const cleaned = value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, (match, offset: number) => (offset === 0 ? '' : match)).trim()
  if (!cleaned || cleaned.startsWith('#')) return cleaned.startsWith('#') && cleaned.length > 1 ? cleaned : undefined
  const scheme = /^([^:/?#]+):/.exec(cleaned.replace(/[\t\n\r]/g, ''))
  if (scheme) {
    const name = scheme[1].toLowerCase() + ':'
    if (name === 'data:') return allowDataImages && /^data:image\/(png|gif|jpe?g|webp|avif);/i.test(cleaned) ? cleaned : undefined
    if (!safeProtocols.has(name)) return undefined
  }
  try {
    // A protocol-relative URL (`//cdn.example/a.jpg`) with no base is taken as `https:`.
    const url = base ? new URL(cleaned, base) : new URL(cleaned.startsWith('//') ? 'https:' + cleaned : cleaned)
    return safeProtocols.has(url.protocol) ? url.href : undefined
  } catch {
    // A relative URL with no base stays as written.
    return scheme ? undefined : cleaned
  }
}

/**
 * A `file:` URL, normalised (`undefined` for anything else). Never
 * publishable, but it names a file beside a saved page that the CLI's
 * `--images copy` can copy (`allowFileImages`).
 */
export function fileUrl(value: string): string | undefined {
  const trimmed = value.trim()
  return /^file:/i.test(trimmed) && URL.canParse(trimmed) ? new URL(trimmed).href : undefined
}
