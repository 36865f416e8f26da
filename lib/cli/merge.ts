/**
 * `news-markdown merge OUT SHARD...`: combine the output folders of shard
 * runs (`--shard K/N`) and their JSON reports into one output folder, one
 * manifest and one report, as one unsharded run would have written them.
 *
 * - Names: a shard only knows its own pages, so a page whose slug another
 *   shard's page also has kept the plain name in its shard. Collision
 *   suffixes are derived from each page (`collisionSuffix`), so the
 *   unsuffixed name of every page is known from its output; names are
 *   claimed again over all pages in sorted input order, as an unsharded
 *   run claims them, and files are copied to those names (page bundles
 *   with their folder).
 * - Old URLs: claimed again over all pages (`RedirectPlan`); a page that
 *   loses its old URL to a page of another shard (a true conflict: two
 *   pages, one old URL) loses its alias, and a page whose alias another
 *   shard's page held gets it back; the frontmatter is written again with
 *   the same serializer. `--redirects` writes the map of every page.
 * - Tags: the batch's form of each tag (`BatchTags`) over the pages of
 *   every shard, from each page's own forms in its manifest entry; a
 *   page's `tags` block is written again where its shard chose another.
 * - Reports: the entries of the shards' reports, with the messages about
 *   old URLs made again for the whole batch.
 *
 * @module
 */
