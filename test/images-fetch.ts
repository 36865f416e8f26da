// The image downloader against a local server on 127.0.0.1 (never any other
// host): normal images, timeouts, 404, 429 with Retry-After, redirects, an
// HTML page served as an image, a file past the size cap, `data:` URLs, the
// per-host concurrency limit.
import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {ImageFetcher, retryAfter} from '../lib/images/fetch.js'
import {isSvg, sniffImage} from '../lib/images/sniff.js'
import {exists} from './util/cli-harness.js'
import {failure, png, startImageServer} from './util/image-server.js'
import type {ImageServer} from './util/image-server.js'

let server: ImageServer
let dir: string
let counter = 0
const target = () => path.join(dir, 'file-' + ++counter)

test.before(async function () {
  server = await startImageServer()
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'news-markdown-fetch-'))
})

test.after(async function () {
  await server.close()
  await fs.rm(dir, {recursive: true, force: true})
})

test('fetch: a PNG is streamed to the target, hashed and typed', async function () {
  const fetcher = new ImageFetcher()
  const file = target()
  const result = await fetcher.fetch(server.origin + '/img/a.png', file)
  const bytes = await fs.readFile(file)
  assert.equal(bytes, png(4, 3, 'a.png'))
  assert.is(result.hash, createHash('sha256').update(bytes).digest('hex'))
  assert.equal(result.type, {ext: 'png', mime: 'image/png'})
  assert.is(result.size, bytes.byteLength)
  assert.is(result.redirects, 0)
  await fetcher.close()
})

test('fetch: the type comes from the bytes, not the URL or the header', async function () {
  const fetcher = new ImageFetcher()
  const jpeg = await fetcher.fetch(server.origin + '/jpeg/photo.jpg', target())
  assert.is(jpeg.type.ext, 'jpg')
  const svg = await fetcher.fetch(server.origin + '/svg/logo.svg', target())
  assert.is(svg.type.ext, 'svg')
  const gzip = await fetcher.fetch(server.origin + '/gzip/g.png', target())
  assert.is(gzip.type.ext, 'png', 'a gzip-encoded response is decoded')
  const error = await failure(fetcher.fetch(server.origin + '/html/missing.jpg', target()))
  assert.match(error.reason, 'HTML page')
  assert.match(error.reason, 'image/jpeg')
  const script = await failure(fetcher.fetch(server.origin + '/svg-script/x.svg', target()))
  assert.match(script.reason, 'SVG with scripts')
  await fetcher.close()
})

test('fetch: a failed download leaves no file', async function () {
  const fetcher = new ImageFetcher()
  const file = target()
  await failure(fetcher.fetch(server.origin + '/html/missing.jpg', file))
  assert.not.ok(await exists(file), 'no file left')
  await fetcher.close()
})

test('fetch: 404 fails at once, not transient', async function () {
  const fetcher = new ImageFetcher({retryDelay: 10})
  const error = await failure(fetcher.fetch(server.origin + '/status/404/gone.png', target()))
  assert.is(error.reason, 'HTTP 404')
  assert.is(error.transient, false)
  assert.is(server.hits.get('/status/404/gone.png'), 1, 'no retry for 404')
  await fetcher.close()
})

test('fetch: 429 with Retry-After is retried after the wait', async function () {
  const fetcher = new ImageFetcher({retryDelay: 10})
  // The waits the retry asks for, read from the timers it sets (no clock is read).
  const delays: Array<number> = []
  const original = globalThis.setTimeout
  globalThis.setTimeout = ((callback: () => void, delay?: number, ...rest: Array<unknown>) => {
    if (typeof delay === 'number' && delay >= 10) delays.push(delay)
    return original(callback, delay, ...rest)
  }) as typeof setTimeout
  let result
  try {
    result = await fetcher.fetch(server.origin + '/retry/1/429/1/busy.png', target())
  } finally {
    globalThis.setTimeout = original
  }
  assert.is(result.type.ext, 'png')
  assert.is(server.hits.get('/retry/1/429/1/busy.png'), 2)
  assert.ok(delays.includes(1000), 'waited the 1 s Retry-After asked for, not the 10 ms backoff: ' + delays.join(', '))
  assert.not.ok(delays.includes(10), 'no backoff wait')
  await fetcher.close()
})

