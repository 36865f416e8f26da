import {statSync} from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {ImageStage, imagesUnchanged} from '../images/stage.js'
import {aliasGenerator} from '../output/alias-path.js'
import type {Settings} from './arguments.js'
import type {Task, TaskMessage, TaskResult} from './convert-task.js'
import {settleBatchTags} from './batch-tags.js'
import {sha256} from './hash.js'
import {acquireLock} from './lock.js'
import {printable} from './escape.js'
import {compare, journalOf, Manifest, stamp} from './manifest.js'
import type {ManifestEntry} from './manifest.js'
import {PathRegistry} from './path-registry.js'
import {closePools, createPool, defaultHeapMb, maxJobs, retryHeapMb} from './pool.js'
import type {Pool} from './pool.js'
import {createProgress} from './progress.js'
import {RedirectPlan} from './redirect-plan.js'
import {writeRedirectMap} from './redirect-map.js'
import {formatDuplicates, formatSummary, noFacts, summarize} from './report.js'
import type {PageFacts, Report, ReportEntry, ReportMessage} from './report.js'
import {renderReportHtml} from './report-html.js'
import {inShard} from './shard.js'
import {maxReclaims, otherRunsManifests, stepAroundForeign} from './shared-folder.js'
import {formatFiles, toVFile} from './verbose.js'
import {walkInputs} from './walk-inputs.js'
import type {Input, NotPages} from './walk-inputs.js'
import {sniffBytes} from './sniff-page.js'
import type {NotPage} from './sniff-page.js'
import {describeFsError} from './fs-error.js'
import {InTheWay, OutFolder} from './out-folder.js'
import {describeWriteError, isInTheWay, isWriteError, removeStaleTemporaries, writeAtomic} from './write-atomic.js'
import {claimOutput} from './write-output.js'

/** Streams and working directory of a run. */
export interface Io {
  stdin: NodeJS.ReadableStream
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  cwd: string
  /** Whether stdin is a terminal (default: `false`). */
  isTTY?: boolean | undefined
  /**
   * Aborted to interrupt the run (the binary aborts it on `SIGINT` and
   * `SIGTERM`): no new page is started, pages being written are finished
   * and recorded, the manifest is saved, the lock released; the run
   * resolves to `interrupted` (130).
   */
  signal?: AbortSignal | undefined
}

/** Exit code of an interrupted run (128 + SIGINT, as shells report Ctrl-C). */
export const interrupted = 130

/** Thrown for input arguments that match nothing (a usage error). */
export class InputError extends Error {}

/**
 * Convert every input into `settings.out`: skip unchanged inputs (by the
 * manifest), convert the rest in a worker pool, and commit results in
 * sorted input order so names and collision suffixes are deterministic.
 * Resolves to the exit code (0 or 1); throws `InputError` for bad inputs.
 */
