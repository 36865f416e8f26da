import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {authorsOf, isPhotoCredit, readCredits} from '../lib/analyse/meta/credit-line.js'
import {isGluedName} from '../lib/verdict/authors.js'
import {findBylineLines} from '../lib/analyse/meta/byline-lines.js'
import {fromHtml} from 'hast-util-from-html'
import type {Element} from 'hast'

const roles = (line: string) => readCredits(line).map((credit) => credit.role + ': ' + credit.names.join(', '))

test('credit roles: photo credits name the photographer, never the author', () => {
  assert.equal(roles('Foto: Marta Quiroga'), ['photographer: Marta Quiroga'])
  assert.equal(roles('FOTO: Marta Quiroga'), ['photographer: Marta Quiroga'])
  assert.equal(roles('Photo by Lena Hart'), ['photographer: Lena Hart'])
  assert.equal(roles('(Bild: dpa)'), ['photographer: dpa'])
  assert.equal(roles('Credit: Oskar Velde'), ['photographer: Oskar Velde'])
  assert.equal(roles('图/韩梅'), ['photographer: 韩梅'])
  assert.equal(roles('摄影：卢小东'), ['photographer: 卢小东'])
  assert.equal(roles('周立新 摄'), ['photographer: 周立新'])
  assert.ok(isPhotoCredit('Fotos: Redacción'))
  assert.not.ok(isPhotoCredit('By Lena Hart'))
  assert.equal(authorsOf('Foto: Marta Quiroga'), [])
})

test('credit roles: editors are kept apart from authors', () => {
  assert.equal(roles('责任编辑：吴小平'), ['editor: 吴小平'])
  assert.equal(roles('记者 周立新 责编 吴小平'), ['editor: 吴小平', 'author: 周立新'])
  assert.equal(roles('Edited by Nora Lind'), ['editor: Nora Lind'])
  assert.equal(authorsOf('Editor: Nora Lind'), [])
})

test('credit roles: an outlet before a reporter is the agency', () => {
  assert.equal(roles('新华社记者 孟繁星、钱学良'), ['agency: 新华社', 'author: 孟繁星, 钱学良'])
  assert.equal(roles('北青报记者 邵一鸣'), ['agency: 北青报', 'author: 邵一鸣'])
})

test('credit roles: sources', () => {
  assert.equal(roles('来源：南方网 作者：许立群'), ['source: 南方网', 'author: 许立群'])
  assert.equal(roles('Source: Reuters'), ['source: Reuters'])
  assert.equal(roles('Quelle: dpa.'), ['source: dpa'])
})

test('credit roles: Latin bylines', () => {
  assert.equal(authorsOf('By Lena Hart and Omar Castell'), ['Lena Hart', 'Omar Castell'])
  assert.equal(authorsOf('ByLena Hart'), ['Lena Hart'])
  assert.equal(authorsOf('Von Jonas Weider'), ['Jonas Weider'])
  assert.equal(authorsOf('von der Leyen sagte'), [])
  assert.equal(authorsOf('Author: Lena Hart'), ['Lena Hart'])
  assert.equal(authorsOf('Lena Hart | Staff Writer'), ['Lena Hart'])
  assert.equal(authorsOf('Omar Castell, Senior Correspondent'), ['Omar Castell'])
  assert.equal(readCredits('Lena Hart | Staff Writer')[0].form, 'staff-title')
  assert.equal(authorsOf('Byron Hills is a town in the valley.'), [])
})

test('credit roles: Chinese bylines, in every form of `cjk-byline.ts`', () => {
  assert.equal(authorsOf('本报记者 王晓峰'), ['王晓峰'])
  assert.equal(authorsOf('文/赵海燕'), ['赵海燕'])
  assert.equal(authorsOf('作者：林秋雨'), ['林秋雨'])
  assert.equal(authorsOf('中新网杭州5月2日电（记者 胡永乐 陈静）今天上午，……'), ['胡永乐', '陈静'])
  assert.equal(authorsOf('记者在现场看到，人群已经散去。'), [])
})

