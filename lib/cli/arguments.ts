import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {checkPermalink, defaultPermalinks} from '../output/permalink.js'
import {formatFromFileName, redirectFormats} from '../output/redirects.js'
import type {RedirectFormat} from '../output/redirects.js'
import {validateProfile} from '../profiles/validate.js'
import type {Profile} from '../profiles/types.js'
import type {RelatedPlacement} from '../types.js'
import {imageModes} from '../images/placement.js'
import type {ImageMode} from '../images/placement.js'
import type {FetchOptions} from '../images/fetch.js'
import {layoutNames} from '../output/layouts.js'
import type {LayoutName} from '../output/layouts.js'
import {parseShard} from './shard.js'
import {defaultProgressInterval} from './progress.js'
import type {Shard} from './shard.js'
import {loadUrlMap} from './url-map.js'
import {describeFsError} from './fs-error.js'
import {slugSources} from '../output/slug.js'
import {isTimeZone} from '../output/timezone.js'
import type {SlugSource} from '../output/slug.js'

/** Settings of one CLI run. */
export interface Settings {
  inputs: Array<string>
  out: string | undefined
  layout: LayoutName
  /** `--slug`: what file names are made from. */
  slug: SlugSource
  /** `--timezone`: IANA zone for dates without an offset. */
  timezone: string | undefined
  profiles: Array<Profile>
  urlMap: Map<string, string> | undefined
  baseUrl: string | undefined
  related: RelatedPlacement | undefined
  relatedFrontmatter: boolean
  jobs: number
  shard: Shard
  report: string | undefined
  /** `--report-html`: the review page to write. */
  reportHtml: string | undefined
  /** Redirect map file (`--redirects`), its format, and the new addresses' pattern. */
  redirects: string | undefined
  redirectsFormat: RedirectFormat | undefined
  permalink: string | undefined
  force: boolean
  overwrite: boolean
  /** Follow symbolic links out of the input folders. */
  followSymlinks: boolean
  /** Largest input in bytes (`convert`'s `maxSize`); `undefined`: its default. */
  maxSize: number | undefined
  /** Most elements per page (`convert`'s `maxElements`); `undefined`: its default. */
  maxElements: number | undefined
  /** `--images`: leave image URLs alone, copy images found on disk, or also download remote ones. */
  images: ImageMode
  /** `--image-root`: more folders local images may be copied from (absolute). */
  imageRoots: Array<string>
  /** `--image-max-size`, `--image-timeout`, `--image-connections`. */
  imageFetch: FetchOptions
  /** Most nodes (elements, text, comments) per page (`convert`'s `maxNodes`); `undefined`: its default. */
  maxNodes: number | undefined
  /** Longest time one page may take to convert, in ms; `0`: no limit. */
  pageTimeout: number
  /** Heap of each worker, in MB (`undefined`: the default). */
  workerMemory: number | undefined
  /** Seconds between plain progress lines when stderr is not a terminal (`0`: none). */
  progressInterval: number
  verbose: boolean
  quiet: boolean
  help: boolean
  version: boolean
}

/** Default `--page-timeout`, in seconds: the largest page `--max-size` accepts (50 MB of Latin text in one paragraph) takes 26–51 s of CPU on a 2-core VM; a busy machine needs several times that. */
export const defaultPageTimeout = 300

/** A problem with the command line (exit code 2). */
export class UsageError extends Error {}

