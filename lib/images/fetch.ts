/**
 * Download images with `undici` (the HTTP client behind Node's `fetch`):
 * a connection pool per origin, at most `perHost` requests at once to one
 * host and `concurrency` in all (`p-limit`), timeouts for connecting, for
 * the response headers and between body chunks plus a deadline per image,
 * retries with exponential backoff on 408/429/5xx and network errors
 * honouring `Retry-After` (`undici`'s retry interceptor), redirects followed
 * up to `maxRedirects` (its redirect interceptor), `gzip`/`deflate`/`br`
 * bodies decoded (`node:zlib`), the size cap checked against `Content-Length` and while
 * streaming, and the bytes sniffed before they are kept (`saveStream`).
 * `data:` URLs are decoded by Node's `fetch` (the WHATWG algorithm).
 *
 * @module
 */
import fs from 'node:fs/promises'
import type {Readable} from 'node:stream'
import {pipeline} from 'node:stream'
import zlib from 'node:zlib'
import {Agent, interceptors, request} from 'undici'
import type {Dispatcher} from 'undici'
import pLimit from 'p-limit'
import type {LimitFunction} from 'p-limit'
import {ImageError} from './image-error.js'
import {formatBytes, saveStream, syncFile} from './save-stream.js'
import type {SavedImage} from './save-stream.js'

/** How to download. Every field is optional. */
export interface FetchOptions {
  /** Most requests at once to one host (default: `4`). */
  perHost?: number | undefined
  /** Most requests at once in all (default: `16`). */
  concurrency?: number | undefined
  /** Milliseconds to wait for a connection, for the response headers, and for each next chunk of the body (default: `15000`). */
  timeout?: number | undefined
  /** Milliseconds one image may take in all, redirects and retries included (default: `120000`). */
  deadline?: number | undefined
  /** Largest image in bytes (default: `20971520`, 20 MiB). */
  maxSize?: number | undefined
  /** Retries after 408, 429, 5xx or a network error (default: `3`). */
  retries?: number | undefined
  /** Milliseconds before the first retry, doubled for each next one, when the server sends no `Retry-After` (default: `500`). */
  retryDelay?: number | undefined
  /** Longest `Retry-After` honoured, in milliseconds (default: `60000`); a server asking for more fails the image at once. */
  maxRetryAfter?: number | undefined
  /** Redirects followed (default: `5`). */
  maxRedirects?: number | undefined
  /** `User-Agent` header (default: `news-markdown (+https://github.com/news-markdown/news-markdown)`). */
  userAgent?: string | undefined
}

/** `FetchOptions` with every field set. */
export type FetchSettings = {[Key in keyof FetchOptions]-?: NonNullable<FetchOptions[Key]>}

/** The defaults of `FetchOptions`. */
export const fetchDefaults: Readonly<FetchSettings> = {
  perHost: 4,
  concurrency: 16,
  timeout: 15_000,
  deadline: 120_000,
  maxSize: 20 * 1024 * 1024,
  retries: 3,
  retryDelay: 500,
  maxRetryAfter: 60_000,
  maxRedirects: 5,
  userAgent: 'news-markdown (+https://github.com/news-markdown/news-markdown)'
}

/** A downloaded image. */
export interface FetchedImage extends SavedImage {
  /** The URL the bytes came from (after redirects). */
  url: string
  /** Redirects followed. */
  redirects: number
}

/** Status codes worth retrying (RFC 9110: request timeout, too many requests, server errors). */
const retryStatuses = [408, 429, 500, 502, 503, 504]
/** Network errors worth retrying. */
const retryCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETDOWN', 'ENETUNREACH', 'EHOSTDOWN', 'EHOSTUNREACH', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET'])

/**
 * Downloads images; one instance per batch (it holds the connection pools).
 * `close()` when done.
 */
export class ImageFetcher {
  readonly settings: Readonly<FetchSettings>
  private readonly agent: Dispatcher
  private readonly all: LimitFunction
  private readonly hosts = new Map<string, LimitFunction>()

