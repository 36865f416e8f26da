import fs from 'node:fs/promises'
import type {ImageMode} from '../images/placement.js'
import type {ManifestImage} from '../images/stage.js'
import type {PageFacts} from './report.js'
import type {FileHandle} from 'node:fs/promises'
import {isOutputPath} from './out-folder.js'
import {writeAtomic} from './write-atomic.js'

/** What the manifest records for one input. */
export interface ManifestEntry {
  /** SHA-256 of the input bytes. */
  input: string
  /** Output path, relative to the output folder (posix). */
  output: string
  /** SHA-256 of the output as written. */
  outputHash: string
  /** `news-markdown@<version>` that wrote it. */
  converter: string
  /** Frontmatter fields found. */
  fields: Array<string>
  /**
   * The page's original URL, date and the alias its frontmatter has, for
   * the redirect map of an unchanged rerun; `null`: the page has no
   * original URL; absent: written by an older version (converted again).
   */
  redirect?: {from: string; date?: string | undefined; alias?: string | undefined} | null | undefined
  /** `stamp()` of the input and the output when written: a rerun that finds both the same skips hashing them. */
  inputStamp?: string | undefined
  outputStamp?: string | undefined
  /** `--images` mode the page was written with (absent: `keep`). */
  imageMode?: ImageMode | undefined
  /** The page's images: their copies and hashes, or why they were not saved. */
  images?: Array<ManifestImage> | undefined
  /**
   * Headline fields, words and verdict of the output, for the report of a
   * later run that finds the page unchanged; absent: written by an older
   * version (converted again).
   */
  facts?: PageFacts | undefined
  /**
   * The frontmatter's tags as the page gives them (before the batch's
   * forms, `BatchTags`), for the batch's tag forms in later runs and in
   * `merge`; absent: written by an older version (converted again).
   */
  tags?: Array<string> | undefined
  /** The tags the file has when the batch's forms differ from `tags`. */
  tagsWritten?: Array<string> | undefined
}

/**
 * Size, modification time and inode of a file: a changed file (edited,
 * replaced, touched) gets a new stamp, as in rsync's quick check.
 */
export function stamp(stats: {size: number; mtimeMs: number; ino: number}): string {
  return stats.size + ':' + stats.mtimeMs + ':' + stats.ino
}

/**
 * The manifest of an output folder: input path (relative, posix) → entry.
 * Saved atomically with sorted keys, so equal runs give equal bytes.
 *
 * During a run every change is also appended to a journal
 * (`<manifest>.journal`, one JSON line per change) as the write lands, in
 * space reserved before the first page is written: a run that is killed,
 * or whose disk fills up so that the manifest itself cannot be saved,
 * still records every file it wrote, and the next run merges the journal.
 *
 * Entries are untrusted (the folder is the user's): one whose output is not
 * a path news-markdown writes (`isOutputPath`) is dropped when loading.
 */
export class Manifest {
  private readonly byOutput = new Map<string, string>()
  private journal: Journal | undefined
  /** Changed since loaded (or a journal was merged): `save` writes. */
  private dirty = false
  /** Entries dropped when loading, with the reason. */
  readonly ignored: Array<string> = []

  private constructor(
    readonly file: string,
    private readonly files: Map<string, ManifestEntry>
  ) {
    for (const [relative, entry] of files) this.byOutput.set(outputKey(entry.output), relative)
  }

  /** Load `file` and merge its journal; a missing or unreadable manifest is empty. */
  static async load(file: string): Promise<Manifest> {
    const files = new Map<string, ManifestEntry>()
    const ignored: Array<string> = []
    const add = (relative: string, entry: unknown) => {
      const record = entry as ManifestEntry | null
      if (record === null) files.delete(relative)
      else if (record && typeof record === 'object' && typeof record.outputHash === 'string' && isOutputPath(record.output)) files.set(relative, record)
      else ignored.push(relative + ' → ' + String((record as {output?: unknown} | undefined)?.output))
    }
    try {
      const data = JSON.parse(await fs.readFile(file, 'utf8')) as {files?: Record<string, unknown>}
      for (const [relative, entry] of Object.entries(data.files || {})) add(relative, entry)
    } catch {}
    let merged = false
    for (const line of (await fs.readFile(journalOf(file), 'utf8').catch(() => '')).split('\n')) {
      const text = line.replace(/^[\s\0]+/, '')
      if (!text) continue
      try {
        const record = JSON.parse(text) as {input?: unknown; entry?: unknown}
        if (typeof record.input === 'string') add(record.input, record.entry ?? null)
        merged = true
      } catch {}
    }
    const manifest = new Manifest(file, files)
    manifest.ignored.push(...ignored)
    manifest.dirty = merged
    return manifest
  }

