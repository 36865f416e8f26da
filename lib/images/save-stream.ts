/**
 * Stream image bytes to a file (or just through): SHA-256 as they pass,
 * the size cap enforced chunk by chunk, the type sniffed from the first
 * bytes before anything else is kept. Nothing is held in memory beyond the
 * first `sniffBytes` bytes and one chunk.
 *
 * @module
 */
import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import {ImageError} from './image-error.js'
import {sniffBytes, sniffImage, svgIsSafe} from './sniff.js'
import type {ImageType} from './sniff.js'

/** A checked image. */
export interface SavedImage {
  /** SHA-256 of the bytes (hex). */
  hash: string
  /** Bytes. */
  size: number
  type: ImageType
}

/** How to check a stream. */
export interface SaveOptions {
  /** Largest size in bytes; more fails with `ImageError`. */
  maxSize: number
  /** The `Content-Type` claimed for the bytes, for the failure reason. */
  declared?: string | undefined
  /** Fsync `target` before resolving (default: `true`); `false` leaves it to the caller (`syncFile`). */
  sync?: boolean | undefined
}

/**
 * Read `source` to its end into `target` (created; must not exist), or only
 * check it when `target` is `undefined`. Rejects with `ImageError` when the
 * bytes are not a web image or exceed `maxSize` (reading stops there), and
 * with the file system's error when writing fails; on any rejection
 * `target` is removed. The caller syncs nothing: `target` is fsynced.
 */
export async function saveStream(source: AsyncIterable<Uint8Array>, target: string | undefined, options: SaveOptions): Promise<SavedImage> {
  const hash = createHash('sha256')
  const handle = target === undefined ? undefined : await fs.open(target, 'wx')
  let size = 0
  let head: Array<Uint8Array> | undefined = []
  let headSize = 0
  let type: ImageType | undefined
  let svgTail = ''
  const decoder = new TextDecoder('utf-8', {fatal: false})
  const check = async (chunk: Uint8Array | undefined) => {
    if (type && type.ext === 'svg') {
      // Scan all of an SVG, keeping an overlap so a split `<script` is seen.
      const text = svgTail + (chunk ? decoder.decode(chunk, {stream: true}) : decoder.decode())
      if (!svgIsSafe(text)) throw new ImageError('an SVG with scripts, event handlers or foreign objects is not copied')
      svgTail = text.slice(-64)
    }
  }
  try {
    for await (const chunk of source) {
      size += chunk.byteLength
      if (size > options.maxSize) throw new ImageError('larger than the size limit (' + formatBytes(options.maxSize) + ')')
      hash.update(chunk)
      if (head) {
        head.push(chunk)
        headSize += chunk.byteLength
        if (headSize < sniffBytes) continue
        type = await identify(Buffer.concat(head), options.declared)
        const pending = head
        head = undefined
        for (const part of pending) {
          await check(part)
          if (handle) await handle.write(part)
        }
        continue
      }
      await check(chunk)
      if (handle) await handle.write(chunk)
    }
    if (head) {
      type = await identify(Buffer.concat(head), options.declared)
      for (const part of head) {
        await check(part)
        if (handle) await handle.write(part)
      }
    }
    await check(undefined)
    if (handle && options.sync !== false) await handle.sync()
  } catch (error) {
    if (handle) {
      await handle.close().catch(() => undefined)
      await fs.rm(target as string, {force: true})
    }
    throw error
  }
  if (handle) await handle.close()
  return {hash: hash.digest('hex'), size, type: type as ImageType}
}

async function identify(head: Uint8Array, declared: string | undefined): Promise<ImageType> {
  const result = await sniffImage(head, declared)
  if ('reason' in result) throw new ImageError(result.reason)
  return result
}

/** Fsync a file, so that a crash (power loss) after it is linked into place cannot leave it empty. */
export async function syncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** `20 MiB`, `512 KiB`, `300 B`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return +(bytes / 1024 / 1024).toFixed(1) + ' MiB'
  if (bytes >= 1024) return +(bytes / 1024).toFixed(1) + ' KiB'
  return bytes + ' B'
}
