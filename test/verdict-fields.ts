/**
 * `fieldEvidence` at its edges: no candidates, the chosen value being the
 * visible one (the conflict then names the structured one), dates that
 * parse but name no instant, authors with no words, CJK names compared as
 * substrings.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {daysOf, fieldEvidence, sameDay, type FieldCandidates} from '../lib/verdict/fields.js'

const candidates = (date: FieldCandidates['date'], author: FieldCandidates['author']): FieldCandidates => ({date, author, publishers: []})

test('verdict fields: without candidates each field says only where it came from', function () {
  assert.equal(fieldEvidence({title: 'T', date: '2021-03-10', tags: []}, {title: 'og', date: 'meta'}, undefined), {
    title: {source: 'og', conflict: null},
    date: {source: 'meta', conflict: null},
    author: {source: null, conflict: null},
    source: {source: null, conflict: null},
    tags: {source: null, conflict: null},
    url: {source: null, conflict: null}
  })
  assert.equal(fieldEvidence({author: 'A'}, {}, undefined).author, {source: 'unknown', conflict: null})
})

test('verdict fields: when the visible date was chosen, the conflict names the structured one', function () {
  const fields = fieldEvidence(
    {date: '2021-03-14'},
    {date: 'visible-date'},
    candidates({structured: {value: '2021-03-10T10:00:00Z', source: 'json-ld'}, visible: {value: '14 March 2021', source: 'visible-date'}}, {structured: undefined, visible: undefined})
  )
  assert.equal(fields.date?.conflict, {value: '2021-03-10T10:00:00Z', source: 'json-ld'})
})

test('verdict fields: an ambiguous visible date agrees when one reading does', function () {
  const agree = fieldEvidence(
    {date: '2023-11-06'},
    {date: 'json-ld'},
    candidates({structured: {value: '2023-11-06', source: 'json-ld'}, visible: {value: '06/11/2023', source: 'visible-date', readings: ['2023-11-06']}}, {structured: undefined, visible: undefined})
  )
  assert.is(agree.date?.conflict, null)
})

test('verdict fields: authors: the chosen visible byline leaves the structured author as the conflict; CJK names match as substrings; no words, no conflict', function () {
  const none = {structured: undefined, visible: undefined}
  const visible = fieldEvidence({author: 'Jon Olsen'}, {author: 'byline'}, candidates(none, {structured: {value: 'Anna Berg', source: 'json-ld'}, visible: {value: 'Jon Olsen', source: 'byline'}}))
  assert.equal(visible.author?.conflict, {value: 'Anna Berg', source: 'json-ld'})
  const cjk = fieldEvidence({author: '记者 王和'}, {author: 'byline'}, candidates(none, {structured: {value: '王和', source: 'json-ld'}, visible: {value: '本报记者王和', source: 'byline'}}))
  assert.is(cjk.author?.conflict, null, 'the same name inside a longer CJK byline')
  const other = fieldEvidence({author: '王和'}, {author: 'json-ld'}, candidates(none, {structured: {value: '王和', source: 'json-ld'}, visible: {value: '李明', source: 'byline'}}))
  assert.equal(other.author?.conflict, {value: '李明', source: 'byline'})
  const empty = fieldEvidence({author: 'Anna'}, {author: 'json-ld'}, candidates(none, {structured: {value: 'Anna', source: 'json-ld'}, visible: {value: '—', source: 'byline'}}))
  assert.is(empty.author?.conflict, null, 'a byline with no word contradicts nothing')
})

test('verdict fields: days of dates that name no instant, or no day', function () {
  assert.is(daysOf('not a date'), undefined)
  assert.not.ok(sameDay('not a date', '2021-03-14'))
  assert.is(daysOf('2021-02-30T10:00:00Z'), undefined, 'no such day: not rolled over into March')
  assert.is(daysOf('2021-13-01'), undefined)
  assert.not.ok(sameDay('2021-02-30', '2021-03-02'))
  assert.ok(daysOf('2024-02-29T10:00:00Z'), 'a leap day is a day')
})

test.run()
