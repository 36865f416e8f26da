import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {builtinProfiles, convert, validateProfile} from '../index.js'

test('profiles: built-in profiles validate', function () {
  for (const profile of builtinProfiles) assert.is(validateProfile(profile), profile)
})

test('profiles: unknown keys, wrong types and bad selectors are rejected', function () {
  assert.throws(() => validateProfile({id: 'x', contnet: ['main']}), /unknown key `contnet`/)
  assert.throws(() => validateProfile({id: 'x', content: 'main'}), /`profile.content`: expected an array of strings/)
  assert.throws(() => validateProfile({content: ['main']}), /missing `id`/)
  assert.throws(() => validateProfile({id: 'x', remove: ['div[']}), /Invalid selector/)
  assert.throws(() => validateProfile({id: 'x', urlDate: '(('}), /urlDate/)
  assert.throws(() => validateProfile({id: 'x', related: {selector: 'ul', onLoad: 'x'}}), /unknown key `onLoad`/)
  assert.throws(() => validateProfile([]), /expected an object/)
})

test('profiles: a user profile picks another site by host', async function () {
  const profile = validateProfile({
    id: 'example-news',
    hosts: ['news.example'],
    content: ['.story'],
    title: ['h1.headline'],
    tags: ['.topics a'],
    remove: ['.promo']
  })
  const html = '<h1 class="headline">Headline</h1><div class="story"><p class="promo">Subscribe now</p><p>Body text.</p></div><div class="topics"><a href="/t/a">alpha</a><a href="/t/b">beta</a></div>'
  const file = await convert(html, {url: 'https://www.news.example/2024/story', profiles: [profile]})
  assert.is(file.data.profile?.id, 'example-news')
  assert.equal(file.data.article?.tags, ['alpha', 'beta'])
  assert.match(String(file), 'title: Headline')
  assert.match(String(file), 'Body text.')
  assert.not.match(String(file), 'Subscribe')
})

test('profiles: source, author trim patterns, date format and time zone are validated', function () {
  assert.throws(() => validateProfile({id: 'x', authorTrim: ['(?<=By )\\w+']}), /Invalid pattern/)
  assert.throws(() => validateProfile({id: 'x', authorTrim: 'By'}), /expected an array of strings/)
  assert.throws(() => validateProfile({id: 'x', source: ['p[']}), /Invalid selector/)
  assert.throws(() => validateProfile({id: 'x', dateFormat: 'MM/DD'}), /`profile.dateFormat`: the format needs `YYYY` or `YY`/)
  assert.throws(() => validateProfile({id: 'x', dateFormat: 'YYYY-MM-DD DD'}), /twice/)
  assert.throws(() => validateProfile({id: 'x', dateFormat: 'YYYY-MM-DD', timeZone: 'Mars/Olympus'}), /not a time zone/)
  assert.throws(() => validateProfile({id: 'x', timeZone: '+25:00'}), /not a UTC offset/)
  assert.ok(validateProfile({id: 'x', source: ['.outlet'], authorTrim: ['^Reporter:\\s*'], dateFormat: 'DD/MM/YY HH.mm', timeZone: 'Europe/Berlin'}))
})

test('profiles: a profile fixes a wrong date, author and source the page’s metadata gives', async function () {
  const profile = validateProfile({
    id: 'harbour-times',
    hosts: ['harbour-times.example'],
    content: ['.story'],
    author: ['.writer'],
    authorTrim: ['^Reporter:\\s*', '\\s*\\|\\s*Harbour Times$'],
    source: ['.agency'],
    date: ['.stamp'],
    dateFormat: 'DD/MM/YY HH.mm',
    timeZone: 'Europe/Berlin'
  })
  const html =
    '<html><head><meta name="author" content="Harbour Times"><meta property="article:published_time" content="2021-01-01T00:00:00Z"><meta property="og:site_name" content="Harbour Times"></head><body>' +
    '<h1>Ferry timetable changes</h1><p class="writer">Reporter: Lena Vogt | Harbour Times</p><p class="agency">Nordic Wire</p><p class="stamp">Posted 14/05/24 9.30</p>' +
    '<div class="story"><p>The ferry company will change its timetable next month, adding two late crossings on weekdays.</p></div></body></html>'
  const file = await convert(html, {url: 'https://harbour-times.example/2024/ferry', profiles: [profile]})
  assert.equal(file.data.article?.author, 'Lena Vogt')
  assert.equal(file.data.article?.source, 'Nordic Wire')
  assert.equal(file.data.article?.date, '2024-05-14T09:30:00+02:00')
  assert.equal(file.data.articleSources?.date, '.stamp')
  assert.equal(file.messages.filter((message) => message.ruleId === 'profile-field-unparsed').length, 0)
})

test('profiles: a selector whose text does not parse warns, then the next source is used', async function () {
  const profile = validateProfile({
    id: 'harbour-times',
    hosts: ['harbour-times.example'],
    content: ['.story'],
    date: ['.stamp'],
    dateFormat: 'DD/MM/YYYY',
    author: ['.writer'],
    authorTrim: ['^Reporter:.*$']
  })
  const html =
    '<html><head><meta property="article:published_time" content="2024-05-10T08:00:00Z"><meta name="author" content="Lena Vogt"></head><body><h1>Ferry</h1><p class="writer">Reporter: </p><p class="stamp">last Tuesday</p><div class="story"><p>The ferry company will change its timetable next month.</p></div></body></html>'
  const file = await convert(html, {url: 'https://harbour-times.example/2024/ferry', profiles: [profile]})
  const warnings = file.messages.filter((message) => message.ruleId === 'profile-field-unparsed')
  assert.equal(warnings.length, 2)
  assert.match(String(warnings[0].reason) + String(warnings[1].reason), /`date` selector `.stamp` matched `last Tuesday`, which gives no date in the format `DD\/MM\/YYYY`/)
  assert.equal(file.data.article?.date, '2024-05-10T08:00:00Z')
  assert.equal(file.data.article?.author, 'Lena Vogt')
})

test('profiles: date formats read the site’s own dates', async function () {
  const {compileDateFormat} = await import('../lib/profiles/date-format.js')
  assert.equal(compileDateFormat('YYYY年MM月DD日 HH:mm', 'Asia/Shanghai').parse('发布时间：2024年5月14日 09:30'), '2024-05-14T09:30:00+08:00')
  assert.equal(compileDateFormat('MM/DD/YYYY HH:mm', 'America/New_York').parse('03/10/2024 03:30'), '2024-03-10T03:30:00-04:00')
  assert.equal(compileDateFormat('MM/DD/YYYY HH:mm', 'America/New_York').parse('03/09/2024 03:30'), '2024-03-09T03:30:00-05:00')
  assert.equal(compileDateFormat('DD.MM.YYYY').parse('am 30.02.2024'), undefined)
  assert.equal(compileDateFormat('DD.MM.YY', 'Z').parse('01.03.24'), '2024-03-01')
  assert.equal(compileDateFormat('YYYY-MM-DD  HH:mm', '+0530').parse('2024-01-02 \t 07:05'), '2024-01-02T07:05:00+05:30')
})

test.run()
