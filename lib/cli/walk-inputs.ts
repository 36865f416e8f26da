import fs from 'node:fs/promises'
import path from 'node:path'
import {glob, isDynamicPattern} from 'tinyglobby'
import {compare} from './manifest.js'

/** One input page. */
export interface Input {
  /** Absolute path. */
  absolute: string
  /**
   * Path relative to its root, with `/` separators: to the folder given for
   * files found in it, else to the working directory (else the base name).
   */
  relative: string
}

/** Inputs found, sorted by relative path, and later inputs with a taken relative path. */
export interface Inputs {
  inputs: Array<Input>
  duplicates: Array<Input>
}

const pageExtension = /\.html?$/i

/**
 * Expand `args` (files, folders walked recursively for `.html`/`.htm`
 * skipping dot-entries, and globs) into inputs. Throws an `Error` for an
 * argument that is neither an existing path nor a glob matching something.
 */
export async function walkInputs(args: ReadonlyArray<string>, cwd: string): Promise<Inputs> {
  const found: Array<Input> = []
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg)
    const stats = await fs.stat(absolute).catch(() => undefined)
    if (stats && stats.isDirectory()) {
      for (const file of await walkFolder(absolute)) found.push({absolute: file, relative: toPosix(path.relative(absolute, file))})
    } else if (stats) {
      found.push({absolute, relative: relativeTo(cwd, absolute)})
    } else if (isDynamicPattern(arg)) {
      const files = await glob(arg, {cwd, absolute: true, onlyFiles: true, dot: false})
      if (files.length === 0) throw new Error('No files match `' + arg + '`')
      for (const file of files) found.push({absolute: path.resolve(file), relative: relativeTo(cwd, path.resolve(file))})
    } else {
      throw new Error('Input not found: `' + arg + '`')
    }
  }
  found.sort((a, b) => compare(a.relative, b.relative) || compare(a.absolute, b.absolute))
  const inputs: Array<Input> = []
  const duplicates: Array<Input> = []
  const seen = new Map<string, string>()
  for (const input of found) {
    const previous = seen.get(input.relative)
    if (previous === input.absolute) continue
    if (previous === undefined) {
      seen.set(input.relative, input.absolute)
      inputs.push(input)
    } else duplicates.push(input)
  }
  return {inputs, duplicates}
}

async function walkFolder(folder: string): Promise<Array<string>> {
  const files: Array<string> = []
  const entries = await fs.readdir(folder, {withFileTypes: true})
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const file = path.join(folder, entry.name)
    if (entry.isDirectory()) files.push(...(await walkFolder(file)))
    else if (pageExtension.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && (await isFile(file))))) files.push(file)
  }
  return files
}

async function isFile(file: string): Promise<boolean> {
  return (await fs.stat(file).catch(() => undefined))?.isFile() === true
}

function relativeTo(cwd: string, file: string): string {
  const relative = path.relative(cwd, file)
  return toPosix(relative.startsWith('..') || path.isAbsolute(relative) ? path.basename(file) : relative)
}

function toPosix(value: string): string {
  return value.split(path.sep).join('/')
}
