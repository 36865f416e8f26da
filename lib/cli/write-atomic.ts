import {randomBytes} from 'node:crypto'
import type {Dirent} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'

/** Names of our temporary files: `.news-markdown-tmp-<pid>-<run>-<n>` (older versions: no `<run>`). */
export const temporaryName = /^\.news-markdown-tmp-(\d+)(?:-([\da-f]{8}))?-\d+$/

/**
 * This process's run token: a process with the same pid (a container's
 * PID 1 after a restart) is told apart from this one by it.
 */
export const runToken = randomBytes(4).toString('hex')

/** A temporary file name of this process. */
export function temporaryFile(folder: string, n: number | string): string {
  return path.join(folder, '.news-markdown-tmp-' + process.pid + '-' + runToken + '-' + n)
}

let counter = 0

/** Folders this process made or found: one `mkdir` each, not one per file. */
const folders = new Set<string>()

/**
 * A fresh temporary file name in `folder` (`.news-markdown-tmp-<pid>-<run>-<n>`):
 * removed by `removeStaleTemporaries` once this process is gone.
 */
export function temporaryPath(folder: string): string {
  return temporaryFile(folder, ++counter)
}

/**
 * Write `data` to `target` atomically: a temporary file in the same folder,
 * fsync, then rename. With `replace: false` the file is linked into place
 * instead, which fails when `target` exists: resolves to `'exists'` then,
 * and nothing is changed. An interrupted write leaves no partial `target`,
 * and a failed one (disk full, read-only folder) removes its temporary
 * file before rejecting with the file system's error (`code` kept).
 */
export async function writeAtomic(target: string, data: string | Uint8Array, options: {replace: boolean}): Promise<'written' | 'exists'> {
  const folder = path.dirname(target)
  if (!folders.has(folder)) {
    await fs.mkdir(folder, {recursive: true})
    folders.add(folder)
  }
  const temporary = temporaryPath(folder)
  let handle
  try {
    handle = await fs.open(temporary, 'wx')
  } catch (error) {
    // The folder went away since (removed during the run): make it again.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    await fs.mkdir(folder, {recursive: true})
    handle = await fs.open(temporary, 'wx')
  }
  try {
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
    }
  } finally {
    await fs.rm(temporary, {force: true}).catch(() => undefined)
  }
}

/**
 * Error codes of a file system that refuses writes: the batch stops with a
 * clear message instead of failing every remaining page the same way.
 */
export const writeErrors = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO', 'EFBIG', 'EMFILE', 'ENFILE'])

/** Whether `error` is a file system refusing writes (`writeErrors`). */
export function isWriteError(error: unknown): boolean {
  return writeErrors.has(String((error as NodeJS.ErrnoException | undefined)?.code))
}

/** Error codes of something in the way: a file where a folder is needed, a folder where a file is. */
const wayErrors = new Set(['ENOTDIR', 'EISDIR', 'EEXIST', 'ELOOP'])

/** Whether `error` is something in the way of a write (see `wayErrors`). */
export function isInTheWay(error: unknown): boolean {
  return wayErrors.has(String((error as NodeJS.ErrnoException | undefined)?.code))
}

/** Human text for a write error code. */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  const text: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EROFS: 'the file system is read-only',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EIO: 'input/output error',
    EFBIG: 'file too large for the file system',
    EMFILE: 'too many open files',
    ENFILE: 'too many open files in the system',
    ENOTDIR: 'a file is in the way where a folder is needed',
    EISDIR: 'a folder is in the way where a file is needed',
    EEXIST: 'something is in the way where a folder is needed',
    ELOOP: 'too many symbolic links in the path'
  }
  return code && text[code] ? text[code] + ' (' + code + ')' : String((error as Error).message || error)
}

/**
 * Remove temporary files left in `folder` (recursively, never through a
 * symbolic link: `readdir`'s `recursive` follows them) by runs that are no
 * longer alive, such as a killed earlier run. Returns how many were removed.
 */
export async function removeStaleTemporaries(folder: string): Promise<number> {
  let removed = 0
  const stack = [folder]
  while (stack.length > 0) {
    const current = stack.pop() as string
    let entries: Array<Dirent>
    try {
      entries = await fs.readdir(current, {withFileTypes: true})
    } catch {
      continue
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        stack.push(path.join(current, entry.name))
        continue
      }
      const match = entry.isFile() ? temporaryName.exec(entry.name) : null
      // Ours only if both pid and run token are ours; another live pid may be another shard's run.
      if (!match || (Number(match[1]) === process.pid ? match[2] === runToken : isAlive(Number(match[1])))) continue
      await fs.rm(path.join(current, entry.name), {force: true})
      removed++
    }
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
