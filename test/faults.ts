/**
 * Faults during a run: a full disk, a read-only output folder, two runs on
 * one folder at once, stale and half-written locks. Each ends with a clear
 * message and exit code 1, a manifest that matches the files, no temporary
 * or half-written file, and a rerun that completes to exactly the folder a
 * clean run writes.
 *
 * Disk full and read-only are simulated two ways: always with the
 * `NEWS_MARKDOWN_FAULT` hook of `lib/cli/write-atomic.ts` (the first `n`
 * writes succeed, later ones write half their data and fail), and, when
 * this runs as root where `mount -t tmpfs` works, with a real 64 KiB tmpfs
 * and a read-only remount.
 */
import {execFile, spawn} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {promisify} from 'node:util'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {acquireLock} from '../lib/cli/lock.js'
import {checkConsistent, cli, folder, page, root, tree} from './util/cli-harness.js'

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

async function withFault<T>(spec: string, action: () => Promise<T>): Promise<T> {
  process.env.NEWS_MARKDOWN_FAULT = spec
  try {
    return await action()
  } finally {
    delete process.env.NEWS_MARKDOWN_FAULT
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
    const result = await withFault(spec, () => cli(['in', '--out', 'out', '--layout', 'hugo', '--report', 'report.json'], dir))
    assert.is(result.code, 1)
    assert.match(result.stderr, /news-markdown: Cannot write to the output folder `.*out` \(\d+\.html\): /)
    assert.match(result.stderr, pattern)
    assert.match(result.stderr, /stopped with \d+ of 40 inputs done/)
    assert.match(result.stderr, /no partial file is left/)
    assert.not.match(result.stderr, /\n\s+at /, 'no stack trace')
    assert.equal(await checkConsistent(path.join(dir, 'out'), clean), [])
    // The report goes to the same failing disk here: that is said too.
    assert.match(result.stderr, /Cannot write the report `report\.json`/)
    assert.not.ok(await fs.access(path.join(dir, 'report.json')).then(() => true, () => false), 'no half-written report')
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
  const result = await withFault('enospc:4:1', () => cli(['in', '--out', 'out', '--report', 'report.json'], dir))
  assert.is(result.code, 1)
  const stopped = /stopped with (\d+) of 10 inputs done\. The manifest records every page written/.exec(result.stderr)
  assert.ok(stopped, result.stderr)
  const report = JSON.parse(await fs.readFile(path.join(dir, 'report.json'), 'utf8')) as {summary: {converted: number; failed: number}; files: Array<{input: string; status: string; error: {ruleId: string; reason: string} | null}>}
  assert.is(report.summary.converted, Number(stopped[1]))
  assert.ok(report.summary.converted >= 4, 'the four writes before the fault landed')
  assert.is(report.summary.converted + report.summary.failed, 10)
  const failed = report.files.filter((entry) => entry.status === 'failed')
  assert.is(failed.filter((entry) => /Cannot write the output: no space left on the device \(ENOSPC\)/.test(entry.error?.reason || '')).length, 1)
  for (const entry of failed) assert.is(entry.error?.ruleId, 'write-error')
  const manifest = JSON.parse(await fs.readFile(path.join(dir, 'out/.news-markdown-manifest.json'), 'utf8')) as {files: Record<string, unknown>}
  assert.equal(Object.keys(manifest.files), report.files.filter((entry) => entry.status === 'converted').map((entry) => entry.input))
  assert.equal(await checkConsistent(path.join(dir, 'out'), clean), [])
})

test('faults: a manifest that cannot be saved stays as it was; the next run adopts the files written', async function () {
  const dir = await folder(pages(12))
  const clean = await cleanRun(dir, 'plain')
  // 12 outputs are written, then every save fails (the manifest is the 13th write).
  const result = await withFault('enospc:12', () => cli(['in', '--out', 'out'], dir))
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
    assert.is(empty.code, 1)
    assert.match(empty.stderr, /news-markdown: Cannot write to the output folder `.*out`: (the file system is read-only \(EROFS\)|permission denied \(EACCES\)); nothing was converted/)
    assert.equal([...(await tree(out)).keys()], [])
    await readOnly(false)
    assert.is((await cli(['in', '--out', 'out'], dir)).code, 0)
    const before = await tree(out)
    // Read-only with outputs in it: a forced rerun changes nothing.
    await fs.writeFile(path.join(dir, 'in/000.html'), page({title: '改过', body: '新的正文。'}))
    await readOnly(true)
    const refused = await cli(['in', '--out', 'out', '--force'], dir)
    assert.is(refused.code, 1)
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
  const script = 'import(' + JSON.stringify(path.join(root, 'lib/cli.ts')) + ').then(async ({run}) => { process.exitCode = await run(process.argv.slice(1), {stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), isTTY: true}) })'
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
  const started = Date.now()
  while (!(await fs.access(lock).then(() => true, () => false))) {
    assert.ok(Date.now() - started < 30_000, 'the first run takes the lock')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  const second = spawnCli(['in', '--out', 'out', '--layout', 'hugo', '--jobs', '1'], dir)
  const [a, b] = await Promise.all([first.done, second.done])
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
    assert.equal((await fs.readdir(dir)).filter((name) => name !== '.news-markdown.lock'), [], 'no marker or temporary left')
  }
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

test.run()
