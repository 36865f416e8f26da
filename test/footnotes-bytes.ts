/**
 * Footnotes of a page given to `convert()` as bytes: the quick scan that
 * lets pages without fragment links skip the footnote walk reads bytes as
 * Latin-1, and a UTF-16 page (with a byte order mark or without, either
 * byte order) as one that may hold them. Each form converts to the
 * Markdown of the same page given as a string, its footnotes included.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {convert} from '../lib/convert.js'

const page = (charset: string) =>
  '<!doctype html><html><head><meta charset="' +
  charset +
  '"><title>Notes page</title></head><body><article><h1>Notes page</h1>' +
  '<p>The minister said the budget would grow<sup><a href="#fn1" id="r1">1</a></sup> and the plan was final.<a href="#fn2">[2]</a></p>' +
  '<p>Second paragraph of the article with more words to make it long enough for the reader to keep.</p>' +
  '<ol class="footnotes"><li id="fn1">Budget figures from the ministry. <a href="#r1">↩</a></li><li id="fn2">Said on Monday.</li></ol></article></body></html>'

function utf16be(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf16le')
  for (let index = 0; index < bytes.length; index += 2) [bytes[index], bytes[index + 1]] = [bytes[index + 1], bytes[index]]
  return bytes
}

test('footnotes: a page given as bytes keeps its footnotes: UTF-8, UTF-16 with a byte order mark (LE, BE) and without one', async function () {
  const expected = String(await convert(page('utf-8')))
  assert.match(expected, /grow\[\^1\] and the plan was final\.\[\^2\]/)
  assert.match(expected, /\[\^1\]: Budget figures from the ministry\.\n\n\[\^2\]: Said on Monday\./)
  const forms: Record<string, Uint8Array> = {
    'UTF-8': new TextEncoder().encode(page('utf-8')),
    'UTF-16 LE with BOM': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page('utf-16'), 'utf16le')]),
    'UTF-16 BE with BOM': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(page('utf-16'))]),
    'UTF-16 LE without BOM': Buffer.from(page('utf-16'), 'utf16le'),
    'UTF-16 BE without BOM': utf16be(page('utf-16'))
  }
  for (const [name, bytes] of Object.entries(forms)) {
    const file = await convert(bytes)
    assert.is(String(file), expected, name)
  }
})

test('footnotes: a page given as bytes with no fragment link converts without footnotes, as the same string does', async function () {
  const html = page('utf-8').replace(/#fn|#r1/g, '/notes/')
  const expected = String(await convert(html))
  assert.not.match(expected, /\[\^/)
  assert.is(String(await convert(new TextEncoder().encode(html))), expected)
})

test.run()
