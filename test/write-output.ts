/**
 * What a batch does when something is already at a page's output path
 * (`lib/cli/write-output.ts`), with real files: a folder, a FIFO and a
 * symbolic link are never replaced (a link only with `--overwrite`, and
 * then the link itself, never what it points to); a page that moved takes
 * its old output away only while it is still what news-markdown wrote.
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {cli, folder, page} from './util/cli-harness.js'

const exec = promisify(execFile)

async function pathOf(dir: string, out: string): Promise<string> {
  const names = (await fs.readdir(path.join(dir, out), {recursive: true})).filter((name) => name.endsWith('.md'))
  assert.is(names.length, 1, names.join(', '))
  return names[0]
}

test('write: a folder, a FIFO or a symbolic link at the output path is left alone and the page skipped (exit 1)', async function () {
  const dir = await folder({'in/a.html': page({title: '标题'}), 'elsewhere/victim.md': 'keep me'})
  const first = await cli(['in', '--out', 'probe', '-q'], dir)
  assert.is(first.code, 0, first.stderr)
  const name = await pathOf(dir, 'probe')
  const kinds: Array<[string, (file: string) => Promise<unknown>, RegExp]> = [
    ['folder', (file) => fs.mkdir(file), /is a folder, not a file news-markdown wrote: move it away/],
    ['fifo', (file) => exec('mkfifo', [file]), /is a special file, not a file news-markdown wrote: move it away/],
    ['link', (file) => fs.symlink(path.join(dir, 'elsewhere/victim.md'), file), /is a symbolic link, not a file news-markdown wrote \(use --overwrite to replace the link itself\)/]
  ]
  for (const [kind, make, expected] of kinds) {
    const file = path.join(dir, kind, name)
    await fs.mkdir(path.dirname(file), {recursive: true})
    await make(file)
    const result = await cli(['in', '--out', kind], dir)
    assert.is(result.code, 1, kind + ': ' + result.stderr)
    assert.match(result.stderr, expected, kind)
    assert.match(result.stderr, /0 converted, 0 unchanged, 1 skipped/, kind)
  }
  assert.ok((await fs.stat(path.join(dir, 'folder', name))).isDirectory())
  assert.ok((await fs.lstat(path.join(dir, 'fifo', name))).isFIFO())
  assert.ok((await fs.lstat(path.join(dir, 'link', name))).isSymbolicLink())
  assert.is(await fs.readFile(path.join(dir, 'elsewhere/victim.md'), 'utf8'), 'keep me')
})

test('write: with `--overwrite` a symbolic link at the output path is replaced by the page; what it pointed to is untouched', async function () {
  const dir = await folder({'in/a.html': page({title: '标题'}), 'elsewhere/victim.md': 'keep me'})
  await cli(['in', '--out', 'probe', '-q'], dir)
  const name = await pathOf(dir, 'probe')
  const file = path.join(dir, 'out', name)
  await fs.mkdir(path.dirname(file), {recursive: true})
  await fs.symlink(path.join(dir, 'elsewhere/victim.md'), file)
  const result = await cli(['in', '--out', 'out', '--overwrite'], dir)
  assert.is(result.code, 0, result.stderr)
  assert.ok((await fs.lstat(file)).isFile(), 'a file now')
  assert.is(await fs.readFile(file, 'utf8'), await fs.readFile(path.join(dir, 'probe', name), 'utf8'))
  assert.is(await fs.readFile(path.join(dir, 'elsewhere/victim.md'), 'utf8'), 'keep me')
})

test('write: a page that moved removes its old output, unless that file was edited or replaced by a link', async function () {
  for (const change of ['none', 'edited', 'link'] as const) {
    const dir = await folder({'in/a.html': page({title: '标题', url: 'https://news.example/old-name.html'}), 'elsewhere/victim.md': 'keep me'})
    assert.is((await cli(['in', '--out', 'out', '--layout', 'hugo', '-q'], dir)).code, 0)
    const old = path.join(dir, 'out', await pathOf(dir, 'out'))
    if (change === 'edited') await fs.appendFile(old, '\nmy note\n')
    if (change === 'link') {
      await fs.rm(old)
      await fs.symlink(path.join(dir, 'elsewhere/victim.md'), old)
    }
    await fs.writeFile(path.join(dir, 'in/a.html'), page({title: '标题', url: 'https://news.example/new-name.html'}))
    const result = await cli(['in', '--out', 'out', '--layout', 'hugo'], dir)
    assert.is(result.code, 0, change + ': ' + result.stderr)
    const names = (await fs.readdir(path.join(dir, 'out'), {recursive: true})).filter((name) => name.endsWith('.md')).sort()
    if (change === 'none') assert.equal(names, ['posts/new-name.md'], change)
    else assert.equal(names, ['posts/new-name.md', 'posts/old-name.md'], change + ': the old output stays')
    if (change === 'edited') assert.match(await fs.readFile(old, 'utf8'), 'my note')
    if (change === 'link') assert.ok((await fs.lstat(old)).isSymbolicLink())
  }
})

test.run()
