/**
 * Keep Hugo from reading its own syntax in an article's Markdown.
 *
 * Hugo reads the content file before Goldmark does, as plain text: every
 * `{{<` and `{{%` is a shortcode call (an unknown name stops the whole
 * build: “template for shortcode … not found”; a known one runs: `gist`
 * loads a remote script), in paragraphs, link text, URLs and code alike
 * (gohugoio/hugo#3111, #9429); the first `<!--more-->` is the summary
 * divider, cut out of the page even inside code. Goldmark then reads
 * `{…}` at the end of a heading as attributes (`{style=…}` reaches the
 * HTML; Hugo's default `markup.goldmark.parser.attribute.title`), `{…}` on
 * the line after a block as block attributes when a site turns them on,
 * and a line starting with `: ` after a paragraph as a definition list.
 *
 * Outside code a backslash escape does it and reads the same (`{\{<`,
 * `\<!\--more-->`, `\{`, `\:`). Code has no escapes, so a shortcode quoted
 * in code is written in Hugo's own comment form, which Hugo prints as the
 * original text (`{{</* x *\/>}}` → `{{< x >}}`, gohugoio/hugo docs,
 * “Shortcodes: comments”); a `{{<` or `{{%` with no closing delimiter and a
 * `<!--more-->` in code get a zero-width space (U+200B) after their first
 * characters instead: nothing else keeps Hugo from reading them.
 *
 * @module
 */
import type {Root} from 'mdast'
import type {Unsafe} from 'mdast-util-to-markdown'
import {visit} from 'unist-util-visit'
import {hasInvisible, removeInvisible} from './body-invisible.js'
import {restringify} from './body-restringify.js'
import type {Dialect} from './body-restringify.js'

/** Zero-width space: invisible, keeps Hugo from seeing `{{<` or `<!--more-->` where no escape works. */
export const zeroWidthSpace = '\u200B'

/**
 * Patterns `mdast-util-to-markdown` escapes for Hugo, in addition to its
 * own and to `convert()`'s shortcode escape (`{\{<`, `shortcodeUnsafe`).
 * The summary-divider pattern applies in every construct (text, link text,
 * destinations, titles), as Hugo reads the raw file.
 */
export const hugoUnsafe: Array<Unsafe> = [
  // `<!--more-->` (`<` is already escaped, which Hugo does not mind).
  {character: '-', before: '<!', after: '-more-->'},
  // Goldmark heading attributes `## Title {#id style=…}`.
  {character: '{', inConstruct: ['headingAtx', 'headingSetext']},
  // Goldmark block attributes on the line after a block.
  {atBreak: true, character: '{'},
  // Definition lists (Hugo's default `extensions.definitionList`).
  {atBreak: true, character: ':', after: '[ \\t]'}
]

const dialect: Dialect = {unsafe: hugoUnsafe}

/** A quick test: Markdown without any of these needs no escaping. */
const trigger = /\{|<!--more-->|^[\t >*+\-.)\d]*:/m

/** What `escapeHugo` did. */
export interface HugoEscapes {
  /** Zero-width spaces put into code (`zero-width-space` warning). */
  zeroWidth: number
  /** Control characters removed (`body-invisible.ts`). */
  removed: number
}

/**
 * Neutralise Hugo's syntax in a code value (inline code, code block): each
 * `{{< … >}}` / `{{% … %}}` becomes Hugo's comment form, which Hugo prints
 * as the original text; an unclosed `{{<`/`{{%` and `<!--more-->` get a
 * zero-width space after their first two characters.
 */
export function neutraliseShortcodes(value: string): {value: string; zeroWidth: number} {
  if (!value.includes('{{') && !value.includes('<!--more-->')) return {value, zeroWidth: 0}
  const pattern = /\{\{([<%])|<!--more-->/g
  let result = ''
  let start = 0
  let zeroWidth = 0
  let match: RegExpExecArray | null
  while ((match = pattern.exec(value))) {
    result += value.slice(start, match.index)
    const delimiter = match[1]
    if (delimiter) {
      const close = (delimiter === '<' ? '>' : '%') + '}}'
      const end = value.indexOf(close, match.index + 3)
      if (end === -1) {
        result += '{{' + zeroWidthSpace + delimiter
        start = match.index + 3
        zeroWidth++
      } else {
        // Hugo's lexer prints everything between `/*` and the first `*/` + closing delimiter.
        result += '{{' + delimiter + '/*' + value.slice(match.index + 3, end) + '*/' + close
        start = end + 3
      }
    } else {
      result += '<!' + zeroWidthSpace + '--more-->'
      start = match.index + match[0].length
      zeroWidth++
    }
    pattern.lastIndex = start
  }
  return {value: result + value.slice(start), zeroWidth}
}

/**
 * What Hugo prints for a shortcode in its comment form: the text between
 * `{{</*` and the first `*\/>}}` (or `{{%/*` and `*\/%}}`) between the
 * delimiters, as Hugo's lexer does (`lexShortcodeComment`). For checks.
 */
export function printComments(value: string): string {
  return value.replace(/\{\{<\/\*([\s\S]*?)\*\/>\}\}|\{\{%\/\*([\s\S]*?)\*\/%\}\}/g, (_, angle?: string, percent?: string) => (angle === undefined ? '{{%' + percent + '%}}' : '{{<' + angle + '>}}'))
}

/**
 * Escape Hugo's syntax in Markdown written by `convert()` (see the module
 * docs) and remove control characters Markdown readers disagree about
 * (`body-invisible.ts`); the text reads the same in the built page.
 * Returns the Markdown unchanged when it has nothing Hugo would read.
 */
export function escapeHugo(markdown: string): {markdown: string} & HugoEscapes {
  if (!trigger.test(markdown) && !hasInvisible(markdown)) return {markdown, zeroWidth: 0, removed: 0}
  let zeroWidth = 0
  let removed = 0
  const result = restringify(markdown, dialect, function (tree: Root) {
    removed = removeInvisible(tree)
    visit(tree, function (node) {
      if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') {
        const code = neutraliseShortcodes(node.value)
        node.value = code.value
        zeroWidth += code.zeroWidth
      }
    })
  })
  return {markdown: result, zeroWidth, removed}
}
