/**
 * Kinds of author and date miss on pages nobody tuned for, as invented
 * pages: byline labels of more Latin-script languages (`Av`, `Af`, `Di`,
 * `Por:`), an outlet named as author in the metadata beside a visible
 * person's byline, dates written in parts (`26 | 01 | 2022`, `26 · 01 ·
 * 2022`), “published … updated …” in French, Spanish, Italian, Portuguese
 * and Dutch, a byline and date in a table row, an all-numeric day whose
 * order nothing tells (no date rather than a wrong one); with look-alikes that must
 * stay as they are (a sentence's `av`, a reading time in the byline row,
 * the family name `Le`).
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {convert} from '../index.js'

const body =
  '<p>The harbour board decided on Monday to dredge the old basin again, after two ferries ran aground there within a month during the spring tides.</p><p>The work will take about six weeks and will close the eastern quay to small boats, which will moor at the fishing pier until it ends.</p><p>Boat owners said they had asked for the dredging for years and hoped it would be done before the summer season began.</p>'

function page(top: string, options: {lang?: string; head?: string; end?: string} = {}): string {
  const lang = options.lang === undefined ? ' lang="en"' : options.lang ? ` lang="${options.lang}"` : ''
  return `<!doctype html><html${lang}><head><meta charset="utf-8"><title>Harbour basin dredged</title>${options.head ?? ''}</head><body><nav><a href="/">Home</a></nav><main><article><h1>Harbour basin dredged</h1>${top}${body}${options.end ?? ''}</article></main><footer>Contact</footer></body></html>`
}

async function fields(html: string): Promise<{author: string | undefined; date: string | undefined}> {
  const head = String(await convert(html)).split('\n---\n')[0]
  return {author: /^author: (.+)$/m.exec(head)?.[1], date: /^date: (.+)$/m.exec(head)?.[1]?.slice(0, 10)}
}

test('byline kinds: labels of more Latin-script languages open a byline', async function () {
  const cases: Array<[string, string, string]> = [
    ['<p class="byline">Av Anna Lindqvist</p>', 'Anna Lindqvist', 'sv'],
    ['<p>Af Mette Kragh</p>', 'Mette Kragh', 'da'],
    ['<p>av Anna Lindqvist</p>', 'Anna Lindqvist', 'sv'],
    ['<p>Di Mario Rossi</p>', 'Mario Rossi', 'it'],
    ['<p>Por: Lucía Gómez</p>', 'Lucía Gómez', 'es'],
    ['<div class="autor">Par : Claire Martin</div>', 'Claire Martin', 'fr'],
    ['<p>Door Pieter de Vries</p>', 'Pieter de Vries', 'nl']
  ]
  for (const [top, author, lang] of cases) assert.is((await fields(page(top, {lang}))).author, author, top)
})

test('byline kinds: “written by” and colon labels of more languages', async function () {
  const cases: Array<[string, string, string]> = [
    ['<p>Escrito por Lucía Gómez</p>', 'Lucía Gómez', 'es'],
    ['<p>Scritto da Mario Rossi</p>', 'Mario Rossi', 'it'],
    ['<p>Écrit par Claire Martin</p>', 'Claire Martin', 'fr'],
    ['<p>Geschreven door Pieter de Vries</p>', 'Pieter de Vries', 'nl'],
    ['<p>Skrevet af Mette Kragh</p>', 'Mette Kragh', 'da'],
    ['<p>Skrivet av Anna Lindqvist</p>', 'Anna Lindqvist', 'sv'],
    ['<p>Autore: Mario Rossi</p>', 'Mario Rossi', 'it'],
    ['<p>Auteur : Claire Martin</p>', 'Claire Martin', 'fr'],
    ['<p>Forfatter: Mette Kragh</p>', 'Mette Kragh', 'da'],
    ['<p>Författare: Anna Lindqvist</p>', 'Anna Lindqvist', 'sv']
  ]
  for (const [top, author, lang] of cases) assert.is((await fields(page(top, {lang}))).author, author, top)
  // `da` alone is a word of a sentence, never a label.
  assert.is((await fields(page('<p>Da Mario Rossi abbiamo saputo che il porto resterà chiuso fino a giugno per i lavori.</p>', {lang: 'it'}))).author, undefined)
})

test('byline kinds: a photo credit after the writer’s name is no writer', async function () {
  assert.is((await fields(page('<p>Texte : Claire Martin / Photos : Paul Durand</p>', {lang: 'fr'}))).author, 'Claire Martin')
  assert.is((await fields(page('<p class="byline">By Jane Roe<br>Photography by John Doe</p>'))).author, 'Jane Roe')
})

test('byline kinds: a date before `von` in the byline dates the page; `Erstellt von` opens a byline', async function () {
  assert.equal(await fields(page('<p>Geschrieben am 3. März 2023 von Max Mustermann</p>', {lang: 'de'})), {author: 'Max Mustermann', date: '2023-03-03'})
  assert.equal(await fields(page('<p>Veröffentlicht am 03.03.2023 von Max Mustermann</p>', {lang: 'de'})), {author: 'Max Mustermann', date: '2023-03-03'})
  assert.is((await fields(page('<p>Erstellt von Max Mustermann</p>', {lang: 'de'}))).author, 'Max Mustermann')
})

test('byline kinds: a signature in italics closes a short article too', async function () {
  assert.is((await fields(page('', {end: '<p><em>Jane Roe</em></p>'}))).author, 'Jane Roe')
})

test('byline kinds: `av`/`af`/`von` inside or opening a sentence names no one', async function () {
  assert.is((await fields(page('<p>Bilden av Anna Lindqvist visar hamnen en tidig morgon i maj när båtarna kommer in.</p>', {lang: 'sv'}))).author, undefined)
  assert.is((await fields(page('<p>Av Anna Lindqvist och hennes vänner hörde vi ingenting mer den dagen, trots att vi ringde flera gånger.</p>', {lang: 'sv'}))).author, undefined)
  assert.is((await fields(page('<p>Von Anna Lindqvist und ihren Freunden hörten wir an diesem Tag nichts mehr, obwohl wir mehrmals anriefen.</p>', {lang: 'de'}))).author, undefined)
})

test('byline kinds: an outlet named as author in the metadata yields to a visible person’s byline', async function () {
  const cases: Array<[string, string]> = [
    ['<meta name="author" content="Harbour Illustrierte">', 'de'],
    ['<meta name="author" content="Die Hafenzeitung">', 'de'],
    ['<meta name="author" content="The Harbour Courier">', 'en'],
    ['<meta name="author" content="La Gazzetta del Porto">', 'it'],
    ['<meta name="author" content="Hafenmagazin">', 'de']
  ]
  for (const [head, lang] of cases) assert.is((await fields(page('<p class="byline">Von Ivan Petrov</p>', {lang, head}))).author, 'Ivan Petrov', head)
})

test('byline kinds: a person named like a surname with a particle stays a person', async function () {
  // `Le` is a Vietnamese family name (Lê), not an article.
  assert.is((await fields(page('<p class="byline">By Jane Roe</p>', {head: '<meta name="author" content="Le Van Thanh">'}))).author, 'Le Van Thanh')
})

test('byline kinds: a day written in parts (`26 | 01 | 2022`, `26 · 01 · 2022`)', async function () {
  assert.is((await fields(page('<div class="subline">26 | 01 | 2022</div>', {lang: 'de'}))).date, '2022-01-26')
  assert.is((await fields(page('<span class="date">26 · 01 · 2022</span>', {lang: 'de'}))).date, '2022-01-26')
  assert.is((await fields(page('<span class="date">2022 · 01 · 26</span>', {lang: 'de'}))).date, '2022-01-26')
})

test('byline kinds: a numeric day whose order nothing tells gives no date; one that only reads one way does', async function () {
  assert.is((await fields(page('<span class="date">05/06/2023</span>', {lang: ''}))).date, undefined)
  assert.is((await fields(page('<span class="date">25/06/2023</span>', {lang: ''}))).date, '2023-06-25')
  assert.is((await fields(page('<span class="date">05/06/2023</span>', {lang: 'en-US'}))).date, '2023-05-06')
})

test('byline kinds: a reading time in the byline row is no name', async function () {
  assert.is((await fields(page('<div class="byline">By Jane Roe · 5 min read</div>'))).author, 'Jane Roe')
  assert.is((await fields(page('<div class="byline">By Jane Roe | 12 minute read</div>'))).author, 'Jane Roe')
  assert.is((await fields(page('<div class="byline">Von Jane Roe · Lesezeit: 4 Min.</div>', {lang: 'de'}))).author, 'Jane Roe')
})

test('byline kinds: “published … updated …” takes the published day in French, Spanish, Italian, Portuguese and Dutch', async function () {
  const cases: Array<[string, string]> = [
    ['Publié le 3 mars 2023 à 10h12, mis à jour le 5 mars 2023 à 08h00', 'fr'],
    ['Mis à jour le 5 mars 2023 · Publié le 3 mars 2023', 'fr'],
    ['Publicado el 3 de marzo de 2023, actualizado el 5 de marzo de 2023', 'es'],
    ['Actualizado: 5 de marzo de 2023 | Publicado: 3 de marzo de 2023', 'es'],
    ['Pubblicato il 3 marzo 2023, aggiornato il 5 marzo 2023', 'it'],
    ['Aggiornato il 5 marzo 2023 - Pubblicato il 3 marzo 2023', 'it'],
    ['Publicado em 3 de março de 2023, atualizado em 5 de março de 2023', 'pt'],
    ['Atualizado em 5 de março de 2023 | Publicado em 3 de março de 2023', 'pt'],
    ['Gepubliceerd op 3 maart 2023, bijgewerkt op 5 maart 2023', 'nl'],
    ['Bijgewerkt op 5 maart 2023 · Gepubliceerd op 3 maart 2023', 'nl']
  ]
  for (const [text, lang] of cases) assert.is((await fields(page(`<div class="article-info">${text}</div>`, {lang}))).date, '2023-03-03', text)
})

test('byline kinds: a reading time beside the date in a byline row', async function () {
  assert.equal(await fields(page('<p class="meta">Jane Roe · 3 March 2023 · 5 min read</p>')), {author: 'Jane Roe', date: '2023-03-03'})
  assert.is((await fields(page('<p class="meta">3. März 2023 · Lesezeit: 4 Min.</p>', {lang: 'de'}))).date, '2023-03-03')
})

test('byline kinds: the published day after `Zuletzt aktualisiert … | Erstellt …` and `Dernière mise à jour … | Publié …`', async function () {
  assert.is((await fields(page('<p>Zuletzt aktualisiert: 05.03.2023 | Erstellt: 03.03.2023</p>', {lang: 'de'}))).date, '2023-03-03')
  assert.is((await fields(page('<p>Dernière mise à jour : 5 mars 2023 | Publié le 3 mars 2023</p>', {lang: 'fr'}))).date, '2023-03-03')
})

test('byline kinds: month names of Romanian, Czech, Russian, Ukrainian, Greek, Turkish, Finnish; Hungarian and Korean days', async function () {
  const cases: Array<[string, string]> = [
    ['Publicat 3 martie 2023', 'ro'],
    ['3. března 2023', 'cs'],
    ['3 марта 2023', 'ru'],
    ['3 березня 2023', 'uk'],
    ['3 Μαρτίου 2023', 'el'],
    ['3 Mart 2023', 'tr'],
    ['3. maaliskuuta 2023', 'fi'],
    ['2023. március 3.', 'hu'],
    ['2023년 3월 3일', 'ko']
  ]
  for (const [text, lang] of cases) assert.is((await fields(page(`<p>${text}</p>`, {lang}))).date, '2023-03-03', text)
})

test('byline kinds: a two-digit year last is read in the page’s order, never as a year first', async function () {
  assert.is((await fields(page('<span class="date">26.01.22</span>', {lang: 'de'}))).date, '2022-01-26')
  assert.is((await fields(page('<span class="date">26/01/22</span>', {lang: 'fr'}))).date, '2022-01-26')
  assert.is((await fields(page('<span class="date">01/26/22</span>', {lang: 'en-US'}))).date, '2022-01-26')
})

test('byline kinds: a byline and date in a table row above the article', async function () {
  const row =
    '<div class="subline"><table><tr><td>26 | 01 | 2022 </td><td class="categories">Hafen | Praxis</td><td class="authorbold"><b>Text &amp; Fotos:</b> Ivan Petrov</td><td><img src="c.png">0</td><td><img src="v.png">337</td></tr></table></div>'
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Hafenbecken</title></head><body><nav><a href="/">Home</a></nav><main><header><img src="top.jpg" alt=""></header>${row}<article><h1>Hafenbecken</h1>${body}</article></main><footer>Kontakt</footer></body></html>`
  assert.equal(await fields(html), {author: 'Ivan Petrov', date: '2022-01-26'})
  // A table of dated rows (a schedule) beside the article dates no page.
  const schedule = '<table><tr><td>26 | 01 | 2022</td><td>Hafenfest</td></tr><tr><td>02 | 02 | 2022</td><td>Regatta</td></tr></table>'
  assert.is((await fields(html.replace(row, schedule))).date, undefined)
})

test('byline kinds: a byline and date in a table row', async function () {
  const row = '<table class="subline"><tr><td>26 | 01 | 2022</td><td class="categories">Hafen | Praxis</td><td class="authorbold">Text &amp; Fotos: Ivan Petrov</td><td>0</td></tr></table>'
  assert.equal(await fields(page(row, {lang: 'de'})), {author: 'Ivan Petrov', date: '2022-01-26'})
})

test('byline kinds: a teaser’s date (a list item or card linking to another article) never dates the page, inside the article too', async function () {
  const more = (item: string) => `<h2>More from the harbour</h2><ul>${item}<li><a href="/news/pier">Fishing pier gets new lights for winter</a></li></ul>`
  const cases: Array<[string, string]> = [
    ['<time> in a list item', more('<li><a href="/news/ferry">Ferry timetable changes in May</a> <time datetime="2024-03-02">2 March 2024</time></li>')],
    ['date text in a list item', more('<li><a href="/news/ferry">Ferry timetable changes in May</a> · 2 March 2024</li>')],
    ['date element in a list item', more('<li><a href="/news/ferry">Ferry timetable changes in May</a> <span class="date">2 March 2024</span></li>')],
    [
      'cards side by side',
      '<div><div class="card"><a href="/news/ferry">Ferry timetable changes in May</a><span class="pubdate">2 March 2024</span></div><div class="card"><a href="/news/pier">Fishing pier gets new lights</a><span class="pubdate">2 March 2024</span></div></div>'
    ],
    ['a 中文 teaser', more('<li><a href="/news/ferry">渡轮时刻表五月起调整</a> 2024-03-02</li>')]
  ]
  for (const [what, end] of cases) assert.is((await fields(page('', {end}))).date, undefined, what)
  // Nor does the verdict hold it against the page's own date.
  const head = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-05-10T08:00:00Z"}</script>'
  for (const [what, end] of cases) {
    const file = await convert(page('', {head, end}))
    assert.ok(String(file).includes('date: 2024-05-10'), what)
    assert.not.ok(
      file.messages.some((message) => message.ruleId === 'metadata-conflict'),
      what
    )
  }
})

test('byline kinds: look-alikes of a teaser keep their date: the page’s own linked headline, an author link, a short link, a lone card, a long item', async function () {
  const cases: Array<[string, string, {end?: string}?]> = [
    ['own headline linked', '<header><h2><a href="/news/harbour-basin-dredged">Harbour basin dredged</a></h2><time datetime="2024-03-02">2 March 2024</time></header>'],
    ['author link', '<p class="byline">By <a href="/author/jane-roe">Jane Roe</a> <time datetime="2024-03-02">2 March 2024</time></p>'],
    ['person’s name linked', '<ul><li><a href="/u/7">Jane Alice Roe</a> <time datetime="2024-03-02">2 March 2024</time></li></ul>'],
    ['short link', '<ul><li><a href="/harbour">Harbour</a> <time datetime="2024-03-02">2 March 2024</time></li></ul>'],
    ['many elements', '<div class="meta">' + '<i></i>'.repeat(45) + '<a href="/news/ferry">Ferry timetable changes in May</a> <time datetime="2024-03-02">2 March 2024</time></div>'],
    ['long item', '<div class="meta"><a href="/news/ferry">Ferry timetable changes in May</a> <time datetime="2024-03-02">2 March 2024</time> ' + 'The board met again. '.repeat(16) + '</div>'],
    [
      'card beside a box without a link',
      '<div><div class="card"><a href="/news/ferry">Ferry timetable changes in May</a> <time datetime="2024-03-02">2 March 2024</time></div><div class="card"><span>Photo gallery</span></div></div>'
    ],
    ['lone card', '<div class="meta"><a href="/topics/ports-and-shipping">Ports and shipping news</a> <time datetime="2024-03-02">2 March 2024</time></div>'],
    ['more words', '<ul><li><a href="/news/ferry">Ferry timetable changes in May</a>, as the board said on <time datetime="2024-03-02">2 March 2024</time></li></ul>']
  ]
  for (const [what, top] of cases) assert.is((await fields(page(top))).date, '2024-03-02', what)
})

test.run()
