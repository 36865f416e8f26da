/**
 * Find the file on disk that a saved page's image refers to: relative
 * paths in a web mirror (`wget --mirror --page-requisites`, HTTrack) or a
 * browser's “Save Page As… complete” folder (`NAME_files/`), absolute URLs
 * whose host folder a mirror keeps (`example.com/wp-content/…`), and
 * `file:` URLs. Only files inside the allowed roots (the page's input
 * folder and any `--image-root`) are used, after resolving symbolic links.
 *
 * @module
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {ImageError} from './image-error.js'

/** Where to look. */
export interface LocalContext {
  /** Absolute path of the page file. */
  page: string
  /** Absolute folders images may be read from (the page's input folder first). */
  roots: ReadonlyArray<string>
  /** Which folders exist, shared by the lookups of one batch (default: none kept). */
  folders?: Map<string, Promise<boolean>> | undefined
}

/** A file found (`path`, real and inside a root), a local reference that fails (`error`), or `undefined`: no local copy. */
export type LocalResult = {path: string; error?: undefined} | {path?: undefined; error: ImageError} | undefined

/**
 * Look for `candidate` on disk. `original` is the URL as the page wrote it
 * and `url` as resolved against the page's URL. A relative path or a
 * `file:` URL is a local reference: when it names no file inside the roots,
 * the result is an `error`. An `http(s)` URL is looked up in mirror folders
 * (`<folder>/<host>/<path>` for the page's folder and each folder above it
 * up to the root, `<host folder>/<path>` when the page is inside one; the
 * query kept as wget writes it, `name?query` or `name@query`) and is
 * `undefined` when no mirror has it.
 */
export async function findLocal(candidate: {original: string; url: string}, context: LocalContext): Promise<LocalResult> {
  const roots = await realRoots(context.roots)
  const original = candidate.original.trim()
  if (/^file:/i.test(original) || /^file:/i.test(candidate.url)) {
    let file: string
    try {
      file = fileURLToPath(/^file:/i.test(original) ? original : candidate.url)
    } catch {
      return {error: new ImageError('the `file:` URL names no local file')}
    }
    return (await pick([file], roots)) ?? {error: new ImageError('the file does not exist: ' + file)}
  }
  if (original.startsWith('data:')) return undefined
  const folder = path.dirname(context.page)
  const scheme = /^[a-z][a-z\d+.-]*:/i.test(original)
  if (!scheme && !original.startsWith('//')) {
    const {pathname, query} = split(original)
    if (!pathname) return undefined
    const bases = pathname.startsWith('/') ? siteRoots(folder, context.roots, hostOf(candidate.url)) : [folder]
    const files = bases.flatMap((base) => variants(path.join(base, ...decodeSegments(pathname)), query))
    const found = await pick(files, roots)
    if (found) return found
    // A relative reference whose file is gone: a download may still get it.
    return /^https?:/i.test(candidate.url) ? undefined : {error: new ImageError('the file does not exist: ' + files[0])}
  }
  let url: URL
  try {
    url = new URL(/^https?:/i.test(candidate.url) ? candidate.url : original.startsWith('//') ? 'http:' + original : original)
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  if (url.pathname.endsWith('/')) return undefined
  const segments = decodeSegments(url.pathname)
  const query = url.search.slice(1)
  const files: Array<string> = []
  for (const base of ancestors(folder, context.roots)) {
    // Only host folders that exist are searched: most inputs are no mirror.
    for (const host of url.port ? [url.hostname, url.hostname + '+' + url.port, url.host] : [url.hostname]) {
      if (await isFolder(path.join(base, host), context.folders)) files.push(...variants(path.join(base, host, ...segments), query))
    }
    if (path.basename(base) === url.hostname) files.push(...variants(path.join(base, ...segments), query))
  }
  return files.length === 0 ? undefined : pick(files, roots)
}

/** Whether `folder` exists (cached in `cache`: the host folders of a mirror are few). */
function isFolder(folder: string, cache: Map<string, Promise<boolean>> | undefined): Promise<boolean> {
  let result = cache && cache.get(folder)
  if (!result) {
    result = fs.stat(folder).then(
      (stats) => stats.isDirectory(),
      () => false
    )
    if (cache) cache.set(folder, result)
  }
  return result
}

/** Real paths of the roots, cached. */
const realCache = new Map<string, Promise<string | undefined>>()

async function realRoots(roots: ReadonlyArray<string>): Promise<Array<string>> {
  const result: Array<string> = []
  for (const root of roots) {
    let real = realCache.get(root)
    if (!real) {
      real = fs.realpath(root).catch(() => undefined)
      realCache.set(root, real)
    }
    const value = await real
    if (value) result.push(value)
  }
  return result
}

/**
 * The first of `files` that is a regular file whose real path is inside a
 * root; an error when one exists but leaves the roots; `undefined` when
 * none exists.
 */
async function pick(files: ReadonlyArray<string>, roots: ReadonlyArray<string>): Promise<LocalResult> {
  let outside: string | undefined
  for (const file of files) {
    let real: string
    try {
      real = await fs.realpath(file)
      if (!(await fs.stat(real)).isFile()) continue
    } catch {
      continue
    }
    if (roots.some((root) => real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep))) return {path: real}
    outside ||= file
  }
  if (outside) return {error: new ImageError('the file is outside the input folder (' + outside + '); add its folder with --image-root to copy it')}
  return undefined
}

/** `name`, then `name?query` and `name@query` (wget's names on Unix and Windows). */
function variants(file: string, query: string): Array<string> {
  return query ? [file + '?' + query, file + '@' + query, file] : [file]
}

/** Path and query of a relative reference, fragment dropped. */
function split(reference: string): {pathname: string; query: string} {
  const withoutFragment = reference.split('#')[0]
  const index = withoutFragment.indexOf('?')
  return index === -1 ? {pathname: withoutFragment, query: ''} : {pathname: withoutFragment.slice(0, index), query: withoutFragment.slice(index + 1)}
}

/** Percent-decoded path segments; `..` and `.` are left to `path.join` (the roots check the result). */
function decodeSegments(pathname: string): Array<string> {
  return pathname
    .split(/[/\\]/)
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment)
      } catch {
        return segment
      }
    })
}

/** The page's folder and each folder above it, up to (and including) the root that holds it. */
function ancestors(folder: string, roots: ReadonlyArray<string>): Array<string> {
  const root = roots.find((item) => folder === item || folder.startsWith(item + path.sep)) ?? folder
  const result: Array<string> = []
  let current = folder
  for (;;) {
    result.push(current)
    if (current === root) break
    const parent = path.dirname(current)
    if (parent === current) break
    current = parent
  }
  return result
}

/**
 * Where a root-relative path (`/wp-content/a.jpg`) may start: the host
 * folder the page is in (a mirror), else the input root.
 */
function siteRoots(folder: string, roots: ReadonlyArray<string>, host: string | undefined): Array<string> {
  const all = ancestors(folder, roots)
  const hostFolder = all.find((item) => (host && path.basename(item) === host) || /^[a-z\d-]+(\.[a-z\d-]+)+(\+\d+)?$/i.test(path.basename(item)))
  return hostFolder ? [hostFolder, all[all.length - 1]] : [all[all.length - 1]]
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname || undefined
  } catch {
    return undefined
  }
}
