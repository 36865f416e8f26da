/**
 * Faults during a run: a full disk, a read-only output folder, two runs on
 * one folder at once, stale and half-written locks. Each ends with a clear
 * message and exit code 1, a manifest that matches the files, no temporary
 * or half-written file, and a rerun that completes to exactly the folder a
 * clean run writes.
 *
 * Disk full and read-only are simulated two ways: always by wrapping the
 * file system calls of the CLI's atomic writes (`test/util/write-faults.ts`:
 * the first `n` writes succeed, later ones write half their data and fail), and, when
 * this runs as root where `mount -t tmpfs` works, with a real 64 KiB tmpfs
 * and a read-only remount.
 */
import {type ChildProcess, execFile, spawn} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {promisify} from 'node:util'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {acquireLock, staleAfter} from '../lib/cli/lock.js'
import {Manifest} from '../lib/cli/manifest.js'
import {bin, build, checkConsistent, cli, folder, page, root, tree} from './util/cli-harness.js'
import {withWriteFaults} from './util/write-faults.js'

const run = promisify(execFile)

/** 40 pages, some with the same title (collision suffixes), ~3 KB each. */
function pages(count = 40): Record<string, string> {
  const files: Record<string, string> = {}
  for (let index = 0; index < count; index++) {
    const title = index % 8 === 0 ? '重复的标题' : '文章' + index
    files['in/' + String(index).padStart(3, '0') + '.html'] = page({title, body: ('第' + index + '篇的正文，内容足够长。').repeat(60)})
  }
  return files
}

/**
 * Polls until `file` exists (`true`) or `child` has exited without it
 * appearing (`false`). Not a speed check: the only deadline is a hang
 * watchdog (10 minutes by default, far beyond any slow machine), which
 * throws with a message that says so.
 */
