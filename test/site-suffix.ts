import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {cutSiteSuffix} from '../lib/analyse/meta/site-suffix.js'

test('site suffix: the site name after a separator goes, with the platform after it', () => {
  assert.is(cutSiteSuffix('Ridge trail in autumn (2) @ Anna’s Trail Notes :: Blogspace ::', ['Anna’s Trail Notes']), 'Ridge trail in autumn (2)')
  assert.is(cutSiteSuffix('宜蘭太平山_翠峰湖 (1) @ 小林的旅行日記_山風 :: 部落格平台 ::', ['小林的旅行日記_山風']), '宜蘭太平山_翠峰湖 (1)')
  assert.is(cutSiteSuffix('Harbour plan approved | The Coast Gazette', ['The Coast Gazette']), 'Harbour plan approved')
  assert.is(cutSiteSuffix('Harbour plan approved - coastgazette.example', [undefined, 'coastgazette.example']), 'Harbour plan approved')
  assert.is(cutSiteSuffix('港口扩建方案获批_海滨日报', ['海滨日报']), '港口扩建方案获批')
  assert.is(cutSiteSuffix('HARBOUR PLAN » the coast gazette', ['The Coast Gazette']), 'HARBOUR PLAN')
})

test('site suffix: a site name inside the headline stays', () => {
  assert.is(cutSiteSuffix('Gazette - Gazette staff vote to strike', ['Gazette']), 'Gazette - Gazette staff vote to strike')
  assert.is(cutSiteSuffix('Apple - Microsoft deal | Microsoft News', ['Microsoft']), 'Apple - Microsoft deal | Microsoft News')
  assert.is(cutSiteSuffix('Coast-Gazette readers respond', ['Gazette']), 'Coast-Gazette readers respond')
  assert.is(cutSiteSuffix('The Coast Gazette', ['The Coast Gazette']), 'The Coast Gazette')
  assert.is(cutSiteSuffix('A | The Coast Gazette', ['The Coast Gazette']), 'A | The Coast Gazette')
  assert.is(cutSiteSuffix('Harbour plan approved', []), 'Harbour plan approved')
})

test.run()
