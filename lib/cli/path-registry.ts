import {posix} from 'node:path'

/**
 * Output paths handed out in one run. Names are compared case-insensitively
 * (after NFC), as on macOS and Windows file systems; a taken name gets a
 * deterministic suffix (`-2`, `-3`, …) in the order paths are claimed.
 * Claims are O(1) amortised: each stem remembers its next free suffix.
 */
export class PathRegistry {
  private readonly taken = new Set<string>()
  private readonly next = new Map<string, number>()

  /** Mark `path` (posix, relative to the output folder) as taken. */
  reserve(path: string): void {
    this.taken.add(key(path))
  }

  /** Whether `path` is taken. */
  has(path: string): boolean {
    return this.taken.has(key(path))
  }

  /**
   * Claim `path`, or the first free `<stem>-N<ext>` (N from 2) when taken;
   * for a page bundle (`<folder>/index.md`), `<folder>-N/index.md`.
   * Returns the path that was claimed.
   */
  claim(path: string): string {
    if (!this.has(path)) {
      this.reserve(path)
      return path
    }
    const extension = path.endsWith('/index.md') ? '/index.md' : posix.extname(path)
    const stem = path.slice(0, path.length - extension.length)
    const stemKey = key(stem)
    let n = this.next.get(stemKey) || 2
    let candidate = stem + '-' + n + extension
    while (this.has(candidate)) candidate = stem + '-' + ++n + extension
    this.next.set(stemKey, n + 1)
    this.reserve(candidate)
    return candidate
  }
}

function key(path: string): string {
  return path.normalize('NFC').toLowerCase()
}
