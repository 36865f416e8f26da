/**
 * Image files in the output: stable names (from the URL, with the content
 * hash), one file per content in a folder, placed atomically, and never in
 * place of a file the tool did not write.
 *
 * @module
 */
import {createHash} from 'node:crypto'
import {createReadStream} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {safeSegment, slugify, truncate} from '../output/slug.js'
import {temporaryPath} from '../cli/write-atomic.js'
import {stripTrailing} from '../util/text.js'

/** Largest name stem in UTF-8 bytes (the hash and extension follow). */
const maxStem = 48

/**
 * File name for an image: a slug of the URL's last path segment without its
 * extension (`…/2020/04/Protest-Photo.JPG?w=300` → `protest-photo`; `image`
 * for `data:` URLs and URLs without one), `-`, the first 8 hex digits of the
 * SHA-256 of the bytes, `.`, the extension of the sniffed type. The same
 * bytes from the same URL always get the same name; different bytes never
 * do. Only letters, digits, `-` and `.`: nothing to escape in Markdown or a
 * URL, no separator, never a dot file or a reserved name.
 */
export function imageName(url: string, hash: string, ext: string): string {
  let segment = ''
  if (!/^data:/i.test(url)) {
    try {
      segment = new URL(url).pathname.split('/').filter(Boolean).pop() || ''
    } catch {
      segment = url.split(/[?#]/)[0].split(/[/\\]/).filter(Boolean).pop() || ''
    }
  }
  let decoded = segment
  try {
    decoded = decodeURIComponent(segment)
  } catch {}
  const stem = stripTrailing(truncate(slugify(decoded.replace(/\.[a-z\d]{1,5}$/i, '')), maxStem), '-') || 'image'
  return safeSegment(stem + '-' + hash.slice(0, 8) + '.' + ext)
}

/** What to place. */
export interface PlaceRequest {
  /** The bytes: a file anywhere (a download's temporary file, a saved page's image, an earlier copy). */
  source: string
  /** SHA-256 of `source` (hex). */
  hash: string
  /** Absolute folder to place it in (made when missing). */
  folder: string
  /** Preferred name (`imageName`). */
  name: string
  /**
   * `source` is a temporary file of this run in the same file system:
   * hard-link it instead of copying (it is removed later).
   */
  link?: boolean | undefined
}

/** The image files of one batch: remembers the hash of every file it wrote or read, so each is hashed once. */
export class ImageStore {
  private readonly known = new Map<string, string>()
  private readonly folders = new Set<string>()

  /**
   * Place `request.source` as `folder/name`: reuse a file already there with
   * the same bytes; else write a new one (a copy through a fsynced temporary
   * file, or a hard link of a temporary file), linked into place so that it
   * appears whole or not at all and never replaces a file; when a file with
   * other bytes holds the name (one the user put there), use `<stem>-2.<ext>`,
   * `-3`, …. Resolves to the absolute path used and whether it was written.
   */
  async place(request: PlaceRequest): Promise<{file: string; written: boolean}> {
    const extension = path.extname(request.name)
    const stem = request.name.slice(0, request.name.length - extension.length)
    if (!this.folders.has(request.folder)) {
      await fs.mkdir(request.folder, {recursive: true})
      this.folders.add(request.folder)
    }
    for (let n = 1; ; n++) {
      const file = path.join(request.folder, n === 1 ? request.name : stem + '-' + n + extension)
      const existing = await this.hashOf(file)
      if (existing === request.hash) return {file, written: false}
      if (existing !== undefined) continue
      if (await put(request, file)) {
        this.known.set(file, request.hash)
        return {file, written: true}
      }
      // Someone wrote the name meanwhile: look again.
      n--
    }
  }

  /** SHA-256 of a file (hashed once per batch); `undefined` when it does not exist. */
  async hashOf(file: string): Promise<string | undefined> {
    const cached = this.known.get(file)
    if (cached !== undefined) {
      if (
        await fs.lstat(file).then(
          () => true,
          () => false
        )
      )
        return cached
      this.known.delete(file)
      return undefined
    }
    // Most names are free: a `stat` answers that without opening a stream.
    if (
      !(await fs.lstat(file).then(
        () => true,
        () => false
      ))
    )
      return undefined
    const hash = await hashFile(file)
    if (hash !== undefined && !hash.startsWith('unreadable:')) this.known.set(file, hash)
    return hash
  }
}

/** Link or copy `request.source` to `file`; `false` when `file` appeared meanwhile. */
async function put(request: PlaceRequest, file: string): Promise<boolean> {
  if (request.link) {
    try {
      await fs.link(request.source, file)
      return true
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
      // No hard links on this file system: copy instead.
    }
  }
  const temporary = temporaryPath(request.folder)
  try {
    await fs.copyFile(request.source, temporary, fs.constants.COPYFILE_FICLONE)
    const handle = await fs.open(temporary, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    try {
      await fs.link(temporary, file)
      return true
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EEXIST') return false
      if (
        await fs.lstat(file).then(
          () => true,
          () => false
        )
      )
        return false
      await fs.rename(temporary, file)
      return true
    }
  } finally {
    await fs.rm(temporary, {force: true}).catch(() => undefined)
  }
}

/**
 * SHA-256 of a file, streamed; `undefined` when it does not exist;
 * `unreadable:<code>` when something else (a folder, no permission) holds
 * the name.
 */
export async function hashFile(file: string): Promise<string | undefined> {
  try {
    const hash = createHash('sha256')
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
    return hash.digest('hex')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'ENOENT' ? undefined : 'unreadable:' + code
  }
}