test('fetch: 503 is retried with backoff; too many failures are reported as transient', async function () {
  const fetcher = new ImageFetcher({retryDelay: 10, retries: 2})
  const ok = await fetcher.fetch(server.origin + '/retry/2/503/-/flaky.png', target())
  assert.is(ok.type.ext, 'png')
  assert.is(server.hits.get('/retry/2/503/-/flaky.png'), 3)
  const error = await failure(fetcher.fetch(server.origin + '/retry/9/503/-/down.png', target()))
  assert.match(error.reason, 'HTTP 503')
  assert.is(error.transient, true)
  assert.is(server.hits.get('/retry/9/503/-/down.png'), 3, 'one try and two retries')
  await fetcher.close()
})

test('fetch: a Retry-After longer than allowed fails at once', async function () {
  const fetcher = new ImageFetcher({maxRetryAfter: 2000})
  const error = await failure(fetcher.fetch(server.origin + '/retry/1/429/3600/later.png', target()))
  assert.match(error.reason, 'asked to wait 3600 s')
  assert.is(error.transient, true)
  // At once: one request, no retry after a wait.
  assert.is(server.hits.get('/retry/1/429/3600/later.png'), 1)
  await fetcher.close()
})

test('fetch: redirect chains are followed up to the limit; loops fail', async function () {
  const fetcher = new ImageFetcher({maxRedirects: 3})
  const result = await fetcher.fetch(server.origin + '/redirect/3/r.png', target())
  assert.is(result.redirects, 3)
  assert.is(result.url, server.origin + '/redirect/0/r.png')
  const error = await failure(fetcher.fetch(server.origin + '/redirect/4/far.png', target()))
  assert.match(error.reason, /redirect/)
  const loop = await failure(fetcher.fetch(server.origin + '/loop/l.png', target()))
  assert.match(loop.reason, /redirect/)
  await fetcher.close()
})

test('fetch: a slow response past the timeout fails as transient', async function () {
  const fetcher = new ImageFetcher({timeout: 200})
  const error = await failure(fetcher.fetch(server.origin + '/slow/2000/s.png', target()))
  // The reason names the 0.2 s budget that ran out, not the 2 s the server would have taken.
  assert.match(error.reason, 'timed out after 0.2 s waiting for the response')
  assert.is(error.transient, true)
  await fetcher.close()
})

test('fetch: a response that trickles past the deadline fails', async function () {
  const fetcher = new ImageFetcher({timeout: 1000, deadline: 300})
  const error = await failure(fetcher.fetch(server.origin + '/trickle/50/t.png', target()))
  assert.match(error.reason, 'took longer than 0.3 s in all')
  await fetcher.close()
})

test('fetch: a file past the size cap fails, by Content-Length or while streaming', async function () {
  const fetcher = new ImageFetcher({maxSize: 1024 * 1024})
  const declared = await failure(fetcher.fetch(server.origin + '/huge/5000000/big.jpg', target()))
  assert.match(declared.reason, 'larger than the size limit (1 MiB)')
  const file = target()
  const streamed = await failure(fetcher.fetch(server.origin + '/huge/5000000/big.jpg?length=0', file))
  assert.match(streamed.reason, 'larger than the size limit (1 MiB)')
  assert.not.ok(await exists(file), 'no file left')
  const fine = await fetcher.fetch(server.origin + '/huge/1000000/ok.jpg?length=0', target())
  assert.is(fine.size, 1000000)
  await fetcher.close()
})

test('fetch: the same image under two URLs has one hash', async function () {
  const fetcher = new ImageFetcher()
  const a = await fetcher.fetch(server.origin + '/same/a.png', target())
  const b = await fetcher.fetch(server.origin + '/same/b.png?v=2', target())
  assert.is(a.hash, b.hash)
  await fetcher.close()
})

test('fetch: `data:` URLs are decoded and checked like downloads', async function () {
  const fetcher = new ImageFetcher()
  const bytes = png(2, 2, 'data')
  const result = await fetcher.fetch('data:image/png;base64,' + bytes.toString('base64'), target())
  assert.is(result.type.ext, 'png')
  assert.is(result.size, bytes.byteLength)
  const error = await failure(fetcher.fetch('data:image/png;base64,' + Buffer.from('<html><body>x</body></html>').toString('base64'), target()))
  assert.match(error.reason, 'HTML page')
  await fetcher.close()
})

