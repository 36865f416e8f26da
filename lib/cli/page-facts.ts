import fs from 'node:fs/promises'
import type {Manifest} from './manifest.js'
import type {PageFacts, ReportEntry} from './report.js'
import {writeAtomic} from './write-atomic.js'

/** Facts of one output, and the hash of the output they describe. */
interface Stored extends PageFacts {
  outputHash: string
}

/**
 * The facts (headline fields, words, verdict) of the pages in an output
 * folder, kept beside the manifest in `.news-markdown-facts.json` so that
 * a later run's report shows them for unchanged pages. Saved once at the
 * end of a run (not with the manifest's saves during it: a verdict's
 * measurements would make those several times larger); facts are used only
 * while their output hash matches the manifest's, so they are never stale.
 * A page the manifest lists without facts (written by an interrupted run)
 * is converted again, so every report has them.
 */
export class FactsStore {
  private constructor(readonly file: string, private readonly files: Map<string, Stored>) {}

  /** Load `file`; a missing or unreadable file is empty. */
  static async load(file: string): Promise<FactsStore> {
    const files = new Map<string, Stored>()
    try {
      const data = JSON.parse(await fs.readFile(file, 'utf8')) as {files?: Record<string, Stored>}
      for (const [relative, stored] of Object.entries(data.files || {})) {
        if (stored && typeof stored.outputHash === 'string' && stored.article && typeof stored.words === 'number') files.set(relative, stored)
      }
    } catch {}
    return new FactsStore(file, files)
  }

  /** Facts of an input whose output has `outputHash`, if known. */
  get(relative: string, outputHash: string): PageFacts | undefined {
    const stored = this.files.get(relative)
    return stored && stored.outputHash === outputHash ? {article: stored.article, words: stored.words, verdict: stored.verdict ?? null} : undefined
  }

  /**
   * Record the facts of every output the manifest lists: from `entries`
   * for pages converted in this run, else as stored before. Writes
   * (atomically) only when something changed.
   */
  async save(entries: ReadonlyArray<ReportEntry>, manifest: Manifest): Promise<void> {
    const converted = new Map<string, ReportEntry>()
    for (const entry of entries) if (entry.status === 'converted' && entry.article) converted.set(entry.input, entry)
    const files = new Map<string, Stored>()
    let changed = false
    for (const [relative, entry] of manifest.entries()) {
      const fresh = converted.get(relative)
      const stored = fresh && fresh.article && fresh.words !== null ? {outputHash: entry.outputHash, article: fresh.article, words: fresh.words, verdict: fresh.verdict} : this.files.get(relative)
      if (!stored || stored.outputHash !== entry.outputHash) continue
      if (stored !== this.files.get(relative)) changed = true
      files.set(relative, stored)
    }
    if (!changed && files.size === this.files.size) return
    const data: Record<string, Stored> = {}
    for (const relative of [...files.keys()].sort()) data[relative] = files.get(relative) as Stored
    await writeAtomic(this.file, JSON.stringify({version: 1, files: data}) + '\n', {replace: true})
    this.files.clear()
    for (const [relative, stored] of files) this.files.set(relative, stored)
  }
}
