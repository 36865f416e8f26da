/**
 * Related-article lists in the forms a site profile meets: a selector that
 * looks at siblings (matched by a query, not during the walk), headings
 * from the list's own heading, the heading before it, its `title`, the
 * profile, or none; a list inside another; a list with no usable link; the
 * plugin on its own in a processor (generic profile, a fragment).
 */
import rehypeParse from 'rehype-parse'
import {toString} from 'hast-util-to-string'
import {unified} from 'unified'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {VFile} from 'vfile'
import {convert, rehypeRelatedArticles, validateProfile} from '../index.js'

const story = '<h1 class="headline">标题</h1><div class="story"><p>正文第一段，记者报道了当地的情况，内容足够长。</p><p>第二段。</p>'

async function run(related: {selector: string; heading?: string}, tail: string) {
  const profile = validateProfile({id: 'related-edges', hosts: ['news.example'], content: ['.story'], title: ['h1.headline'], related})
  const file = await convert(story + tail + '</div>', {url: 'https://news.example/2024/story', profiles: [profile]})
  return {body: String(file).replace(/^---\n[\s\S]*?\n---\n\n/, ''), file}
}

const text = '正文第一段，记者报道了当地的情况，内容足够长。\n\n第二段。\n\n'

test('related edges: a selector with a sibling combinator finds its list; the list heading inside it becomes the heading', async function () {
  const {body, file} = await run({selector: '.story > p + div.more'}, '<div class="more"><h3>更多报道</h3><a href="/a/1">第一篇</a> <a href="/a/2">第二篇</a></div>')
  assert.is(body, text + '## 更多报道\n\n- [第一篇](https://news.example/a/1)\n- [第二篇](https://news.example/a/2)\n')
  assert.equal(file.data.related, [
    {title: '第一篇', url: 'https://news.example/a/1'},
    {title: '第二篇', url: 'https://news.example/a/2'}
  ])
})

test('related edges: the heading comes from the heading before the list, else the profile, else there is none', async function () {
  const before = await run({selector: 'ul.rel', heading: '延伸阅读'}, '<h3>相关阅读</h3><ul class="rel"><li><a href="/a/1">第一篇</a></li></ul>')
  assert.is(before.body, text + '## 相关阅读\n\n- [第一篇](https://news.example/a/1)\n', 'the heading before wins over the profile’s, and is not left behind')
  const profile = await run({selector: 'ul.rel', heading: '延伸阅读'}, '<ul class="rel"><li><a href="/a/1">第一篇</a></li></ul>')
  assert.is(profile.body, text + '## 延伸阅读\n\n- [第一篇](https://news.example/a/1)\n')
  const none = await run({selector: 'ul.rel'}, '<ul class="rel"><li><a href="/a/1">第一篇</a></li></ul>')
  assert.is(none.body, text + '- [第一篇](https://news.example/a/1)\n')
})

test('related edges: a list with its own `title` leaves a different heading before it to the article', async function () {
  const {body} = await run({selector: 'ul.rel'}, '<h3>文章小标题</h3><ul class="rel" title="相关"><li><a href="/a/1">第一篇</a></li></ul>')
  assert.is(body, text + '### 文章小标题\n\n## 相关\n\n- [第一篇](https://news.example/a/1)\n')
})

test('related edges: a list inside another matching list is written once, within the outer one', async function () {
  const {body, file} = await run({selector: '.rel'}, '<div class="rel"><ul class="rel"><li><a href="/a/1">第一篇</a></li></ul><a href="/a/2">第二篇</a></div>')
  assert.is(body, text + '- [第一篇](https://news.example/a/1)\n- [第二篇](https://news.example/a/2)\n')
  assert.is(file.data.related?.length, 2)
})

test('related edges: a list with no usable link is removed and reported with the profile’s selector', async function () {
  const {body, file} = await run({selector: 'ul.rel'}, '<ul class="rel"><li>无链接</li></ul>')
  assert.is(body, text.trimEnd() + '\n')
  const message = file.messages.find((message) => message.ruleId === 'related-list-empty')
  assert.ok(message)
  assert.is(message.reason, 'Related list `ul.rel` has no usable links')
})

test('related edges: the plugin alone (no options, no profile) moves the generic list to the end of a fragment', async function () {
  const processor = unified().use(rehypeParse, {fragment: true}).use(rehypeRelatedArticles)
  const file = new VFile('<p>正文</p><ul class="op-related-articles"><li><a href="https://n.example/1">一</a></li></ul><p>尾</p>')
  const tree = await processor.run(processor.parse(file), file)
  assert.equal(
    tree.children.map((child) => (child.type === 'element' ? child.tagName + ':' + toString(child) : child.type)),
    ['p:正文', 'p:尾', 'ul:一'],
    'the list moves to the end of the fragment'
  )
  assert.equal(file.data.related, [{title: '一', url: 'https://n.example/1'}])
})

test.run()
