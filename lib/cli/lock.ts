import {randomBytes} from 'node:crypto'
import {readFileSync, readlinkSync} from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {isAlive, temporaryFile} from './write-atomic.js'

/** Held lock; call `release` when done. */
export interface Lock {
  release(): Promise<void>
}

/** What a lock file records about the run holding it. */
interface Holder {
  pid: number
  host: string
  /** ISO time the lock was taken (for messages). */
  started: string
  /** Linux boot id: a lock from before a reboot is stale. */
  boot?: string | undefined
  /** PID namespace (`pid:[…]`): pids of another namespace (a container) cannot be checked from here. */
  pidns?: string | undefined
  /** Start time of the process (clock ticks since boot on Linux): tells a reused pid apart. */
  start?: string | undefined
  /** Random per lock: tells two runs of one process apart. */
  token?: string | undefined
}

/** How to wait for a lock. */
export interface LockOptions {
  /**
   * Called once when the holder cannot be checked from here (another
   * machine or PID namespace) and this run waits for its lock to go stale.
   */
  onWait?: ((message: string) => void) | undefined
}

/** A takeover marker older than this belongs to a run that died taking over. */
const takeoverTimeout = 10_000

/** The holder touches its lock this often… */
export const heartbeat = 2000

/** …so a lock not touched for this long, whose holder cannot be checked, is stale. */
export const staleAfter = 12_000

let counter = 0

/** Tokens of the locks this process holds. */
const held = new Set<string>()

/**
 * Take the lock file `file`, recording this run (pid, host, boot id, PID
 * namespace, process start time, a random token), and keep it fresh (its
 * mtime is touched every `heartbeat` ms) until released.
 *
 * A lock whose holder is gone is taken over: on this host, boot and PID
 * namespace, when that pid is dead or is now another process (another
 * start time: a container's PID 1 after a restart); after a reboot; and,
 * when the holder cannot be checked from here (another machine or
 * container sharing the folder, or a lock written by an older version),
 * once it has not been touched for `staleAfter` ms (this run waits for
 * that, telling `onWait`). Otherwise throws an `Error` saying which run
 * holds it.
 *
 * Taking over is itself guarded: only the run that creates `<file>.takeover`
 * (with `wx`) may remove the stale lock, and it checks again that the lock
 * is still the dead run's before removing it. Without this, two runs
 * started together after a crash could each remove the other's fresh lock
 * and both write to the folder.
 */
export async function acquireLock(file: string, options: LockOptions = {}): Promise<Lock> {
  const self = identity()
  const content = JSON.stringify(self) + '\n'
  let waited = false
  for (let attempt = 0; ; attempt++) {
    if (await create(file, content)) {
      // A takeover marker left by a run killed while taking over is void now.
      await fs.rm(file + '.takeover', {force: true})
      held.add(self.token as string)
      const timer = setInterval(() => {
        touch(file, self.token as string).catch(() => undefined)
      }, heartbeat)
      timer.unref()
      return {
        async release() {
          clearInterval(timer)
          held.delete(self.token as string)
          // Only our own lock: never one that replaced it.
          if ((await readHolder(file))?.token === self.token) await fs.rm(file, {force: true})
        }
      }
    }
    const holder = await readHolder(file)
    // Released between this run's attempt and its read: try again (it was
    // refused as held by "another run", the lock gone).
    if (!holder && !(await exists(file))) continue
    const state = holder ? await liveness(file, holder) : (await isOld(file)) ? 'dead' : 'alive'
    if (state === 'dead') {
      if (await removeStale(file, holder)) continue
      // Another run is taking the lock over: see who wins.
      await sleep(50)
      if (attempt < 20) continue
    }
    if (state === 'unknown' && attempt < 200) {
      if (!waited) {
        waited = true
        options.onWait?.(
          'Waiting for ' +
            describe(holder) +
            ' to release `' +
            file +
            '`: it runs where this run cannot check it (another machine or container); its lock is taken over when it has not been refreshed for ' +
            staleAfter / 1000 +
            ' s'
        )
      }
      await sleep(1000)
      continue
    }
    throw heldBy(file, holder)
  }
}

