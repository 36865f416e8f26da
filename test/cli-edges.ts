/**
 * Edges of a batch run seen from the command line: what a run that finds
 * no page says, files news-markdown keeps in the output folder that are
 * something else, a manifest naming many files it never writes, shard runs
 * beside an unsharded one, and a run stopped by its signal before or
 * during the batch (the in-process form of Ctrl-C).
 */
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {Readable, Writable} from 'node:stream'
import {promisify} from 'node:util'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {run} from '../lib/cli.js'
import {cli, exists, folder, page, runInProcess, tree} from './util/cli-harness.js'

const exec = promisify(execFile)

/** `count` pages `in/000.html`…, each with its own title and canonical URL. */
function pages(count: number): Record<string, string> {
  const files: Record<string, string> = {}
  for (let index = 0; index < count; index++) {
    const name = String(index).padStart(3, '0')
    files['in/' + name + '.html'] = page({title: '文章' + name, url: 'https://news.example/a/' + name + '.html', body: ('第' + index + '篇的正文。').repeat(20)})
  }
  return files
}

/**
 * The CLI in process with `signal`; `onStderr` sees every chunk written to
 * stderr as it is written (to abort at a known point of the run).
 */
async function cliWithSignal(argv: Array<string>, cwd: string, signal: AbortSignal, onStderr: (text: string) => void = () => undefined) {
  const chunks: Array<Buffer> = []
  const stderr = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk))
      onStderr(Buffer.from(chunk).toString('utf8'))
      callback()
    }
  })
  const stdout = new Writable({
    write(_chunk: Buffer, _encoding, callback) {
      callback()
    }
  })
  const code = await run([...argv, '--jobs', '1'], {stdin: Readable.from([]), stdout, stderr, cwd, isTTY: true, signal})
  return {code, stderr: Buffer.concat(chunks).toString('utf8')}
}

