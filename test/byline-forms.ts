/**
 * Visible bylines and dates in the forms European pages print them, read
 * by `lib/analyse/meta/byline.ts`: labels before `by`/`von` (`Ein Beitrag
 * von`, `Geschrieben von`, `Words by`, `Published by`), combined credits
 * (`Text & Fotos:`), lower-case labels standing alone (`di Mario Rossi`,
 * `von Jane Roe`), agency credits (`(Reporting by …; Editing by …)`), a
 * date inside the byline, the published date after an updated one, and
 * month names of more languages; with the look-alikes that name no one.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {convert} from '../index.js'

const body =
  '<p>The council agreed on Tuesday to keep the library open on Sundays, after a petition signed by more than two thousand residents of the town.</p><p>Opening on Sundays will cost about forty thousand a year, which the council will take from its reserve until the budget is set in spring.</p><p>Librarians said they welcomed the decision but asked for more staff to cover the extra hours.</p>'

function page(top: string, end = '', lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Library stays open</title></head><body><nav><a href="/">Home</a></nav><main><article><h1>Library stays open</h1>${top}${body}${end}</article></main><footer>Contact</footer></body></html>`
}

async function fields(html: string): Promise<{author: string | undefined; date: string | undefined}> {
  const head = String(await convert(html)).split('\n---\n')[0]
  return {author: /^author: (.+)$/m.exec(head)?.[1], date: /^date: (.+)$/m.exec(head)?.[1]}
}

test('byline forms: labels before `by`/`von` and combined credits name the writer', async function () {
  const cases: Array<[string, string, string?]> = [
    ['<p>Ein Beitrag von Jane Roe</p>', 'Jane Roe', 'de'],
    ['<p>Geschrieben von Jane Roe</p>', 'Jane Roe', 'de'],
    ['<span>Words by Jane Roe</span>', 'Jane Roe'],
    ['<p>Text &amp; Fotos: Jane Roe</p>', 'Jane Roe', 'de'],
    ['<p>Text und Bild: Jane Roe</p>', 'Jane Roe', 'de'],
    ['<p>Un articolo di Mario Rossi</p>', 'Mario Rossi', 'it'],
    ['<p>di Mario Rossi</p>', 'Mario Rossi', 'it'],
    ['<p><a href="/team">von Jane Roe</a></p>', 'Jane Roe', 'de'],
    ['<p>Reporting by Jane Roe; Editing by John Doe</p>', 'Jane Roe']
  ]
  for (const [top, author, lang] of cases) assert.is((await fields(page(top, '', lang))).author, author, top)
})

test('byline forms: an agency’s credit closing the text names its reporters, not its editors', async function () {
  assert.is((await fields(page('', '<p>(Reporting by Jane Roe and Ali Demir; Editing by John Doe)</p>'))).author, 'Jane Roe, Ali Demir')
})

test('byline forms: a lower-case label inside a sentence names no one', async function () {
  assert.is((await fields(page('<p>Il libro di Mario Rossi racconta la storia della biblioteca comunale e dei suoi lettori più fedeli.</p>', '', 'it'))).author, undefined)
  assert.is((await fields(page('<p>Die Petition <a href="/p">von Jane Roe</a> sammelte in drei Wochen mehr als zweitausend Unterschriften.</p>', '', 'de'))).author, undefined)
})

test('byline forms: a date inside the byline dates the page; a link’s `by` takes the linked name', async function () {
  assert.equal(await fields(page('<div class="meta">Published by Jane Roe on March 3, 2023</div>')), {author: 'Jane Roe', date: '2023-03-03'})
  assert.equal(await fields(page('<p>By Jane Roe on 3/3/2023</p>')), {author: 'Jane Roe', date: '2023-03-03'})
  assert.equal(await fields(page('<div class="post-meta">Posted on March 3, 2023 by <a href="/u/jroe">Jane Roe</a></div>')), {author: 'Jane Roe', date: '2023-03-03'})
  assert.equal(await fields(page('<p>By Jane Roe, updated March 5, 2023</p>')), {author: 'Jane Roe', date: undefined}, 'an updated date is not the published one')
})

test('byline forms: the published date after an updated one', async function () {
  assert.is((await fields(page('<div class="article-info">Updated March 5, 2023 | Published March 3, 2023</div>'))).date, '2023-03-03')
  assert.is((await fields(page('<span class="date">Aktualisiert am 05.03.2023, veröffentlicht am 03.03.2023</span>', '', 'de'))).date, '2023-03-03')
  assert.is((await fields(page('<span class="date">Updated March 5, 2023</span>'))).date, '2023-03-05', 'the updated date alone stays the last resort')
})

test('byline forms: month names in Portuguese, Polish, Scandinavian languages and Indonesian', async function () {
  const cases: Array<[string, string]> = [
    ['3 de março de 2023', 'pt'],
    ['Opublikowano: 3 marca 2023', 'pl'],
    ['3 maj 2023', 'sv'],
    ['3 Maret 2023', 'id']
  ]
  for (const [text, lang] of cases) assert.is((await fields(page('<p>' + text + '</p>', '', lang))).date?.slice(0, 10), text.includes('maj') ? '2023-05-03' : '2023-03-03', text)
})

test.run()
