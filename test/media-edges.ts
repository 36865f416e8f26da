/**
 * Media the article holds in less common forms: AMP ads, placeholder and
 * unsafe sources on images, frames and players, a `<picture>` without its
 * `<img>`, `<object>` fallbacks and images, frames with only `srcdoc` or a
 * saved page's copy. Each is written as a link or an image, or removed and
 * counted (`file.data.removals`, a `dropped-*` message): never silently.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {convert, rehypeNormalizeMedia} from '../index.js'
import rehypeParse from 'rehype-parse'
import {select} from 'hast-util-select'
import {toString as hastToString} from 'hast-util-to-string'
import {unified} from 'unified'
import {convertWatched} from './util/watchdog.js'
import {captionTableFigure} from '../lib/media/caption-table.js'
import {socialBoxUrl} from '../lib/media/social-box.js'
import {fromHtml} from 'hast-util-from-html'
import {h} from 'hastscript'

const page = (body: string) =>
  '<html><head></head><body><h2>标题</h2><div class="entry"><p>正文第一段，记者报道了当地的情况。</p>' + body + '<p>正文最后一段。</p></div><div class="postfooter"></div></body></html>'

async function run(body: string) {
  const file = await convert(page(body), {url: 'https://news.example/a/1.html'})
  const markdown = String(file).replace(/^---\n[\s\S]*?\n---\n\n/, '')
  const removals = (file.data.removals || []).map((removal) => removal.kind + ' ' + removal.rule + ' ' + removal.element + ' ' + removal.sample)
  const rules = file.messages.map((message) => message.ruleId)
  return {markdown, removals, rules}
}

const frame = '正文第一段，记者报道了当地的情况。\n\n'
const end = '正文最后一段。\n'

test('media edges: AMP ads are removed and counted with their slot, or their tag when they name none', async function () {
  const out = await run('<amp-ad type="adsense" data-ad-slot="123"></amp-ad><amp-ad></amp-ad><amp-embed data-slot="x"></amp-embed>')
  assert.is(out.markdown, frame + end)
  assert.equal(out.removals, ['embed ad-embed amp-ad adsense 123', 'embed ad-embed amp-ad amp-ad', 'embed ad-embed amp-embed x'])
  assert.is(out.rules.filter((rule) => rule === 'dropped-embed').length, 3)
})

test('media edges: an image whose only source is a placeholder (`javascript:void(0)`) is counted as having no source', async function () {
  const out = await run('<p><img src="javascript:void(0)" alt="空"></p>')
  assert.is(out.markdown, frame + end)
  assert.equal(out.removals, ['image no-source img javascript:void(0)'])
  assert.not.ok(out.rules.includes('unsafe-url'), 'a placeholder is not an unsafe URL')
})

test('media edges: a `<picture>` without `<img>` is an image of its largest source, or a counted tracker', async function () {
  const kept = await run('<picture><source srcset="https://i.example/p.jpg 800w"></picture>')
  assert.is(kept.markdown, frame + '![](https://i.example/p.jpg)\n\n' + end)
  assert.equal(kept.removals, [])
  const tracker = await run('<picture><source srcset="https://www.google-analytics.com/collect?x=1"></picture>')
  assert.is(tracker.markdown, frame + end)
  assert.equal(tracker.removals, ['embed tracker-pixel picture https://www.google-analytics.com/collect?x=1'])
})

test('media edges: an `<object>` keeps its fallback content when its data is unsafe; one showing an image becomes that image', async function () {
  const fallback = await run('<object data="javascript:alert(1)"><param name="x" value="y"><p>后备文字</p></object>')
  assert.is(fallback.markdown, frame + '后备文字\n\n' + end)
  assert.ok(fallback.rules.includes('unsafe-url'))
  assert.not.match(fallback.markdown, /javascript/)
  const image = await run('<object type="image/png" data="https://i.example/o.png">图</object><object data="https://i.example/o.svg"></object>')
  assert.is(image.markdown, frame + '![图](https://i.example/o.png)\n\n![](https://i.example/o.svg)\n\n' + end)
})

test('media edges: frames with a `data:` source, only `srcdoc`, a placeholder or a saved page copy are removed and counted by why', async function () {
  const out = await run('<embed src="data:text/html,hi"><iframe srcdoc="<p>x</p>"></iframe><iframe src="javascript:void(0)"></iframe><iframe src="Page_files/Tweet.html"></iframe>')
  assert.is(out.markdown, frame + end)
  assert.equal(out.removals, [
    'embed data-url embed data:text/html,hi',
    'embed srcdoc iframe (no source)',
    'embed no-source iframe javascript:void(0)',
    'embed saved-page-copy iframe Page_files/Tweet.html'
  ])
})

test('media edges: players without a usable source keep their fallback text; unsafe and missing sources are counted apart', async function () {
  const out = await run('<video src="#"><source src="javascript:void(0)">视频后备</video><video src="javascript:alert(1)"></video><audio></audio>')
  assert.is(out.markdown, frame + '视频后备\n\n' + end)
  assert.equal(out.removals, ['embed no-source video #', 'embed unsafe-url video javascript:alert(1)', 'embed no-source audio (no source)'])
})

test('media edges: a caption after text (not after an image) stays a caption line, with no image to name', async function () {
  const out = await run('<div>文字<span class="wp-caption-text">说明</span></div>')
  assert.is(out.markdown, frame + '文字\n\n*说明*\n\n' + end)
  assert.ok(out.rules.includes('figure-without-image'))
})

test('media edges (noscript): the `<noscript>` copy of a lazy image replaces its placeholder, wherever that sits before it', async function () {
  const gif = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='
  const nested = await run('<div><span><img src="' + gif + '" alt="懒"></span> <!-- c --></div><noscript><img src="https://i.example/n.jpg"></noscript>')
  assert.is(nested.markdown, frame + '![懒](https://i.example/n.jpg)\n\n' + end, 'the last image inside the element before, its alt kept')
  const after = await run('<div><span>  </span><img src="' + gif + '" alt="懒二"></div><noscript><img src="https://i.example/n2.jpg"></noscript>')
  assert.is(after.markdown, frame + '![懒二](https://i.example/n2.jpg)\n\n' + end)
  assert.equal([...nested.removals, ...after.removals], [], 'nothing dropped: the placeholder is replaced')
})

test('media edges (noscript): a `<picture>` that has a source keeps it and its `<noscript>` copy is not added twice; the alt of the copy is kept', async function () {
  const out = await run('<picture><source srcset="https://i.example/real.jpg 800w"></picture><noscript><img src="https://i.example/real.jpg" alt="图"></noscript>')
  assert.is(out.markdown.split('](https://i.example/real.jpg)').length, 2, 'one image:\n' + out.markdown)
  assert.ok(out.markdown.includes('![图](https://i.example/real.jpg)'), "the copy's alt is kept:\n" + out.markdown)
  const own = await run(
    '<picture><source srcset="https://i.example/own.jpg 800w"><img src="https://i.example/own.jpg" alt="原图"></picture><noscript><img src="https://i.example/own.jpg" alt="副本"></noscript>'
  )
  assert.ok(own.markdown.includes('![原图](https://i.example/own.jpg)'), "the image's own alt wins:\n" + own.markdown)
  const img = await run('<img data-src="https://i.example/lazy.jpg" src="https://i.example/low.jpg"><noscript><img src="https://i.example/lazy.jpg" alt="懒图"></noscript>')
  assert.ok(img.markdown.includes('![懒图]('), "an image with a source and no alt takes the copy's:\n" + img.markdown)
})

test('media edges (noscript): an AMP image inside a lone `<noscript>` is the image', async function () {
  const out = await run('<noscript><amp-img src="https://i.example/amp.jpg" alt="放大"></amp-img></noscript>')
  assert.is(out.markdown, frame + '![放大](https://i.example/amp.jpg)\n\n' + end)
})
test('media edges (loops): an image or embed with a figure class (`wp-caption`) is that image, not a figure; in a link too (looped forever before)', async function () {
  // Each form in a worker with a bounded wait: a regression fails here instead of stalling the suite.
  const forms = [
    ['<a href="https://i.example/big.jpg"><img class="wp-caption aligncenter" src="https://i.example/a.jpg" alt="图一"></a>', '[![图一](https://i.example/a.jpg)](https://i.example/big.jpg)'],
    [
      '<p><a href="https://i.example/big.jpg"><picture class="wp-caption"><img src="https://i.example/b.jpg" alt="图二"></picture></a></p>',
      '[![图二](https://i.example/b.jpg)](https://i.example/big.jpg)'
    ],
    ['<img class="wp-caption" src="https://i.example/c.jpg" alt="图三">', '![图三](https://i.example/c.jpg)'],
    ['<div class="wp-caption"><img class="wp-caption" src="https://i.example/d.jpg"><p class="wp-caption-text">图四说明</p></div>', '![图四说明](https://i.example/d.jpg)\n\n*图四说明*']
  ]
  for (const [body, image] of forms) {
    const out = await convertWatched(page(body), {url: 'https://news.example/a/1.html'})
    const markdown = out.document.replace(/^---\n[\s\S]*?\n---\n\n/, '')
    assert.is(markdown, frame + image + '\n\n' + end, body)
    assert.equal(out.removals, [], body)
  }
})

test('media: a [caption] shortcode split over paragraphs is joined only when a sibling close by closes it', async function () {
  const open = '<p>[caption id="attachment_9" width="300"]<img src="/pier.jpg" alt="Pier"></p>'
  // The caption two paragraphs on, then through an image paragraph: joined.
  for (const between of ['', '\n<p><img src="/pier-2.jpg" alt="Pier at dusk"></p>\n', '<a href="/pier-2-large.jpg"><img src="/pier-2.jpg" alt="Pier at dusk"></a>']) {
    const {markdown} = await run(open + between + '<p>旧码头的栈桥[/caption]</p>')
    assert.not.ok(markdown.includes('caption'), markdown)
    assert.ok(markdown.includes('*旧码头的栈桥*'), markdown)
  }
  // No closing near: four paragraphs away, behind a heading, after another opening, or after a long text.
  const far = '<p>一</p><p>二</p><p>三</p><p>四[/caption]</p>'
  const heading = '<h3>小标题</h3><p>说明[/caption]</p>'
  const reopened = '<p>[caption id="x"]说明[/caption]</p>'
  const long = '<p>' + '很长的一段正文。'.repeat(60) + '</p><p>说明[/caption]</p>'
  for (const after of [far, heading, reopened, long, '']) {
    const {markdown} = await run(open + after)
    assert.ok(markdown.includes('\\[caption id="attachment_9"'), markdown)
  }
  // The plugin used alone joins on its own walk.
  const processor = unified().use(rehypeParse, {fragment: true}).use(rehypeNormalizeMedia, {url: 'https://news.example/'})
  const tree = await processor.run(processor.parse(open + '<p>The pier in winter[/caption] After text.</p>'))
  const text = hastToString(tree)
  assert.is(select('img', tree)!.properties.src, 'https://news.example/pier.jpg')
  assert.is(hastToString(select('em', tree)!), 'The pier in winter')
  assert.ok(text.includes('After text.') && !text.includes('caption'), text)
})

test('media edges (box source): a lazy box gives its URL to its one image, or to the `<img>` of its `<picture>` without sources; never to two images', async function () {
  const two = await run('<div data-src="https://i.example/uploads/box.jpg"><img src="" alt="一"><img src="" alt="二"></div>')
  assert.is(two.markdown, frame + end, 'two images: neither takes the box URL')
  assert.equal(two.removals, ['image no-source img alt “一”', 'image no-source img alt “二”'])
  const none = await run('<div data-src="https://i.example/uploads/box.jpg"><span>盒子里没有图</span></div>')
  assert.is(none.markdown, frame + '盒子里没有图\n\n' + end)
  const picture = await run('<div data-src="https://i.example/uploads/box.jpg"><picture><img src="" alt="框图"></picture></div>')
  assert.is(picture.markdown, frame + '![框图](https://i.example/uploads/box.jpg)\n\n' + end)
  assert.equal(picture.removals, [])
  const typed = await run('<div data-src="https://i.example/uploads/box.jpg"><picture><source type="image/webp"><img src="" alt="框图"></picture></div>')
  assert.is(typed.markdown, frame + '![框图](https://i.example/uploads/box.jpg)\n\n' + end, 'a `<source>` without `srcset` is passed over for the `<img>`')
  const sourced = await run('<div data-src="https://i.example/uploads/box.jpg"><picture><source srcset="https://i.example/own.jpg 800w"><img src="" alt="自带"></picture></div>')
  assert.is(sourced.markdown, frame + '![自带](https://i.example/own.jpg)\n\n' + end, "a picture with sources keeps its own, not the box's")
})

test('media edges (caption table): a header cell holds the image; two captions both stay; a `<caption>`, no caption cell or no media leave it a table', async function () {
  const th = await run('<table class="tr-caption-container"><tr><th><img src="https://i.example/th.jpg"></th></tr><tr><td class="tr-caption">表头格里的图</td></tr></table>')
  assert.is(th.markdown, frame + '![表头格里的图](https://i.example/th.jpg)\n\n*表头格里的图*\n\n' + end)
  const twice = await run(
    '<table class="tr-caption-container"><tr><td class="tr-caption">上说明</td></tr><tr><td><img src="https://i.example/two.jpg"></td></tr><tr><td class="tr-caption">下说明</td></tr></table>'
  )
  assert.is(twice.markdown, frame + '![上说明 下说明](https://i.example/two.jpg)\n\n*上说明*\n\n*下说明*\n\n' + end)
  const titled = await run('<table class="tr-caption-container"><caption>表题</caption><tr><td><img src="https://i.example/cap.jpg"></td></tr><tr><td class="tr-caption">说明文字</td></tr></table>')
  assert.ok(titled.markdown.includes('| ![](https://i.example/cap.jpg) |'), 'a table with a `<caption>` is no caption table:\n' + titled.markdown)
  assert.not.match(titled.markdown, /\*说明文字\*/)
  const uncaptioned = await run('<table class="tr-caption-container"><tr><td><img src="https://i.example/nocap.jpg"></td></tr><tr><td>不是说明</td></tr></table>')
  assert.is(uncaptioned.markdown, frame + '![](https://i.example/nocap.jpg)\n\n不是说明\n\n' + end)
  const textOnly = await run('<table class="tr-caption-container"><tr><td>只有文字</td></tr><tr><td class="tr-caption">说明文字</td></tr></table>')
  assert.is(textOnly.markdown, frame + '只有文字\n\n说明文字\n\n' + end)
  // Text written straight in the table is moved before it by the HTML parser; in a tree made by hand it makes the table none.
  const loose = await run('<table class="tr-caption-container">游离文字<tr><td><img src="https://i.example/t.jpg"></td></tr><tr><td class="tr-caption">说明文字</td></tr></table>')
  assert.is(loose.markdown, frame + '游离文字\n\n![说明文字](https://i.example/t.jpg)\n\n*说明文字*\n\n' + end)
  const rows = () => [h('tr', [h('td', [h('img', {src: 'https://i.example/t.jpg'})])]), h('tr', [h('td.tr-caption', '说明文字')])]
  assert.is(captionTableFigure(h('table.tr-caption-container', rows()))?.tagName, 'figure')
  assert.is(captionTableFigure(h('table.tr-caption-container', ['游离文字', ...rows()])), undefined)
})