async function appears(file: string, child: ChildProcess, hangAfter = 600_000): Promise<boolean> {
  const watchdog = Date.now() + hangAfter
  for (;;) {
    const exited = child.exitCode !== null || child.signalCode !== null
    if (
      await fs.access(file).then(
        () => true,
        () => false
      )
    )
      return true
    if (exited) return false
    if (Date.now() > watchdog) throw new Error('Hang: process ' + child.pid + ' neither wrote `' + file + '` nor exited in ' + hangAfter / 1000 + ' s')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

async function cleanRun(dir: string, layout: string): Promise<Map<string, Buffer>> {
  const result = await cli(['in', '--out', 'clean-' + layout, '--layout', layout], dir)
  assert.is(result.code, 0, result.stderr)
  return tree(path.join(dir, 'clean-' + layout))
}

function same(actual: Map<string, Buffer>, expected: Map<string, Buffer>, label: string): void {
  assert.equal([...actual.keys()], [...expected.keys()], label + ': same files')
  for (const [name, bytes] of expected) assert.ok(bytes.equals(actual.get(name) as Buffer), label + ': ' + name + ' differs')
}

// Injected faults (any user, any OS).

for (const [spec, pattern] of [
  ['enospc:0', /no space left on the device \(ENOSPC\)/],
  ['enospc:7', /no space left on the device \(ENOSPC\)/],
  ['enospc:25', /no space left on the device \(ENOSPC\)/],
  ['erofs:3', /the file system is read-only \(EROFS\)/],
  ['eio:12', /input\/output error \(EIO\)/]
] as const) {
  test('faults: a write failing with `' + spec + '` stops the batch clearly; nothing half-written; the rerun completes', async function () {
    const dir = await folder(pages())
    const clean = await cleanRun(dir, 'hugo')
    const result = await withWriteFaults(spec, () => cli(['in', '--out', 'out', '--layout', 'hugo', '--report', 'report.json'], dir))
    assert.is(result.code, 1)
    assert.match(result.stderr, /news-markdown: Cannot write to the output folder `.*out` \(\d+\.html\): /)
    assert.match(result.stderr, pattern)
    assert.match(result.stderr, /stopped with \d+ of 40 inputs done/)
    assert.match(result.stderr, /no partial file is left/)
    assert.not.match(result.stderr, /\n\s+at /, 'no stack trace')
    assert.equal(await checkConsistent(path.join(dir, 'out'), clean), [])
    // The report goes to the same failing disk here: that is said too.
    assert.match(result.stderr, /Cannot write the report `report\.json`/)
    assert.not.ok(
      await fs.access(path.join(dir, 'report.json')).then(
        () => true,
        () => false
      ),
      'no half-written report'
    )
    const rerun = await cli(['in', '--out', 'out', '--layout', 'hugo'], dir)
    assert.is(rerun.code, 0, rerun.stderr)
    same(await tree(path.join(dir, 'out')), clean, spec)
  })
}

test('faults: the report lists the page that failed and those not attempted as `write-error`; the manifest records exactly the pages written', async function () {
  const dir = await folder(pages(10))
  const clean = await cleanRun(dir, 'plain')
  // The 5th write fails (one failure only): the manifest and the report after it are written.
  // Writes overlap, so pages claimed before the failure may still land: whatever
  // the report calls converted is exactly what the manifest records.
  const result = await withWriteFaults('enospc:4:1', () => cli(['in', '--out', 'out', '--report', 'report.json'], dir))
  assert.is(result.code, 1)
  const stopped = /stopped with (\d+) of 10 inputs done\. The manifest records every page written/.exec(result.stderr)
  assert.ok(stopped, result.stderr)
  const report = JSON.parse(await fs.readFile(path.join(dir, 'report.json'), 'utf8')) as {
    summary: {converted: number; failed: number}
    files: Array<{input: string; status: string; error: {ruleId: string; reason: string} | null}>
  }
  assert.is(report.summary.converted, Number(stopped[1]))
  assert.ok(report.summary.converted >= 4, 'the four writes before the fault landed')
  assert.is(report.summary.converted + report.summary.failed, 10)
  const failed = report.files.filter((entry) => entry.status === 'failed')
  assert.is(failed.filter((entry) => /Cannot write the output: no space left on the device \(ENOSPC\)/.test(entry.error?.reason || '')).length, 1)
  for (const entry of failed) assert.is(entry.error?.ruleId, 'write-error')
  const manifest = JSON.parse(await fs.readFile(path.join(dir, 'out/.news-markdown-manifest.json'), 'utf8')) as {files: Record<string, unknown>}
  assert.equal(
    Object.keys(manifest.files),
    report.files.filter((entry) => entry.status === 'converted').map((entry) => entry.input)
  )
  assert.equal(await checkConsistent(path.join(dir, 'out'), clean), [])
})

test('faults: a manifest that cannot be saved stays as it was; the next run adopts the files written', async function () {
  const dir = await folder(pages(12))
  const clean = await cleanRun(dir, 'plain')
  // 12 outputs are written, then every save fails (the manifest is the 13th write).
  const result = await withWriteFaults('enospc:12', () => cli(['in', '--out', 'out'], dir))
  assert.is(result.code, 1)
  assert.match(result.stderr, /manifest/)
  assert.equal(await checkConsistent(path.join(dir, 'out'), clean), [])
  const rerun = await cli(['in', '--out', 'out'], dir)
  assert.is(rerun.code, 0, rerun.stderr)
  same(await tree(path.join(dir, 'out')), clean, 'adopted')
})

// Real file systems (root, Linux): a 64 KiB tmpfs and a read-only remount.

async function canMount(): Promise<boolean> {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false
  const probe = await fs.mkdtemp(path.join(os.tmpdir(), 'news-markdown-mount-'))
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe])
    await run('umount', [probe])
    return true
  } catch {
    return false
  } finally {
    await fs.rm(probe, {recursive: true, force: true})
  }
}

const mountable = await canMount()

test('faults: a real full disk (64 KiB tmpfs): clear error, exit 1, consistent; rerun after growing it equals a clean run', async function () {
  if (!mountable) {
    console.log('  (skipped: needs root and `mount -t tmpfs`; the injected ENOSPC tests above cover the logic)')
    return
  }
  const dir = await folder(pages())
  const clean = await cleanRun(dir, 'jekyll')
  const out = path.join(dir, 'out')
  await fs.mkdir(out)
  await run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', out])
  try {
    const result = await cli(['in', '--out', 'out', '--layout', 'jekyll'], dir)
    assert.is(result.code, 1)
    assert.match(result.stderr, /Cannot write to the output folder .*no space left on the device \(ENOSPC\)/)
    assert.not.match(result.stderr, /\n\s+at /, 'no stack trace')
    assert.equal(await checkConsistent(out, clean), [])
    const written = [...(await tree(out)).keys()].filter((name) => name.endsWith('.md')).length
    assert.ok(written > 0 && written < 40, written + ' pages fit')
    await run('mount', ['-o', 'remount,size=4m', out])
    const rerun = await cli(['in', '--out', 'out', '--layout', 'jekyll'], dir)
    assert.is(rerun.code, 0, rerun.stderr)
    same(await tree(out), clean, 'after growing the disk')
  } finally {
    await run('umount', [out])
  }
})

