import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {isAlive} from './write-atomic.js'

/** Held lock; call `release` when done. */
export interface Lock {
  release(): Promise<void>
}

interface Holder {
  pid: number
  host: string
  started: string
}

let counter = 0

/** A takeover marker older than this belongs to a run that died taking over. */
const takeoverTimeout = 10_000

/**
 * Take the lock file `file` (created with `wx`, holding pid and host).
 * A lock left by a dead process on this host is taken over; otherwise
 * throws an `Error` saying which run holds it.
 *
 * Taking over is itself guarded: only the run that creates `<file>.takeover`
 * (with `wx`) may remove the stale lock, and it checks again that the lock
 * is still the dead run's before removing it. Without this, two runs
 * started together after a crash could each remove the other's fresh lock
 * and both write to the folder.
 */
export async function acquireLock(file: string): Promise<Lock> {
  const content = JSON.stringify({pid: process.pid, host: os.hostname(), started: new Date().toISOString()}) + '\n'
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await create(file, content)) {
      // A takeover marker left by a run killed while taking over is void now.
      await fs.rm(file + '.takeover', {force: true})
      return {release: () => fs.rm(file, {force: true})}
    }
    const holder = await readHolder(file)
    if (holder ? isStale(holder) : await isAbandoned(file)) {
      if (await removeStale(file, holder)) continue
      // Another run is taking the lock over: see who wins.
      await new Promise((resolve) => setTimeout(resolve, 50))
      continue
    }
    throw held(file, holder)
  }
  throw held(file, await readHolder(file))
}

/**
 * Create `file` with `content` unless it exists, never leaving it empty or
 * half-written: the content goes to a temporary file (named like those of
 * `writeAtomic`, so a killed run's one is cleaned up), which is then
 * hard-linked into place. Falls back to `wx` where links are unsupported.
 */
async function create(file: string, content: string): Promise<boolean> {
  const temporary = path.join(path.dirname(file), '.news-markdown-tmp-' + process.pid + '-0' + ++counter)
  await fs.writeFile(temporary, content)
  try {
    await fs.link(temporary, file)
    return true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return false
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error
  } finally {
    await fs.rm(temporary, {force: true})
  }
  try {
    await fs.writeFile(file, content, {flag: 'wx'})
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

function held(file: string, holder: Holder | undefined): Error {
  const who = holder ? 'process ' + holder.pid + ' on ' + holder.host + ' (since ' + holder.started + ')' : 'another run'
  return new Error('Another run is writing to this folder: ' + who + ' holds `' + file + '`; wait for it, or remove the file if that run is gone')
}

function isStale(holder: Holder): boolean {
  return holder.host === os.hostname() && !isAlive(holder.pid)
}

/** An unreadable lock (empty: written by an older version killed mid-write) older than the timeout. */
async function isAbandoned(file: string): Promise<boolean> {
  const stats = await fs.stat(file).catch(() => undefined)
  return stats !== undefined && Date.now() - stats.mtimeMs > takeoverTimeout
}

/** Remove the stale lock of `holder` (`undefined`: unreadable) under the takeover marker; whether this run did. */
async function removeStale(file: string, holder: Holder | undefined): Promise<boolean> {
  const marker = file + '.takeover'
  try {
    await fs.writeFile(marker, String(process.pid), {flag: 'wx'})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    // A marker left by a run that died while taking over.
    const stats = await fs.stat(marker).catch(() => undefined)
    if (stats && Date.now() - stats.mtimeMs > takeoverTimeout) await fs.rm(marker, {force: true})
    return false
  }
  try {
    const current = await readHolder(file)
    const same = holder ? current !== undefined && current.pid === holder.pid && current.host === holder.host && current.started === holder.started : current === undefined && (await isAbandoned(file))
    if (same) await fs.rm(file, {force: true})
    return true
  } finally {
    await fs.rm(marker, {force: true})
  }
}

async function readHolder(file: string): Promise<Holder | undefined> {
  try {
    const value: unknown = JSON.parse(await fs.readFile(file, 'utf8'))
    const record = value as {pid?: unknown; host?: unknown; started?: unknown}
    if (typeof record.pid === 'number' && typeof record.host === 'string') {
      return {pid: record.pid, host: record.host, started: String(record.started)}
    }
  } catch {}
  return undefined
}
