/**
 * A local HTTP server for the image tests and the benchmark, on 127.0.0.1
 * only (an ephemeral port): real PNG and JPEG bytes and the misbehaviours
 * a crawl meets. Routes (`n`, `ms`, `s` are numbers in the path):
 *
 * - `/img/<name>.png`: a distinct small PNG per name (`?size=<w>` for its width)
 * - `/same/<anything>`: the same PNG bytes under every URL
 * - `/jpeg/<name>.jpg`: a JPEG (signature and JFIF header)
 * - `/slow/<ms>/<name>.png`: the headers after `ms` milliseconds
 * - `/trickle/<ms>/<name>.png`: a PNG sent one byte every `ms` milliseconds
 * - `/status/<code>/<name>.png`: that status, an HTML body
 * - `/retry/<n>/<code>/<s>/<name>.png`: `code` with `Retry-After: s` (omitted when `s` is `-`) for the first `n` requests, then the PNG
 * - `/redirect/<n>/<name>.png`: `n` redirects (302), then the PNG
 * - `/loop/<name>.png`: redirects to itself
 * - `/html/<name>.jpg`: an HTML error page served as `image/jpeg`
 * - `/huge/<bytes>/<name>.jpg`: a JPEG of `bytes` bytes, streamed; `?length=0` omits `Content-Length`
 * - `/gzip/<name>.png`: the PNG with `Content-Encoding: gzip`
 * - `/svg/<name>.svg`, `/svg-script/<name>.svg`: a plain SVG, one with a script
 *
 * Every response waits `latency` milliseconds first. `hits` counts requests
 * per path (query included).
 */
import {once} from 'node:events'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import {deflateSync, gzipSync} from 'node:zlib'
import * as assert from 'uvu/assert'
import {ImageError} from '../../lib/images/image-error.js'

export interface ImageServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string
  hits: Map<string, number>
  /** Requests received in all. */
  requests(): number
  /** Responses still being sent. */
  open(): number
  close(): Promise<void>
}

/** Start the server; `latency` in milliseconds before every response (default 0). */
export async function startImageServer(options: {latency?: number} = {}): Promise<ImageServer> {
  const latency = options.latency ?? 0
  const hits = new Map<string, number>()
  let total = 0
  let open = 0
  const server = http.createServer((request, response) => {
    const url = new URL(request.url || '/', 'http://127.0.0.1')
    const key = url.pathname + url.search
    const count = (hits.get(key) || 0) + 1
    hits.set(key, count)
    total++
    open++
    response.on('close', () => open--)
    const reply = () => handle(url, count, response)
    if (latency > 0) setTimeout(reply, latency)
    else reply()
  })
  server.keepAliveTimeout = 5000
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const {port} = server.address() as AddressInfo
  return {
    origin: 'http://127.0.0.1:' + port,
    hits,
    requests: () => total,
    open: () => open,
    async close() {
      server.closeAllConnections()
      server.close()
      await once(server, 'close')
    }
  }
}

function handle(url: URL, count: number, response: http.ServerResponse): void {
  const parts = url.pathname.split('/').filter(Boolean)
  const name = parts[parts.length - 1] || 'image'
  const send = (status: number, type: string, body: Uint8Array | string, headers: Record<string, string> = {}) => {
    response.writeHead(status, {'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...headers})
    response.end(body)
  }
  const htmlPage = (title: string) => '<!doctype html><html><head><title>' + title + '</title></head><body><h1>' + title + '</h1></body></html>'
  switch (parts[0]) {
    case 'img':
      return send(200, 'image/png', png(Number(url.searchParams.get('size')) || 4, 3, name))
    case 'same':
      return send(200, 'image/png', png(5, 5, 'same'))
    case 'jpeg':
      return send(200, 'image/jpeg', jpeg(name, 600))
    case 'slow':
      setTimeout(() => send(200, 'image/png', png(4, 3, name)), Number(parts[1]))
      return
    case 'trickle': {
      const bytes = png(4, 3, name)
      response.writeHead(200, {'content-type': 'image/png', 'content-length': String(bytes.byteLength)})
      let index = 0
      const timer = setInterval(() => {
        if (response.destroyed) return clearInterval(timer)
        response.write(bytes.subarray(index, index + 1))
        if (++index >= bytes.byteLength) {
          clearInterval(timer)
          response.end()
        }
      }, Number(parts[1]))
      return
    }
    case 'status':
      return send(Number(parts[1]), 'text/html', htmlPage('Error ' + parts[1]))
    case 'retry': {
      const [, n, code, seconds] = parts
      if (count <= Number(n)) return send(Number(code), 'text/html', htmlPage('Busy'), seconds === '-' ? {} : {'retry-after': seconds})
      return send(200, 'image/png', png(4, 3, name))
    }
    case 'redirect': {
      const left = Number(parts[1])
      if (left <= 0) return send(200, 'image/png', png(4, 3, name))
      response.writeHead(302, {location: '/redirect/' + (left - 1) + '/' + name, 'content-length': '0'})
      return void response.end()
    }
    case 'loop':
      response.writeHead(302, {location: url.pathname, 'content-length': '0'})
      return void response.end()
    case 'html':
      return send(200, 'image/jpeg', htmlPage('Not found'))
    case 'huge': {
      const size = Number(parts[1])
      const headers: Record<string, string> = {'content-type': 'image/jpeg'}
      if (url.searchParams.get('length') !== '0') headers['content-length'] = String(size)
      response.writeHead(200, headers)
      const chunk = Buffer.alloc(64 * 1024, 0x42)
      let sent = 0
      const head = jpeg(name, 0)
      response.write(head)
      sent += head.byteLength
      const pump = () => {
        while (sent < size && !response.destroyed) {
          const part = chunk.subarray(0, Math.min(chunk.byteLength, size - sent))
          sent += part.byteLength
          if (!response.write(part)) return void response.once('drain', pump)
        }
        if (!response.destroyed) response.end()
      }
      return pump()
    }
    case 'gzip':
      return send(200, 'image/png', gzipSync(png(4, 3, name)), {'content-encoding': 'gzip'})
    case 'svg':
      return send(200, 'image/svg+xml', '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="red"/></svg>\n')
    case 'svg-script':
      return send(200, 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    default:
      return send(404, 'text/html', htmlPage('Not found'))
  }
}

const crcTable = Array.from({length: 256}, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.byteLength)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * A valid RGB PNG of `width` × `height` whose pixels depend on `seed`, so
 * different seeds give different bytes (and every decoder reads them).
 */
export function png(width: number, height: number, seed: string): Buffer {
  let state = 0
  for (const character of seed) state = (state * 31 + character.codePointAt(0)!) >>> 0
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  const rows: Array<number> = []
  for (let y = 0; y < height; y++) {
    rows.push(0) // filter: none
    for (let x = 0; x < width * 3; x++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0
      rows.push(state >>> 24)
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', new Uint8Array(0))])
}

/** JPEG signature and JFIF header, padded to `size` bytes: what `file-type` recognises as `image/jpeg`. */
export function jpeg(seed: string, size: number): Buffer {
  const head = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00])
  const tail = Buffer.from(seed)
  return Buffer.concat([head, tail, Buffer.alloc(Math.max(size - head.byteLength - tail.byteLength, 0))])
}

/** The `ImageError` a download fails with (fails the test when it succeeds or throws anything else). */
export async function failure(promise: Promise<unknown>): Promise<ImageError> {
  try {
    await promise
  } catch (error) {
    assert.instance(error, ImageError, String(error))
    return error as ImageError
  }
  throw new Error('expected the download to fail')
}