test('faults: a read-only output folder: clear error, exit 1, files untouched; writable again, the rerun completes', async function () {
  const dir = await folder(pages(10))
  const clean = await cleanRun(dir, 'plain')
  const out = path.join(dir, 'out')
  await fs.mkdir(out)
  const readOnly = async (on: boolean) => {
    if (mountable) await run('mount', on ? ['-o', 'remount,ro', out] : ['-o', 'remount,rw', out])
    else await fs.chmod(out, on ? 0o555 : 0o755)
  }
  if (mountable) await run('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', out])
  else if (process.getuid?.() === 0) {
    console.log('  (skipped: root ignores permissions and `mount` is not available)')
    return
  }
  try {
    await readOnly(true)
    const empty = await cli(['in', '--out', 'out'], dir)
    assert.is(empty.code, 2, 'an output folder that cannot be written at the start: exit 2')
    assert.match(empty.stderr, /news-markdown: Cannot write to the output folder `.*out`: (the file system is read-only \(EROFS\)|permission denied \(EACCES\)); nothing was converted/)
    assert.equal([...(await tree(out)).keys()], [])
    await readOnly(false)
    assert.is((await cli(['in', '--out', 'out'], dir)).code, 0)
    const before = await tree(out)
    // Read-only with outputs in it: a forced rerun changes nothing.
    await fs.writeFile(path.join(dir, 'in/000.html'), page({title: '改过', body: '新的正文。'}))
    await readOnly(true)
    const refused = await cli(['in', '--out', 'out', '--force'], dir)
    assert.is(refused.code, 2)
    assert.match(refused.stderr, /Cannot write to the output folder/)
    same(await tree(out), before, 'read-only')
    await readOnly(false)
    await fs.writeFile(path.join(dir, 'in/000.html'), pages(1)['in/000.html'])
    const rerun = await cli(['in', '--out', 'out'], dir)
    assert.is(rerun.code, 0, rerun.stderr)
    same(await tree(out), clean, 'writable again')
  } finally {
    if (mountable) await run('umount', [out])
    else await fs.chmod(out, 0o755).catch(() => undefined)
  }
})

// Two runs at once.

/** The CLI in its own process (through tsx, no build needed). */
function spawnCli(args: Array<string>, cwd: string) {
  const script =
    'import(' +
    JSON.stringify(path.join(root, 'lib/cli.ts')) +
    ').then(async ({run}) => { process.exitCode = await run(process.argv.slice(1), {stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), isTTY: true}) })'
  const loader = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href
  const child = spawn(process.execPath, ['--import', loader, '--input-type=module', '-e', script, ...args], {cwd, stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, NODE_OPTIONS: ''}})
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8')
  })
  const done = new Promise<{code: number | null; stderr: string}>((resolve) => child.on('close', (code) => resolve({code, stderr})))
  return {child, done}
}

test('faults: a second run on the same folder refuses while the first holds it; the first finishes correctly', async function () {
  const dir = await folder(pages(150))
  const clean = await cleanRun(dir, 'hugo')
  const first = spawnCli(['in', '--out', 'out', '--layout', 'hugo', '--jobs', '1'], dir)
  const lock = path.join(dir, 'out/.news-markdown.lock')
  if (!(await appears(lock, first.child))) assert.unreachable('the first run ended before its lock was seen: ' + (await first.done).stderr)
  // Paused while the second run starts and tries: the first holds the lock
  // throughout, however slow the second is to start (no race to lose).
  first.child.kill('SIGSTOP')
  const second = spawnCli(['in', '--out', 'out', '--layout', 'hugo', '--jobs', '1'], dir)
  const b = await second.done
  first.child.kill('SIGCONT')
  const a = await first.done
  assert.is(a.code, 0, a.stderr)
  assert.is(b.code, 1, b.stderr)
  assert.match(b.stderr, new RegExp('Another run is writing to this folder: process ' + first.child.pid + ' on .* holds `.*\\.news-markdown\\.lock`'))
  same(await tree(path.join(dir, 'out')), clean, 'after the refused run')
})

