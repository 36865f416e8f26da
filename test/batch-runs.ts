/**
 * Batch runs seen from the command line, for cases no other suite runs: a
 * UTF-16 page (big-endian, with its byte order mark) is found by its
 * content and converted; `--verbose` prints each page's messages, with the
 * line and column of those that point into the page; a bad
 * `--progress-interval` is a usage error; `--images copy` on a page without
 * images writes the page as `keep` does; an input folder named twice is read
 * once, two inputs with one relative path are one converted and one skipped;
 * a glob with no folder part, a page outside the working folder; a
 * `--url-from` that is a socket.
 */
import fs from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {cli, folder} from './util/cli-harness.js'

/** An English article page with `body` as its second paragraph. */
function article(title: string, body: string): string {
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>' +
    title +
    '</title></head><body><article><h1>' +
    title +
    '</h1><p>The lighthouse keeper climbed the spiral stairs at dusk, as she had done every evening for eleven years, and wound the clock.</p><p>' +
    body +
    '</p></article></body></html>'
  )
}

/** `text` in UTF-16 big-endian with a byte order mark. */
function utf16be(text: string): Uint8Array {
  const bytes = Buffer.from(text, 'utf16le')
  bytes.swap16()
  return Buffer.concat([Buffer.from([0xfe, 0xff]), bytes])
}

test('batch runs: a UTF-16 big-endian page with a byte order mark is recognised by its content and converted', async function () {
  const dir = await folder({
    // No extension: the walk opens it and finds markup.
    'in/keeper': utf16be(article('The keeper’s clock', 'The clock still keeps time, she said, though its chime is a little late.').replace('<meta charset="utf-8">', ''))
  })
  const result = await cli(['in', '--out', 'out'], dir)
  assert.is(result.code, 0, result.stderr)
  const names = await fs.readdir(path.join(dir, 'out'))
  const page = names.find((name) => name.endsWith('.md'))
  assert.ok(page, 'one page written: ' + names.join(', '))
  const markdown = await fs.readFile(path.join(dir, 'out', page), 'utf8')
  assert.match(markdown, /title: The keeper’s clock/)
  assert.match(markdown, /its chime is a little late\./)
})

test('batch runs: `--verbose` prints line and column of a message about a node, none for a page-wide one', async function () {
  const dir = await folder({
    'in/clock.html': article('The clock tower', 'Visitors may <a href="javascript:alert(1)">climb the tower</a> on Sundays.')
  })
  const result = await cli(['in', '--out', 'out', '--verbose'], dir)
  assert.is(result.code, 0, result.stderr)
  assert.match(result.stderr, /^clock\.html$/m)
  // The dropped link's place in the page (line 1 of a one-line page), then the reason and ruleId.
  assert.match(result.stderr, /\n1:\d+ +warning +Dropped unsafe URL `javascript:alert\(1\)` +unsafe-url/)
  // A message about the whole page has no place.
  assert.match(result.stderr, /\n +info +No date found +missing-date/)
})

test('batch runs: an invalid `--progress-interval` is a usage error (exit 2) that names the value', async function () {
  const dir = await folder({'in/a.html': article('A', 'Body.')})
  for (const value of ['-1', 'soon', '100000']) {
    const result = await cli(['in', '--out', 'out', '--progress-interval=' + value], dir)
    assert.is(result.code, 2, value)
    assert.match(result.stderr, new RegExp('Invalid `--progress-interval` `' + value + '`: expected seconds \\(0 for no progress lines\\)'))
  }
  const accepted = await cli(['in', '--out', 'out', '--progress-interval', '0'], dir)
  assert.is(accepted.code, 0, accepted.stderr)
})

test('batch runs: `--images copy` on a page without images writes it as `keep` does, with no image folder and no image message', async function () {
  const text = article('The quiet harbour', 'No boats left the harbour on Monday; the fog stayed until noon.')
  const copy = await folder({'in/harbour.html': text})
  const keep = await folder({'in/harbour.html': text})
  const copied = await cli(['in', '--out', 'out', '--images', 'copy', '--report', 'report.json'], copy)
  const kept = await cli(['in', '--out', 'out'], keep)
  assert.is(copied.code, 0, copied.stderr)
  assert.is(kept.code, 0, kept.stderr)
  const files = (await fs.readdir(path.join(copy, 'out'))).filter((name) => !name.startsWith('.'))
  assert.equal(
    files,
    (await fs.readdir(path.join(keep, 'out'))).filter((name) => !name.startsWith('.'))
  )
  for (const name of files) {
    assert.is(await fs.readFile(path.join(copy, 'out', name), 'utf8'), await fs.readFile(path.join(keep, 'out', name), 'utf8'))
  }
  const report = JSON.parse(await fs.readFile(path.join(copy, 'report.json'), 'utf8')) as {files: Array<{status: string; warnings: Array<{ruleId: string}>}>}
  assert.is(report.files[0].status, 'converted')
  assert.not.ok(
    report.files[0].warnings.some((warning) => warning.ruleId.startsWith('image')),
    'no image message'
  )
})

