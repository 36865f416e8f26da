/**
 * The CLI's worker pool when workers cannot start: each page waiting for a
 * worker fails with a clear reason (`worker-crash`, or `out-of-memory`
 * after the retry with a large heap) and the batch ends; it never waits
 * forever.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {closePools} from '../lib/cli/pool.js'
import {cli, folder, page, root} from './util/cli-harness.js'

/** Run `action` with `preload` imported into every worker thread started meanwhile. */
async function withWorkerPreload<T>(preload: string, action: () => Promise<T>): Promise<T> {
  const flag = '--import=' + pathToFileURL(path.join(root, 'test/data/workers', preload)).href
  // Pools started before would not see the preload.
  await closePools()
  process.execArgv.push(flag)
  try {
    return await action()
  } finally {
    process.execArgv.splice(process.execArgv.indexOf(flag), 1)
    await closePools()
  }
}

/** Fail instead of hanging: `action` must settle within `ms` (a watchdog for hangs, not a speed check). */
async function settles<T>(action: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('still waiting after ' + ms / 1000 + ' s: the batch hangs')), ms)
  })
  try {
    return await Promise.race([action, hang])
  } finally {
    clearTimeout(timer)
  }
}

const pages = {'in/a.html': page({title: '一'}), 'in/b.html': page({title: '二'}), 'in/c.html': page({title: '三'})}

test('cli: workers that die while starting fail each page with `worker-crash`, and the batch ends', async function () {
  const dir = await folder(pages)
  for (const jobs of ['1', '2']) {
    const result = await withWorkerPreload('start-throws.mjs', () => settles(cli(['in', '--out', 'out-' + jobs, '--jobs', jobs, '--report', 'report-' + jobs + '.json'], dir), 300_000))
    assert.is(result.code, 1, result.stderr)
    assert.match(result.stderr, /0 converted, 0 unchanged, 0 skipped, 3 failed/)
    assert.match(result.stderr, /this worker cannot start/)
    const report = JSON.parse(await fs.readFile(path.join(dir, 'report-' + jobs + '.json'), 'utf8')) as {files: Array<{status: string; error: {ruleId: string} | null}>}
    assert.equal(
      report.files.map((file) => [file.status, file.error?.ruleId]),
      [
        ['failed', 'worker-crash'],
        ['failed', 'worker-crash'],
        ['failed', 'worker-crash']
      ]
    )
  }
})

test('cli: workers whose heap is too small to start send each page to the retry worker, then fail it with `out-of-memory`', async function () {
  const dir = await folder(pages)
  process.env.NEWS_MARKDOWN_RETRY_HEAP = '48'
  try {
    const result = await withWorkerPreload('start-hogs-memory.mjs', () => settles(cli(['in', '--out', 'out', '--jobs', '2', '--worker-memory', '40M'], dir), 300_000))
    assert.is(result.code, 1, result.stderr)
    assert.match(result.stderr, /0 converted, 0 unchanged, 0 skipped, 3 failed/)
    assert.match(result.stderr, /ran out of memory \(a 48 MB heap\)/)
  } finally {
    delete process.env.NEWS_MARKDOWN_RETRY_HEAP
  }
})

test('cli: a page the retry worker converts after its worker ran out of memory is converted and says so (`worker-memory-retry`)', async function () {
  const dir = await folder(pages)
  process.env.NEWS_MARKDOWN_RETRY_HEAP = '256'
  try {
    const result = await withWorkerPreload('start-hogs-small-heap.mjs', () => settles(cli(['in', '--out', 'out', '--jobs', '2', '--worker-memory', '40M', '--report', 'report.json'], dir), 300_000))
    assert.is(result.code, 0, result.stderr)
    assert.match(result.stderr, /3 converted, 0 unchanged, 0 skipped, 0 failed/)
    const report = JSON.parse(await fs.readFile(path.join(dir, 'report.json'), 'utf8')) as {files: Array<{status: string; warnings: Array<{ruleId: string; kind: string; reason: string}>}>}
    for (const file of report.files) {
      assert.is(file.status, 'converted')
      const notes = file.warnings.filter((warning) => warning.ruleId === 'worker-memory-retry')
      assert.is(notes.length, 1)
      assert.is(notes[0].kind, 'info')
      assert.match(notes[0].reason, /exhausted a 40 MB worker heap .*a 256 MB heap/)
    }
  } finally {
    delete process.env.NEWS_MARKDOWN_RETRY_HEAP
  }
})

test('cli: after workers failed to start, the next batch starts new ones', async function () {
  const dir = await folder(pages)
  await withWorkerPreload('start-throws.mjs', () => settles(cli(['in', '--out', 'broken', '--jobs', '2'], dir), 300_000))
  const result = await settles(cli(['in', '--out', 'out', '--jobs', '2'], dir), 300_000)
  assert.is(result.code, 0, result.stderr)
  assert.match(result.stderr, /3 converted/)
})

test.run()