  constructor(options?: Readonly<FetchOptions> | null | undefined) {
    const settings: FetchSettings = {...fetchDefaults}
    for (const [key, value] of Object.entries(options || {})) if (value !== undefined && value !== null) (settings as Record<string, unknown>)[key] = value
    for (const key of ['perHost', 'concurrency', 'timeout', 'deadline', 'maxSize'] as const) {
      if (!Number.isFinite(settings[key]) || settings[key] < 1) throw new Error('Invalid image fetch option `' + key + '`: expected a positive number, not `' + settings[key] + '`')
    }
    this.settings = settings
    this.all = pLimit(settings.concurrency)
    const {retries, retryDelay, maxRetryAfter} = settings
    this.agent = new Agent({connections: settings.perHost, connect: {timeout: settings.timeout}, headersTimeout: settings.timeout, bodyTimeout: settings.timeout}).compose(
      interceptors.retry({
        maxRetries: retries,
        statusCodes: retryStatuses,
        methods: ['GET'],
        retry(error, {state}, callback) {
          const {statusCode, code, headers} = error as Error & {statusCode?: number; code?: string; headers?: Record<string, string | Array<string> | undefined>}
          if (code && code !== 'UND_ERR_REQ_RETRY' && !retryCodes.has(code)) return callback(error)
          if (statusCode !== undefined && !retryStatuses.includes(statusCode)) return callback(error)
          if (state.counter > retries) return callback(error)
          const after = retryAfter(headers && headers['retry-after'])
          if (after !== undefined && after > maxRetryAfter) {
            return callback(
              new ImageError(
                'HTTP ' + statusCode + ': the server asked to wait ' + Math.round(after / 1000) + ' s (Retry-After), more than the ' + Math.round(maxRetryAfter / 1000) + ' s allowed',
                true
              )
            )
          }
          setTimeout(() => callback(null), after ?? retryDelay * 2 ** (state.counter - 1)).unref()
        }
      }),
      interceptors.redirect({maxRedirections: settings.maxRedirects})
    )
  }

  /**
   * Download `url` (`http:`, `https:` or `data:`) into `target` (created;
   * must not exist). Rejects with `ImageError` (reason, whether transient)
   * for anything but a web image within the limits; `target` is then absent.
   */
  fetch(url: string, target: string): Promise<FetchedImage> {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return Promise.reject(new ImageError('not a URL'))
    }
    if (parsed.protocol === 'data:') return this.decodeData(url, target)
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return Promise.reject(new ImageError('cannot download `' + parsed.protocol + '` URLs'))
    let limit = this.hosts.get(parsed.host)
    if (!limit) {
      limit = pLimit(this.settings.perHost)
      this.hosts.set(parsed.host, limit)
    }
    // The host's slot first, then one of all: a slow host never holds slots others could use.
    // The file is fsynced after the slots are free: the disk's latency does not hold the network.
    return limit(() => this.all(() => this.download(parsed, target))).then(async (fetched) => {
      await syncFile(target).catch(async (error: unknown) => {
        await fs.rm(target, {force: true})
        throw error
      })
      return fetched
    })
  }

  /** Close the connection pools. */
  async close(): Promise<void> {
    await this.agent.close()
  }

  private async download(url: URL, target: string): Promise<FetchedImage> {
    const {timeout, deadline, maxSize, maxRedirects} = this.settings
    const signal = AbortSignal.timeout(deadline)
    let response: Dispatcher.ResponseData
    try {
      response = await request(url, {
        dispatcher: this.agent,
        method: 'GET',
        signal,
        headers: {'user-agent': this.settings.userAgent, accept: 'image/avif,image/webp,image/apng,image/svg+xml,image/*;q=0.8,*/*;q=0.5', 'accept-encoding': 'gzip, deflate, br'}
      })
    } catch (error) {
      throw describe(error, timeout, deadline)
    }
    const {statusCode, headers, body} = response
    const history = (response as {context?: {history?: Array<URL>}}).context?.history || []
    const final = history.length > 0 ? history[history.length - 1].href : url.href
    const declared = header(headers['content-type'])
    try {
      if (statusCode >= 300 && statusCode < 400) throw new ImageError('HTTP ' + statusCode + ': more than ' + maxRedirects + ' redirects')
      if (statusCode < 200 || statusCode >= 300) throw new ImageError('HTTP ' + statusCode, retryStatuses.includes(statusCode))
      const length = Number(header(headers['content-length']))
      if (!header(headers['content-encoding']) && Number.isFinite(length) && length > maxSize) {
        throw new ImageError('larger than the size limit (' + formatBytes(maxSize) + '): Content-Length is ' + formatBytes(length))
      }
      const saved = await saveStream(decoded(body, header(headers['content-encoding'])), target, {maxSize, declared, sync: false})
      return {...saved, url: final, redirects: Math.max(history.length - 1, 0)}
    } catch (error) {
      // Stop reading (and free the connection); the error is ours to report.
      body.on('error', () => undefined)
      body.destroy()
      throw describe(error, timeout, deadline)
    }
  }

  private async decodeData(url: string, target: string): Promise<FetchedImage> {
    let response: Response
    try {
      response = await fetch(url)
    } catch {
      throw new ImageError('the `data:` URL cannot be decoded')
    }
    if (!response.body) throw new ImageError('the `data:` URL is empty')
    const saved = await saveStream(response.body as unknown as AsyncIterable<Uint8Array>, target, {maxSize: this.settings.maxSize, declared: response.headers.get('content-type') || undefined})
    return {...saved, url, redirects: 0}
  }
}