test('fetch: at most `perHost` requests to one host at once', async function () {
  const slow = await startImageServer({latency: 50})
  const fetcher = new ImageFetcher({perHost: 2})
  let peak = 0
  const timer = setInterval(() => (peak = Math.max(peak, slow.open())), 5)
  await Promise.all(Array.from({length: 10}, (_, index) => fetcher.fetch(slow.origin + '/img/c' + index + '.png', target())))
  clearInterval(timer)
  assert.ok(peak <= 2, 'peak ' + peak)
  assert.ok(peak >= 1)
  await fetcher.close()
  await slow.close()
})

test('fetch: connection refused and unknown schemes fail with a reason', async function () {
  const fetcher = new ImageFetcher({retries: 0})
  const closed = await startImageServer()
  const origin = closed.origin
  await closed.close()
  const refused = await failure(fetcher.fetch(origin + '/img/x.png', target()))
  assert.is(refused.reason, 'connection refused')
  const ftp = await failure(fetcher.fetch('ftp://127.0.0.1/x.png', target()))
  assert.match(ftp.reason, '`ftp:`')
  await fetcher.close()
})

test('fetch: bad options throw naming the option', function () {
  assert.throws(() => new ImageFetcher({perHost: 0}), /`perHost`/)
})

test('retryAfter: seconds and HTTP dates (RFC 9110)', function () {
  assert.is(retryAfter('120'), 120_000)
  assert.is(retryAfter(undefined), undefined)
  assert.is(retryAfter('soon'), undefined)
  const later = retryAfter(new Date(Date.now() + 10_000).toUTCString()) as number
  assert.ok(later > 8000 && later <= 10_000)
})

test('sniff: web images, SVG, HTML and other files', async function () {
  assert.equal(await sniffImage(png(1, 1, 'x')), {ext: 'png', mime: 'image/png'})
  // An animated PNG (an `acTL` chunk before the image data) is a PNG to the web and to the copy's name.
  const still = png(1, 1, 'x')
  const animation = Buffer.alloc(20)
  animation.writeUInt32BE(8, 0)
  animation.write('acTL', 4, 'latin1')
  animation.writeUInt32BE(1, 8)
  assert.equal(await sniffImage(Buffer.concat([still.subarray(0, 33), animation, still.subarray(33)])), {ext: 'png', mime: 'image/png'})
  assert.match(((await sniffImage(Buffer.from('%PDF-1.4\n%âãÏÓ\n'))) as {reason: string}).reason, 'application/pdf')
  assert.match(((await sniffImage(Buffer.from('<!DOCTYPE html><title>404</title>'), 'image/png')) as {reason: string}).reason, 'HTML page (served as `image/png`)')
  assert.match(((await sniffImage(Buffer.from('hello'))) as {reason: string}).reason, 'match no image format')
  assert.is(((await sniffImage(new Uint8Array(0))) as {reason: string}).reason, 'the file is empty')
  assert.ok(isSvg('\uFEFF<?xml version="1.0"?><!-- c --><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><svg xmlns="http://www.w3.org/2000/svg"/>'))
  assert.not.ok(isSvg('<html><svg></svg></html>'))
  assert.match(((await sniffImage(Buffer.from('<svg onload="alert(1)"></svg>'))) as {reason: string}).reason, 'SVG with scripts')
})

test('sniff: an SVG root only after a prolog that closes (XML declaration, comments, doctype with an internal subset)', function () {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>'
  const yes = [svg, '  \n' + svg, '<SVG>', '<svg\n/>', '<!DOCTYPE svg [<!ENTITY a "x > y">]>' + svg, '<!doctype svg [ ]  >' + svg, '<?xml version="1.0"?>\n<!-- a --> <!-- b -->\n' + svg]
  const no = [
    '<svgx/>',
    '<?xml version="1.0"' + svg,
    '<!-- never closed ' + svg,
    '<!DOCTYPE svg' + svg.replace('>', ''),
    '<!DOCTYPE svg [<!ENTITY a "b">' + svg.replace('/>', ''),
    '<!DOCTYPE svg [<!ENTITY a "b">]',
    'text ' + svg
  ]
  for (const text of yes) assert.ok(isSvg(text), text)
  for (const text of no) assert.not.ok(isSvg(text), text)
})

test.run()
