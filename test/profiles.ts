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

test.run()