import {statSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {parseArgs} from 'node:util'
import YAML from 'yaml'
import {aliasGenerator, aliasPath} from '../output/alias-path.js'
import type {AliasGenerator} from '../output/alias-path.js'
import {checkPermalink, defaultPermalinks} from '../output/permalink.js'
import {formatFromFileName, redirectFormats} from '../output/redirects.js'
import type {RedirectFormat} from '../output/redirects.js'
import {fenceFrontmatter} from '../output/frontmatter.js'
import {UsageError} from './arguments.js'
import type {Settings} from './arguments.js'
import type {Io} from './batch.js'
import {interrupted, writeReports} from './batch.js'
import {printable} from './escape.js'
import {applyBatchTags, batchTagNote, batchTagRule, batchTagsOf} from './batch-tags.js'
import {sha256} from './hash.js'
import {layoutNames} from '../output/layouts.js'
import type {LayoutName} from '../output/layouts.js'
import {acquireLock} from './lock.js'
import {compare, Manifest, stamp} from './manifest.js'
import type {ManifestEntry} from './manifest.js'
import {collisionSuffix, PathRegistry} from './path-registry.js'
import {RedirectPlan} from './redirect-plan.js'
import {writeRedirectMap} from './redirect-map.js'
import {formatDuplicates, formatSummary, summarize} from './report.js'
import type {Report, ReportEntry} from './report.js'
import {describeWriteError, writeAtomic} from './write-atomic.js'
import type {ImageSummary} from '../images/stage.js'

/** `news-markdown merge --help`. */
export const mergeUsage = `Usage: news-markdown merge [options] <out> <shard>...

Combine the output folders of shard runs (--shard K/N) and their JSON
reports into <out>: one folder, one manifest and one report, as one
unsharded run writes them. A <shard> is an output folder or a --report
file of a shard run. <out> must be new or empty.

Options:
      --layout <name>       the shards' layout: plain (default), hugo,
                            jekyll, astro, eleventy
      --report <file>       write the combined JSON report (needs the
                            shards' reports)
      --report-html <file>  write the combined review page
      --redirects <file>    write the redirect map of every page
      --redirects-format <name>
                            nginx, apache, netlify, cloudflare or caddy
      --permalink <pattern> new page addresses for the map
  -q, --quiet               print only errors
  -h, --help                show this help

Exit codes: 0 merged, 1 some shard page failed or was skipped or a
conflict was found, 2 usage error.
`

/** Rule ids of the messages about old URLs, made again for the whole batch. */
const planRules = new Set(['duplicate-old-url', 'old-url-not-redirected', 'redirect-map-only', 'redirect-alias-only'])

/** One page of a shard, by its manifest. */
interface ShardPage {
  relative: string
  entry: ManifestEntry
  /** The shard folder holding it. */
  folder: string
  /** Its output before a collision suffix. */
  base: string
  /** Claimed in the combined folder. */
  output: string
}

/**
 * Run `news-markdown merge` with `argv` (after `merge`). Resolves to the
 * exit code; throws `UsageError` for bad arguments.
 */
export async function runMerge(argv: Array<string>, io: Io, converter: string): Promise<number> {
  const options = parseMerge(argv, io.cwd)
  if (options === 'help') {
    io.stdout.write(mergeUsage)
    return 0
  }
  const {out, folders, reports, layout} = options
  const generator = aliasGenerator(layout)
  await makeEmptyFolder(out)
  const lock = await acquireLock(path.join(out, '.news-markdown.lock'))
  try {
    // 1. Every page of every shard, by its manifest.
    const pages = new Map<string, ShardPage>()
    // The outputs (page files, bundle folders) of every manifest entry by shard folder, kept or not: never copied as other files.
    const owned = new Map<string, Set<string>>()
    const conflicts: Array<string> = []
    for (const folder of folders) {
      const outputs = new Set<string>()
      owned.set(folder, outputs)
      for (const name of (await fs.readdir(folder)).filter((name) => /^\.news-markdown-manifest(?:\.shard-\d+-of-\d+)?\.json$/.test(name)).sort()) {
        const manifest = await Manifest.load(path.join(folder, name))
        for (const [relative, entry] of manifest.entries()) {
          outputs.add(entry.output.endsWith('/index.md') ? path.posix.dirname(entry.output) : entry.output)
          const other = pages.get(relative)
          if (other) {
            if (other.entry.outputHash !== entry.outputHash)
              conflicts.push('`' + relative + '` is in two shards with different outputs (`' + other.folder + '`, `' + folder + '`): the first is kept, the other not copied (`' + entry.output + '`)')
            continue
          }
          pages.set(relative, {relative, entry, folder, base: baseOutput(entry, relative), output: entry.output})
        }
      }
    }
    // 2. Names, claimed in sorted input order as one run claims them.
    const registry = new PathRegistry()
    const ordered = [...pages.values()].sort((a, b) => compare(a.relative, b.relative))
    for (const page of ordered) page.output = registry.claim(page.base, page.entry.redirect?.from ?? page.relative, [page.relative])

    // 3. Old URLs over all pages: who keeps each, who keeps an alias.
    const plan = new RedirectPlan({generator, aliasOptions: {}, permalink: options.permalink, map: options.redirectsFormat})
    const wanted = new Map<string, string | undefined>()
    for (const page of ordered) {
      const redirect = page.entry.redirect
      const alias = redirect && generator ? aliasPath(redirect.from, generator) : undefined
      const kept = plan.claim(page.relative, page.output, redirect ? {from: redirect.from, date: redirect.date, alias: alias?.path, aliasReason: alias?.reason} : null)
      wanted.set(page.relative, kept ? alias?.path : undefined)
    }
    for (const relative of plan.fixups()) {
      wanted.set(relative, undefined)
      plan.dropAlias(relative)
    }

    // The batch's tag forms over the pages of every shard.
    const tags = batchTagsOf(ordered.map((page) => page.entry))

    // 4. Copy: pages (frontmatter written again when their alias or tags change), bundles' files, other files.
    const target = await Manifest.load(path.join(out, '.news-markdown-manifest.json'))
    const written = new Set<string>()
    for (const page of ordered) {
      if (io.signal?.aborted) {
        await target.save()
        io.stderr.write('news-markdown: merge interrupted: ' + written.size + ' of ' + ordered.length + ' pages copied into ' + printable(out) + '; empty it and merge again\n')
        return interrupted
      }
      const source = path.join(page.folder, ...page.entry.output.split('/'))
      let bytes: Buffer
      try {
        bytes = await fs.readFile(source)
      } catch (error) {
        conflicts.push('`' + page.relative + '`: cannot read its output `' + source + '` (' + (error as Error).message + '): not merged')
        continue
      }
      let text = bytes.toString('utf8')
      const alias = wanted.get(page.relative)
      if (generator && page.entry.redirect && (page.entry.redirect.alias ?? undefined) !== alias) text = withAlias(text, generator, alias)
      const settled = page.entry.tags ? applyBatchTags(tags, page.entry, text) : {text, tagsWritten: undefined}
      text = settled.text
      const file = path.join(out, ...page.output.split('/'))
      await fs.mkdir(path.dirname(file), {recursive: true})
      await writeAtomic(file, text, {replace: false})
      if (page.entry.output.endsWith('/index.md')) await copyBundle(path.dirname(source), path.dirname(file))
      const stats = await fs.lstat(file)
      const redirect = page.entry.redirect && {from: page.entry.redirect.from, date: page.entry.redirect.date, alias}
      await target.set(page.relative, {
        ...page.entry,
        output: page.output,
        outputHash: sha256(text),
        redirect,
        outputStamp: stamp(stats),
        images: movedImages(page),
        tagsWritten: settled.tagsWritten
      })
      written.add(page.relative)
    }
    for (const folder of folders) await copyOthers(folder, folder, out, owned.get(folder) || new Set(), conflicts)
    await target.save()

    // 5. The map and the report.
    let mapFailed = false
    if (options.redirects && options.redirectsFormat) {
      const error = await writeRedirectMap(options.redirects, options.redirectsFormat, plan, written)
      if (error) {
        io.stderr.write(printable('news-markdown: Cannot write the redirect map `' + options.redirects + '`: ' + describeWriteError(error)) + '\n')
        mapFailed = true
      }
    }
    const entries: Array<ReportEntry> = []
    let images: ImageSummary | undefined
    for (const file of reports) {
      const report = JSON.parse(await fs.readFile(file, 'utf8')) as Report
      const counts = report.summary?.images
      if (counts) {
        images ||= {saved: 0, reused: 0, downloaded: 0, remote: 0, failed: 0}
        for (const key of Object.keys(images) as Array<keyof ImageSummary>) images[key] += counts[key] || 0
      }
      for (const entry of report.files) {
        if (entries.some((other) => other.input === entry.input)) continue
        const page = pages.get(entry.input)
        const warnings = entry.warnings.filter((warning) => !planRules.has(warning.ruleId || '') && warning.ruleId !== batchTagRule)
        if (written.has(entry.input)) {
          warnings.push(...plan.messages(entry.input, written))
          const note = page && batchTagNote(tags, page.entry.tags)
          if (note) warnings.push(note)
        }
        const moved = page && written.has(entry.input) && page.output !== page.entry.output && page.output.endsWith('/index.md')
        const images =
          moved && entry.images
            ? entry.images.map((image) =>
                image.file?.startsWith(path.posix.dirname(page.entry.output) + '/')
                  ? {...image, file: path.posix.dirname(page.output) + image.file.slice(path.posix.dirname(page.entry.output).length)}
                  : image
              )
            : entry.images
        entries.push({...entry, output: page && written.has(entry.input) ? page.output : entry.output, warnings, ...(entry.images ? {images} : {})})
      }
    }
    entries.sort((a, b) => compare(a.input, b.input))
    const summary = summarize(entries)
    if (images) summary.images = images
    const reportsOk = reports.length === 0 || (await writeReports(options.settings, io, {converter, shard: '1/1', summary, files: entries}, out))
    for (const conflict of conflicts) io.stderr.write(printable('news-markdown: merge: ' + conflict) + '\n')
    if (!options.quiet) {
      io.stderr.write(printable(formatDuplicates(entries, 'news-markdown: merge: '), true))
      io.stderr.write('merged ' + written.size + ' pages from ' + folders.length + ' shard ' + (folders.length === 1 ? 'folder' : 'folders') + ' into ' + printable(out) + '\n')
      if (entries.length > 0) io.stderr.write(formatSummary(summary))
    }
    return conflicts.length > 0 || summary.failed > 0 || summary.skipped > 0 || mapFailed || !reportsOk ? 1 : 0
  } finally {
    await lock.release().catch(() => undefined)
  }
}

/** Checked arguments of `merge`. */
interface MergeOptions {
  out: string
  folders: Array<string>
  reports: Array<string>
  layout: LayoutName
  permalink: string | undefined
  redirects: string | undefined
  redirectsFormat: RedirectFormat | undefined
  quiet: boolean
  /** What `writeReports` reads. */
  settings: Pick<Settings, 'report' | 'reportHtml'>
}

function parseMerge(argv: Array<string>, cwd: string): MergeOptions | 'help' {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        layout: {type: 'string'},
        report: {type: 'string'},
        'report-html': {type: 'string'},
        redirects: {type: 'string'},
        'redirects-format': {type: 'string'},
        permalink: {type: 'string'},
        quiet: {type: 'boolean', short: 'q'},
        help: {type: 'boolean', short: 'h'}
      }
    })
  } catch (error) {
    throw new UsageError(String((error as Error).message).split('. ')[0])
  }
  const values = parsed.values
  if (values.help) return 'help'
  const [outArg, ...shards] = parsed.positionals
  if (!outArg || shards.length === 0) throw new UsageError('`merge` needs an output folder and at least one shard folder: `news-markdown merge <out> <shard>...`')
  const layout = values.layout ?? 'plain'
  if (!(layoutNames as ReadonlyArray<string>).includes(layout)) throw new UsageError('Invalid `--layout` `' + layout + '`: expected one of ' + layoutNames.join(', '))
  const format = values['redirects-format']
  if (format !== undefined && !(redirectFormats as ReadonlyArray<string>).includes(format))
    throw new UsageError('Invalid `--redirects-format` `' + format + '`: expected one of ' + redirectFormats.join(', '))
  let permalink: string | undefined
  try {
    permalink = values.permalink === undefined ? defaultPermalinks[layout as LayoutName] : checkPermalink(values.permalink)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const redirectsFormat = values.redirects === undefined ? undefined : ((format as RedirectFormat | undefined) ?? formatFromFileName(values.redirects))
  if (values.redirects !== undefined && !redirectsFormat)
    throw new UsageError('Cannot tell the redirect map format from `' + values.redirects + '`: give `--redirects-format` (' + redirectFormats.join(', ') + ')')
  if (values.redirects !== undefined && !permalink) throw new UsageError('`--redirects` with `--layout ' + layout + '` needs `--permalink <pattern>`')
  const folders: Array<string> = []
  const reports: Array<string> = []
  for (const shard of shards) {
    const absolute = path.resolve(cwd, shard)
    let stats
    try {
      stats = statSync(absolute)
    } catch {
      throw new UsageError('Shard not found: `' + shard + '` (expected a shard output folder or its --report file)')
    }
    if (stats.isDirectory()) folders.push(absolute)
    else reports.push(absolute)
  }
  if (folders.length === 0) throw new UsageError('`merge` needs at least one shard output folder')
  if ((values.report || values['report-html']) && reports.length === 0) throw new UsageError('`--report` and `--report-html` need the shards’ reports: give their --report files after the folders')
  const out = path.resolve(cwd, outArg)
  if (folders.includes(out)) throw new UsageError('The output folder `' + outArg + '` is also a shard folder: merge into a new folder')
  return {
    out,
    folders,
    reports,
    layout: layout as LayoutName,
    permalink,
    redirects: values.redirects === undefined ? undefined : path.resolve(cwd, values.redirects),
    redirectsFormat,
    quiet: values.quiet === true,
    settings: {report: values.report, reportHtml: values['report-html']}
  }
}

