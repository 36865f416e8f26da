/**
 * The CLI's `--images copy|download` for one batch: for each converted page,
 * get every image's bytes (a file on disk, an earlier run's copy recorded in
 * the manifest, or a download), once per distinct URL in the batch; then,
 * when the page's output path is claimed, place the files where the layout
 * wants them and point the Markdown at them. A failed image keeps its
 * original URL and is reported; the page is written all the same.
 *
 * @module
 */
import {createReadStream} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type {Converted, TaskMessage} from '../cli/convert-task.js'
import {sha256} from '../cli/hash.js'
import type {LayoutName} from '../output/layouts.js'
import type {Manifest, ManifestEntry} from '../cli/manifest.js'
import type {Input} from '../cli/walk-inputs.js'
import {temporaryPath} from '../cli/write-atomic.js'
import {ImageFetcher} from './fetch.js'
import type {FetchOptions} from './fetch.js'
import {ImageError} from './image-error.js'
import {findLocal} from './local.js'
import type {LocalResult} from './local.js'
import {imageFolder, unsupportedImage} from './placement.js'
import type {ImageMode} from './placement.js'
import {astroLinkReason, linkRelativeImages} from '../output/body-astro-images.js'
import {replaceDestinations} from './rewrite.js'
import {saveStream} from './save-stream.js'
import type {ImageType} from './sniff.js'
import {hashFile, imageName, ImageStore} from './store.js'

/** One image of a page as the worker hands it over (structured-cloneable). */
export interface PageImage {
  /** The URL in the Markdown. */
  url: string
  /** As the page wrote it. */
  original: string
  /** The largest other size or format (`srcset`, `<picture>`), tried first. */
  largest?: {url: string; original: string} | undefined
}

/** What the manifest records per image of a page. */
export interface ManifestImage {
  /** The URL in the converted Markdown. */
  url: string
  /** Where the bytes came from (a larger `srcset` candidate, a file), when not `url`. */
  from?: string | undefined
  /** The copy, relative to the output folder (posix), when saved. */
  file?: string | undefined
  /** SHA-256 of the copy. */
  hash?: string | undefined
  /** Why it was not saved. */
  error?: string | undefined
  /** Whether a later run may succeed (a rerun tries again). */
  transient?: boolean | undefined
}

/** One image in the report. */
export interface ReportImage {
  url: string
  /** `saved`: copied or downloaded now; `reused`: the copy was already in place; `remote`: no local copy (`copy` mode); `failed`. */
  status: 'saved' | 'reused' | 'remote' | 'failed'
  file?: string | undefined
  reason?: string | undefined
}

/** Image counts for the summary. */
export interface ImageSummary {
  saved: number
  reused: number
  downloaded: number
  remote: number
  failed: number
}

/** Settings of the stage. */
export interface ImageStageOptions {
  /** `keep` only removes the copies earlier runs made (the pages no longer use them). */
  mode: ImageMode
  /** Absolute output folder. */
  outDir: string
  layout: LayoutName
  manifest: Manifest
  /** Extra absolute folders local images may be copied from (`--image-root`; empty for none). */
  roots: ReadonlyArray<string>
  fetch?: FetchOptions | undefined
  /** Try again images that failed for good in an earlier run (`--force`). */
  retryFailed?: boolean | undefined
}

/** The bytes of an image, somewhere on disk. */
interface Source {
  path: string
  hash: string
  type: ImageType
  /** The URL (or file) they came from, for the name. */
  from: string
  /** A temporary download of this run: hard-link it the first time. */
  link: boolean
  downloaded: boolean
}

/**
 * What acquiring one image of a page gave: a file to place, a remote image
 * with no local copy (`copy` mode), or why neither.
 */
type Acquired = {image: PageImage; source: Source} | {image: PageImage; remote: true} | {image: PageImage; error: ImageError}

/** `acquired` as the layout can place it: a file of a type the layout cannot use becomes an error. */
function placeable(acquired: Acquired, layout: LayoutName): Acquired {
  if (!('source' in acquired)) return acquired
  const unsupported = unsupportedImage(layout, acquired.source.type.ext)
  return unsupported ? {image: acquired.image, error: new ImageError(unsupported)} : acquired
}

/** A page's result: its Markdown and manifest record with the images placed. */
export interface FinishedPage {
  markdown: string
  outputHash: string
  images: Array<ManifestImage>
  report: Array<ReportImage>
  messages: Array<TaskMessage>
}