test('credit roles: Chinese credit lines in print and portal forms', () => {
  assert.equal(authorsOf('□本报记者 王晓峰'), ['王晓峰'])
  assert.equal(authorsOf('■记者 胡永乐'), ['胡永乐'])
  assert.equal(authorsOf('记者｜胡永乐'), ['胡永乐'])
  assert.equal(authorsOf('作者 | 林秋雨'), ['林秋雨'])
  assert.equal(authorsOf('撰文/林秋雨'), ['林秋雨'])
  assert.equal(authorsOf('文字：林秋雨'), ['林秋雨'])
  assert.equal(authorsOf('文、图/赵海燕'), ['赵海燕'])
  assert.equal(authorsOf('文/图 赵海燕'), ['赵海燕'])
  assert.equal(authorsOf('□文/本报记者 王晓峰'), ['王晓峰'])
  assert.equal(authorsOf('【记者 胡永乐】'), ['胡永乐'])
  assert.equal(authorsOf('本报记者 王晓峰 实习生 陈静'), ['王晓峰', '陈静'])
  assert.equal(authorsOf('见习记者 胡永乐 通讯员 陈静'), ['胡永乐', '陈静'])
  assert.equal(authorsOf('记者 胡永乐 陈静 杭州报道'), ['胡永乐', '陈静'])
  assert.equal(authorsOf('记者钟秀、白杨报道'), ['钟秀', '白杨'], 'a name listed after `、` and glued to `报道` is a name')
  assert.equal(authorsOf('新华社杭州5月8日电 记者钟秀、白杨报道：经过一年多的改造，老街今天起恢复通行。'), ['钟秀', '白杨'], 'after the dateline, before the text')
  assert.equal(authorsOf('据美联社记者钟秀报道：老街今天起恢复通行。'), [], 'reported speech names no author')
  assert.equal(authorsOf('记者 胡永乐 摄影报道'), ['胡永乐'])
  assert.equal(authorsOf('作者：Diogo Carleto 译者：中村真子'), ['Diogo Carleto'])
  assert.equal(authorsOf('撰稿：林秋雨 审核：陈静'), ['林秋雨'])
  assert.equal(roles('来源：南方网 作者：许立群 责任编辑：吴小平'), ['editor: 吴小平', 'source: 南方网', 'author: 许立群'])
  assert.equal(roles('江城日报记者 周立新 通讯员 钱文涛'), ['agency: 江城日报', 'author: 周立新, 钱文涛'])
  assert.equal(roles('本报评论员 王晓峰'), ['author: 王晓峰'])
  assert.equal(authorsOf('（作者系北京大学教授）'), [])
  assert.equal(authorsOf('据新华社电'), [])
  assert.equal(authorsOf('图文故事 | 机场、大桥开通'), [])
})

test('credit roles: Taiwan’s and Hong Kong’s roles, written-up accounts, checkers', () => {
  assert.equal(authorsOf('撰文／林佳蓉　攝影／張家豪'), ['林佳蓉'], 'a photographer’s label after the writer')
  assert.equal(authorsOf('撰文：梁詠詩 攝影：何家明'), ['梁詠詩'])
  assert.equal(authorsOf('採訪／陳雅琪　撰文／黃冠中'), ['陳雅琪', '黃冠中'])
  assert.equal(authorsOf('採訪整理／吳宗翰'), ['吳宗翰'])
  assert.equal(authorsOf('文／李淑芬、圖／王志強'), ['李淑芬'])
  assert.equal(authorsOf('口述／王秀英　整理／林小華'), ['王秀英', '林小華'])
  assert.equal(authorsOf('口述：赵大山 整理：本报记者 刘芳'), ['赵大山', '刘芳'])
  assert.equal(authorsOf('【特派記者陳美玲／東京報導】東京都政府今天公布'), ['陳美玲'])
  assert.equal(authorsOf('本报特约撰稿人 王文杰'), ['王文杰'])
  assert.equal(authorsOf('特約撰述／林志明'), ['林志明'])
  assert.equal(authorsOf('作者：鄭凱文　校對：何佩珊　審核：蔡明德'), ['鄭凱文'])
  assert.equal(authorsOf('校對：何佩珊　審核：蔡明德'), [])
  assert.equal(authorsOf('責任編輯：江欣怡'), [])
  assert.equal(authorsOf('王力 攝影'), [])
})

