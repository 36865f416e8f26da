// The image downloader against servers that misbehave, on 127.0.0.1 only:
// bodies in every `Content-Encoding` it accepts, a response that never
// comes or stalls mid-body, a body shorter than its `Content-Length`, a
// connection closed at once, a 3xx that is not a redirect, `data:` URLs
// that are not images. (`test/images-fetch.ts` has the common cases.)
import {once} from 'node:events'
import fs from 'node:fs/promises'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {ImageFetcher} from '../lib/images/fetch.js'
import {exists} from './util/cli-harness.js'
import {failure, png} from './util/image-server.js'

let server: http.Server
let origin: string
let dir: string
let counter = 0
const target = () => path.join(dir, 'file-' + ++counter)
const image = png(6, 4, 'edges')
/** Responses held open by the tests of timeouts, ended in `after`. */
const held = new Set<http.ServerResponse>()

function handle(request: http.IncomingMessage, response: http.ServerResponse): void {
  const [route, argument] = (request.url || '/').split('/').filter(Boolean)
  const encoded: Record<string, (bytes: Buffer) => Buffer> = {gzip: zlib.gzipSync, 'x-gzip': zlib.gzipSync, deflate: zlib.deflateSync, br: zlib.brotliCompressSync}
  switch (route) {
    case 'encoded': {
      const body = encoded[argument](image)
      response.writeHead(200, {'content-type': 'image/png', 'content-encoding': argument, 'content-length': String(body.byteLength)})
      return void response.end(body)
    }
    case 'corrupt-gzip':
      response.writeHead(200, {'content-type': 'image/png', 'content-encoding': 'gzip'})
      return void response.end(Buffer.from('not gzip at all'))
    case 'silent':
      // Headers never come.
      held.add(response)
      return
    case 'stall':
      // Half the body, then nothing.
      held.add(response)
      response.writeHead(200, {'content-type': 'image/png', 'content-length': String(image.byteLength)})
      return void response.write(image.subarray(0, 20))
    case 'short':
      // Fewer bytes than announced, then the connection ends.
      response.writeHead(200, {'content-type': 'image/png', 'content-length': String(image.byteLength + 100)})
      response.write(image)
      return void response.socket?.end()
    case 'reset':
      return void request.socket.destroy()
    case 'not-modified':
      response.writeHead(304)
      return void response.end()
    default:
      response.writeHead(404, {'content-type': 'text/plain'})
      return void response.end('no')
  }
}

test.before(async function () {
  server = http.createServer(handle)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  origin = 'http://127.0.0.1:' + (server.address() as AddressInfo).port
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'news-markdown-fetch-edges-'))
})

test.after(async function () {
  for (const response of held) response.destroy()
  server.closeAllConnections()
  server.close()
  await fs.rm(dir, {recursive: true, force: true})
})

test('fetch: gzip, x-gzip, deflate and br bodies are decoded to the same image', async function () {
  const fetcher = new ImageFetcher()
  for (const encoding of ['gzip', 'x-gzip', 'deflate', 'br']) {
    const file = target()
    const result = await fetcher.fetch(origin + '/encoded/' + encoding, file)
    assert.is(result.type.ext, 'png', encoding)
    assert.equal(await fs.readFile(file), image, encoding)
  }
  const error = await failure(fetcher.fetch(origin + '/corrupt-gzip', target()))
  assert.ok(error.reason.length > 0)
  await fetcher.close()
})

test('fetch: no response headers, or a body that stops, time out as transient; nothing is left', async function () {
  const fetcher = new ImageFetcher({timeout: 300, retries: 0})
  const silent = target()
  const waiting = await failure(fetcher.fetch(origin + '/silent', silent))
  assert.is(waiting.reason, 'timed out after 0.3 s waiting for the response')
  assert.ok(waiting.transient)
  const stalled = target()
  const stopped = await failure(fetcher.fetch(origin + '/stall', stalled))
  assert.is(stopped.reason, 'timed out after 0.3 s waiting for more data')
  assert.ok(stopped.transient)
  assert.not.ok(await exists(silent))
  assert.not.ok(await exists(stalled))
  await fetcher.close()
})

test('fetch: a body shorter than its Content-Length and a connection closed at once fail as transient', async function () {
  const fetcher = new ImageFetcher({retries: 0})
  const short = await failure(fetcher.fetch(origin + '/short', target()))
  assert.ok(short.transient, short.reason)
  assert.match(short.reason, /ended before its Content-Length|closed early/)
  const reset = await failure(fetcher.fetch(origin + '/reset', target()))
  assert.ok(reset.transient, reset.reason)
  assert.is(reset.reason, 'the connection was closed early')
  await fetcher.close()
})

test('fetch: a 3xx without a new location is not an image; `data:` URLs that are not images fail with a reason', async function () {
  const fetcher = new ImageFetcher({maxRedirects: 2})
  const modified = await failure(fetcher.fetch(origin + '/not-modified', target()))
  assert.is(modified.reason, 'HTTP 304: more than 2 redirects')
  assert.is((await failure(fetcher.fetch('not a url at all', target()))).reason, 'not a URL')
  assert.is((await failure(fetcher.fetch('data:image/png;base64', target()))).reason, 'the `data:` URL cannot be decoded')
  const text = await failure(fetcher.fetch('data:text/plain,hello', target()))
  assert.ok(text.reason.length > 0)
  await fetcher.close()
})

test.run()
