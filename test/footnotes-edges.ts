/**
 * Footnote shapes at the edges of what `rewriteFootnotes` reads (see
 * `lib/plugins/rehype-footnotes.ts`): notes in a `<ul>`, a note referenced
 * twice, an empty item in a list of notes, notes that are a `<div>` or a
 * paragraph of an item, marks shared by two notes, a back link in a wrapper
 * of its own; and what is left as it is (an item outside a list, a note too
 * long, an empty one, an anchor too deep in a table). Also the quick scan
 * of the page source (`mayHoldFragmentLinks`) on bytes.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {convert} from '../lib/convert.js'
import {mayHoldFragmentLinks} from '../lib/plugins/rehype-footnotes.js'

const intro = '<p>The harbour board met on Tuesday evening and voted on the new schedule of dues for the coming season, after a long debate.</p>'

/** The Markdown body (no frontmatter) of a page whose article is `body`. */
async function body(html: string): Promise<string> {
  const page = '<!doctype html><html><head><meta charset="utf-8"><title>Harbour dues rise</title></head><body><article><h1>Harbour dues rise</h1>' + html + '</article></body></html>'
  return String(await convert(page))
    .split('---\n')
    .slice(2)
    .join('---\n')
    .trim()
}

test('footnotes: notes in an unordered list become footnotes', async function () {
  const markdown = await body(
    '<p>Dues rise by a tenth<sup><a href="#n1">1</a></sup> and fees by a fifth<sup><a href="#n2">2</a></sup>.</p>' + intro + '<ul><li id="n1">On fishing boats.</li><li id="n2">On moorings.</li></ul>'
  )
  assert.match(markdown, 'Dues rise by a tenth[^1] and fees by a fifth[^2].')
  assert.match(markdown, '[^1]: On fishing boats.\n\n[^2]: On moorings.')
  assert.not.match(markdown, /^[-*] /m)
})

test('footnotes: a note referenced twice is one footnote with one label', async function () {
  const markdown = await body('<p>Dues rise<sup><a href="#n1">1</a></sup> and rise again<sup><a href="#n1">1</a></sup>.</p>' + intro + '<ol><li id="n1">On fishing boats.</li></ol>')
  assert.match(markdown, 'Dues rise[^1] and rise again[^1].')
  assert.is(markdown.match(/\[\^1\]: /g)?.length, 1)
})

test('footnotes: an empty item does not keep a list of notes from being rewritten', async function () {
  const markdown = await body('<p>Dues rise<sup><a href="#n1">1</a></sup> a lot.</p>' + intro + '<ol><li id="n1">On fishing boats.</li><li> </li></ol>')
  assert.match(markdown, 'Dues rise[^1] a lot.')
  assert.match(markdown, /\[\^1\]: On fishing boats\.$/)
})

test('footnotes: a note that is a division, and one that is a paragraph of a longer item, are rewritten in place', async function () {
  assert.match(await body('<p>Dues rise<sup><a href="#n1">1</a></sup> a lot.</p>' + intro + '<div id="n1">A note in a division.</div>'), /rise\[\^1\] a lot\.[^]*\[\^1\]: A note in a division\.$/)
  const item = await body('<p>Dues rise<sup><a href="#n1">1</a></sup> a lot.</p>' + intro + '<ol><li><p id="n1">On fishing boats.</p><p>And yachts.</p></li></ol>')
  assert.match(item, 'Dues rise[^1] a lot.')
  assert.match(item, '[^1]: On fishing boats.')
  assert.match(item, 'And yachts.')
})

test('footnotes: a paragraph that is all of its item makes the item the note; a break in a note is kept', async function () {
  const markdown = await body('<p>Dues rise<sup><a href="#n1">1</a></sup> a lot.</p>' + intro + '<ol><li><p id="n1">On fishing boats,<br>and on yachts.</p></li></ol>')
  assert.match(markdown, 'Dues rise[^1] a lot.')
  assert.match(markdown, /\[\^1\]: On fishing boats,\\?\n\s*and on yachts\.$/)
  assert.not.match(markdown, /^\d+\. /m)
})