test('faults: two runs started at the same moment: one writes, the other refuses or finds nothing to do; never interleaved', async function () {
  const dir = await folder(pages(30))
  const clean = await cleanRun(dir, 'hugo')
  for (let round = 0; round < 3; round++) {
    const out = 'out' + round
    const runs = [spawnCli(['in', '--out', out, '--layout', 'hugo', '--jobs', '1'], dir), spawnCli(['in', '--out', out, '--layout', 'hugo', '--jobs', '1'], dir)]
    const results = await Promise.all(runs.map((one) => one.done))
    for (const result of results) assert.ok(result.code === 0 || (result.code === 1 && /Another run is writing to this folder/.test(result.stderr)), result.stderr)
    assert.ok(results.some((result) => result.code === 0))
    same(await tree(path.join(dir, out)), clean, 'round ' + round)
  }
})

test('faults: a stale lock is taken over by exactly one of many runs starting together', async function () {
  const dir = await folder()
  const file = path.join(dir, '.news-markdown.lock')
  for (let round = 0; round < 5; round++) {
    await fs.writeFile(file, JSON.stringify({pid: 2 ** 22 + 4321, host: os.hostname(), started: 'before'}))
    const attempts = await Promise.allSettled(Array.from({length: 8}, () => acquireLock(file)))
    const won = attempts.filter((attempt) => attempt.status === 'fulfilled')
    assert.is(won.length, 1, 'round ' + round + ': ' + won.length + ' runs took the lock')
    for (const attempt of attempts) if (attempt.status === 'rejected') assert.match(String(attempt.reason), /Another run is writing to this folder/)
    await (won[0] as PromiseFulfilledResult<{release(): Promise<void>}>).value.release()
    assert.equal(
      (await fs.readdir(dir)).filter((name) => name !== '.news-markdown.lock'),
      [],
      'no marker or temporary left'
    )
  }
})

test('faults: a lock released while another run tries for it is taken or refused as held by its holder, never as held by an unknown run', async function () {
  const dir = await folder()
  const file = path.join(dir, '.news-markdown.lock')
  let taken = 0
  for (let round = 0; round < 100; round++) {
    const first = await acquireLock(file)
    const [, second] = await Promise.allSettled([first.release(), acquireLock(file)])
    if (second.status === 'fulfilled') {
      taken++
      await second.value.release()
    } else assert.match(String(second.reason), /Another run is writing to this folder: process \d+ /, 'round ' + round)
  }
  assert.ok(taken > 0, 'some runs took the released lock')
})

test('faults: an empty lock (a run killed while writing it) is taken over once it is old; a fresh one is respected', async function () {
  const dir = await folder()
  const file = path.join(dir, '.news-markdown.lock')
  await fs.writeFile(file, '')
  let refused = false
  await acquireLock(file).then(
    (lock) => lock.release(),
    () => {
      refused = true
    }
  )
  assert.ok(refused, 'a fresh unreadable lock is respected')
  await fs.writeFile(file, '')
  const old = new Date(Date.now() - 60_000)
  await fs.utimes(file, old, old)
  const lock = await acquireLock(file)
  assert.match(await fs.readFile(file, 'utf8'), String(process.pid))
  await lock.release()
})

// Locks that must tell their own stale holder apart.

/** What this process records in a lock, with some fields changed. */
async function lockOf(changes: Record<string, unknown>): Promise<string> {
  const dir = await folder()
  const file = path.join(dir, '.news-markdown.lock')
  const lock = await acquireLock(file)
  const record = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>
  await lock.release()
  return JSON.stringify({...record, ...changes})
}

test('faults: a lock with this run’s own pid but another process start time (a restarted container’s PID 1) is taken over at once', async function () {
  const dir = await folder()
  const file = path.join(dir, '.news-markdown.lock')
  await fs.writeFile(file, await lockOf({start: '1', token: 'dead0000dead0000', started: 'before'}))
  const lock = await acquireLock(file)
  assert.match(await fs.readFile(file, 'utf8'), /"start"/)
  assert.not.match(await fs.readFile(file, 'utf8'), /dead0000dead0000/)
  await lock.release()
  // From before a reboot: stale whatever its pid.
  await fs.writeFile(file, await lockOf({boot: 'another-boot', token: 'b'}))
  await (await acquireLock(file)).release()
  // This process really holding it (a second run in the same process): refused.
  const first = await acquireLock(file)
  const refused = await acquireLock(file).then(
    (lock) => lock.release().then(() => ''),
    (error: Error) => error.message
  )
  assert.match(refused, /Another run is writing to this folder: process \d+/)
  await first.release()
  assert.not.ok(
    await fs.access(file).then(
      () => true,
      () => false
    ),
    'released'
  )
})