test('media edges (players): Brightcove without `data-player`/`data-embed` is the default player; a protocol-relative lazy player; a poster box, and one holding a frame', async function () {
  for (const attributes of ['', ' data-player=" " data-embed=""']) {
    const out = await run('<video-js data-account="1234567"' + attributes + ' data-video-id="987"></video-js>')
    assert.is(out.markdown, frame + '[视频（players.brightcove.net）](https://players.brightcove.net/1234567/default_default/index.html?videoId=987)\n\n' + end, attributes)
  }
  const relative = await run('<div class="rll-youtube-player" data-src="//www.youtube.com/embed/abc123"></div>')
  assert.is(relative.markdown, frame + '[视频（youtube.com）](https://www.youtube.com/embed/abc123)\n\n' + end)
  const poster = await run('<div data-video-url="https://v.example/clip.mp4"><img src="https://i.example/poster.jpg" alt="海报"><button>播放</button></div>')
  assert.is(poster.markdown, frame + '![海报](https://i.example/poster.jpg)\n\n[视频（v.example）](https://v.example/clip.mp4)\n\n' + end)
  // A frame in the box is the player: the box's URL is not written after the poster as well.
  const framed = await run('<div data-video-url="https://v.example/clip.mp4"><img src="https://i.example/poster.jpg" alt="海报"><iframe src="https://www.youtube.com/embed/xyz"></iframe></div>')
  assert.is(framed.markdown, frame + '![海报](https://i.example/poster.jpg)\n\n[视频（youtube.com）](https://www.youtube.com/embed/xyz)\n\n' + end)
})

