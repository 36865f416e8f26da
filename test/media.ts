import fs from 'node:fs'
import {socialBoxUrl} from '../lib/media/social-box.js'
import type {Root} from 'hast'
import {VFile} from 'vfile'
import {normalizeMedia, quietSubtreesPart} from '../lib/plugins/rehype-normalize-media.js'
import {normalizeStructurePart} from '../lib/plugins/rehype-normalize-structure.js'
import {noscriptSitesPart} from '../lib/media/noscript.js'
import {figureHintsPart} from '../lib/media/caption.js'
import {captionSitesPart} from '../lib/media/caption-shortcode.js'
import {walkParts} from '../lib/util/walk.js'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {convert, rehypeNormalizeMedia} from '../index.js'
import {embedKind, nonContent} from '../lib/media/embed-kind.js'
import {labelLanguage} from '../lib/media/embed-label.js'
import {isPlaceholder, largestFromSrcset} from '../lib/media/image-source.js'
import {backgroundImageUrl} from '../lib/media/css-background.js'
import {isCompanionPath} from '../lib/media/saved-page.js'
import {h} from 'hastscript'

const page = (body: string, head = '') => '<html><head>' + head + '</head><body><h2>标题</h2><div class="entry">' + body + '</div><div class="postfooter"></div></body></html>'
const body = async (html: string, options = {}) => String(await convert(html, options)).replace(/^---\n[\s\S]*?\n---\n\n/, '')

test('media: lazy images take the real source', async function () {
  const gif = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='
  assert.is(await body(page('<p><img src="' + gif + '" data-src="https://i.example/a.jpg" alt="甲"></p>')), '![甲](https://i.example/a.jpg)\n')
  assert.is(await body(page('<p><img src="' + gif + '" data-original="/b.jpg" alt="乙"></p>'), {url: 'https://news.example/x/1.html'}), '![乙](https://news.example/b.jpg)\n')
  assert.is(await body(page('<p><img src="' + gif + '" srcset="https://i.example/s.jpg 300w, https://i.example/l.jpg 1200w" alt="丙"></p>')), '![丙](https://i.example/l.jpg)\n')
})

test('media: relative URLs resolve against `<base href>` before the canonical URL', async function () {
  const head = '<base href="https://cdn.example/base/"><link rel="canonical" href="https://news.example/a/1.html">'
  const out = await body(page('<p><a href="next.html">下一篇</a><img src="p.png" alt="图"></p>', head))
  assert.is(out, '[下一篇](https://cdn.example/base/next.html)![图](https://cdn.example/base/p.png)\n')
})

test('media: unsafe URLs are dropped, their text kept', async function () {
  const file = await convert(
    page('<p><a href="jav&#x61;script:alert(1)">甲</a><a href=" JaVaScRiPt:alert(1)">乙</a><a href="vbscript:x">丙</a><a href="data:text/html,x">丁</a><img src="javascript:x" alt="戊"></p>')
  )
  const out = String(file)
  assert.match(out, '甲乙丙丁')
  assert.not.match(out, /javascript|vbscript|data:|\]\(/i)
  assert.ok(file.messages.filter((m) => m.ruleId === 'unsafe-url').length >= 5)
})

test('media: `data:` images only with `allowDataImages`', async function () {
  const html = page('<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="小图"></p><p>正文。</p>')
  assert.not.match(await body(html), 'data:')
  assert.match(await body(html, {allowDataImages: true}), '![小图](data:image/png;base64,iVBORw0KGgo=)')
})

test('media: anchors without a target are unwrapped, empty ones dropped', async function () {
  assert.is(await body(page('<p><a name="top"></a>前<a>中</a>后<a href="#x">跳</a></p>')), '前中后跳\n')
})

test('media: figures keep the caption right after the image', async function () {
  const out = await body(page('<figure><img src="https://i.example/f.jpg"><figcaption>说明 文字</figcaption></figure>'))
  assert.is(out, '![说明 文字](https://i.example/f.jpg)\n\n*说明 文字*\n')
})

test('media: a caption-only figure is an emphasised line and an info message', async function () {
  const file = await convert(page('<figure><figcaption>只有说明</figcaption></figure><p>正文。</p>'))
  assert.match(String(file), '*只有说明*\n\n正文。')
  assert.ok(file.messages.some((m) => m.ruleId === 'figure-without-image'))
})

