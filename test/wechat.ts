import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {fromHtml} from 'hast-util-from-html'
import {indexPage} from '../lib/analyse/page-index.js'
import {isWeChatPage, readWeChat} from '../lib/analyse/meta/wechat.js'
import {mayBeWeChat, revealWeChatText} from '../lib/analyse/wechat-text.js'
import {select} from '../lib/util/select.js'

const page = (head: string, meta: string, script: string, body = '<body>') =>
  fromHtml(
    `<!doctype html><html><head>${head}</head>${body}<h1 id="activity-name">标题</h1><div id="meta_content">${meta}</div><div id="js_content" style="visibility: hidden;"><p>正文。</p></div><script>${script}</script></body></html>`
  )

test('wechat: a page is WeChat’s by its address or its markup', () => {
  const byAddress = page('<meta property="og:url" content="http://mp.weixin.qq.com/s?__biz=x">', '', '')
  assert.ok(isWeChatPage(indexPage(byAddress), byAddress))
  const copy = page('', '<a id="js_name">某某观察</a><em id="publish_time"></em>', '')
  assert.ok(isWeChatPage(indexPage(copy), copy))
  const other = page('<meta property="og:url" content="https://news.example/a.html">', '<em id="publish_time">2024-03-05</em>', '')
  assert.not.ok(isWeChatPage(indexPage(other), other))
})

test('wechat: writer, account and the instant in the script', () => {
  const tree = page(
    '',
    '<span class="rich_media_meta rich_media_meta_text">原创</span><span class="rich_media_meta rich_media_meta_text">李明</span><a id="js_name"> 城市观察笔记 </a><span id="meta_content_hide_info"><em id="publish_time" class="rich_media_meta rich_media_meta_text"></em><span class="rich_media_meta rich_media_meta_text">隐藏</span></span>',
    'var nickname = "城市观察笔记"; var ct = "1709915400";'
  )
  assert.equal(readWeChat(tree), {writer: '李明', account: '城市观察笔记', date: '2024-03-09T00:30:00+08:00'})
  // `create_time`, a date in the writer's place, no account.
  const other = page('', '<span class="rich_media_meta rich_media_meta_text">2024-03-05</span><em id="publish_time"></em>', 'var create_time = "1709641800" * 1;')
  assert.equal(readWeChat(other), {date: '2024-03-05T20:30:00+08:00'})
  // Without `#meta_content`: the writer beside `#publish_time`; no instant in the scripts.
  const copy = fromHtml('<div class="meta"><span class="rich_media_meta_text">赵子龙</span><em id="publish_time">2024-08-08</em></div><script>var a = 1;</script>')
  assert.equal(readWeChat(copy), {writer: '赵子龙'})
  assert.equal(readWeChat(fromHtml('<p>无</p>')), {})
})

test('wechat: the hidden article text is shown', () => {
  const tree = page('', '', '', '<body id="activity-detail" class="zh_CN wx_wap_page">')
  assert.ok(mayBeWeChat(tree, undefined))
  assert.ok(revealWeChatText(tree))
  assert.is(select('#js_content', tree)?.properties.style, undefined)
  // Other declarations stay; `opacity: 0` hides too.
  const styled = fromHtml('<div id="js_content" style="opacity: 0; color: red"><p>正文。</p></div>')
  assert.ok(revealWeChatText(styled))
  assert.is(select('#js_content', styled)?.properties.style, 'color: red')
  assert.not.ok(revealWeChatText(styled))
  assert.not.ok(revealWeChatText(fromHtml('<p>无</p>')))
  // By the source when the body says nothing.
  const plain = fromHtml('<div id="js_content" class="rich_media_content"></div>')
  assert.ok(mayBeWeChat(plain, '<div id="js_content" class="rich_media_content">'))
  assert.ok(mayBeWeChat(plain, new TextEncoder().encode('<div id="js_content" class="rich_media_content">')))
  assert.not.ok(mayBeWeChat(plain, null))
  assert.not.ok(mayBeWeChat(plain, '<p>js_content</p>'))
  assert.not.ok(mayBeWeChat(fromHtml('<body class="other"><p>x</p></body>'), undefined))
  assert.ok(mayBeWeChat(fromHtml('<body class="zh_CN wx_wap_page"><p>x</p></body>'), undefined))
  assert.not.ok(mayBeWeChat({type: 'root', children: []}, undefined))
})

test.run()
