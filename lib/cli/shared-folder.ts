/**
 * Shards writing into one shared output folder (`--shard K/N`, one `--out`
 * for all): each shard has its own lock and manifest, so a file another
 * shard wrote is one this shard's manifest does not know. Such a file is
 * stepped around, never skipped over or replaced: the page takes the next
 * name (its collision suffix, derived from the page), so every page of
 * every shard is written.
 *
 * @module
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type {Manifest} from './manifest.js'
import type {PathRegistry} from './path-registry.js'

/** Manifest file names: the unsharded run's and each shard's. */
const manifestName = /^\.news-markdown-manifest(?:\.shard-(\d+)-of-(\d+))?\.json$/

/**
 * Manifests in `outDir` of runs this one does not share the folder with:
 * with `--shard K/N`, those of an unsharded run or of another `N`; without,
 * every shard's. Their pages are files this run's manifest does not know.
 */
export async function otherRunsManifests(outDir: string, shardCount: number): Promise<Array<string>> {
  const names = await fs.readdir(outDir).catch(() => [] as Array<string>)
  return names
    .filter((name) => {
      const match = manifestName.exec(name)
      return match !== null && Number(match[2] ?? 1) !== shardCount
    })
    .sort()
}

/** Claims of one shard page after a first claim failed: at most this many more. */
export const maxReclaims = 8

/**
 * Reserve in `registry`, from the name `claim(name, identity, fallbacks)`
 * would give on, every name whose file exists in `outDir` but is not in
 * `manifest` (another shard's page, or a file the user put there), until
 * the name `claim` gives is free or this run's own.
 */
export async function stepAroundForeign(outDir: string, registry: PathRegistry, manifest: Manifest, name: string, identity: string, fallbacks: ReadonlyArray<string>): Promise<void> {
  for (;;) {
    const candidate = registry.next(name, identity, fallbacks)
    if (manifest.inputOf(candidate) !== undefined) return
    const exists = await fs.lstat(path.join(outDir, ...candidate.split('/'))).then(
      () => true,
      () => false
    )
    if (!exists) return
    registry.reserve(candidate)
  }
}
