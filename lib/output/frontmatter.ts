/**
 * The one frontmatter writer: the data a page's frontmatter carries
 * (`frontmatterData`), its YAML (`stringifyFrontmatter`) and the fenced
 * block (`fenceFrontmatter`, `withFrontmatter`). `remarkArticleFrontmatter`
 * (the library), `renderPage` (every layout) and `news-markdown merge` all
 * write through it.
 *
 * @module
 */
import YAML from 'yaml'
import type {ArticleMeta, RelatedArticle} from '../types.js'
import {escapeForYaml, needsEscape} from '../util/yaml-text.js'

/** Options for `remarkArticleFrontmatter` and the frontmatter of `renderPage`. */
export interface FrontmatterOptions {
  /** Also write `related: [{title, url}]` from `file.data.related` (default: `false`). */
  relatedFrontmatter?: boolean | null | undefined
  /** Extra keys, written after the standard ones (default: none). */
  extraFrontmatter?: Readonly<Record<string, unknown>> | null | undefined
  /** Write the frontmatter (default: `true`); `false` leaves the tree as it is. */
  frontmatter?: boolean | null | undefined
}

const emptyOptions: Readonly<FrontmatterOptions> = {}

/** Standard keys, in the order they are written. */
export const frontmatterKeys = ['title', 'date', 'source', 'author', 'tags', 'url'] as const satisfies ReadonlyArray<keyof ArticleMeta>

/**
 * The frontmatter data of a page: the standard keys of `article` that have
 * a value (absent, empty strings and empty lists are left out), `related`
 * when `relatedFrontmatter` asks for it, then `extraFrontmatter` (keys the
 * article already has are not replaced; `null` and `undefined` are left out).
 */
export function frontmatterData(
  article: Readonly<ArticleMeta>,
  related: ReadonlyArray<RelatedArticle> | undefined,
  options?: Readonly<FrontmatterOptions> | null | undefined
): Record<string, unknown> {
  const settings = options || emptyOptions
  const data: Record<string, unknown> = {}
  for (const key of frontmatterKeys) {
    const value = article[key]
    if (Array.isArray(value) ? value.length > 0 : value) data[key] = value
  }
  if (settings.relatedFrontmatter && related && related.length > 0) {
    data.related = related.map((entry) => ({title: entry.title, url: entry.url}))
  }
  for (const [key, value] of Object.entries(settings.extraFrontmatter || {})) {
    if (value !== undefined && value !== null && !(key in data)) data[key] = value
  }
  return data
}

/**
 * `data` as a frontmatter block: `---`, the YAML, `---`, each on its own
 * line (ending with `\n`).
 */
export function fenceFrontmatter(data: Readonly<Record<string, unknown>>): string {
  return '---\n' + stringifyFrontmatter(data) + '---\n'
}

/**
 * A page: `body` under the frontmatter block of `data` and a blank line
 * (as `remark-stringify` writes a `yaml` node); `body` alone when `data`
 * has no key.
 */
export function withFrontmatter(data: Readonly<Record<string, unknown>>, body: string): string {
  return Object.keys(data).length === 0 ? body : fenceFrontmatter(data) + (body ? '\n' + body : '')
}

/** Keys whose ISO date values stay plain, so generators read them as dates. */
const dateKeys = new Set(['date', 'pubDate'])

/**
 * Serialise frontmatter data as YAML (ending with `\n`, as
 * `YAML.stringify`) that every reader gives back as the same strings: YAML
 * 1.2 readers (`yaml`), and YAML 1.1 readers (Ruby's Psych in Jekyll, Go's
 * yaml.v2 in older Hugo, js-yaml's timestamps in Eleventy and Astro), which
 * read plain `yes`, `on`, `no`, `y`, `1:30`, `1_000`, `0b101` or
 * `2020-01-01` as booleans, numbers and dates. Such strings are
 * double-quoted; everything else is written as `yaml` writes it by default.
 * Top-level `date` and `pubDate` stay plain on purpose.
 *
 * Strings with characters outside YAML's printable set (DEL, C1 controls,
 * U+FFFE, U+FFFF) or with NEL, LS or PS (line breaks in YAML 1.1 only) are
 * double-quoted with those characters escaped (`lib/util/yaml-text.ts`),
 * and lone surrogates become U+FFFD, so no value can make a reader refuse
 * the document.
 *
 * The `yaml` library writes the document (`stringifyFrontmatterWithYaml`);
 * data made only of plain scalars (strings `yaml` writes unquoted, booleans)
 * in a flat map, lists of them and lists of flat maps of them is written
 * directly, byte for byte as `yaml` writes it (`test/frontmatter.ts`
 * compares the two on random data).
 */
export function stringifyFrontmatter(data: Readonly<Record<string, unknown>>): string {
  return stringifyPlainFrontmatter(data) ?? stringifyFrontmatterWithYaml(data)
}

