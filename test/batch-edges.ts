/**
 * Edges of `lib/cli/batch.ts` seen from the command line: a batch on a
 * terminal (a progress bar; a failing page's line starts below it, never
 * glued to the bar), a rerun after an output was deleted (the page is
 * converted again, not counted unchanged), and the list of old URLs two
 * pages claim.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {Readable, Writable} from 'node:stream'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {run} from '../lib/cli.js'
import {cli, folder, page} from './util/cli-harness.js'

/** The CLI in process with a stderr that says it is a terminal. */
async function onTerminal(argv: Array<string>, cwd: string) {
  const chunks: Array<Buffer> = []
  const stderr = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(Buffer.from(chunk))
        callback()
      }
    }),
    {isTTY: true, columns: 100}
  )
  const stdout = new Writable({
    write(_chunk: Buffer, _encoding, callback) {
      callback()
    }
  })
  const code = await run([...argv, '--jobs', '1'], {stdin: Readable.from([]), stdout, stderr, cwd, isTTY: true})
  return {code, stderr: Buffer.concat(chunks).toString('utf8')}
}

test('batch edges: on a terminal a bar shows progress, and a failing page’s line starts on a line of its own', async function () {
  const dir = await folder({
    'in/a.html': page({title: '第一篇', url: 'https://news.example/a.html'}),
    'in/big.html': page({title: '很长的一篇', url: 'https://news.example/big.html', body: '长文。'.repeat(400)})
  })
  const result = await onTerminal(['in', '--out', 'out', '--max-size', '2000'], dir)
  assert.is(result.code, 1)
  assert.match(result.stderr, /\d+\/2 pages \|/, 'the bar')
  assert.match(result.stderr, /\nbig\.html: Input is \d+ bytes, more than the limit of 2000 \(`--max-size`\); use --max-size to raise it \[too-large\]\n/)
  assert.ok(await fs.stat(path.join(dir, 'out/a.md')).then((stats) => stats.isFile()))
})

test('batch edges: a rerun after an output was deleted converts that page again; the others stay unchanged', async function () {
  const dir = await folder({
    'in/a.html': page({title: '第一篇', url: 'https://news.example/a.html'}),
    'in/b.html': page({title: '第二篇', url: 'https://news.example/b.html'})
  })
  const first = await cli(['in', '--out', 'out', '--report', 'report.json'], dir)
  assert.is(first.code, 0, first.stderr)
  const written = await fs.readFile(path.join(dir, 'out/b.md'), 'utf8')
  await fs.rm(path.join(dir, 'out/b.md'))
  const again = await cli(['in', '--out', 'out', '--report', 'report.json'], dir)
  assert.is(again.code, 0, again.stderr)
  const report = JSON.parse(await fs.readFile(path.join(dir, 'report.json'), 'utf8')) as {files: Array<{input: string; status: string}>}
  assert.equal(
    report.files.map((file) => [file.input, file.status]),
    [
      ['a.html', 'unchanged'],
      ['b.html', 'converted']
    ]
  )
  assert.is(await fs.readFile(path.join(dir, 'out/b.md'), 'utf8'), written)
})

test('batch edges: old URLs claimed by two pages are listed, one in the singular, at most ten with a count of the rest', async function () {
  const pages = (count: number) => {
    const files: Record<string, string> = {}
    for (let index = 0; index < count; index++)
      files['in/p' + String(index).padStart(2, '0') + '.html'] = page({title: '文章' + index, url: 'https://news.example/same.html', body: '第' + index + '篇正文。'})
    return files
  }
  const two = await cli(['in', '--out', 'out', '--layout', 'hugo'], await folder(pages(2)))
  assert.is(two.code, 0, two.stderr)
  assert.match(two.stderr, /news-markdown: 1 old URL is claimed by two pages \(each kept by the first by input path\):\n {2}p01\.html: Old URL `\/same\.html` is also the original URL of `p00\.html`/)
  const many = await cli(['in', '--out', 'out', '--layout', 'hugo'], await folder(pages(13)))
  assert.is(many.code, 0, many.stderr)
  assert.match(many.stderr, /news-markdown: 12 old URLs are claimed by two pages/)
  const listed = many.stderr.split('\n').filter((line) => /^ {2}p\d\d\.html: Old URL/.test(line))
  assert.equal(
    listed.map((line) => line.slice(2, 10)),
    ['p01.html', 'p02.html', 'p03.html', 'p04.html', 'p05.html', 'p06.html', 'p07.html', 'p08.html', 'p09.html', 'p10.html']
  )
  assert.match(many.stderr, /\n {2}… and 2 more \(see the report\)\n/)
})

test.run()
