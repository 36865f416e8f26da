/**
 * A grid of invented Chinese news pages (issue #15: Chinese pages alone,
 * author and date on pages nobody tuned for). Each form of header info line,
 * byline, agency credit, editor line, date and title is put into the page
 * shells of the common templates (portal article pages of the 163, Sina,
 * Tencent, ifeng, People's Daily, Xinhua, China News and The Paper kinds,
 * DedeCMS, PHPCMS, Discuz! portal and WordPress themes), and the frontmatter
 * must hold what a careful reader takes from the page: the writer, never the
 * editor, checker or photographer; the day the article went out; the
 * headline without the site's name.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {convert} from '../index.js'

type Slots = {title: string; info: string; lead: string; end: string}
type Shell = {name: string; page: (slots: Slots) => string}

const paragraphs = [
  '今年开春以来，河湾区持续推进滨江步道贯通工程，沿江十二公里的步道已有九公里完成铺装，沿线新增了三处观景平台和两座公共卫生间。',
  '区城建部门负责人介绍，工程采取分段施工的办法，每段完工后立即开放，尽量不影响附近居民晨练和散步，剩余路段预计在汛期前全部完工。',
  '家住江畔小区的退休教师老郑每天清晨都会来步道走上一圈，他说过去这里堆满了建筑垃圾，现在铺了透水砖，种上了樟树，成了大家最喜欢去的地方。',
  '下一步，区里还将结合居民意见，在步道沿线增设健身器材和夜间照明，并安排专人巡查维护，让这条滨江步道长期保持干净整洁。'
]

function body(lead: string, end: string): string {
  return '<p>' + lead + paragraphs[0] + '</p><p>' + paragraphs.slice(1).join('</p><p>') + '</p>' + end
}

function head(title: string, extra: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>${extra}</head>`
}

const nav = '<div class="nav"><a href="/">首页</a> <a href="/news/">新闻</a> <a href="/city/">城事</a> <a href="/finance/">财经</a></div>'
const footer = '<div class="footer"><p>关于我们 | 联系我们 | 广告服务</p><p>河湾网 版权所有 未经授权禁止转载</p></div>'

// Shells of the common templates: `info` is the row under the headline,
// `lead` opens the first paragraph, `end` closes the text.
const shells: Array<Shell> = [
  {
    name: '163',
    page: (s) =>
      `<body>${nav}<div class="post_content_main" id="epContentLeft"><h1>${s.title}</h1><div class="post_time_source">${s.info}</div><div class="post_body" id="endText">${body(s.lead, s.end)}<div class="ep-source cDGray"><span class="left">本文来源：河湾晨报</span><span class="ep-editor">责任编辑：马丽_NB1234</span></div></div></div>${footer}</body></html>`
  },
  {
    name: 'sina',
    page: (s) =>
      `<body>${nav}<h1 class="main-title">${s.title}</h1><div class="top-bar-wrap"><div class="date-source">${s.info}</div></div><div class="article" id="article">${body(s.lead, s.end)}<p class="show_author">责任编辑：马丽 </p></div>${footer}</body></html>`
  },
  {
    name: 'qq',
    page: (s) => `<body>${nav}<div class="LEFT"><h1>${s.title}</h1><div class="a_Info">${s.info}</div><div class="content-article">${body(s.lead, s.end)}</div></div>${footer}</body></html>`
  },
  {
    name: 'ifeng',
    page: (s) =>
      `<body>${nav}<div id="artical"><h1 id="artical_topic">${s.title}</h1><div id="artical_sth" class="clearfix"><p class="p_time">${s.info}</p></div><div id="main_content" class="js_selection_area">${body(s.lead, s.end)}</div></div>${footer}</body></html>`
  },
  {
    name: 'people',
    page: (s) =>
      `<body>${nav}<div class="clearfix w1000_320 text_title"><h3 class="pre"></h3><h1>${s.title}</h1><h4 class="sub"></h4><p class="author"></p><div class="box01"><div class="fl">${s.info}</div></div></div><div class="box_con" id="rwb_zw">${body(s.lead, s.end)}<div class="edit clearfix">(责编：马丽、刘思)</div></div>${footer}</body></html>`
  },
  {
    name: 'xinhua',
    page: (s) =>
      `<body>${nav}<div class="h-p3 clearfix"><div class="h-title">${s.title}</div><div class="h-info"><span class="h-time">${s.info}</span></div></div><div id="p-detail">${body(s.lead, s.end)}<div class="p-right left"><div id="articleEdit"><span class="tiyi1">【纠错】</span><span class="editor">责任编辑：马丽</span></div></div></div>${footer}</body></html>`
  },
  {
    name: 'chinanews',
    page: (s) =>
      `<body>${nav}<div class="content"><h1 style="display:block">${s.title}</h1><div class="left-time"><div class="left-t">${s.info}</div></div><div class="left_zw" style="position:relative">${body(s.lead, s.end)}<div class="adEditor"><div class="left_name right"><span>【编辑:马丽】</span></div></div></div></div>${footer}</body></html>`
  },
  {
    name: 'thepaper',
    page: (s) =>
      `<body>${nav}<div class="newscontent"><h1 class="news_title">${s.title}</h1><div class="news_about"><p>${s.info}</p></div><div class="news_txt">${body(s.lead, s.end)}</div><div class="news_editor">责任编辑：马丽 图片编辑：刘思</div><div class="news_editor">校对：陈远</div></div>${footer}</body></html>`
  },
  {
    name: 'dedecms',
    page: (s) =>
      `<body>${nav}<div class="viewbox"><div class="title"><h2>${s.title}</h2></div><div class="info"><small>${s.info}</small> 点击:<script src="/plus/count.php?view=yes&aid=1234&mid=1"></script>次</div><div class="content"><table width="100%"><tr><td>${body(s.lead, s.end)}</td></tr></table></div></div>${footer}</body></html>`
  },
  {
    name: 'phpcms',
    page: (s) => `<body>${nav}<div class="main"><div id="Article"><h1>${s.title}<br><span>${s.info}</span></h1><div class="content">${body(s.lead, s.end)}</div></div></div>${footer}</body></html>`
  },
  {
    name: 'discuz',
    page: (s) =>
      `<body>${nav}<div id="ct" class="ct2 wp cl"><div class="mn"><div class="bm vw"><div class="h hm"><h1 class="ph">${s.title}</h1><p class="xg1">${s.info}<span class="pipe">|</span>查看: 1532<span class="pipe">|</span>评论: 0</p></div><div class="d"><table cellpadding="0" cellspacing="0" class="vwtb"><tr><td id="article_content">${body(s.lead, s.end)}</td></tr></table></div></div></div></div>${footer}</body></html>`
  },
  {
    name: 'wordpress',
    page: (s) =>
      `<body class="post-template-default single single-post">${nav}<main id="main" class="site-main"><article class="post type-post status-publish"><header class="entry-header"><h1 class="entry-title">${s.title}</h1><div class="entry-meta">${s.info}</div></header><div class="entry-content">${body(s.lead, s.end)}</div></article></main>${footer}</body></html>`
  }
]

type Form = {
  name: string
  info?: string
  lead?: string
  end?: string
  meta?: string
  url?: string
  titleTag?: string
  author: string | undefined
  /** The day; `day` when left out (the shells' info row gives it). */
  date?: string | undefined
  source?: string
}

