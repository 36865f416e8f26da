// Deterministic benchmark corpus built from `../fixtures/*/input.html`, and
// a set of real pages from the shared generic corpus (`real`).
// `node corpus.mjs` prints the sets; `--write DIR` also saves each page.
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url))
const KB = 1024

export const setNames = ['fragment', 'full-page', 'large', 'mixed', 'real']

/**
 * Folder of real news pages (`<shared>/corpus/generic`): `NEWS_MARKDOWN_CORPUS`,
 * else `corpus/generic` under `NEWS_MARKDOWN_SHARED`, else the project's
 * sibling `../shared`, else `/work/shared`.
 */
export function realCorpusFolder() {
  if (process.env.NEWS_MARKDOWN_CORPUS) return process.env.NEWS_MARKDOWN_CORPUS
  const shared = [process.env.NEWS_MARKDOWN_SHARED, fileURLToPath(new URL('../../shared', import.meta.url)), '/work/shared'].filter(Boolean)
  for (const folder of shared) if (fs.existsSync(path.join(folder, 'corpus', 'generic'))) return path.join(folder, 'corpus', 'generic')
  throw new Error('No real-page corpus: set NEWS_MARKDOWN_CORPUS to a folder of saved news pages (`corpus/generic` of the shared material)')
}

/** Every `realStride`-th page of the real corpus, by name: 32 of its 319 pages, about 3.8 MB. */
const realStride = 10
export const scaleSizes = {'scale-10k': 10 * KB, 'scale-100k': 100 * KB, 'scale-1m': KB * KB, 'scale-4m': 4 * KB * KB}

/** Pages (strings) of one set: a name of `setNames` or of `scaleSizes`. */
export function corpusSet(name) {
  if (name === 'fragment') return [fixture('core-seed')]
  if (name === 'full-page') return [fullPage(rng(1))]
  if (name === 'large') return [article(rng(2), 1.6 * KB * KB)]
  if (name === 'mixed') return utf8Fixtures().map((name) => fixture(name))
  if (name === 'real') return realPages()
  if (name in scaleSizes) return [article(rng(3), scaleSizes[name])]
  throw new Error('Unknown corpus set `' + name + '`')
}

export function bytes(pages) {
  return pages.reduce((sum, page) => sum + Buffer.byteLength(page), 0)
}

/** Real saved pages (all UTF-8 bytes; a few declare a legacy charset but are not one), a fixed sample by sorted name. */
function realPages() {
  const folder = realCorpusFolder()
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.html'))
    .sort()
    .filter((_, index) => index % realStride === 0)
    .map((name) => fs.readFileSync(path.join(folder, name), 'utf8'))
}

function fixture(name) {
  return fs.readFileSync(path.join(fixtures, name, 'input.html'), 'utf8')
}

/** Fixtures given as text: skip those whose `expected.json` says `"bytes": true`. */
function utf8Fixtures() {
  return fs
    .readdirSync(fixtures)
    .sort()
    .filter((name) => {
      const expected = path.join(fixtures, name, 'expected.json')
      if (!fs.existsSync(path.join(fixtures, name, 'input.html'))) return false
      return !fs.existsSync(expected) || JSON.parse(fs.readFileSync(expected, 'utf8')).bytes !== true
    })
}

// mulberry32: a small seeded PRNG, so every run sees the same corpus.
function rng(seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  next.int = (n) => Math.floor(next() * n)
  next.pick = (list) => list[next.int(list.length)]
  return next
}

// Material taken from the fixtures.
const seed = fixture('core-seed')
const entry = seed.slice(seed.indexOf('<div class="entry">'), seed.indexOf('<!--END ENTRY-->'))
const paragraphs = [...entry.matchAll(/<p>[\s\S]*?<\/p>/g)].map((m) => m[0]).filter((p) => !p.includes('来源：'))
const table = /<table[\s\S]*?<\/table>/.exec(fixture('core-table-weather'))[0]
// Named fixtures only, so fixtures added later do not change the corpus.
const sentences = ['core-seed', 'core-table-weather', 'core-blockquote-ordered-list', 'core-strong-emphasis-cjk', 'full-page-published-time'].flatMap((name) => {
  const text = fixture(name)
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]*>/g, ' ')
  return text
    .split(/[。！？\n]/)
    .map((s) => s.replace(/\s+/g, '').trim())
    .filter((s) => s.length > 6 && s.length < 60 && !/[<>&]/.test(s))
})

