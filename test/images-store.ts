// Image files in the output folder (`lib/images/store.ts`), with real files
// in temporary folders: hard links of a run's temporary files (and the copy
// when the file system cannot link), names held by a folder or a file the
// user put there, a file removed behind the store's back, names from URLs
// that do not parse. (`test/images.ts` has the common cases.)
import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {hashFile, imageName, ImageStore} from '../lib/images/store.js'
import {png} from './util/image-server.js'

let dir: string

test.before(async function () {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'news-markdown-store-'))
})

test.after(async function () {
  await fs.rm(dir, {recursive: true, force: true})
})

async function source(folder: string, name: string, bytes: Uint8Array): Promise<{source: string; hash: string}> {
  await fs.mkdir(folder, {recursive: true})
  const file = path.join(folder, name)
  await fs.writeFile(file, bytes)
  return {source: file, hash: createHash('sha256').update(bytes).digest('hex')}
}

test('store: a temporary file of the run is hard-linked into place, not copied', async function () {
  const {source: file, hash} = await source(path.join(dir, 'tmp-1'), 'download', png(3, 3, 'link'))
  const folder = path.join(dir, 'out-1')
  const placed = await new ImageStore().place({source: file, hash, folder, name: 'a.png', link: true})
  assert.equal(placed, {file: path.join(folder, 'a.png'), written: true})
  const [from, to] = await Promise.all([fs.stat(file), fs.stat(placed.file)])
  assert.is(to.ino, from.ino, 'the same file')
  assert.ok(to.nlink >= 2)
})

test('store: a temporary file on another file system is copied (no hard link across file systems)', async function () {
  let shm: string
  try {
    shm = await fs.mkdtemp('/dev/shm/news-markdown-store-')
  } catch {
    return
  }
  try {
    const bytes = png(4, 3, 'other fs')
    const {source: file, hash} = await source(shm, 'download', bytes)
    if ((await fs.stat(shm)).dev === (await fs.stat(dir)).dev) return
    const placed = await new ImageStore().place({source: file, hash, folder: path.join(dir, 'out-2'), name: 'b.png', link: true})
    assert.ok(placed.written)
    assert.equal(await fs.readFile(placed.file), bytes)
    assert.is.not((await fs.stat(placed.file)).ino, (await fs.stat(file)).ino)
    assert.equal(
      (await fs.readdir(path.join(dir, 'out-2'))).filter((name) => name.startsWith('.')),
      [],
      'no temporary file left'
    )
  } finally {
    await fs.rm(shm, {recursive: true, force: true})
  }
})

test('store: a folder holding the name is stepped around; a file removed since it was placed is written again', async function () {
  const bytes = png(5, 3, 'around')
  const {source: file, hash} = await source(path.join(dir, 'src-3'), 'c.png', bytes)
  const folder = path.join(dir, 'out-3')
  await fs.mkdir(path.join(folder, 'c.png'), {recursive: true})
  const store = new ImageStore()
  const placed = await store.place({source: file, hash, folder, name: 'c.png'})
  assert.equal(placed, {file: path.join(folder, 'c-2.png'), written: true})
  assert.ok((await fs.stat(path.join(folder, 'c.png'))).isDirectory(), 'the folder stays')
  // The same store again: known, not hashed again, not written.
  assert.equal(await store.place({source: file, hash, folder, name: 'c.png'}), {file: placed.file, written: false})
  await fs.rm(placed.file)
  assert.is(await store.hashOf(placed.file), undefined, 'forgotten once gone')
  assert.equal(await store.place({source: file, hash, folder, name: 'c.png'}), {file: placed.file, written: true})
  assert.equal(await fs.readFile(placed.file), bytes)
})

test('store: `hashFile` of a missing file, a folder and a file', async function () {
  assert.is(await hashFile(path.join(dir, 'nothing-here')), undefined)
  assert.is(await hashFile(dir), 'unreadable:EISDIR')
  const {source: file, hash} = await source(path.join(dir, 'src-4'), 'd.png', png(2, 2, 'hash'))
  assert.is(await hashFile(file), hash)
})

test('store: names from text that is not a URL, or whose escapes do not decode', function () {
  const hash = 'cd34ab12'.padEnd(64, '0')
  assert.is(imageName('photos\\2020\\Summer Day.JPG?x=1', hash, 'jpg'), 'summer-day-cd34ab12.jpg')
  assert.is(imageName('https://x.example/a%ZZb.png', hash, 'png'), 'a-zzb-cd34ab12.png')
  assert.is(imageName('', hash, 'webp'), 'image-cd34ab12.webp')
})

test.run()
