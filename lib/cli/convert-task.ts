import fs from 'node:fs'
import path from 'node:path'
import {convert} from '../convert.js'
import type {ConvertOptions} from '../convert.js'
import {aliasGenerator, aliasPath} from '../output/alias-path.js'
import type {AliasOptions} from '../output/alias-path.js'
import {sha256} from './hash.js'
import {stamp} from './manifest.js'
import type {LayoutName, Placement} from '../output/layouts.js'
import {renderPage} from '../output/render-page.js'
import {astroLinkReason, linkRelativeImages} from '../output/body-astro-images.js'
import {report} from '../messages.js'
import {pagePath} from '../images/placement.js'
import type {ImageMode} from '../images/placement.js'
import {imageSpans} from '../images/rewrite.js'
import type {ImageSpan} from '../images/rewrite.js'
import {pageImages} from '../images/stage.js'
import type {PageImage} from '../images/stage.js'
import {reportArticle} from './report.js'
import type {SlugSource} from '../output/slug.js'
import type {PageFacts} from './report.js'
import {countWords} from './word-count.js'
import {frontmatterTags} from '../output/frontmatter-tags.js'

/**
 * A page to convert (structured-cloneable, for worker threads): the task
 * reads, converts, lays out and hashes it, so the thread that commits the
 * results only names and writes files.
 */
export interface Task {
  /** Absolute input path. */
  file: string
  /** Relative input path, for messages and the layout. */
  relative: string
  options: ConvertOptions
  layout: LayoutName
  /** Inputs larger than this many bytes are refused before they are read. */
  maxSize: number
  /** `--images` (default: `keep`): other modes list the page's images and make Hugo and Eleventy pages bundles. */
  images?: ImageMode | undefined
  /** Bounds of the old URL's alias (`hugo`, `jekyll`), or `false` to write none. */
  aliases?: AliasOptions | false | undefined
  /** What slugs are made from (`--slug`, default `url`). */
  slug?: SlugSource | undefined
  /** `--timezone`: IANA zone for dates without an offset (a matched profile's `timezone` comes first). */
  timezone?: string | undefined
  /**
   * Real path of the input tree the file was found in, when links out of it
   * are not followed: what is opened must be inside it (checked on the open
   * file, so a link swapped in after the walk is caught).
   */
  root?: string | undefined
  /** The page itself (stdin), instead of reading `file`. */
  bytes?: Uint8Array | undefined
  /** Shared with the pool: the task writes the time (ms) it starts, for the page timeout. */
  started?: BigInt64Array | undefined
}

/** One message, as plain data. */
export interface TaskMessage {
  ruleId: string | undefined
  reason: string
  line: number | undefined
  column: number | undefined
  /** `true`: fatal; `false`: warning; `undefined`: info (as in vfile). */
  fatal: boolean | undefined
}

/** A converted page (structured-cloneable). */
export interface Converted {
  /** Markdown with the layout's frontmatter. */
  markdown: string
  placement: Placement
  fields: Array<string>
  /** SHA-256 of the input bytes and of `markdown`. */
  inputHash: string
  outputHash: string
  /** The input's `stamp()` when it was read. */
  inputStamp: string
  /** With `--images copy|download`: the page's images, one per Markdown URL, and where their URLs are in `markdown`. */
  images?: Array<PageImage> | undefined
  imageSpans?: Array<ImageSpan> | undefined
  /** Headline fields, words and verdict, for the report. */
  facts: PageFacts
  /** The frontmatter's tags as the page itself gives them (`frontmatterTags`), before the batch's forms (`BatchTags`). */
  tags: Array<string>
  /** The original URL, for aliases and redirect maps; `null` when the page has none. */
  redirect: PageRedirect | null
}

/** What a converted page tells about its old URL. */
export interface PageRedirect {
  /** Original URL (absolute). */
  from: string
  /** The page's date (ISO 8601), for permalinks with `:year`. */
  date?: string | undefined
  /** The alias written in the frontmatter, if any. */
  alias?: string | undefined
  /** Why the layout's alias could not hold the old URL (`aliasPath`), if it could not. */
  aliasReason?: string | undefined
}

/** Result of a task (structured-cloneable). */
export interface TaskResult {
  /** Set when the page was converted. */
  page?: Converted | undefined
  messages: Array<TaskMessage>
  /** The fatal message when the page could not be converted. */
  error?: TaskMessage | undefined
}

/**
 * Convert one page; never rejects for a bad page (too large, unreadable,
 * not a page: the fatal message is returned as `error`). The default
 * export is what `piscina` runs.
 */
