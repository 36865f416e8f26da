/**
 * Writers named at an article's end (`lib/analyse/meta/closing-byline.ts`)
 * and in an author box (`author-box.ts`): what names a writer there, and the
 * look-alikes that do not (a photo credit under a picture, a speaker's
 * label, a name in a sentence, a biography of someone the story is about, a
 * box naming no one).
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import type {Element} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {select} from 'hast-util-select'
import {convert} from '../index.js'
import {bioName, closingBio, closingSignature} from '../lib/analyse/meta/closing-byline.js'
import {authorBoxName} from '../lib/analyse/meta/author-box.js'
import {closingAgencyCredit, openingAgencyCredit} from '../lib/analyse/meta/agency-credit.js'

const prose = '<p>The council agreed on Tuesday to keep the library open on Sundays, after a petition signed by more than two thousand residents.</p>'

function rootOf(html: string): Element {
  const root = select('article', fromHtml(html, {fragment: true}))
  assert.ok(root)
  return root
}

async function authorOf(html: string): Promise<string | undefined> {
  const text = String(await convert(html))
  return /^author: (.+)$/m.exec(text)?.[1]
}

test('closing byline: a right-aligned or emphasised name alone after the text is a signature', function () {
  for (const signature of [
    '<p align="right">Edith Marlowe</p>',
    '<p style="text-align: right">Edith Marlowe, Leeds</p>',
    '<p><em>Edith Marlowe</em></p>',
    '<p><i><font size="2">Edith Marlowe</font></i></p>',
    '<div><strong>— Edith Marlowe</strong></div>',
    '<p><span style="text-align: right">Edith Marlowe</span></p>'
  ]) {
    const found = closingSignature(rootOf('<article>' + prose + signature + '<p>(1) Figures from the council.</p></article>'), [])
    assert.equal(found, {value: ['Edith Marlowe'], from: 'byline:signature'}, signature)
  }
})

test('closing byline: no signature: a plain name, a name under a picture, a speaker’s label, an organisation, a name in a sentence, a heading, answers each signed', function () {
  const cases = [
    '<article>' + prose + '<p>Edith Marlowe</p></article>',
    '<article>' + prose + '<figure><img src="a.jpg"></figure><p><em>Edith Marlowe</em></p></article>',
    '<article><p><strong>Edith Marlowe</strong></p><p>Yes, we did.</p></article>',
    '<article>' + prose + '<p align="right"><em>Harbour Trust Foundation</em></p></article>',
    '<article>' + prose + '<p><em>Edith Marlowe</em> said so.</p></article>',
    '<article>' + prose + '<div><h3><em>Further Reading</em></h3></div></article>',
    '<article>' + prose + '<p align="right"><em>Edith Marlowe and the Parish Council of Upper Wick</em></p></article>',
    '<article>' + prose + '<p><strong>Edith Marlowe, chair, Wick Trust</strong></p>' + prose + '<p><strong>Rafael Stroud, owner, Stroud Bakery</strong></p></article>'
  ]
  for (const html of cases) assert.is(closingSignature(rootOf(html), []), undefined, html)
})

test('closing byline: a biography closing the text names its writer; one about someone else, or a sentence, does not', function () {
  assert.equal(closingBio(['Quinn Adebayo is a staff writer at the Courier.'], []), {value: ['Quinn Adebayo'], from: 'byline:bio'})
  assert.is(bioName('Henrike Wallbrecht ist Redakteurin im Ressort Wirtschaft.', []), 'Henrike Wallbrecht')
  assert.is(bioName('Jean-Luc Martel est journaliste indépendant.', []), 'Jean-Luc Martel')
  assert.is(bioName('Tomasz Reyes is the mayor of Millbrook.', []), undefined, 'not a writer’s trade')
  assert.is(bioName('The reporter is a friend of the family.', []), undefined, 'no name')
  assert.is(bioName('Harbour Trust Media is a publisher of local news.', []), undefined, 'no person')
  assert.is(bioName('Lakeside Courier is a reporter’s paper.', ['Lakeside Courier']), undefined, 'the site’s name')
})

test('closing byline: an author box names its writer by heading or biography; a box naming no one, none', function () {
  const boxes = (html: string) =>
    [...fromHtml(html, {fragment: true}).children]
      .filter((node): node is Element => node.type === 'element')
      .map((element) => ({element, context: {inArticle: false, inHeader: false, excluded: true}}))
  assert.equal(authorBoxName(boxes('<div class="author-box"><h4>About Ines Larrañaga</h4><p>Writes about rivers.</p></div>'), []), {value: ['Ines Larrañaga'], from: 'byline:author-box'})
  assert.equal(authorBoxName(boxes('<div class="about-the-author"><p>Ines Larrañaga is a freelance journalist based in Bilbao.</p></div>'), []), {
    value: ['Ines Larrañaga'],
    from: 'byline:author-box'
  })
  assert.is(authorBoxName(boxes('<div class="author-box"><h4>Our authors</h4><p>Write for us!</p></div>'), []), undefined)
  assert.is(authorBoxName(boxes('<div class="comment-author"><b>Ines Larrañaga</b></div>'), []), undefined, 'not an author box')
})

test('closing byline: a byline above the text wins over a signature; a signature over nothing', async function () {
  const page = (byline: string) =>
    '<html><head><title>Sunday opening</title></head><body><article><h1>Sunday opening</h1>' +
    byline +
    prose +
    prose.replace('Tuesday', 'Monday') +
    '<p align="right"><em>Edith Marlowe</em></p></article></body></html>'
  assert.is(await authorOf(page('<p class="byline">By Rafael Stroud</p>')), 'Rafael Stroud')
  assert.is(await authorOf(page('')), 'Edith Marlowe')
})

test('closing byline: an agency credit closing the text names the agency as source and a full name before it as the writer', function () {
  const last = 'Die nächste Sitzung des Rates ist für den März angesetzt.'
  const author = (name: string) => ({value: [name], from: 'byline:closing-agency'})
  const source = (value: string) => ({value, from: 'credit-line:agency'})
  assert.equal(closingAgencyCredit([last + ' (Henrike Wallbrecht, dpa)'], []), {author: author('Henrike Wallbrecht'), source: source('dpa')})
  assert.equal(closingAgencyCredit([last, 'Henrike Wallbrecht/AFP'], []), {author: author('Henrike Wallbrecht'), source: source('AFP')})
  assert.equal(closingAgencyCredit([last, '– Henrike Wallbrecht (Reuters)'], []), {author: author('Henrike Wallbrecht'), source: source('Reuters')})
  assert.equal(closingAgencyCredit([last + ' (Henrike Wallbrecht/dpa/AFP)', '1) Zahlen der Stadt'], []), {author: author('Henrike Wallbrecht'), source: source('dpa, AFP')})
  assert.equal(closingAgencyCredit([last + ' (hw/dpa)'], []), {source: source('dpa')}, 'initials name no one')
  assert.equal(closingAgencyCredit([last + ' (KNA)'], []), {source: source('KNA')})
  assert.is(closingAgencyCredit([last + ' (Foto: Henrike Wallbrecht/dpa)'], []), undefined, 'a picture’s credit')
  assert.is(closingAgencyCredit([last + ' (siehe Seite 4)'], []), undefined, 'no agency')
  assert.is(closingAgencyCredit(['Die Agentur (dpa) meldete am Abend weitere Fälle aus dem Norden.'], []), undefined, 'an agency inside a sentence')
  assert.is(closingAgencyCredit([last + ' (Henrike Wallbrecht, dpa)', 'Weitere Sitzungen folgen.', 'Der Rat tagt öffentlich.'], []), undefined, 'not among the last lines')
})

test('closing byline: an agency credit yields to a byline above the text', async function () {
  const page = (byline: string) =>
    '<html lang="de"><head><title>Sonntags offen</title></head><body><article><h1>Sonntags offen</h1>' +
    byline +
    prose +
    '<p>Die nächste Sitzung des Rates ist für den März angesetzt. (Henrike Wallbrecht, epd)</p></article></body></html>'
  assert.is(await authorOf(page('<p class="byline">Von Rafael Stroud</p>')), 'Rafael Stroud')
  assert.is(await authorOf(page('')), 'Henrike Wallbrecht')
  assert.match(String(await convert(page(''))), /^source: epd$/m)
  // The agency is still the source: a byline names the writer, not where the text came from.
  assert.match(String(await convert(page('<p class="byline">Von Rafael Stroud</p>'))), /^source: epd$/m)
})

test('closing byline: an agency credited in the dateline opening the text is the source', function () {
  const source = (value: string) => ({value, from: 'dateline:agency'})
  const text = 'Wheat futures rose for a third day on Tuesday.'
  assert.equal(openingAgencyCredit(['Wheat prices climb', 'CHICAGO (Reuters) — ' + text]), source('Reuters'))
  assert.equal(openingAgencyCredit(['BERLIN, 3. Mai 2024 (dpa/AFP) - ' + text]), source('dpa, AFP'))
  assert.equal(openingAgencyCredit(['PARIS — AFP — ' + text]), source('AFP'))
  assert.equal(openingAgencyCredit(['WINSTON-SALEM, N.C. (AP): ' + text]), source('AP'))
  assert.equal(openingAgencyCredit(['新华社北京3月5日电 记者从农业农村部获悉，春耕生产全面展开。']), source('新华社'))
  assert.equal(openingAgencyCredit(['（中央社台北20日電）行政院今天通過預算案。']), source('中央社'))
  assert.is(openingAgencyCredit(['The agency (Reuters) said on Tuesday that ' + text]), undefined, 'an agency inside a sentence')
  assert.is(openingAgencyCredit(['CHICAGO (Reuters) said wheat futures rose.']), undefined, 'no dash after the agency')
  assert.is(openingAgencyCredit(['CHICAGO (Tribune) — ' + text]), undefined, 'no agency')
  assert.is(openingAgencyCredit(['据新华社报道，春耕生产全面展开。']), undefined, 'an agency reported on, no dateline')
})

test.run()
