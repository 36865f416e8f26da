/**
 * Disk faults for tests, injected from outside the shipping code: while
 * `withWriteFaults(spec, action)` runs, the CLI's atomic writes in this
 * process (`writeAtomic`: a `.news-markdown-tmp-*` file opened with `wx`
 * and written with one `writeFile`) go wrong as a full disk or a read-only
 * remount would. `spec` is `<code>:<n>` or `<code>:<n>:<m>` (`code` one of
 * `enospc`, `erofs`, `eacces`, `eio`): the first `n` writes succeed, the
 * next `m` (default: all) write half their data, then fail with that code.
 * `fs.promises.open` is wrapped for the time of `action` only.
 */
import fs from 'node:fs/promises'
import type {FileHandle} from 'node:fs/promises'
import path from 'node:path'
import {temporaryName} from '../../lib/cli/write-atomic.js'

type Open = typeof fs.open

export async function withWriteFaults<T>(spec: string, action: () => Promise<T>): Promise<T> {
  const match = /^(enospc|erofs|eacces|eio):(\d+)(?::(\d+))?$/i.exec(spec)
  if (!match) throw new Error('Bad fault spec `' + spec + '`: expected `<code>:<n>[:<m>]`')
  const code = match[1].toUpperCase()
  const first = Number(match[2])
  const last = match[3] === undefined ? Number.POSITIVE_INFINITY : first + Number(match[3])
  const open: Open = fs.open
  let writes = 0
  const faulty: Open = async function (file, flags, mode) {
    const handle = await open(file, flags, mode)
    if (flags === 'wx' && temporaryName.test(path.basename(String(file)))) breakWrites(handle)
    return handle
  }
  function breakWrites(handle: FileHandle): void {
    const writeFile = handle.writeFile.bind(handle)
    handle.writeFile = async function (data: string | Uint8Array) {
      const index = writes++
      if (index < first || index >= last) return writeFile(data)
      // A write that stops half-way, as a full disk does.
      await writeFile(typeof data === 'string' ? data.slice(0, data.length >> 1) : data.subarray(0, data.length >> 1))
      const error: NodeJS.ErrnoException = new Error(code + ': injected fault, write')
      error.code = code
      throw error
    }
  }
  fs.open = faulty
  try {
    return await action()
  } finally {
    fs.open = open
  }
}