const title = '河湾区滨江步道贯通工程进展顺利'
const day = '2021-03-04'

// Header info lines: author, date and source in one row under the headline.
const infoLines: Array<Form> = [
  {name: 'source author time', info: '来源：河湾晨报 作者：周明远 2021-03-04 08:30', author: '周明远', date: day, source: '河湾晨报'},
  {name: 'published time then source', info: '发布时间：2021年03月04日 08:30&nbsp;&nbsp;来源：人民网', author: undefined, date: day, source: '人民网'},
  {name: 'time with slashes', info: '时间：2021/3/4 &nbsp; 来源：河湾网', author: undefined, date: day},
  {name: 'time with seconds then source', info: '2021-03-04 08:30:12　来源: 河湾晨报', author: undefined, date: day, source: '河湾晨报'},
  {name: 'author then time then views', info: '作者：周明远　发布时间：2021-03-04　浏览次数：128', author: '周明远', date: day},
  {name: 'author beside editor', info: '2021年3月4日 08:30 来源：河湾晨报 作者：周明远 编辑：刘思', author: '周明远', date: day},
  {name: 'publish date author editor in charge', info: '发布日期：2021-03-04 作者：周明远 责任编辑：刘思', author: '周明远', date: day},
  {name: 'bars between labels', info: '稿源：河湾晨报 | 作者：周明远 | 发布时间：2021-03-04 08:30', author: '周明远', date: day},
  {name: 'traditional labels', info: '發佈時間：2021-03-04 08:30 來源：河灣晨報 記者：周明遠', author: '周明遠', date: day},
  {name: 'two writers', info: '2021-03-04 08:30 作者：周明远 陈思远', author: '周明远, 陈思远', date: day},
  {
    name: 'labelled spans',
    info: '<span class="time">2021-03-04 08:30</span><span class="source">来源：河湾晨报</span><span class="author">作者：周明远</span>',
    author: '周明远',
    date: day,
    source: '河湾晨报'
  },
  {name: 'reporter and correspondent', info: '记者：周明远 通讯员：李晓 2021-03-04', author: '周明远, 李晓', date: day},
  {name: 'font size row', info: '【字号 大 中 小】 2021-03-04 08:30 来源：河湾晨报', author: undefined, date: day},
  {name: 'editor checker reviewer', info: '2021-03-04 08:30 来源：河湾晨报 作者：周明远 编辑：刘思 审核：王立', author: '周明远', date: day},
  {name: 'glued day and time', info: '2021年03月04日08:18&nbsp;&nbsp;来源：河湾网', author: undefined, date: day},
  {name: 'dots', info: '2021.03.04 08:30 来源：河湾晨报', author: undefined, date: day},
  {name: 'two-digit year labelled', info: '发布时间：21-03-04 08:30 来源：河湾晨报', author: undefined, date: day},
  {
    name: 'discuz publisher',
    info: '2021-3-4 08:30<span class="pipe">|</span> 发布者: hwadmin<span class="pipe">|</span>原作者: 周明远<span class="pipe">|</span>来自: 河湾晨报',
    author: '周明远',
    date: day
  },
  {name: 'reporter label with bar', info: '2021-03-04 08:30 | 记者 周明远', author: '周明远', date: day},
  {name: 'only editor in info', info: '2021-03-04 08:30 来源：河湾晨报 编辑：刘思', author: undefined, date: day},
  {name: 'only editor in charge in info', info: '2021-03-04 08:30 责任编辑：刘思', author: undefined, date: day},
  {name: 'author then date, no labels on date', info: '作者：周明远 2021-03-04', author: '周明远', date: day},
  {name: 'source glued to time', info: '来源：河湾晨报2021-03-04 08:30', author: undefined, date: day, source: '河湾晨报'}
]

