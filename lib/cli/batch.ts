import {statSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {ImageStage, imagesUnchanged} from '../images/stage.js'
import {aliasGenerator} from '../output/alias-path.js'
import type {Settings} from './arguments.js'
import type {Task, TaskMessage, TaskResult} from './convert-task.js'
import {sha256} from './hash.js'
import {acquireLock} from './lock.js'
import {compare, Manifest, stamp} from './manifest.js'
import type {ManifestEntry} from './manifest.js'
import {PathRegistry} from './path-registry.js'
import {FactsStore} from './page-facts.js'
import {createPool} from './pool.js'
import type {Pool} from './pool.js'
import {createProgress} from './progress.js'
import {RedirectPlan} from './redirect-plan.js'
import {writeRedirectMap} from './redirect-map.js'
import {formatSummary, noFacts, summarize} from './report.js'
import type {Report, ReportEntry} from './report.js'
import {renderReportHtml} from './report-html.js'
import {inShard} from './shard.js'
import {formatFiles, toVFile} from './verbose.js'
import {walkInputs} from './walk-inputs.js'
import type {Input} from './walk-inputs.js'
import {describeWriteError, removeStaleTemporaries, writeAtomic, writeErrors} from './write-atomic.js'
import {claimOutput} from './write-output.js'

/** Streams and working directory of a run. */
export interface Io {
  stdin: NodeJS.ReadableStream
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  cwd: string
  /** Whether stdin is a terminal (default: `false`). */
  isTTY?: boolean | undefined
}

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
  const outDir = path.resolve(io.cwd, settings.out as string)
  const tag = settings.shard.count > 1 ? '.shard-' + settings.shard.index + '-of-' + settings.shard.count : ''
  let lock
  try {
    await fs.mkdir(outDir, {recursive: true})
    lock = await acquireLock(path.join(outDir, '.news-markdown' + tag + '.lock'))
  } catch (error) {
    const cannotWrite = writeErrors.has(String((error as NodeJS.ErrnoException).code))
    io.stderr.write('news-markdown: ' + (cannotWrite ? 'Cannot write to the output folder `' + outDir + '`: ' + describeWriteError(error) + '; nothing was converted' : (error as Error).message) + '\n')
    return 1
  }
  try {
    const inputs = found.inputs.filter((input) => inShard(input.relative, settings.shard))
    const skipped = found.skipped.filter((entry) => inShard(entry.input.relative, settings.shard))
    return await convertAll(settings, io, converter, inputs, [...found.duplicates.map((input) => ({input, reason: 'another input has the same relative path (' + input.absolute + ')'})), ...skipped], outDir, tag)
  } finally {
    await lock.release().catch(() => undefined)
  }
}

