// The image downloader's options and the errors that are not the image's
// fault, on 127.0.0.1 only: options left `undefined` or `null` keep their
// defaults, a repeated header is read by its first value, a target the file
// system refuses rejects with the file system's own error (the batch stops
// on it) and leaves nothing. (`test/images-fetch-edges.ts` has the servers
// that misbehave.)
import {once} from 'node:events'
import fs from 'node:fs/promises'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {fetchDefaults, ImageFetcher} from '../lib/images/fetch.js'
import {ImageError} from '../lib/images/image-error.js'
import {png} from './util/image-server.js'

let server: http.Server
let origin: string
let dir: string
const image = png(5, 3, 'errors')
/** A promise and its resolve function (Node 20 has no `Promise.withResolvers`). */
function deferred(): {promise: Promise<void>; resolve: () => void} {
  let resolve: () => void = () => undefined
  const promise = new Promise<void>((done) => {
    resolve = done
  })
  return {promise, resolve}
}
let badGzipSent = deferred()

test.before(async function () {
  server = http.createServer(function (request, response) {
    if (request.url === '/bad-gzip') {
      // Declared gzip, but not gzip: the decoder fails on the first bytes.
      response.writeHead(200, {'content-type': 'image/png', 'content-encoding': 'gzip'})
      response.on('finish', () => badGzipSent.resolve())
      return void response.end(Buffer.alloc(64 * 1024, 'not gzip '))
    }
    if (request.url === '/declared-large') {
      // 5,000 bytes, said in `Content-Length`.
      response.writeHead(200, {'content-type': 'image/png', 'content-length': '5000'})
      return void response.end(Buffer.concat([image, Buffer.alloc(5000 - image.byteLength)]))
    }
    if (request.url === '/repeated') {
      // Two `Content-Type` lines (a proxy added one): the first is the server's.
      response.setHeader('content-type', ['image/png', 'text/html'])
      response.setHeader('content-length', String(image.byteLength))
      return void response.end(image)
    }
    response.writeHead(200, {'content-type': 'image/png', 'content-length': String(image.byteLength)})
    response.end(image)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  origin = 'http://127.0.0.1:' + (server.address() as AddressInfo).port
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'news-markdown-fetch-errors-'))
})

test.after(async function () {
  server.closeAllConnections()
  server.close()
  await fs.rm(dir, {recursive: true, force: true})
})

test('fetch errors: options given as `undefined` or `null` keep the defaults; a bad number names its option', async function () {
  const fetcher = new ImageFetcher({timeout: undefined, maxSize: null as unknown as undefined, perHost: 2})
  assert.is(fetcher.settings.timeout, fetchDefaults.timeout)
  assert.is(fetcher.settings.maxSize, fetchDefaults.maxSize)
  assert.is(fetcher.settings.perHost, 2)
  await fetcher.close()
  assert.throws(() => new ImageFetcher({deadline: 0}), /Invalid image fetch option `deadline`: expected a positive number, not `0`/)
  assert.throws(() => new ImageFetcher({concurrency: Number.NaN}), /Invalid image fetch option `concurrency`/)
})

test('fetch errors: a `Content-Length` over the size limit fails the image at once, both sizes in the unit that fits', async function () {
  for (const [maxSize, limit] of [
    [2048, '2 KiB'],
    [1000, '1000 B']
  ] as const) {
    const fetcher = new ImageFetcher({retries: 0, maxSize})
    const file = path.join(dir, 'declared-large-' + maxSize)
    const error = await fetcher.fetch(origin + '/declared-large', file).then(
      () => undefined,
      (error: unknown) => error as ImageError
    )
    assert.instance(error, ImageError)
    assert.is(error?.message, 'larger than the size limit (' + limit + '): Content-Length is 4.9 KiB')
    assert.is(error?.transient, false)
    assert.not.ok(await fs.stat(file).catch(() => undefined), 'nothing written')
    await fetcher.close()
  }
})

test('fetch errors: a repeated `Content-Type` is read by its first value', async function () {
  const fetcher = new ImageFetcher({retries: 0})
  const file = path.join(dir, 'repeated')
  const result = await fetcher.fetch(origin + '/repeated', file)
  assert.is(result.type.ext, 'png')
  assert.equal(await fs.readFile(file), image)
  await fetcher.close()
})

test('fetch errors: a target the file system refuses rejects with its own error, not an image error; nothing is left', async function () {
  const fetcher = new ImageFetcher({retries: 0})
  const base = await fs.mkdtemp(path.join(dir, 'refused-'))
  const missing = path.join(base, 'no-such-folder', 'file')
  const error = await fetcher.fetch(origin + '/image', missing).then(
    () => undefined,
    (error: unknown) => error as NodeJS.ErrnoException
  )
  assert.ok(error, 'the download rejects')
  assert.not.instance(error, ImageError)
  assert.is(error.code, 'ENOENT')
  assert.equal(await fs.readdir(base), [], 'no folder made, no file left')
  // The same for a `data:` URL.
  const data = 'data:image/png;base64,' + image.toString('base64')
  const refused = await fetcher.fetch(data, missing).then(
    () => undefined,
    (error: unknown) => error as NodeJS.ErrnoException
  )
  assert.ok(refused)
  assert.not.instance(refused, ImageError)
  await fetcher.close()
})

test('fetch errors: a body that fails to decode after the target was refused is no uncaught error', async function () {
  const fetcher = new ImageFetcher({retries: 0})
  const uncaught: Array<unknown> = []
  const note = (error: unknown) => uncaught.push(error)
  process.on('uncaughtException', note)
  badGzipSent = deferred()
  const missing = path.join(dir, 'no-such-folder', 'bad-gzip')
  try {
    const error = await fetcher.fetch(origin + '/bad-gzip', missing).then(
      () => undefined,
      (error: unknown) => error as NodeJS.ErrnoException
    )
    assert.is(error && error.code, 'ENOENT', 'the file system error is the one reported')
    // Let the whole body arrive and the decoder see it.
    await badGzipSent.promise
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve))
  } finally {
    process.off('uncaughtException', note)
    await fetcher.close()
  }
  assert.equal(uncaught.map(String), [], 'no decoder error escapes')
})

test.run()