export async function runBatch(settings: Settings, io: Io, converter: string): Promise<number> {
  let found
  try {
    found = await walkInputs(settings.inputs, io.cwd, {followSymlinks: settings.followSymlinks})
  } catch (error) {
    throw new InputError((error as Error).message)
  }
  if (found.inputs.length === 0 && found.duplicates.length === 0 && found.skipped.length === 0) {
    io.stderr.write(printable('news-markdown: ' + noPageFound(settings.inputs, found.notPages)) + '\n')
    return 1
  }
  const outDir = path.resolve(io.cwd, settings.out as string)
  const tag = settings.shard.count > 1 ? '.shard-' + settings.shard.index + '-of-' + settings.shard.count : ''
  let lock
  let out
  try {
    await makeFolder(outDir)
    out = await OutFolder.open(outDir)
    for (const name of ['.news-markdown' + tag + '.lock', '.news-markdown-manifest' + tag + '.json', journalOf('.news-markdown-manifest' + tag + '.json')]) await checkOwnFile(out.root, name)
    lock = await acquireLock(path.join(out.root, '.news-markdown' + tag + '.lock'), {onWait: (message) => settings.quiet || io.stderr.write('news-markdown: ' + printable(message) + '\n')})
  } catch (error) {
    const reason = cannotUse(outDir, error)
    io.stderr.write('news-markdown: ' + printable(reason) + '\n')
    // The report (elsewhere) still says what happened to each input.
    const all = [...found.inputs, ...found.duplicates, ...found.skipped.map((entry) => entry.input)].filter((input) => inShard(input.relative, settings.shard))
    const entries: Array<ReportEntry> = all.map((input) => ({
      input: input.relative,
      inputPath: input.absolute,
      output: null,
      status: 'skipped',
      reason,
      fields: [],
      ...noFacts,
      warnings: [],
      error: null
    }))
    entries.sort((a, b) => compare(a.input, b.input))
    const report: Report = {converter, shard: settings.shard.index + '/' + settings.shard.count, summary: summarize(entries), files: entries}
    await writeReports(settings, io, report, outDir).catch(() => undefined)
    // An output folder that cannot be made or used (a file in the way, a link loop, read-only, no permission): nothing was
    // converted, the command must change, as for a usage error (2). Another run holding the folder: wait and rerun (1).
    return unusableFolder(error) ? 2 : 1
  }
  try {
    if (io.signal?.aborted) {
      io.stderr.write('news-markdown: interrupted before any page was converted\n')
      return interrupted
    }
    const inputs = found.inputs.filter((input) => inShard(input.relative, settings.shard))
    const skipped = found.skipped.filter((entry) => inShard(entry.input.relative, settings.shard))
    return await convertAll(
      settings,
      io,
      converter,
      inputs,
      [...found.duplicates.map((input) => ({input, reason: 'another input has the same relative path (' + input.absolute + ')'})), ...skipped],
      out,
      tag,
      found.notPageFiles
    )
  } finally {
    await lock.release().catch(() => undefined)
  }
}

/**
 * What a run that found no page says: what it saw in the input folders and
 * why none of it is a page.
 */
export function noPageFound(args: ReadonlyArray<string>, notPages: NotPages): string {
  const list = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))
      .map(([extension, count]) => count + ' ' + extension)
      .join(', ')
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0)
  const seen = total(notPages.asset) + total(notPages['not-html']) + total(notPages.unreadable)
  const where = args.map((arg) => '`' + arg + '`').join(', ')
  if (seen === 0) return 'No page found in ' + where + ': no files (dot-files and dot-folders are not searched); nothing was converted'
  const parts: Array<string> = []
  if (total(notPages.asset) > 0) parts.push(list(notPages.asset) + ' not opened (images, styles, scripts, data: never pages)')
  if (total(notPages['not-html']) > 0) parts.push(list(notPages['not-html']) + ' read but with no HTML markup in their first ' + sniffBytes / 1024 + ' KB')
  if (total(notPages.unreadable) > 0) parts.push(list(notPages.unreadable) + ' could not be read')
  return (
    'No page found in ' +
    where +
    ': saw ' +
    seen +
    ' ' +
    (seen === 1 ? 'file' : 'files') +
    ', none a page: ' +
    parts.join('; ') +
    '. Pages are recognised by their content, whatever their extension; give a page or a glob to convert a file anyway. Nothing was converted'
  )
}

/** `--out` is a file, or a file is in the way of it: the command line names the wrong path. */

/** Why the output folder cannot be used (nothing was converted). */
/** Whether the output folder failed to open for a reason of the folder itself (see `cannotUse`), not another run's lock. */
function unusableFolder(error: unknown): boolean {
  return error instanceof InTheWay || isWriteError(error) || typeof (error as NodeJS.ErrnoException | undefined)?.code === 'string'
}

function cannotUse(outDir: string, error: unknown): string {
  if (error instanceof InTheWay) return 'Cannot use the output folder `' + outDir + '`: ' + error.message + '; nothing was converted'
  if (isWriteError(error)) return 'Cannot write to the output folder `' + outDir + '`: ' + describeWriteError(error) + '; nothing was converted'
  // Other file system errors (a link loop, an unreadable parent): the path's fault, said in words.
  if (typeof (error as NodeJS.ErrnoException | undefined)?.code === 'string') return 'Cannot use the output folder `' + outDir + '`: ' + describeFsError(error) + '; nothing was converted'
  return String((error as Error).message || error)
}