test('footnotes: a linked word of the sentence and a link to its own paragraph are no references', async function () {
  const word = await body('<p>The board avoided a <a href="#n1">bug</a> in the schedule.</p>' + intro + '<p id="n1">The bug was in the tariff table.</p>')
  assert.match(word, 'avoided a bug in the schedule.')
  assert.not.match(word, '[^')
  const own = await body('<p id="n1">Dues rise in spring<sup><a href="#n1">1</a></sup>.</p>' + intro)
  assert.match(own, 'Dues rise in spring¹.')
  assert.not.match(own, '[^')
})

test('footnotes: one mark for two notes: each note is labelled by its number', async function () {
  const markdown = await body('<p>Dues rise<sup><a href="#n1">a</a></sup> and fees<sup><a href="#n2">a</a></sup>.</p>' + intro + '<p id="n1">First note.</p><p id="n2">Second note.</p>')
  assert.match(markdown, 'Dues rise[^1] and fees[^2].')
  assert.match(markdown, '[^1]: First note.\n\n[^2]: Second note.')
})

test('footnotes: a back link goes with the wrapper it leaves empty', async function () {
  const markdown = await body('<p>Dues rise<sup id="r1"><a href="#n1">1</a></sup> a lot.</p>' + intro + '<ol><li id="n1"><span class="cite-backlink"><a href="#r1">↑</a></span> On boats.</li></ol>')
  assert.match(markdown, /\[\^1\]: On boats\.$/)
  assert.not.match(markdown, '↑')
})

test('footnotes: an item outside a list, a note past 3,000 characters, an empty one and an anchor deep in a table stay as they are', async function () {
  const shapes: Record<string, [string, string]> = {
    'item outside a list': ['<div><li id="n1">On fishing boats.</li></div>', 'On fishing boats.'],
    'long note': ['<p id="n1">' + 'Long note text. '.repeat(250) + '</p>', 'Long note text. Long note text.'],
    'empty note': ['<ul><li><p id="n1"> </p></li></ul><p>After the notes.</p>', 'After the notes.'],
    'deep anchor': ['<table><tr><td><span><b><i><em><a name="n1"></a>Deep note</em></i></b></span></td></tr></table>', 'Deep note']
  }
  for (const [name, [notes, text]] of Object.entries(shapes)) {
    const markdown = await body('<p>Dues rise<sup><a href="#n1">1</a></sup> a lot.</p>' + intro + notes)
    assert.match(markdown, 'Dues rise¹ a lot.', name)
    assert.not.match(markdown, '[^', name)
    assert.match(markdown, text, name)
  }
})

test('footnotes: the source scan reads bytes as Latin-1 and takes UTF-16 (either byte order, with a byte order mark or without) as holding fragment links', function () {
  const encode = (text: string) => new TextEncoder().encode(text)
  assert.ok(mayHoldFragmentLinks(encode('<p>Rise<sup><a href="#n1">1</a></sup></p>')))
  assert.not.ok(mayHoldFragmentLinks(encode('<p>Rise <a href="/dues">the dues</a></p>')))
  assert.not.ok(mayHoldFragmentLinks(Uint8Array.from([0x3c])))
  // A source cut off inside the tag may hold one.
  assert.ok(mayHoldFragmentLinks('<p>Rise<a href="#n1'))
  const utf16 = Buffer.from('<p>no links</p>', 'utf16le')
  const swapped = Buffer.from(utf16)
  swapped.swap16()
  for (const [name, bytes] of Object.entries({
    'LE with BOM': Buffer.concat([Buffer.from([0xff, 0xfe]), utf16]),
    'BE with BOM': Buffer.concat([Buffer.from([0xfe, 0xff]), swapped]),
    'LE without BOM': utf16,
    'BE without BOM': swapped
  })) {
    assert.ok(mayHoldFragmentLinks(new Uint8Array(bytes)), name)
  }
  assert.ok(mayHoldFragmentLinks(undefined))
})

test.run()
