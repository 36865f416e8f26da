import rehypeRemark from 'rehype-remark'
import type {Options as RehypeRemarkOptions} from 'rehype-remark'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import type {Options as RemarkGfmOptions} from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import type {Options as StringifyOptions} from 'remark-stringify'
import stringWidth from 'string-width'
import type {Preset} from 'unified'
import {rehypeParseSafe} from './input/rehype-parse-safe.js'
import {rehypeNewsArticle} from './plugins/rehype-news-article.js'
import {footnoteHandlers} from './plugins/rehype-footnotes.js'
import {remarkArticleFrontmatter} from './plugins/remark-article-frontmatter.js'
import {remarkCjkEmphasis} from './plugins/remark-cjk-emphasis.js'
import {remarkVerdict} from './verdict/index.js'
import type {Options} from './types.js'
import {definitionList} from './util/definition-list-handler.js'
import {destinationHandlers} from './util/destination-ampersands.js'
import {listItem} from './util/list-item-handler.js'
import {shortcodeUnsafe} from './util/shortcode-unsafe.js'
import {table} from './util/table-caption-handler.js'
import {tableCell} from './util/table-cell-handler.js'
import {textHandler} from './util/text-handler.js'

/**
 * Serialisation settings `seed.expected.md` and the tests depend on. Hugo
 * shortcodes quoted in text are escaped (`{\{<`, `lib/util/shortcode-unsafe.ts`);
 * text that needs no escape skips the escaping pass (`lib/util/text-handler.ts`).
 */
export const stringifyOptions: Readonly<StringifyOptions> = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
  resourceLink: false,
  unsafe: shortcodeUnsafe,
  // `&amp;`, not `\&`, in URLs: kramdown (Jekyll) has no `\&` escape.
  // Text that needs no escape is written without `state.safe` (`util/text-handler.ts`).
  handlers: {...destinationHandlers, text: textHandler}
}

/**
 * Options of `rehype-remark` in the chain: the handlers of list items
 * (`lib/util/list-item-handler.ts`), definition lists
 * (`lib/util/definition-list-handler.ts`), tables with captions and their cells,
 * and footnotes (`rehypeFootnotes`' references and list).
 */
export const rehypeRemarkOptions: Readonly<RehypeRemarkOptions> = {handlers: {dl: definitionList, li: listItem, table, td: tableCell, th: tableCell, ...footnoteHandlers}}

/** Options of `remark-gfm` in the chain: table cells measured in display columns (`string-width`: a CJK character is two), so columns line up in an editor. */
export const remarkGfmOptions: Readonly<RemarkGfmOptions> = {stringLength: stringWidth}

/**
 * The whole chain as a unified preset, each stage with its own options
 * taken from `options`: `rehypeParseSafe` (input: decoding, limits,
 * deep-safe parsing), `rehypeNewsArticle` (the hast stage), `rehype-remark`
 * (with `rehypeRemarkOptions`), `remark-gfm` (with `remarkGfmOptions`),
 * `remarkCjkEmphasis`, `remarkArticleFrontmatter`, `remarkVerdict`,
 * `remark-frontmatter` and `remark-stringify` (with `stringifyOptions`). `createProcessor(options)` is
 * `unified().use(newsMarkdownPreset(options))`.
 */
export function newsMarkdownPreset(options?: Readonly<Options> | null | undefined): Preset {
  const settings = options || {}
  return {
    plugins: [
      [rehypeParseSafe, settings],
      [rehypeNewsArticle, settings],
      [rehypeRemark, rehypeRemarkOptions],
      [remarkGfm, remarkGfmOptions],
      remarkCjkEmphasis,
      [remarkArticleFrontmatter, settings],
      remarkVerdict,
      [remarkFrontmatter, ['yaml']],
      [remarkStringify, stringifyOptions]
    ]
  }
}
