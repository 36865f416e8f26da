/**
 * Credit lines (`来源：… 作者：…`) in the shapes pages give them: a
 * bracketed credit split over inline elements, followed by a comment, an
 * element or white space; a credit line between `<br>`s, last in its
 * paragraph, or beside an image; a credit line past the profile's limit.
 * The credit goes to the frontmatter and its text leaves the article; the
 * text around it stays.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {convert, validateProfile} from '../index.js'
import type {Profile} from '../index.js'

const page = (body: string) =>
  '<html><head><title>标题</title></head><body><h2>标题</h2><div class="entry">' + body + '<p>第二段内容，记者在现场看到了很多人。</p><p>第三段内容。</p></div></body></html>'
const rest = '第二段内容，记者在现场看到了很多人。\n\n第三段内容。\n'

async function run(body: string, profiles?: Array<Profile>) {
  const file = await convert(page(body), {url: 'https://news.example/a/1.html', ...(profiles ? {profiles} : {})})
  const text = String(file)
  const match = /^---\n([\s\S]*?)\n---\n\n/.exec(text)
  assert.ok(match, text)
  return {frontmatter: match[1], body: text.slice(match[0].length)}
}

test('credit line edges: a bracketed credit split over inline elements goes, with the white space after it; the sentence stays', async function () {
  const out = await run('<p><span>（来源：</span><b>美国之音</b>）<span>  今天</span>，记者报道了当地的情况。</p>')
  assert.match(out.frontmatter, /^source: 美国之音$/m)
  assert.is(out.body, '今天，记者报道了当地的情况。\n\n' + rest)
})

test('credit line edges: after a bracketed credit, a comment, a blank element or an element start the kept text', async function () {
  for (const between of ['<!-- c -->', '<span> </span>', '']) {
    const out = await run('<p>（来源：美国之音）' + between + '<em>今天</em>记者报道了当地的情况。</p>')
    assert.match(out.frontmatter, /^source: 美国之音$/m, between)
    assert.is(out.body, '*今天*记者报道了当地的情况。\n\n' + rest, between)
  }
})

test('credit line edges: a credit line between `<br>`s, or last after one, goes with one `<br>`; the other lines stay', async function () {
  const middle = await run('<p>正文开头一句话。<br>来源：美国之音<br>记者报道了当地的情况。</p>')
  assert.match(middle.frontmatter, /^source: 美国之音$/m)
  assert.is(middle.body, '正文开头一句话。\\\n记者报道了当地的情况。\n\n' + rest)
  const last = await run('<p>正文开头一句话。<br>来源：美国之音</p>')
  assert.match(last.frontmatter, /^source: 美国之音$/m)
  assert.is(last.body, '正文开头一句话。\n\n' + rest)
})

test('credit line edges: a credit line beside an image loses its text, the image stays', async function () {
  const out = await run('<p><img src="https://i.example/a.jpg" alt="图">来源：美国之音</p>')
  assert.match(out.frontmatter, /^source: 美国之音$/m)
  assert.is(out.body, '![图](https://i.example/a.jpg)\n\n' + rest)
})

test('credit line edges: a profile without `limit` tries three paragraphs from each end: a credit line in the middle is article text', async function () {
  const profile = validateProfile({id: 'credit-limit', hosts: ['news.example'], content: ['.entry'], credit: {selector: 'p'}})
  const paragraphs = ['一。', '二。', '三。', '四。', '五。', '六。', '七。', '来源：美国之音', '八。']
  const out = await run(paragraphs.map((text) => '<p>' + text + '</p>').join(''), [profile])
  assert.is(out.body, paragraphs.join('\n\n') + '\n\n' + rest, 'the line stays where it is')
  const near = await run(
    paragraphs
      .slice(5)
      .map((text) => '<p>' + text + '</p>')
      .join(''),
    [profile]
  )
  assert.match(near.frontmatter, /^source: 美国之音$/m)
  assert.is(near.body, '六。\n\n七。\n\n八。\n\n' + rest, 'within three of the end it is the credit line')
})

test.run()