/**
 * Make `folder` and its missing parents one by one, so a failure names its
 * real cause (a read-only file system, permissions, a file in the way)
 * instead of the `ENOENT` of a recursive `mkdir`.
 */
async function makeFolder(folder: string): Promise<void> {
  const missing: Array<string> = []
  let current = folder
  for (;;) {
    const stats = await fs.stat(current).catch((error: NodeJS.ErrnoException) => {
      // ENOTDIR: a file further up is in the way; found as the walk goes up.
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined
      throw error
    })
    if (stats) {
      if (!stats.isDirectory())
        throw new InTheWay('`' + current + '` is a file, not a folder' + (current === folder ? '' : ' (it is in the way of `' + folder + '`)') + ': move it away or choose another --out')
      break
    }
    missing.unshift(current)
    const parent = path.dirname(current)
    if (parent === current) break
    current = parent
  }
  for (const each of missing) {
    await fs.mkdir(each).catch(async (error: NodeJS.ErrnoException) => {
      // Made meanwhile by someone else: fine if it is a folder.
      if (error.code === 'EEXIST' && (await fs.stat(each)).isDirectory()) return
      throw error
    })
  }
}

/** A file news-markdown keeps in the output folder (lock, manifest, journal) must be a file when it exists. */
async function checkOwnFile(root: string, name: string): Promise<void> {
  const stats = await fs.lstat(path.join(root, name)).catch(() => undefined)
  if (stats && !stats.isFile()) {
    throw new InTheWay(
      '`' +
        name +
        '` is ' +
        (stats.isDirectory() ? 'a folder' : stats.isSymbolicLink() ? 'a symbolic link' : 'not a regular file') +
        ', where news-markdown keeps its ' +
        (name.endsWith('.lock') ? 'lock' : name.endsWith('.journal') ? 'manifest journal' : 'manifest') +
        ': move it away'
    )
  }
}