/**
 * The output of a page before its collision suffix: `posts/a-1a2b3c4d.md`
 * → `posts/a.md` when `1a2b3c4d` is the suffix of the page's original URL
 * or input path (with a `-N` a counter added after it).
 */
export function baseOutput(entry: Pick<ManifestEntry, 'output' | 'redirect'>, relative: string): string {
  const output = entry.output
  const extension = output.endsWith('/index.md') ? '/index.md' : path.posix.extname(output)
  const stem = output.slice(0, output.length - extension.length)
  // `suffixLength` (8) hex digits, and a counter `-N` after them.
  const match = /-([\da-f]{8})(?:-\d+)?$/.exec(stem)
  if (!match) return output
  const own = [entry.redirect?.from, relative].filter((identity) => identity !== undefined).map((identity) => collisionSuffix(identity as string))
  return own.includes(match[1]) ? stem.slice(0, match.index) + extension : output
}

/**
 * `markdown` with the alias of its frontmatter (`aliases` for Hugo,
 * `redirect_from` for Jekyll) set to `[alias]`, or removed when `alias`
 * is `undefined`; the frontmatter is written with the serializer the
 * layouts use, the alias key last, as they write it.
 */
export function withAlias(markdown: string, generator: AliasGenerator, alias: string | undefined): string {
  if (!markdown.startsWith('---\n')) return markdown
  const end = markdown.indexOf('\n---\n', 3)
  if (end === -1) return markdown
  const data = YAML.parse(markdown.slice(4, end + 1)) as Record<string, unknown> | null
  if (!data || typeof data !== 'object') return markdown
  const key = generator === 'hugo' ? 'aliases' : 'redirect_from'
  delete data[key]
  if (alias !== undefined) data[key] = [alias]
  return fenceFrontmatter(data) + markdown.slice(end + 5)
}

