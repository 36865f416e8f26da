import {unified} from 'unified'
import {VFile} from 'vfile'
import type {ArticleImage} from './images/collect.js'
import {newsMarkdownPreset} from './preset.js'
import type {ArticleMeta, Options, Verdict} from './types.js'

/** Options of `convert`: those of the processor plus per-file ones. */
export interface ConvertOptions extends Options {
  /** File path, for messages (default: none). */
  path?: string | null | undefined
}

/**
 * Create the whole chain (`newsMarkdownPreset`): read and parse HTML (a
 * string, or bytes whose charset is sniffed; with the limits and
 * deep-nesting safety of `convert()`), pick the profile and the article
 * root, extract metadata, remove promos, keep related lists, normalise
 * media, turn hast into mdast, fix CJK emphasis, add the frontmatter and
 * serialise. Freeze it and reuse it across files.
 */
export function createProcessor(options?: Readonly<Options> | null | undefined) {
  return unified().use(newsMarkdownPreset(options))
}

type NewsProcessor = ReturnType<typeof createProcessor>

const cache = new Map<string, NewsProcessor>()

/**
 * The file `convert()` resolves to: a `VFile` whose `data` holds what the
 * whole chain stores on every page it converts (a page it cannot convert
 * rejects instead): `article` (`rehypeExtractMeta`), `images`
 * (`rehypeNewsArticle`'s last walk; `[]` when there are none) and
 * `verdict` (`remarkVerdict`).
 */
export type ConvertedFile = VFile & {data: {article: ArticleMeta; images: Array<ArticleImage>; verdict: Verdict}}

/**
 * Convert one news page (a string, or bytes whose charset is sniffed) to
 * Markdown with YAML frontmatter. Resolves to a VFile: `String(file)` is
 * the Markdown, `file.data.article` the metadata, `file.messages` the
 * warnings, `file.data.verdict` whether it can be trusted (`ConvertedFile`).
 * Rejects with a fatal message for input that is not a page.
 */
export async function convert(input: string | Uint8Array, options?: Readonly<ConvertOptions> | null | undefined): Promise<ConvertedFile> {
  const settings = options || {}
  const file = new VFile({path: settings.path || undefined, value: input})
  file.data.pageUrl = settings.url || undefined
  // The preset's stages set these data on every file they finish (see `ConvertedFile`).
  return (await processorFor(settings).process(file)) as ConvertedFile
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