/** The body with its `Content-Encoding` undone (the size cap applies to the decoded bytes). */
function decoded(body: Readable, encoding: string | undefined): AsyncIterable<Uint8Array> {
  const name = (encoding || '').trim().toLowerCase()
  const decoder = name === 'gzip' || name === 'x-gzip' ? zlib.createGunzip() : name === 'deflate' ? zlib.createInflate() : name === 'br' ? zlib.createBrotliDecompress() : undefined
  if (!decoder) return body
  // `pipeline` destroys each stream when the other fails or closes and handles their errors: a decoder
  // failing after its reader gave up (the target refused, the body aborted) is no uncaught error. The
  // reader iterating the decoder still gets the error.
  pipeline(body, decoder, () => undefined)
  return decoder
}

/**
 * Milliseconds a `Retry-After` value asks for (RFC 9110 §10.2.3: seconds
 * or an HTTP date); `undefined` when absent or unreadable.
 */
export function retryAfter(value: string | Array<string> | undefined): number | undefined {
  const text = header(value)
  if (!text) return undefined
  if (/^\s*\d+\s*$/.test(text)) return Number(text) * 1000
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(date - Date.now(), 0)
}

function header(value: string | Array<string> | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/** An `ImageError` for anything the download threw. */
function describe(error: unknown, timeout: number, deadline: number): Error {
  if (error instanceof ImageError) return error
  const cause = error as {code?: string; name?: string; statusCode?: number; message?: string; data?: {count?: number}}
  const seconds = (ms: number) => +(ms / 1000).toFixed(1) + ' s'
  if (cause.name === 'TimeoutError' || (cause.name === 'AbortError' && /timeout/i.test(String(cause.message)))) return new ImageError('took longer than ' + seconds(deadline) + ' in all', true)
  switch (cause.code) {
    case 'UND_ERR_REQ_RETRY':
      return new ImageError('HTTP ' + cause.statusCode + ' (still after ' + Math.max((cause.data?.count ?? 1) - 1, 0) + ' retries)', true)
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new ImageError('timed out after ' + seconds(timeout) + ' waiting for the response', true)
    case 'UND_ERR_BODY_TIMEOUT':
      return new ImageError('timed out after ' + seconds(timeout) + ' waiting for more data', true)
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new ImageError('could not connect within ' + seconds(timeout), true)
    case 'ECONNREFUSED':
      return new ImageError('connection refused', true)
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ImageError('host not found', true)
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return new ImageError('the connection was closed early', true)
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
      return new ImageError('the response ended before its Content-Length', true)
    case 'UND_ERR_INVALID_ARG':
      if (/redirect loop/i.test(String(cause.message))) return new ImageError('redirect loop')
      break
    default:
      break
  }
  if (/max redirects/i.test(String(cause.message))) return new ImageError('too many redirects')
  // File system errors (disk full, read-only) are not the image's fault: the caller stops.
  if (cause.code && /^E[A-Z]+$/.test(cause.code) && !retryCodes.has(cause.code)) return error as Error
  return new ImageError(String(cause.message || error), true)
}