test('media: video iframes become links, `srcdoc` iframes go', async function () {
  const out = await body(page('<p>前</p><iframe src="https://www.youtube.com/embed/abc" title="视频"></iframe><iframe srcdoc="<script>x</script>"></iframe>'))
  assert.is(out, '前\n\n[视频](https://www.youtube.com/embed/abc)\n')
})

test('media: placeholders are never taken for images', function () {
  for (const value of [
    'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
    "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%3E%3C/svg%3E",
    '/img/blank.gif',
    'https://x.example/lazy-placeholder.png',
    'spacer.gif',
    'https://x.example/i/1x1.png?v=2',
    'about:blank',
    ''
  ])
    assert.ok(isPlaceholder(value), value)
  for (const value of ['https://x.example/photo.jpg', '/2021/09/pixel-art.png', 'https://x.example/blankets.jpg']) assert.not.ok(isPlaceholder(value), value)
})

test('media: `srcset` is parsed as the standard says (commas inside URLs)', function () {
  assert.is(largestFromSrcset('https://i.example/c_fill,w_400/a.jpg 400w, https://i.example/c_fill,w_1600/a.jpg 1600w'), 'https://i.example/c_fill,w_1600/a.jpg')
  assert.is(largestFromSrcset('/a.jpg, /a@2x.jpg 2x'), '/a@2x.jpg')
  assert.is(largestFromSrcset('data:image/gif;base64,R0lGODlhAQABAAAAACw= 1x'), undefined)
})

test('media: embeds are classified by host and path', function () {
  assert.is(nonContent('https://securepubads.g.doubleclick.net/gampad/ads?x=1'), 'ad')
  assert.is(nonContent('https://www.facebook.com/tr?id=1&ev=PageView'), 'tracker')
  assert.is(nonContent('https://www.facebook.com/plugins/like.php?href=x'), 'share-widget')
  assert.is(nonContent('https://www.facebook.com/plugins/post.php?href=x'), undefined)
  assert.is(nonContent('https://www.youtube.com/embed/x'), undefined)
  assert.is(embedKind('https://www.facebook.com/plugins/video.php?href=x'), 'video')
  assert.is(embedKind('https://datawrapper.dwcdn.net/AbC12/1/'), 'chart')
  assert.is(embedKind('https://www.google.com/maps/embed?pb=1'), 'map')
  assert.is(embedKind('https://www.google.com/search?q=1'), 'other')
  assert.is(embedKind('https://cdn.example/audio/episode-4.mp3'), 'audio')
})

test('media: labels follow the article script (Simplified, Traditional, else English)', function () {
  assert.is(labelLanguage('这是一个关于古镇修复的报道，记者来到现场。'), 'zh-Hans')
  assert.is(labelLanguage('這是一個關於古鎮修復的報導，記者來到現場。'), 'zh-Hant')
  assert.is(labelLanguage('The mayor said 北京 was not on the list of cities visited this year.'), 'en')
  assert.is(labelLanguage('12345'), 'en')
})

test('media: `<noscript>` as raw text (parsed with scripting on) replaces its placeholder once', async function () {
  const processor = unified().use(rehypeParse).use(rehypeNormalizeMedia).use(rehypeRemark).use(remarkStringify)
  const html =
    '<p><img class="lazy" alt="甲"><noscript><img src="https://i.example/a.jpg"></noscript></p>' +
    '<p><img data-src="https://i.example/b.jpg" alt="乙"><noscript><img src="https://i.example/b.jpg" alt="乙"></noscript></p>' +
    '<div class="lazy"><noscript><p>Enable JavaScript</p><img src="https://i.example/c.jpg" alt="丙"></noscript></div>'
  const out = String(await processor.process(html))
  assert.is(out, '![甲](https://i.example/a.jpg)\n\n![乙](https://i.example/b.jpg)\n\n![丙](https://i.example/c.jpg)\n')
})

