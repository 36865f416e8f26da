import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {isChinesePersonName, isOutletName} from '../lib/analyse/meta/chinese-names.js'
import {isEditorCredit, readAffiliationNote, readAgencyDateline, readCjkByline, readCjkEditors, readClosingNames, readNameOutlet, readNameRoles, readNamesLine} from '../lib/analyse/meta/cjk-byline.js'
import {withoutAffiliation} from '../lib/analyse/meta/affiliation.js'
import {placeOpening, placesEnding} from '../lib/analyse/meta/place-names.js'
import {authorsOf, parseCreditLine, readCredits} from '../lib/analyse/meta/credit-line.js'
import {isAccountName, isPersonLike, isPublisher, titleSuffixes} from '../lib/analyse/meta/person-like.js'
import {cleanAuthors} from '../lib/analyse/meta/author-names.js'

const names = (line: string) => readCjkByline(line)?.names

test('cjk byline: role labels alone on their line', () => {
  assert.equal(names('本报记者 王五'), ['王五'])
  assert.equal(names('记者：张三 李四'), ['张三', '李四'])
  assert.equal(names('记者 张三、李四 报道'), ['张三', '李四'])
  assert.equal(names('作者：赵六 来源：新华网 2020-04-14'), ['赵六'])
  assert.equal(names('通讯员 钱七'), ['钱七'])
  assert.equal(names('本報記者 陳大文'), ['陳大文'])
  assert.equal(names('长江网10月4日讯（记者陈智 整合）'), ['陈智'])
})

test('cjk byline: an outlet or agency before the role', () => {
  assert.equal(names('新京报记者 陆一夫'), ['陆一夫'])
  assert.equal(names('澎湃新闻记者 段彦超 廖艳'), ['段彦超', '廖艳'])
  assert.equal(names('新华社记者 韩立、许晴'), ['韩立', '许晴'])
  assert.equal(names('半月谈记者 史卫燕'), ['史卫燕'])
})

test('cjk byline: role labels in brackets, anywhere in the line', () => {
  assert.equal(names('新华社北京4月14日电（记者 张三 李四）今天上午，……'), ['张三', '李四'])
  assert.equal(names('新京报快讯（记者 裴剑飞）今日有网友爆料，……'), ['裴剑飞'])
  assert.equal(names('正是有了你们，才有这座城！（评论员 罗博 萧海川）'), ['罗博', '萧海川'])
})

test('cjk byline: 文/ and name/outlet', () => {
  assert.equal(names('文/赵六'), ['赵六'])
  assert.equal(names('文｜欧阳青'), ['欧阳青'])
  assert.equal(readNameOutlet('石佳/中国青年报')?.names, ['石佳'])
  assert.equal(readNameOutlet('中国青年报｜石佳')?.names, ['石佳'])
  assert.equal(readNameOutlet('首页/新闻'), undefined)
  assert.equal(readNameOutlet('科技/互联网'), undefined)
})

test('cjk byline: the same words inside a sentence name no author', () => {
  assert.equal(readCjkByline('记者在现场看到，施工队正在铺设最后一段透水砖。'), undefined)
  assert.equal(readCjkByline('据美联社记者张三报道，类似的改造很常见。'), undefined)
  assert.equal(readCjkByline('本报记者注意到，不少居民已经搬回。'), undefined)
  assert.equal(readCjkByline('记者了解到'), undefined)
  assert.equal(readCjkByline('经营者告诉半月谈记者，每亩年收入可达6万元。'), undefined)
})

test('cjk byline: photo credits are not bylines', () => {
  assert.equal(readCjkByline('新华社记者 王力 摄'), undefined)
  assert.equal(readCjkByline('记者 王力 摄影'), undefined)
  assert.equal(readCjkByline('河湾晨报记者 王力 图'), undefined)
})