/** `stringifyFrontmatter` through the `yaml` library alone: the reference. */
export function stringifyFrontmatterWithYaml(data: Readonly<Record<string, unknown>>): string {
  const document = new YAML.Document(data, {aliasDuplicateObjects: false})
  let escaped = false
  YAML.visit(document, {
    Scalar(key, node, path) {
      if (typeof node.value !== 'string') return
      if (needsEscape(node.value)) {
        node.value = node.value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
        node.type = 'QUOTE_DOUBLE'
        escaped = true
        return
      }
      if (!ambiguousIn11(node.value)) return
      const parent = path[path.length - 1]
      const topLevel = path.length === 3 && YAML.isPair(parent) && key === 'value'
      if (topLevel && YAML.isScalar(parent.key) && dateKeys.has(String(parent.key.value))) return
      node.type = 'QUOTE_DOUBLE'
    }
  })
  const text = document.toString({lineWidth: 0})
  return escaped ? escapeForYaml(text) : text
}

/**
 * Characters of every YAML 1.1 plain scalar that is not a string (booleans,
 * null, numbers in any base or with `_`, sexagesimals, `.inf`, timestamps,
 * `=`, `<<`): a value with any other character is a string in both.
 */
const scalar11 = /^[\w:.+\-~=< \t]+$/

/** A one-line string YAML 1.2 reads back as itself when plain, but YAML 1.1 does not. */
function ambiguousIn11(value: string): boolean {
  if (!scalar11.test(value)) return false
  try {
    return YAML.parse(value, {logLevel: 'silent'}) === value && YAML.parse(value, {version: '1.1', logLevel: 'silent'}) !== value
  } catch {
    return false
  }
}

/**
 * What `yaml` never writes plain (its `plainString`, yaml 2.x): a start
 * with an indicator, space or tab (`-`, `?` alone or before a blank), `: `
 * or ` #` inside, a blank or `:` at the end, a document marker (`%`,
 * `---`, `...`) at the start; line breaks, tabs, controls (double-quoted),
 * lone surrogates and what `needsEscape` finds are left to `yaml` too.
 */
const notPlain =
  /^[\s,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-]\s|:\s|\s#|[\s:]$|^(?:---|\.\.\.)|[\0-\x1F\x7F-\x9F\u2028\u2029\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** A key written plain: a name, not one a YAML reader takes for another type. */
const plainKey = /^[A-Za-z_][\w-]*$/

/** Keys and values seen that are made of `scalar11`'s characters, and whether they are written plain. */
const plainCache = new Map<string, boolean>()
const dateCache = new Map<string, boolean>()

/**
 * Whether `yaml` writes `value` plain in block context, and
 * `stringifyFrontmatterWithYaml` leaves it so: not `notPlain`, and, made of
 * `scalar11`'s characters, read back as itself by YAML 1.2 (so no tag of
 * the core schema matches it) and, unless a top-level date, by YAML 1.1.
 */
function isPlain(value: string, date: boolean): boolean {
  if (value === '' || notPlain.test(value)) return false
  if (!scalar11.test(value)) return true
  const cache = date ? dateCache : plainCache
  let plain = cache.get(value)
  if (plain === undefined) {
    try {
      plain = YAML.parse(value, {logLevel: 'silent'}) === value && (date || YAML.parse(value, {version: '1.1', logLevel: 'silent'}) === value)
    } catch {
      plain = false
    }
    if (cache.size > 1000) cache.clear()
    cache.set(value, plain)
  }
  return plain
}

function scalar(value: unknown, date: boolean): string | undefined {
  if (typeof value === 'boolean') return String(value)
  return typeof value === 'string' && isPlain(value, date) ? value : undefined
}

function key(name: string): boolean {
  return plainKey.test(name) && isPlain(name, false)
}

/**
 * `data` written directly when it holds only plain scalars (see
 * `stringifyFrontmatter`), else `undefined` (exported for its fuzz test and
 * benchmark).
 */
export function stringifyPlainFrontmatter(data: Readonly<Record<string, unknown>>): string | undefined {
  let text = ''
  for (const name in data) {
    if (!Object.hasOwn(data, name) || !key(name)) return undefined
    const value = data[name]
    if (!Array.isArray(value)) {
      const plain = scalar(value, dateKeys.has(name))
      if (plain === undefined) return undefined
      text += name + ': ' + plain + '\n'
      continue
    }
    if (value.length === 0) return undefined
    text += name + ':\n'
    for (const item of value as Array<unknown>) {
      if (item === null || typeof item !== 'object') {
        const plain = scalar(item, false)
        if (plain === undefined) return undefined
        text += '  - ' + plain + '\n'
        continue
      }
      if (Array.isArray(item) || Object.getPrototypeOf(item) !== Object.prototype) return undefined
      let prefix = '  - '
      for (const field in item) {
        if (!Object.hasOwn(item, field) || !key(field)) return undefined
        const plain = scalar((item as Record<string, unknown>)[field], false)
        if (plain === undefined) return undefined
        text += prefix + field + ': ' + plain + '\n'
        prefix = '    '
      }
      if (prefix === '  - ') return undefined
    }
  }
  return text === '' ? undefined : text
}
