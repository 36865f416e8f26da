/**
 * `matchProfile` (public API) with user profiles: by host (a subdomain, a
 * trailing dot, a profile without hosts), then by DOM signature (all of a
 * profile's selectors must match; the first such profile wins; a table of
 * matches the caller already has is used when it holds every selector, else
 * the tree is searched); `undefined` when no profile matches.
 */
import {fromHtml} from 'hast-util-from-html'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import type {Element} from 'hast'
import {matchProfile} from '../index.js'
import type {Profile} from '../lib/profiles/types.js'

const tree = fromHtml('<body><div class="site-header"></div><article class="story"><p>Text</p></article></body>')
const noSignature: Profile = {id: 'plain'}
const byHost: Profile = {id: 'host', hosts: ['news.example']}
const story: Profile = {id: 'story', signature: ['.site-header', 'article.story']}
const missing: Profile = {id: 'missing', signature: ['.site-header', '.no-such-thing']}

test('match profile: by host, a subdomain and a trailing dot included; a profile without hosts never matches by host', function () {
  assert.is(matchProfile([noSignature, byHost], tree, 'https://www.news.example./a')?.profile.id, 'host')
  assert.is(matchProfile([noSignature, byHost], tree, 'https://www.news.example./a')?.rule, 'host')
  assert.is(matchProfile([noSignature, byHost], tree, 'https://other.example/a'), undefined, 'no signature to fall back on')
  assert.is(matchProfile([noSignature], tree, undefined), undefined)
})

test('match profile: by signature, every selector must match; the first matching profile wins', function () {
  assert.equal(matchProfile([missing, story, byHost], tree, 'https://other.example/a'), {profile: story, rule: 'signature'})
  assert.is(matchProfile([missing], tree, undefined), undefined)
})

test('match profile: a table of matches is used when it holds every selector, else the tree is searched', function () {
  const header = tree.children[0] as Element
  // A table that says both selectors match (whatever the tree holds): it is believed.
  const full = new Map<string, Array<Element>>([
    ['.site-header', [header]],
    ['.no-such-thing', [header]]
  ])
  assert.is(matchProfile([missing], tree, undefined, full)?.profile.id, 'missing')
  // A table without `.no-such-thing`: the tree is searched, and it is not there.
  const partial = new Map<string, Array<Element>>([['.site-header', [header]]])
  assert.is(matchProfile([missing], tree, undefined, partial), undefined)
  assert.is(matchProfile([story], tree, undefined, partial)?.profile.id, 'story')
})

test.run()