async function convertAll(
  settings: Settings,
  io: Io,
  converter: string,
  inputs: Array<Input>,
  skippedInputs: Array<{input: Input; reason: string}>,
  out: OutFolder,
  tag: string,
  notPages: ReadonlyArray<{file: string; reason: NotPage}> = []
): Promise<number> {
  const outDir = out.root
  await removeStaleTemporaries(outDir)
  const manifest = await Manifest.load(path.join(outDir, '.news-markdown-manifest' + tag + '.json'))
  if (manifest.ignored.length > 0 && !settings.quiet) {
    io.stderr.write(
      printable(
        'news-markdown: ignored ' +
          manifest.ignored.length +
          ' manifest entries naming files news-markdown never writes (' +
          manifest.ignored.slice(0, 3).join(', ') +
          (manifest.ignored.length > 3 ? ', …' : '') +
          '); those files are left alone'
      ) + '\n'
    )
  }
  const others = await otherRunsManifests(outDir, settings.shard.count)
  if (others.length > 0 && !settings.quiet) {
    io.stderr.write(
      printable(
        'news-markdown: `' +
          outDir +
          '` also holds pages of ' +
          (settings.shard.count > 1 ? 'other runs' : 'shard runs') +
          ' (' +
          others.map((name) => '`' + name + '`').join(', ') +
          '), which this run does not know: a page whose name one of them holds ' +
          (settings.shard.count > 1 ? 'takes another name' : 'is skipped') +
          '. To combine them into one folder, run `news-markdown merge NEW-FOLDER ' +
          outDir +
          '`'
      ) + '\n'
    )
  }
  const entries: Array<ReportEntry> = []
  const files: Array<{path: string; messages: Array<TaskMessage>}> = []
  const registry = new PathRegistry()
  const progress = createProgress(inputs.length, io.stderr, settings.quiet ? 'none' : (io.stderr as {isTTY?: boolean}).isTTY === true ? 'bar' : 'lines', settings.progressInterval * 1000)
  const todo: Array<Input> = []
  const current = new Set(inputs.map((input) => input.relative))

  // `--shard`: other shards may write into this folder at the same time.
  const shared = settings.shard.count > 1
  const plan = new RedirectPlan({generator: aliasGenerator(settings.layout), aliasOptions: {}, permalink: settings.permalink, map: settings.redirectsFormat})

  // 1. Unchanged inputs keep their outputs (and old URLs, unless the alias
  // they were written with clashes now); outputs of other inputs stay reserved.
  const kept: Array<{input: Input; entry: ManifestEntry; known: PageFacts}> = []
  for (const input of inputs) {
    const entry = manifest.get(input.relative)
    // A page without recorded facts (written by an older version) is converted again for them.
    const known = entry && entry.facts
    if (
      !settings.force &&
      entry &&
      known &&
      entry.tags &&
      entry.converter === converter &&
      (await unchanged(input.relative, input.absolute, path.join(outDir, entry.output), entry, manifest)) &&
      (await imagesUnchanged(entry, settings.images, outDir))
    )
      kept.push({input, entry, known})
  }
  const again = plan.planUnchanged(kept.map(({input, entry}) => ({relative: input.relative, entry})))
  const keptNames = new Set<string>()
  for (const {input, entry, known} of kept) {
    if (again.has(input.relative)) continue
    keptNames.add(input.relative)
    registry.reserve(entry.output)
    entries.push({input: input.relative, inputPath: input.absolute, output: entry.output, status: 'unchanged', fields: entry.fields, ...known, warnings: [], error: null})
    progress.tick()
  }
  for (const input of inputs) if (!keptNames.has(input.relative)) todo.push(input)
  const redo = new Set(todo.map((input) => input.relative))
  for (const [relative, entry] of manifest.entries()) if (!redo.has(relative) && !current.has(relative)) registry.reserve(entry.output)
  for (const {input, reason} of skippedInputs)
    entries.push({input: input.relative, inputPath: input.absolute, output: null, status: 'skipped', reason, fields: [], ...noFacts, warnings: [], error: null})

  // 2. Convert the rest with a bounded look-ahead window. Claim output
  // paths in input order (deterministic names), then write up to
  // `maxWrites` files at once: the disk's latency (fsync) overlaps.
  // Space for the journal first: no page is written that cannot be recorded.
  try {
    await manifest.openJournal(todo.map((input) => input.relative))
  } catch (error) {
    if (!isWriteError(error)) throw error
    io.stderr.write(
      'news-markdown: Cannot write to the output folder `' + printable(outDir) + '`: ' + describeWriteError(error) + ' (reserving space for the manifest journal); nothing was converted\n'
    )
    await manifest.closeJournal(true).catch(() => undefined)
    progress.stop()
    return 1
  }
  const jobs = workerCount(settings, io)
  const pool = createPool({jobs: Math.min(jobs, Math.max(todo.length, 1)), heapMb: settings.workerMemory ?? defaultHeapMb, retryHeapMb: retryHeapMb(), timeoutMs: settings.pageTimeout})
  // `--images copy|download`: images are fetched as soon as a page is converted, placed when it is written.
  // With `keep`, a stage still removes the copies of earlier runs that pages no longer use.
  const images =
    settings.images === 'keep' && ![...manifest.entries()].some(([, entry]) => entry.images)
      ? undefined
      : new ImageStage({mode: settings.images, outDir, layout: settings.layout, manifest, roots: settings.imageRoots, fetch: settings.imageFetch, retryFailed: settings.force})
  const window = Math.max(jobs * 16, 32)
  const pending: Array<Promise<TaskResult> | undefined> = []
  const maxSize = settings.maxSize ?? defaultMaxSize
  const taskFor = (input: Input): Task => ({
    file: input.absolute,
    relative: input.relative,
    root: input.root,
    options: optionsFor(settings, input.relative),
    layout: settings.layout,
    slug: settings.slug,
    timezone: settings.timezone,
    maxSize,
    images: settings.images
  })
  const start = (index: number) => {
    const input = todo[index]
    pending[index] = pool.run(taskFor(input))
    if (images) pending[index] = pending[index]!.then((result) => (images.acquire(input, result.page), result))
  }
  for (let index = 0; index < Math.min(window, todo.length); index++) start(index)
  const writing = new Set<Promise<void>>()
  // Writes that remove an old output (a moved page), by that path: a page
  // that claims the path later writes after the removal.
  const removals = new Map<string, Promise<void>>()
  // A file system that refuses writes (full, read-only) stops the batch.
  let stopped: {input: Input; error: unknown} | undefined
  let failure: unknown
  // Notes on pages whose tags the batch wrote in other forms.
  let tagNotes = new Map<string, ReportMessage>()
  // Ctrl-C: stop waiting for conversions at once; writes in flight finish.
  let interrupt: 'interrupted' | undefined
  const onAbort = new Promise<'interrupted'>((resolve) => {
    if (io.signal?.aborted) resolve('interrupted')
    io.signal?.addEventListener('abort', () => resolve('interrupted'), {once: true})
  })
  void onAbort.then(() => {
    interrupt = 'interrupted'
    progress.stop()
    io.stderr.write('news-markdown: interrupted: finishing the pages being written, then saving the manifest (Ctrl-C again to stop at once)\n')
  })
  try {
    for (const [index, input] of todo.entries()) {
      if (interrupt) {
        entries.push(notConverted(input))
        continue
      }
      if (stopped || failure) {
        entries.push(writeFailure(input, 'Not converted: the batch stopped after a write error'))
        continue
      }
      const settled = await Promise.race([pending[index] as Promise<TaskResult>, onAbort])
      if (settled === 'interrupted') {
        entries.push(notConverted(input))
        continue
      }
      const result = settled
      pending[index] = undefined
      if (index + window < todo.length) start(index + window)
      // Shards sharing the folder: names other shards' pages hold are stepped around.
      const identity = result.page && ([result.page.placement.path, result.page.redirect?.from ?? input.relative, [input.relative]] as const)
      if (shared && identity) await stepAroundForeign(outDir, registry, manifest, ...identity)
      let claimed = claimOutput({outDir, out, converter, manifest, registry, input, result, overwrite: settings.overwrite, images})
      // Another page holds the old URL or the alias's file: write this one without alias.
      if (result.page && claimed.output !== null && !plan.claim(input.relative, claimed.output, result.page.redirect) && result.page.redirect?.alias) {
        await withoutAlias(pool, taskFor(input), result)
      }
      // Read when the batch ends: the images stage adds its messages when the page is written.
      if (settings.verbose) files.push({path: input.relative, messages: result.messages})
      if (!settings.verbose && result.error) io.stderr.write(progressNewline(settings, io) + printable(input.relative + ': ' + result.error.reason + ' [' + result.error.ruleId + ']') + '\n')
      const before = claimed.output === null ? undefined : removals.get(pathKey(claimed.output))
      const done: Promise<void> = (async () => {
        if (before) await before
        try {
          let entry = await claimed.write()
          // Another shard wrote the name meanwhile: the next name.
          for (let attempt = 0; shared && identity && claimed.foreign && attempt < maxReclaims; attempt++) {
            await stepAroundForeign(outDir, registry, manifest, ...identity)
            claimed = claimOutput({outDir, out, converter, manifest, registry, input, result, overwrite: settings.overwrite, images})
            entry = await claimed.write()
          }
          entries.push(entry)
        } catch (error) {
          if (isInTheWay(error)) {
            // Something appeared in the way during the run: this page only.
            entries.push({
              input: input.relative,
              inputPath: input.absolute,
              output: claimed.output,
              status: 'skipped',
              reason: 'cannot write `' + claimed.output + '`: ' + describeWriteError(error),
              fields: [],
              ...noFacts,
              warnings: [],
              error: null
            })
            return
          }
          if (!isWriteError(error)) throw error
          stopped ||= {input, error}
          entries.push(writeFailure(input, 'Cannot write the output: ' + describeWriteError(error)))
          return
        }
        progress.tick()
      })()
        .catch((error: unknown) => {
          failure ||= error
        })
        .finally(() => writing.delete(done))
      writing.add(done)
      if (claimed.moved) removals.set(pathKey(claimed.moved), done)
      if (writing.size >= maxWrites) await Promise.race(writing)
    }
    await Promise.all(writing)
    if (failure) throw failure
    // Pages written with an alias whose file a later page turned out to live at.
    const byName = new Map(inputs.map((input) => [input.relative, input]))
    for (const relative of stopped || interrupt ? [] : plan.fixups()) {
      const input = byName.get(relative) as Input
      const previous = manifest.get(relative)
      if (!previous) continue
      const result = await pool.run({...taskFor(input), aliases: false})
      if (!result.page) continue
      images?.acquire(input, result.page)
      const claimed = claimOutput({outDir, out, converter, manifest, registry, input, result, overwrite: settings.overwrite, output: previous.output, images})
      let entry: ReportEntry
      try {
        entry = await claimed.write()
      } catch (error) {
        if (!isWriteError(error)) throw error
        stopped ||= {input, error}
        break
      }
      plan.dropAlias(relative)
      const index = entries.findIndex((other) => other.input === relative)
      if (index === -1) entries.push(entry)
      else entries[index] = entry
    }
    if (images && !stopped && !interrupt) await images.removeUnused()
    // Every page written: the batch's tag forms (`batch-tags.ts`).
    if (!stopped && !interrupt) {
      const settled = await settleBatchTags(
        out,
        manifest,
        entries.filter((entry) => entry.status === 'converted' || entry.status === 'unchanged').map((entry) => entry.input)
      )
      tagNotes = settled.notes
      if (settled.failed) {
        if (!isWriteError(settled.failed.error)) throw settled.failed.error
        stopped = {input: byName.get(settled.failed.relative) as Input, error: settled.failed.error}
      }
    }
  } finally {
    await Promise.all(writing)
    // Interrupted: conversions still running are abandoned (their workers ended below), not waited for.
    if (interrupt) await closePools()
    else await pool.close()
    await images?.close()
    progress.stop()
  }
  // Save what was written; a manifest that cannot be saved stays as it was
  // (atomic), and its journal, which holds every change, stays for the next run.
  let manifestError: unknown
  await manifest.save().catch(async (error: unknown) => {
    await manifest.closeJournal(false).catch(() => undefined)
    if (!isWriteError(error)) throw error
    manifestError = error
  })
  const journal = '`' + path.basename(journalOf(manifest.file)) + '`'
  if (stopped) {
    const done = entries.filter((entry) => entry.status === 'converted' || entry.status === 'unchanged').length
    io.stderr.write(
      progressNewline(settings, io) +
        printable(
          'news-markdown: Cannot write to the output folder `' +
            outDir +
            '` (' +
            stopped.input.relative +
            '): ' +
            describeWriteError(stopped.error) +
            '; stopped with ' +
            done +
            ' of ' +
            (inputs.length + skippedInputs.length) +
            ' inputs done. ' +
            (manifestError
              ? 'The manifest could not be saved (' + describeWriteError(manifestError) + '); its journal ' + journal + ' records every page written and the next run merges it; '
              : 'The manifest records every page written; ') +
            'no partial file is left. Free space or fix permissions, then run again to convert the rest.'
        ) +
        '\n'
    )
  } else if (manifestError) {
    io.stderr.write(
      printable(
        'news-markdown: Cannot save the manifest in `' + outDir + '`: ' + describeWriteError(manifestError) + '; its journal ' + journal + ' records every page written, and the next run merges it'
      ) + '\n'
    )
  }

  entries.sort((a, b) => compare(a.input, b.input))
  // Old URLs: the redirect map, and what happened to each page's old URL.
  const written = new Set(entries.filter((entry) => entry.status === 'converted' || entry.status === 'unchanged').map((entry) => entry.input))
  let mapError: unknown
  if (interrupt && settings.redirects)
    io.stderr.write('news-markdown: the redirect map `' + printable(settings.redirects) + '` was not written: the run was interrupted before every page was converted\n')
  else if (settings.redirects && settings.redirectsFormat) {
    mapError = await writeRedirectMap(path.resolve(io.cwd, settings.redirects), settings.redirectsFormat, plan, written)
    if (mapError) io.stderr.write(progressNewline(settings, io) + 'news-markdown: Cannot write the redirect map `' + settings.redirects + '`: ' + describeWriteError(mapError) + '\n')
  }
  if (plan.active) for (const entry of entries) if (written.has(entry.input)) entry.warnings.push(...plan.messages(entry.input, written))
  for (const entry of entries) {
    const note = tagNotes.get(entry.input)
    if (note && written.has(entry.input)) entry.warnings.push(note)
  }
  const summary = summarize(entries)
  if (images && settings.images !== 'keep') summary.images = images.summary
  const verbose = files.filter((file) => file.messages.length > 0).map((file) => toVFile(file.path, file.messages))
  if (settings.verbose && verbose.length > 0) io.stderr.write(formatFiles(verbose))
  // Skipped pages are not written: printed with `-q` too, as failures are.
  for (const entry of entries) if (entry.status === 'skipped' && entry.reason !== interruptedReason) io.stderr.write(printable(entry.input + ': skipped: ' + entry.reason) + '\n')
  if (!settings.quiet) io.stderr.write(printable(formatDuplicates(entries, 'news-markdown: '), true))
  const report: Report = {converter, shard: settings.shard.index + '/' + settings.shard.count, summary, files: entries}
  if (!(await writeReports(settings, io, report, outDir))) manifestError ||= true
  if (settings.verbose && notPages.length > 0) {
    const why: Record<NotPage, string> = {asset: 'not a page (by its extension)', 'not-html': 'no HTML markup in its first ' + sniffBytes / 1024 + ' KB', unreadable: 'could not be read'}
    io.stderr.write(printable(notPages.map((entry) => path.relative(io.cwd, entry.file) + ': skipped: ' + why[entry.reason]).join('\n')) + '\n')
  }
  if (!settings.quiet) io.stderr.write(formatSummary(summary, {report: settings.report, reportHtml: settings.reportHtml, notPages: notPages.length}))
  if (interrupt) {
    const written = summary.converted + summary.unchanged
    io.stderr.write(
      'news-markdown: interrupted: ' + written + ' of ' + (inputs.length + skippedInputs.length) + ' pages written and recorded in the manifest; run the same command again to convert the rest\n'
    )
    return interrupted
  }
  return summary.failed > 0 || summary.skipped > 0 || stopped || manifestError || mapError ? 1 : 0
}

