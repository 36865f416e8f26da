/**
 * `lib/cli/lock.ts` beyond the runs of `test/faults.ts`: a lock replaced
 * while held is not removed by its first holder; locks of an older
 * version held by this very pid, of a pid now reused by another process,
 * and of a dead run whose takeover marker was left behind are taken over;
 * a takeover another run is making is not interfered with.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {acquireLock, staleAfter} from '../lib/cli/lock.js'
import {folder} from './util/cli-harness.js'

async function lockFile(): Promise<string> {
  return path.join(await folder(), '.news-markdown.lock')
}

async function holder(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>
}

/** A lock record of this machine, as `acquireLock` writes one, with `changes`. */
async function record(changes: Record<string, unknown>): Promise<string> {
  const file = await lockFile()
  const lock = await acquireLock(file)
  const mine = await holder(file)
  await lock.release()
  const merged: Record<string, unknown> = {...mine, ...changes}
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete merged[key]
  return JSON.stringify(merged)
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false
  )
}

test('lock: a lock replaced while held (someone removed it and another run took it) is left to its new holder on release', async function () {
  const file = await lockFile()
  const lock = await acquireLock(file)
  const other = JSON.stringify({...(await holder(file)), token: 'another-run-0000'})
  await fs.writeFile(file, other)
  await lock.release()
  assert.is(await fs.readFile(file, 'utf8'), other, 'the other run’s lock stays')
})

test('lock: an older version’s lock (no start time) with this pid is taken over once stale, with no wait', async function () {
  const file = await lockFile()
  await fs.writeFile(file, await record({start: undefined, token: 'older-version-00'}))
  const then = new Date(Date.now() - staleAfter - 5000)
  await fs.utimes(file, then, then)
  const waits: Array<string> = []
  const lock = await acquireLock(file, {onWait: (message) => waits.push(message)})
  assert.equal(waits, [])
  assert.is.not((await holder(file)).token, 'older-version-00')
  await lock.release()
  assert.not.ok(await exists(file))
})

test('lock: a live pid with another process start time (the pid was reused) is a dead holder: taken over at once', async function () {
  const file = await lockFile()
  // The parent process is alive; its start time is not `1`.
  await fs.writeFile(file, await record({pid: process.ppid, start: '1', token: 'reused-pid-0000'}))
  const lock = await acquireLock(file)
  assert.is((await holder(file)).pid, process.pid)
  await lock.release()
})

test('lock: a dead holder whose takeover marker a killed run left is taken over; a fresh marker is another run’s takeover', async function () {
  const file = await lockFile()
  const dead = await record({pid: 2 ** 22 + 1, start: '1', token: 'dead-run-000000', host: os.hostname()})
  await fs.writeFile(file, dead)
  await fs.writeFile(file + '.takeover', '12345')
  const old = new Date(Date.now() - 60_000)
  await fs.utimes(file + '.takeover', old, old)
  const lock = await acquireLock(file)
  assert.is((await holder(file)).pid, process.pid)
  assert.not.ok(await exists(file + '.takeover'), 'the left marker is removed')
  await lock.release()

  // A marker that is fresh: another run is taking the lock over; this one does not remove the lock and gives up.
  await fs.writeFile(file, dead)
  await fs.writeFile(file + '.takeover', '12345')
  const refused = await acquireLock(file).then(
    (lock) => lock.release().then(() => ''),
    (error: Error) => error.message
  )
  assert.match(refused, /^Another run is writing to this folder: process 4194305 on /)
  assert.is(await fs.readFile(file, 'utf8'), dead, 'the lock is left to the run taking it over')
  assert.ok(await exists(file + '.takeover'))
})

test.run()