test('media: every image or embed dropped is recorded with its URL and rule', async function () {
  const file = await convert(
    page(
      '<p>正文第一段。</p><p><img class="lazy" alt="无源"><img src="javascript:x" alt="危险"><img src="https://i.example/p.gif" width="1" height="1"></p>' +
        '<iframe srcdoc="<p>x</p>"></iframe><iframe src="https://googleads.g.doubleclick.net/pagead/ads?x"></iframe><video><source src="vbscript:x"></video><p>正文第二段。</p>'
    )
  )
  const removals = (file.data.removals || []).map((removal) => removal.kind + ' ' + removal.rule + ' ' + removal.sample)
  assert.equal(removals, [
    'image no-source alt “无源”',
    'image unsafe-url javascript:x',
    'embed tracker-pixel https://i.example/p.gif',
    'embed srcdoc (no source)',
    'embed ad-embed https://googleads.g.doubleclick.net/pagead/ads?x',
    'embed unsafe-url vbscript:x'
  ])
  assert.ok(file.messages.some((message) => message.ruleId === 'dropped-image'))
  assert.ok(file.messages.some((message) => message.ruleId === 'dropped-embed'))
})

test('media: a link around a captioned figure goes onto its image', async function () {
  const out = await body(page('<a href="https://i.example/big.jpg"><div class="wp-caption"><img src="https://i.example/s.jpg" alt="图"><p class="wp-caption-text">图片说明</p></div></a><p>正文。</p>'))
  assert.is(out, '[![图](https://i.example/s.jpg)](https://i.example/big.jpg)\n\n*图片说明*\n\n正文。\n')
})

test('media: a figure keeps everything it shows, not only its images', async function () {
  const out = await body(page('<figure><blockquote><p>引语内容。</p></blockquote><figcaption>某人</figcaption></figure><p>正文。</p>'))
  assert.is(out, '> 引语内容。\n\n*某人*\n\n正文。\n')
})

test('media: `<object>` with `<param name=movie>` and an inner `<embed>` is one link', async function () {
  const out = await body(page('<p>正文。</p><object><param name="movie" value="https://www.youtube.com/v/abc"><embed src="https://www.youtube.com/v/abc"></object>'))
  assert.is(out, '正文。\n\n[视频（youtube.com）](https://www.youtube.com/v/abc)\n')
})

test('media: images in blocks removed by cleaning are recorded with the block’s rule', async function () {
  const prose = 'The council met on Tuesday evening and voted on the budget for the coming year, after a long debate. '.repeat(4)
  const file = await convert(
    '<html><body><article><h1>Budget vote in the town hall</h1><p>' +
      prose +
      '</p>' +
      '<div class="share-bar"><a href="https://facebook.com/sharer"><img src="https://cdn.example/icons/facebook.png" alt="Facebook"></a></div>' +
      '<p style="display:none"><img src="https://cdn.example/hidden.jpg" alt="Hidden"></p><p>' +
      prose +
      '</p></article></body></html>'
  )
  const removals = (file.data.removals || []).filter((removal) => removal.kind !== 'text').map((removal) => removal.rule + ' ' + removal.sample)
  assert.equal(removals, ['boilerplate https://cdn.example/icons/facebook.png', 'hidden https://cdn.example/hidden.jpg'])
})

test('media: a header block classed `caption` (headline, byline) is no caption', async function () {
  const prose = 'The route planner now shows points of interest along the way, the company said on Wednesday. '.repeat(4)
  const file = await convert(
    '<html><body><div class="article"><div class="image"><img src="https://cdn.example/hero.jpg" alt="Hero"><div class="copyright">Photo agency</div></div>' +
      '<div class="caption"><h2 class="title">Maps now show more places</h2><ul class="author"><li>Stefan Example</li></ul></div><p>' +
      prose +
      '</p><p>' +
      prose +
      '</p></div></body></html>'
  )
  assert.is(file.data.article && file.data.article.author, 'Stefan Example')
})

test('media: protocol-relative sources without a page URL become `https:`', async function () {
  const out = await body(page('<p>正文。</p><p><iframe src="//player.bilibili.com/player.html?bvid=BV1"></iframe></p><p><img src="//i.example/a.jpg" alt="图"></p>'))
  assert.is(out, '正文。\n\n[视频（player.bilibili.com）](https://player.bilibili.com/player.html?bvid=BV1)\n\n![图](https://i.example/a.jpg)\n')
})

