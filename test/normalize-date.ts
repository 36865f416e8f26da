import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {completeDate, dayOrderOf, findDate, findPartialDate, isYearlessDay, normalizeDate} from '../lib/util/normalize-date.js'
import {chineseNumber} from '../lib/util/chinese-numerals.js'

test('normalizeDate: ISO strings', () => {
  assert.is(normalizeDate('2020-04-14'), '2020-04-14')
  assert.is(normalizeDate('2020-04-14T10:30:00+08:00'), '2020-04-14T10:30:00+08:00')
  assert.is(normalizeDate('2020-04-14T10:30:00.000Z'), '2020-04-14T10:30:00Z')
  assert.is(normalizeDate('2020-04-14T10:30:00-0500'), '2020-04-14T10:30:00-05:00')
  assert.is(normalizeDate('2020-04-14 10:30'), '2020-04-14T10:30:00')
  assert.is(normalizeDate('2020-4-9'), '2020-04-09')
})

test('normalizeDate: RFC 2822 and JavaScript date strings', () => {
  assert.is(normalizeDate('Tue, 14 Apr 2020 10:30:00 GMT'), '2020-04-14T10:30:00+00:00')
  assert.is(normalizeDate('Tue, 14 Apr 2020 10:30:00 +0800'), '2020-04-14T10:30:00+08:00')
  assert.is(normalizeDate('Tue Apr 14 2020 10:30:00 GMT+0800 (China Standard Time)'), '2020-04-14T10:30:00+08:00')
  assert.is(normalizeDate('Tue Apr 14 10:30:00 EDT 2020'), '2020-04-14T10:30:00-04:00', 'Unix `date`: time and zone before the year')
  assert.is(normalizeDate('Tue Apr 14 10:30 2020'), '2020-04-14T10:30:00')
  assert.is(normalizeDate('Tue Apr 14 10:30:00 EDT'), undefined, 'no year')
})

test('normalizeDate: month names', () => {
  assert.is(normalizeDate('April 14, 2020'), '2020-04-14')
  assert.is(normalizeDate('Apr. 14th, 2020 at 3:05 p.m. EDT'), '2020-04-14T15:05:00-04:00')
  assert.is(normalizeDate('14 April 2020'), '2020-04-14')
  assert.is(normalizeDate('Sept. 5, 2019'), '2019-09-05')
  assert.is(normalizeDate('14. März 2020, 14:30 Uhr'), '2020-03-14T14:30:00')
  assert.is(normalizeDate('20 de abril de 2019'), '2019-04-20')
  assert.is(normalizeDate('Marcus 5, 2020'), undefined, 'not a month')
})

test('normalizeDate: numeric forms', () => {
  assert.is(normalizeDate('2020/04/14 10:30'), '2020-04-14T10:30:00')
  assert.is(normalizeDate('2020.04.14'), '2020-04-14')
  assert.is(normalizeDate('14.04.2020'), '2020-04-14')
  assert.is(normalizeDate('04/14/2020'), '2020-04-14', 'month first')
  assert.is(normalizeDate('14/04/2020'), '2020-04-14', 'day first when the first part is no month')
})

test('normalizeDate: Chinese forms', () => {
  assert.is(normalizeDate('2020年4月14日 10:30'), '2020-04-14T10:30:00')
  assert.is(normalizeDate('2020年04月14日10:30'), '2020-04-14T10:30:00')
  assert.is(normalizeDate('2020年4月14日'), '2020-04-14')
})

test('normalizeDate: first date in a longer text', () => {
  assert.is(normalizeDate('发布时间：2020-04-14 10:30 来源：新华网'), '2020-04-14T10:30:00')
  assert.is(normalizeDate('Posted on December 14, 2016 at 2:24 pm by Jane'), '2016-12-14T14:24:00')
  assert.is(normalizeDate('2019-10-19 - 12 views'), '2019-10-19', 'a number after a dash is no offset')
})

test('normalizeDate: invalid input', () => {
  assert.is(normalizeDate(''), undefined)
  assert.is(normalizeDate('no date here, only 2020'), undefined)
  assert.is(normalizeDate('2020-02-30'), undefined, 'no such day')
  assert.is(normalizeDate('2020-13-01'), undefined, 'no such month')
  assert.is(normalizeDate('1586831400'), undefined, 'epoch numbers are skipped')
  assert.is(normalizeDate('2020-04-14 25:61'), '2020-04-14', 'an invalid time is dropped')
})

test('normalizeDate: month names starting with “de”, a weekday before the year', () => {
  assert.is(normalizeDate('7. Dezember 2022'), '2022-12-07', 'not read as Spanish `de` + `zember`')
  assert.is(normalizeDate('(21. Dezember 2022) Text'), '2022-12-21')
  assert.is(normalizeDate('3 de diciembre de 2021'), '2021-12-03')
  assert.is(normalizeDate('Dec 28 Sat 2013 00:28'), '2013-12-28T00:28:00', 'a weekday between day and year')
  assert.is(normalizeDate('Dec 28 Foo 2013'), undefined, 'only a weekday')
})

