import {test} from 'uvu'
import * as assert from 'uvu/assert'
import rehypeParse from 'rehype-parse'
import rehypeRemark from 'rehype-remark'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {remarkCjkEmphasis, stringifyOptions} from '../index.js'
import {parseMarkdown} from './util/properties.js'

const processor = unified().use(rehypeParse, {fragment: true}).use(rehypeRemark).use(remarkCjkEmphasis).use(remarkStringify, stringifyOptions)
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
  const walk = (node: {type: string; children?: Array<unknown>}) => {
    types.push(node.type)
    for (const child of node.children || []) walk(child as never)
  }
  walk(tree as never)
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

test.run()