test('media: `&` in link and image URLs is written `&amp;` (kramdown has no `\\&`), and parses back to `&`', async function () {
  const out = await body(page('<p>正文：<a href="https://x.example/?a=1&amp;b=2">链接</a>，<img src="https://i.example/a.jpg?w=800&amp;h=600" alt="图">。</p>'))
  assert.is(out, '正文：[链接](https://x.example/?a=1&amp;b=2)，![图](https://i.example/a.jpg?w=800&amp;h=600)。\n')
  const urls: Array<string> = []
  const tree = unified().use(remarkParse).parse(out)
  const walk = (node: {type: string; url?: string; children?: Array<unknown>}) => {
    if (node.url) urls.push(node.url)
    for (const child of node.children || []) walk(child as typeof node)
  }
  walk(tree)
  assert.equal(urls, ['https://x.example/?a=1&b=2', 'https://i.example/a.jpg?w=800&h=600'])
})

test('spacing: a line break between CJK characters leaves no space', async function () {
  assert.is(await body(page('<p>第一行\n  第二行<b>加粗</b>\n继续，English\nwords 与\n中文</p>')), '第一行第二行**加粗**继续，English words 与中文\n')
})

test('spacing: spaces typed on one line are kept', async function () {
  assert.is(await body(page('<p>武汉疫情中被失踪  美国议员</p>')), '武汉疫情中被失踪 美国议员\n')
})

test('media: a `<noscript>` image replaces its lazy placeholder wherever the placeholder sits', async function () {
  const gif = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'
  const page = (body: string) =>
    '<html><head><title>T</title></head><body><article><h1>T</h1><div class="entry-content"><p>Lead paragraph with enough words to be the article text here.</p>' +
    body +
    '<p>Closing paragraph with enough words to be the article text too.</p></div></article></body></html>'
  const cases: Array<[string, string, string]> = [
    ['after the <noscript>', '<p><noscript><img src="https://n.example/after.jpg" alt="after"></noscript><img src="' + gif + '" data-src="" alt="after"></p>', '![after](https://n.example/after.jpg)'],
    [
      'inside the element before it',
      '<figure><a href="https://n.example/big.jpg"><img src="' + gif + '" alt="w"></a><noscript><img src="https://n.example/wrapped.jpg" alt="w"></noscript></figure>',
      '[![w](https://n.example/wrapped.jpg)](https://n.example/big.jpg)'
    ],
    ['behind a comment', '<p><img src="' + gif + '" alt="c"><!-- lazy --> <noscript><img src="https://n.example/commented.jpg" alt="c"></noscript></p>', '![c](https://n.example/commented.jpg)'],
    [
      'a frame',
      '<p><iframe src="about:blank" data-src="" width="560"></iframe><noscript><iframe src="https://www.youtube.com/embed/abc123"></iframe></noscript></p>',
      '[Video (youtube.com)](https://www.youtube.com/embed/abc123)'
    ],
    ['none: the <noscript> image stays in place', '<p>Text <noscript><img src="https://n.example/orphan.jpg" alt="o"></noscript> more text.</p>', 'Text ![o](https://n.example/orphan.jpg) more text.']
  ]
  for (const [name, body, expected] of cases) {
    const markdown = String(await convert(page(body)))
    assert.ok(markdown.includes('\n' + expected + '\n'), name + ':\n' + markdown)
    assert.not.match(markdown, 'data:image', name)
    assert.is(markdown.split('](https://n.example/').length + markdown.split('](https://www.youtube.com/').length - 2, 1 + (name.startsWith('inside') ? 1 : 0), name + ': one image (and its link)')
  }
  // An AMP image keeps its own source; its `<noscript>` fallback is not a second image.
  const amp = String(
    await convert(page('<p><amp-img src="https://n.example/amp.jpg" width="4" height="3" layout="responsive"><noscript><img src="https://n.example/amp-fallback.jpg"></noscript></amp-img></p>'))
  )
  assert.match(amp, '![](https://n.example/amp.jpg)')
  assert.not.match(amp, 'amp-fallback')
  // Text between the placeholder and the <noscript>: no partner, but the real image is kept, once.
  const apart = String(await convert(page('<p><img src="' + gif + '" alt="t"> words <noscript><img src="https://n.example/between.jpg" alt="t"></noscript></p>')))
  assert.match(apart, 'words ![t](https://n.example/between.jpg)')
  assert.is(apart.split('between.jpg').length, 2)
})