/**
 * The manifest's images of a page bundle that moved (`posts/a/index.md` →
 * `posts/a-1a2b3c4d/index.md`): their copies moved with it. Images of other
 * layouts stay where the shard put them (the Markdown links there).
 */
function movedImages(page: ShardPage): ManifestEntry['images'] {
  const images = page.entry.images
  if (!images || page.entry.output === page.output || !page.output.endsWith('/index.md')) return images
  const from = path.posix.dirname(page.entry.output) + '/'
  const to = path.posix.dirname(page.output) + '/'
  return images.map((image) => (image.file?.startsWith(from) ? {...image, file: to + image.file.slice(from.length)} : image))
}

/** Make `folder` (and its parents); it must be new or empty. */
async function makeEmptyFolder(folder: string): Promise<void> {
  const stats = await fs.stat(folder).catch(() => undefined)
  if (stats && !stats.isDirectory()) throw new UsageError('`' + folder + '` is a file, not a folder: choose another output folder for `merge`')
  if (stats && (await fs.readdir(folder)).length > 0) throw new UsageError('The output folder `' + folder + '` is not empty: `merge` writes into a new or empty folder')
  await fs.mkdir(folder, {recursive: true})
}

/** Copy the files of a page bundle (its images) beside the page's new `index.md`. */
async function copyBundle(from: string, to: string): Promise<void> {
  for (const entry of await fs.readdir(from, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile()) continue
    const source = path.join(entry.parentPath, entry.name)
    const relative = path.relative(from, source)
    if (relative === 'index.md') continue
    const target = path.join(to, relative)
    await fs.mkdir(path.dirname(target), {recursive: true})
    await fs.copyFile(source, target)
  }
}

/**
 * Copy the files of a shard folder that are not its pages or their
 * bundles (`skip`: the outputs its manifests list, whether merge kept that
 * shard's copy of the page or another's), such as images of other layouts
 * or files the user put there, to the same path; the same path with other
 * bytes in two shards is a conflict.
 */
async function copyOthers(folder: string, root: string, out: string, skip: ReadonlySet<string>, conflicts: Array<string>): Promise<void> {
  for (const entry of await fs.readdir(folder, {withFileTypes: true})) {
    const source = path.join(folder, entry.name)
    const relative = path.relative(root, source).split(path.sep).join('/')
    if (skip.has(relative) || (folder === root && entry.name.startsWith('.news-markdown'))) continue
    if (entry.isDirectory()) {
      await copyOthers(source, root, out, skip, conflicts)
      continue
    }
    if (!entry.isFile()) continue
    const target = path.join(out, relative)
    const bytes = await fs.readFile(source)
    const existing = await fs.readFile(target).catch(() => undefined)
    if (existing) {
      if (!existing.equals(bytes)) conflicts.push('`' + relative + '` differs between shards: the first one is kept')
      continue
    }
    await fs.mkdir(path.dirname(target), {recursive: true})
    await fs.writeFile(target, bytes)
  }
}
