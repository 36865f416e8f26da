import fs from 'node:fs/promises'
import path from 'node:path'
import type {Settings} from './arguments.js'
import type {TaskResult} from './convert-task.js'
import {sha256} from './hash.js'
import type {Layout} from './layouts.js'
import type {Manifest} from './manifest.js'
import type {PathRegistry} from './path-registry.js'
import {reportMessage} from './report.js'
import type {ReportEntry} from './report.js'
import {rewriteFrontmatter} from './rewrite-frontmatter.js'
import type {Input} from './walk-inputs.js'
import {writeAtomic} from './write-atomic.js'

/** Everything needed to commit one converted page. */
export interface Commit {
  settings: Settings
  outDir: string
  converter: string
  manifest: Manifest
  registry: PathRegistry
  layout: Layout
  input: Input
  bytes: Uint8Array | undefined
  result: TaskResult
}

/**
 * Place a converted page (layout, slug, collision suffix), apply the
 * layout's frontmatter, and write it atomically unless a file the tool did
 * not write (or one edited since) is in the way and `--overwrite` is off.
 * Records the output in the manifest and returns the report entry.
 */
export async function writeOutput(commit: Commit): Promise<ReportEntry> {
  const {settings, outDir, manifest, registry, layout, input, result} = commit
  const warnings = result.messages.filter((message) => !message.fatal).map(reportMessage)
  if (result.error || result.markdown === undefined || !commit.bytes) {
    return {input: input.relative, output: null, status: 'failed', fields: [], warnings, error: result.error ? reportMessage(result.error) : null}
  }
  const article = result.article || {}
  const fields = Object.keys(article).filter((key) => {
    const value = article[key as keyof typeof article]
    return Array.isArray(value) ? value.length > 0 : Boolean(value)
  })
  const page = {relative: input.relative, article}
  const placement = layout.place(page)
  const output = registry.claim(placement.path)
  const target = path.resolve(outDir, output)
  if (!target.startsWith(outDir + path.sep)) throw new Error('Refusing to write outside the output folder: `' + output + '`')
  const markdown = settings.layout === 'plain' ? result.markdown : rewriteFrontmatter(result.markdown, (data) => layout.frontmatter(data, page))
  const outputHash = sha256(markdown)
  const entry: ReportEntry = {input: input.relative, output, status: 'converted', reason: placement.note, fields, warnings, error: null}
  const previous = manifest.get(input.relative)

  const existing = await fs.readFile(target).catch(() => undefined)
  if (existing === undefined) {
    if ((await writeAtomic(target, markdown, {replace: false})) === 'exists') return skip(entry, 'a file appeared at the output path during the run')
  } else {
    const existingHash = sha256(existing)
    if (existingHash !== outputHash) {
      const owner = manifest.inputOf(output)
      const ours = owner !== undefined && manifest.get(owner)?.outputHash === existingHash
      if (!ours && !settings.overwrite) {
        return skip(entry, (owner === undefined ? 'a file news-markdown did not write is in the way at `' : 'the file was edited since news-markdown wrote it: `') + output + '` (use --overwrite to replace it)')
      }
      await writeAtomic(target, markdown, {replace: true})
    }
  }

  // The page moved (new slug): remove its old output if still untouched.
  if (previous && previous.output !== output && !registry.has(previous.output)) {
    const old = path.resolve(outDir, previous.output)
    const oldBytes = await fs.readFile(old).catch(() => undefined)
    if (oldBytes && sha256(oldBytes) === previous.outputHash && old.startsWith(outDir + path.sep)) await fs.rm(old, {force: true})
  }
  manifest.set(input.relative, {input: sha256(commit.bytes), output, outputHash, converter: commit.converter, fields})
  return entry
}

function skip(entry: ReportEntry, reason: string): ReportEntry {
  return {...entry, status: 'skipped', reason}
}