test('credit roles: outlets before the reporter, translators, editors behind a slash, role words among the names', () => {
  assert.equal(authorsOf('〔編譯王小明／綜合報導〕'), ['王小明'], 'a translator writes foreign news')
  assert.equal(authorsOf('民視新聞／王小明、李大華 台北報導'), ['王小明', '李大華'])
  assert.equal(authorsOf('生活中心／綜合報導'), [], 'a desk names no one')
  assert.equal(authorsOf('TVBS記者 王小明 / 攝影 李大華 台北報導'), ['王小明'])
  assert.equal(authorsOf('經濟日報·中國經濟網記者 張三'), ['張三'])
  assert.equal(authorsOf('記者王小明/攝影記者李大華'), ['王小明'])
  assert.equal(authorsOf('文 | 赵六（某某大学教授）'), ['赵六'])
  assert.equal(roles('来源 | 澎湃新闻 作者 | 张三'), ['source: 澎湃新闻', 'author: 张三'])
  assert.equal(authorsOf('撰文者／王小明'), ['王小明'])
  assert.equal(authorsOf('□记者 张三 文/图'), ['张三'])
  assert.equal(authorsOf('记者 张三 李四 见习记者 王五'), ['张三', '李四', '王五'])
  assert.equal(roles('責任編輯／江欣怡'), ['editor: 江欣怡'])
  assert.equal(roles('核稿編輯／江欣怡'), ['editor: 江欣怡'])
  assert.equal(roles('主编：张三'), ['editor: 张三'])
  assert.equal(roles('本報記者 張三 攝'), ['photographer: 張三'])
  assert.equal(authorsOf('本报记者 张三 本报通讯员 李四'), ['张三', '李四'])
  assert.equal(authorsOf('撰文：張三　設計：李四'), ['張三'], 'a designer is no writer')
  assert.equal(authorsOf('文、攝影／張三'), ['張三'])
  assert.equal(authorsOf('採訪撰文／張三'), ['張三'])
})

test('credit roles: long lines and empty lines credit nothing', () => {
  assert.equal(readCredits(''), [])
  assert.equal(readCredits('By ' + 'word '.repeat(80)), [])
})

test('credit roles: the verdict reads an author field that is a credit line as glued', () => {
  assert.ok(isGluedName('Foto: Marta Quiroga'))
  assert.ok(isGluedName('By Lena Hart'))
  assert.ok(isGluedName('Lena Hart | Staff Writer'))
  assert.ok(isGluedName('本报记者 王晓峰'))
  assert.ok(isGluedName('责任编辑：吴小平'))
  assert.not.ok(isGluedName('Lena Hart'))
  assert.not.ok(isGluedName('Von Miller'))
  assert.not.ok(isGluedName('王晓峰'))
  // A blog's declared name, its owner's name in it, glues no name to anything.
  assert.ok(isGluedName('史明德某某大学教授'))
  assert.not.ok(isGluedName('史明德的旅行日記_小舟', ['史明德的旅行日記_小舟']))
})

test('credit roles: byline lines are looked for among the first three and last two text blocks, each once', () => {
  const block = (text: string) => '<p>' + text + '</p>'
  const body = (count: number) => Array.from({length: count}, (_, at) => block('Paragraph ' + at + ' of the story goes on.')).join('')
  const found = (html: string) => findBylineLines(fromHtml(html, {fragment: true}).children[0] as Element, {authors: ['Jane Roe']}).map((line) => line.text)
  // Nested containers, read from each end.
  assert.equal(found('<div><section>' + block('By Jane Roe') + body(6) + '</section><div><div>' + body(3) + block('By Jane Roe') + '</div></div></div>'), ['By Jane Roe', 'By Jane Roe'])
  // Fourth from the end of eight: neither end.
  assert.equal(found('<div>' + body(4) + block('By Jane Roe') + body(3) + '</div>'), [])
  // Four blocks: the last is among the last two, the third once only.
  assert.equal(found('<div>' + body(2) + block('By Jane Roe') + block('Written by Jane Roe') + '</div>'), ['By Jane Roe', 'Written by Jane Roe'])
  assert.equal(found('<div>' + body(1) + block('By Jane Roe') + '</div>'), ['By Jane Roe'])
})

test.run()