test('cjk byline: outlets are never names', () => {
  assert.equal(names('作者：新京报'), undefined)
  assert.equal(isOutletName('新京报'), true)
  assert.equal(isOutletName('澎湃新闻'), true)
  assert.equal(isOutletName('网易科技'), true)
  assert.equal(isOutletName('新华社'), true)
  assert.equal(isOutletName('央视新闻客户端'), true)
  assert.equal(isOutletName('陆一夫'), false)
})

test('cjk byline: person names open with a family name', () => {
  assert.equal(isChinesePersonName('陆一夫'), true)
  assert.equal(isChinesePersonName('欧阳晓明'), true)
  assert.equal(isChinesePersonName('陳大文'), true)
  assert.equal(isChinesePersonName('阿卜杜·热合曼'), true)
  assert.equal(isChinesePersonName('网易'), false)
  assert.equal(isChinesePersonName('人气'), false)
  assert.equal(isChinesePersonName('化名'), false)
  assert.equal(isChinesePersonName('新京报'), false)
  assert.equal(isChinesePersonName('张三李四王五'), false)
})

test('cjk byline: a bracketed name closing the article', () => {
  assert.equal(readClosingNames('南美站活动将先后在巴西、乌拉圭、阿根廷举行。（张巨峰）')?.names, ['张巨峰'])
  assert.equal(readClosingNames('（张三 李四）')?.names, ['张三', '李四'])
  assert.equal(readClosingNames('居民小林（化名）'), undefined)
  assert.equal(readClosingNames('全文完。（完）'), undefined)
  assert.equal(readClosingNames('消息来自官方。（新华社）'), undefined)
  // Not closing a sentence: an aside, not a byline.
  assert.equal(readClosingNames('他把这件事告诉了邻居（王芳）'), undefined)
})

test('cjk byline: editors in charge are read apart', () => {
  assert.equal(readCjkEditors('责任编辑：张珺 澎湃新闻报料：4009-20-4009'), ['张珺'])
  assert.equal(readCjkEditors('编辑 刘晓阳 校对 李铭'), ['刘晓阳'])
  assert.equal(readCjkEditors('責任編輯：陳小明'), ['陳小明'])
  assert.equal(readCjkEditors('村民只需拍几张照片，编辑小段文字，就可以卖货。'), [])
  assert.equal(isEditorCredit('责任编辑：马丽'), true)
  assert.equal(isEditorCredit('记者 张三 编辑 李四'), false)
})

test('person-like: people, publishers, desks and accounts', () => {
  assert.equal(isPersonLike('Jane Roe'), true)
  assert.equal(isPersonLike('Ludwig van Beethoven'), true)
  assert.equal(isPersonLike('J. R. Hartley'), true)
  assert.equal(isPersonLike('陆一夫'), true)
  assert.equal(isPersonLike('Us Weekly Staff'), false)
  assert.equal(isPersonLike('Reuters'), false)
  assert.equal(isPersonLike('jroe_42'), false)
  assert.equal(isPersonLike('janeroe'), false)
  assert.equal(isPersonLike('网易'), false)
  assert.equal(isPersonLike('The Daily Planet', ['The Daily Planet']), false)
  assert.equal(isPublisher('网易', ['网易科技']), true)
  assert.equal(isPublisher('Jane Roe', ['Jane Roe Photography Blog']), true)
  assert.equal(isPublisher('Jan', ['Janssen Weekly']), false)
  assert.equal(titleSuffixes('Headline here | The Daily Planet'), ['The Daily Planet'])
  assert.equal(titleSuffixes('亚马逊海外购登陆拼多多_网易科技'), ['网易科技'])
})