test('media: a CSS background is a content image unless it is decoration', function () {
  const div = (style: string, properties: Record<string, string> = {}, tag = 'div') => backgroundImageUrl(h(tag, {style, ...properties}))
  assert.is(div('background-image: url("/a/photo.jpg"); background-size: cover'), '/a/photo.jpg')
  assert.is(div("background: #000 url('https://i.example/b.jpg') no-repeat center / cover"), 'https://i.example/b.jpg')
  assert.is(div('', {'data-bg': 'url(https://i.example/hero.jpg)'}), 'https://i.example/hero.jpg')
  assert.is(div('background-image:url(/blank.gif)', {'data-background-image': 'https://i.example/real.jpg'}), 'https://i.example/real.jpg')
  // Decoration: gradients, tiles, sprites, icons, inline elements, hidden, placeholders, unparseable styles.
  assert.is(div('background-image: linear-gradient(red, blue)'), undefined)
  assert.is(div('background: url(/p.png) repeat-x'), undefined)
  assert.is(div('background-image: url(/s.png); background-position: -20px -40px'), undefined)
  assert.is(div('background-image: url(/i.png); width: 24px; height: 24px'), undefined)
  assert.is(div('background-image: url(/i.png); background-size: 16px 16px'), undefined)
  assert.is(div('background-image: url(/i.png)', {}, 'span'), undefined)
  assert.is(div('background-image: url(/i.png)', {'aria-hidden': 'true'}), undefined)
  assert.is(div('background-image: url(/loading.gif)'), undefined)
  assert.is(div('background-image: url('), undefined)
})

test('media: inline SVG charts are reported, icons are not, a framed photo is kept', async function () {
  const chart = await convert(page('<p>正文第一段，内容足够长。</p><svg viewBox="0 0 400 200"><title>年度数据</title><rect width="10" height="10"></rect></svg>'))
  assert.equal(
    chart.messages.filter((message) => message.ruleId === 'dropped-image').map((message) => message.reason),
    ['Removed image `“年度数据”, 400×200 (inline SVG)` from inside the article (`svg`, rule `inline-svg`)']
  )
  const icons = await convert(
    page('<p>正文<svg width="16" height="16"><title>分享</title><path d="M0 0"></path></svg>第一段<svg aria-hidden="true" width="300" height="300"></svg><svg><use href="#i"></use></svg></p>')
  )
  assert.equal(
    icons.messages.filter((message) => message.ruleId === 'dropped-image'),
    []
  )
  assert.is(await body(page('<svg width="600" height="400"><image href="https://i.example/p.jpg"></image></svg>')), '![](https://i.example/p.jpg)\n')
})

test('media: companion-folder paths of saved pages', function () {
  for (const value of ['Page_files/Tweet.html', './Page_files/a.html', '../x/Seite-Dateien/karte.html', 'Page_fichiers/a.html', 'file:///C:/Users/a/Page_files/t.html', 'Page%20x_files/t.html']) {
    assert.ok(isCompanionPath(value), value)
  }
  for (const value of ['https://site.example/my_files/a.pdf', '/uploads_files/a.html', '_files/a.html', 'files/a.html', '#fn1', 'page.html']) {
    assert.not.ok(isCompanionPath(value), value)
  }
})