test('media edges (noscript players): a `<noscript>` video pairs with a player, never with a poster image: a copy of a player with a source goes, a player without one is replaced', async function () {
  const copy = await run('<video controls><source src="https://v.example/a.mp4"></video><noscript><video src="https://v.example/a.mp4"></video></noscript>')
  assert.is(copy.markdown, frame + '[视频（v.example）](https://v.example/a.mp4)\n\n' + end)
  assert.equal(copy.removals, [])
  const placeholder = await run('<video preload="none"><track kind="captions"></video><noscript><audio src="https://v.example/b.mp3"></audio></noscript>')
  assert.is(placeholder.markdown, frame + '[音频（v.example）](https://v.example/b.mp3)\n\n' + end)
  assert.equal(placeholder.removals, [])
  const poster = await run('<div class="video"><img src="https://i.example/poster.jpg" alt="海报"><noscript><video><source src="https://v.example/c.mp4"></video></noscript></div>')
  assert.is(poster.markdown, frame + '![海报](https://i.example/poster.jpg)\n\n[视频（v.example）](https://v.example/c.mp4)\n\n' + end)
})

test('media edges (social boxes): a wrapper with elements or no URL, and a box the script filled are left as they are', async function () {
  const linked = await run('<div class="wp-block-embed__wrapper"><a href="https://x.example/post/1">帖子链接</a></div>')
  assert.is(linked.markdown, frame + '[帖子链接](https://x.example/post/1)\n\n' + end)
  const words = await run('<div class="wp-block-embed__wrapper">这里不是网址</div>')
  assert.is(words.markdown, frame + '这里不是网址\n\n' + end)
  const filled = await run('<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/ABC/"><p>帖子的文字已经写在里面</p></blockquote>')
  assert.is(filled.markdown, frame + '> 帖子的文字已经写在里面\n\n' + end)
  const pictured = await run('<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@u/video/1"><img src="https://i.example/tt.jpg" alt="抖音"></blockquote>')
  assert.is(pictured.markdown, frame + '> ![抖音](https://i.example/tt.jpg)\n\n' + end)
  const tweet = await run('<blockquote class="twitter-tweet"><p>推文的文字</p>— 某人 <a href="https://twitter.com/u/status/1">2024年3月1日</a></blockquote>')
  assert.ok(tweet.markdown.startsWith(frame + '> 推文的文字'), tweet.markdown)
  const empty = await run('<div class="fb-post" data-href="https://www.facebook.com/u/posts/1"></div>')
  assert.is(empty.markdown, frame + '[嵌入内容（facebook.com）](https://www.facebook.com/u/posts/1)\n\n' + end, 'the empty box, for contrast, is a link')
})