// Bylines in the text: a line of their own above it, a lead's opening, after the lead.
const bodyBylines: Array<Form> = [
  {name: 'bracketed reporters opening the lead', lead: '（记者 周明远 陈思远）', author: '周明远, 陈思远'},
  {name: 'our reporter line', lead: '</p><p>本报记者 周明远</p><p>', author: '周明远'},
  {name: 'our report with reporter and correspondent', lead: '本报讯（记者 周明远 通讯员 李晓）', author: '周明远, 李晓'},
  {name: 'wen slash', lead: '</p><p>文/周明远</p><p>', author: '周明远'},
  {name: 'wen fullwidth bar', lead: '</p><p>文｜周明远</p><p>', author: '周明远'},
  {name: 'wen bar spaced', lead: '</p><p>文 | 周明远</p><p>', author: '周明远'},
  {name: 'written colon', lead: '</p><p>撰文：周明远</p><p>', author: '周明远'},
  {name: 'name slash wen in brackets', lead: '</p><p>【周明远/文】</p><p>', author: '周明远'},
  {name: 'reporter photo report', lead: '</p><p>记者 周明远 摄影报道</p><p>', author: '周明远'},
  {name: 'xinhua dateline', lead: '新华社北京3月4日电（记者 周明远）', author: '周明远'},
  {name: 'chinanews dateline', lead: '中新网3月4日电 (记者 周明远)', author: '周明远'},
  {name: 'chinanews dateline without reporter', lead: '中新网河湾3月4日电 ', author: undefined},
  {name: 'cctv news', lead: '央视网消息（新闻联播）：', author: undefined},
  {name: 'author after the lead', lead: paragraphs[0] + '</p><p>作者：周明远</p><p>', author: '周明远', info: '2021-03-04 08:30'},
  {name: 'written and edited bars', lead: '</p><p>撰文｜周明远　编辑｜刘思</p><p>', author: '周明远'},
  {name: 'text and pictures', lead: '</p><p>文 / 周明远 图 / 陈思远</p><p>', author: '周明远'},
  {name: 'text and photography', lead: '</p><p>文：周明远 摄影：陈思远</p><p>', author: '周明远'},
  {name: 'print mark reporter', lead: '</p><p>□本报记者 周明远</p><p>', author: '周明远'},
  {name: 'outlet reporter and intern', lead: '</p><p>■ 河湾晨报记者 周明远 实习生 李晓</p><p>', author: '周明远, 李晓'},
  {name: 'correspondent before reporter', lead: '</p><p>本报通讯员 李晓 记者 周明远</p><p>', author: '李晓, 周明远'},
  {name: 'chief reporter', lead: '</p><p>首席记者 周明远</p><p>', author: '周明远'},
  {name: 'reporter filed from', lead: '</p><p>河湾晨报记者 周明远 发自河湾</p><p>', author: '周明远'},
  {name: 'reporter bar', lead: '</p><p>记者｜周明远</p><p>', author: '周明远'},
  {name: 'author bar', lead: '</p><p>作者 | 周明远</p><p>', author: '周明远'},
  {name: 'source and author line', lead: '</p><p>来源：河湾晨报 作者：周明远</p><p>', author: '周明远'},
  {name: 'wen outlet reporter', lead: '</p><p>文 | 河湾晨报记者 周明远</p><p>', author: '周明远'},
  {name: 'our report glued reporter', lead: '本报讯 记者周明远 ', author: '周明远'},
  {name: 'reporter then place report', lead: '</p><p>本报记者 周明远 河湾报道</p><p>', author: '周明远'},
  {name: 'special correspondent', lead: '</p><p>特约记者 周明远</p><p>', author: '周明远'},
  {name: 'reporter and intern bracket', lead: '河湾网讯（记者 周明远 实习生 李晓）', author: '周明远, 李晓'},
  {name: 'trad agency dateline', lead: '（中央社記者周明遠台北4日電）', author: '周明遠'},
  {name: 'trad bracket report', lead: '【記者周明遠／台北報導】', author: '周明遠'},
  {name: 'trad reporter line', lead: '</p><p>記者周明遠／台北報導</p><p>', author: '周明遠'},
  {name: 'trad our reporter', lead: '</p><p>本報記者 周明遠</p><p>', author: '周明遠'}
]

