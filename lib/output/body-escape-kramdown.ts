/**
 * Keep kramdown (Jekyll's Markdown reader, with `kramdown-parser-gfm`) from
 * reading its own syntax in an article's Markdown, and from showing the
 * backslash of escapes it does not know.
 *
 * kramdown reads, in text (kramdown 2.4 `parser/kramdown/*.rb`):
 *
 * *   `{:…}` as attribute lists (`*x*{: onmouseover="…"}` puts an event
 *     handler on the element), `{::nomarkdown}…{:/}` and the other
 *     extensions (raw HTML, `<script>` included; `{::comment}` hides text),
 *     `{:ref: …}` definitions, `{:toc}`; `{#id}` at the end of a heading
 * *   `$$…$$` as math, any line with an unescaped `|` as a table row,
 *     `: ` at a line start as a definition, `^` alone on a line as an
 *     end-of-block marker, `<` before any XML name (`<中文 …>`, `<_x …>`) as
 *     HTML
 *
 * and knows fewer backslash escapes than CommonMark (``\ . * _ + ` < > ( )
 * [ ] { } # ! : | " ' $ = - ~``, kramdown-parser-gfm): `\&` and `\@` show
 * their backslash, and link URLs and titles take no escapes at all, so
 * `\(`, `\&` or `\"` there end up in the `href` or `title`.
 *
 * Text gets backslash escapes where kramdown has them (`\{:`, `\$\$`, `\|`,
 * `\:`, `\<`) and numeric character references where it has not (`&#x26;`,
 * `&#x40;`, `&#x5E;`); URLs and titles get character references for every
 * character CommonMark would escape, which kramdown copies into the
 * attribute and the browser decodes. The text reads the same in the built
 * page.
 *
 * @module
 */
import type {Root} from 'mdast'
import type {Handle, Unsafe} from 'mdast-util-to-markdown'
import {defaultHandlers} from 'mdast-util-to-markdown'
import type {ConstructName, SafeConfig, State} from 'mdast-util-to-markdown'
import {hasInvisible, removeInvisible} from './body-invisible.js'
import {restringify} from './body-restringify.js'
import type {Dialect} from './body-restringify.js'

/** Constructs where `mdast-util-to-markdown`'s own phrasing patterns do not apply. */
const fullPhrasingSpans: Array<ConstructName> = ['autolink', 'destinationLiteral', 'destinationRaw', 'reference', 'titleQuote', 'titleApostrophe']
const urlAndTitle: Array<ConstructName> = ['destinationLiteral', 'destinationRaw', 'titleQuote', 'titleApostrophe']

/** Patterns `mdast-util-to-markdown` escapes for kramdown, in addition to its own. */
export const kramdownUnsafe: Array<Unsafe> = [
  // Attribute lists, extensions, definitions `{:`; heading ids `{#`.
  {character: '{', after: '[:#]', inConstruct: 'phrasing', notInConstruct: fullPhrasingSpans},
  // Math `$$`.
  {character: '$', after: '\\$', inConstruct: 'phrasing', notInConstruct: fullPhrasingSpans},
  {character: '$', before: '\\$', inConstruct: 'phrasing', notInConstruct: fullPhrasingSpans},
  // Table rows: a pipe anywhere on the line, also in a URL or title.
  {character: '|', inConstruct: 'phrasing', notInConstruct: fullPhrasingSpans},
  {character: '|', inConstruct: urlAndTitle},
  // HTML: `<` before any XML name start character (CommonMark only takes ASCII letters).
  {character: '<', after: '[:_\\p{L}]', unicode: true, inConstruct: 'phrasing', notInConstruct: fullPhrasingSpans},
  // Definition lists.
  {atBreak: true, character: ':', after: '[ \\t]'},
  // End-of-block marker: `^` alone on a line.
  {atBreak: true, character: '^', after: '[ \\t]*(?:[\\r\\n]|$)'}
]

/** Characters kramdown-parser-gfm has no backslash escape for: written as character references in text. */
const textReferences = ['&', '@', '^']
/**
 * kramdown splits a table row into cells reading only code spans, so an
 * escaped backtick (`` \` ``) there opens one: backticks in cells are references.
 */
const cellReferences = [...textReferences, '`']
/** Image alt text is unescaped with kramdown's plain escapes (no `~`) and decodes no references itself. */
const altReferences = ['&', '@', '^', '~']
/** In URLs and titles kramdown takes no escapes: every escaped character becomes a reference. */
const punctuation = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~']

/**
 * The root handler, wrapped so every `state.safe` call during the
 * serialisation writes kramdown's forms (see the module docs).
 */
const root: Handle = function (node: Root, parent, state, info) {
  const safe = state.safe
  state.safe = function (value, config) {
    return safe.call(state, value, withReferences(state, config))
  }
  try {
    return defaultHandlers.root(node, parent, state, info)
  } finally {
    state.safe = safe
  }
}

function withReferences(state: State, config: SafeConfig): SafeConfig {
  const stack = state.stack
  const references = stack.some((name) => urlAndTitle.includes(name))
    ? punctuation
    : stack.includes('image') && stack.includes('label')
      ? altReferences
      : stack.includes('tableCell')
        ? cellReferences
        : textReferences
  return {...config, encode: [...(config.encode || []), ...references]}
}

/**
 * Inline code as kramdown reads it (`parser/kramdown/codespan.rb`): a
 * span ends at the first run of as many backticks as opened it, even
 * inside a longer run, and a single backtick with white space on both
 * sides is a backtick, not code. Code without backticks or outer white
 * space keeps CommonMark's `` `x` ``; other code gets a fence longer than
 * its longest backtick run, padded with a space on each side, which
 * kramdown (two or more backticks) and CommonMark both strip. Pipes are
 * escaped in table cells, as GFM needs (kramdown then shows the
 * backslash: code with a pipe in a table cell is the one case left).
 */
const inlineCode: Handle = function (node, _parent, state) {
  const value = (node as {value: string}).value
  let code: string
  if (value && !value.includes('`') && !/^\s|\s$/.test(value)) code = '`' + value + '`'
  else {
    const longest = Math.max(0, ...(value.match(/`+/g) || []).map((run) => run.length))
    const fence = '`'.repeat(Math.max(2, longest + 1))
    code = fence + ' ' + value + ' ' + fence
  }
  return state.stack.includes('tableCell') ? code.replace(/\|/g, '\\|') : code
}

const dialect: Dialect = {unsafe: kramdownUnsafe, handlers: {root, inlineCode}}

/** A quick test: Markdown without any of these needs no escaping. */
const trigger = /[{$|&@^<`]|\\[@&]|^[\t >*+\-.)\d]*:|\]\(/m

/**
 * Escape kramdown's syntax in Markdown written by `convert()` (see the
 * module docs) and remove control characters Markdown readers disagree
 * about (`body-invisible.ts`); the text reads the same in the built
 * page. Returns the Markdown unchanged when it has nothing kramdown would
 * read differently.
 */
export function escapeKramdown(markdown: string): {markdown: string; removed: number} {
  if (!trigger.test(markdown) && !hasInvisible(markdown)) return {markdown, removed: 0}
  let removed = 0
  const result = restringify(markdown, dialect, (tree) => {
    removed = removeInvisible(tree)
  })
  return {markdown: result, removed}
}