test('findPartialDate and completeDate: days without their year', () => {
  const monthDay = findPartialDate('发布时间：１１月３０日 20:45')
  assert.equal(monthDay, {year: 0, month: 11, day: 30, time: 'T20:45:00'})
  assert.is(completeDate(monthDay!, '2021-12-02T09:15:00'), '2021-11-30T20:45:00', 'the year of the reference')
  assert.is(completeDate(monthDay!, '2022-01-03'), '2021-11-30T20:45:00', 'a day after the reference is of the year before')
  assert.is(completeDate(monthDay!, undefined), undefined, 'no reference, no year')
  assert.equal(findPartialDate('发布时间：10-08'), {year: 0, month: 10, day: 8, time: ''})
  const short = findPartialDate('发布时间：18-03-08')
  assert.is(short && completeDate(short, undefined), '2018-03-08', 'a two-digit year is a year')
  assert.is(findPartialDate('第13-45号'), undefined, 'no such day')
})

test('findDate: span of the date', () => {
  assert.equal(findDate('Published 03.02.2022 15:34 in News'), {value: '2022-02-03T15:34:00', index: 10, end: 26})
})

test('normalizeDate edges: an impossible 12-hour clock keeps the day only; an offset beyond ±14:00 or :59 is dropped, the local time kept', () => {
  assert.is(normalizeDate('2020-04-14 13:30 PM'), '2020-04-14')
  assert.is(normalizeDate('2020-04-14 0:30 am'), '2020-04-14')
  assert.is(normalizeDate('2020-04-14 10:30 +15:00'), '2020-04-14T10:30:00')
  assert.is(normalizeDate('2020-04-14 10:30 +08:75'), '2020-04-14T10:30:00')
})

test('normalizeDate edges: 12 am is midnight, 12 pm noon; an offset in hours only (`GMT+5`)', () => {
  assert.is(normalizeDate('2020-03-05 12:15 am'), '2020-03-05T00:15:00')
  assert.is(normalizeDate('2020-03-05 12:15 pm'), '2020-03-05T12:15:00')
  assert.is(normalizeDate('2020-03-05 10:00 GMT+5'), '2020-03-05T10:00:00+05:00')
})

test('normalizeDate edges: longer abbreviations of month names (`Janu`, `Septem`, `Octo`); an unknown name is no date', () => {
  assert.is(normalizeDate('Janu 5, 2020'), '2020-01-05')
  assert.is(normalizeDate('Septem 9, 2021'), '2021-09-09')
  assert.is(normalizeDate('5 Octo 2020 10:00'), '2020-10-05T10:00:00')
  assert.is(normalizeDate('Foo 9, 2021'), undefined)
})

test('findDate edges: the earliest valid day wins; an impossible day is skipped for the next', () => {
  assert.equal(findDate('2020-02-30 or 2020-03-01'), {value: '2020-03-01', index: 14, end: 24})
  assert.equal(findDate('14/04/2020 and 2020-04-13'), {value: '2020-04-14', index: 0, end: 10})
  assert.equal(findDate('April 14, 2020 and 2020-04-14T10:00'), {value: '2020-04-14', index: 0, end: 14})
})

test('findPartialDate and completeDate edges: empty text, a time after the day, impossible days', () => {
  assert.is(findPartialDate(''), undefined)
  assert.equal(findPartialDate('3月5日 10:30'), {year: 0, month: 3, day: 5, time: 'T10:30:00'})
  assert.is(completeDate({year: 2021, month: 2, day: 30, time: ''}, undefined), undefined)
  assert.is(completeDate({year: 0, month: 2, day: 29, time: ''}, '2023-03-01'), undefined, '29 February 2023 does not exist')
  assert.is(completeDate({year: 0, month: 2, day: 29, time: ''}, '2024-03-01'), '2024-02-29')
})

test('normalizeDate: an all-numeric day in the page’s order; without one, month first and the other reading noted', () => {
  assert.is(normalizeDate('04/11/2024', {order: 'dmy'}), '2024-11-04')
  assert.is(normalizeDate('04/11/2024', {order: 'mdy'}), '2024-04-11')
  assert.is(normalizeDate('04/13/2024', {order: 'dmy'}), '2024-04-13', 'the second part cannot be a month')
  assert.is(normalizeDate('13/04/2024', {order: 'mdy'}), '2024-04-13', 'the first part cannot be a month')
  assert.is(normalizeDate('04-11-2024 10:30', {order: 'dmy'}), '2024-11-04T10:30:00')
  assert.equal(findDate('Posted 04/11/2024 10:30'), {value: '2024-04-11T10:30:00', index: 7, end: 23, alternative: '2024-11-04T10:30:00'})
  assert.is(findDate('04/11/2024', {order: 'mdy'})?.alternative, undefined, 'the order is known')
  assert.is(findDate('04/04/2024')?.alternative, undefined, 'both readings are one day')
  assert.is(findDate('14/04/2024')?.alternative, undefined, 'only one reading exists')
  assert.is(normalizeDate('14.04.2020', {order: 'mdy'}), '2020-04-14', 'dotted days are day first everywhere')
})