/** Gets, places and links the images of a batch. */
export class ImageStage {
  readonly summary: ImageSummary = {saved: 0, reused: 0, downloaded: 0, remote: 0, failed: 0}
  private fetcherInstance: ImageFetcher | undefined
  private readonly store = new ImageStore()
  private readonly sources = new Map<string, Promise<Source | ImageError>>()
  private readonly acquired = new WeakMap<Converted, Promise<Array<Acquired>>>()
  private readonly temporaries: Array<string> = []
  /** Image files of earlier runs by URL, from the manifest. */
  private readonly earlier = new Map<string, {file: string; hash: string}>()
  /** Inputs referring to each image file (relative path key), to remove files no page uses any more. */
  private readonly users = new Map<string, Set<string>>()
  private readonly unused: Array<{file: string; hash: string}> = []
  /** Images that failed for good in an earlier run, by URL → reason: not tried again (unless `retryFailed`). */
  private readonly failed = new Map<string, string>()
  /** The file holding each content in each folder (`folder\0hash` → name): one file per content per folder. */
  private readonly named = new Map<string, string>()
  /** Pages' images named in claim order, so that names are the same in every run. */
  private order: Promise<unknown> = Promise.resolve()
  private readonly ordered = new WeakMap<Converted, Promise<Array<Acquired>>>()
  /** Which folders exist (mirror host folders), for `findLocal`. */
  private readonly folders = new Map<string, Promise<boolean>>()

  constructor(readonly options: ImageStageOptions) {
    // Checked now: bad options are a usage error before anything runs.
    if (options.mode !== 'keep') this.fetcherInstance = new ImageFetcher(options.fetch)
    for (const [relative, entry] of options.manifest.entries()) {
      for (const image of entry.images || []) {
        if (image.error && !image.transient && !options.retryFailed) this.failed.set(image.from || image.url, image.error)
        if (!image.file || !image.hash) continue
        this.earlier.set(image.from || image.url, {file: image.file, hash: image.hash})
        const slash = image.file.lastIndexOf('/')
        this.named.set(key(image.file.slice(0, Math.max(slash, 0))) + '\0' + image.hash, image.file.slice(slash + 1))
        this.use(image.file, relative)
      }
    }
  }

  /**
   * Start getting the images of a converted page (never rejects: failures
   * are per image). Call as soon as the page is converted; `finish` waits.
   */
  acquire(input: Input, page: Converted | undefined): void {
    if (!page || !page.images || page.images.length === 0) return
    const roots = [inputRoot(input), ...this.options.roots]
    this.acquired.set(page, Promise.all(page.images.map((image) => this.acquireOne(image, input.absolute, roots))))
  }

  /**
   * Note that `page` was claimed: call in claim order (the order of input
   * paths). Its images are named after those of pages claimed before it, so
   * that the file holding content shared by pages is named the same way in
   * every run.
   */
  claimed(page: Converted): void {
    const acquired = this.acquired.get(page)
    if (!acquired) return
    const ordered = this.order.then(() => acquired)
    this.order = ordered.catch(() => undefined)
    this.ordered.set(page, ordered)
  }