/**
 * Convert a page again without its alias (another page holds its old URL
 * or the alias's file) and put the new Markdown into `result`, which its
 * claimed write reads.
 */
async function withoutAlias(pool: Pool, task: Task, result: TaskResult): Promise<void> {
  const again = await pool.run({...task, aliases: false})
  if (!again.page || !result.page) return
  Object.assign(result.page, {markdown: again.page.markdown, outputHash: again.page.outputHash, redirect: again.page.redirect, imageSpans: again.page.imageSpans})
}

/**
 * Write the `--report` and `--report-html` files that were asked for;
 * whether every one was written.
 */
export async function writeReports(settings: Pick<Settings, 'report' | 'reportHtml'>, io: Io, report: Report, outDir: string): Promise<boolean> {
  let ok = true
  const reports: Array<[string | undefined, (file: string) => string]> = [
    [settings.report, () => JSON.stringify(report, null, 2) + '\n'],
    [settings.reportHtml, (file) => renderReportHtml(report, {file, outDir})]
  ]
  for (const [name, render] of reports) {
    if (!name) continue
    try {
      const file = path.resolve(io.cwd, name)
      await writeAtomic(file, render(file), {replace: true})
    } catch (error) {
      if (!isWriteError(error) && !isInTheWay(error)) throw error
      io.stderr.write(printable('news-markdown: Cannot write the report `' + name + '`: ' + describeWriteError(error)) + '\n')
      ok = false
    }
  }
  return ok
}

