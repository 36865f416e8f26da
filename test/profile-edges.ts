/**
 * Site profiles as users write them, at the edges of validation (symbol
 * keys, empty and null values, values that are not plain data, objects
 * missing their selector) and of dates read with a format in a zone that
 * is UTC (written `Z`) or has no offset name.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {convert, validateProfile} from '../index.js'
import {checkTimeZone, compileDateFormat} from '../lib/profiles/date-format.js'

test('profile edges: symbol keys, empty selectors, objects that are not plain data or lack a selector are refused by name', function () {
  assert.throws(() => validateProfile({id: 'x', [Symbol('hidden')]: 1}), /Invalid profile: unexpected symbol key/)
  assert.throws(() => validateProfile({id: 'x', content: ['  ']}), /Invalid selector ` {2}` in `profile.content`: empty selector/)
  assert.throws(() => validateProfile({id: 'x', credit: 'p'}), /Invalid `profile.credit`: expected an object/)
  assert.throws(() => validateProfile({id: 'x', related: {heading: 'More'}}), /Invalid `profile.related`: missing `selector`/)
  assert.throws(() => validateProfile({id: 'x', related: {selector: 'ul', heading: new URL('https://news.example/more')}}), /Invalid `profile.related.heading`: expected a plain object/)
})

test('profile edges: `null` fields and `null` object members mean “not set”', function () {
  const profile = validateProfile({id: 'x', content: null, title: undefined, related: {selector: 'ul.more', drop: null, heading: undefined}, credit: {selector: 'p', limit: null}})
  assert.is(profile.id, 'x')
  assert.is(profile.related?.selector, 'ul.more')
})

test('profile edges: a date format missing a part names it; UTC zones write `Z`', function () {
  assert.throws(() => compileDateFormat('YYYY-DD'), /the format needs `MM`/)
  assert.throws(() => compileDateFormat('MM-DD'), /the format needs `YYYY` or `YY`/)
  assert.throws(() => validateProfile({id: 'x', dateFormat: 'YYYY/MM'}), /Invalid `profile.dateFormat`: the format needs `DD`/)
  assert.is(compileDateFormat('YYYY-MM-DD HH:mm', '+00:00').parse('2024-03-05 08:30'), '2024-03-05T08:30:00Z')
  assert.is(compileDateFormat('YYYY-MM-DD HH:mm', 'Etc/UTC').parse('2024-03-05 08:30'), '2024-03-05T08:30:00Z')
  assert.is(compileDateFormat('YYYY-MM-DD HH:mm', 'Asia/Shanghai').parse('2024-03-05 08:30'), '2024-03-05T08:30:00+08:00')
  assert.is(compileDateFormat('YYYY-MM-DD', 'Asia/Shanghai').parse('2024-03-05'), '2024-03-05', 'a day has no zone')
  assert.is(checkTimeZone('Europe/London')(new Date(Date.UTC(2024, 0, 15, 12))), 'Z', 'London in winter')
  assert.is(checkTimeZone('Europe/London')(new Date(Date.UTC(2024, 6, 15, 12))), '+01:00', 'London in summer')
})

test('profile edges: a profile without a signature serves its hosts only; a page from elsewhere is read with the generic profile', async function () {
  const profile = validateProfile({id: 'harbour-news', hosts: ['harbour.example'], content: ['.story'], title: ['.headline']})
  const html = '<p class="headline">Ferry fares fall</p><h1>Harbour Daily</h1><div class="story"><p>Body text of the story about ferries and their fares this winter.</p></div>'
  const own = await convert(html, {url: 'https://harbour.example/a', profiles: [profile]})
  assert.is(own.data.profile?.id, 'harbour-news')
  assert.is(own.data.article?.title, 'Ferry fares fall')
  const elsewhere = await convert(html, {url: 'https://elsewhere.example/a', profiles: [profile]})
  assert.is(elsewhere.data.profile?.id, 'generic-news')
  assert.is(elsewhere.data.article?.title, 'Harbour Daily')
})

test('profile edges: a page’s visible date read with the profile’s format and a UTC zone', async function () {
  const profile = validateProfile({id: 'utc-news', hosts: ['news.example'], content: ['.story'], title: ['h1'], date: ['.when'], dateFormat: 'DD.MM.YYYY HH:mm', timeZone: 'UTC'})
  const file = await convert('<h1>Headline</h1><p class="when">05.03.2024 08:30</p><div class="story"><p>Body text of the story.</p></div>', {url: 'https://news.example/a', profiles: [profile]})
  assert.match(String(file), /^date: '?2024-03-05T08:30:00Z'?$/m)
})

test.run()