  /**
   * Place the page's images for its claimed `output` (relative, posix) and
   * rewrite its Markdown. Rejects only when the output folder refuses writes.
   */
  async finish(input: Input, page: Converted, output: string, previous: ManifestEntry | undefined): Promise<FinishedPage> {
    const folder = imageFolder(this.options.layout, output)
    const acquired = (await this.ordered.get(page)) || []
    // Names first, synchronously and in claim order; then the files.
    const names = acquired.map((item) => {
      if (!('source' in item)) return undefined
      const {source} = item
      const slot = key(folder.folder) + '\0' + source.hash
      let name = this.named.get(slot)
      if (!name) {
        name = imageName(source.from, source.hash, source.type.ext)
        this.named.set(slot, name)
      }
      return name
    })
    const urls = new Map<string, string>()
    const images: Array<ManifestImage> = []
    const report: Array<ReportImage> = []
    const messages: Array<TaskMessage> = []
    const unsaved = new Set<string>()
    for (const [index, acquiredItem] of acquired.entries()) {
      const item = placeable(acquiredItem, this.options.layout)
      const {image} = item
      if ('source' in item) {
        const {source} = item
        const target = path.join(this.options.outDir, ...folder.folder.split('/').filter(Boolean))
        const link = source.link
        source.link = false
        const placed = await this.store.place({source: source.path, hash: source.hash, folder: target, name: names[index] as string, link})
        const file = path.relative(this.options.outDir, placed.file).split(path.sep).join('/')
        if (link) source.path = placed.file
        urls.set(image.url, folder.url(path.basename(placed.file)))
        images.push({url: image.url, from: source.from === image.url ? undefined : describeSource(source.from, input), file, hash: source.hash})
        report.push({url: image.url, status: placed.written || source.downloaded ? 'saved' : 'reused', file})
        if (placed.written || source.downloaded) this.summary.saved++
        else this.summary.reused++
      } else if ('remote' in item) {
        images.push({url: image.url})
        report.push({url: image.url, status: 'remote'})
        messages.push({
          ruleId: 'image-left-remote',
          reason: 'Image left at its URL (no copy on disk; `--images download` fetches it): `' + short(image.url) + '`',
          line: undefined,
          column: undefined,
          fatal: undefined
        })
        this.summary.remote++
      } else {
        const {error} = item
        unsaved.add(image.url)
        images.push({url: image.url, error: error.reason, transient: error.transient})
        report.push({url: image.url, status: 'failed', reason: error.message})
        messages.push({
          ruleId: 'image-not-saved',
          reason: 'Image not saved, its original URL is kept: `' + short(image.url) + '`: ' + error.message,
          line: undefined,
          column: undefined,
          fatal: false
        })
        this.summary.failed++
      }
    }
    let markdown = urls.size === 0 ? page.markdown : replaceDestinations(page.markdown, page.imageSpans || [], (url) => urls.get(url))
    if (this.options.layout === 'astro' && unsaved.size > 0) {
      // Astro imports a relative Markdown image as a file and stops the whole build when it is missing.
      const linked = linkRelativeImages(markdown, unsaved)
      markdown = linked.markdown
      for (const url of linked.linked) messages.push({ruleId: 'astro-relative-image', reason: astroLinkReason(url, 'copy'), line: undefined, column: undefined, fatal: false})
    }
    this.release(input.relative, previous, images)
    return {markdown, outputHash: markdown === page.markdown ? page.outputHash : sha256(markdown), images, report, messages}
  }

  private get fetcher(): ImageFetcher {
    this.fetcherInstance ||= new ImageFetcher(this.options.fetch)
    return this.fetcherInstance
  }

  /** Remove the temporary downloads and close the connections. */
  async close(): Promise<void> {
    await this.fetcherInstance?.close().catch(() => undefined)
    await Promise.all(this.temporaries.map((file) => fs.rm(file, {force: true}).catch(() => undefined)))
  }

  private async acquireOne(image: PageImage, page: string, roots: Array<string>): Promise<Acquired> {
    const tries = image.largest && image.largest.url !== image.url ? [image.largest, image] : [image]
    // Each candidate not found gives an error, or is remote (`copy` mode).
    let error: ImageError | undefined
    for (const candidate of tries) {
      const local: LocalResult = await findLocal(candidate, {page, roots, folders: this.folders}).catch((cause: unknown) => ({error: new ImageError(String((cause as Error).message || cause))}))
      // Nothing: a remote URL, left where it is.
      let result: Source | ImageError | undefined
      const file = local && local.path
      if (file) result = await this.once('file:' + file, () => this.inspect(file, candidate.url))
      else if (local && local.error) result = local.error
      else if (/^data:/i.test(candidate.url) || (this.options.mode === 'download' && /^https?:/i.test(candidate.url))) {
        result = await this.once(candidate.url, () => this.download(candidate.url))
      } else if (!/^https?:/i.test(candidate.url)) {
        result = new ImageError('not a file on disk nor a URL that can be downloaded')
      }
      if (result instanceof ImageError) error = result
      else if (result) return {image, source: result}
    }
    return error ? {image, error} : {image, remote: true}
  }

  /** One lookup per key in the batch. */
  private once(key: string, get: () => Promise<Source>): Promise<Source | ImageError> {
    let pending = this.sources.get(key)
    if (!pending) {
      pending = get().catch((error: unknown) => {
        if (error instanceof ImageError) return error
        throw error
      })
      this.sources.set(key, pending)
    }
    return pending
  }

  /** A local file: check its type and hash it where it is. */
  private async inspect(file: string, url: string): Promise<Source> {
    const saved = await saveStream(createReadStream(file), undefined, {maxSize: this.fetcher.settings.maxSize})
    return {path: file, hash: saved.hash, type: saved.type, from: /^https?:|^data:/i.test(url) ? url : file, link: false, downloaded: false}
  }