export default async function convertTask(task: Task): Promise<TaskResult> {
  if (task.started) Atomics.store(task.started, 0, BigInt(Date.now()))
  let bytes: Uint8Array
  let inputStamp = ''
  if (task.bytes) bytes = task.bytes
  else {
    const read = readInput(task)
    if (!('bytes' in read)) return read
    bytes = read.bytes
    inputStamp = read.stamp
  }
  try {
    // The layout writes the frontmatter: converting without it saves one YAML pass.
    const file = await convert(bytes, {...task.options, frontmatter: false, path: task.relative})
    const rendered = renderPage(file, {
      ...task.options,
      frontmatter: false,
      layout: task.layout,
      relative: task.relative,
      aliases: task.aliases,
      slug: task.slug,
      timezone: task.timezone
    })
    const {placement, fields, article} = rendered
    let markdown = rendered.markdown
    const mode = task.images || 'keep'
    if (task.layout === 'astro' && mode === 'keep') {
      const {markdown: linked, linked: paths} = linkRelativeImages(markdown)
      markdown = linked
      for (const url of paths) {
        report(file, 'astro-relative-image', astroLinkReason(url, 'keep'))
      }
    }
    const generator = aliasGenerator(task.layout)
    let redirect: PageRedirect | null = null
    if (article.url) {
      const alias = generator ? aliasPath(article.url, generator, task.aliases || undefined) : undefined
      redirect = {from: article.url, date: article.date, alias: task.aliases === false ? undefined : alias?.path, aliasReason: alias?.reason}
    }
    const facts: PageFacts = {article: reportArticle(article), words: countWords(String(file)), verdict: file.data.verdict}
    const page: Converted = {markdown, placement, fields, inputHash: sha256(bytes), outputHash: sha256(markdown), inputStamp, facts, redirect, tags: frontmatterTags(markdown)}
    if (mode !== 'keep') {
      placement.path = pagePath(task.layout, mode, placement.path)
      const images = file.data.images
      if (images.length > 0) {
        page.images = pageImages(images)
        page.imageSpans = imageSpans(markdown)
      }
    }
    return {page, messages: file.messages.map(plain)}
  } catch (error) {
    const cause = error as {ruleId?: unknown; reason?: unknown; message?: unknown; line?: unknown; column?: unknown}
    const message: TaskMessage = {
      ruleId: typeof cause.ruleId === 'string' ? cause.ruleId : 'convert-error',
      reason: cliWording(String(cause.reason || cause.message || error)),
      line: typeof cause.line === 'number' ? cause.line : undefined,
      column: typeof cause.column === 'number' ? cause.column : undefined,
      fatal: true
    }
    return {messages: [message], error: message}
  }
}

/** `convert()`'s option names in its messages, as the CLI's options (the names a CLI user can act on). */
const optionNames: Record<string, string> = {'`maxSize`': '`--max-size`', '`maxElements`': '`--max-elements`', '`maxNodes`': '`--max-nodes`'}

/** A message of `convert()` in the CLI's words: its option names become the CLI's. */
export function cliWording(reason: string): string {
  let result = reason
  for (const [name, option] of Object.entries(optionNames)) result = result.split(name).join(option)
  return result
}

/**
 * Read the input of `task` through one file descriptor: the checks (a
 * regular file, inside the input tree, not over the size limit) are made
 * on what was opened, not on the path, so nothing swapped in since the
 * walk is read. Synchronous: in a worker nothing else waits, and the
 * thread pool stays free for the output writes.
 */
function readInput(task: Task): {bytes: Uint8Array; stamp: string} | TaskResult {
  let fd: number
  try {
    // Non-blocking: a FIFO swapped in does not hang the open.
    fd = fs.openSync(task.file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0))
  } catch (error) {
    return failure('unreadable', 'Cannot read the input: ' + (error as Error).message)
  }
  try {
    const stats = fs.fstatSync(fd)
    if (!stats.isFile()) return failure('unreadable', 'Cannot read the input: it is no longer a regular file')
    if (task.root) {
      const real = openedPath(fd, task.file, stats)
      if (real === undefined || !isInside(real, task.root)) {
        return failure(
          'unreadable',
          'Not read: the input changed after the folder was walked and now ' +
            (real === undefined ? 'cannot be resolved' : 'is `' + real + '`') +
            ', outside the input folder (a symbolic link swapped in?)'
        )
      }
    }
    // A page over the size limit is refused before it is read into memory.
    if (stats.size > task.maxSize) {
      return failure('too-large', 'Input is ' + stats.size + ' bytes, more than the limit of ' + task.maxSize + ' (`--max-size`); use --max-size to raise it')
    }
    const bytes = fs.readFileSync(fd)
    if (bytes.byteLength > task.maxSize) return failure('too-large', 'Input is more than the limit of ' + task.maxSize + ' bytes (`--max-size`); use --max-size to raise it')
    return {bytes, stamp: stamp(stats)}
  } catch (error) {
    return failure('unreadable', 'Cannot read the input: ' + (error as Error).message)
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Real path of the file open as `fd`: from `/proc/self/fd` on Linux, else
 * the real path of `file` when it is still the file that was opened.
 */
function openedPath(fd: number, file: string, stats: fs.Stats): string | undefined {
  try {
    return fs.readlinkSync('/proc/self/fd/' + fd)
  } catch {}
  try {
    const real = fs.realpathSync(file)
    const now = fs.statSync(real)
    return now.dev === stats.dev && now.ino === stats.ino ? real : undefined
  } catch {
    return undefined
  }
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file)
  return relative === '' || (!relative.startsWith('..' + path.sep) && relative !== '..' && !path.isAbsolute(relative))
}

/** A task result for a page that could not be read. */
export function failure(ruleId: string, reason: string): TaskResult {
  const message: TaskMessage = {ruleId, reason, line: undefined, column: undefined, fatal: true}
  return {messages: [message], error: message}
}

function plain(message: {ruleId?: string | undefined; reason: string; line?: number | undefined; column?: number | undefined; fatal?: boolean | null | undefined}): TaskMessage {
  return {ruleId: message.ruleId, reason: message.reason, line: message.line, column: message.column, fatal: message.fatal ?? undefined}
}