test('media edges (social boxes): an emptied box naming no post, an unsafe one or one left relative (no base) is removed and counted, never lost silently', async function () {
  const none = await run('<div class="fb-post"></div><blockquote class="twitter-tweet"><p> </p><a name="t"> </a></blockquote>')
  assert.is(none.markdown, frame + end)
  assert.equal(none.removals, ['embed no-source div.fb-post (no source)', 'embed no-source blockquote.twitter-tweet (no source)'])
  assert.is(none.rules.filter((rule) => rule === 'dropped-embed').length, 2)
  const unsafe = await run('<div class="fb-video" data-href="javascript:alert(1)"></div>')
  assert.is(unsafe.markdown, frame + end)
  assert.equal(unsafe.removals, ['embed unsafe-url div.fb-video javascript:alert(1)'])
  assert.ok(unsafe.rules.includes('unsafe-url'))
  // Resolved against the page URL when there is one; else it names nothing a reader can open.
  const resolved = await run('<div class="fb-post" data-href="/posts/1"></div>')
  assert.is(resolved.markdown, frame + '[嵌入内容（news.example）](https://news.example/posts/1)\n\n' + end)
  const file = await convert(page('<div class="fb-post" data-href="/posts/1"></div>'))
  assert.ok(String(file).endsWith(frame + end), String(file))
  assert.equal(
    (file.data.removals || []).map((removal) => removal.rule + ' ' + removal.sample),
    ['relative-url /posts/1']
  )
  assert.ok(file.messages.some((message) => message.ruleId === 'dropped-embed'))
})

test('media edges (social boxes): an emptied quote naming no post gives the first link left inside it, blank ones and anchors skipped', function () {
  const box = (html: string) => socialBoxUrl(select('blockquote', fromHtml(html, {fragment: true}))!)
  assert.is(box('<blockquote class="twitter-tweet"><a name="t"> </a><a href="  "></a>\n<div><a href=" https://t.example/1 "></a></div></blockquote>'), 'https://t.example/1')
  assert.is(box('<blockquote class="twitter-video"><a name="t"></a></blockquote>'), '')
  assert.is(box('<blockquote class="instagram-media" data-instgrm-permalink=" "><a href="https://i.example/p/2/"></a></blockquote>'), 'https://i.example/p/2/')
})

test.run()