  /** Entry of an input. */
  get(relative: string): ManifestEntry | undefined {
    return this.files.get(relative)
  }

  /** Input that wrote `output`, if any. */
  inputOf(output: string): string | undefined {
    return this.byOutput.get(outputKey(output))
  }

  /** Every entry. */
  entries(): IterableIterator<[string, ManifestEntry]> {
    return this.files.entries()
  }

  /**
   * Reserve journal space for one change of each of `relatives` (so
   * recording never needs new disk space). A journal merged when loading is
   * saved into the manifest first. Rejects with the file system's error
   * when that or the space cannot be had: then nothing may be written.
   */
  async openJournal(relatives: ReadonlyArray<string>): Promise<void> {
    if (this.dirty) await this.save()
    let size = 0
    for (const relative of relatives) size += 1024 + 3 * Buffer.byteLength(relative)
    this.journal = await Journal.create(journalOf(this.file), size)
  }

  /** Record an entry (in the journal too, when open). */
  async set(relative: string, entry: ManifestEntry): Promise<void> {
    const previous = this.files.get(relative)
    if (previous && this.byOutput.get(outputKey(previous.output)) === relative) this.byOutput.delete(outputKey(previous.output))
    this.files.set(relative, entry)
    this.byOutput.set(outputKey(entry.output), relative)
    this.dirty = true
    if (this.journal) await this.journal.append(line(relative, entry))
  }

  /** Set an entry's stamps (no journal record: stamps only speed up the next run). */
  restamp(relative: string, entry: ManifestEntry): void {
    this.files.set(relative, entry)
    this.dirty = true
  }

  /**
   * Save the manifest atomically (when anything changed), then remove the
   * journal. When the save fails the journal stays (it holds every change)
   * and the error is thrown.
   */
  async save(): Promise<void> {
    if (!this.dirty) return this.closeJournal(true)
    const files: Record<string, ManifestEntry> = {}
    for (const relative of [...this.files.keys()].sort(compare)) files[relative] = this.files.get(relative) as ManifestEntry
    await this.journal?.sync()
    await writeAtomic(this.file, JSON.stringify({version: 1, files}, null, 1) + '\n', {replace: true})
    this.dirty = false
    await this.closeJournal(true)
  }

  /** Close the journal (flushed to disk), removing it when `remove`. */
  async closeJournal(remove = false): Promise<void> {
    const journal = this.journal
    this.journal = undefined
    if (journal) await journal.close()
    if (remove) await fs.rm(journalOf(this.file), {force: true})
  }
}

/** The journal of a manifest file. */
export function journalOf(file: string): string {
  return file + '.journal'
}

function line(relative: string, entry: ManifestEntry | null): string {
  return JSON.stringify({input: relative, entry}) + '\n'
}

/**
 * An append-only file written in space reserved up front (filled with
 * spaces and synced), so that appending never needs a new block: records
 * still land when the disk is full.
 */
class Journal {
  private position = 0
  private queue: Promise<void> = Promise.resolve()

  private constructor(private readonly handle: FileHandle) {}

  static async create(file: string, size: number): Promise<Journal> {
    const handle = await fs.open(file, 'w')
    try {
      const chunk = Buffer.alloc(Math.min(size, 1 << 20), 0x20)
      for (let written = 0; written < size; written += chunk.length) await handle.write(chunk, 0, Math.min(chunk.length, size - written), written)
      await handle.sync()
    } catch (error) {
      await handle.close()
      await fs.rm(file, {force: true})
      throw error
    }
    return new Journal(handle)
  }

  append(text: string): Promise<void> {
    const bytes = Buffer.from(text)
    const at = this.position
    this.position += bytes.length
    // Past the reserved space (an estimate was short): appended, which may need space.
    const write = this.queue.then(async () => {
      await this.handle.write(bytes, 0, bytes.length, at)
    })
    this.queue = write.catch(() => undefined)
    return write
  }

  async sync(): Promise<void> {
    await this.queue
    await this.handle.sync()
  }

  async close(): Promise<void> {
    await this.queue
    await this.handle.close()
  }
}

/** Code-unit order: the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function outputKey(path: string): string {
  return path.normalize('NFC').toLowerCase()
}