/** Replace digits in text (never in tags) so repeated blocks differ. */
function vary(random, html) {
  return html
    .split(/(<[^>]*>)/)
    .map((part, i) => (i % 2 ? part : part.replace(/\d/g, () => String(random.int(10)))))
    .join('')
}

function title(random) {
  return random.pick(sentences).slice(0, 24)
}

/** A long article: the seed's paragraphs and the weather table, repeated. */
export function article(random, size) {
  const head = '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>' + title(random) + '</title>\n</head>\n<body>\n<h2>' + title(random) + '</h2>\n<div class="entry">\n'
  const tail = '</div><!--END ENTRY-->\n</body>\n</html>\n'
  const parts = [head]
  let total = Buffer.byteLength(head + tail)
  for (let i = 0; total < size; i++) {
    let block = vary(random, paragraphs[i % paragraphs.length]) + '\n'
    if (i % 12 === 5) block += '<h3>' + title(random) + '</h3>\n'
    if (i % 9 === 8) block += vary(random, table) + '\n'
    parts.push(block)
    total += Buffer.byteLength(block)
  }
  return parts.join('') + tail
}

function links(random, count, base, className) {
  const items = []
  for (let i = 0; i < count; i++) {
    const text = title(random).slice(0, 4 + random.int(8))
    const href = base + (2010000 + random.int(99999)) + '.html'
    items.push('<li' + (className ? ' class="' + className + '"' : '') + '><a href="' + href + '">' + text + '</a></li>')
  }
  return items.join('\n')
}

function script(random, size) {
  const lines = ['(function (w, d) {', '  "use strict";']
  for (let i = 0; lines.join('\n').length < size; i++) {
    const name = 'fn' + random.int(1e6).toString(36)
    lines.push(
      '  var ' + name + ' = function (el, opts) {',
      '    if (!el || el.nodeType !== 1) return null;',
      '    var s = "<div class=\\"w' + i + '\\">" + (opts && opts.label || "") + "<\\/div>";',
      '    for (var i = 0; i < ' + random.int(100) + '; i++) { el.setAttribute("data-k" + i, i * ' + random.int(1000) + ' & 0xff); }',
      '    return el.innerHTML = s, d.querySelectorAll(".w' + i + " a[href^='http']\").length > " + random.int(9) + ';',
      '  };',
      '  w.__cfg_' + i + ' = {id: ' + random.int(1e9) + ', on: ' + (random() > 0.5) + ', run: ' + name + '};'
    )
  }
  lines.push('})(window, document);')
  return '<script type="text/javascript">\n' + lines.join('\n') + '\n</script>'
}

function style(random, size) {
  const rules = []
  for (let i = 0; rules.join('\n').length < size; i++) {
    const selector = random.pick(['.widget', '#sidebar', '.menu-item', '.comment', '.entry p', '#footer li', '.post h2']) + ' .c' + i.toString(36)
    rules.push(
      selector +
        '{margin:' +
        random.int(20) +
        'px ' +
        random.int(20) +
        'px;padding:' +
        random.int(12) +
        'px;color:#' +
        random.int(0xffffff).toString(16).padStart(6, '0') +
        ';font-size:' +
        (12 + random.int(8)) +
        'px;line-height:1.' +
        random.int(9) +
        '}'
    )
  }
  return '<style type="text/css">\n' + rules.join('\n') + '\n</style>'
}

function comments(random, count) {
  const items = []
  for (let i = 1; i <= count; i++) {
    const body = Array.from({length: 1 + random.int(2)}, () => '<p>' + random.pick(sentences) + '。</p>').join('')
    items.push(
      '<li class="comment" id="comment-' +
        i +
        '"><div class="comment-author vcard"><cite class="fn">' +
        title(random).slice(0, 4) +
        '</cite> <span class="says">说：</span></div><div class="comment-meta"><a href="#comment-' +
        i +
        '">2020年4月' +
        (15 + random.int(14)) +
        '日 ' +
        random.int(24) +
        ':' +
        String(random.int(60)).padStart(2, '0') +
        '</a></div>' +
        body +
        '<div class="reply"><a class="comment-reply-link" href="#respond">回复</a></div></li>'
    )
  }
  return '<div id="comments">\n<h3 id="comments-title">' + count + ' 条评论</h3>\n<ol class="commentlist">\n' + items.join('\n') + '\n</ol>\n</div>'
}