test('dayOrderOf: language tag, then the host for plain English', () => {
  assert.is(dayOrderOf('en-US'), 'mdy')
  assert.is(dayOrderOf('en_us'), 'mdy')
  assert.is(dayOrderOf('en-GB'), 'dmy')
  assert.is(dayOrderOf('en-AU'), 'dmy')
  assert.is(dayOrderOf('de-DE'), 'dmy')
  assert.is(dayOrderOf('fr'), 'dmy')
  assert.is(dayOrderOf('en'), undefined)
  assert.is(dayOrderOf('en-150'), undefined, 'a region that is no country (Europe, UN M49) gives no order')
  assert.is(dayOrderOf('en', 'news.example.co.uk'), 'dmy')
  assert.is(dayOrderOf('en', 'news.example.us'), 'mdy')
  assert.is(dayOrderOf('en-US', 'news.example.co.uk'), 'mdy', 'the language tag decides')
  assert.is(dayOrderOf('zh-CN'), undefined)
  assert.is(dayOrderOf('ja'), undefined)
  assert.is(dayOrderOf(undefined), undefined)
  assert.is(dayOrderOf(''), undefined)
})

test('normalizeDate: Chinese numerals', () => {
  assert.is(normalizeDate('二〇二四年三月五日'), '2024-03-05')
  assert.is(normalizeDate('发布时间：二零二四年十二月一日 来源：市政府'), '2024-12-01')
  assert.is(normalizeDate('二〇二三年十月二十八日'), '2023-10-28')
  assert.is(normalizeDate('二〇二四年一月三十一日 10:20'), '2024-01-31T10:20:00')
  assert.is(normalizeDate('二○二四年二月十日'), '2024-02-10')
  assert.is(normalizeDate('二Ｏ二四年二月十日'), '2024-02-10')
  assert.is(normalizeDate('二〇二四年二月三十日'), undefined)
  assert.is(normalizeDate('十二月一日'), undefined)
  assert.is(chineseNumber('二〇二四'), 2024)
  assert.is(chineseNumber('十'), 10)
  assert.is(chineseNumber('十二'), 12)
  assert.is(chineseNumber('二十'), 20)
  assert.is(chineseNumber('三十一'), 31)
  assert.ok(Number.isNaN(chineseNumber('')))
  assert.ok(Number.isNaN(chineseNumber('廿')))
})

test('isYearlessDay: a day shown without its year, alone', () => {
  for (const text of ['3月18日', '3月18日 14:30', '03-15 09:10', '３月１８日']) assert.ok(isYearlessDay(text), text)
  for (const text of ['03-15', '12/30 21:05', '2024-03-15', '比分 3-1', '3月18日召开会议，研究部署下一步工作', '']) assert.not.ok(isYearlessDay(text), text)
})

test('normalizeDate: years of the Republic of China (year + 1911), full-width digits', () => {
  // The era's name says how to read the year, on any page.
  assert.is(normalizeDate('民國113年3月5日'), '2024-03-05')
  assert.is(normalizeDate('中華民國 112 年 12 月 31 日'), '2023-12-31')
  assert.is(normalizeDate('民国99年1月2日'), '2010-01-02')
  assert.is(normalizeDate('中華民國１１３年５月２日'), '2024-05-02')
  // Without it, only in the order of a Taiwanese page.
  assert.is(normalizeDate('113年3月5日', {order: 'roc'}), '2024-03-05')
  assert.is(normalizeDate('發布日期：113/03/07', {order: 'roc'}), '2024-03-07')
  assert.is(normalizeDate('更新日期：113-03-08 14:20', {order: 'roc'}), '2024-03-08T14:20:00')
  assert.is(normalizeDate('113年3月5日'), undefined)
  assert.is(normalizeDate('113/03/07'), undefined)
  assert.is(normalizeDate('2024/03/07', {order: 'roc'}), '2024-03-07', 'a Gregorian year is read as ever')
  assert.is(normalizeDate('24/03/07', {order: 'roc'}), undefined, 'a two-digit year is no ROC year without the era')
  assert.is(normalizeDate('２０２４年３月９日'), '2024-03-09')
})

test('dayOrderOf: Taiwanese pages count in ROC years', () => {
  assert.is(dayOrderOf('zh-TW'), 'roc')
  assert.is(dayOrderOf('zh-Hant-TW'), 'roc')
  assert.is(dayOrderOf('zh-Hant', 'www.district.example.gov.tw'), 'roc')
  assert.is(dayOrderOf(undefined, 'news.example.com.tw'), 'roc')
  assert.is(dayOrderOf('zh-HK', 'news.example.tw'), undefined)
  assert.is(dayOrderOf('zh-Hant'), undefined)
  assert.is(dayOrderOf('zh-CN', 'news.example.tw'), undefined)
})

test.run()