// Closing notes naming the writer.
const closings: Array<Form> = [
  {name: 'closing author and unit', end: '<p>（作者：周明远 单位：河湾大学）</p>', author: '周明远'},
  {name: 'closing reporter in brackets', end: '<p>（记者 周明远）</p>', author: '周明远'},
  {name: 'closing author with title', end: '<p>（作者系河湾大学经济学院教授）</p>', author: undefined},
  {name: 'closing reporter line', end: '<p>本报记者 周明远</p>', author: '周明远'}
]

// Editors, checkers and photographers are no writers.
const notWriters: Array<Form> = [
  {name: 'editor in charge at the end', end: '<p>责任编辑：刘思</p>', author: undefined},
  {name: 'short editor in charge', end: '<p>责编：刘思</p>', author: undefined},
  {name: 'editor', end: '<p>编辑：刘思</p>', author: undefined},
  {name: 'reviewer and checker', end: '<p>审核：王立</p><p>校对：陈远</p>', author: undefined},
  {name: 'picture credit on top', lead: '</p><p>图/陈思远</p><p>', author: undefined},
  {name: 'photography credit on top', lead: '</p><p>摄影：陈思远</p><p>', author: undefined},
  {name: 'trad editor in brackets', end: '<p>（編輯：劉思）</p>', author: undefined},
  {name: 'trad editor in charge', end: '<p>責任編輯：劉思</p>', author: undefined},
  {name: 'producer and planner', end: '<p>监制：王立 策划：陈远</p>', author: undefined},
  {name: 'intern editor and checker', end: '<p>实习编辑：刘思 审校：王立</p>', author: undefined},
  {name: 'agency photographer caption', lead: '</p><figure><img src="/a.jpg" alt=""><figcaption>新华社记者 陈思远 摄</figcaption></figure><p>', author: undefined},
  {name: 'chinanews editor', end: '<p>【编辑:刘思】</p>', author: undefined},
  {name: 'people editors', end: '<p>(责编：刘思、王立)</p>', author: undefined},
  {name: 'editor slash', end: '<p>编辑/刘思</p>', author: undefined},
  {name: 'produced and coordinated', end: '<p>出品：河湾晨报 统筹：王立</p>', author: undefined},
  {name: 'writer beside editors', lead: '</p><p>记者 周明远</p><p>', end: '<p>责任编辑：刘思 校对：陈远</p>', author: '周明远'},
  {name: 'photo and writer', lead: '</p><p>图/陈思远 文/周明远</p><p>', author: '周明远'}
]

