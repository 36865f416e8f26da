/**
 * The batch's tag forms (`BatchTags`), applied once every page of a run is
 * written: each page's frontmatter tags are rewritten (atomically, only the
 * `tags` block) where the batch's form differs from what the file has. The
 * manifest records each page's own forms (`tags`) and what the file has
 * (`tagsWritten`), so a rerun counts unchanged pages without reading them
 * and rewrites only pages whose forms changed, and `merge` applies the
 * forms of all shards together: one unsharded run, a rerun and the merge
 * of shards write the same bytes.
 *
 * @module
 */
import fs from 'node:fs/promises'
import {frontmatterTags, withTags} from '../output/frontmatter-tags.js'
import {BatchTags} from '../output/tags.js'
import {sha256} from './hash.js'
import type {Manifest, ManifestEntry} from './manifest.js'
import {stamp} from './manifest.js'
import type {OutFolder} from './out-folder.js'
import {readOwn} from './out-folder.js'
import type {ReportMessage} from './report.js'
import {writeAtomic} from './write-atomic.js'

/** Rule id of the note on a page whose tags the batch wrote in other forms. */
export const batchTagRule = 'tags-merged-batch'

/** The batch's forms over pages' own tags (`ManifestEntry.tags`). */
export function batchTagsOf(entries: Iterable<Pick<ManifestEntry, 'tags'> | undefined>): BatchTags {
  const batch = new BatchTags()
  for (const entry of entries) if (entry?.tags) batch.add(entry.tags)
  return batch
}

/** The note for a page whose tags the batch changes (`info`), if it does. */
export function batchTagNote(batch: BatchTags, tags: ReadonlyArray<string> | undefined): ReportMessage | undefined {
  const reason = tags && batch.describe(tags)
  return reason ? {ruleId: batchTagRule, reason, line: null, column: null, kind: 'info'} : undefined
}

/**
 * What a page's file should have: its text with the batch's forms, and the
 * manifest's `tagsWritten` for it. `text` is the file as it is, with
 * `entry.tagsWritten ?? entry.tags`.
 */
export function applyBatchTags(batch: BatchTags, entry: Pick<ManifestEntry, 'tags' | 'tagsWritten'>, text: string): {text: string; tagsWritten: Array<string> | undefined} {
  const own = entry.tags || []
  const wanted = batch.forms(own)
  const tagsWritten = same(wanted, own) ? undefined : wanted
  if (same(wanted, entry.tagsWritten ?? own)) return {text, tagsWritten}
  return {text: withTags(text, wanted), tagsWritten}
}

/** A page that could not be rewritten: the file system's error. */
export interface TagWriteFailure {
  relative: string
  error: unknown
}

/**
 * Apply the batch's forms to the pages `relatives` (inputs written or
 * unchanged in this run, by their manifest entries). Resolves to the note
 * of each page whose tags changed forms, and the first write that failed
 * (the rest are not tried). A file that is no longer what the manifest
 * records (edited since) is left alone.
 */
export async function settleBatchTags(out: OutFolder, manifest: Manifest, relatives: ReadonlyArray<string>): Promise<{notes: Map<string, ReportMessage>; failed?: TagWriteFailure | undefined}> {
  const batch = batchTagsOf(relatives.map((relative) => manifest.get(relative)))
  const notes = new Map<string, ReportMessage>()
  for (const relative of relatives) {
    const entry = manifest.get(relative)
    if (!entry?.tags) continue
    const note = batchTagNote(batch, entry.tags)
    if (note) notes.set(relative, note)
    const wanted = batch.forms(entry.tags)
    if (same(wanted, entry.tagsWritten ?? entry.tags)) continue
    try {
      const target = await out.target(entry.output)
      const bytes = await readOwn(target)
      if (typeof bytes === 'string' || sha256(bytes) !== entry.outputHash) continue
      const text = bytes.toString('utf8')
      // The file must have the tags the manifest says it has.
      if (!same(frontmatterTags(text), entry.tagsWritten ?? entry.tags)) continue
      const applied = applyBatchTags(batch, entry, text)
      await writeAtomic(target, applied.text, {replace: true})
      const stats = await readStats(target)
      await manifest.set(relative, {...entry, outputHash: sha256(applied.text), outputStamp: stats, tagsWritten: applied.tagsWritten})
    } catch (error) {
      return {notes, failed: {relative, error}}
    }
  }
  return {notes}
}

async function readStats(file: string): Promise<string | undefined> {
  const stats = await fs.lstat(file).catch(() => undefined)
  return stats && stamp(stats)
}

function same(a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean {
  return a.length === b.length && a.every((each, index) => each === b[index])
}