test('author names: labels and roles glued to the name', () => {
  assert.equal(cleanAuthors('ByJane Roe', {strict: true}), ['Jane Roe'])
  assert.equal(cleanAuthors('Jane RoeStaff Writer', {strict: true}), ['Jane Roe'])
  assert.equal(cleanAuthors('Jane Roe Senior Reporter', {strict: true}), ['Jane Roe'])
  assert.equal(cleanAuthors('Byron Katz', {strict: true}), ['Byron Katz'])
  assert.equal(cleanAuthors('DeAndre McDonald', {strict: true}), ['DeAndre McDonald'])
  assert.equal(cleanAuthors('Real Writer', {strict: true}), ['Real Writer'])
  assert.equal(cleanAuthors('BWW News Desk'), ['BWW News Desk'])
  assert.equal(cleanAuthors('Smart Shopping Team'), ['Smart Shopping Team'])
})

test('cjk byline: more forms of the writer’s line', () => {
  const credited = (line: string) => authorsOf(line)
  assert.equal(credited('作者丨张三'), ['张三'])
  assert.equal(credited('文丨李晓 编辑丨王可'), ['李晓'])
  assert.equal(credited('文：刘畅'), ['刘畅'])
  assert.equal(credited('本报记者\u3000王\u3000五'), ['王五'])
  assert.equal(credited('作者：王一2024-05-03 09:00'), ['王一'])
  assert.equal(credited('〔記者陳大文／台北報導〕台北市政府今天宣布，'), ['陳大文'])
  assert.equal(credited('本报记者 向南 发自上海'), ['向南'])
  assert.equal(credited('文 | 澎湃新闻记者 白露 发自北京'), ['白露'])
  assert.equal(credited('本报讯（通讯员 郑和 记者 汪洋）近日，'), ['郑和', '汪洋'])
  assert.equal(credited('文｜财新 张三 李四'), ['张三', '李四'])
  // A place glued to `报道` after the names is no name, whatever its first character (`杭` opens names too).
  assert.equal(credited('本报记者 张三 杭州报道'), ['张三'])
  assert.equal(credited('本报记者 张三 李四 杭州报道'), ['张三', '李四'])
  // `文：` before what is no person's name is no byline.
  assert.equal(credited('文：图书馆'), [])
  // `记者` inside a sentence after the byline adds no one.
  assert.equal(credited('新华社北京3月1日电（记者 孙立）记者从有关部门获悉，'), ['孙立'])
})

test('cjk byline: an agency’s dateline with its reporters', () => {
  assert.equal(readAgencyDateline('（中央社記者林小美台北20日電）衛生福利部今天表示，')?.names, ['林小美'])
  assert.equal(readAgencyDateline('（中央社記者林小美、王大明華盛頓20日電）')?.names, ['林小美', '王大明'])
  assert.equal(readAgencyDateline('（中央社記者王明台北20日電）')?.names, ['王明'])
  assert.equal(readAgencyDateline('（中央社華盛頓20日綜合外電報導）'), undefined)
  // Without brackets, opening the text before its first space, as sites taking the agency's copy print it.
  assert.equal(readAgencyDateline('中央社記者李明宏台北7日電　行政院會今天通過')?.names, ['李明宏'])
  assert.equal(readAgencyDateline('中央社記者李明宏台北7日電行政院會今天通過'), undefined)
})

test('cjk byline: an agency’s dateline ends at a known place', () => {
  // Two-character names before three- and four-character cities (the run alone would give `王明華`, `張明洛`).
  assert.equal(readAgencyDateline('（中央社記者王明華盛頓20日電）')?.names, ['王明'])
  assert.equal(readAgencyDateline('（中央社記者張明洛杉磯23日電）')?.names, ['張明'])
  assert.equal(readAgencyDateline('（中央社記者黃自強布魯塞爾21日電）')?.names, ['黃自強'])
  assert.equal(readAgencyDateline('（中央社記者林小美、王明紐約22日電）')?.names, ['林小美', '王明'])
  // No known place: three characters when two are left for the place.
  assert.equal(readAgencyDateline('（中央社記者陳家豪某鎮24日電）')?.names, ['陳家豪'])
  assert.equal(placesEnding('王明華盛頓'), [3])
  assert.equal(placesEnding('林小美台北'), [2])
  assert.equal(placesEnding('某某'), [])
  assert.equal(placeOpening('北京大学经济学院'), 2)
  assert.equal(placeOpening('某某大学'), 0)
})

