/**
 * Helpers for the CLI tests of `test/reliability.ts`, `test/security.ts`
 * and `test/faults.ts`: temporary folders, the CLI run in process, the
 * built binary, and folder snapshots.
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {Readable, Writable} from 'node:stream'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {run} from '../../lib/cli.js'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const bin = path.join(root, 'bin/news-markdown.js')
export const exec = promisify(execFile)

/** A page in the site's markup. */
export function page(spec: {title?: string | undefined; url?: string | undefined; body?: string | undefined; tags?: Array<string> | undefined}): string {
  const canonical = spec.url ? '<link rel="canonical" href="' + spec.url + '">' : ''
  const tags = (spec.tags || ['新闻']).map((tag, index) => '<a rel="tag" href="/tag/' + index + '">' + tag + '</a>').join(' ')
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    canonical +
    '<title>' +
    (spec.title || '') +
    '</title></head><body>' +
    (spec.title ? '<h2>' + spec.title + '</h2>' : '') +
    '<div class="entry"><p>（来源：美國之音, 文章內容並不代表本網立場和觀點。）</p><p>' +
    (spec.body || '正文第一段，记者报道了当地的情况。') +
    '</p><p>第二段内容。</p></div>' +
    '<div class="postfooter">本文标签：' +
    tags +
    '</div></body></html>'
  )
}

/** A temporary folder with `files` (relative path → content). */
export async function folder(files: Record<string, string | Uint8Array> = {}): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'news-markdown-rel-'))
  for (const [name, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, name)), {recursive: true})
    await fs.writeFile(path.join(dir, name), content)
  }
  return dir
}

function sink() {
  const chunks: Array<Buffer> = []
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(Buffer.from(chunk))
      callback()
    }
  })
  return {stream, text: () => Buffer.concat(chunks).toString('utf8')}
}

/** Run the CLI in process (`--jobs 1` unless given); `stdin` makes stdin a pipe. */
export async function cli(argv: Array<string>, cwd: string, stdin?: string | Uint8Array) {
  if (!argv.includes('--jobs') && !argv.includes('-j')) argv = [...argv, '--jobs', '1']
  return runInProcess(argv, {cwd, stdin: stdin === undefined ? [] : [Buffer.from(stdin)], isTTY: stdin === undefined})
}

/**
 * Run `news-markdown ARGV` in process exactly as given (no `--jobs` added:
 * `merge` refuses it), reading `stdin` chunks (none by default) as a pipe.
 */
export async function runInProcess(argv: Array<string>, options: {cwd: string; stdin?: Array<string | Buffer>; isTTY: boolean; signal?: AbortSignal}) {
  const stdout = sink()
  const stderr = sink()
  const {cwd, isTTY, signal} = options
  const code = await run(argv, {stdin: Readable.from(options.stdin ?? []), stdout: stdout.stream, stderr: stderr.stream, cwd, isTTY, ...(signal ? {signal} : {})})
  return {code, stdout: stdout.text(), stderr: stderr.text()}
}

/**
 * A saved article page with a headline, a first and a last paragraph around
 * `body` (for image tests: `body` holds the `<img>`s), and extra `head` markup.
 */
export function articlePage(title: string, body: string, head = ''): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    head +
    '<title>' +
    title +
    '</title></head><body><h1>' +
    title +
    '</h1><div class="entry"><p>正文第一段，记者报道了当地的情况。</p>' +
    body +
    '<p>第二段内容，更多的文字。</p></div></body></html>'
  )
}

/** Every file under `dir` (posix relative path → bytes), dot-files included, sorted. */
export async function tree(dir: string): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>()
  for (const entry of await fs.readdir(dir, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    const name = path.relative(dir, file).split(path.sep).join('/')
    result.set(name, comparable(name, await fs.readFile(file)))
  }
  return new Map([...result].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
}

/**
 * A file as runs can reproduce it: manifests without their stamps (size,
 * mtime and inode of the files they describe, which differ per run).
 */
export function comparable(name: string, bytes: Buffer): Buffer {
  if (!/(^|\/)\.news-markdown-manifest[^/]*\.json$/.test(name)) return bytes
  const data = JSON.parse(bytes.toString('utf8')) as {files?: Record<string, Record<string, unknown>>}
  for (const entry of Object.values(data.files || {})) {
    delete entry.inputStamp
    delete entry.outputStamp
  }
  return Buffer.from(JSON.stringify(data, null, 1) + '\n')
}

export async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false
  )
}

let built: Promise<void> | undefined

/** Build `dist/` once (type errors are `npm run typecheck`'s job). */
export function build(): Promise<void> {
  built ||= exec(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {cwd: root}).then(
    () => undefined,
    async (error: Error) => {
      if (!(await exists(path.join(root, 'dist/lib/cli.js')))) throw error
    }
  )
  return built
}

/**
 * Check an output folder after a fault: the manifest (if any) is valid
 * JSON whose every entry names an existing output with the recorded hash;
 * no temporary file is left; every Markdown file equals the one a clean run
 * wrote at that path (nothing half-written). Returns problems found.
 */
export async function checkConsistent(dir: string, clean: Map<string, Buffer>): Promise<Array<string>> {
  const {createHash} = await import('node:crypto')
  const problems: Array<string> = []
  const files = await tree(dir)
  for (const name of files.keys()) if (/news-markdown-tmp|\.takeover$/.test(name)) problems.push('temporary file left: ' + name)
  const manifestText = files.get('.news-markdown-manifest.json')
  const journalText = files.get('.news-markdown-manifest.json.journal')
  if (manifestText || journalText) {
    let manifest: {files?: Record<string, {output: string; outputHash: string}>} = {files: {}}
    try {
      if (manifestText) manifest = JSON.parse(manifestText.toString('utf8'))
    } catch {
      return [...problems, 'manifest is not valid JSON']
    }
    // The journal: one JSON line per change since the last save, after reserved space (spaces).
    for (const line of (journalText ? journalText.toString('utf8') : '').split('\n')) {
      if (!line.trim()) continue
      const record = JSON.parse(line.trim()) as {input: string; entry: {output: string; outputHash: string} | null}
      manifest.files ||= {}
      if (record.entry) manifest.files[record.input] = record.entry
      else delete manifest.files[record.input]
    }
    for (const [input, entry] of Object.entries(manifest.files || {})) {
      const output = files.get(entry.output)
      if (!output) problems.push('manifest names a missing output: ' + input + ' → ' + entry.output)
      else if (createHash('sha256').update(output).digest('hex') !== entry.outputHash) problems.push('manifest hash differs for ' + entry.output)
    }
  }
  for (const [name, bytes] of files) {
    if (!name.endsWith('.md')) continue
    const want = clean.get(name)
    if (!want) problems.push('unexpected output ' + name)
    else if (!want.equals(bytes)) problems.push('half-written or different output ' + name)
  }
  return problems
}
