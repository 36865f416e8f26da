import {test} from 'uvu'
import * as assert from 'uvu/assert'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {remarkCjkEmphasis, stringifyOptions} from '../index.js'
import {parseMarkdown} from './util/properties.js'

/** An mdast node as these tests walk it. */
interface Walked {
  type: string
  value?: string
  children?: Array<Walked>
}

const processor = unified().use(rehypeParse, {fragment: true}).use(rehypeRemark).use(remarkGfm).use(remarkCjkEmphasis).use(remarkStringify, stringifyOptions)
const md = (html: string) => String(processor.processSync(html)).trim()

test('emphasis: boundary punctuation moves outside the delimiters', function () {
  assert.is(md('<p>他说<strong>“引号”</strong>后面</p>'), '他说“**引号**”后面')
  assert.is(md('<p>这是<em>（注释）</em>内容</p>'), '这是（*注释*）内容')
})

test('emphasis: plain CJK emphasis is untouched', function () {
  assert.is(md('<p>他说<strong>重要</strong>的事</p>'), '他说**重要**的事')
})

test('emphasis: output has no character references and parses back as strong', function () {
  const out = md('<p>他说<b>“引号”</b>后面，<i>“也是”</i>。</p>')
  assert.not.match(out, '&#x')
  const {tree} = parseMarkdown(out)
  const types: Array<string> = []
  const walk = (node: Walked) => {
    types.push(node.type)
    for (const child of node.children || []) walk(child)
  }
  walk(tree)
  assert.ok(types.includes('strong') && types.includes('emphasis'))
})

test('emphasis: punctuation-only emphasis is dropped, text kept', function () {
  assert.is(md('<p>前<b>“”</b>后</p>'), '前“”后')
})

test('emphasis: a lone link takes the emphasis inside', function () {
  assert.is(md('<p>见<b><a href="https://a.example/">链接</a></b>文</p>'), '见[**链接**](https://a.example/)文')
})

test('emphasis: code at an edge next to a letter goes outside, not encoded', function () {
  const out = md('<p>用<b><code>npm</code>安装</b>包</p>')
  assert.not.match(out, '&#x')
  assert.is(out, '用`npm`**安装**包')
})

/** The emphasis structure of Markdown as read back by CommonMark + GFM: `<i>`, `<b>`, `<s>` around text. */
function shape(markdown: string): string {
  const {tree} = parseMarkdown(markdown)
  const tags: Record<string, string> = {emphasis: 'i', strong: 'b', delete: 's'}
  const walk = (node: Walked): string => {
    const inner = (node.children || []).map((child) => walk(child)).join('')
    const tag = tags[node.type]
    if (tag) return '<' + tag + '>' + inner + '</' + tag + '>'
    return node.type === 'text' ? String(node.value) : inner
  }
  return walk(tree)
}

/** Convert, check there are no character references, and return the Markdown and its structure. */
function roundTrip(html: string): [string, string] {
  const out = md(html)
  assert.not.match(out, '&#', 'no character references in ' + JSON.stringify(out))
  return [out, shape(out)]
}

test('emphasis: delimiters stay where CommonMark reads them as they are', function () {
  assert.equal(roundTrip('<p><em>（摄影：某某）</em></p>'), ['*（摄影：某某）*', '<i>（摄影：某某）</i>'])
  assert.equal(roundTrip('<p>说，<b>“引号”</b>，后</p>'), ['说，**“引号”**，后', '说，<b>“引号”</b>，后'])
  assert.equal(roundTrip('<p><b>Note:</b> text</p>'), ['**Note:** text', '<b>Note:</b> text'])
  assert.equal(roundTrip('<p>See <b>“this”</b> now.</p>'), ['See **“this”** now.', 'See <b>“this”</b> now.'])
})

test('emphasis: side-by-side emphasis and strong, whose `*` runs merge, parse back as both', function () {
  // `*a-*` + `**b**` is one run `***` between `-` and `b`: it could only open.
  assert.equal(roundTrip('<p>办<em>甲---</em><strong>体</strong>现</p>'), ['办*甲--*-**体**现', '办<i>甲--</i>-<b>体</b>现'])
  assert.equal(roundTrip('<p><strong>快 P</strong><i><code>x</code>管</i>则</p>'), ['**快 P**`x`*管*则', '<b>快 P</b><i>管</i>则'])
  // The same type side by side is one span.
  assert.equal(roundTrip('<p>甲<b>区面—）</b><b>收s 根</b>导</p>'), ['甲**区面—）收s 根**导', '甲<b>区面—）收s 根</b>导'])
  // Not next to a letter: the second is written with `_`, which does not merge.
  assert.equal(roundTrip('<p><b>x</b><i>y</i></p>'), ['**x**_y_', '<b>x</b><i>y</i>'])
})

