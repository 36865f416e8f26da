import {createHash} from 'node:crypto'

/** One shard of a batch: `index` of `count`, both 1-based. */
export interface Shard {
  index: number
  count: number
}

/**
 * Parse `K/N` (1 ≤ K ≤ N); throws an `Error` naming the accepted form.
 */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value)
  const index = match ? Number(match[1]) : 0
  const count = match ? Number(match[2]) : 0
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error('Invalid `--shard` `' + value + '`: expected `K/N` with 1 ≤ K ≤ N, such as `1/4`')
  }
  return {index, count}
}

/**
 * Whether the input at `relative` (posix, relative to its input root)
 * belongs to `shard`: the first 4 bytes of its SHA-1 as an unsigned
 * integer, modulo the shard count. Stable across machines and runs.
 */
export function inShard(relative: string, shard: Shard): boolean {
  if (shard.count === 1) return true
  const hash = createHash('sha1').update(relative).digest()
  return hash.readUInt32BE(0) % shard.count === shard.index - 1
}