test('cjk byline: a closing note on the writers', () => {
  assert.equal(readAffiliationNote('（作者为中国人民大学经济学院教授王明远）'), {names: ['王明远']})
  assert.equal(readAffiliationNote('（作者系某某大学公共管理学院副教授 刘晓红）'), {names: ['刘晓红']})
  assert.equal(readAffiliationNote('(作者是某某研究院研究员)'), {names: []})
  assert.equal(readAffiliationNote('（作者单位：某某大学马克思主义学院）'), {names: []})
  assert.equal(readAffiliationNote('（作者分别为某某大学教授、某某研究院研究员）'), {names: []})
  // After the title, what is no person's name names no one.
  assert.equal(readAffiliationNote('（作者为某某大学教授，本文系课题成果）'), {names: []})
  assert.equal(readAffiliationNote('作者为某某大学教授'), undefined)
  assert.equal(readAffiliationNote('（本文图片由作者提供）'), undefined)
  assert.equal(readNamesLine('陈思远'), ['陈思远'])
  assert.equal(readNamesLine('王刚\u3000李娜'), ['王刚', '李娜'])
  assert.equal(readNamesLine('王刚 李娜 张三 李四'), undefined)
  assert.equal(readNamesLine('社区服务中心'), undefined)
  assert.equal(readNamesLine(''), undefined)
})

test('author names: an affiliation glued to a Chinese name', () => {
  assert.is(withoutAffiliation('方敏北京大学经济学院教授'), '方敏')
  assert.is(withoutAffiliation('周立群上海交通大学安泰经济与管理学院教授'), '周立群')
  assert.is(withoutAffiliation('孟凡清华大学公共管理学院副教授'), '孟凡')
  assert.is(withoutAffiliation('欧阳明远武汉大学法学院教授'), '欧阳明远')
  assert.is(withoutAffiliation('王明远中国人民大学经济学院教授'), '王明远')
  // No place to tell the cut: three characters, the common length.
  assert.is(withoutAffiliation('刘晓红某某大学公共管理学院副教授'), '刘晓红')
  assert.is(withoutAffiliation('王小明教授'), '王小明')
  // `李华某` would leave `某大学`, an institution of one character.
  assert.is(withoutAffiliation('李华某某大学'), '李华')
  // Nothing glued, or no person's name to cut: as given.
  for (const value of ['张三', '新华社', '中国人民大学', '张江科技公司', 'Jane Roe', '某某大学经济学院教授']) assert.is(withoutAffiliation(value), value)
  assert.equal(cleanAuthors('陈刚复旦大学经济学院教授'), ['陈刚'])
  assert.equal(authorsOf('（作者：吴敏南京大学社会学院教授）'), ['吴敏'])
})

test('author names: placeholders and user names', () => {
  assert.equal(cleanAuthors('佚名'), [])
  assert.equal(cleanAuthors(['本站', '小编']), [])
  assert.ok(isAccountName('jroe_42'))
  assert.ok(isAccountName('pkerr88'))
  assert.ok(isAccountName('jroe'))
  assert.not.ok(isAccountName('Jane Roe'))
  assert.not.ok(isAccountName('Roe'))
  assert.not.ok(isAccountName('张三'))
})

test('cjk byline: a label after the names ends them (issue #15 grid)', () => {
  assert.equal(names('作者：周明远　发布时间：2021-03-04　浏览次数：128'), ['周明远'])
  assert.equal(names('（作者：周明远 单位：河湾大学）'), ['周明远'])
  assert.equal(names('记者 周明远 陈思远'), ['周明远', '陈思远'])
  assert.equal(parseCreditLine('作者：周明远　发布时间：2021-03-04　浏览次数：128'), {author: '周明远'})
  assert.equal(parseCreditLine('来源：河湾晨报 作者：周明远 2021-03-04 08:30'), {source: '河湾晨报', author: '周明远'})
  assert.equal(parseCreditLine('来源：河湾晨报2021-03-04 08:30'), {source: '河湾晨报'})
  assert.equal(parseCreditLine('记者：周明远 通讯员：李晓 2021-03-04'), {author: '周明远、李晓'})
  assert.equal(parseCreditLine('通讯员：李晓'), {author: '李晓'})
})

