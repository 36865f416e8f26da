import fs from 'node:fs/promises'
import path from 'node:path'
import {glob, isDynamicPattern} from 'tinyglobby'
import {compare} from './manifest.js'
import {extensionOf, sniffPage} from './sniff-page.js'
import type {NotPage} from './sniff-page.js'

/** One input page. */
export interface Input {
  /** Absolute path. */
  absolute: string
  /**
   * Path relative to its root, with `/` separators: to the folder given for
   * files found in it, else to the working directory (else the base name).
   */
  relative: string
  /**
   * Real path of the input tree, when links out of it are not followed
   * (files found in a folder or by a glob, without `followSymlinks`): the
   * file must still be inside it when it is read.
   */
  root?: string | undefined
}

/**
 * Inputs found, sorted by relative path, later inputs with a taken relative
 * path, and inputs left out (among them a file two arguments reached under
 * two relative paths, such as a folder and a path inside it: the first by
 * relative path is converted).
 */
export interface Inputs {
  inputs: Array<Input>
  duplicates: Array<Input>
  /** Inputs found but not read (symbolic links out of their tree, a file found twice), with the reason. */
  skipped: Array<{input: Input; reason: string}>
  /** Files in input folders that are not pages (`sniffPage`), counted by why and extension. */
  notPages: NotPages
  /** The same files, by path (absolute) and why, in the order found. */
  notPageFiles: Array<{file: string; reason: NotPage}>
}

/** Files found in input folders that are not pages: count by why (`NotPage`) → extension (`.png`, `(none)`) → files. */
export type NotPages = Record<NotPage, Record<string, number>>

/** How to walk. */
export interface WalkOptions {
  /**
   * Follow symbolic links wherever they point (default: `false`: links
   * inside a folder or glob are followed only when their target is inside
   * the same input tree, and linked folders are not entered).
   */
  followSymlinks?: boolean | undefined
}

/**
 * Expand `args` (files, folders walked recursively for pages, by content
 * (`sniffPage`), skipping dot-entries, and globs) into inputs. Throws an `Error` for an
 * argument that is neither an existing path nor a glob matching something.
 *
 * Symbolic links: a path given on the command line is read even when it is
 * a link (the user named it). Inside a folder or below a glob's fixed
 * base, a linked file whose real path leaves that tree is skipped (with a
 * reason) and linked folders are not entered, unless `followSymlinks` is
 * set; then links are followed anywhere, each real folder entered once.
 */
export async function walkInputs(args: ReadonlyArray<string>, cwd: string, options: WalkOptions = {}): Promise<Inputs> {
  const follow = options.followSymlinks === true
  const found: Array<Input> = []
  const skipped: Array<{input: Input; reason: string}> = []
  const notPages: NotPages = {asset: {}, 'not-html': {}, unreadable: {}}
  const notPageFiles: Array<{file: string; reason: NotPage}> = []
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg)
    const stats = await fs.stat(absolute).catch(() => undefined)
    if (stats && stats.isDirectory()) {
      const root = await fs.realpath(absolute)
      for (const file of await walkFolder(absolute, {root, follow, seen: new Set([root]), skipped, base: absolute, notPages, notPageFiles}))
        found.push({absolute: file, relative: toPosix(path.relative(absolute, file)), root: follow ? undefined : root})
    } else if (stats) {
      found.push({absolute, relative: relativeTo(cwd, absolute)})
    } else if (isDynamicPattern(arg)) {
      // Links are resolved (each real folder once) and then judged here:
      // tinyglobby would otherwise drop linked files without a word.
      const files = await glob(arg, {cwd, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: true})
      if (files.length === 0) throw new Error('No files match `' + arg + '`')
      const lexicalBase = path.resolve(cwd, globBase(arg))
      const base = await fs.realpath(lexicalBase).catch(() => lexicalBase)
      for (const file of files) {
        const input: Input = {absolute: path.resolve(file), relative: relativeTo(cwd, path.resolve(file)), root: follow ? undefined : base}
        if (!follow) {
          // Found through a linked folder: not entered, as in a folder walk.
          const folderReal = await fs.realpath(path.dirname(input.absolute)).catch(() => undefined)
          if (folderReal !== path.join(base, path.relative(lexicalBase, path.dirname(input.absolute)))) continue
          const outside = await leavesTree(input.absolute, base)
          if (outside) {
            skipped.push({input, reason: outside})
            continue
          }
        }
        found.push(input)
      }
    } else {
      throw new Error('Input not found: `' + arg + '`')
    }
  }
  found.sort((a, b) => compare(a.relative, b.relative) || compare(a.absolute, b.absolute))
  const inputs: Array<Input> = []
  const duplicates: Array<Input> = []
  const seen = new Map<string, string>()
  // The same file reached by two arguments under two relative paths (a folder and a path in it): converted once, the other reported.
  const taken = new Map<string, Input>()
  for (const input of found) {
    const previous = seen.get(input.relative)
    if (previous === input.absolute) continue
    const first = taken.get(input.absolute)
    if (first) skipped.push({input, reason: 'the same file as input `' + first.relative + '`, given twice'})
    else if (previous === undefined) {
      seen.set(input.relative, input.absolute)
      taken.set(input.absolute, input)
      inputs.push(input)
    } else duplicates.push(input)
  }
  skipped.sort((a, b) => compare(a.input.relative, b.input.relative))
  return {inputs, duplicates, skipped, notPages, notPageFiles}
}

