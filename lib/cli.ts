import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArguments, usage, UsageError} from './cli/arguments.js'
import type {Settings} from './cli/arguments.js'
import {convertOptions, InputError, interrupted, runBatch} from './cli/batch.js'
import type {Io} from './cli/batch.js'
import {printable} from './cli/escape.js'
import {closePools, createPool, defaultHeapMb, retryHeapMb} from './cli/pool.js'
import {formatFiles, toVFile} from './cli/verbose.js'
import {runMerge} from './cli/merge.js'

export type {Io} from './cli/batch.js'

/**
 * Run the `news-markdown` command with `argv` (without `node` and the
 * script) on `io`. Resolves to the exit code: `0` when everything was
 * converted or unchanged, `1` when some inputs failed or were skipped,
 * `2` on usage errors. Never calls `process.exit`.
 */
export async function run(argv: Array<string>, io: Io): Promise<number> {
  let settings: Settings
  try {
    if (argv[0] === 'merge') return await runMerge(argv.slice(1), io, converterName())
    settings = await parseArguments(argv, io.cwd)
    if (settings.help) {
      io.stdout.write(usage)
      return 0
    }
    if (settings.version) {
      io.stdout.write(packageInfo().version + '\n')
      return 0
    }
    if (settings.inputs.length === 0) {
      if (io.isTTY) throw new UsageError('Missing input: give files, folders or globs, or pipe a page on stdin')
      return await runStdin(settings, io)
    }
    return await runBatch(settings, io, converterName())
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      io.stderr.write('news-markdown: ' + printable(error.message) + '\nTry `news-markdown --help` for usage.\n')
      return 2
    }
    io.stderr.write('news-markdown: ' + printable(String((error as Error).stack || error), true) + '\n')
    return 1
  }
}

/** `news-markdown@<version>`, recorded in manifests and reports. */
export function converterName(): string {
  const info = packageInfo()
  return info.name + '@' + info.version
}

async function runStdin(settings: Settings, io: Io): Promise<number> {
  const chunks: Array<Uint8Array> = []
  const maxSize = settings.maxSize ?? 50 * 1024 * 1024
  let size = 0
  for await (const chunk of io.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array)
    size += bytes.byteLength
    // Stop reading (and holding) a page over the limit.
    if (size > maxSize) {
      io.stderr.write('<stdin>: Input is more than the limit of ' + maxSize + ' bytes (`--max-size`); use --max-size to raise it [too-large]\n')
      return 1
    }
    chunks.push(bytes)
  }
  const options = convertOptions(settings, settings.baseUrl)
  // In a worker too: a page that exhausts memory or hangs fails alone.
  const pool = createPool({jobs: 1, heapMb: settings.workerMemory ?? defaultHeapMb, retryHeapMb: retryHeapMb(), timeoutMs: settings.pageTimeout})
  let result
  const aborted = new Promise<'interrupted'>((resolve) => {
    if (io.signal?.aborted) resolve('interrupted')
    io.signal?.addEventListener('abort', () => resolve('interrupted'), {once: true})
  })
  try {
    result = await Promise.race([
      aborted,
      pool.run({file: '<stdin>', relative: 'stdin.html', bytes: Buffer.concat(chunks), options, layout: settings.layout, slug: settings.slug, timezone: settings.timezone, maxSize})
    ])
  } finally {
    // Interrupted: the conversion is abandoned and its worker ended.
    if (io.signal?.aborted) await closePools()
    else await pool.close()
  }
  if (result === 'interrupted') {
    io.stderr.write('news-markdown: interrupted\n')
    return interrupted
  }
  if (settings.verbose && result.messages.length > 0) io.stderr.write(formatFiles([toVFile('<stdin>', result.messages)]))
  if (result.error || !result.page) {
    const error = result.error
    io.stderr.write('<stdin>: ' + printable(error ? error.reason + ' [' + (error.ruleId || 'error') + ']' : 'not converted') + '\n')
    return 1
  }
  io.stdout.write(result.page.markdown)
  return 0
}

let info: {name: string; version: string} | undefined

function packageInfo(): {name: string; version: string} {
  if (info) return info
  // `lib/cli.ts` under tsx, `dist/lib/cli.js` when built: walk up.
  let folder = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const file = path.join(folder, 'package.json')
    if (fs.existsSync(file)) {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as {name?: string; version?: string}
      if (data.name === 'news-markdown' && data.version) return (info = {name: data.name, version: data.version})
    }
    const parent = path.dirname(folder)
    if (parent === folder) return (info = {name: 'news-markdown', version: '0.0.0'})
    folder = parent
  }
}