/** A full page around the seed article: head, scripts, styles, menus, sidebar, comments, footer. */
export function fullPage(random) {
  const site = 'https://www.bannedbook.org/bnews/'
  const metas = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>中俄外长通话：同意保障在俄中国公民健康安全 - 禁闻网</title>',
    '<link rel="canonical" href="' + site + 'cnnews/20200415/1310000.html">',
    '<meta property="og:type" content="article">',
    '<meta property="og:title" content="中俄外长通话：同意保障在俄中国公民健康安全">',
    '<meta property="og:site_name" content="禁闻网">',
    '<meta property="article:published_time" content="2020-04-15T10:20:00+08:00">'
  ]
  for (let i = 0; i < 40; i++) metas.push('<meta name="' + random.pick(['twitter:', 'article:', 'sailthru.', 'parsely-']) + 'k' + i + '" content="' + random.pick(sentences) + '">')
  for (let i = 0; i < 8; i++) metas.push('<link rel="preload" as="font" href="' + site + 'fonts/f' + i + '.woff2" crossorigin>')
  const scripts = Array.from({length: 12}, () => script(random, 2300))
  const menus = Array.from(
    {length: 10},
    (_, i) =>
      '<li class="menu-item menu-item-has-children"><a href="' +
      site +
      'c' +
      i +
      '/">' +
      title(random).slice(0, 4) +
      '</a>\n<ul class="sub-menu">\n' +
      links(random, 14, site + 'c' + i + '/', 'menu-item') +
      '\n</ul></li>'
  ).join('\n')
  const widgets = Array.from(
    {length: 10},
    () => '<div class="widget widget_posts"><h3 class="widget-title">' + title(random).slice(0, 6) + '</h3>\n<ul>\n' + links(random, 30, site + 'cnnews/') + '\n</ul></div>'
  ).join('\n')
  const footer = Array.from({length: 4}, () => '<ul class="footer-links">\n' + links(random, 15, site + 'about/') + '\n</ul>').join('\n')
  const page = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    ...metas,
    style(random, 12000),
    scripts[0],
    scripts[1],
    scripts[2],
    style(random, 8000),
    scripts[3],
    '</head>',
    '<body class="post-template-default single single-post">',
    '<div id="wrapper">',
    '<header id="header">',
    '<div class="logo"><a href="' + site + '">禁闻网</a></div>',
    '<nav id="nav" class="main-nav"><ul class="menu">',
    menus,
    '</ul></nav>',
    scripts[4],
    '</header>',
    '<div id="container">',
    '<div id="content">',
    '<div class="breadcrumb">当前位置：<a href="' + site + '">首页</a> &raquo; 正文</div>',
    '<div class="post" id="post-1310000">',
    seed,
    '</div>',
    scripts[5],
    comments(random, 40),
    '</div>',
    '<div id="sidebar">',
    widgets,
    scripts[6],
    '</div>',
    '</div>',
    '<footer id="footer">',
    footer,
    '<p class="copyright">Copyright &copy; 2020 禁闻网 All Rights Reserved.</p>',
    '</footer>',
    '</div>',
    ...scripts.slice(7),
    '</body>',
    '</html>'
  ]
  return page.join('\n') + '\n'
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const write = process.argv.indexOf('--write')
  const dir = write > -1 ? process.argv[write + 1] : null
  for (const name of [...setNames, ...Object.keys(scaleSizes)]) {
    const pages = corpusSet(name)
    console.log(name.padEnd(12) + String(pages.length).padStart(3) + ' pages ' + (bytes(pages) / KB).toFixed(1).padStart(8) + ' KB')
    if (dir) {
      fs.mkdirSync(path.join(dir, name), {recursive: true})
      pages.forEach((page, i) => fs.writeFileSync(path.join(dir, name, String(i).padStart(2, '0') + '.html'), page))
    }
  }
}
