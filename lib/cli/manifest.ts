import fs from 'node:fs/promises'
import type {ImageMode} from '../images/placement.js'
import type {ManifestImage} from '../images/stage.js'
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
 * Saved atomically with sorted keys, so equal runs give equal bytes;
 * `saveSoon` throttles saves during a batch (one per second at most).
 */
export class Manifest {
  private readonly byOutput = new Map<string, string>()
  private lastSave = Date.now()
  private saving: Promise<void> = Promise.resolve()
  private dirty = false

  private constructor(readonly file: string, private readonly files: Map<string, ManifestEntry>) {
    for (const [relative, entry] of files) this.byOutput.set(outputKey(entry.output), relative)
  }

  /** Load `file`; a missing or unreadable manifest is empty. */
  static async load(file: string): Promise<Manifest> {
    const files = new Map<string, ManifestEntry>()
    try {
      const data = JSON.parse(await fs.readFile(file, 'utf8')) as {files?: Record<string, ManifestEntry>}
      for (const [relative, entry] of Object.entries(data.files || {})) {
        if (entry && typeof entry.output === 'string' && typeof entry.outputHash === 'string') files.set(relative, entry)
      }
    } catch {}
    return new Manifest(file, files)
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

  /** Record an entry. */
  set(relative: string, entry: ManifestEntry): void {
    const previous = this.files.get(relative)
    if (previous && this.byOutput.get(outputKey(previous.output)) === relative) this.byOutput.delete(outputKey(previous.output))
    this.files.set(relative, entry)
    this.dirty = true
    this.byOutput.set(outputKey(entry.output), relative)
  }

  /** Save if the last save is more than a second old. */
  saveSoon(): Promise<void> {
    if (Date.now() - this.lastSave < 1000) return this.saving
    return this.save()
  }

  /** Save now (after any save in progress), if anything changed. */
  save(): Promise<void> {
    if (!this.dirty) return this.saving
    this.dirty = false
    this.lastSave = Date.now()
    this.saving = this.saving.then(() => this.write())
    return this.saving
  }

  private async write(): Promise<void> {
    const files: Record<string, ManifestEntry> = {}
    for (const relative of [...this.files.keys()].sort(compare)) files[relative] = this.files.get(relative) as ManifestEntry
    await writeAtomic(this.file, JSON.stringify({version: 1, files}, null, 1) + '\n', {replace: true})
  }
}

/** Code-unit order: the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function outputKey(path: string): string {
  return path.normalize('NFC').toLowerCase()
}