test('cli edges: a folder with no file, or with one file that is not a page, says what it saw; nothing is written', async function () {
  const dir = await folder({'empty/.hidden.html': page({title: '隐藏'}), 'one/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'notes/README': 'Just some notes, no markup.'})
  const empty = await cli(['empty', '--out', 'out'], dir)
  assert.is(empty.code, 1)
  assert.match(empty.stderr, /No page found in `empty`: no files \(dot-files and dot-folders are not searched\); nothing was converted/)
  const one = await cli(['one', '--out', 'out'], dir)
  assert.is(one.code, 1)
  assert.match(one.stderr, /No page found in `one`: saw 1 file, none a page: 1 \.svg not opened \(images, styles, scripts, data: never pages\)\. Pages are recognised by their content/)
  const text = await cli(['notes', 'one', '--out', 'out'], dir)
  assert.is(text.code, 1)
  assert.match(text.stderr, /No page found in `notes`, `one`: saw 2 files, none a page: 1 \.svg not opened [^;]*; 1 \(none\) read but with no HTML markup in their first 4 KB\./)
  assert.not.ok(await exists(path.join(dir, 'out')), 'nothing written')
})

test('cli edges: a symbolic link or a FIFO where news-markdown keeps its lock or manifest is named, nothing is converted, nothing followed', async function () {
  const dir = await folder({...pages(2), 'elsewhere/target.json': '{"mine": true}\n'})
  await fs.mkdir(path.join(dir, 'link-out'))
  await fs.symlink(path.join(dir, 'elsewhere/target.json'), path.join(dir, 'link-out/.news-markdown-manifest.json'))
  const linked = await cli(['in', '--out', 'link-out'], dir)
  assert.is(linked.code, 2, linked.stderr)
  assert.match(
    linked.stderr,
    /Cannot use the output folder `[^`]*link-out`: `\.news-markdown-manifest\.json` is a symbolic link, where news-markdown keeps its manifest: move it away; nothing was converted/
  )
  assert.is(await fs.readFile(path.join(dir, 'elsewhere/target.json'), 'utf8'), '{"mine": true}\n', 'the link target is untouched')

  const mkfifo = await exec('mkfifo', [path.join(dir, 'fifo-out/.news-markdown-manifest.json.journal')]).then(
    () => true,
    async () => {
      await fs.mkdir(path.join(dir, 'fifo-out'))
      return exec('mkfifo', [path.join(dir, 'fifo-out/.news-markdown-manifest.json.journal')]).then(
        () => true,
        () => false
      )
    }
  )
  if (!mkfifo) {
    console.log('  (skipped the FIFO case: no `mkfifo`)')
    return
  }
  const fifo = await cli(['in', '--out', 'fifo-out'], dir)
  assert.is(fifo.code, 2, fifo.stderr)
  assert.match(fifo.stderr, /`\.news-markdown-manifest\.json\.journal` is not a regular file, where news-markdown keeps its manifest journal: move it away; nothing was converted/)
  assert.equal([...(await tree(path.join(dir, 'fifo-out'))).keys()], [], 'nothing written beside the FIFO')
})

test('cli edges: a manifest naming more than three files news-markdown never writes lists three and an ellipsis; the files stay', async function () {
  const dir = await folder({...pages(1), 'site/_config.yml': 'title: mine\n', 'site/a.txt': 'a\n', 'site/b.txt': 'b\n', 'site/c.txt': 'c\n'})
  const files: Record<string, unknown> = {}
  for (const [index, output] of ['_config.yml', '.htaccess', '../up.md', '/tmp/absolute.md', 'posts/../../x.md'].entries())
    files['gone-' + index + '.html'] = {input: '0', output, outputHash: '0'.repeat(64), converter: 'news-markdown@0.1.0', fields: []}
  await fs.writeFile(path.join(dir, 'site/.news-markdown-manifest.json'), JSON.stringify({version: 1, files}))
  const result = await cli(['in', '--out', 'site'], dir)
  assert.is(result.code, 0, result.stderr)
  assert.match(
    result.stderr,
    /ignored 5 manifest entries naming files news-markdown never writes \(gone-0\.html → _config\.yml, gone-1\.html → \.htaccess, gone-2\.html → \.\.\/up\.md, …\); those files are left alone/
  )
  assert.is(await fs.readFile(path.join(dir, 'site/_config.yml'), 'utf8'), 'title: mine\n')
})

test('cli edges: a shard run into a folder an unsharded run wrote says so, and its pages step around the names taken', async function () {
  const dir = await folder(pages(4))
  const whole = await cli(['in', '--out', 'site', '--layout', 'hugo'], dir)
  assert.is(whole.code, 0, whole.stderr)
  const before = [...(await tree(path.join(dir, 'site'))).keys()].filter((name) => name.endsWith('.md'))
  assert.is(before.length, 4)
  const shard = await cli(['in', '--out', 'site', '--layout', 'hugo', '--shard', '1/2'], dir)
  assert.is(shard.code, 0, shard.stderr)
  assert.match(shard.stderr, /`[^`]*site` also holds pages of other runs \(`\.news-markdown-manifest\.json`\), which this run does not know: a page whose name one of them holds takes another name/)
  const after = [...(await tree(path.join(dir, 'site'))).keys()].filter((name) => name.endsWith('.md'))
  for (const name of before) assert.ok(after.includes(name), name + ' is still there')
  assert.ok(after.length > before.length, 'the shard wrote its pages under other names: ' + after.join(', '))
})

test('cli edges: a run whose signal is aborted before it starts converts nothing and exits 130', async function () {
  const dir = await folder(pages(3))
  const controller = new AbortController()
  controller.abort()
  const result = await cliWithSignal(['in', '--out', 'site'], dir, controller.signal)
  assert.is(result.code, 130, result.stderr)
  assert.match(result.stderr, /interrupted before any page was converted/)
  const written = [...(await tree(path.join(dir, 'site')).catch(() => new Map<string, Buffer>())).keys()].filter((name) => name.endsWith('.md'))
  assert.equal(written, [])
})

test('cli edges: a run interrupted mid-batch records what it wrote, skips the redirect map, and the rerun finishes the rest', async function () {
  const files = pages(8)
  // The fourth page is over `--max-size`: its failure line is the point where the run is interrupted.
  files['in/003.html'] = page({title: '太长', url: 'https://news.example/a/003.html', body: '很长的正文。'.repeat(2000)})
  const dir = await folder(files)
  const controller = new AbortController()
  const args = ['in', '--out', 'site', '--layout', 'hugo', '--max-size', '8K', '--redirects', 'redirects.map', '--redirects-format', 'nginx', '--base-url', 'https://old.example/']
  const result = await cliWithSignal(args, dir, controller.signal, (text) => {
    if (/\[too-large\]/.test(text)) controller.abort()
  })
  assert.is(result.code, 130, result.stderr)
  assert.match(result.stderr, /interrupted: finishing the pages being written, then saving the manifest/)
  assert.match(result.stderr, /the redirect map `redirects\.map` was not written: the run was interrupted before every page was converted/)
  const summary = /interrupted: (\d+) of 8 pages written and recorded in the manifest; run the same command again to convert the rest/.exec(result.stderr)
  assert.ok(summary, result.stderr)
  assert.ok(Number(summary[1]) < 7, 'stopped before the end: ' + summary[1] + ' written')
  assert.not.ok(await exists(path.join(dir, 'redirects.map')), 'no partial redirect map')
  const manifest = JSON.parse(await fs.readFile(path.join(dir, 'site/.news-markdown-manifest.json'), 'utf8')) as {files: Record<string, unknown>}
  assert.is(Object.keys(manifest.files).length, Number(summary[1]), 'the manifest records exactly the pages written')

  const rerun = await cli(args, dir)
  assert.is(rerun.code, 1, 'the page over the limit still fails: ' + rerun.stderr)
  assert.match(rerun.stderr, /003\.html: .*\[too-large\]/)
  const written = [...(await tree(path.join(dir, 'site'))).keys()].filter((name) => name.endsWith('.md'))
  assert.is(written.length, 7, written.join(', '))
  assert.ok(await exists(path.join(dir, 'redirects.map')), 'the complete run writes the map')
})

/** The CLI in process reading `chunks` (strings or bytes) as its stdin (a pipe). */
async function cliStdin(argv: Array<string>, chunks: Array<string | Buffer>, signal?: AbortSignal) {
  return runInProcess(argv, {cwd: await folder(), stdin: chunks, isTTY: false, ...(signal ? {signal} : {})})
}

test('cli edges (stdin): a page piped as text chunks converts like one piped as bytes; `-v` prints its warnings', async function () {
  const html = page({title: '管道', url: 'https://news.example/a/pipe.html'})
  const half = Math.floor(html.length / 2)
  const text = await cliStdin(['-v'], [html.slice(0, half), html.slice(half)])
  const bytes = await cliStdin([], [Buffer.from(html)])
  assert.is(text.code, 0, text.stderr)
  assert.is(text.stdout, bytes.stdout)
  assert.match(text.stdout, /^---\ntitle: 管道\n/)
  assert.match(text.stderr, /<stdin>\n.*warning.*missing-author/s, 'the warnings, as vfile-reporter prints them')
  assert.is(bytes.stderr, '', 'no warnings without `-v`')
})

test('cli edges (stdin): a page over `--max-elements` fails with its rule; an aborted run converts nothing (exit 130)', async function () {
  const html = page({title: '很多元素', body: '<span>字</span>'.repeat(300)})
  const many = await cliStdin(['--max-elements', '50'], [html])
  assert.is(many.code, 1)
  assert.is(many.stdout, '')
  assert.is(many.stderr, '<stdin>: Input has 312 elements, more than `--max-elements` (50) [too-large]\n')
  const controller = new AbortController()
  controller.abort()
  const stopped = await cliStdin([], [page({title: '中断'})], controller.signal)
  assert.is(stopped.code, 130)
  assert.is(stopped.stdout, '')
  assert.is(stopped.stderr, 'news-markdown: interrupted\n')
})
test('cli edges: a folder of text files only says they have no markup; nothing else is listed', async function () {
  const dir = await folder({'notes/README': 'Just some notes, no markup.', 'notes/TODO': 'More notes.'})
  const result = await cli(['notes', '--out', 'out'], dir)
  assert.is(result.code, 1)
  assert.match(result.stderr, /No page found in `notes`: saw 2 files, none a page: 2 \(none\) read but with no HTML markup in their first 4 KB\. Pages are recognised/)
  assert.not.match(result.stderr, /not opened|could not be read/)
})

test('cli edges: `--jobs` over what the machine runs is capped with a notice, silently with `-q`', async function () {
  const jobs = os.availableParallelism() * 4 + 4
  const dir = await folder(pages(2))
  const loud = await cli(['in', '--out', 'loud', '--jobs', String(jobs)], dir)
  assert.is(loud.code, 0, loud.stderr)
  assert.match(loud.stderr, new RegExp('`--jobs ' + jobs + '` capped to \\d+: this machine has ' + os.availableParallelism() + ' CPUs'))
  const quiet = await cli(['in', '--out', 'quiet', '--jobs', String(jobs), '-q'], dir)
  assert.is(quiet.code, 0, quiet.stderr)
  assert.is(quiet.stderr, '')
  assert.equal([...(await tree(path.join(dir, 'quiet'))).keys()].filter((name) => name.endsWith('.md')).length, 2)
})

test('cli edges: an output folder that is a symbolic link loop fails with the usual sentence, in words, and no stack trace; nothing is written', async function () {
  const dir = await folder(pages(1))
  await fs.symlink('loop', path.join(dir, 'loop'))
  const result = await cli(['in', '--out', 'loop'], dir)
  assert.is(result.code, 2, 'an unusable output folder: exit 2, as an `--out` that is a file')
  assert.match(result.stderr, /Cannot use the output folder `[^`]*loop`: its path has too many symbolic links \(a loop\?\); nothing was converted/)
  assert.not.match(result.stderr, /ELOOP/, 'said in words, not as an errno code')
  assert.not.match(result.stderr, /\n\s+at /, 'no stack trace')
  assert.is(await fs.readlink(path.join(dir, 'loop')), 'loop', 'the link is left alone')
})

test('cli edges: `--layout astro` writes relative images of a page without URL as links, with a warning (Astro stops the build on a missing image file)', async function () {
  const body =
    '<p>正文第一段。</p><p><img src="images/pier.jpg" alt="新码头"></p><p><img src="./crane.png" alt="吊车"></p><p><img src="/media/boat.jpg" alt="船"></p><p><img src="https://img.example/ferry.jpg" alt="渡轮"></p>'
  const dir = await folder({'in/a.html': page({title: '码头', body})})
  const result = await cli(['in', '--out', 'news', '--layout', 'astro', '--verbose'], dir)
  assert.is(result.code, 0, result.stderr)
  const written = [...(await tree(path.join(dir, 'news'))).entries()].find(([name]) => name.endsWith('.md'))
  assert.ok(written, 'a page is written')
  const markdown = await fs.readFile(path.join(dir, 'news', written[0]), 'utf8')
  assert.ok(markdown.includes('\n[新码头](images/pier.jpg)\n'), markdown)
  assert.ok(markdown.includes('\n[吊车](./crane.png)\n'), markdown)
  assert.ok(markdown.includes('![船](/media/boat.jpg)'), 'a root-relative image stays (Astro serves it from `public/`)')
  assert.ok(markdown.includes('![渡轮](https://img.example/ferry.jpg)'), 'an absolute URL stays')
  assert.is((result.stderr.match(/written as a link: Astro would stop the build/g) || []).length, 2, result.stderr)
  assert.match(result.stderr, /astro-relative-image ×2/)
  // Other layouts keep the images.
  const hugo = await cli(['in', '--out', 'site', '--layout', 'hugo'], dir)
  assert.is(hugo.code, 0, hugo.stderr)
  assert.not.match(hugo.stderr, /astro-relative-image/)
})

test.run()
