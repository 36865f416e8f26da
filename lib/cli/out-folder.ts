import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * Something in the output folder stops a page from being written there (a
 * file where a folder is needed, a link out of the folder); the message
 * says what and where. The page is skipped; the batch goes on.
 */
export class InTheWay extends Error {}

/**
 * Whether `output` (a path from the manifest, relative, posix) is one
 * news-markdown could have written: a Markdown file (`.md`) below the
 * output folder, with no empty, `.`, `..` or dot-file segment, no
 * backslash and no control character. Manifest entries are untrusted:
 * anything else (`_config.yml`, `../x.md`, `/etc/x.md`) is never deleted
 * or replaced.
 */
export function isOutputPath(output: unknown): output is string {
  if (typeof output !== 'string' || output.length === 0 || output.length > 4096) return false
  if (!output.endsWith('.md') || output.includes('\\') || /[\u0000-\u001f\u007f]/.test(output)) return false
  return output.split('/').every((segment) => segment !== '' && !segment.startsWith('.'))
}

/**
 * The output folder, by its real path: every file written or removed is
 * reached through real folders inside it, never through a symbolic link
 * that leaves it (a linked sub-folder pointing elsewhere is in the way).
 */
export class OutFolder {
  private readonly checked = new Map<string, Promise<void>>()

  private constructor(readonly root: string) {}

  /** Open the output folder `dir` (which exists). */
  static async open(dir: string): Promise<OutFolder> {
    return new OutFolder(await fs.realpath(dir))
  }

  /**
   * Absolute path of `relative` (posix) inside the folder, after checking
   * that each of its folders that exists is a real folder inside the output
   * folder (a link to a folder inside is fine). Throws `InTheWay` naming
   * what is in the way.
   */
  async target(relative: string): Promise<string> {
    const target = path.resolve(this.root, ...relative.split('/'))
    if (!isInside(target, this.root) || target === this.root) throw new InTheWay('`' + relative + '` is not inside the output folder')
    const parent = path.dirname(target)
    if (parent !== this.root) {
      let check = this.checked.get(parent)
      if (!check) {
        check = this.checkFolder(parent)
        this.checked.set(parent, check)
        // A failed check is made again next time (the user may fix it meanwhile).
        check.catch(() => this.checked.delete(parent))
      }
      await check
    }
    return target
  }

  /** Forget checked folders (after a folder was removed or replaced). */
  forget(): void {
    this.checked.clear()
  }

  private async checkFolder(folder: string): Promise<void> {
    const relative = path.relative(this.root, folder)
    let current = this.root
    for (const segment of relative.split(path.sep)) {
      current = path.join(current, segment)
      const stats = await fs.lstat(current).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined
        throw error
      })
      // Missing: the rest is created by `mkdir`, as real folders inside.
      if (!stats) return
      const name = '`' + path.relative(this.root, current).split(path.sep).join('/') + '`'
      if (stats.isSymbolicLink()) {
        const real = await fs.realpath(current).catch(() => undefined)
        if (!real) throw new InTheWay(name + ' in the output folder is a broken symbolic link where a folder is needed: remove it')
        if (!isInside(real, this.root))
          throw new InTheWay(name + ' in the output folder is a symbolic link to `' + real + '`, outside the output folder: news-markdown never writes through it (replace it with a folder)')
        const target = await fs.stat(real)
        if (!target.isDirectory()) throw new InTheWay(name + ' in the output folder is a link to a file where a folder is needed: move it away')
        continue
      }
      if (!stats.isDirectory()) throw new InTheWay(name + ' in the output folder is a file where a folder is needed: move it away or choose another --out')
    }
  }
}

/**
 * What is at `file`, without following a final symbolic link: its bytes
 * when it is a regular file, `'missing'`, or what else it is.
 */
export async function readOwn(file: string): Promise<Buffer | 'missing' | 'folder' | 'link' | 'other'> {
  const stats = await fs.lstat(file).catch(() => undefined)
  if (!stats) return 'missing'
  if (stats.isSymbolicLink()) return 'link'
  if (stats.isDirectory()) return 'folder'
  if (!stats.isFile()) return 'other'
  return fs.readFile(file).catch(() => 'missing' as const)
}

export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file)
  return relative === '' || (!relative.startsWith('..' + path.sep) && relative !== '..' && !path.isAbsolute(relative))
}
