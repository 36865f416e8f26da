import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import stringWidth from 'string-width'
import type {Options as StringifyOptions} from 'remark-stringify'
import {unified} from 'unified'
import type {Processor} from 'unified'
import {VFile} from 'vfile'
import {decodeHtml, looksBinary} from './decode.js'
import {destinationHandlers} from './util/destination-ampersands.js'
import {report} from './messages.js'
import {countElements, countNodes, hasMarkup, parseDeepHtml} from './parse-deep-html.js'
import {rehypeNewsArticle} from './plugins/rehype-news-article.js'
import {remarkArticleFrontmatter} from './plugins/remark-article-frontmatter.js'
import {remarkCjkEmphasis} from './plugins/remark-cjk-emphasis.js'
import {remarkVerdict} from './verdict/index.js'
import type {Options} from './types.js'
import {listItem} from './util/list-item-handler.js'
import {shortcodeUnsafe} from './util/shortcode-unsafe.js'

/** Options of `convert`: those of the processor plus per-file ones. */
export interface ConvertOptions extends Options {
  /** File path, for messages (default: none). */
  path?: string | null | undefined
}

/**
 * Serialisation settings `seed.expected.md` and the tests depend on. Hugo
 * shortcodes quoted in text are escaped (`{\{<`, `lib/util/shortcode-unsafe.ts`).
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
  handlers: destinationHandlers
}

const defaultMaxSize = 50 * 1024 * 1024
const defaultMaxElements = 300_000
const defaultMaxNodes = 1_500_000

/**
 * Create the whole chain: parse HTML, pick the profile and the article
 * root, extract metadata, remove promos, keep related lists, normalise
 * media, turn hast into mdast, fix CJK emphasis, add the frontmatter and
 * serialise. Freeze it and reuse it across files.
 */
export function createProcessor(options?: Readonly<Options> | null | undefined) {
  const settings = options || {}
  return unified()
    .use(rehypeParse)
    .use(rehypeNewsArticle, settings)
    .use(rehypeRemark, {handlers: {li: listItem}})
    .use(remarkGfm, {stringLength: stringWidth})
    .use(remarkCjkEmphasis)
    .use(remarkArticleFrontmatter, settings)
    .use(remarkVerdict)
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
  const file = new VFile({path: settings.path || undefined})
  const maxSize = settings.maxSize ?? defaultMaxSize
  if (typeof input === 'string') {
    if (input.length > maxSize) report(file, 'too-large', 'Input is ' + input.length + ' characters, more than `maxSize` (' + maxSize + ')')
    file.value = input
  } else {
    if (input.byteLength > maxSize) report(file, 'too-large', 'Input is ' + input.byteLength + ' bytes, more than `maxSize` (' + maxSize + ')')
    if (looksBinary(input)) report(file, 'not-html', 'Input is not an HTML page: it looks like a binary file')
    const decoded = decodeHtml(input, {encoding: settings.encoding})
    file.value = decoded.value
    file.data.encoding = decoded.encoding
    for (const warning of decoded.warnings) report(file, warning.ruleId, warning.reason)
  }
  if (!String(file.value).trim()) report(file, 'not-html', 'Input is not an HTML page: it is empty')
  if (!hasMarkup(String(file.value))) report(file, 'not-html', 'Input is not an HTML page: it has no markup (plain text?)')
  const maxElements = settings.maxElements ?? defaultMaxElements
  const elements = countElements(String(file.value))
  if (elements > maxElements) report(file, 'too-large', 'Input has ' + elements + ' elements, more than `maxElements` (' + maxElements + ')')
  const maxNodes = settings.maxNodes ?? defaultMaxNodes
  const nodes = countNodes(String(file.value), maxNodes)
  if (nodes > maxNodes) report(file, 'too-large', 'Input has more than ' + maxNodes + ' nodes (elements, text and comments), more than `maxNodes`')
  const processor = processorFor(settings)
  file.data.pageUrl = settings.url || undefined
  // Parse iteratively and flatten what nests deeper than the recursive
  // stages can take (the same tree as `rehype-parse` for every other page).
  const tree = await processor.run(parseDeepHtml(String(file.value), file), file)
  file.value = processor.stringify(tree, file) as string
  return file
}

function processorFor(options: Readonly<ConvertOptions>): Processor<any, any, any, any, any> {
  const {url, path, maxSize, maxElements, maxNodes, encoding, ...rest} = options
  const key = JSON.stringify(rest)
  let processor = cache.get(key)
  if (!processor) {
    processor = createProcessor(rest).freeze()
    if (cache.size > 32) cache.clear()
    cache.set(key, processor)
  }
  return processor
}
