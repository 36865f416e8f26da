/**
 * Measure author (and date) extraction on invented pages of many kinds.
 *
 *   npx tsx scripts/eval-bylines.ts [--out DIR] [--misses] [--only ID]
 *
 * Writes one page a case (`DIR/<id>.html`, default `/tmp/eval-bylines`),
 * converts each with `convert()` and compares `author` and `date` with what
 * the case expects. The pages are invented: page shells (WordPress,
 * DedeCMS/PHPCMS-style Chinese portals, a news app's article page, a plain
 * article, a Taiwanese site) around bylines of every kind (inside the body,
 * agency credit lines, editors in charge beside the writer, outlets and
 * publishers as authors, metadata naming the publisher, glued Latin
 * bylines, user names, script templates), some pages in GBK or Big5.
 *
 * Scoring:
 *
 * - `author`, strict: the same set of names (split on `,`, `，`, `、`, `;`,
 *   white space between Han names; a leading `By` dropped); a case that
 *   expects no author is right when there is none;
 * - `author`, lenient: the rule of `shared/check/eval-generic.mjs` (equal
 *   token sets, or the expected tokens in order; Han text as a substring);
 * - `date`: the same calendar day (`YYYY-MM-DD` prefix).
 *
 * Prints the figures overall and for Chinese pages alone, and with
 * `--misses` every miss with the source the value came from.
 *
 * @module
 */

import * as fs from 'node:fs'
import * as path from 'node:path'
import {parseArgs} from 'node:util'
import {convert} from '../index.js'

process.env.TZ = 'UTC'

interface Case {
  id: string
  /** Chinese page (counts in the Chinese figures). */
  zh: boolean
  /** Expected author(s), `''` when the page names none. */
  author: string
  /** Expected day, `YYYY-MM-DD`. */
  date: string
  html: string
  /** Address of the page (default `https://news.example/<id>.html`). */
  url?: string | undefined
  /** Encoding of the file written (`utf-8` default). */
  encoding?: 'gbk' | 'big5' | undefined
}

// ---------------------------------------------------------------- shells

interface Shell {
  title: string
  /** Extra `<head>` markup. */
  head?: string
  /** Markup between the headline and the body (the info line). */
  info?: string
  /** Paragraphs of the body (HTML). */
  body: Array<string>
  /** Markup after the body, inside the article. */
  after?: string
  site: string
  charset?: string
  lang?: string
}

const ZH_FILLER = [
  '当天上午，来自全市各区的近三百名代表参加了会议，围绕城市更新、社区治理和公共服务等议题展开讨论，现场气氛热烈。',
  '据介绍，今年以来，该市共新建和改造社区服务中心四十二个，覆盖居民超过六十万人，群众满意度明显提升。',
  '有关负责人表示，下一步将继续完善配套政策，推动优质资源向基层延伸，让更多居民在家门口享受到便利服务。',
  '不少参会代表认为，社区是城市治理的“最后一公里”，只有把工作做细做实，才能真正回应群众的期待。'
]
const EN_FILLER = [
  'The council voted on Tuesday evening to extend the harbour promenade by another two kilometres, ending a debate that had run for most of the year.',
  'Residents who spoke at the meeting were divided, with some welcoming the new cycle lanes and others worried about the loss of parking near the old ferry terminal.',
  'Work is expected to begin in the spring and to last about eighteen months, according to figures the planning office released alongside the decision.',
  'The mayor said the project would be paid for largely from a regional fund set aside for coastal repairs after last winter’s storms.'
]

function zhBody(first?: string, last?: string): Array<string> {
  const paragraphs = ZH_FILLER.map((text) => `<p>${text}</p>`)
  if (first) paragraphs.unshift(first)
  if (last) paragraphs.push(last)
  return paragraphs
}

function enBody(first?: string, last?: string): Array<string> {
  const paragraphs = EN_FILLER.map((text) => `<p>${text}</p>`)
  if (first) paragraphs.unshift(first)
  if (last) paragraphs.push(last)
  return paragraphs
}

/** A DedeCMS-style Chinese portal: header nav, `.info` line, `.content` body, editor line, sidebar. */
function dede(shell: Shell): string {
  return `<!DOCTYPE html><html><head><meta charset="${shell.charset ?? 'utf-8'}"><title>${shell.title}_${shell.site}</title>
<meta name="keywords" content="社区,服务"><meta name="description" content="${shell.title}">${shell.head ?? ''}</head>
<body><div class="header"><div class="logo"><a href="/">${shell.site}</a></div><ul class="nav"><li><a href="/">首页</a></li><li><a href="/news/">新闻</a></li><li><a href="/shehui/">社会</a></li><li><a href="/tiyu/">体育</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/news/">新闻</a> &gt; 正文</div>
<div class="main"><div class="left"><div class="title"><h1>${shell.title}</h1>${shell.info ?? ''}</div>
<div class="content">${shell.body.join('\n')}</div>${shell.after ?? ''}
<div class="share">分享到：<a href="#">微博</a><a href="#">微信</a></div>
<div class="prenext"><p>上一篇：<a href="/news/1.html">全市春季植树活动启动</a></p><p>下一篇：<a href="/news/3.html">地铁三号线将延长运营</a></p></div></div>
<div class="right"><h3>热点排行</h3><ul><li><a href="/a.html">一条热点新闻的标题在这里</a></li><li><a href="/b.html">另一条热点新闻标题</a></li></ul></div></div>
<div class="footer">Copyright © 2024 ${shell.site} 版权所有 备案号：京ICP备12345678号</div></body></html>`
}

