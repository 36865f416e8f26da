import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {convert} from '../index.js'

const page = (body: string, head = '') =>
  '<html><head>' + head + '</head><body><h2>标题</h2><div class="entry">' + body + '</div><div class="postfooter"></div></body></html>'
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
  const file = await convert(page('<p><a href="jav&#x61;script:alert(1)">甲</a><a href=" JaVaScRiPt:alert(1)">乙</a><a href="vbscript:x">丙</a><a href="data:text/html,x">丁</a><img src="javascript:x" alt="戊"></p>'))
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

test('spacing: a line break between CJK characters leaves no space', async function () {
  assert.is(await body(page('<p>第一行\n  第二行<b>加粗</b>\n继续，English\nwords 与\n中文</p>')), '第一行第二行**加粗**继续，English words 与中文\n')
})

test('spacing: spaces typed on one line are kept', async function () {
  assert.is(await body(page('<p>武汉疫情中被失踪  美国议员</p>')), '武汉疫情中被失踪 美国议员\n')
})

test.run()