test('media: relative images on a page with no URL of its own stay relative (a `<base href>` at a `file:` folder is no base), reported, never dropped', async function () {
  // Not a fixture: Astro (test/generators.ts builds every fixture) stops on a relative image whose file is missing.
  const file = await convert(
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Ferry timetable changes from June</title>\n<base href="file:///home/editor/site-build/news/">\n<meta name="author" content="Ines Okafor">\n<meta property="article:published_time" content="2025-05-20T09:00:00+02:00"></head>\n<body>\n<article>\n<h1>Ferry timetable changes from June</h1>\n<p>The island ferry will leave half an hour earlier on weekdays from the first of June, the operator said, so that commuters can reach the mainland trains.</p>\n<p><img src="img/ferry-dock.jpg" alt="The ferry at the north dock"></p>\n<p>Weekend sailings stay as they are. A second boat will run in July and August, when the number of visitors doubles.</p>\n<figure><img srcset="../media/map-600.png 600w, ../media/map-1200.png 1200w" src="../media/map-600.png" alt="Map of the new route"><figcaption>The new route avoids the shallow channel.</figcaption></figure>\n<p>Tickets bought before the change remain valid, and season passes will be extended by a week to make up for the disruption.</p>\n</article>\n</body></html>\n'
  )
  const out = String(file)
  assert.ok(out.includes('![The ferry at the north dock](img/ferry-dock.jpg)'), out)
  assert.ok(out.includes('![Map of the new route](../media/map-1200.png)\n\n*The new route avoids the shallow channel.*'), out)
  assert.not.ok(out.includes('file:'), out)
  const rules = file.messages.map((message) => message.ruleId)
  assert.ok(rules.includes('relative-urls-unresolved'))
  assert.not.ok(rules.includes('dropped-image') || rules.includes('unsafe-url'), rules.join(', '))
})

test('media: the visit passing over quiet subtrees leaves the tree, messages and data as the whole visit does', function () {
  /** The structure walk with the media's sites, then `normalizeMedia`; with or without quiet subtrees passed over. */
  const run = (html: string, quietly: boolean) => {
    const file = new VFile(html)
    const tree = unified().use(rehypeParse).parse(file) as Root
    const noscripts = noscriptSitesPart()
    const figures = figureHintsPart()
    const captions = captionSitesPart()
    const quiet = quietSubtreesPart()
    walkParts(tree, [normalizeStructurePart(), {listener: noscripts.listener}, {listener: figures.listener}, {listener: captions.listener}, {listener: quiet.listener}])
    let passed = 0
    const count = (node: Root | Root['children'][number]) => {
      if (node.type === 'element' && quiet.subtrees.quiet.has(node)) passed++
      if ('children' in node) for (const child of node.children) count(child)
    }
    count(tree)
    const sites = {noscripts: noscripts.parents(), figures: figures.hints, captions: captions.sites(), quiet: quietly ? quiet.subtrees : undefined}
    normalizeMedia(tree, file, {url: 'https://news.example/a/1.html'}, sites)
    const out = JSON.stringify(tree, (key, value) => (key === 'position' ? undefined : value))
    return {out: out + JSON.stringify(file.messages.map(String)) + JSON.stringify(file.data), passed}
  }
  // Each thing the visit acts on, inside elements that hold nothing else.
  const made = [
    '<p><img src="https://coastline-weekly.example/wp-content/uploads/2024/06/band-60x40.jpg" alt="Band"><span>Between</span><img src="https://coastline-weekly.example/wp-content/uploads/2024/06/band.jpg" alt="Band"></p>',
    '<p><img src="https://coastline-weekly.example/wp-content/uploads/2024/06/band-60x40.jpg" alt="Band"><span> </span><img src="https://coastline-weekly.example/wp-content/uploads/2024/06/band.jpg" alt="Band"></p>',
    '<p><img src="https://coastline-weekly.example/wp-content/uploads/2024/06/band-60x40.jpg" alt="Band"><a href="/band"><b>The band</b></a><img src="https://coastline-weekly.example/wp-content/uploads/2024/06/band.jpg" alt="Band"></p>',
    '<div><a href="/card"><span><div><table><tr><td>Cell</td></tr></table></div></span></a></div>',
    '<div><div><span role="img" aria-label="Quay" style="background-image:url(https://i.example/q.jpg)"></span></div></div>',
    '<div><p><img src="https://i.example/m.jpg"></p><p><span class="img_descr">The mill at dusk</span></p></div>',
    '<div><div class="rll-youtube-player" data-src="https://www.youtube.com/embed/abc123"></div></div>',
    '<p>Before [caption id="a1" align="alignnone"]<img src="https://i.example/c.jpg"> The old mill[/caption] after</p>',
    '<div><a href="/story"><div><ul><li>One</li><li>Two</li></ul></div></a></div>',
    '<div><div class="wp-caption"><img src="https://i.example/w.jpg"><p class="wp-caption-text">Harbour</p></div></div>',
    '<div><div class="wp-caption"><span>Only words, no picture</span></div></div>',
    '<div><span><svg viewBox="0 0 10 10"><image href="https://i.example/s.jpg"></image></svg></span></div>',
    '<div><section><p>Plain text only, <b>bold</b> and <i>italic</i>.</p></section><noscript><img src="https://i.example/n.jpg"></noscript></div>',
    '<p>Read <a href="/z">\u200b</a> and <a href="/w"><b>\u200b</b> </a> or <a href="/v"> <i>the words</i></a> and <a href="/u" title="Same">Same</a>.</p>'
  ]
  const pages = made.map((body) => '<html><body><article><h1>Quay</h1>' + body + '<p>Last words of the piece.</p></article></body></html>')
  for (const name of fs.readdirSync(new URL('../fixtures', import.meta.url))) {
    if (name.startsWith('media-') || name.startsWith('core-')) pages.push(fs.readFileSync(new URL('../fixtures/' + name + '/input.html', import.meta.url), 'utf8'))
  }
  let passed = 0
  for (const [at, html] of pages.entries()) {
    const whole = run(html, false)
    const quiet = run(html, true)
    assert.is(quiet.out, whole.out, 'page ' + at)
    passed += quiet.passed
  }
  assert.ok(passed > 0, 'some subtrees passed over: ' + passed)
})