test('faults: a lock whose holder cannot be checked (another PID namespace or machine) is waited for, and taken over once it is no longer refreshed', async function () {
  const dir = await folder()
  const file = path.join(dir, '.news-markdown.lock')
  for (const changes of [{pidns: 'pid:[1]'}, {host: 'another-machine.example'}]) {
    await fs.writeFile(file, await lockOf({...changes, pid: 1, token: 'other'}))
    // Last refreshed a while ago: stale 3 s from now.
    const then = new Date(Date.now() - staleAfter + 3000)
    await fs.utimes(file, then, then)
    const waits: Array<string> = []
    const lock = await acquireLock(file, {onWait: (message) => waits.push(message)})
    // Taken over only once unrefreshed for `staleAfter` (a rule on the clock, not a speed: a slow machine only waits longer).
    assert.ok(Date.now() >= then.getTime() + staleAfter - 1000, 'taken over only once stale')
    assert.is(waits.length, 1)
    assert.match(waits[0], new RegExp('Waiting for process 1 on .* to release .*: it runs where this run cannot check it.*taken over when it has not been refreshed for ' + staleAfter / 1000 + ' s'))
    await lock.release()
  }
  // A holder that keeps refreshing its lock is never taken over.
  const holder = await acquireLock(file)
  const record = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>
  await fs.writeFile(file, JSON.stringify({...record, pidns: 'pid:[1]'}))
  const fresh = setInterval(() => {
    const now = new Date()
    fs.utimes(file, now, now).catch(() => undefined)
  }, 1000)
  try {
    // A waiting run would give up only after `staleAfter` without refreshes: after 4 s it is still waiting.
    let done = false
    const waiting = acquireLock(file)
      .then((lock) => lock.release())
      .finally(() => (done = true))
    await new Promise((resolve) => setTimeout(resolve, 4000))
    assert.not.ok(done, 'still waiting for a refreshed lock')
    // Released as it is (same token): rewriting the record first would let the
    // waiting run read it half-written, or as this live process's, and refuse.
    await holder.release()
    await waiting
  } finally {
    clearInterval(fresh)
  }
})

test('faults: SIGKILL in a new PID namespace (a container), rerun in another: the lock is taken over (unshare; root)', async function () {
  const unshare = await run('unshare', ['--pid', '--fork', '--mount-proc', 'true']).then(
    () => true,
    () => false
  )
  if (!unshare) {
    console.log('  (skipped: needs root and `unshare --pid`; the tests above cover the logic)')
    return
  }
  await build()
  const files = pages(400)
  const dir = await folder(files)
  const first = spawn('unshare', ['--pid', '--fork', '--mount-proc', process.execPath, bin, 'in', '--out', 'out', '-q', '--jobs', '1'], {cwd: dir, stdio: 'ignore'})
  const lock = path.join(dir, 'out/.news-markdown.lock')
  assert.ok(await appears(lock, first), 'the first run takes the lock (it ended before the lock was seen)')
  const holder = JSON.parse(await fs.readFile(lock, 'utf8')) as {pid: number}
  assert.is(holder.pid, 1, 'PID 1 in its namespace')
  // Kill the whole namespace (its PID 1 and the node below it).
  const children = (await run('pgrep', ['-P', String(first.pid)]).catch(() => ({stdout: ''}))).stdout.split('\n').filter(Boolean)
  for (const pid of children) process.kill(Number(pid), 'SIGKILL')
  first.kill('SIGKILL')
  await new Promise((resolve) => first.on('close', resolve))
  const rerun = await run('unshare', ['--pid', '--fork', '--mount-proc', process.execPath, bin, 'in', '--out', 'out', '--jobs', '1'], {cwd: dir, timeout: 120_000}).then(
    (result) => ({code: 0, stderr: result.stderr}),
    (error: {code: number; stderr: string}) => ({code: error.code, stderr: error.stderr})
  )
  assert.is(rerun.code, 0, rerun.stderr)
  assert.match(rerun.stderr, /Waiting for process 1 on /)
  assert.not.ok(
    await fs.access(lock).then(
      () => true,
      () => false
    ),
    'no lock left'
  )
})

