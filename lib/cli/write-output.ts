import fs from 'node:fs/promises'
import type {ImageStage} from '../images/stage.js'
import type {TaskResult} from './convert-task.js'
import {sha256} from './hash.js'
import {stamp} from './manifest.js'
import type {Manifest, ManifestEntry} from './manifest.js'
import type {PathRegistry} from './path-registry.js'
import {InTheWay, isOutputPath, readOwn} from './out-folder.js'
import type {OutFolder} from './out-folder.js'
import {noFacts, reportMessage} from './report.js'
import type {ReportEntry} from './report.js'
import type {Input} from './walk-inputs.js'
import {writeAtomic} from './write-atomic.js'

/** Everything needed to commit one converted page. */
export interface Commit {
  outDir: string
  /** The output folder by its real path: writes never go through a link out of it. */
  out: OutFolder
  converter: string
  manifest: Manifest
  registry: PathRegistry
  input: Input
  result: TaskResult
  /** Replace files the tool did not write (`--overwrite`). */
  overwrite: boolean
  /** With `--images copy|download`: places the page's images and rewrites its Markdown before it is written. */
  images?: ImageStage | undefined
  /** The output path this input already claimed in this run (writing the page again), instead of claiming one. */
  output?: string | undefined
}

/** A committed page: its output path is claimed; `write` does the file I/O. */
export interface Claimed {
  /** Output path (relative, posix), or `null` when the page failed. */
  output: string | null
  /** An earlier output of this input that `write` removes (the page moved). */
  moved: string | undefined
  /** Write the file (atomically) and record it in the manifest; resolves to the report entry. */
  write(): Promise<ReportEntry>
  /**
   * Set by `write` when it skipped the page because a file this run's
   * manifest does not know is at its path (a file the user put there, or,
   * with shards sharing the folder, another shard's page).
   */
  foreign: boolean
}

/**
 * Claim the output path of a converted page (in input order, so names and
 * collision suffixes are deterministic) and return the I/O that writes it
 * unless a file the tool did not write (or one edited since) is in the way
 * and `--overwrite` is off. Several claimed pages can be written at once:
 * each has its own path.
 */
export function claimOutput(commit: Commit): Claimed {
  const {manifest, registry, input, result} = commit
  const warnings = result.messages.filter((message) => !message.fatal).map(reportMessage)
  const page = result.page
  if (result.error || !page) {
    const entry: ReportEntry = {
      input: input.relative,
      inputPath: input.absolute,
      output: null,
      status: 'failed',
      fields: [],
      ...noFacts,
      warnings,
      error: result.error ? reportMessage(result.error) : null
    }
    return {output: null, moved: undefined, write: async () => entry, foreign: false}
  }
  const output = commit.output ?? registry.claim(page.placement.path, page.redirect?.from ?? input.relative, [input.relative])
  if (!isOutputPath(output)) throw new Error('Refusing to write outside the output folder: `' + output + '`')
  let entry: ReportEntry = {input: input.relative, inputPath: input.absolute, output, status: 'converted', reason: page.placement.note, fields: page.fields, ...page.facts, warnings, error: null}
  const previous = manifest.get(input.relative)
  commit.images?.claimed(page)
  // The page moved (new slug): its old output goes, if no page claimed it since.
  const moved = previous && previous.output !== output && !registry.has(previous.output) ? previous.output : undefined

  const claimed: Claimed = {output, moved, write: () => write(), foreign: false}
  const write = async (): Promise<ReportEntry> => {
    let {markdown, outputHash} = page
    let target: string
    try {
      target = await commit.out.target(output)
    } catch (error) {
      if (error instanceof InTheWay) return skip(entry, error.message)
      throw error
    }
    let images: Pick<ManifestEntry, 'imageMode' | 'images'> = {}
    if (commit.images) {
      const finished = await commit.images.finish(input, page, output, previous)
      ;({markdown, outputHash} = finished)
      result.messages.push(...finished.messages)
      entry = {...entry, warnings: [...entry.warnings, ...finished.messages.map(reportMessage)], images: finished.report}
      const mode = commit.images.options.mode
      images = mode === 'keep' ? {} : {imageMode: mode, images: finished.images.length > 0 ? finished.images : undefined}
    }
    const existing = await readOwn(target)
    if (existing === 'missing') {
      if ((await writeAtomic(target, markdown, {replace: false})) === 'exists') {
        claimed.foreign = true
        return skip(entry, 'a file appeared at the output path during the run')
      }
    } else if (typeof existing === 'string') {
      // A folder, a symbolic link or a device is never replaced.
      if (existing !== 'link' || !commit.overwrite)
        return skip(
          entry,
          '`' + output + '` is ' + describe(existing) + ', not a file news-markdown wrote' + (existing === 'link' ? ' (use --overwrite to replace the link itself)' : ': move it away')
        )
      await writeAtomic(target, markdown, {replace: true})
    } else {
      const existingHash = sha256(existing)
      if (existingHash !== outputHash) {
        const owner = manifest.inputOf(output)
        const ours = owner !== undefined && manifest.get(owner)?.outputHash === existingHash
        if (!ours && !commit.overwrite) {
          claimed.foreign = owner === undefined
          return skip(
            entry,
            (owner === undefined ? 'a file news-markdown did not write is in the way at `' : 'the file was edited since news-markdown wrote it: `') + output + '` (use --overwrite to replace it)'
          )
        }
        await writeAtomic(target, markdown, {replace: true})
      }
    }
    if (previous && moved) await removeOld(commit.out, moved, previous.outputHash)
    const written = await fs.lstat(target).catch(() => undefined)
    const redirect = page.redirect && {from: page.redirect.from, date: page.redirect.date, alias: page.redirect.alias}
    await manifest.set(input.relative, {
      input: page.inputHash,
      output,
      outputHash,
      converter: commit.converter,
      fields: page.fields,
      redirect,
      inputStamp: page.inputStamp,
      outputStamp: written && stamp(written),
      ...images,
      facts: page.facts,
      tags: page.tags
    })
    return entry
  }

  return claimed
}

/**
 * Remove an earlier output `relative` of a page that moved, only when it is
 * still what news-markdown wrote: a path it writes, reached without leaving
 * the output folder, a regular file (not a link) whose bytes have the
 * recorded hash. Anything else stays.
 */
async function removeOld(out: OutFolder, relative: string, hash: string): Promise<void> {
  if (!isOutputPath(relative)) return
  const old = await out.target(relative).catch(() => undefined)
  if (!old) return
  const bytes = await readOwn(old)
  if (typeof bytes !== 'string' && sha256(bytes) === hash) await fs.rm(old, {force: true})
}

function describe(kind: 'folder' | 'link' | 'other'): string {
  return kind === 'folder' ? 'a folder' : kind === 'link' ? 'a symbolic link' : 'a special file'
}

function skip(entry: ReportEntry, reason: string): ReportEntry {
  return {...entry, status: 'skipped', reason}
}