/** Whether the run recorded in a lock is alive, dead, or cannot be checked from here. */
async function liveness(file: string, holder: Holder): Promise<'alive' | 'dead' | 'unknown'> {
  const self = identity()
  const old = await isOld(file)
  if (holder.host !== self.host) return old ? 'dead' : 'unknown'
  if (holder.boot && self.boot && holder.boot !== self.boot) return 'dead'
  if (holder.pidns && self.pidns && holder.pidns !== self.pidns) return old ? 'dead' : 'unknown'
  // A lock of an older version (no start time) held by our own pid: cannot tell.
  if (!holder.start && holder.pid === process.pid) return old ? 'dead' : 'unknown'
  if (holder.pid === process.pid) {
    // This very process (two runs in one process), or an earlier one with the same pid.
    return holder.start === self.start && held.has(String(holder.token)) ? 'alive' : 'dead'
  }
  if (!isAlive(holder.pid)) return 'dead'
  const start = startTime(holder.pid)
  return holder.start && start && start !== holder.start ? 'dead' : 'alive'
}

/** This process, as a lock records it. */
function identity(): Holder {
  return {pid: process.pid, host: os.hostname(), started: new Date().toISOString(), boot: bootId(), pidns: pidNamespace(), start: startTime(process.pid), token: randomBytes(8).toString('hex')}
}

let boot: string | undefined | null = null

function bootId(): string | undefined {
  if (boot === null) {
    try {
      boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
    } catch {
      // Elsewhere: the boot time, to the minute.
      boot = 'uptime:' + Math.round((Date.now() / 1000 - os.uptime()) / 60)
    }
  }
  return boot
}

function pidNamespace(): string | undefined {
  try {
    return readlinkSync('/proc/self/ns/pid')
  } catch {
    return undefined
  }
}

/** Start time of process `pid` (Linux: clock ticks since boot, field 22 of `/proc/<pid>/stat`). */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync('/proc/' + pid + '/stat', 'utf8')
    // The command name (field 2) may hold spaces and parentheses: count after the last `)`.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return pid === process.pid ? 'ms:' + Math.round(performance.timeOrigin) : undefined
  }
}

/** Whether the lock has not been touched for `staleAfter` ms. */
async function isOld(file: string): Promise<boolean> {
  const stats = await fs.stat(file).catch(() => undefined)
  return stats !== undefined && Date.now() - stats.mtimeMs > staleAfter
}

/** Refresh our lock (only while it is ours). */
async function touch(file: string, token: string): Promise<void> {
  if ((await readHolder(file))?.token !== token) return
  const now = new Date()
  await fs.utimes(file, now, now)
}

/**
 * Create `file` with `content` unless it exists, never leaving it empty or
 * half-written: the content goes to a temporary file (named like those of
 * `writeAtomic`, so a killed run's one is cleaned up), which is then
 * hard-linked into place. Falls back to `wx` where links are unsupported.
 */
async function create(file: string, content: string): Promise<boolean> {
  const temporary = temporaryFile(path.dirname(file), '0' + ++counter)
  try {
    // Inside the `try`: a write that fails (disk full) leaves no empty temporary.
    await fs.writeFile(temporary, content, {flag: 'wx'})
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

function describe(holder: Holder | undefined): string {
  return holder ? 'process ' + holder.pid + ' on ' + holder.host + ' (since ' + holder.started + ')' : 'another run'
}

function heldBy(file: string, holder: Holder | undefined): Error {
  return new Error('Another run is writing to this folder: ' + describe(holder) + ' holds `' + file + '`; wait for it, or remove the file if that run is gone')
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
    const same = holder
      ? current !== undefined && current.pid === holder.pid && current.host === holder.host && current.started === holder.started && current.token === holder.token
      : current === undefined && (await isOld(file))
    if (same) await fs.rm(file, {force: true})
    return true
  } finally {
    await fs.rm(marker, {force: true})
  }
}

async function readHolder(file: string): Promise<Holder | undefined> {
  try {
    const value: unknown = JSON.parse(await fs.readFile(file, 'utf8'))
    const record = value as Record<string, unknown>
    if (typeof record.pid === 'number' && typeof record.host === 'string') {
      const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : undefined)
      return {pid: record.pid, host: record.host, started: String(record.started), boot: text('boot'), pidns: text('pidns'), start: text('start'), token: text('token')}
    }
  } catch {}
  return undefined
}

/** Whether `file` exists (a lock file: readable or not). */
async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false
  )
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