// Dates elsewhere than the info row.
const dates: Array<Form> = [
  {name: 'date in year/monthday url', info: '来源：河湾晨报', url: 'https://www.hewan.example/news/2021/0304/123456.shtml', author: undefined, date: day},
  {name: 'date in t-prefixed url', info: '来源：河湾晨报', url: 'https://www.hewan.example/xw/202103/t20210304_123456.html', author: undefined, date: day},
  {name: 'date in yyyymmdd url', info: '来源：河湾晨报', url: 'https://www.hewan.example/news/20210304/a123456.html', author: undefined, date: day},
  {name: 'meta publishdate', info: '来源：河湾晨报', meta: '<meta name="publishdate" content="2021-03-04">', author: undefined, date: day},
  {name: 'meta pubdate', info: '来源：河湾晨报', meta: '<meta name="pubdate" content="2021-03-04T08:30:00+08:00">', author: undefined, date: day},
  {name: 'time span', info: '<span class="time">2021-03-04 08:30</span> <span class="source">河湾晨报</span>', author: undefined, date: day},
  {name: 'chinese day', info: '2021年3月4日', author: undefined, date: day},
  {name: 'published then updated', info: '发布时间：2021-03-04 08:30 更新时间：2021-03-06 10:00', author: undefined, date: day},
  {name: 'chinese numerals', info: '二〇二一年三月四日', author: undefined, date: day},
  {name: 'em publish time', info: '<em id="publish_time">2021-03-04 08:30</em>', author: undefined, date: day},
  {name: 'no date anywhere', info: '来源：河湾晨报', author: undefined, date: undefined}
]

// Titles with the site's name after them, the headline not always an `h1`.
const titles: Array<Form> = [
  {name: 'sina suffix', titleTag: title + '_新浪新闻', author: undefined, date: day},
  {name: 'chinanews suffix', titleTag: title + '-中新网', author: undefined, date: day},
  {name: 'thepaper suffix', titleTag: title + ' | 澎湃新闻', author: undefined, date: day},
  {name: 'ifeng suffixes', titleTag: title + '_凤凰网资讯_凤凰网', author: undefined, date: day},
  {name: 'people suffix', titleTag: title + '--人民网', author: undefined, date: day},
  {name: 'xinhua suffix', titleTag: title + '-新华网', author: undefined, date: day},
  {name: 'channel and site suffixes', titleTag: title + '_资讯频道_河湾网', author: undefined, date: day},
  {name: 'dash suffix', titleTag: title + '——河湾网', author: undefined, date: day}
]