/** `--help` text. */
export const usage = `Usage: news-markdown [options] [<input>...]
       news-markdown merge [options] <out> <shard>...  (see merge --help)

Convert saved news pages (HTML) to Markdown with YAML frontmatter.
Inputs are files, folders (every HTML page in them, recognised by its
content, whatever its extension) and globs. Without
inputs, one page is read from stdin and Markdown is written to stdout.

Options:
  -o, --out <dir>           output folder (required with inputs)
      --layout <name>       plain (default), hugo, jekyll, astro, eleventy
      --slug <from>         file names from: url (default), title or id
      --timezone <zone>     IANA zone (Asia/Shanghai) of dates without offset
      --profile <file>      site profile as JSON (repeatable)
      --url-from <file>     original URLs: JSON {"path": "url"} or CSV path,url
      --base-url <url>      original URL = base URL + relative input path
      --related <where>     related lists: end (default) or inline
      --related-frontmatter also write related articles into the frontmatter
  -j, --jobs <n>            worker threads (default and most: available cores,
                            as memory allows)
      --shard <k/n>         convert only shard k of n (by hash of the path);
                            then \`news-markdown merge\` the shards' folders
      --report <file>       write a JSON report, one entry per input
      --report-html <file>  write a review page: one self-contained HTML file
      --redirects <file>    write a redirect map of old URLs for a web server
      --redirects-format <name>
                            nginx, apache, netlify, cloudflare or caddy
                            (default: from the file name)
      --permalink <pattern> new page addresses for the map (hugo, eleventy:
                            /:path/; jekyll: /:year/:month/:day/:slug.html)
      --force               convert unchanged inputs again
      --overwrite           replace files news-markdown did not write
      --follow-symlinks     follow symbolic links out of the input folders
      --max-size <size>     largest input page (default 50M; K, M, G suffixes)
      --max-elements <n>    most elements per page (default 300000)
      --images <mode>       keep (default): leave image URLs alone; copy: copy
                            images the saved pages have on disk into the output;
                            download: also download remote and data: images
      --image-root <dir>    another folder local images may be copied from
      --image-max-size <s>  largest image (default 20M)
      --image-timeout <sec> connect, response and idle timeout (default 15)
      --image-connections <n> requests at once per host (default 4)
      --max-nodes <n>       most nodes per page: elements, text, comments
                            (default 1500000)
      --page-timeout <s>    seconds one page may take (default 300; 0: none)
      --worker-memory <size>  heap of each worker (default 256M); a page
                            that needs more is retried in a larger one
      --progress-interval <s>  seconds between progress lines when stderr
                            is not a terminal (default 5; 0: none)
  -v, --verbose             print warnings (vfile-reporter)
  -q, --quiet               print only errors (pages that failed or were
                            skipped), no progress or summary
  -h, --help                show this help
      --version             show the version

Exit codes: 0 all converted or unchanged, 1 some failed or skipped (or no
page found, or another run holds --out), 2 usage error or an unusable --out
(nothing converted), 130 interrupted (Ctrl-C; run again to finish).
`

/**
 * Parse and check `argv` (without `node` and the script); loads profiles
 * and URL maps relative to `cwd`. Throws `UsageError` on any problem.
 */
