import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {isCreditLine, parseCreditLine} from '../lib/analyse/meta/credit-line.js'

test('simplified, full-width parens, padded source and author', () => {
  assert.equal(parseCreditLine('（来源：法广RFI                      作者：             弗林    ，文章内容并不代表本网立场和观点。）'), {source: '法广RFI', author: '弗林'})
})

test('traditional, source only, half-width comma', () => {
  assert.equal(parseCreditLine('（來源：美國之音, 文章內容並不代表本網立場和觀點。）'), {source: '美國之音'})
})

test('author only, half-width colon, no parens', () => {
  assert.equal(parseCreditLine('作者: 希望之聲TV , 文章內容謹代表作者個人觀點。'), {author: '希望之聲TV'})
})

test('author directly followed by source label', () => {
  assert.equal(parseCreditLine('作者：古莉來源：RFI法廣，文章謹供參考，內容並不代表本網立場和觀點。'), {author: '古莉', source: 'RFI法廣'})
})

test('Latin names keep their inner space', () => {
  assert.equal(parseCreditLine('（来源：自由亚洲电台 作者：John Smith ，文章内容并不代表本网立场和观点。）'), {source: '自由亚洲电台', author: 'John Smith'})
})

test('half-width parentheses and colons', () => {
  assert.equal(parseCreditLine('(来源: BBC中文 作者: 李明)'), {
    source: 'BBC中文',
    author: '李明'
  })
})

test('reporter (記者/记者) counts as author', () => {
  assert.equal(parseCreditLine('來源：大紀元 記者：王和'), {
    source: '大紀元',
    author: '王和'
  })
  assert.equal(parseCreditLine('记者：王和'), {author: '王和'})
})

test('转自/轉自/出处 as source', () => {
  assert.equal(parseCreditLine('转自：德国之声，文章仅供参考。'), {
    source: '德国之声'
  })
  assert.equal(parseCreditLine('（轉自：大紀元）'), {source: '大紀元'})
  assert.equal(parseCreditLine('出處：中央社'), {source: '中央社'})
})

test('编译/編譯/责任编辑 are not the author', () => {
  assert.equal(parseCreditLine('来源：BBC 编译：张三'), {source: 'BBC'})
  assert.equal(parseCreditLine('作者：李四 责任编辑：王五'), {author: '李四'})
  assert.equal(parseCreditLine('（來源：美國之音 編譯：陳六 責任編輯：林七）'), {
    source: '美國之音'
  })
})

test('several authors stay one string', () => {
  assert.equal(parseCreditLine('作者：张三、李四'), {author: '张三、李四'})
})

test('terminators: semicolon, pipe, full stop, balanced parens kept', () => {
  assert.equal(parseCreditLine('来源：中央社；作者：陈七'), {
    source: '中央社',
    author: '陈七'
  })
  assert.equal(parseCreditLine('来源：美国之音 | 作者：赵八'), {
    source: '美国之音',
    author: '赵八'
  })
  assert.equal(parseCreditLine('作者：钱九。'), {author: '钱九'})
  assert.equal(parseCreditLine('（来源：美国之音（VOA））'), {
    source: '美国之音（VOA）'
  })
})

test('messy whitespace: newlines, U+3000, nbsp', () => {
  assert.equal(parseCreditLine('\n\u3000（来源：\u00A0法广RFI\n\n\u3000\u3000作者：\u00A0弗林\u00A0，文章内容并不代表本网立场和观点。）\n'), {source: '法广RFI', author: '弗林'})
})

test('empty values are not found', () => {
  assert.equal(parseCreditLine('（来源：美国之音 作者： ，文章内容并不代表本网立场和观点。）'), {
    source: '美国之音'
  })
  assert.is(parseCreditLine('作者：，文章内容并不代表本网立场和观点。'), undefined)
})

test('negative: ordinary sentences mentioning the labels', () => {
  assert.is(parseCreditLine('消息来源：据知情人士透露，该公司将在下月裁员。'), undefined)
  assert.is(parseCreditLine('该报告的作者表示，经济将放缓。'), undefined)
  assert.is(parseCreditLine('编译：张三'), undefined)
  assert.is(parseCreditLine('来源不明的消息称，会议将推迟。'), undefined)
  assert.is(parseCreditLine(''), undefined)
})

test('negative: long paragraph', () => {
  const long = '来源：某报。' + '这是一段很长的正文内容，'.repeat(20)
  assert.ok(long.length > 160)
  assert.is(parseCreditLine(long), undefined)
})

test('isCreditLine', () => {
  assert.ok(isCreditLine('（来源：法广RFI 作者：弗林，文章内容并不代表本网立场和观点。）'))
  assert.ok(isCreditLine('作者: 希望之聲TV , 文章內容謹代表作者個人觀點。'))
  assert.not.ok(isCreditLine('该报告的作者表示，经济将放缓。'))
  assert.not.ok(isCreditLine('作者：'))
})

test('labels opened by 本文/文章/原文/稿件', () => {
  assert.equal(parseCreditLine('文章来源：美国之音'), {source: '美国之音'})
  assert.equal(parseCreditLine('本文作者：张三，转载请注明出处。'), {author: '张三'})
  assert.equal(parseCreditLine('（稿件来源：自由亚洲电台）'), {source: '自由亚洲电台'})
  assert.is(parseCreditLine('消息来源：据知情人士透露，该公司将在下月裁员。'), undefined)
})

test('negative: interview questions led by 记者 are no credit line', () => {
  assert.is(parseCreditLine('记者：你好，请问您对这次选举结果怎么看？'), undefined)
  assert.is(parseCreditLine('記者：您怎麼看？'), undefined)
  assert.is(parseCreditLine('记者：那么接下来呢，您有什么打算？'), undefined)
  // A disclaimer after the reporter's name is still a credit line.
  assert.equal(parseCreditLine('记者：王和，文章内容并不代表本网立场和观点。'), {author: '王和'})
  assert.equal(parseCreditLine('（记者：王和）'), {author: '王和'})
})

test.run()