/**
 * Worker threads for this run: `--jobs`, capped to what the machine can
 * run (its CPUs, and the workers that fit in its memory), with a notice.
 */
export function workerCount(settings: Settings, io: Io): number {
  const most = maxJobs(settings.workerMemory ?? defaultHeapMb)
  if (settings.jobs <= most) return settings.jobs
  if (!settings.quiet)
    io.stderr.write('news-markdown: `--jobs ' + settings.jobs + '` capped to ' + most + ': this machine has ' + os.availableParallelism() + ' CPUs and memory for ' + most + ' workers\n')
  return most
}

const interruptedReason = 'not converted: the run was interrupted; run again to convert it'

function notConverted(input: Input): ReportEntry {
  return {input: input.relative, inputPath: input.absolute, output: null, status: 'skipped', reason: interruptedReason, fields: [], ...noFacts, warnings: [], error: null}
}

function writeFailure(input: Input, reason: string): ReportEntry {
  const error = {ruleId: 'write-error', reason, line: null, column: null, kind: 'fatal' as const}
  return {input: input.relative, inputPath: input.absolute, output: null, status: 'failed', fields: [], ...noFacts, warnings: [], error}
}

/** `convert()`'s default `maxSize`. */
const defaultMaxSize = 50 * 1024 * 1024