test('batch runs: inputs named twice are read once; two inputs with one relative path: the first by absolute path is converted, the other skipped', async function () {
  const dir = await folder({
    'a/story.html': article('The first story', 'It rained in the hills all night.'),
    'b/story.html': article('The second story', 'The river rose by morning.')
  })
  const result = await cli(['a', 'b', 'a', '--out', 'out', '--report', 'report.json'], dir)
  assert.is(result.code, 1, 'a skipped input makes the run fail')
  assert.match(result.stderr, /^story\.html: skipped: another input has the same relative path \(.*[/\\]b[/\\]story\.html\)$/m)
  const report = JSON.parse(await fs.readFile(path.join(dir, 'report.json'), 'utf8')) as {files: Array<{input: string; inputPath: string; status: string}>}
  assert.equal(
    report.files.map((entry) => [entry.input, path.basename(path.dirname(entry.inputPath)), entry.status]).sort((a, b) => a[1].localeCompare(b[1])),
    [
      ['story.html', 'a', 'converted'],
      ['story.html', 'b', 'skipped']
    ]
  )
  assert.match(await fs.readFile(path.join(dir, 'out/story.md'), 'utf8'), /title: The first story/)
})

test('batch runs: one file reached by a folder and by its own path is converted once, the other reported', async function () {
  const dir = await folder({'a/story.html': article('The only story', 'Fog lay on the harbour until noon.')})
  for (const args of [
    ['a', 'a/story.html'],
    ['a/*.html', 'a']
  ]) {
    await fs.rm(path.join(dir, 'out'), {recursive: true, force: true})
    const result = await cli([...args, '--out', 'out', '--report', 'report.json'], dir)
    assert.is(result.code, 1, 'a skipped input makes the run fail')
    const report = JSON.parse(await fs.readFile(path.join(dir, 'report.json'), 'utf8')) as {files: Array<{input: string; status: string; reason: string | null}>}
    const converted = report.files.filter((entry) => entry.status === 'converted')
    const skipped = report.files.filter((entry) => entry.status === 'skipped')
    assert.is(converted.length, 1, args.join(' '))
    assert.is(skipped.length, 1, args.join(' '))
    assert.is(skipped[0].reason, 'the same file as input `' + converted[0].input + '`, given twice')
    assert.match(result.stderr, new RegExp('^' + skipped[0].input.replace('.', '\\.') + ': skipped: the same file as input', 'm'))
    const written = (await fs.readdir(path.join(dir, 'out'), {recursive: true})).filter((name) => name.endsWith('.md'))
    assert.is(written.length, 1, written.join(', '))
  }
})

test('batch runs: a glob with no folder part matches in the working folder; a page outside it is named by its file name', async function () {
  const dir = await folder({
    'site/one.html': article('Glob one', 'The first page the glob finds.'),
    'site/two.html': article('Glob two', 'The second page the glob finds.'),
    'elsewhere/far.html': article('Far away', 'A page from another folder.')
  })
  const site = path.join(dir, 'site')
  const globbed = await cli(['*.html', '--out', 'out', '--report', 'report.json'], site)
  assert.is(globbed.code, 0, globbed.stderr)
  assert.equal((await fs.readdir(path.join(site, 'out'))).filter((name) => name.endsWith('.md')).sort(), ['one.md', 'two.md'])
  const far = await cli([path.join('..', 'elsewhere', 'far.html'), '--out', 'far-out', '--report', 'far.json'], site)
  assert.is(far.code, 0, far.stderr)
  const report = JSON.parse(await fs.readFile(path.join(site, 'far.json'), 'utf8')) as {files: Array<{input: string; status: string}>}
  assert.equal(
    report.files.map((entry) => [entry.input, entry.status]),
    [['far.html', 'converted']]
  )
})

test('batch runs: a `--url-from` file that is a socket is said in words, without the errno code (exit 2)', async function () {
  const dir = await folder({'in/a.html': article('A', 'Body.')})
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(path.join(dir, 'urls.sock'), resolve))
  try {
    const result = await cli(['in', '--out', 'out', '--url-from', 'urls.sock'], dir)
    assert.is(result.code, 2)
    assert.match(result.stderr, /Cannot read the `--url-from` file `[^`]*urls\.sock`: no such device or address\n/)
    assert.not.match(result.stderr, /ENXIO/)
  } finally {
    server.close()
  }
})

test.run()