// A second round of forms, each in four of the shells (every shell in turn).
const moreInfoLines: Array<Form> = [
  {name: 'half-width colons, no spaces', info: '发布时间:2021-03-04 08:30:12 来源:河湾晨报 作者:周明远', author: '周明远', date: day, source: '河湾晨报'},
  {name: 'writers listed with 、', info: '2021-03-04 作者：周明远、陈思远', author: '周明远, 陈思远', date: day},
  {name: 'bracketed items', info: '[来源：河湾晨报] [作者：周明远] [时间：2021-03-04]', author: '周明远', date: day, source: '河湾晨报'},
  {name: 'ideographic spaces', info: '来源：河湾晨报　　作者：周明远　　编辑：刘思　　2021-03-04', author: '周明远', date: day, source: '河湾晨报'},
  {name: 'author source time bars', info: '作者：周明远 | 来源：河湾晨报 | 时间：2021年3月4日', author: '周明远', date: day, source: '河湾晨报'},
  {name: 'this article’s author', info: '本文作者：周明远 2021-03-04', author: '周明远', date: day},
  {name: 'article source and date', info: '文章来源：河湾晨报 发布时间：2021-03-04', author: undefined, date: day, source: '河湾晨报'},
  {name: 'admin placeholder', info: '作者:admin 发布时间:2021-03-04', author: undefined, date: day},
  {name: 'anonymous placeholder', info: '作者：佚名 来源：本站 时间：2021-03-04', author: undefined, date: day},
  {name: 'forum posted on', info: '发表于 2021-3-4 08:30', author: undefined, date: day},
  {name: 'published on', info: '发布于 2021-03-04', author: undefined, date: day},
  {name: 'clicks after time', info: '时间：2021-03-04 08:30:12 点击：128次', author: undefined, date: day},
  {name: 'updated before published', info: '更新时间：2021-03-06 10:00 发布时间：2021-03-04 08:30', author: undefined, date: day},
  {name: 'weekday after date', info: '2021年03月04日 星期四 08:30 来源：河湾晨报', author: undefined, date: day},
  {name: 'reporter and intern labels', info: '记者：周明远 实习生：李晓 2021-03-04', author: '周明远, 李晓', date: day},
  {name: 'affiliation in brackets', info: '作者：周明远（河湾大学） 2021-03-04', author: '周明远', date: day},
  {name: 'traditional author and date', info: '作者：周明遠 發布日期：2021-03-04', author: '周明遠', date: day},
  {name: 'writer reviewer published', info: '撰稿：周明远 审核：王立 发布：2021-03-04', author: '周明远', date: day},
  {name: 'contributor and author', info: '供稿：河湾区融媒体中心 作者：周明远 2021-03-04', author: '周明远', date: day},
  {name: 'government info source', info: '信息来源：河湾区住建局 发布日期：2021-03-04', author: undefined, date: day},
  {name: 'bracketed labels run together', info: '【发布时间：2021-03-04】【来源：河湾晨报】【作者：周明远】', author: '周明远', date: day, source: '河湾晨报'},
  {name: 'slashes in date', info: '2021/03/04 08:30 来源：河湾晨报', author: undefined, date: day},
  {name: 'iso instant', info: '发布时间：2021-03-04T08:30:00', author: undefined, date: day},
  {name: 'wire time', info: '发稿时间：2021-03-04 08:30', author: undefined, date: day},
  {name: 'day label', info: '日期：2021-03-04', author: undefined, date: day},
  {name: 'published time label', info: '发表时间：2021-03-04', author: undefined, date: day},
  {name: 'modified after published with bar', info: '发布时间：2021-03-04 08:30 | 修改时间：2021-03-06', author: undefined, date: day}
]

