import fs from 'node:fs/promises'
import os from 'node:os'
import {isAlive} from './write-atomic.js'

/** Held lock; call `release` when done. */
export interface Lock {
  release(): Promise<void>
}

/**
 * Take the lock file `file` (created with `wx`, holding pid and host).
 * A lock left by a dead process on this host is taken over; otherwise
 * throws an `Error` saying which run holds it.
 */
export async function acquireLock(file: string): Promise<Lock> {
  const content = JSON.stringify({pid: process.pid, host: os.hostname(), started: new Date().toISOString()}) + '\n'
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(file, content, {flag: 'wx'})
      return {release: () => fs.rm(file, {force: true})}
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = await readHolder(file)
    if (holder && holder.host === os.hostname() && !isAlive(holder.pid)) {
      await fs.rm(file, {force: true})
      continue
    }
    const who = holder ? 'process ' + holder.pid + ' on ' + holder.host + ' (since ' + holder.started + ')' : 'another run'
    throw new Error('Another run is writing to this folder: ' + who + ' holds `' + file + '`; wait for it, or remove the file if that run is gone')
  }
  throw new Error('Could not take the lock `' + file + '`')
}

async function readHolder(file: string): Promise<{pid: number; host: string; started: string} | undefined> {
  try {
    const value: unknown = JSON.parse(await fs.readFile(file, 'utf8'))
    const record = value as {pid?: unknown; host?: unknown; started?: unknown}
    if (typeof record.pid === 'number' && typeof record.host === 'string') {
      return {pid: record.pid, host: record.host, started: String(record.started)}
    }
  } catch {}
  return undefined
}