test('cjk byline: the correspondent first keeps the order of the line', () => {
  assert.equal(authorsOf('本报通讯员 李晓 记者 周明远'), ['李晓', '周明远'])
})

test('cjk byline: a reporter after a dateline, then the text after a space', () => {
  assert.equal(names('本报讯 记者周明远 今年开春以来，河湾区持续推进'), ['周明远'])
  assert.equal(names('本报讯 记者 周明远 李晓 今年开春以来，河湾区'), ['周明远', '李晓'])
  // Not a person's name after the label, or no dateline before it: no byline.
  assert.equal(readCjkByline('本报讯 记者了解 今年开春以来，河湾区'), undefined)
  assert.equal(readCjkByline('他说 记者周明远 今年开春以来，河湾区'), undefined)
  assert.equal(readCjkByline('本报讯 记者周明远 ，今年开春以来'), undefined)
})

test('cjk byline: names with the part they did after a slash', () => {
  assert.equal(readNameRoles('（周明远/文）')?.names, ['周明远'])
  assert.equal(readNameRoles('周明远 / 文　陈思远/图')?.names, ['周明远'])
  assert.equal(readNameRoles('周明远/文图')?.names, ['周明远'])
  assert.equal(names('【周明远/文】'), undefined, 'read by credit-line after `【】` become brackets')
  assert.equal(authorsOf('【周明远/文】'), ['周明远'])
  assert.equal(readNameRoles('陈思远/图'), undefined)
  assert.equal(readNameRoles('科技/文'), undefined)
  assert.equal(readNameRoles('周明远/编'), undefined)
  assert.equal(readNameRoles('文'), undefined)
})

test('cjk byline: a photo credit, then the writer’s on the same line', () => {
  assert.equal(readCredits('图/陈思远 文/周明远'), [
    {role: 'photographer', names: ['陈思远'], form: 'photo-label'},
    {role: 'author', names: ['周明远'], form: 'cjk-labelled'}
  ])
  assert.equal(authorsOf('摄影：陈思远 撰文：周明远'), ['周明远'])
  assert.equal(authorsOf('图/陈思远'), [])
  assert.equal(authorsOf('陈思远 摄'), [])
})

test('cjk byline: second-round forms of the grid', () => {
  assert.equal(authorsOf('【作者】周明远'), ['周明远'])
  assert.equal(authorsOf('[作者：周明远]'), ['周明远'])
  assert.equal(authorsOf('光明日报记者 周明远 光明日报通讯员 李晓'), ['周明远', '李晓'])
  assert.equal(authorsOf('记者 周明远 通讯员 李晓 报道'), ['周明远', '李晓'])
  assert.equal(authorsOf('本报讯（记者周明远 实习生李晓 通讯员王立）'), ['周明远', '李晓', '王立'])
  assert.equal(authorsOf('作者：周明远（河湾大学） 2021-03-04'), ['周明远'])
  assert.equal(authorsOf('发布时间:2021-03-04 08:30:12 来源:河湾晨报 作者:周明远'), ['周明远'])
  assert.equal(readAffiliationNote('作者简介：周明远，河湾大学经济学院教授。'), {names: ['周明远']})
  assert.equal(readAffiliationNote('【作者简介】周明远（河湾大学）'), {names: ['周明远']})
  assert.equal(readAffiliationNote('作者简介：本文作者长期研究区域经济。'), undefined)
  assert.equal(readAffiliationNote('作者简介：河湾大学，长期研究区域经济。'), {names: []})
})

test.run()