  /** A remote or `data:` image: an earlier run's copy when it is still intact, else a download. */
  private async download(url: string): Promise<Source> {
    const failed = this.failed.get(url)
    if (failed !== undefined) throw new ImageError(failed, false, 'in an earlier run; --force tries again')
    const earlier = this.earlier.get(url)
    if (earlier) {
      const file = path.join(this.options.outDir, ...earlier.file.split('/'))
      const saved = await saveStream(createReadStream(file), undefined, {maxSize: Number.MAX_SAFE_INTEGER}).catch(() => undefined)
      if (saved && saved.hash === earlier.hash) return {path: file, hash: saved.hash, type: saved.type, from: url, link: false, downloaded: false}
    }
    const temporary = temporaryPath(this.options.outDir)
    this.temporaries.push(temporary)
    const fetched = await this.fetcher.fetch(url, temporary)
    this.summary.downloaded++
    return {path: temporary, hash: fetched.hash, type: fetched.type, from: url, link: true, downloaded: true}
  }

  /**
   * Record the page's image files; files of its previous run that it no
   * longer uses become candidates for removal once the batch is written.
   */
  private release(input: string, previous: ManifestEntry | undefined, images: ReadonlyArray<ManifestImage>): void {
    const now = new Set(images.map((image) => image.file).filter((file): file is string => Boolean(file)))
    for (const file of now) this.use(file, input)
    for (const image of previous?.images || []) {
      if (!image.file || !image.hash || now.has(image.file)) continue
      this.users.get(key(image.file))?.delete(input)
      this.unused.push({file: image.file, hash: image.hash})
    }
  }

  /**
   * Remove image files of earlier runs that no page uses any more, when
   * they are as news-markdown wrote them (a file edited since stays).
   * Call after every page is written.
   */
  async removeUnused(): Promise<number> {
    let removed = 0
    for (const {file, hash} of this.unused) {
      const users = this.users.get(key(file))
      if (users && users.size > 0) continue
      const absolute = path.join(this.options.outDir, ...file.split('/'))
      if (!absolute.startsWith(this.options.outDir + path.sep) || (await hashFile(absolute)) !== hash) continue
      await fs.rm(absolute, {force: true})
      removed++
    }
    this.unused.length = 0
    return removed
  }

  private use(file: string, input: string): void {
    let users = this.users.get(key(file))
    if (!users) {
      users = new Set()
      this.users.set(key(file), users)
    }
    users.add(input)
  }
}

/**
 * Whether the images of a page recorded in the manifest still stand: the
 * same mode, every copy in place, no failure worth trying again. A page
 * whose images do not stand is converted again.
 */
export async function imagesUnchanged(entry: ManifestEntry, mode: ImageMode, outDir: string): Promise<boolean> {
  if ((entry.imageMode || 'keep') !== mode) return false
  for (const image of entry.images || []) {
    if (image.error) {
      if (image.transient) return false
      continue
    }
    if (!image.file) continue
    const stats = await fs.stat(path.join(outDir, ...image.file.split('/'))).catch(() => undefined)
    if (!stats || !stats.isFile()) return false
  }
  return true
}

/** The folder an input was found in (its relative path is relative to it). */
export function inputRoot(input: Input): string {
  const depth = input.relative.split('/').length
  let root = input.absolute
  for (let index = 0; index < depth; index++) root = path.dirname(root)
  return root
}

/** Images of a converted file for the stage (structured-cloneable): one per Markdown URL. */
export function pageImages(images: ReadonlyArray<{url: string; original: string; candidates: ReadonlyArray<{url: string; original: string}>}>): Array<PageImage> {
  const seen = new Set<string>()
  const result: Array<PageImage> = []
  for (const image of images) {
    if (seen.has(image.url)) continue
    seen.add(image.url)
    const largest = image.candidates[0]
    result.push(largest && largest.url !== image.url ? {url: image.url, original: image.original, largest: {url: largest.url, original: largest.original}} : {url: image.url, original: image.original})
  }
  return result
}

/** A source for the manifest: URLs as they are, files relative to the input's folder (posix) when inside it. */
function describeSource(from: string, input: Input): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(from)) return from
  const relative = path.relative(inputRoot(input), from)
  return relative.startsWith('..') || path.isAbsolute(relative) ? from : relative.split(path.sep).join('/')
}

function key(file: string): string {
  return file.normalize('NFC').toLowerCase()
}

function short(url: string): string {
  return url.length > 120 ? url.slice(0, 100) + '…' : url
}
