/**
 * `rehypeRemovePromos` used alone in a processor (no analysis, no profile:
 * the generic one; a tree built in code, without positions), and with a
 * site profile whose `remove` selector looks at siblings (matched by a
 * query, not during the walk) or that only unwraps.
 */
import type {Root} from 'hast'
import {toString} from 'hast-util-to-string'
import {h} from 'hastscript'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {VFile} from 'vfile'
import {convert, rehypeRemovePromos, rehypeResolveProfile, rehypeSelectRoot, validateProfile} from '../index.js'

test('promos edges: the plugin alone removes the generic profile’s promo blocks and clutter, and reports them', async function () {
  const processor = unified().use(rehypeParse, {fragment: true}).use(rehypeRemovePromos)
  const file = new VFile('<p>正文</p><div class="jp-relatedposts"><a href="/x">推广</a></div><script>x()</script><p>尾</p>')
  const tree = await processor.run(processor.parse(file), file)
  assert.is(toString(tree), '正文尾')
  assert.equal(
    file.messages.map((message) => message.ruleId + ': ' + message.reason),
    ['promo-removed: Removed promo block `div.jp-relatedposts`']
  )
  assert.equal(
    (file.data.removals || []).map((removal) => removal.rule + ' ' + removal.element),
    ['profile-remove div.jp-relatedposts']
  )
})

test('promos edges: a tree built in code (no positions) loses its promo blocks the same way', async function () {
  const file = new VFile()
  const tree = (await unified()
    .use(rehypeRemovePromos)
    .run(h(null, [h('p', '正文'), h('div.jp-relatedposts', [h('a', {href: '/x'}, '推广')]), h('p', '尾')]), file)) as Root
  assert.is(toString(tree), '正文尾')
  assert.equal(
    file.messages.map((message) => message.ruleId),
    ['promo-removed']
  )
})

const story =
  '<h1 class="headline">标题</h1><div class="story"><p>正文第一段，记者报道了当地的情况，内容足够长。</p><h2>小标题</h2><p class="promo">订阅我们</p><p class="promo">第二段。</p><p>看 <a class="auto-tag" href="/tag/x">标签</a> 的文章。</p></div>'

async function run(profile: {remove?: Array<string>; unwrap?: Array<string>}) {
  const file = await convert(story, {
    url: 'https://news.example/a',
    profiles: [validateProfile({id: 'promos-edges', hosts: ['news.example'], content: ['.story'], title: ['h1.headline'], ...profile})]
  })
  return {body: String(file).replace(/^---\n[\s\S]*?\n---\n\n/, ''), rules: file.messages.map((message) => message.ruleId + ': ' + message.reason).filter((rule) => /^promo/.test(rule))}
}

test('promos edges: a profile `remove` selector with a sibling combinator removes only the block right after the heading', async function () {
  const out = await run({remove: ['h2 + .promo']})
  assert.is(out.body, '正文第一段，记者报道了当地的情况，内容足够长。\n\n## 小标题\n\n第二段。\n\n看 [标签](https://news.example/tag/x) 的文章。\n')
  assert.equal(out.rules, ['promo-removed: Removed promo block `p.promo`'])
})

test('promos edges: a profile that only unwraps keeps the text of what it unwraps and removes nothing', async function () {
  const out = await run({unwrap: ['a.auto-tag']})
  assert.is(out.body, '正文第一段，记者报道了当地的情况，内容足够长。\n\n## 小标题\n\n订阅我们\n\n第二段。\n\n看 标签 的文章。\n')
  assert.equal(out.rules, [])
})

test('promos edges: cleaning that would empty the root, undone, with the plugin alone: the promo walk runs again over the root as it was', async function () {
  const sentence = (index: number) => '<p>The storm report number ' + index + ' says that the committee met on Tuesday and agreed to publish its findings.</p>'
  const processor = unified().use(rehypeParse).use(rehypeResolveProfile).use(rehypeSelectRoot).use(rehypeRemovePromos)
  const file = new VFile('<html><body><article class="post"><aside class="entry-aside">' + sentence(0) + sentence(1) + sentence(2) + '<script>x()</script></aside></article></body></html>')
  const tree = await processor.run(processor.parse(file), file)
  assert.equal(
    file.messages.map((message) => message.ruleId),
    ['no-profile', 'suspect-root']
  )
  // The text stays; the clutter the second walk finds goes.
  assert.match(toString(tree), 'storm report number 2')
  assert.not.match(toString(tree), 'x()')
})

test.run()
