/**
 * The URL a media element shows (`mediaUrl`, `embedCandidates` in
 * `lib/media/note.ts`): AMP players by their ids, `<object>` parameters
 * by name, a `<picture>`'s `<img>`, else its first source.
 */
import {fromHtml} from 'hast-util-from-html'
import type {Element} from 'hast'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {embedCandidates, mediaUrl} from '../lib/media/note.js'

/** The first element of an HTML fragment. */
function element(html: string): Element {
  return fromHtml(html, {fragment: true}).children.find((node): node is Element => node.type === 'element')!
}

test('media URLs: AMP players by their ids (Vimeo, Instagram; an id on another element is no URL)', function () {
  assert.equal(embedCandidates(element('<amp-vimeo data-videoid="4471"></amp-vimeo>')), ['https://player.vimeo.com/video/4471'])
  assert.equal(embedCandidates(element('<amp-instagram data-shortcode="Bx9k"></amp-instagram>')), ['https://www.instagram.com/p/Bx9k/'])
  assert.equal(embedCandidates(element('<div data-videoid="4471" data-shortcode="Bx9k"></div>')), [])
})

test('media URLs: an `<object>` takes the value of a `<param>` named for a source, not of others or of one without a name', function () {
  assert.equal(
    embedCandidates(
      element(
        '<object data="https://tv.example/player.swf"><param value="https://tv.example/no-name.flv"><param name="quality" value="high"><param name="movie" value="https://tv.example/clip.flv"></object>'
      )
    ),
    ['https://tv.example/player.swf', 'https://tv.example/clip.flv']
  )
})

test('media URLs: a `<picture>` shows its `<img>`’s own source, else that of its first `<source>`', function () {
  assert.is(mediaUrl(element('<picture><source srcset="https://img.example/a.webp" type="image/webp"><img src="https://img.example/a.jpg"></picture>')), 'https://img.example/a.jpg')
  assert.is(mediaUrl(element('<picture><source srcset="https://img.example/a.webp" type="image/webp"><img alt="Harbour"></picture>')), 'https://img.example/a.webp')
})

test.run()
