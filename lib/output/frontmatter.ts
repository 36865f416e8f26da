import YAML from 'yaml'
import {escapeForYaml, needsEscape} from '../util/yaml-text.js'

/** Keys whose ISO date values stay plain, so generators read them as dates. */
const dateKeys = new Set(['date', 'pubDate'])

/**
 * Serialise frontmatter data as YAML (no trailing newline handling: as
 * `YAML.stringify`, ending with `\n`) that every reader gives back as the
 * same strings: YAML 1.2 readers (`yaml`), and YAML 1.1 readers (Ruby's
 * Psych in Jekyll, Go's yaml.v2 in older Hugo, js-yaml's timestamps in
 * Eleventy and Astro), which read plain `yes`, `on`, `no`, `y`, `1:30`,
 * `1_000`, `0b101` or `2020-01-01` as booleans, numbers and dates. Such
 * strings are double-quoted; everything else is written as `yaml` writes
 * it by default. Top-level `date` and `pubDate` stay plain on purpose.
 *
 * Strings with characters outside YAML's printable set (DEL, C1 controls,
 * U+FFFE, U+FFFF) or with NEL, LS or PS (line breaks in YAML 1.1 only) are
 * double-quoted with those characters escaped (`lib/util/yaml-text.ts`),
 * and lone surrogates become U+FFFD, so no value can make a reader refuse
 * the document.
 */
export function stringifyFrontmatter(data: Readonly<Record<string, unknown>>): string {
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
