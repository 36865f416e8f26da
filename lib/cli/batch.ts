import fs from 'node:fs/promises'
import path from 'node:path'
import type {VFile} from 'vfile'
import type {Settings} from './arguments.js'
import type {TaskResult} from './convert-task.js'
import {sha256} from './hash.js'
import {layouts} from './layouts.js'
import {acquireLock} from './lock.js'
import {compare, Manifest} from './manifest.js'
import {PathRegistry} from './path-registry.js'
import {createPool} from './pool.js'
import {createProgress} from './progress.js'
import {formatSummary, summarize} from './report.js'
import type {ReportEntry} from './report.js'
import {inShard} from './shard.js'
import {formatFiles, toVFile} from './verbose.js'
import {walkInputs} from './walk-inputs.js'
import type {Input} from './walk-inputs.js'
import {removeStaleTemporaries, writeAtomic} from './write-atomic.js'
import {writeOutput} from './write-output.js'

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
    found = await walkInputs(settings.inputs, io.cwd)
  } catch (error) {
    throw new InputError((error as Error).message)
  }
  const outDir = path.resolve(io.cwd, settings.out as string)
  const tag = settings.shard.count > 1 ? '.shard-' + settings.shard.index + '-of-' + settings.shard.count : ''
  await fs.mkdir(outDir, {recursive: true})
  let lock
  try {
    lock = await acquireLock(path.join(outDir, '.news-markdown' + tag + '.lock'))
  } catch (error) {
    io.stderr.write('news-markdown: ' + (error as Error).message + '\n')
    return 1
  }
  try {
    return await convertAll(settings, io, converter, found.inputs.filter((input) => inShard(input.relative, settings.shard)), found.duplicates, outDir, tag)
  } finally {
    await lock.release()
  }
}

async function convertAll(settings: Settings, io: Io, converter: string, inputs: Array<Input>, duplicates: Array<Input>, outDir: string, tag: string): Promise<number> {
  await removeStaleTemporaries(outDir)
  const manifest = await Manifest.load(path.join(outDir, '.news-markdown-manifest' + tag + '.json'))
  const entries: Array<ReportEntry> = []
  const files: Array<VFile> = []
  const registry = new PathRegistry()
  const progress = createProgress(inputs.length, io.stderr, !settings.quiet && (io.stderr as {isTTY?: boolean}).isTTY === true)
  const todo: Array<Input> = []
  const current = new Set(inputs.map((input) => input.relative))

  // 1. Unchanged inputs keep their outputs; outputs of other inputs stay reserved.
  for (const input of inputs) {
    const entry = manifest.get(input.relative)
    if (!settings.force && entry && entry.converter === converter && (await hashOf(input.absolute)) === entry.input && (await hashOf(path.join(outDir, entry.output))) === entry.outputHash) {
      registry.reserve(entry.output)
      entries.push({input: input.relative, output: entry.output, status: 'unchanged', fields: entry.fields, warnings: [], error: null})
      progress.tick()
    } else todo.push(input)
  }
  const redo = new Set(todo.map((input) => input.relative))
  for (const [relative, entry] of manifest.entries()) if (!redo.has(relative) && !current.has(relative)) registry.reserve(entry.output)
  for (const input of duplicates) entries.push({input: input.relative, output: null, status: 'skipped', reason: 'another input has the same relative path (' + input.absolute + ')', fields: [], warnings: [], error: null})

  // 2. Convert the rest with a bounded look-ahead window; commit in order.
  const pool = createPool(Math.min(settings.jobs, Math.max(todo.length, 1)))
  const window = Math.max(settings.jobs * 4, 8)
  const pending: Array<Promise<{bytes?: Uint8Array; result: TaskResult}> | undefined> = []
  const start = (index: number) => {
    const input = todo[index]
    pending[index] = fs.readFile(input.absolute).then(
      async (bytes) => ({bytes, result: await pool.run({bytes, path: input.relative, options: optionsFor(settings, input.relative)})}),
      (error: Error) => {
        const message = {ruleId: 'unreadable', reason: 'Cannot read the input: ' + error.message, line: undefined, column: undefined, fatal: true}
        return {result: {messages: [message], error: message}}
      }
    )
  }
  for (let index = 0; index < Math.min(window, todo.length); index++) start(index)
  try {
    for (const [index, input] of todo.entries()) {
      const {bytes, result} = await (pending[index] as Promise<{bytes?: Uint8Array; result: TaskResult}>)
      pending[index] = undefined
      if (index + window < todo.length) start(index + window)
      const entry = await writeOutput({settings, outDir, converter, manifest, registry, input, bytes, result, layout: layouts[settings.layout]})
      entries.push(entry)
      if (settings.verbose && result.messages.length > 0) files.push(toVFile(input.relative, result.messages))
      if (!settings.verbose && entry.error) io.stderr.write((progressNewline(settings, io)) + input.relative + ': ' + entry.error.reason + ' [' + entry.error.ruleId + ']\n')
      progress.tick()
      await manifest.saveSoon()
    }
  } finally {
    await pool.close()
    await manifest.save()
    progress.stop()
  }

  entries.sort((a, b) => compare(a.input, b.input))
  const summary = summarize(entries)
  if (settings.verbose && files.length > 0) io.stderr.write(formatFiles(files))
  for (const entry of entries) if (entry.status === 'skipped' && !settings.quiet) io.stderr.write(entry.input + ': skipped: ' + entry.reason + '\n')
  if (settings.report) {
    const report = {converter, shard: settings.shard.index + '/' + settings.shard.count, summary, files: entries}
    await writeAtomic(path.resolve(io.cwd, settings.report), JSON.stringify(report, null, 2) + '\n', {replace: true})
  }
  if (!settings.quiet) io.stderr.write(formatSummary(summary))
  return summary.failed > 0 || summary.skipped > 0 ? 1 : 0
}

function optionsFor(settings: Settings, relative: string) {
  const url = settings.urlMap?.get(relative) ?? (settings.baseUrl ? new URL(relative.split('/').map(encodeURIComponent).join('/'), settings.baseUrl).href : undefined)
  return {url, profiles: settings.profiles, related: settings.related, relatedFrontmatter: settings.relatedFrontmatter}
}

function progressNewline(settings: Settings, io: Io): string {
  return !settings.quiet && (io.stderr as {isTTY?: boolean}).isTTY ? '\n' : ''
}

async function hashOf(file: string): Promise<string | undefined> {
  try {
    return sha256(await fs.readFile(file))
  } catch {
    return undefined
  }
}
