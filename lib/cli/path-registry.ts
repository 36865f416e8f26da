import {createHash} from 'node:crypto'
import {posix} from 'node:path'

/**
 * Output paths handed out in one run. Names are compared case-insensitively
 * (after NFC), as on macOS and Windows file systems. A taken name gets a
 * suffix derived from the page itself (`collisionSuffix` of its original
 * URL, else its input path), not from the order pages are claimed in: a
 * page suffixed in one run, shard or rerun has the same name in any other.
 */
export class PathRegistry {
  private readonly taken = new Set<string>()

  /** Mark `path` (posix, relative to the output folder) as taken. */
  reserve(path: string): void {
    this.taken.add(key(path))
  }

  /** Whether `path` is taken. */
  has(path: string): boolean {
    return this.taken.has(key(path))
  }

  /**
   * Claim `path`, or, when taken, `<stem>-<suffix><ext>` (for a page bundle
   * `<folder>/index.md`, `<folder>-<suffix>/index.md`) with the suffix of
   * `identity` (the page's original URL, else its input path); when that is
   * taken too (two pages with one URL), the suffix of each of `fallbacks`
   * (its input path), then `-2`, `-3`, … after it. Returns the path claimed.
   */
  claim(path: string, identity = path, fallbacks: ReadonlyArray<string> = []): string {
    const candidate = this.next(path, identity, fallbacks)
    this.reserve(candidate)
    return candidate
  }

  /** The path `claim` would claim now, without claiming it. */
  next(path: string, identity = path, fallbacks: ReadonlyArray<string> = []): string {
    return this.has(path) ? suffixed(path, [identity, ...fallbacks], (each) => !this.has(each)) : path
  }
}

/** Hex digits of a collision suffix. */
export const suffixLength = 8

/** The collision suffix of a page: the first `suffixLength` hex digits of the SHA-256 of its identity (original URL or input path). */
export function collisionSuffix(identity: string): string {
  return createHash('sha256').update(identity).digest('hex').slice(0, suffixLength)
}

/**
 * `path` with the collision suffix of the first of `identities` that gives
 * a `free` path, else the last one's with `-2`, `-3`, … after it.
 */
export function suffixed(path: string, identities: ReadonlyArray<string>, free: (path: string) => boolean): string {
  const extension = path.endsWith('/index.md') ? '/index.md' : posix.extname(path)
  const stem = path.slice(0, path.length - extension.length)
  let last = stem
  for (const identity of identities) {
    last = stem + '-' + collisionSuffix(identity)
    if (free(last + extension)) return last + extension
  }
  let n = 2
  while (!free(last + '-' + n + extension)) n++
  return last + '-' + n + extension
}

function key(path: string): string {
  return path.normalize('NFC').toLowerCase()
}
