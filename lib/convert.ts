import rehypeRemark from 'rehype-remark'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import stringWidth from 'string-width'
import type {Options as StringifyOptions} from 'remark-stringify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {destinationHandlers} from './util/destination-ampersands.js'
import {rehypeParseSafe} from './input/rehype-parse-safe.js'
import {rehypeNewsArticle} from './plugins/rehype-news-article.js'
import {remarkArticleFrontmatter} from './plugins/remark-article-frontmatter.js'
import {remarkCjkEmphasis} from './plugins/remark-cjk-emphasis.js'
import type {Options} from './types.js'
import {listItem} from './util/list-item-handler.js'

/** Options of `convert`: those of the processor plus per-file ones. */
export interface ConvertOptions extends Options {
  /** File path, for messages (default: none). */
  path?: string | null | undefined
}

/** Serialisation settings `seed.expected.md` and the tests depend on. */
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
  // `&amp;`, not `\&`, in URLs: kramdown (Jekyll) has no `\&` escape.
  handlers: destinationHandlers
}

/**
 * Create the whole chain: read and parse HTML (a string, or bytes whose
 * charset is sniffed; with the limits and deep-nesting safety of
 * `convert()`: `rehypeParseSafe`), pick the profile and the article root,
 * extract metadata, remove promos, keep related lists, normalise media,
 * turn hast into mdast, fix CJK emphasis, add the frontmatter and
 * serialise. Freeze it and reuse it across files.
 */
export function createProcessor(options?: Readonly<Options> | null | undefined) {
  const settings = options || {}
  return unified()
    .use(rehypeParseSafe, settings)
    .use(rehypeNewsArticle, settings)
    .use(rehypeRemark, {handlers: {li: listItem}})
    .use(remarkGfm, {stringLength: stringWidth})
    .use(remarkCjkEmphasis)
    .use(remarkArticleFrontmatter, settings)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkStringify, stringifyOptions)
}

type NewsProcessor = ReturnType<typeof createProcessor>

const cache = new Map<string, NewsProcessor>()

/**
 * Convert one news page (a string, or bytes whose charset is sniffed) to
 * Markdown with YAML frontmatter. Resolves to a VFile: `String(file)` is
 * the Markdown, `file.data.article` the metadata, `file.messages` the
 * warnings. Rejects with a fatal message for input that is not a page.
 */
export async function convert(input: string | Uint8Array, options?: Readonly<ConvertOptions> | null | undefined): Promise<VFile> {
  const settings = options || {}
  const file = new VFile({path: settings.path || undefined, value: input})
  file.data.pageUrl = settings.url || undefined
  return processorFor(settings).process(file)
}

function processorFor(options: Readonly<ConvertOptions>): NewsProcessor {
  const {url, path, ...rest} = options
  const key = JSON.stringify(rest)
  let processor = cache.get(key)
  if (!processor) {
    processor = createProcessor(rest).freeze()
    if (cache.size > 32) cache.clear()
    cache.set(key, processor)
  }
  return processor
}