const moreBylines: Array<Form> = [
  {name: 'ring mark reporter', lead: '</p><p>◎ 本报记者 周明远</p><p>', author: '周明远'},
  {name: 'reporters and correspondent', lead: '</p><p>本报记者 周明远 陈思远 通讯员 李晓</p><p>', author: '周明远, 陈思远, 李晓'},
  {name: 'reporter correspondent reported', lead: '</p><p>记者 周明远 通讯员 李晓 报道</p><p>', author: '周明远, 李晓'},
  {name: 'text and pictures one name', lead: '</p><p>文 / 图　周明远</p><p>', author: '周明远'},
  {name: 'text label', lead: '</p><p>文字：周明远</p><p>', author: '周明远'},
  {name: 'written up label', lead: '</p><p>采写：周明远</p><p>', author: '周明远'},
  {name: 'bold reporter line', lead: '</p><p><strong>本报记者 周明远</strong></p><p>', author: '周明远'},
  {name: 'author with title in brackets', lead: '</p><p>作者：周明远（河湾大学经济学院教授）</p><p>', author: '周明远'},
  {name: 'xinhua two reporters', lead: '新华社河湾3月4日电（记者周明远、陈思远）', author: '周明远, 陈思远'},
  {name: 'people dateline', lead: '人民网河湾3月4日电 （记者周明远）', author: '周明远'},
  {name: 'our paper dateline', lead: '本报河湾3月4日电（记者周明远）', author: '周明远'},
  {name: 'according to a paper', lead: '据河湾晨报报道，', author: undefined},
  {name: 'correspondent only', lead: '本报讯（通讯员 李晓）', author: '李晓'},
  {name: 'outlet reporter in brackets', lead: '（河湾晨报记者 周明远）', author: '周明远'},
  {name: 'reporter text and photographer in brackets', lead: '河湾网讯（记者 周明远/文 陈思远/图）', author: '周明远'},
  {name: 'reporter intern correspondent glued', lead: '本报讯（记者周明远 实习生李晓 通讯员王立）', author: '周明远, 李晓, 王立'},
  {name: 'agency reporter line', lead: '</p><p>新华社记者 周明远</p><p>', author: '周明远'},
  {name: 'paper reporter and paper correspondent', lead: '</p><p>光明日报记者 周明远 光明日报通讯员 李晓</p><p>', author: '周明远, 李晓'},
  {name: 'author label in brackets', lead: '</p><p>【作者】周明远</p><p>', author: '周明远'},
  {name: 'end mark only', end: '<p>（完）</p>', author: undefined},
  {name: 'closing our reporter in brackets', end: '<p>（本报记者 周明远）</p>', author: '周明远'},
  {name: 'closing reporter and correspondent', end: '<p>(记者 周明远 通讯员 李晓)</p>', author: '周明远, 李晓'},
  {name: 'pictures from the writer', end: '<p>文中图片均由作者提供</p>', author: undefined},
  {name: 'closing source in brackets', end: '<p>（来源：河湾晨报）</p>', author: undefined},
  {name: 'closing source and author', end: '<p>本文来源：河湾晨报 作者：周明远</p>', author: '周明远'},
  {name: 'author biography', end: '<p>作者简介：周明远，河湾大学经济学院教授，主要研究区域经济。</p>', author: '周明远'}
]

const moreNotWriters: Array<Form> = [
  {name: 'intern editor in brackets', end: '<p>（实习编辑：刘思）</p>', author: undefined},
  {name: 'duty editor', end: '<p>值班编辑：刘思</p>', author: undefined},
  {name: 'editor reviewer final reviewer', end: '<p>编辑：刘思 审核：王立 终审：陈远</p>', author: undefined},
  {name: 'this issue’s editor', end: '<p>本期编辑 刘思</p>', author: undefined},
  {name: 'process editor', end: '<p>流程编辑：刘思</p>', author: undefined},
  {name: 'editor in charge in brackets', end: '<p>【责任编辑：刘思】</p>', author: undefined},
  {name: 'editor in charge with code', end: '<p>责任编辑：刘思 CN001</p>', author: undefined},
  {name: 'editor in round brackets', end: '<p>（编辑 刘思）</p>', author: undefined},
  {name: 'copy editor', end: '<p>文字编辑：刘思</p>', author: undefined},
  {name: 'copy checker', end: '<p>文字校对：陈远</p>', author: undefined},
  {name: 'video credit', lead: '</p><p>视频：陈思远</p><p>', author: undefined},
  {name: 'poster design', end: '<p>海报设计：陈思远</p>', author: undefined},
  {name: 'photo reporter photographed', lead: '</p><p>摄影记者 陈思远 摄</p><p>', author: undefined},
  {name: 'picture source', lead: '</p><p>图片来源：视觉中国</p><p>', author: undefined},
  {name: 'top picture', lead: '</p><p>题图：陈思远</p><p>', author: undefined},
  {name: 'agency photo caption paragraph', lead: '</p><p>新华社发（陈思远 摄）</p><p>', author: undefined},
  {name: 'copy reviewer', end: '<p>编审：王立</p>', author: undefined}
]

