import {createHash} from 'node:crypto'

/** Hex SHA-256 of bytes or a string (as UTF-8). */
export function sha256(value: Uint8Array | string): string {
  return createHash('sha256').update(value).digest('hex')
}