// Things in the way, names with escape sequences, the journal.

test('faults: a file where a folder must be, or a folder where the manifest, lock or report must be: said clearly, a report, no stack trace', async function () {
  // `shared/cases/attack/fs-file-in-way-of-folder.sh` and its other forms.
  const dir = await folder({...pages(3), 'content/posts': 'notes\n', 'plain.txt': 'x'})
  const hugo = await cli(['in', '--out', 'content', '--layout', 'hugo', '--report', 'report.json'], dir)
  assert.is(hugo.code, 1)
  assert.match(hugo.stderr, /000\.html: skipped: `posts` in the output folder is a file where a folder is needed: move it away/)
  assert.not.match(hugo.stderr, /\n\s+at /, 'no stack trace')
  const report = JSON.parse(await fs.readFile(path.join(dir, 'report.json'), 'utf8')) as {summary: {skipped: number}}
  assert.is(report.summary.skipped, 3)
  assert.is(await fs.readFile(path.join(dir, 'content/posts'), 'utf8'), 'notes\n', 'the file is left alone')
  for (const [name, what] of [
    ['.news-markdown-manifest.json', 'manifest'],
    ['.news-markdown.lock', 'lock'],
    ['.news-markdown-manifest.json.journal', 'manifest journal']
  ]) {
    const out = 'out-' + what.replace(' ', '-')
    await fs.mkdir(path.join(dir, out, name), {recursive: true})
    const result = await cli(['in', '--out', out, '--report', out + '.json'], dir)
    assert.is(result.code, 2, name)
    assert.match(
      result.stderr,
      new RegExp('Cannot use the output folder `[^`]*' + out + '`: `' + name.replace(/\./g, '\\.') + '` is a folder, where news-markdown keeps its ' + what + ': move it away; nothing was converted')
    )
    assert.not.match(result.stderr, /\n\s+at /)
    const written = JSON.parse(await fs.readFile(path.join(dir, out + '.json'), 'utf8')) as {summary: {skipped: number}}
    assert.is(written.summary.skipped, 3, 'the report lists every input')
  }
  const file = await cli(['in', '--out', 'plain.txt/out'], dir)
  assert.is(file.code, 2, 'a usage error')
  assert.match(file.stderr, /`[^`]*plain\.txt` is a file, not a folder/)
  await fs.mkdir(path.join(dir, 'report-folder'))
  const report2 = await cli(['in', '--out', 'out-ok', '--report', 'report-folder'], dir)
  assert.is(report2.code, 1)
  assert.match(report2.stderr, /Cannot write the report `report-folder`: a folder is in the way where a file is needed/)
  assert.not.match(report2.stderr, /\n\s+at /)
})

test('faults: file names with terminal escape sequences are printed escaped', async function () {
  const names = ['\u001b]0;pwned\u0007.html', 'red\u001b[31m.html', 'bidi\u202eLMTH.html', 'bell\u0007\u009b.html']
  const files: Record<string, string | Uint8Array> = {}
  for (const name of names) files['in/' + name] = new Uint8Array(64)
  const dir = await folder(files)
  for (const flags of [[], ['--verbose']]) {
    const result = await cli(['in', '--out', 'out', ...flags], dir)
    assert.is(result.code, 1)
    assert.not.match(result.stderr, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, 'no raw control character')
    assert.match(result.stderr, /\\x1b\]0;pwned\\x07\.html/)
    assert.match(result.stderr, /red\\x1b\[31m\.html/)
    assert.match(result.stderr, /bidi\\u202eLMTH\.html/)
  }
})

test('faults: every page written before the manifest could be saved is recorded (journal); the rerun owns them', async function () {
  const dir = await folder(pages(20))
  const clean = await cleanRun(dir, 'hugo')
  // 20 outputs land, then the manifest's save fails: the manifest is as before (none).
  const result = await withWriteFaults('enospc:20', () => cli(['in', '--out', 'out', '--layout', 'hugo'], dir))
  assert.is(result.code, 1)
  assert.match(result.stderr, /Cannot save the manifest .*no space left on the device \(ENOSPC\); its journal `\.news-markdown-manifest\.json\.journal` records every page written/)
  assert.not.ok(
    await fs.access(path.join(dir, 'out/.news-markdown-manifest.json')).then(
      () => true,
      () => false
    )
  )
  assert.equal(await checkConsistent(path.join(dir, 'out'), clean), [])
  const manifest = await Manifest.load(path.join(dir, 'out/.news-markdown-manifest.json'))
  assert.is([...manifest.entries()].length, 20, 'every page written is recorded')
  // A changed input: its output is news-markdown's (per the journal), so it is replaced, not skipped as foreign.
  await fs.writeFile(path.join(dir, 'in/003.html'), page({title: '文章3', body: '改过的正文。'.repeat(40)}))
  const rerun = await cli(['in', '--out', 'out', '--layout', 'hugo', '--report', 'report.json'], dir)
  assert.is(rerun.code, 0, rerun.stderr)
  const report = JSON.parse(await fs.readFile(path.join(dir, 'report.json'), 'utf8')) as {summary: {converted: number; unchanged: number}}
  assert.equal(report.summary, {...report.summary, converted: 1, unchanged: 19})
  assert.not.ok(
    await fs.access(path.join(dir, 'out/.news-markdown-manifest.json.journal')).then(
      () => true,
      () => false
    ),
    'merged and removed'
  )
})

test('faults: a run killed mid-batch leaves a journal; the rerun merges it and equals a clean run', async function () {
  const dir = await folder(pages(30))
  const clean = await cleanRun(dir, 'plain')
  // Simulate the kill: the outputs and journal a run leaves, without its final save.
  const out = path.join(dir, 'out')
  assert.is((await cli(['in', '--out', 'out'], dir)).code, 0)
  const entries = [...(await Manifest.load(path.join(out, '.news-markdown-manifest.json'))).entries()]
  await fs.rm(path.join(out, '.news-markdown-manifest.json'))
  const journal = await Manifest.load(path.join(out, '.news-markdown-manifest.json'))
  await journal.openJournal(entries.map(([relative]) => relative))
  for (const [relative, entry] of entries) await journal.set(relative, entry)
  await journal.closeJournal()
  const rerun = await cli(['in', '--out', 'out', '--report', 'report.json'], dir)
  assert.is(rerun.code, 0, rerun.stderr)
  const report = JSON.parse(await fs.readFile(path.join(dir, 'report.json'), 'utf8')) as {summary: {unchanged: number}}
  assert.is(report.summary.unchanged, 30)
  same(await tree(out), clean, 'after merging')
})

test('faults: a full disk before the first write: nothing written, no empty temporary left, the real cause said (tmpfs; root)', async function () {
  if (!mountable) {
    console.log('  (skipped: needs root and `mount -t tmpfs`)')
    return
  }
  const dir = await folder(pages(5))
  const out = path.join(dir, 'out')
  await fs.mkdir(out)
  await run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', out])
  try {
    // Fill the disk completely.
    await run('sh', ['-c', 'dd if=/dev/zero of=' + path.join(out, 'filler') + ' bs=4k 2>/dev/null; true'])
    const result = await cli(['in', '--out', 'out'], dir)
    assert.is(result.code, 2, 'an output folder that cannot be written before any page: exit 2')
    assert.match(result.stderr, /no space left on the device \(ENOSPC\)/)
    assert.equal([...(await tree(out)).keys()], ['filler'], 'no temporary, lock or journal left')
  } finally {
    await run('umount', [out])
  }
  // A missing --out on a read-only file system: the real cause, not ENOENT.
  const ro = path.join(dir, 'ro')
  await fs.mkdir(ro)
  await run('mount', ['-t', 'tmpfs', '-o', 'size=64k,ro', 'tmpfs', ro])
  try {
    const result = await cli(['in', '--out', 'ro/new/out'], dir)
    assert.is(result.code, 2)
    assert.match(result.stderr, /Cannot write to the output folder `[^`]*ro\/new\/out`: the file system is read-only \(EROFS\); nothing was converted/)
    assert.not.match(result.stderr, /ENOENT/)
  } finally {
    await run('umount', [ro])
  }
})

test('faults: a missing --out under a folder without write permission: the real cause, not ENOENT', async function () {
  if (process.getuid?.() === 0) {
    console.log('  (skipped as root: permissions do not apply; the read-only mount above covers it)')
    return
  }
  const dir = await folder(pages(2))
  await fs.mkdir(path.join(dir, 'locked'), {mode: 0o555})
  const result = await cli(['in', '--out', 'locked/new/out'], dir)
  assert.is(result.code, 1)
  assert.match(result.stderr, /permission denied \(EACCES\); nothing was converted/)
})

test.run()
