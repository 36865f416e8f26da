/**
 * Unit tests for `lib/cli/write-atomic.ts` helpers the batch relies on:
 * which temporary files a run may remove, and how write errors read.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {describeWriteError, isAlive, isInTheWay, isWriteError, removeStaleTemporaries, runToken, temporaryName, temporaryPath} from '../lib/cli/write-atomic.js'
import {folder} from './util/cli-harness.js'

/** The pid of a process that has exited (the kernel may reuse it, but not within this test). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], {encoding: 'utf8'})
  return Number(child.stdout.trim())
}

test('write-atomic: temporary names carry the pid and the run token', function () {
  const name = path.basename(temporaryPath('/tmp'))
  const match = temporaryName.exec(name)
  assert.ok(match, name)
  assert.is(Number(match[1]), process.pid)
  assert.is(match[2], runToken)
  assert.not.equal(temporaryPath('/tmp'), temporaryPath('/tmp'), 'each call a new name')
})

test('write-atomic: stale temporaries go (dead runs, an earlier run with our pid); live runs’ and other files stay', async function () {
  const dead = deadPid()
  assert.not.ok(isAlive(dead))
  assert.ok(isAlive(process.pid))
  assert.ok(isAlive(1), 'pid 1 is alive (EPERM counts as alive)')
  const files = {
    ['out/.news-markdown-tmp-' + dead + '-0123abcd-1']: 'dead run',
    ['out/news/.news-markdown-tmp-' + dead + '-2']: 'dead run, older name without a token',
    ['out/.news-markdown-tmp-' + process.pid + '-ffffffff-3']: 'an earlier run that had our pid',
    ['out/.news-markdown-tmp-' + process.pid + '-' + runToken + '-4']: 'ours, being written',
    'out/.news-markdown-tmp-1-0123abcd-5': 'a live process’s',
    'out/.news-markdown-tmp-x-6': 'not our name',
    'out/page.md': 'a page',
    ['elsewhere/.news-markdown-tmp-' + dead + '-7']: 'outside, behind a link'
  }
  const dir = await folder(files)
  await fs.symlink(path.join(dir, 'elsewhere'), path.join(dir, 'out', 'link'))
  assert.is(await removeStaleTemporaries(path.join(dir, 'out')), 3)
  const left = (await fs.readdir(path.join(dir, 'out'))).sort()
  assert.equal(left, ['.news-markdown-tmp-1-0123abcd-5', '.news-markdown-tmp-' + process.pid + '-' + runToken + '-4', '.news-markdown-tmp-x-6', 'link', 'news', 'page.md'].sort())
  assert.equal(await fs.readdir(path.join(dir, 'out', 'news')), [], 'nested folders are searched')
  assert.ok(await fs.stat(path.join(dir, 'elsewhere', '.news-markdown-tmp-' + dead + '-7')), 'a symbolic link is not followed')
  assert.is(await removeStaleTemporaries(path.join(dir, 'missing')), 0)
  await fs.rm(dir, {recursive: true, force: true})
})

test('write-atomic: write errors are told apart and described in words', function () {
  const error = (code: string) => Object.assign(new Error(code + ': raw'), {code})
  assert.ok(isWriteError(error('ENOSPC')))
  assert.not.ok(isWriteError(error('ENOTDIR')))
  assert.not.ok(isWriteError(undefined))
  assert.ok(isInTheWay(error('EISDIR')))
  assert.not.ok(isInTheWay(error('EIO')))
  assert.is(describeWriteError(error('ENOSPC')), 'no space left on the device (ENOSPC)')
  assert.is(describeWriteError(error('ELOOP')), 'too many symbolic links in the path (ELOOP)')
  assert.is(describeWriteError(error('EWHAT')), 'EWHAT: raw')
  assert.is(describeWriteError('just text'), 'just text')
})

test.run()