test('emphasis: a bracket or quote pair moves out whole, never split', function () {
  assert.equal(roundTrip('<p>这是<em>（摄影：某某）</em></p>'), ['这是（*摄影：某某*）', '这是（<i>摄影：某某</i>）'])
  assert.equal(roundTrip('<p>他说<b>「重要」</b>的事</p>'), ['他说「**重要**」的事', '他说「<b>重要</b>」的事'])
  assert.equal(roundTrip('<p>他见过<b>『最严重的一次』</b>。</p>'), ['他见过『**最严重的一次**』。', '他见过『<b>最严重的一次</b>』。'])
  assert.equal(roundTrip('<p>The <b>“quoted”</b>word</p>'), ['The “**quoted**”word', 'The “<b>quoted</b>”word'])
  // The partner inside the text: the attention is split around the pair.
  assert.equal(roundTrip('<p>强调<em>（目前）仍在</em>抢修</p>'), ['强调（*目前*）*仍在*抢修', '强调（<i>目前</i>）<i>仍在</i>抢修'])
  assert.equal(roundTrip('<p>预计<b>三天后（周四）</b>通车</p>'), ['预计**三天后**（**周四**）通车', '预计<b>三天后</b>（<b>周四</b>）通车'])
  assert.equal(roundTrip('<p>说<b>“甲”和“乙”</b>后</p>'), ['说“**甲**”**和**“**乙**”后', '说“<b>甲</b>”<b>和</b>“<b>乙</b>”后'])
  // An apostrophe is no closing quote.
  assert.equal(roundTrip('<p>说<b>‘don’t’</b>后</p>'), ['说‘**don’t**’后', '说‘<b>don’t</b>’后'])
})

test('emphasis: only the punctuation next to a letter moves', function () {
  assert.equal(roundTrip('<p>中<b>注意：</b>内容</p>'), ['中**注意**：内容', '中<b>注意</b>：内容'])
  assert.equal(roundTrip('<p>中<s>删除。</s>中</p>'), ['中~~删除~~。中', '中<s>删除</s>。中'])
  assert.equal(roundTrip('<p>他说，<b>“好”。</b>然后</p>'), ['他说，**“好”**。然后', '他说，<b>“好”</b>。然后'])
})

test('emphasis: Latin labels keep their colon; a space is written instead', function () {
  assert.equal(roundTrip('<p><b>Note:</b>text</p>'), ['**Note:** text', '<b>Note:</b> text'])
  assert.equal(roundTrip('<p><strong>Update.</strong>Buses run</p>'), ['**Update.** Buses run', '<b>Update.</b> Buses run'])
})

test('emphasis: white space at inner edges moves out of every level', function () {
  assert.equal(roundTrip('<p>a <em><strong>x </strong></em>b</p>'), ['a ***x*** b', 'a <i><b>x</b></i> b'])
  assert.equal(roundTrip('<p>a<s> gone </s>b</p>'), ['a ~~gone~~ b', 'a <s>gone</s> b'])
  assert.equal(roundTrip('<p>a <del> gone </del> b</p>'), ['a ~~gone~~ b', 'a <s>gone</s> b'])
  assert.equal(roundTrip('<p>中文<em> 重点</em>内容</p>'), ['中文 *重点*内容', '中文 <i>重点</i>内容'])
})

test('emphasis: nested emphasis keeps both levels where CommonMark allows', function () {
  assert.equal(roundTrip('<p>只是<em>初稿<strong>而已</strong></em>，要求</p>'), ['只是*初稿**而已***，要求', '只是<i>初稿<b>而已</b></i>，要求'])
  assert.equal(roundTrip('<p>这是“<strong><em>最后一次</em></strong>”推迟</p>')[1], '这是“<b><i>最后一次</i></b>”推迟')
  assert.equal(roundTrip('<p>中<b><i>“引”</i></b>中</p>')[1], '中“<b><i>引</i></b>”中')
  assert.equal(roundTrip('<p>中<b>粗</b><i>斜</i>中</p>'), ['中**粗***斜*中', '中<b>粗</b><i>斜</i>中'])
  // Two levels sharing an edge next to a letter cannot be written: strong stays.
  assert.equal(roundTrip('<p>推迟<strong><em>遗憾</em></strong>但</p>'), ['推迟**遗憾**但', '推迟<b>遗憾</b>但'])
  assert.equal(roundTrip('<p>推迟<em><strong>遗憾</strong></em>但</p>'), ['推迟**遗憾**但', '推迟<b>遗憾</b>但'])
})

test('emphasis: a link at an edge next to a letter takes the emphasis inside', function () {
  assert.equal(roundTrip('<p>见<b><a href="https://a.example/">链接</a>文字</b>中</p>'), ['见[**链接**](https://a.example/)**文字**中', '见<b>链接</b><b>文字</b>中'])
  // Not needed next to white space: left as it is.
  assert.equal(roundTrip('<p>see <b><a href="https://a.example/">link</a></b> now</p>')[0], 'see **[link](https://a.example/)** now')
})

test('emphasis: random mixes of CJK, Latin, punctuation and attention parse back without references', function () {
  const pieces = ['中', '文', 'a', 'b', ' ', '，', '。', '“', '”', '（', '）', '「', '」', ':', '.', '(', ')']
  const tags = ['b', 'i', 's']
  let seed = 7
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
  }
  const text = (length: number) => Array.from({length}, () => pieces[random(pieces.length)]).join('')
  for (let round = 0; round < 300; round++) {
    // The inner closing tag may not match its opening tag: the HTML parser repairs it.
    const inner = random(3) === 0 ? '<' + tags[random(3)] + '>' + text(1 + random(3)) + '</' + tags[random(3)] + '>' : text(1 + random(4))
    const tag = tags[random(3)]
    const html = '<p>' + text(random(3)) + '<' + tag + '>' + text(random(3)) + inner + text(random(3)) + '</' + tag + '>' + text(random(3)) + '</p>'
    const out = md(html)
    assert.not.match(out, '&#', html + ' → ' + out)
    const {tree} = parseMarkdown(out)
    const squash = (value: string) => value.replace(/[\s\\]+/g, '')
    const source = html.replace(/<[^>]+>/g, '')
    const read = (node: Walked): string => (node.type === 'text' ? String(node.value) : (node.children || []).map((child) => read(child)).join(''))
    assert.is(squash(read(tree)), squash(source), html + ' → ' + out)
  }
})

test.run()