/** A PHPCMS-style page: `#Article`, `h1` with the info line in a `span`, body in `.content`. */
function phpcms(shell: Shell): string {
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=${shell.charset ?? 'utf-8'}"><title>${shell.title} - ${shell.site}</title>${shell.head ?? ''}</head>
<body><div id="top"><a href="/">${shell.site}</a> <a href="/list-1.html">要闻</a> <a href="/list-2.html">本地</a></div>
<div class="crumbs"><a href="/">网站首页</a> &gt; <a href="/list-1.html">要闻</a> &gt; 正文</div>
<div id="Article"><h1>${shell.title}<br><span>${shell.info ?? ''}</span></h1>
<div class="content">${shell.body.join('\n')}</div>${shell.after ?? ''}</div>
<div class="related"><h5>相关文章</h5><ul><li><a href="/show-1.html">相关报道一</a></li><li><a href="/show-2.html">相关报道二</a></li></ul></div>
<div id="footer">主办：${shell.site}\u3000地址：某省某市某路 1 号</div></body></html>`
}

/** A news app's article page (the layout of large portals): `article` with a header, a source row, the body, an editor footer. */
function portal(shell: Shell): string {
  return `<!DOCTYPE html><html lang="${shell.lang ?? 'zh-CN'}"><head><meta charset="utf-8"><title>${shell.title}|${shell.site}</title>${shell.head ?? ''}</head>
<body><header class="site-header"><a class="logo" href="/">${shell.site}</a><nav><a href="/">首页</a><a href="/china">国内</a><a href="/world">国际</a></nav></header>
<main><article class="article"><h1 class="article-title">${shell.title}</h1><div class="article-meta">${shell.info ?? ''}</div>
<div class="article-body">${shell.body.join('\n')}</div>${shell.after ?? ''}</article>
<aside><h2>推荐阅读</h2><ul><li><a href="/x1">推荐文章的标题之一</a></li><li><a href="/x2">推荐文章的标题之二</a></li></ul></aside></main>
<footer>© ${shell.site}</footer></body></html>`
}

/** A WordPress post (any language). */
function wordpress(shell: Shell): string {
  return `<!DOCTYPE html><html lang="${shell.lang ?? 'en-US'}"><head><meta charset="${shell.charset ?? 'UTF-8'}"><title>${shell.title} &#8211; ${shell.site}</title>${shell.head ?? ''}</head>
<body class="post-template-default single single-post"><div id="page" class="site"><header id="masthead" class="site-header"><p class="site-title"><a href="/" rel="home">${shell.site}</a></p>
<nav class="main-navigation"><ul><li><a href="/">Home</a></li><li><a href="/category/news/">News</a></li></ul></nav></header>
<div id="content" class="site-content"><main id="main"><article id="post-1" class="post-1 post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">${shell.title}</h1><div class="entry-meta">${shell.info ?? ''}</div></header>
<div class="entry-content">${shell.body.join('\n')}</div><footer class="entry-footer">${shell.after ?? ''}</footer></article>
<nav class="post-navigation"><div class="nav-previous"><a href="/prev/" rel="prev">Previous post title</a></div></nav></main>
<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">Recent Posts</h2><ul><li><a href="/r1/">A recent post</a></li><li><a href="/r2/">Another recent post</a></li></ul></section></aside></div>
<footer id="colophon" class="site-footer">Proudly powered by WordPress</footer></div></body></html>`
}

/** A plain article page without a CMS's markup. */
function plain(shell: Shell): string {
  return `<!DOCTYPE html><html lang="${shell.lang ?? 'en'}"><head><meta charset="utf-8"><title>${shell.title} | ${shell.site}</title>${shell.head ?? ''}</head>
<body><div class="top"><a href="/">${shell.site}</a></div><div class="wrap"><h1>${shell.title}</h1>${shell.info ?? ''}
<div class="story">${shell.body.join('\n')}</div>${shell.after ?? ''}</div><div class="bottom">All rights reserved.</div></body></html>`
}

// ---------------------------------------------------------------- cases

const zhTitle = (n: number) => ['全市社区服务中心建设取得新进展', '城市更新项目年内全面启动', '公共服务向基层延伸成效明显', '多区推进社区治理创新试点'][n % 4]

const cases: Array<Case> = []
function zh(id: string, author: string, date: string, html: string, encoding?: Case['encoding'], url?: string): void {
  cases.push({id, zh: true, author, date, html, encoding, url})
}
function en(id: string, author: string, date: string, html: string): void {
  cases.push({id, zh: false, author, date, html})
}

// Chinese: bylines in the body.
zh(
  'dede-info-author-editor',
  '张建国',
  '2024-03-05',
  dede({title: zhTitle(0), site: '某市新闻网', info: '<div class="info">2024-03-05 10:20\u3000来源：新华网\u3000作者：张建国\u3000责任编辑：李红</div>', body: zhBody()})
)
zh(
  'dede-benbao-xun-reporter-correspondent',
  '刘洋, 陈静',
  '2024-04-11',
  dede({
    title: zhTitle(1),
    site: '某市日报网',
    info: '<div class="info">发布时间：2024-04-11 08:00\u3000来源：某市日报</div>',
    body: zhBody('<p>本报讯（记者 刘洋 通讯员 陈静）为进一步提升社区服务水平，某市近日召开专题会议。</p>'),
    after: '<div class="editor">编辑：王芳</div>'
  })
)
zh(
  'portal-xinhua-dateline-brackets',
  '孙立, 韩梅',
  '2024-03-01',
  portal({
    title: zhTitle(2),
    site: '某某新闻',
    info: '<span class="date">2024-03-01 16:42</span><span class="source">来源：新华社</span>',
    body: zhBody('<p>新华社北京3月1日电（记者 孙立 韩梅）记者从有关部门获悉，今年全国将新建一批社区服务设施。</p>'),
    after: '<p class="editor">责任编辑：陈晨</p>'
  })
)
zh(
  'portal-benbao-reporter-line',
  '王五',
  '2024-05-20',
  portal({title: zhTitle(3), site: '某某日报', info: '<span>2024年05月20日 07:30</span>', body: zhBody('<p>本报记者 王五</p>'), after: '<p>（责编：赵敏）</p>'})
)
zh('dede-wen-slash-top', '赵六', '2024-06-02', dede({title: zhTitle(0), site: '城市生活网', info: '<div class="info">2024-06-02\u3000来源：城市生活网</div>', body: zhBody('<p>文/赵六</p>')}))
zh('portal-wen-bar-top', '钱多多', '2024-06-15', portal({title: zhTitle(1), site: '某某观察', info: '<span>2024-06-15</span>', body: zhBody('<p>文｜钱多多</p>'), after: '<p>编辑｜孙小美</p>'}))
zh(
  'phpcms-author-after-lead',
  '周明',
  '2024-07-08',
  phpcms({
    title: zhTitle(2),
    site: '某省网',
    info: '2024-07-08 09:15 来源：某省网',
    body: ['<p><strong>导语：</strong>社区服务中心建设是今年的重点民生工程之一。</p>', '<p>作者：周明</p>', ...zhBody()]
  })
)
zh(
  'phpcms-author-at-end',
  '吴小平',
  '2024-07-09',
  phpcms({title: zhTitle(3), site: '某省网', info: '2024-07-09 09:15', body: zhBody(undefined, '<p>（作者：吴小平，系某大学公共管理学院教授）</p>'), after: '<p>责任编辑：郑好</p>'})
)
zh('portal-zhuanwen', '林一帆', '2024-08-01', portal({title: zhTitle(0), site: '某周刊', info: '<span>2024-08-01</span>', body: zhBody('<p>撰文：林一帆\u3000编辑：何苗</p>')}))
zh(
  'dede-correspondents-only',
  '林涛, 黄丽',
  '2024-08-12',
  dede({title: zhTitle(1), site: '某县融媒体中心', info: '<div class="info">2024-08-12 来源：本站</div>', body: zhBody('<p>本报讯（通讯员 林涛 黄丽）近日，某县举行社区服务推进会。</p>')})
)
zh(
  'portal-photo-then-reporter',
  '唐风',
  '2024-09-03',
  portal({
    title: zhTitle(2),
    site: '某某新闻',
    info: '<span>2024-09-03 11:00</span><span>来源：新华社</span>',
    body: ['<p><img src="/a.jpg" alt=""></p>', '<p>新华社记者 郭峰 摄</p>', '<p>新华社记者 唐风</p>', ...zhBody()]
  })
)
zh(
  'portal-chinanews-ascii-parens',
  '陈静',
  '2024-09-18',
  portal({
    title: zhTitle(3),
    site: '某新闻网',
    info: '<span>2024年09月18日 14:20</span><span>来源：中国新闻网</span>',
    body: zhBody('<p>中新网上海9月18日电 (记者 陈静)上海市有关部门18日发布消息，全市社区服务中心建设进度过半。</p>'),
    after: '<p>【编辑:王一】</p>'
  })
)
zh(
  'dede-editor-only',
  '',
  '2024-10-01',
  dede({title: zhTitle(0), site: '某市新闻网', info: '<div class="info">2024-10-01 来源：某市新闻网 编辑：张伟</div>', body: zhBody(), after: '<p>责任编辑：张伟</p>'})
)
zh(
  'portal-outlet-reporter-source',
  '黄晓',
  '2024-10-12',
  portal({title: zhTitle(1), site: '某某资讯', info: '<span>2024-10-12</span><span>来源：澎湃新闻</span>', body: zhBody('<p>澎湃新闻记者 黄晓</p>')})
)
zh(
  'dede-meta-author-outlet',
  '吴静',
  '2024-10-20',
  dede({
    title: zhTitle(2),
    site: '新京报网',
    head: '<meta name="author" content="新京报">',
    info: '<div class="info">2024-10-20 10:01 来源：新京报</div>',
    body: zhBody('<p>新京报讯（记者 吴静）近日，某市召开社区工作会议。</p>')
  })
)
zh(
  'portal-reporter-bar',
  '王磊',
  '2024-11-02',
  portal({title: zhTitle(3), site: '某某财经', info: '<span>2024-11-02</span>', body: zhBody('<p>记者｜王磊</p>'), after: '<p>编辑｜李想\u3000校对｜杜若</p>'})
)
zh(
  'dede-editor-top-author-end',
  '钱五',
  '2024-11-15',
  dede({title: zhTitle(0), site: '某市新闻网', info: '<div class="info">2024-11-15 编辑：李四</div>', body: zhBody(undefined, '<p>作者：钱五</p>')})
)
zh(
  'portal-review-producer',
  '贺新',
  '2024-11-20',
  portal({title: zhTitle(1), site: '某某台', info: '<span>2024-11-20</span>', body: zhBody('<p>记者 贺新</p>'), after: '<p>审核：周正\u3000监制：马强\u3000校对：卢一</p>'})
)
zh(
  'tw-reporter-city',
  '陳大文',
  '2024-02-14',
  portal({
    title: '社區服務中心建設取得新進展',
    site: '某某新聞網',
    lang: 'zh-TW',
    info: '<span class="time">2024/02/14 10:30</span>',
    body: [
      '<p>記者陳大文／台北報導</p>',
      '<p>台北市政府今天宣布，將在年底前完成十二處社區服務中心的改建工程，預計服務超過十萬名居民。</p>',
      '<p>市府官員表示，改建後的中心將提供長照、托育與就業諮詢等服務，並延長開放時間。</p>',
      '<p>不少里長認為，這項計畫能有效改善社區生活品質，但也希望市府加快施工進度。</p>'
    ]
  })
)
zh(
  'tw-central-agency',
  '林小美',
  '2024-02-20',
  portal({
    title: '社區長照服務據點再增加',
    site: '某某新聞網',
    lang: 'zh-TW',
    info: '<span class="time">2024/02/20 18:05</span>',
    body: [
      '<p>（中央社記者林小美台北20日電）衛生福利部今天表示，全國社區長照服務據點將再增加一百處。</p>',
      '<p>衛福部官員指出，新增據點將優先設置在偏鄉地區，以縮短民眾往返時間。</p>',
      '<p>據統計，目前全國已有超過三千處社區長照據點，服務人數持續成長。</p>',
      '<p>（編輯：王小明）1130220</p>'
    ]
  })
)
zh('portal-square-brackets', '孔明', '2024-03-22', portal({title: zhTitle(2), site: '某某网', info: '<span>2024-03-22</span>', body: zhBody('<p>【记者 孔明】</p>')}))
zh('dede-reporter-intern', '王五, 李四', '2024-04-02', dede({title: zhTitle(3), site: '某某晚报网', info: '<div class="info">2024-04-02</div>', body: zhBody('<p>本报记者 王五 实习生 李四</p>')}))
zh(
  'dede-renmin-info-line',
  '邓鹏',
  '2024-04-18',
  dede({title: zhTitle(0), site: '某某网', info: '<div class="info">2024年04月18日08:30\u3000来源：人民网－人民日报\u3000作者：邓鹏</div>', body: zhBody()})
)
zh(
  'portal-split-spans',
  '王一',
  '2024-05-03',
  portal({title: zhTitle(1), site: '某某新闻', info: '<span class="label">作者：</span><span class="name">王一</span><span class="time">2024-05-03 09:00</span>', body: zhBody()})
)
zh('portal-source-bar-author', '李明', '2024-05-28', portal({title: zhTitle(2), site: '某某新闻', info: '<span>2024-05-28</span>', body: zhBody('<p>来源：中国青年报 | 作者：李明</p>')}))
zh('dede-print-mark', '周涛', '2024-06-06', dede({title: zhTitle(3), site: '某某日报网', info: '<div class="info">2024-06-06</div>', body: zhBody('<p>◎ 本报记者 周涛</p>')}))
zh('portal-three-reporters', '王一, 李二, 张三', '2024-06-21', portal({title: zhTitle(0), site: '某某新闻', info: '<span>2024-06-21</span>', body: zhBody('<p>记者 王一、李二、张三</p>')}))
zh(
  'portal-xinjingbao-xun',
  '许小明',
  '2024-07-01',
  portal({
    title: zhTitle(1),
    site: '某某新闻',
    info: '<span>2024-07-01 08:12</span><span>来源：新京报</span>',
    body: ['<p>原标题：社区服务中心建设加速</p>', '<p>新京报讯（记者 许小明）记者近日从某市民政局获悉，全市社区服务中心建设进度过半。</p>', ...zhBody()],
    after: '<div class="show_author">责任编辑：刘德</div>'
  })
)
zh(
  'portal-163-editor-code',
  '许多',
  '2024-07-14',
  portal({
    title: zhTitle(2),
    site: '某易新闻',
    info: '<div class="post_info">2024-07-14 10:31:02\u3000来源: 澎湃新闻</div>',
    body: zhBody('<p>澎湃新闻记者 许多</p>'),
    after: '<div class="ep-editor">责任编辑：钱文_NBJ1234</div>'
  })
)
zh(
  'wechat-style',
  '赵子龙',
  '2024-08-08',
  portal({
    title: zhTitle(3),
    site: '微信公众平台',
    info: '<span class="rich_media_meta rich_media_meta_text">赵子龙</span> <span class="rich_media_meta rich_media_meta_nickname"><a id="js_name">某某观察</a></span> <em id="publish_time">2024-08-08 20:00</em>',
    body: zhBody()
  })
)
zh(
  'gbk-dede-reporter',
  '马兰',
  '2024-09-09',
  dede({title: zhTitle(0), site: '某市新闻网', charset: 'gbk', info: '<div class="info">2024-09-09 09:09\u3000来源：某市日报</div>', body: zhBody('<p>本报讯 记者 马兰 报道</p>')}),
  'gbk'
)
zh('gbk-phpcms-author-editor', '高翔', '2024-09-10', phpcms({title: zhTitle(1), site: '某省网', charset: 'gbk', info: '时间：2024-09-10 来源：某省日报 作者：高翔 编辑：罗兰', body: zhBody()}), 'gbk')
zh(
  'gbk-dede-bracket-reporters',
  '方正, 齐心',
  '2024-09-11',
  dede({
    title: zhTitle(2),
    site: '某市新闻网',
    charset: 'gbk',
    info: '<div class="info">2024-09-11</div>',
    body: zhBody('<p>本报讯（记者 方正 齐心）昨日，某市召开社区服务推进会。</p>'),
    after: '<p>责任编辑：唐糖</p>'
  }),
  'gbk'
)
zh(
  'big5-tw-reporter',
  '黃志明',
  '2024-09-12',
  portal({
    title: '社區服務中心改建完工',
    site: '某某新聞網',
    lang: 'zh-TW',
    head: '',
    info: '<span>2024-09-12</span>',
    body: [
      '<p>記者黃志明／高雄報導</p>',
      '<p>高雄市政府今天宣布，市內十處社區服務中心改建工程已全部完工，明天起開放民眾使用。</p>',
      '<p>市府表示，新中心將提供長照、托育與就業諮詢等服務。</p>',
      '<p>不少里長認為，這項計畫能有效改善社區生活品質。</p>'
    ]
  }).replace('charset="utf-8"', 'charset="big5"'),
  'big5'
)
zh(
  'portal-meta-author-site-vs-byline',
  '苏晴',
  '2024-10-05',
  portal({title: zhTitle(3), site: '某某网', head: '<meta name="author" content="某某网">', info: '<span>2024-10-05</span><span class="author">作者：苏晴</span>', body: zhBody()})
)
zh('portal-wen-end-bracket', '孟凡', '2024-10-06', portal({title: zhTitle(0), site: '某某网', info: '<span>2024-10-06</span>', body: zhBody(undefined, '<p>（文/孟凡）</p>')}))
zh(
  'wp-zh-username-vs-byline',
  '叶青',
  '2024-10-07',
  wordpress({
    title: zhTitle(1),
    site: '某某博客',
    lang: 'zh-CN',
    head: '<meta name="author" content="admin">',
    info: '<span class="byline"><span class="author vcard"><a class="url fn n" href="/author/admin/">admin</a></span></span> <time class="entry-date published" datetime="2024-10-07T09:00:00+08:00">2024年10月7日</time>',
    body: zhBody('<p>文/叶青</p>')
  })
)
zh('portal-jizhe-colon-multiple', '姚远, 谭笑', '2024-10-08', portal({title: zhTitle(2), site: '某某新闻', info: '<span>2024-10-08</span>', body: zhBody('<p>记者：姚远 谭笑</p>')}))
zh(
  'dede-shenhe-jianzhi-only',
  '',
  '2024-10-09',
  dede({title: zhTitle(3), site: '某市新闻网', info: '<div class="info">2024-10-09</div>', body: zhBody(), after: '<p>责编：秦川\u3000审核：宁静\u3000监制：欧阳山</p>'})
)

// Chinese: more forms of the byline and its neighbours.
zh('portal-zuozhe-gun', '张三', '2024-01-05', portal({title: zhTitle(0), site: '某某观察', info: '<span>2024-01-05</span>', body: zhBody('<p>作者丨张三</p>')}))
zh('portal-wen-gun', '李晓', '2024-01-06', portal({title: zhTitle(1), site: '某某观察', info: '<span>2024-01-06</span>', body: zhBody('<p>文丨李晓\u3000编辑丨王可</p>')}))
zh('dede-anonymous', '', '2024-01-07', dede({title: zhTitle(2), site: '某某信息网', info: '<div class="info">发布时间:2024-01-07 作者:佚名 来源:本站 点击:128</div>', body: zhBody()}))
zh('dede-author-admin', '', '2024-01-08', dede({title: zhTitle(3), site: '某某信息网', info: '<div class="info">时间:2024-01-08 10:00 作者:admin 来源:本站</div>', body: zhBody()}))
zh('portal-spaced-name', '王五', '2024-01-09', portal({title: zhTitle(0), site: '某某日报', info: '<span>2024-01-09</span>', body: zhBody('<p>本报记者\u3000王\u3000五</p>')}))
zh('portal-wen-colon', '刘畅', '2024-01-10', portal({title: zhTitle(1), site: '某某网', info: '<span>2024-01-10</span>', body: zhBody('<p>文：刘畅</p>')}))
zh(
  'portal-cctv-xiaoxi',
  '张帆',
  '2024-01-11',
  portal({title: zhTitle(2), site: '某某网', info: '<span>2024-01-11</span>', body: zhBody('<p>央视网消息（记者 张帆）：记者从有关部门了解到，全市社区服务中心建设进度过半。</p>')})
)
zh('portal-reporter-place-report', '张三, 李四', '2024-01-12', portal({title: zhTitle(3), site: '某某网', info: '<span>2024-01-12</span>', body: zhBody('<p>记者 张三 李四 北京报道</p>')}))
zh(
  'dede-author-link',
  '何平',
  '2024-01-13',
  dede({title: zhTitle(0), site: '某市新闻网', info: '<div class="info">2024-01-13 来源：某市日报 作者：<a href="/search?author=何平">何平</a></div>', body: zhBody()})
)
zh(
  'portal-class-author-unlabelled',
  '梁静',
  '2024-01-14',
  portal({title: zhTitle(1), site: '某某网', info: '<span class="time">2024-01-14 09:30</span><span class="author">梁静</span>', body: zhBody()})
)
zh('portal-closing-reporter-bracket', '骆驼', '2024-01-15', portal({title: zhTitle(2), site: '某某网', info: '<span>2024-01-15</span>', body: zhBody(undefined, '<p>（记者 骆驼）</p>')}))
zh(
  'tw-liberty-brackets',
  '陳大文',
  '2024-01-16',
  portal({
    title: '社區服務中心改建完工',
    site: '某某時報',
    lang: 'zh-TW',
    info: '<span>2024-01-16</span>',
    body: [
      '<p>〔記者陳大文／台北報導〕台北市政府今天宣布，市內十處社區服務中心改建工程已全部完工。</p>',
      '<p>市府表示，新中心將提供長照、托育與就業諮詢等服務，並延長開放時間。</p>',
      '<p>不少里長認為，這項計畫能有效改善社區生活品質，但也希望加快施工進度。</p>'
    ]
  })
)
zh(
  'tw-lead-brackets',
  '林志偉',
  '2024-01-17',
  portal({
    title: '社區長照據點再增加',
    site: '某某新聞',
    lang: 'zh-TW',
    info: '<span>2024-01-17</span>',
    body: [
      '<p>【記者林志偉／台中報導】台中市政府今天表示，全市社區長照服務據點將再增加二十處。</p>',
      '<p>市府官員指出，新增據點將優先設置在偏遠地區，以縮短民眾往返時間。</p>',
      '<p>據統計，目前全市已有超過三百處社區長照據點，服務人數持續成長。</p>'
    ]
  })
)
zh(
  'hk-reporter-colon',
  '陳嘉欣',
  '2024-01-18',
  portal({
    title: '社區中心延長開放時間',
    site: '某某報',
    lang: 'zh-HK',
    info: '<span>2024-01-18</span>',
    body: [
      '<p>記者：陳嘉欣</p>',
      '<p>政府今日宣布，全港社區中心將由下月起延長開放時間至晚上十時，方便上班人士使用。</p>',
      '<p>有議員表示歡迎，但認為當局應同時增加人手，以免前線員工工作量過重。</p>',
      '<p>當局表示，會密切留意使用情況，再決定是否進一步調整。</p>'
    ]
  })
)
zh(
  'portal-author-with-title',
  '张三',
  '2024-01-19',
  portal({title: zhTitle(3), site: '某某网', info: '<span>2024-01-19</span>', body: zhBody(undefined, '<p>作者：张三（某某大学经济学院副教授）</p>')})
)
zh(
  'portal-renmin-print',
  '李四',
  '2024-01-20',
  portal({title: zhTitle(0), site: '某某网', info: '<span>2024-01-20</span>', body: zhBody('<p>本报记者\u3000李四</p>', '<p>《 人民日报 》（ 2024年01月20日 04 版）</p>')})
)
zh(
  'dede-info-photo-author',
  '韩雪',
  '2024-01-21',
  dede({title: zhTitle(1), site: '某市新闻网', info: '<div class="info">2024-01-21\u3000作者：韩雪\u3000摄影：孙阳\u3000责任编辑：邹凯</div>', body: zhBody()})
)
zh('portal-banyuetan', '陆海', '2024-01-22', portal({title: zhTitle(2), site: '某某网', info: '<span>2024-01-22</span>', body: zhBody('<p>半月谈记者：陆海</p>')}))
zh(
  'portal-meta-author-is-editor',
  '',
  '2024-01-23',
  portal({title: zhTitle(3), site: '某某网', head: '<meta name="author" content="许晴">', info: '<span>2024-01-23</span>', body: zhBody(), after: '<p>责任编辑：许晴</p>'})
)
zh(
  'portal-weibo-meta-source-outlet',
  '范小勤',
  '2024-01-24',
  portal({title: zhTitle(0), site: '某某号', head: '<meta name="author" content="澎湃新闻">', info: '<span>2024-01-24 12:00</span><span>澎湃新闻</span>', body: zhBody('<p>澎湃新闻记者 范小勤</p>')})
)

zh(
  'portal-163-post-author',
  '祝明',
  '2024-02-01',
  portal({
    title: zhTitle(1),
    site: '某易',
    info: '<div class="post_info">2024-02-01 08:00:00\u3000来源: 新京报</div>',
    body: zhBody(),
    after: '<div class="post_author">本文来源：新京报 作者：祝明<br>责任编辑：王五_NBJS1234</div>'
  })
)
zh(
  'portal-xun-colon-in-brackets',
  '秦朗',
  '2024-02-02',
  portal({title: zhTitle(2), site: '某某网', info: '<span>2024-02-02</span>', body: zhBody('<p>本报讯（记者：秦朗）近日，某市举行社区服务推进会。</p>')})
)
zh('portal-fazi', '向南', '2024-02-03', portal({title: zhTitle(3), site: '某某网', info: '<span>2024-02-03</span>', body: zhBody('<p>本报记者 向南 发自上海</p>')}))
zh('portal-wen-outlet-fazi', '白露', '2024-02-04', portal({title: zhTitle(0), site: '某某网', info: '<span>2024-02-04</span>', body: zhBody('<p>文 | 澎湃新闻记者 白露 发自北京</p>')}))
zh(
  'portal-correspondent-first',
  '郑和, 汪洋',
  '2024-02-05',
  portal({title: zhTitle(1), site: '某某网', info: '<span>2024-02-05</span>', body: zhBody('<p>本报讯（通讯员 郑和 记者 汪洋）近日，某县召开社区服务推进会。</p>')})
)
zh('dede-source-author-bars', '蔡琳', '2024-02-06', dede({title: zhTitle(2), site: '某市新闻网', info: '<div class="info">2024-02-06 | 来源：某市日报 | 作者：蔡琳 | 浏览：352</div>', body: zhBody()}))

zh(
  'portal-xinhua-ti-then-reporters',
  '王五, 赵敏',
  '2024-02-07',
  portal({
    title: zhTitle(3),
    site: '某某网',
    info: '<span>2024-02-07 10:00</span><span>来源：新华网</span>',
    body: ['<p>新华社北京2月7日电 题：社区服务中心建设取得新进展</p>', '<p>新华社记者 王五 赵敏</p>', ...zhBody()]
  })
)
zh(
  'portal-guancha-wen-outlet-name',
  '王世纯',
  '2024-02-08',
  portal({title: zhTitle(0), site: '某某网', info: '<span>2024-02-08</span><span>来源：观察者网</span>', body: zhBody('<p>【文/观察者网 王世纯】据报道，多地近日推进社区服务中心建设。</p>')})
)
zh(
  'portal-huanqiu-report-reporter',
  '张三',
  '2024-02-09',
  portal({title: zhTitle(1), site: '某某网', info: '<span>2024-02-09</span>', body: zhBody('<p>【环球网报道 记者 张三】据报道，多地近日推进社区服务中心建设。</p>')})
)
zh(
  'portal-caixin-wen-outlet-names',
  '张三, 李四',
  '2024-02-10',
  portal({title: zhTitle(2), site: '某某网', info: '<div class="artInfo">文｜财新 张三 李四<br>2024年02月10日 18:05</div>', body: zhBody()})
)
zh('portal-21-outlet-reporter-report', '韦华', '2024-02-11', portal({title: zhTitle(3), site: '某某网', info: '<span>2024-02-11</span>', body: zhBody('<p>21世纪经济报道 记者 韦华 北京报道</p>')}))
zh(
  'people-author-class',
  '刘志强',
  '2024-02-12',
  dede({
    title: zhTitle(0),
    site: '某某网',
    info: '<div class="box01"><div class="fl">2024年02月12日08:30 来源：<a href="/">某某网－某某日报</a></div></div><p class="author">本报记者 刘志强</p>',
    body: zhBody(undefined, '<p>（责编：王五、李六）</p>')
  })
)
zh(
  'gmw-commentary-affiliation',
  '张晓',
  '2024-02-13',
  portal({
    title: zhTitle(1),
    site: '某某网',
    info: '<span class="m-con-source">来源：某某日报</span><span>2024-02-13</span>',
    body: zhBody('<p>作者：张晓（某某大学教授）</p>'),
    after: '<div class="liability">[ 责编：杨洋 ]</div>'
  })
)
zh(
  'sohu-editor-empty',
  '司马南山',
  '2024-02-14',
  portal({
    title: zhTitle(2),
    site: '某狐',
    info: '<span class="time">2024-02-14 09:00</span><span data-role="original-link">来源: <a href="#">某某日报</a></span>',
    body: ['<p>原标题：社区服务中心建设取得新进展</p>', '<p>文/司马南山</p>', ...zhBody(), '<p><a href="/">返回某狐，查看更多</a></p>'],
    after: '<p data-role="editor-name">责任编辑：<span></span></p>'
  })
)
zh(
  'jiemian-author-link-reporter',
  '包容',
  '2024-02-15',
  portal({
    title: zhTitle(3),
    site: '某面新闻',
    info: '<div class="article-info"><span class="author"><a href="/user/1.html">记者 包容</a></span><span class="date">2024/02/15 10:08</span></div>',
    body: zhBody()
  })
)
zh(
  'yicai-author-editor-one-line',
  '于洋',
  '2024-02-16',
  portal({title: zhTitle(0), site: '某财', info: '<div class="title-info"><p>作者：于洋 责编：宋佳</p><p>2024-02-16 10:08:00</p></div>', body: zhBody()})
)
zh(
  'cctv-xiaoxi-end-editor',
  '',
  '2024-02-17',
  portal({
    title: zhTitle(1),
    site: '某视网',
    info: '<span class="info">来源：<a href="#">某视新闻客户端</a> 2024年02月17日 20:04</span>',
    body: zhBody('<p>某视网消息（新闻联播）：记者从有关部门获悉，全市社区服务中心建设进度过半。</p>'),
    after: '<div class="zebian">编辑：张三 责任编辑：李四</div>'
  })
)
zh(
  'dede-author-writer-reporter-date-line',
  '邢飞, 冯一',
  '2024-02-18',
  dede({title: zhTitle(2), site: '某某晨报网', info: '<div class="info">2024-02-18 07:20 来源：某某晨报 记者 邢飞 通讯员 冯一</div>', body: zhBody()})
)
zh(
  'dede-xinhua-photo-caption-then-text',
  '钟南',
  '2024-02-19',
  dede({
    title: zhTitle(3),
    site: '某市新闻网',
    info: '<div class="info">2024-02-19</div>',
    body: [
      '<p><img src="/a.jpg"></p>',
      '<p>2月18日，居民在社区服务中心办理业务。新华社记者 孟鸿 摄</p>',
      '<p>新华社北京2月19日电（记者 钟南）记者19日从有关部门获悉，全国社区服务中心建设进度过半。</p>',
      ...zhBody()
    ]
  })
)
zh(
  'portal-mediaaccount-plus-byline',
  '乔木',
  '2024-02-20',
  portal({
    title: zhTitle(0),
    site: '某某号',
    info: '<div class="author-info"><a class="account-name" href="/u/1">城市观察家</a><span class="date">2024-02-20 10:08</span></div>',
    body: zhBody('<p>文 | 乔木</p>')
  })
)

// Chinese: where the date is.
zh(
  'gov-date-in-url-only',
  '',
  '2024-03-05',
  dede({title: zhTitle(1), site: '某某市人民政府', info: '<div class="info">来源：市民政局　浏览次数：<span id="hits">128</span></div>', body: zhBody()}),
  undefined,
  'https://www.example.gov.cn/xxgk/202403/t20240305_123456.html'
)
zh(
  'header-today-date',
  '',
  '2024-03-06',
  dede({title: zhTitle(2), site: '某某市新闻网', info: '<div class="info">发布时间：2024-03-06 09:12　来源：某某日报</div>', body: zhBody()}).replace(
    '<div class="header">',
    '<div class="topbar">今天是：2024年11月8日 星期五</div><div class="header">'
  )
)
zh('date-weekday', '', '2024-03-07', portal({title: zhTitle(3), site: '某某网', info: '<span>2024年3月7日 星期四</span>', body: zhBody()}))
zh('date-slashes-short', '', '2024-03-08', portal({title: zhTitle(0), site: '某某网', info: '<span class="date">2024/3/8 10:05</span>', body: zhBody()}))
zh('date-cjk-numerals', '', '2024-03-09', portal({title: zhTitle(1), site: '某某网', info: '<span>二〇二四年三月九日</span>', body: zhBody()}))
zh(
  'date-prev-link-first',
  '',
  '2024-03-10',
  dede({title: zhTitle(2), site: '某某市新闻网', info: '<div class="info">来源：某某日报</div><p class="time">时间：2024年03月10日</p>', body: zhBody()}).replace(
    '<div class="position">',
    '<div class="newslist"><a href="/old.html">旧闻一则</a><span>2023-12-01</span></div><div class="position">'
  )
)
zh(
  'date-xinhua-url-path',
  '',
  '2024-03-11',
  portal({title: zhTitle(3), site: '某某网', info: '<span>来源：新华网</span>', body: zhBody()}),
  undefined,
  'http://www.news.example.cn/politics/2024-03/11/c_1130000000.htm'
)
zh('date-fabu-riqi-hits', '', '2024-03-12', dede({title: zhTitle(0), site: '某某学校', info: '<div class="info">发布日期：2024-03-12　浏览次数：356　作者：</div>', body: zhBody()}))
zh(
  'date-no-year-modified',
  '',
  '2024-03-13',
  portal({title: zhTitle(1), site: '某某网', head: '<meta property="article:modified_time" content="2024-03-14T08:00:00+08:00">', info: '<span>03-13 18:20</span>', body: zhBody()})
)

// Chinese: lines that name no writer.
zh(
  'neg-interview-question',
  '',
  '2024-04-05',
  portal({
    title: zhTitle(2),
    site: '某某网',
    info: '<span>2024-04-05</span>',
    body: ['<p>记者：您怎么看社区服务中心的建设？</p>', '<p>王主任：我们一直把群众的需求放在第一位，今年新建的中心都是按照居民的意见来设计的。</p>', ...zhBody()]
  })
)
zh(
  'neg-photo-credit-only',
  '',
  '2024-04-06',
  portal({title: zhTitle(3), site: '某某网', info: '<span>2024-04-06</span>', body: ['<p><img src="/a.jpg"></p>', '<p>新华社记者 郭峰 摄</p>', ...zhBody()]})
)
zh(
  'neg-reporter-in-sentence',
  '',
  '2024-04-07',
  portal({title: zhTitle(0), site: '某某网', info: '<span>2024-04-07</span>', body: zhBody('<p>记者了解到，据新华社记者王明报道，全市社区服务中心建设进度过半。</p>')})
)
zh(
  'neg-source-and-editors',
  '',
  '2024-04-08',
  dede({title: zhTitle(1), site: '某市新闻网', info: '<div class="info">2024-04-08 来源：澎湃新闻</div>', body: zhBody(), after: '<p>编辑：赵敏　校对：钱程　审核：孙立　监制：李强</p>'})
)
zh(
  'neg-outlet-meta-only',
  '',
  '2024-04-09',
  portal({title: zhTitle(2), site: '某某网', head: '<meta name="author" content="新京报">', info: '<span>2024-04-09</span><span>来源：新京报</span>', body: zhBody()})
)

// Latin: precedence between metadata and visible bylines.
en(
  'wp-site-meta-author-vs-article-author',
  'Jane Roe',
  '2024-03-12',
  wordpress({
    title: 'Harbour promenade to grow by two kilometres',
    site: 'Harbour Gazette',
    head: '<meta name="author" content="Harbour Gazette"><meta property="article:author" content="Jane Roe"><meta property="article:published_time" content="2024-03-12T08:00:00+00:00">',
    info: '',
    body: enBody()
  })
)
en(
  'plain-site-meta-author-vs-byline',
  'Jane Roe',
  '2024-03-13',
  plain({
    title: 'Harbour promenade to grow by two kilometres',
    site: 'Harbour Gazette',
    head: '<meta name="author" content="Harbour Gazette Media"><meta name="date" content="2024-03-13">',
    info: '<p class="byline">By Jane Roe</p>',
    body: enBody()
  })
)
en(
  'plain-twitter-data1-vs-byline',
  'Mark Fenwick',
  '2024-03-14',
  plain({
    title: 'Ferry timetable changes from Monday',
    site: 'Coast Herald',
    head: '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Coast Herald Staff"><meta property="article:published_time" content="2024-03-14T10:00:00Z">',
    info: '<div class="byline">By Mark Fenwick</div>',
    body: enBody()
  })
)
en(
  'plain-glued-by',
  'Jane Roe',
  '2024-03-15',
  plain({
    title: 'Ferry terminal to close for repairs',
    site: 'Coast Herald',
    head: '<meta property="article:published_time" content="2024-03-15T10:00:00Z">',
    info: '<div class="byline"><span>By</span><a href="/authors/jane-roe">Jane Roe</a></div>',
    body: enBody()
  })
)
en(
  'plain-glued-title',
  'Jane Roe',
  '2024-03-16',
  plain({
    title: 'Ferry terminal to reopen',
    site: 'Coast Herald',
    head: '<meta property="article:published_time" content="2024-03-16T10:00:00Z">',
    info: '<div class="author-box"><a class="author-name" href="/authors/jane-roe">Jane Roe</a><span class="author-title">Staff Writer</span></div>',
    body: enBody()
  })
)
en(
  'wp-username-vs-display',
  'Paul Kerr',
  '2024-03-17',
  wordpress({
    title: 'New cycle lanes on the promenade',
    site: 'Bay Notes',
    head: '<meta name="author" content="pkerr88">',
    info: '<span class="byline">by <span class="author vcard"><a class="url fn n" href="/author/pkerr88/">Paul Kerr</a></span></span> <time class="entry-date published" datetime="2024-03-17T09:00:00+00:00">March 17, 2024</time>',
    body: enBody()
  })
)
en(
  'plain-script-template',
  'Ana Souza',
  '2024-03-18',
  plain({
    title: 'Storm repairs to finish by summer',
    site: 'Coast Herald',
    head: '<meta property="article:published_time" content="2024-03-18T10:00:00Z"><script type="text/template" id="card"><div class="byline">By {{ author.name }}</div></script>',
    info: '<div class="byline">By Ana Souza</div>',
    body: enBody()
  })
)
en(
  'plain-ld-org-vs-byline',
  'Tom Baker',
  '2024-03-19',
  plain({
    title: 'Parking near the ferry to be cut',
    site: 'Coast Herald',
    head: '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Parking near the ferry to be cut","datePublished":"2024-03-19T07:00:00Z","author":{"@type":"Organization","name":"Coast Herald"}}</script>',
    info: '<p class="byline">By Tom Baker</p>',
    body: enBody()
  })
)
en(
  'wp-meta-author-publisher-visible',
  'Lena Fischer',
  '2024-03-20',
  wordpress({
    title: 'Council approves harbour budget',
    site: 'Bay Notes',
    head: '<meta name="author" content="Bay Notes Editorial Team">',
    info: '<span class="byline">by <span class="author vcard"><a class="url fn n" href="/author/lena/">Lena Fischer</a></span></span> <time class="entry-date published" datetime="2024-03-20T09:00:00+00:00">March 20, 2024</time>',
    body: enBody()
  })
)
en(
  'plain-byline-bottom',
  'Omar Haddad',
  '2024-03-21',
  plain({
    title: 'Harbour lights restored',
    site: 'Coast Herald',
    head: '<meta property="article:published_time" content="2024-03-21T10:00:00Z">',
    body: enBody(),
    after: '<p class="author">Omar Haddad is a reporter at the Coast Herald.</p>'
  })
)
en(
  'plain-byline-first-paragraph',
  'Rita Moreno Diaz',
  '2024-03-22',
  plain({title: 'Lifeboat station gets new crew', site: 'Coast Herald', head: '<meta property="article:published_time" content="2024-03-22T10:00:00Z">', body: enBody('<p>By Rita Moreno Diaz</p>')})
)
en(
  'plain-ld-person-and-site-meta',
  'Kate Lin',
  '2024-03-23',
  plain({
    title: 'Pier reopens after inspection',
    site: 'Coast Herald',
    head: '<meta name="author" content="Coast Herald"><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-03-23T07:00:00Z","author":[{"@type":"Person","name":"Kate Lin"}]}</script>',
    body: enBody()
  })
)
en(
  'plain-caps-byline',
  'Jane Roe',
  '2024-03-24',
  plain({
    title: 'Pier lights switched on',
    site: 'Coast Herald',
    head: '<meta property="article:published_time" content="2024-03-24T10:00:00Z">',
    info: '<p class="byline">BY JANE ROE</p>',
    body: enBody()
  })
)
en(
  'wp-author-meta-vs-ld-person',
  'Lena Fischer',
  '2024-03-25',
  wordpress({
    title: 'Budget vote delayed',
    site: 'Bay Notes',
    head: '<meta name="author" content="Bay Notes"><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Article","datePublished":"2024-03-25T09:00:00+00:00","author":{"@id":"#lena"}},{"@type":"Person","@id":"#lena","name":"Lena Fischer"}]}</script>',
    body: enBody()
  })
)
en(
  'plain-glued-by-text',
  'Jane Roe',
  '2024-03-26',
  plain({
    title: 'Ferry fares frozen',
    site: 'Coast Herald',
    head: '<meta property="article:published_time" content="2024-03-26T10:00:00Z">',
    info: '<div class="byline">ByJane Roe</div>',
    body: enBody()
  })
)
en(
  'plain-glued-title-text',
  'Jane Roe',
  '2024-03-27',
  plain({
    title: 'Ferry fares to rise',
    site: 'Coast Herald',
    head: '<meta property="article:published_time" content="2024-03-27T10:00:00Z">',
    info: '<div class="byline">Jane RoeStaff Writer</div>',
    body: enBody()
  })
)
en(
  'plain-ld-person-username-vs-byline',
  'Jane Roe',
  '2024-03-28',
  plain({
    title: 'Harbour dredging begins',
    site: 'Coast Herald',
    head: '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-03-28T07:00:00Z","author":{"@type":"Person","name":"jroe_42"}}</script>',
    info: '<p class="byline">By Jane Roe</p>',
    body: enBody()
  })
)
en(
  'plain-meta-username-rel-author',
  'Jane Roe',
  '2024-03-29',
  plain({
    title: 'Harbour dredging ends',
    site: 'Coast Herald',
    head: '<meta name="author" content="jroe42"><meta property="article:published_time" content="2024-03-29T07:00:00Z">',
    info: '<p>By <a rel="author" href="/people/jane-roe">Jane Roe</a></p>',
    body: enBody()
  })
)
en(
  'plain-article-author-url-site-meta',
  'Jane Roe',
  '2024-03-30',
  plain({
    title: 'Harbour lights dimmed',
    site: 'Coast Herald',
    head: '<meta name="author" content="Coast Herald"><meta property="article:author" content="https://www.facebook.com/coastherald"><meta property="article:published_time" content="2024-03-30T07:00:00Z">',
    info: '<span class="author-name">Jane Roe</span>',
    body: enBody()
  })
)
en(
  'plain-twitter-data1-person-vs-byline',
  'John Doe',
  '2024-03-31',
  plain({
    title: 'Lifeboat launched',
    site: 'Coast Herald',
    head: '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Coast Herald"><meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="3 minutes"><meta property="article:published_time" content="2024-03-31T07:00:00Z">',
    info: '<p class="byline">By John Doe</p>',
    body: enBody()
  })
)
en(
  'wp-author-template-script',
  'Mia Wong',
  '2024-04-01',
  wordpress({
    title: 'Promenade benches replaced',
    site: 'Bay Notes',
    head: '<script type="text/x-handlebars-template" id="author-card"><span class="author vcard"><a class="url fn n">{{author}}</a></span></script>',
    info: '<span class="byline">by <span class="author vcard"><a class="url fn n" href="/author/mia/">Mia Wong</a></span></span> <time class="entry-date published" datetime="2024-04-01T09:00:00+00:00">April 1, 2024</time>',
    body: enBody()
  })
)

// ---------------------------------------------------------------- session 9: forms the cases above did not hold

/**
 * A WeChat official-account article as a browser saves it
 * (`mp.weixin.qq.com`): the writer in `.rich_media_meta_text` when the
 * account names one, the account's name in `#js_name`, `#publish_time`
 * (empty when saved before the page's script filled it in) and the
 * publication instant as `var ct = "…"` (Unix seconds) in a script; the body
 * `#js_content` is hidden until that script shows it.
 */
function wechat(shell: {title: string; writer?: string; account: string; shown?: string; ct?: string; head?: string; body: Array<string>}): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${shell.title}</title>
<meta property="og:title" content="${shell.title}"><meta property="og:url" content="http://mp.weixin.qq.com/s?__biz=MzA5NTAxMjM0NQ==&amp;mid=2650000001&amp;idx=1"><meta property="og:site_name" content="微信公众平台">${shell.head ?? ''}</head>
<body id="activity-detail" class="zh_CN wx_wap_page"><div id="js_article" class="rich_media"><div class="rich_media_inner"><div id="page-content" class="rich_media_area_primary"><div class="rich_media_area_primary_inner">
<h1 class="rich_media_title" id="activity-name">${shell.title}</h1>
<div id="meta_content" class="rich_media_meta_list">${shell.writer ? `<span class="rich_media_meta rich_media_meta_text">${shell.writer}</span>` : ''}
<span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a href="javascript:void(0);" class="wx_tap_link js_wx_tap_highlight" id="js_name">${shell.account}</a></span>
<span id="meta_content_hide_info"><em id="publish_time" class="rich_media_meta rich_media_meta_text">${shell.shown ?? ''}</em></span></div>
<div class="rich_media_content js_underline_content" id="js_content" style="visibility: hidden;"><section>${shell.body.join('\n')}</section></div>
<div class="rich_media_tool" id="js_toobar3"><a id="js_view_source" href="#">阅读原文</a> 阅读 <span id="readNum3">3456</span></div>
</div></div></div></div>
<div id="js_pc_qr_code" class="qr_code_pc_outer"><div class="qr_code_pc"><img id="js_pc_qr_code_img" class="qr_code_pc_img" alt=""><p>微信扫一扫<br>关注该公众号</p></div></div>
<script>var nickname = htmlDecode("${shell.account}"); var user_name = "gh_0123456789ab";${shell.ct ? ` var ct = "${shell.ct}";` : ''} var msg_title = '${shell.title}'.html(false);</script>
</body></html>`
}

// WeChat: the writer beside the account, the account alone, the instant only in the script.
zh(
  's9-wx-writer-account-ct',
  '李明',
  '2024-03-05',
  wechat({title: zhTitle(0), writer: '李明', account: '城市观察笔记', ct: '1709641800', body: zhBody()}),
  undefined,
  'https://mp.weixin.qq.com/s/AbCdEf0123'
)
zh(
  's9-wx-account-only-shown-time',
  '城市早读',
  '2024-03-06',
  wechat({title: zhTitle(1), account: '城市早读', shown: '2024-03-06 07:45', body: zhBody()}),
  undefined,
  'https://mp.weixin.qq.com/s/GhIjKl4567'
)
zh(
  's9-wx-og-author-account-writer',
  '周海燕',
  '2024-03-07',
  wechat({title: zhTitle(2), writer: '周海燕', account: '某某研究院', shown: '2024年3月7日 18:00', head: '<meta property="og:article:author" content="某某研究院">', body: zhBody()}),
  undefined,
  'https://mp.weixin.qq.com/s/MnOpQr8901'
)
zh(
  's9-wx-og-author-account-only-ct-local-day',
  '某某研究院',
  '2024-03-09',
  wechat({title: zhTitle(3), account: '某某研究院', ct: '1709915400', head: '<meta property="og:article:author" content="某某研究院">', body: zhBody()}),
  undefined,
  'https://mp.weixin.qq.com/s/StUvWx2345'
)
zh(
  's9-wx-body-byline',
  '张小北',
  '2024-04-10',
  wechat({title: zhTitle(0), account: '城市观察笔记', ct: '1712711700', body: zhBody('<p>文 | 张小北</p>')}),
  undefined,
  'https://mp.weixin.qq.com/s/YzAbCd6789'
)

// Dates in Chinese numerals.
zh('s9-date-numerals-ling', '', '2024-12-01', portal({title: zhTitle(1), site: '某某网', info: '<span>二零二四年十二月一日</span>', body: zhBody()}))
zh('s9-date-numerals-label', '', '2023-10-28', dede({title: zhTitle(2), site: '某市政府网', info: '<div class="info">发布时间：二〇二三年十月二十八日\u3000来源：市政府办公室</div>', body: zhBody()}))
zh(
  's9-date-numerals-notice-signature',
  '',
  '2024-03-05',
  plain({
    title: '关于开展社区服务中心建设督查的通知',
    site: '某市人民政府',
    lang: 'zh-CN',
    body: [...zhBody(), '<p style="text-align:right">某市人民政府办公室</p>', '<p style="text-align:right">二〇二四年三月五日</p>']
  })
)
zh(
  's9-gbk-date-numerals',
  '',
  '2024-01-15',
  dede({title: zhTitle(3), site: '某县新闻网', charset: 'gbk', info: '<div class="info">时间：二〇二四年一月十五日\u3000来源：某县融媒体中心</div>', body: zhBody()}),
  'gbk'
)

// Days without a year in an unlabelled span: completed only from the page's own dates.
zh(
  's9-partial-unlabelled-ld-modified',
  '',
  '2024-03-15',
  portal({
    title: zhTitle(0),
    site: '某某网',
    head: '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","dateModified":"2024-03-16T09:00:00+08:00"}</script>',
    info: '<span>03-15 09:10</span>',
    body: zhBody()
  })
)
zh(
  's9-partial-unlabelled-year-end',
  '',
  '2024-12-30',
  portal({title: zhTitle(1), site: '某某网', head: '<meta property="article:modified_time" content="2025-01-02T10:00:00+08:00">', info: '<span>12-30 21:05</span>', body: zhBody()})
)
zh(
  's9-partial-unlabelled-yue-ri',
  '',
  '2024-03-18',
  portal({title: zhTitle(2), site: '某某网', head: '<meta property="article:modified_time" content="2024-03-18T20:00:00+08:00">', info: '<span>3月18日 14:30</span>', body: zhBody()})
)
zh('s9-partial-unlabelled-no-year', '', '', dede({title: zhTitle(3), site: '某某新闻网', info: '<div class="info"><span>03-17 08:00</span></div>', body: zhBody()}))
zh(
  's9-partial-dateline-modified',
  '张三',
  '2024-03-19',
  portal({
    title: zhTitle(0),
    site: '某某新闻',
    head: '<meta property="article:modified_time" content="2024-03-20T08:00:00+08:00">',
    info: '<span>来源：新华社</span>',
    body: zhBody('<p>新华社北京3月19日电（记者 张三）记者从有关部门获悉，今年将新建一批社区服务设施。</p>')
  })
)

// An author named only in a closing line, or confirmed by one.
zh(
  's9-closing-zuozhe-wei-glued-name',
  '王明远',
  '2024-05-06',
  portal({title: zhTitle(1), site: '某某网', info: '<span>2024-05-06</span>', body: zhBody(undefined, '<p>（作者为中国人民大学经济学院教授王明远）</p>')})
)
zh(
  's9-closing-zuozhe-xi-spaced-name',
  '刘晓红',
  '2024-05-07',
  portal({title: zhTitle(2), site: '某某网', info: '<span>2024-05-07</span>', body: zhBody(undefined, '<p>（作者系某某大学公共管理学院副教授 刘晓红）</p>')})
)
zh(
  's9-closing-unit-top-name',
  '李国强',
  '2024-05-08',
  phpcms({title: zhTitle(3), site: '某省网', info: '2024-05-08 来源：某某日报', body: zhBody('<p>李国强</p>', '<p>（作者单位：某某大学马克思主义学院）</p>')})
)
zh(
  's9-closing-xi-top-name',
  '陈思远',
  '2024-05-09',
  portal({title: zhTitle(0), site: '某某理论网', info: '<span>2024-05-09</span>', body: zhBody('<p>陈思远</p>', '<p>（作者系某某省社会科学院研究员）</p>')})
)
zh(
  's9-closing-two-writers-top',
  '王刚, 李娜',
  '2024-05-10',
  portal({title: zhTitle(1), site: '某某理论网', info: '<span>2024-05-10</span>', body: zhBody('<p>王刚\u3000李娜</p>', '<p>（作者分别为某某大学教授、某某研究院研究员）</p>')})
)
zh('s9-neg-closing-no-name', '', '2024-05-11', portal({title: zhTitle(2), site: '某某网', info: '<span>2024-05-11</span>', body: zhBody(undefined, '<p>（作者系某某大学教授）</p>')}))
zh(
  's9-gbk-closing-zuozhe-wei',
  '赵文博',
  '2024-05-12',
  phpcms({title: zhTitle(3), site: '某省网', charset: 'gbk', info: '2024-05-12 来源：某某日报', body: zhBody(undefined, '<p>（作者为某某师范大学历史文化学院教授赵文博）</p>')}),
  'gbk'
)

// An affiliation glued to the name.
zh(
  's9-glued-affiliation-info',
  '周立群',
  '2024-06-03',
  dede({title: zhTitle(0), site: '某某网', info: '<div class="info">2024-06-03\u3000作者：周立群上海交通大学安泰经济与管理学院教授</div>', body: zhBody()})
)
zh(
  's9-glued-affiliation-spaced',
  '李华',
  '2024-06-04',
  portal({title: zhTitle(1), site: '某某网', info: '<span>2024-06-04</span><span>作者：李华 中国人民大学国际关系学院教授</span>', body: zhBody()})
)
zh(
  's9-glued-affiliation-meta',
  '陈刚',
  '2024-06-05',
  portal({title: zhTitle(2), site: '某某网', head: '<meta name="author" content="陈刚复旦大学经济学院教授">', info: '<span>2024-06-05</span>', body: zhBody()})
)
zh('s9-glued-affiliation-compound', '欧阳明远', '2024-06-06', portal({title: zhTitle(3), site: '某某网', info: '<span>2024-06-06</span>', body: zhBody('<p>作者：欧阳明远武汉大学法学院教授</p>')}))
zh(
  's9-glued-affiliation-qinghua',
  '孟凡',
  '2024-06-07',
  dede({title: zhTitle(0), site: '某某网', info: '<div class="info">2024-06-07\u3000作者：孟凡清华大学公共管理学院副教授</div>', body: zhBody()})
)
zh(
  's9-gbk-glued-affiliation',
  '吴敏',
  '2024-06-08',
  dede({title: zhTitle(1), site: '某某网', charset: 'gbk', info: '<div class="info">2024-06-08\u3000作者：吴敏南京大学社会学院教授</div>', body: zhBody()}),
  'gbk'
)

// The Taiwan agency's dateline: the reporter's name runs into the place.
function cna(title: string, day: string, dateline: string): string {
  return portal({
    title,
    site: '某某新聞網',
    lang: 'zh-TW',
    info: `<span class="time">${day.replace(/-/g, '/')} 08:05</span>`,
    body: [
      `<p>${dateline}美國國務院今天表示，將與盟友持續合作，共同因應區域內的各項挑戰。</p>`,
      '<p>國務院發言人在例行記者會上指出，相關會談已取得具體進展，雙方同意擴大合作範圍。</p>',
      '<p>外界預期，相關議題將在下個月的部長級會議中進一步討論。</p>'
    ]
  })
}
zh('s9-cna-washington-two-char', '王明', '2024-02-21', cna('國務院重申持續合作', '2024-02-21', '（中央社記者王明華盛頓20日電）'))
zh('s9-cna-brussels-three-char', '黃自強', '2024-02-22', cna('歐盟部長會議聚焦合作', '2024-02-22', '（中央社記者黃自強布魯塞爾21日電）'))
zh('s9-cna-two-reporters-newyork', '林小美, 王明', '2024-02-23', cna('聯合國會議討論合作', '2024-02-23', '（中央社記者林小美、王明紐約22日電）'))
zh('s9-cna-losangeles-two-char', '張明', '2024-02-24', cna('洛杉磯港口恢復運作', '2024-02-24', '（中央社記者張明洛杉磯23日電）'))
zh('s9-cna-tokyo-three-char', '陳家豪', '2024-02-25', cna('日本政府宣布新措施', '2024-02-25', '（中央社記者陳家豪東京24日電）'))
zh('s9-big5-cna-washington', '王明', '2024-02-26', cna('國務院宣布新計畫', '2024-02-26', '（中央社記者王明華盛頓25日電）').replace('charset="utf-8"', 'charset="big5"'), 'big5')

// ---------------------------------------------------------------- session 11: Taiwan and Hong Kong forms, written-up accounts, checkers, ROC years

const TW_FILLER = [
  '<p>市府官員表示，今年將優先改善老舊社區的無障礙設施，並增設多處長者共餐據點，讓居民就近獲得照顧。</p>',
  '<p>多位里長在說明會上提出建議，希望施工期間能妥善規劃交通動線，減少對居民日常生活的影響。</p>',
  '<p>專家認為，社區營造需要公部門與在地團體長期合作，才能讓各項服務真正落實到每一個家庭。</p>'
]
/** A Taiwanese or Hong Kong article page: `portal` in `zh-TW` (or `lang`), Traditional text, the byline where `first` puts it. */
function tw(shell: {title: string; info?: string; first?: string; last?: string; lang?: string; head?: string; site?: string}): string {
  return portal({
    title: shell.title,
    site: shell.site ?? '某某新聞網',
    lang: shell.lang ?? 'zh-TW',
    ...(shell.head ? {head: shell.head} : {}),
    ...(shell.info ? {info: shell.info} : {}),
    body: [...(shell.first ? [shell.first] : []), ...TW_FILLER, ...(shell.last ? [shell.last] : [])]
  })
}

// Taiwan's and Hong Kong's bylines: brackets, slashes, roles before the name.
zh(
  's11-liberty-two-reporters-composite',
  '張家豪, 林怡君',
  '2024-03-05',
  tw({title: '老舊社區改善計畫啟動', info: '<span>2024-03-05 05:30</span>', first: '<p>〔記者張家豪、林怡君／綜合報導〕行政院昨天核定老舊社區改善計畫，預計四年內投入百億元經費。</p>'})
)
zh(
  's11-special-correspondent-brackets',
  '陳美玲',
  '2024-03-06',
  tw({title: '東京都推出長者照顧新制', info: '<span>2024-03-06 09:12</span>', first: '<p>【特派記者陳美玲／東京報導】東京都政府今天公布長者照顧新制，將擴大居家服務的補助範圍。</p>'})
)
zh(
  's11-cna-dateline-unbracketed',
  '李明宏',
  '2024-03-07',
  tw({title: '行政院通過社區照顧預算', info: '<span>2024-03-07 14:20</span>', first: '<p>中央社記者李明宏台北7日電　行政院會今天通過社區照顧特別預算，將補助各縣市增設服務據點。</p>'})
)
zh('s11-zhuanwen-slash-photo', '林佳蓉', '2024-03-08', tw({title: '走進山城的老雜貨店', info: '<span>2024-03-08</span>', first: '<p>撰文／林佳蓉\u3000攝影／張家豪</p>'}))
zh('s11-caifang-zhuanwen', '陳雅琪, 黃冠中', '2024-03-09', tw({title: '一位老師傅的三十年', info: '<span>2024-03-09</span>', first: '<p>採訪／陳雅琪\u3000撰文／黃冠中</p>'}))
zh('s11-caifang-zhengli', '吳宗翰', '2024-03-10', tw({title: '從漁村到城市的返鄉路', info: '<span>2024-03-10</span>', first: '<p>採訪整理／吳宗翰</p>'}))
zh('s11-wen-tu-enumerated', '李淑芬', '2024-03-11', tw({title: '老街的春天', info: '<span>2024-03-11</span>', first: '<p>文／李淑芬、圖／王志強</p>'}))
zh('s11-koushu-zhengli-tw', '王秀英, 林小華', '2024-03-12', tw({title: '我在眷村長大的日子', info: '<span>2024-03-12</span>', first: '<p>口述／王秀英\u3000整理／林小華</p>'}))
zh(
  's11-koushu-zhengli-reporter',
  '赵大山, 刘芳',
  '2024-03-13',
  portal({title: '一个老矿工的回忆', site: '某某晚报', info: '<span>2024-03-13</span>', body: zhBody('<p>口述：赵大山\u3000整理：本报记者 刘芳</p>')})
)
zh(
  's11-checker-beside-writer',
  '郑凯文',
  '2024-03-14',
  tw({title: '社區圖書館延長開放', info: '<div class="info">2024/03/14 10:00\u3000作者：鄭凱文\u3000校對：何佩珊\u3000審核：蔡明德</div>'}).replace('鄭凱文', '郑凯文')
)
zh('s11-checkers-only', '', '2024-03-15', tw({title: '社區運動中心公告', info: '<div class="info">2024/03/15\u3000校對：何佩珊\u3000審核：蔡明德</div>'}))
zh('s11-editor-in-charge-only-tw', '', '2024-03-16', tw({title: '市區公車路線調整', info: '<span>2024-03-16</span>', last: '<p>責任編輯：江欣怡</p>'}))
zh(
  's11-hk-zhuanwen-colon-photo',
  '梁詠詩',
  '2024-03-17',
  tw({title: '深水埗小店的堅持', lang: 'zh-HK', site: '某某香港', info: '<span>2024-03-17</span>', first: '<p>撰文：梁詠詩\u3000攝影：何家明</p>'})
)
zh('s11-special-writer-line', '王文杰', '2024-03-18', portal({title: zhTitle(0), site: '某某日报', info: '<span>2024-03-18</span>', body: zhBody('<p>本报特约撰稿人 王文杰</p>')}))
zh('s11-tw-zhuanshu', '林志明', '2024-03-19', tw({title: '一座島嶼的記憶', info: '<span>2024-03-19</span>', first: '<p>特約撰述／林志明</p>'}))
zh('s11-info-reporter-slash-date', '蔡佩芳', '2024-03-20', tw({title: '桃園捷運綠線進度超前', info: '<div class="info">記者蔡佩芳／桃園報導\u30002024/03/20 10:20</div>'}))

// Forms a probe of Taiwanese, Hong Kong and portal bylines found next: translators, outlets before a slash, editors behind one.
zh(
  's11-translator-composite',
  '周怡廷',
  '2024-03-22',
  tw({title: '歐洲多國調整能源政策', info: '<span>2024-03-22 06:10</span>', first: '<p>〔編譯周怡廷／綜合報導〕歐洲多國近日宣布調整能源政策，加速推動再生能源。</p>'})
)
zh('s11-tv-outlet-slash-reporters', '王立群, 蕭雅文', '2024-03-23', tw({title: '颱風外圍環流影響 北部有雨', info: '<span>2024/03/23 12:40</span>', first: '<p>某某新聞／王立群、蕭雅文 台北報導</p>'}))
zh('s11-latin-outlet-reporter-photographer', '林宏達', '2024-03-24', tw({title: '夜市攤商迎來觀光人潮', info: '<span>2024/03/24 20:15</span>', first: '<p>ABCD記者 林宏達 / 攝影 陳志豪 台中報導</p>'}))
zh(
  's11-meta-author-editor-slash',
  '',
  '2024-03-25',
  tw({title: '區公所推出線上申辦服務', head: '<meta name="author" content="江欣怡">', info: '<span>2024-03-25</span>', last: '<p>責任編輯／江欣怡</p>'})
)
zh('s11-source-author-bars', '张海鹰', '2024-03-26', portal({title: zhTitle(1), site: '某某网', info: '<span>2024-03-26 09:00</span><span>来源 | 某某日报\u3000作者 | 张海鹰</span>', body: zhBody()}))
zh(
  's11-reporter-trainee-names',
  '张海鹰, 李文博, 王若溪',
  '2024-03-27',
  dede({title: zhTitle(2), site: '某某晚报网', info: '<div class="info">2024-03-27</div>', body: zhBody('<p>记者 张海鹰 李文博 见习记者 王若溪</p>')})
)

// A blog owner named by the handle of their blog's address; a blog name alone names no one.
zh(
  's11-blog-owner-handle',
  '小雨',
  '2024-03-21',
  wordpress({
    title: '花蓮三天兩夜慢遊',
    site: '小雨的旅行筆記',
    lang: 'zh-TW',
    head: '<meta name="author" content="小雨 (xiaoyu88)"><meta property="og:site_name" content="小雨的旅行筆記">',
    info: '<span>2024-03-21</span>',
    body: zhBody()
  }),
  undefined,
  'https://xiaoyu88.blog.example/post/123'
)

// Years of the Republic of China (year + 1911) on Taiwanese pages; full-width digits.
zh('s11-roc-minguo', '', '2024-03-05', tw({title: '市府公告道路施工', info: '<div class="info">發布日期：民國113年3月5日</div>'}))
zh('s11-roc-year-han', '', '2024-03-06', tw({title: '區公所辦理長者健檢', info: '<span class="date">113年3月6日 上午10:20</span>'}))
zh('s11-roc-slashes', '', '2024-03-07', tw({title: '公園整修完成開放', info: '<div class="info">發布日期：113/03/07</div>'}))
zh(
  's11-roc-tw-host',
  '',
  '2024-03-08',
  plain({title: '社區活動中心開放租借', site: '某某區公所', lang: 'zh-Hant', info: '<p class="date">更新日期：113-03-08</p>', body: TW_FILLER}),
  undefined,
  'https://www.district.example.gov.tw/news/123'
)
zh('s11-fullwidth-digits', '', '2024-03-09', tw({title: '圖書館閉館公告', info: '<span>２０２４年３月９日</span>'}))
zh('s11-fullwidth-roc', '', '2024-03-10', tw({title: '垃圾清運時間調整', info: '<span>中華民國１１３年３月１０日</span>'}))

// ---------------------------------------------------------------- encoding

let gbkTable: Map<string, Array<number>> | undefined
/** Encode text in GBK (table built from the WHATWG decoder). */
function encodeLegacy(text: string, label: 'gbk' | 'big5'): Uint8Array {
  const decoder = new TextDecoder(label)
  const table = label === 'gbk' ? (gbkTable ??= buildTable(decoder)) : buildTable(decoder)
  const bytes: Array<number> = []
  for (const char of text) {
    const code = char.codePointAt(0) ?? 63
    if (code < 0x80) bytes.push(code)
    else bytes.push(...(table.get(char) ?? [63]))
  }
  return Uint8Array.from(bytes)
}

function buildTable(decoder: TextDecoder): Map<string, Array<number>> {
  const table = new Map<string, Array<number>>()
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      const char = decoder.decode(Uint8Array.of(lead, trail))
      if ([...char].length === 1 && char !== '\uFFFD' && !table.has(char)) table.set(char, [lead, trail])
    }
  }
  return table
}

// ---------------------------------------------------------------- scoring

const CJK = /\p{Script=Han}/u
const fold = (value: string) => value.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase()

function namesOf(value: string): Array<string> {
  return fold(value)
    .replace(/^by\s+/, '')
    .split(/\s*[,，、;；]\s*|\s+(?:and|und)\s+|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u)
    .filter(Boolean)
    .sort()
}

function strictAuthor(got: string, want: string): boolean {
  if (!want) return !got
  return namesOf(got).join('|') === namesOf(want).join('|')
}

function tokens(value: string): Array<string> {
  const list = fold(value)
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .split(' ')
    .filter(Boolean)
  while (list.length > 0 && ['by', 'von', 'par', 'por', 'door'].includes(list[0])) list.shift()
  return list.filter((token) => !['and', 'und', 'et', 'y'].includes(token))
}

function lenientAuthor(got: string, want: string): boolean {
  if (!want) return !got
  const g = tokens(got)
  const w = tokens(want)
  if (g.length === 0) return false
  const gs = new Set(g)
  if (gs.size === new Set(w).size && w.every((token) => gs.has(token))) return true
  if (CJK.test(w.join(''))) return g.join('').includes(w.join(''))
  return ` ${g.join(' ')} `.includes(` ${w.join(' ')} `)
}

// ---------------------------------------------------------------- run

const {values} = parseArgs({options: {out: {type: 'string', default: '/tmp/eval-bylines'}, misses: {type: 'boolean', default: false}, only: {type: 'string'}}})
const out = values.out ?? '/tmp/eval-bylines'
fs.mkdirSync(out, {recursive: true})

const tally = {all: {n: 0, strict: 0, lenient: 0, date: 0}, zh: {n: 0, strict: 0, lenient: 0, date: 0}, s9: {n: 0, strict: 0, lenient: 0, date: 0}, s11: {n: 0, strict: 0, lenient: 0, date: 0}}
const misses: Array<string> = []
for (const item of cases) {
  if (values.only && item.id !== values.only) continue
  const bytes = item.encoding ? encodeLegacy(item.html, item.encoding) : new TextEncoder().encode(item.html)
  fs.writeFileSync(path.join(out, item.id + '.html'), bytes)
  const file = await convert(bytes, {url: item.url ?? 'https://news.example/' + item.id + '.html'})
  const article = (file.data.article ?? {}) as {author?: string; date?: string}
  const sources = (file.data.articleSources ?? {}) as Record<string, string>
  const got = article.author ?? ''
  const day = String(article.date ?? '').slice(0, 10)
  const strict = strictAuthor(got, item.author)
  const lenient = lenientAuthor(got, item.author)
  const dated = day === item.date
  for (const group of [tally.all, ...(item.zh ? [tally.zh] : []), ...(item.id.startsWith('s9-') ? [tally.s9] : []), ...(item.id.startsWith('s11-') ? [tally.s11] : [])]) {
    group.n++
    if (strict) group.strict++
    if (lenient) group.lenient++
    if (dated) group.date++
  }
  if (!strict || !dated)
    misses.push(
      `${item.id}: author ${JSON.stringify(got)} (${sources.author ?? '-'}) want ${JSON.stringify(item.author)}${dated ? '' : `; date ${day || '-'} (${sources.date ?? '-'}) want ${item.date}`}`
    )
}

const pct = (part: number, whole: number) => (whole === 0 ? '-' : ((100 * part) / whole).toFixed(1) + ' %')
for (const [name, group] of Object.entries(tally)) {
  console.log(
    `${{zh: 'Chinese', s9: 'added in session 9', s11: 'added in session 11'}[name] ?? 'all'} (n=${group.n}): author strict ${pct(group.strict, group.n)} · lenient ${pct(group.lenient, group.n)} · date ${pct(group.date, group.n)}`
  )
}
if (values.misses) for (const line of misses) console.log('  miss ' + line)