interface Walk {
  /** Real path of the folder given. */
  root: string
  /** The folder given, as given (relative paths are computed from it). */
  base: string
  follow: boolean
  /** Real paths of folders entered (cycles). */
  seen: Set<string>
  skipped: Array<{input: Input; reason: string}>
  notPages: NotPages
  notPageFiles: Array<{file: string; reason: NotPage}>
}

/** Whether a file found in a folder is a page; counts it in `walk.notPages` when not. */
async function isPage(file: string, name: string, walk: Walk): Promise<boolean> {
  const verdict = await sniffPage(file, name)
  if (verdict === true) return true
  const counts = walk.notPages[verdict]
  const extension = extensionOf(name)
  counts[extension] = (counts[extension] || 0) + 1
  walk.notPageFiles.push({file, reason: verdict})
  return false
}

async function walkFolder(folder: string, walk: Walk): Promise<Array<string>> {
  const files: Array<string> = []
  const entries = await fs.readdir(folder, {withFileTypes: true})
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const file = path.join(folder, entry.name)
    if (entry.isDirectory()) files.push(...(await walkFolder(file, walk)))
    else if (entry.isSymbolicLink()) {
      const real = await fs.realpath(file).catch(() => undefined)
      const stats = real ? await fs.stat(real).catch(() => undefined) : undefined
      if (!real || !stats) continue
      const inside = isInside(real, walk.root)
      if (stats.isDirectory()) {
        // Linked folders only with `--follow-symlinks`, each real folder once.
        if (!walk.follow || walk.seen.has(real)) continue
        walk.seen.add(real)
        files.push(...(await walkFolder(file, walk)))
      } else if (stats.isFile() && (await isPage(file, entry.name, walk))) {
        if (inside || walk.follow) files.push(file)
        else
          walk.skipped.push({
            input: {absolute: file, relative: toPosix(path.relative(walk.base, file))},
            reason: 'symbolic link to `' + real + '`, outside the input folder (use --follow-symlinks to read it)'
          })
      }
    } else if (entry.isFile() && (await isPage(file, entry.name, walk))) files.push(file)
  }
  return files
}

/** Why `file` (a glob match) leaves the tree under `base`, if it does. */
async function leavesTree(file: string, base: string): Promise<string | undefined> {
  const real = await fs.realpath(file).catch(() => undefined)
  if (!real) return 'cannot resolve the path'
  if (isInside(real, base)) return undefined
  return 'symbolic link to `' + real + '`, outside `' + base + '` (use --follow-symlinks to read it)'
}

/** The fixed folder a glob starts from: its leading segments without glob syntax. */
function globBase(pattern: string): string {
  const segments = pattern.split('/')
  const fixed: Array<string> = []
  for (const segment of segments.slice(0, -1)) {
    if (isDynamicPattern(segment)) break
    fixed.push(segment)
  }
  return fixed.join('/') || '.'
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file)
  return relative === '' || (!relative.startsWith('..' + path.sep) && relative !== '..' && !path.isAbsolute(relative))
}

function relativeTo(cwd: string, file: string): string {
  const relative = path.relative(cwd, file)
  return toPosix(relative.startsWith('..') || path.isAbsolute(relative) ? path.basename(file) : relative)
}

function toPosix(value: string): string {
  return value.split(path.sep).join('/')
}