const moreDates: Array<Form> = [
  {name: 'hidden baidu time', info: '<span id="pubtime_baidu" style="display:none">2021-03-04 08:30:12</span>来源：河湾晨报', author: undefined, date: day},
  {name: 'meta PubDate', info: '来源：河湾晨报', meta: '<meta name="PubDate" content="2021-03-04 08:30">', author: undefined, date: day},
  {name: 'meta publishdate with time', info: '来源：河湾晨报', meta: '<meta name="publishdate" content="2021-03-04 08:30:12">', author: undefined, date: day},
  {name: 'meta itemprop datePublished', info: '来源：河湾晨报', meta: '<meta itemprop="datePublished" content="2021-03-04T08:30:00+08:00">', author: undefined, date: day},
  {name: 'weibo create time meta', info: '来源：河湾晨报', meta: '<meta name="weibo: article:create_at" content="2021-03-04 08:30:12">', author: undefined, date: day},
  {name: 'published time meta', info: '来源：河湾晨报', meta: '<meta property="article:published_time" content="2021-03-04T08:30:00+08:00">', author: undefined, date: day},
  {name: 'day without zero padding', info: '2021-3-4', author: undefined, date: day},
  {name: 'chinese day and weekday', info: '2021年3月4日 星期四', author: undefined, date: day},
  {name: 'date in brackets', info: '（2021-03-04）', author: undefined, date: day}
]

const moreTitles: Array<Form> = [
  {name: 'site and tagline suffixes', titleTag: title + ' - 河湾网 - 河湾新闻', author: undefined},
  {name: 'site and portal suffixes', titleTag: title + '_河湾网_河湾新闻门户', author: undefined},
  {name: 'site prefix', titleTag: '河湾网 - ' + title, author: undefined},
  {name: 'daily suffix', titleTag: title + '——河湾日报', author: undefined},
  {name: 'og title too', titleTag: title + '_河湾网', meta: '<meta property="og:title" content="' + title + '">', author: undefined}
]

const groups = {infoLines, bodyBylines, closings, notWriters, dates, titles}
const moreGroups = {moreInfoLines, moreBylines, moreNotWriters, moreDates, moreTitles}

type Result = {author: string | undefined; date: string | undefined; title: string | undefined; source: string | undefined}

async function fields(html: string, url: string | undefined): Promise<Result> {
  const head = String(await convert(html, url ? {url} : {})).split('\n---\n')[0]
  const read = (key: string) => new RegExp('^' + key + ': (.+)$', 'm').exec(head)?.[1]?.replace(/^'(.*)'$/, '$1')
  return {author: read('author'), date: read('date')?.slice(0, 10), title: read('title'), source: read('source')}
}

const full = Boolean(process.env.ZH_GRID_FULL)

/**
 * Convert every form in its shells; what differs from the reader's values.
 *
 * @param only
 *   Run only the cases whose `group form shell` holds this text.
 * @returns
 *   One line per field that differs.
 */
export async function gridFailures(only?: string): Promise<Array<string>> {
  const failures: Array<string> = []
  for (const [group, forms] of [...Object.entries(groups), ...Object.entries(moreGroups)]) {
    // Each form in every other shell (the first round) or every third (the second), each shell in turn; `ZH_GRID_FULL=1`: every shell.
    const step = full ? 1 : group in moreGroups ? 3 : 2
    for (const [index, form] of forms.entries()) {
      for (const [at, shell] of shells.entries()) {
        if (at % step !== index % step) continue
        if (only && !(group + ' ' + form.name + ' ' + shell.name).includes(only)) continue
        const info = form.info ?? '2021-03-04 08:30 来源：河湾晨报'
        const html = head(form.titleTag ?? title + '_河湾网', form.meta ?? '') + shell.page({title, info, lead: form.lead ?? '', end: form.end ?? ''})
        const got = await fields(html, form.url)
        const want: Result = {author: form.author, date: 'date' in form ? form.date : day, title, source: form.source ?? got.source}
        for (const key of ['author', 'date', 'title', 'source'] as const) {
          if (got[key] !== want[key]) failures.push(`${group} / ${form.name} / ${shell.name}: ${key} ${JSON.stringify(got[key])}, want ${JSON.stringify(want[key])}`)
        }
      }
    }
  }
  return failures
}

test('zh news grid: every form in every shell gives the reader’s author, date, title and source', async function () {
  const failures = await gridFailures()
  assert.equal(failures, [])
})

test.run()
