import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {validateProfile} from '../profiles/validate.js'
import type {Profile} from '../profiles/types.js'
import type {RelatedPlacement} from '../types.js'
import {layoutNames} from './layouts.js'
import type {LayoutName} from './layouts.js'
import {parseShard} from './shard.js'
import type {Shard} from './shard.js'
import {loadUrlMap} from './url-map.js'

/** Settings of one CLI run. */
export interface Settings {
  inputs: Array<string>
  out: string | undefined
  layout: LayoutName
  profiles: Array<Profile>
  urlMap: Map<string, string> | undefined
  baseUrl: string | undefined
  related: RelatedPlacement | undefined
  relatedFrontmatter: boolean
  jobs: number
  shard: Shard
  report: string | undefined
  force: boolean
  overwrite: boolean
  /** Follow symbolic links out of the input folders. */
  followSymlinks: boolean
  /** Largest input in bytes (`convert`'s `maxSize`); `undefined`: its default. */
  maxSize: number | undefined
  /** Most elements per page (`convert`'s `maxElements`); `undefined`: its default. */
  maxElements: number | undefined
  /** Most nodes (elements, text, comments) per page (`convert`'s `maxNodes`); `undefined`: its default. */
  maxNodes: number | undefined
  /** Longest time one page may take to convert, in ms; `0`: no limit. */
  pageTimeout: number
  /** Heap of each worker, in MB (`undefined`: the default). */
  workerMemory: number | undefined
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

Convert saved news pages (HTML) to Markdown with YAML frontmatter.
Inputs are files, folders (searched for .html/.htm) and globs. Without
inputs, one page is read from stdin and Markdown is written to stdout.

Options:
  -o, --out <dir>           output folder (required with inputs)
      --layout <name>       plain (default), hugo, jekyll, astro, eleventy
      --profile <file>      site profile as JSON (repeatable)
      --url-from <file>     original URLs: JSON {"path": "url"} or CSV path,url
      --base-url <url>      original URL = base URL + relative input path
      --related <where>     related lists: end (default) or inline
      --related-frontmatter also write related articles into the frontmatter
  -j, --jobs <n>            worker threads (default and most: available cores,
                            as memory allows)
      --shard <k/n>         convert only shard k of n (by hash of the path)
      --report <file>       write a JSON report, one entry per input
      --force               convert unchanged inputs again
      --overwrite           replace files news-markdown did not write
      --follow-symlinks     follow symbolic links out of the input folders
      --max-size <size>     largest input page (default 50M; K, M, G suffixes)
      --max-elements <n>    most elements per page (default 300000)
      --max-nodes <n>       most nodes per page: elements, text, comments
                            (default 1500000)
      --page-timeout <s>    seconds one page may take (default 300; 0: none)
      --worker-memory <size>  heap of each worker (default 256M); a page
                            that needs more is retried in a larger one
  -v, --verbose             print warnings (vfile-reporter)
  -q, --quiet               print only errors
  -h, --help                show this help
      --version             show the version

Exit codes: 0 all converted or unchanged, 1 some failed or skipped, 2 usage error.
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
        profile: {type: 'string', multiple: true},
        'url-from': {type: 'string'},
        'base-url': {type: 'string'},
        related: {type: 'string'},
        'related-frontmatter': {type: 'boolean'},
        jobs: {type: 'string', short: 'j'},
        shard: {type: 'string'},
        report: {type: 'string'},
        force: {type: 'boolean'},
        overwrite: {type: 'boolean'},
        'follow-symlinks': {type: 'boolean'},
        'max-size': {type: 'string'},
        'max-elements': {type: 'string'},
        'max-nodes': {type: 'string'},
        'page-timeout': {type: 'string'},
        'worker-memory': {type: 'string'},
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
  const related = values.related
  if (related !== undefined && related !== 'end' && related !== 'inline') throw new UsageError('Invalid `--related` `' + related + '`: expected `end` or `inline`')
  const jobs = values.jobs === undefined ? os.availableParallelism() : Number(values.jobs)
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('Invalid `--jobs` `' + values.jobs + '`: expected a positive integer')
  const baseUrl = values['base-url']
  if (baseUrl !== undefined && !URL.canParse(baseUrl)) throw new UsageError('Invalid `--base-url` `' + baseUrl + '`: expected an absolute URL')
  if (values.verbose && values.quiet) throw new UsageError('Use `--verbose` or `--quiet`, not both')
  const maxSize = values['max-size'] === undefined ? undefined : parseSize(values['max-size'])
  const maxElements = values['max-elements'] === undefined ? undefined : Number(values['max-elements'])
  if (maxElements !== undefined && (!Number.isSafeInteger(maxElements) || maxElements < 1)) throw new UsageError('Invalid `--max-elements` `' + values['max-elements'] + '`: expected a positive integer')
  const maxNodes = values['max-nodes'] === undefined ? undefined : Number(values['max-nodes'])
  if (maxNodes !== undefined && (!Number.isSafeInteger(maxNodes) || maxNodes < 1)) throw new UsageError('Invalid `--max-nodes` `' + values['max-nodes'] + '`: expected a positive integer')
  const pageTimeout = values['page-timeout'] === undefined ? defaultPageTimeout : Number(values['page-timeout'])
  if (!Number.isFinite(pageTimeout) || pageTimeout < 0 || pageTimeout > 2_000_000) throw new UsageError('Invalid `--page-timeout` `' + values['page-timeout'] + '`: expected seconds (0 for no limit)')
  let workerMemory: number | undefined
  if (values['worker-memory'] !== undefined) {
    workerMemory = Math.floor(parseSize(values['worker-memory'], '--worker-memory') / 2 ** 20)
    if (workerMemory < 32) throw new UsageError('Invalid `--worker-memory` `' + values['worker-memory'] + '`: expected at least 32M')
  }
  const settings: Settings = {
    inputs: parsed.positionals,
    out: values.out,
    layout: layout as LayoutName,
    profiles: [],
    urlMap: undefined,
    baseUrl: baseUrl === undefined ? undefined : baseUrl.replace(/(?<!\/)\/*$/, '/'),
    related,
    relatedFrontmatter: values['related-frontmatter'] === true,
    jobs,
    shard: {index: 1, count: 1},
    report: values.report,
    force: values.force === true,
    overwrite: values.overwrite === true,
    followSymlinks: values['follow-symlinks'] === true,
    maxSize,
    maxElements,
    maxNodes,
    pageTimeout: Math.round(pageTimeout * 1000),
    workerMemory,
    verbose: values.verbose === true,
    quiet: values.quiet === true,
    help: values.help === true,
    version: values.version === true
  }
  if (settings.help || settings.version) return settings
  if (settings.inputs.length > 0 && !settings.out) throw new UsageError('Missing `--out <dir>`: where to write the Markdown files')
  if (settings.inputs.length === 0 && (settings.out || values.shard || values.report)) throw new UsageError('Missing inputs: `--out`, `--shard` and `--report` need files, folders or globs')
  try {
    if (values.shard !== undefined) settings.shard = parseShard(values.shard)
    for (const file of values.profile || []) settings.profiles.push(validateProfile(await readJson(path.resolve(cwd, file)), 'profile `' + file + '`'))
    if (values['url-from'] !== undefined) settings.urlMap = await loadUrlMap(path.resolve(cwd, values['url-from']))
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  return settings
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
    throw new Error('Cannot read `' + file + '`: ' + error.message)
  })
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new Error('Invalid JSON in `' + file + '`: ' + (error as Error).message)
  }
}