async function convertAll(settings: Settings, io: Io, converter: string, inputs: Array<Input>, skippedInputs: Array<{input: Input; reason: string}>, outDir: string, tag: string): Promise<number> {
  await removeStaleTemporaries(outDir)
  const manifest = await Manifest.load(path.join(outDir, '.news-markdown-manifest' + tag + '.json'))
  const facts = await FactsStore.load(path.join(outDir, '.news-markdown-facts' + tag + '.json'))
  const entries: Array<ReportEntry> = []
  const files: Array<{path: string; messages: Array<TaskMessage>}> = []
  const registry = new PathRegistry()
  const progress = createProgress(inputs.length, io.stderr, !settings.quiet && (io.stderr as {isTTY?: boolean}).isTTY === true)
  const todo: Array<Input> = []
  const current = new Set(inputs.map((input) => input.relative))

  const plan = new RedirectPlan({generator: aliasGenerator(settings.layout), aliasOptions: {}, permalink: settings.permalink, map: settings.redirectsFormat})

  // 1. Unchanged inputs keep their outputs (and old URLs, unless the alias
  // they were written with clashes now); outputs of other inputs stay reserved.
  const kept: Array<{input: Input; entry: ManifestEntry; known: NonNullable<ReturnType<FactsStore['get']>>}> = []
  for (const input of inputs) {
    const entry = manifest.get(input.relative)
    // A page without recorded facts (written by an interrupted run) is converted again for them.
    const known = entry && facts.get(input.relative, entry.outputHash)
    if (!settings.force && entry && known && entry.converter === converter && (await unchanged(input.relative, input.absolute, path.join(outDir, entry.output), entry, manifest)) && (await imagesUnchanged(entry, settings.images, outDir))) kept.push({input, entry, known})
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
  for (const {input, reason} of skippedInputs) entries.push({input: input.relative, inputPath: input.absolute, output: null, status: 'skipped', reason, fields: [], ...noFacts, warnings: [], error: null})

  // 2. Convert the rest with a bounded look-ahead window. Claim output
  // paths in input order (deterministic names), then write up to
  // `maxWrites` files at once: the disk's latency (fsync) overlaps.
  const pool = createPool(Math.min(settings.jobs, Math.max(todo.length, 1)))
  // `--images copy|download`: images are fetched as soon as a page is converted, placed when it is written.
  // With `keep`, a stage still removes the copies of earlier runs that pages no longer use.
  const images = settings.images === 'keep' && ![...manifest.entries()].some(([, entry]) => entry.images) ? undefined : new ImageStage({mode: settings.images, outDir, layout: settings.layout, manifest, roots: settings.imageRoots, fetch: settings.imageFetch, retryFailed: settings.force})
  const window = Math.max(settings.jobs * 16, 32)
  const pending: Array<Promise<TaskResult> | undefined> = []
  const maxSize = settings.maxSize ?? defaultMaxSize
  const taskFor = (input: Input): Task => ({file: input.absolute, relative: input.relative, options: optionsFor(settings, input.relative), layout: settings.layout, maxSize, images: settings.images})
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
  try {
    for (const [index, input] of todo.entries()) {
      if (stopped || failure) {
        entries.push(writeFailure(input, 'Not converted: the batch stopped after a write error'))
        continue
      }
      const result = await (pending[index] as Promise<TaskResult>)
      pending[index] = undefined
      if (index + window < todo.length) start(index + window)
      const claimed = claimOutput({outDir, converter, manifest, registry, input, result, overwrite: settings.overwrite, images})
      // Another page holds the old URL or the alias's file: write this one without alias.
      if (result.page && claimed.output !== null && !plan.claim(input.relative, claimed.output, result.page.redirect) && result.page.redirect?.alias) {
        await withoutAlias(pool, taskFor(input), result)
      }
      // Read when the batch ends: the images stage adds its messages when the page is written.
      if (settings.verbose) files.push({path: input.relative, messages: result.messages})
      if (!settings.verbose && result.error) io.stderr.write(progressNewline(settings, io) + input.relative + ': ' + result.error.reason + ' [' + result.error.ruleId + ']\n')
      const before = claimed.output === null ? undefined : removals.get(pathKey(claimed.output))
      const done: Promise<void> = (async () => {
        if (before) await before
        try {
          entries.push(await claimed.write())
        } catch (error) {
          if (!writeErrors.has(String((error as NodeJS.ErrnoException).code))) throw error
          stopped ||= {input, error}
          entries.push(writeFailure(input, 'Cannot write the output: ' + describeWriteError(error)))
          return
        }
        progress.tick()
        await manifest.saveSoon().catch((error: unknown) => {
          if (!writeErrors.has(String((error as NodeJS.ErrnoException).code))) throw error
          stopped ||= {input, error}
        })
      })().catch((error: unknown) => {
        failure ||= error
      }).finally(() => writing.delete(done))
      writing.add(done)
      if (claimed.moved) removals.set(pathKey(claimed.moved), done)
      if (writing.size >= maxWrites) await Promise.race(writing)
    }
    await Promise.all(writing)
    if (failure) throw failure
    // Pages written with an alias whose file a later page turned out to live at.
    const byName = new Map(inputs.map((input) => [input.relative, input]))
    for (const relative of stopped ? [] : plan.fixups()) {
      const input = byName.get(relative) as Input
      const previous = manifest.get(relative)
      if (!previous) continue
      const result = await pool.run({...taskFor(input), aliases: false})
      if (!result.page) continue
      images?.acquire(input, result.page)
      const claimed = claimOutput({outDir, converter, manifest, registry, input, result, overwrite: settings.overwrite, output: previous.output, images})
      let entry: ReportEntry
      try {
        entry = await claimed.write()
      } catch (error) {
        if (!writeErrors.has(String((error as NodeJS.ErrnoException).code))) throw error
        stopped ||= {input, error}
        break
      }
      plan.dropAlias(relative)
      const index = entries.findIndex((other) => other.input === relative)
      if (index === -1) entries.push(entry)
      else entries[index] = entry
    }
    if (images && !stopped) await images.removeUnused()
  } finally {
    await Promise.all(writing)
    await pool.close()
    await images?.close()
    progress.stop()
  }
  // Save what was written; a manifest that cannot be saved stays as it was (atomic).
  let manifestError: unknown
  await manifest.save().catch((error: unknown) => {
    if (!writeErrors.has(String((error as NodeJS.ErrnoException).code))) throw error
    manifestError = error
  })
  // Facts for the next run's report (unsaved, the next run converts the pages again).
  let factsError: unknown
  await facts.save(entries, manifest).catch((error: unknown) => {
    if (!writeErrors.has(String((error as NodeJS.ErrnoException).code))) throw error
    factsError = error
  })
  if (stopped) {
    const done = entries.filter((entry) => entry.status === 'converted' || entry.status === 'unchanged').length
    io.stderr.write(
      progressNewline(settings, io) + 'news-markdown: Cannot write to the output folder `' + outDir + '` (' + stopped.input.relative + '): ' + describeWriteError(stopped.error) +
        '; stopped with ' + done + ' of ' + (inputs.length + skippedInputs.length) + ' inputs done. ' +
        (manifestError ? 'The manifest could not be updated (' + describeWriteError(manifestError) + ') and is as the last save left it; ' : 'The manifest records every page written; ') +
        'no partial file is left. Free space or fix permissions, then run again to convert the rest.\n'
    )
  } else if (manifestError) {
    io.stderr.write('news-markdown: Cannot save the manifest in `' + outDir + '`: ' + describeWriteError(manifestError) + '; the previous manifest is kept, and the next run adopts the files written\n')
  } else if (factsError) {
    io.stderr.write('news-markdown: Cannot save the page facts in `' + outDir + '`: ' + describeWriteError(factsError) + '; the next run converts these pages again\n')
    manifestError = factsError
  }

  entries.sort((a, b) => compare(a.input, b.input))
  // Old URLs: the redirect map, and what happened to each page's old URL.
  const written = new Set(entries.filter((entry) => entry.status === 'converted' || entry.status === 'unchanged').map((entry) => entry.input))
  let mapError: unknown
  if (settings.redirects && settings.redirectsFormat) {
    mapError = await writeRedirectMap(path.resolve(io.cwd, settings.redirects), settings.redirectsFormat, plan, written)
    if (mapError) io.stderr.write(progressNewline(settings, io) + 'news-markdown: Cannot write the redirect map `' + settings.redirects + '`: ' + describeWriteError(mapError) + '\n')
  }
  if (plan.active) for (const entry of entries) if (written.has(entry.input)) entry.warnings.push(...plan.messages(entry.input, written))
  const summary = summarize(entries)
  if (images && settings.images !== 'keep') summary.images = images.summary
  const verbose = files.filter((file) => file.messages.length > 0).map((file) => toVFile(file.path, file.messages))
  if (settings.verbose && verbose.length > 0) io.stderr.write(formatFiles(verbose))
  for (const entry of entries) if (entry.status === 'skipped' && !settings.quiet) io.stderr.write(entry.input + ': skipped: ' + entry.reason + '\n')
  const report: Report = {converter, shard: settings.shard.index + '/' + settings.shard.count, summary, files: entries}
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
      if (!writeErrors.has(String((error as NodeJS.ErrnoException).code))) throw error
      io.stderr.write('news-markdown: Cannot write the report `' + name + '`: ' + describeWriteError(error) + '\n')
      manifestError ||= error
    }
  }
  if (!settings.quiet) io.stderr.write(formatSummary(summary))
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


function optionsFor(settings: Settings, relative: string) {
  const url = settings.urlMap?.get(relative) ?? (settings.baseUrl ? new URL(relative.split('/').map(encodeURIComponent).join('/'), settings.baseUrl).href : undefined)
  // Copied images may come from `data:` and `file:` URLs: keep them until the copy replaces them.
  const local = settings.images === 'keep' ? {} : {allowDataImages: true, allowFileImages: true}
  return {url, profiles: settings.profiles, related: settings.related, relatedFrontmatter: settings.relatedFrontmatter, maxSize: settings.maxSize, maxElements: settings.maxElements, ...local}
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
  manifest.set(relative, {...entry, ...stamps})
  return true
}

async function hashOf(file: string): Promise<string | undefined> {
  try {
    return sha256(await fs.readFile(file))
  } catch {
    return undefined
  }
}