export async function parseArguments(argv: Array<string>, cwd: string): Promise<Settings> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: {type: 'string', short: 'o'},
        layout: {type: 'string'},
        slug: {type: 'string'},
        timezone: {type: 'string'},
        profile: {type: 'string', multiple: true},
        'url-from': {type: 'string'},
        'base-url': {type: 'string'},
        related: {type: 'string'},
        'related-frontmatter': {type: 'boolean'},
        jobs: {type: 'string', short: 'j'},
        shard: {type: 'string'},
        report: {type: 'string'},
        'report-html': {type: 'string'},
        redirects: {type: 'string'},
        'redirects-format': {type: 'string'},
        permalink: {type: 'string'},
        force: {type: 'boolean'},
        overwrite: {type: 'boolean'},
        'follow-symlinks': {type: 'boolean'},
        'max-size': {type: 'string'},
        'max-elements': {type: 'string'},
        images: {type: 'string'},
        'image-root': {type: 'string', multiple: true},
        'image-max-size': {type: 'string'},
        'image-timeout': {type: 'string'},
        'image-connections': {type: 'string'},
        'max-nodes': {type: 'string'},
        'page-timeout': {type: 'string'},
        'worker-memory': {type: 'string'},
        'progress-interval': {type: 'string'},
        verbose: {type: 'boolean', short: 'v'},
        quiet: {type: 'boolean', short: 'q'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean'}
      }
    })
  } catch (error) {
    throw new UsageError(String((error as Error).message).split('. ')[0])
  }
  const values = parsed.values
  const layout = values.layout ?? 'plain'
  if (!(layoutNames as ReadonlyArray<string>).includes(layout)) throw new UsageError('Invalid `--layout` `' + layout + '`: expected one of ' + layoutNames.join(', '))
  const slug = values.slug ?? 'url'
  if (!(slugSources as ReadonlyArray<string>).includes(slug)) throw new UsageError('Invalid `--slug` `' + slug + '`: expected one of ' + slugSources.join(', '))
  const timezone = values.timezone
  if (timezone !== undefined && !isTimeZone(timezone))
    throw new UsageError('Invalid `--timezone` `' + timezone + '`: expected an IANA time zone such as `Asia/Shanghai`, `Europe/Paris` or `UTC`, or a fixed offset such as `+08:00`')
  const related = values.related
  if (related !== undefined && related !== 'end' && related !== 'inline') throw new UsageError('Invalid `--related` `' + related + '`: expected `end` or `inline`')
  const jobs = values.jobs === undefined ? os.availableParallelism() : Number(values.jobs)
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('Invalid `--jobs` `' + values.jobs + '`: expected a positive integer')
  const baseUrl = values['base-url']
  if (baseUrl !== undefined && !URL.canParse(baseUrl)) throw new UsageError('Invalid `--base-url` `' + baseUrl + '`: expected an absolute URL')
  if (values.verbose && values.quiet) throw new UsageError('Use `--verbose` or `--quiet`, not both')
  const maxSize = values['max-size'] === undefined ? undefined : parseSize(values['max-size'])
  const maxElements = values['max-elements'] === undefined ? undefined : Number(values['max-elements'])
  if (maxElements !== undefined && (!Number.isSafeInteger(maxElements) || maxElements < 1))
    throw new UsageError('Invalid `--max-elements` `' + values['max-elements'] + '`: expected a positive integer')
  const images = values.images ?? 'keep'
  if (!(imageModes as ReadonlyArray<string>).includes(images)) throw new UsageError('Invalid `--images` `' + images + '`: expected one of ' + imageModes.join(', '))
  const imageFetch: FetchOptions = {}
  if (values['image-max-size'] !== undefined) imageFetch.maxSize = parseSize(values['image-max-size'], '--image-max-size')
  if (values['image-timeout'] !== undefined) {
    const seconds = Number(values['image-timeout'])
    if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError('Invalid `--image-timeout` `' + values['image-timeout'] + '`: expected seconds, such as `15` or `2.5`')
    imageFetch.timeout = Math.round(seconds * 1000)
  }
  if (values['image-connections'] !== undefined) {
    const connections = Number(values['image-connections'])
    if (!Number.isSafeInteger(connections) || connections < 1) throw new UsageError('Invalid `--image-connections` `' + values['image-connections'] + '`: expected a positive integer')
    imageFetch.perHost = connections
  }
  if (images === 'keep' && (values['image-root'] || Object.keys(imageFetch).length > 0))
    throw new UsageError('`--image-root`, `--image-max-size`, `--image-timeout` and `--image-connections` need `--images copy` or `--images download`')
  const maxNodes = values['max-nodes'] === undefined ? undefined : Number(values['max-nodes'])
  if (maxNodes !== undefined && (!Number.isSafeInteger(maxNodes) || maxNodes < 1)) throw new UsageError('Invalid `--max-nodes` `' + values['max-nodes'] + '`: expected a positive integer')
  const pageTimeout = values['page-timeout'] === undefined ? defaultPageTimeout : Number(values['page-timeout'])
  if (!Number.isFinite(pageTimeout) || pageTimeout < 0 || pageTimeout > 2_000_000) throw new UsageError('Invalid `--page-timeout` `' + values['page-timeout'] + '`: expected seconds (0 for no limit)')
  const progressInterval = values['progress-interval'] === undefined ? defaultProgressInterval : Number(values['progress-interval'])
  if (!Number.isFinite(progressInterval) || progressInterval < 0 || progressInterval > 86_400)
    throw new UsageError('Invalid `--progress-interval` `' + values['progress-interval'] + '`: expected seconds (0 for no progress lines)')
  let workerMemory: number | undefined
  if (values['worker-memory'] !== undefined) {
    workerMemory = Math.floor(parseSize(values['worker-memory'], '--worker-memory') / 2 ** 20)
    if (workerMemory < 32) throw new UsageError('Invalid `--worker-memory` `' + values['worker-memory'] + '`: expected at least 32M')
  }
  const settings: Settings = {
    inputs: parsed.positionals,
    out: values.out,
    layout: layout as LayoutName,
    slug: slug as SlugSource,
    timezone,
    profiles: [],
    urlMap: undefined,
    baseUrl: baseUrl === undefined ? undefined : baseUrl.replace(/(?<!\/)\/*$/, '/'),
    related,
    relatedFrontmatter: values['related-frontmatter'] === true,
    jobs,
    shard: {index: 1, count: 1},
    report: values.report,
    reportHtml: values['report-html'],
    redirects: values.redirects,
    redirectsFormat: undefined,
    permalink: undefined,
    force: values.force === true,
    overwrite: values.overwrite === true,
    followSymlinks: values['follow-symlinks'] === true,
    maxSize,
    maxElements,
    images: images as ImageMode,
    imageRoots: (values['image-root'] || []).map((folder) => path.resolve(cwd, folder)),
    imageFetch,
    maxNodes,
    pageTimeout: Math.round(pageTimeout * 1000),
    workerMemory,
    progressInterval,
    verbose: values.verbose === true,
    quiet: values.quiet === true,
    help: values.help === true,
    version: values.version === true
  }
  if (settings.help || settings.version) return settings
  if (settings.inputs.length > 0 && !settings.out) throw new UsageError('Missing `--out <dir>`: where to write the Markdown files')
  if (settings.inputs.length === 0 && (settings.out || values.shard || values.report || values['report-html'] || values.redirects))
    throw new UsageError('Missing inputs: `--out`, `--shard`, `--report`, `--report-html` and `--redirects` need files, folders or globs')
  if (settings.report !== undefined && settings.reportHtml !== undefined && path.resolve(cwd, settings.report) === path.resolve(cwd, settings.reportHtml))
    throw new UsageError('`--report` and `--report-html` name the same file `' + settings.report + '`')
  redirectSettings(settings, values)
  if (settings.inputs.length === 0 && settings.images !== 'keep') throw new UsageError('`--images ' + settings.images + '` needs inputs and `--out`: images are saved beside the output files')
  try {
    if (values.shard !== undefined) settings.shard = parseShard(values.shard)
    for (const file of values.profile || []) settings.profiles.push(validateProfile(await readJson(path.resolve(cwd, file)), 'profile `' + file + '`'))
    if (values['url-from'] !== undefined) settings.urlMap = await loadUrlMap(path.resolve(cwd, values['url-from']))
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  return settings
}

/**
 * Check `--redirects`, `--redirects-format` and `--permalink`: the format
 * is given or told by the file name; the new addresses come from
 * `--permalink` or the layout's default; a sharded run cannot write the
 * map (it sees only its shard's pages).
 */
function redirectSettings(settings: Settings, values: {redirects?: string; 'redirects-format'?: string; permalink?: string; shard?: string}): void {
  const format = values['redirects-format']
  if (format !== undefined && !(redirectFormats as ReadonlyArray<string>).includes(format))
    throw new UsageError('Invalid `--redirects-format` `' + format + '`: expected one of ' + redirectFormats.join(', '))
  if (values.permalink !== undefined) {
    try {
      settings.permalink = checkPermalink(values.permalink)
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
  } else settings.permalink = defaultPermalinks[settings.layout]
  if (values.redirects === undefined) {
    if (format !== undefined) throw new UsageError('`--redirects-format` needs `--redirects <file>`')
    return
  }
  settings.redirectsFormat = (format as RedirectFormat | undefined) ?? formatFromFileName(values.redirects)
  if (!settings.redirectsFormat) throw new UsageError('Cannot tell the redirect map format from `' + values.redirects + '`: give `--redirects-format` (' + redirectFormats.join(', ') + ')')
  if (!settings.permalink) throw new UsageError('`--redirects` with `--layout ' + settings.layout + '` needs `--permalink <pattern>`: where the site publishes the pages (for example `/news/:slug/`)')
  if (values.shard !== undefined)
    throw new UsageError(
      '`--redirects` cannot be combined with `--shard`: a redirect map lists every page, and a shard run sees only its own; write it when combining the shards: `news-markdown merge <out> <shard>... --redirects <file>`'
    )
}

/** `--max-size`: bytes, or a number with `K`, `M`, `G` (1024-based; `KB`, `KiB`, … too). */
export function parseSize(value: string, option = '--max-size'): number {
  const match = /^(\d+(?:\.\d+)?)\s*(?:([kmg])(?:i?b)?|b)?$/i.exec(value.trim())
  const size = match ? Math.floor(Number(match[1]) * 1024 ** ' kmg'.indexOf((match[2] || ' ').toLowerCase())) : Number.NaN
  if (!Number.isSafeInteger(size) || size < 1) throw new UsageError('Invalid `' + option + '` `' + value + '`: expected a size such as `50M`, `800K` or `1048576`')
  return size
}

async function readJson(file: string): Promise<unknown> {
  const text = await fs.readFile(file, 'utf8').catch((error: Error) => {
    throw new Error('Cannot read the profile `' + file + '`: ' + describeFsError(error))
  })
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new Error('Invalid JSON in `' + file + '`: ' + (error as Error).message, {cause: error})
  }
}