test('media: caption lines keep text-level elements without blocks inside, and break at blocks inside them', async function () {
  const lines = async (caption: string) => {
    const html =
      '<html><body><article><h1>Quay</h1><p>Words of the article that are long enough.</p><figure><img src="https://i.example/a.jpg">' + caption + '</figure><p>More words.</p></article></body></html>'
    const out = String(await convert(html)).replace(/^---[\s\S]*?---\n/, '')
    return out.split('\n').filter((line) => line.startsWith('*'))
  }
  assert.equal(await lines('<figcaption><span>Lead <b>bold</b> <i>it</i><br>next <!-- c --></span> tail</figcaption>'), ['*Lead **bold** it next tail*'])
  assert.equal(await lines('<figcaption><span>One<div>Two <b>x</b></div></span><a href="https://e.example/c">Credit <em>P</em></a></figcaption>'), [
    '*One*',
    '*Two __x__*',
    '*[Credit P](https://e.example/c)*'
  ])
  assert.equal(await lines('<figcaption><b>Kept <span>inner <i>em</i><br><u>u<p>block</p></u></span></b> after</figcaption>'), ['*Kept inner em u*', '*block*', '*after*'])
  assert.equal(await lines('<figcaption><small><sup>1</sup> note <font>f<b>b</b></font></small></figcaption>'), ['*¹ note f**b***'])
})

test('media: a Bluesky box names a post only by an `at:` URI of a post, read as its `bsky.app` address', function () {
  const box = (uri: string) => socialBoxUrl({type: 'element', tagName: 'blockquote', properties: {className: ['bluesky-embed'], dataBlueskyUri: uri}, children: []})
  assert.is(box('at://did:plc:abc/app.bsky.feed.post/3kx'), 'https://bsky.app/profile/did:plc:abc/post/3kx')
  for (const uri of [
    'at:///app.bsky.feed.post/3kx',
    'at://did:plc:abc',
    'at://did:plc:abc/app.bsky.feed.post/',
    'at://did:plc:abc/app.bsky.feed.post/3kx/more',
    'at://did plc/app.bsky.feed.post/3kx',
    'at://did:plc:abc/app.bsky.feed.post/3k?x',
    'at://did:plc:abc/app.bsky.graph.list/3kx',
    // Longer than any post's URI (a DID of 2,048 characters at most, a record key of 512).
    'at://did:plc:' + 'a'.repeat(2700) + '/app.bsky.feed.post/3kx',
    // Longer than any post's address: names none.
    'https://bsky.app/profile/x/post/' + 'a'.repeat(9000)
  ]) {
    assert.is(box(uri), '', uri)
  }
})

test.run()