/** Files written at once. */
const maxWrites = 16

/** Output paths compare as the path registry does (case and normalisation). */
function pathKey(output: string): string {
  return output.normalize('NFC').toLowerCase()
}

/** The `convert()` options the command line gives, for a page at `url`. */
export function convertOptions(settings: Settings, url: string | undefined) {
  return {
    url,
    profiles: settings.profiles,
    related: settings.related,
    relatedFrontmatter: settings.relatedFrontmatter,
    maxSize: settings.maxSize,
    maxElements: settings.maxElements,
    maxNodes: settings.maxNodes,
    // Line and column in messages only where they are printed (`--verbose`):
    // source positions slow parsing by about 2.4 times.
    positions: settings.verbose
  }
}

function optionsFor(settings: Settings, relative: string) {
  const url = settings.urlMap?.get(relative) ?? (settings.baseUrl ? new URL(relative.split('/').map(encodeURIComponent).join('/'), settings.baseUrl).href : undefined)
  // Copied images may come from `data:` and `file:` URLs: keep them until the copy replaces them.
  const local = settings.images === 'keep' ? {} : {allowDataImages: true, allowFileImages: true}
  return {
    ...convertOptions(settings, url),
    ...local
  }
}

function progressNewline(settings: Settings, io: Io): string {
  return !settings.quiet && (io.stderr as {isTTY?: boolean}).isTTY ? '\n' : ''
}

/**
 * Whether an input and its output are as the manifest recorded them: by
 * their stamps (two `stat`s), else by their hashes (then the stamps are
 * recorded, so the next run is quick again).
 */
async function unchanged(relative: string, input: string, output: string, entry: ManifestEntry, manifest: Manifest): Promise<boolean> {
  const inputStats = statSync(input, {throwIfNoEntry: false})
  const outputStats = statSync(output, {throwIfNoEntry: false})
  if (!inputStats || !outputStats) return false
  const stamps = {inputStamp: stamp(inputStats), outputStamp: stamp(outputStats)}
  if (entry.inputStamp === stamps.inputStamp && entry.outputStamp === stamps.outputStamp) return true
  if ((await hashOf(input)) !== entry.input || (await hashOf(output)) !== entry.outputHash) return false
  manifest.restamp(relative, {...entry, ...stamps})
  return true
}

async function hashOf(file: string): Promise<string | undefined> {
  try {
    return sha256(await fs.readFile(file))
  } catch {
    return undefined
  }
}
