import fs from 'node:fs/promises'
import path from 'node:path'

/** Names of our temporary files: `.news-markdown-tmp-<pid>-<n>`. */
export const temporaryName = /^\.news-markdown-tmp-(\d+)-\d+$/

let counter = 0

/**
 * Write `data` to `target` atomically: a temporary file in the same folder,
 * fsync, then rename. With `replace: false` the file is linked into place
 * instead, which fails when `target` exists: resolves to `'exists'` then,
 * and nothing is changed. An interrupted write leaves no partial `target`.
 */
export async function writeAtomic(target: string, data: string | Uint8Array, options: {replace: boolean}): Promise<'written' | 'exists'> {
  const folder = path.dirname(target)
  await fs.mkdir(folder, {recursive: true})
  const temporary = path.join(folder, '.news-markdown-tmp-' + process.pid + '-' + ++counter)
  const handle = await fs.open(temporary, 'wx')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  if (options.replace) {
    await fs.rename(temporary, target)
    return 'written'
  }
  try {
    await fs.link(temporary, target)
    return 'written'
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return 'exists'
    // File systems without hard links: check, then rename.
    if (await exists(target)) return 'exists'
    await fs.rename(temporary, target)
    return 'written'
  } finally {
    await fs.rm(temporary, {force: true})
  }
}

/**
 * Remove temporary files left in `folder` (recursively) by runs that are no
 * longer alive, such as a killed earlier run. Returns how many were removed.
 */
export async function removeStaleTemporaries(folder: string): Promise<number> {
  let removed = 0
  let entries: Array<import('node:fs').Dirent>
  try {
    entries = await fs.readdir(folder, {withFileTypes: true, recursive: true})
  } catch {
    return 0
  }
  for (const entry of entries) {
    const match = entry.isFile() ? temporaryName.exec(entry.name) : null
    if (!match || isAlive(Number(match[1]))) continue
    await fs.rm(path.join(entry.parentPath, entry.name), {force: true})
    removed++
  }
  return removed
}

/** Whether a process with `pid` runs on this machine. */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file)
    return true
  } catch {
    return false
  }
}
