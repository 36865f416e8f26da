/**
 * Pages for scaling tests: every place where page text reaches a pattern
 * (title, metadata, JSON-LD, bylines, credit lines, dates, headings, tags,
 * class names, URLs, paragraphs, emphasis) holds a run of one character,
 * `n` long. A linear pipeline takes about 16× longer for 16× the run; a
 * quadratic pattern anywhere takes up to 256× longer.
 */

/** Characters to repeat: white space, separators, punctuation, letters, digits, CJK. */
export const pumps = [' ', '\u00a0', '\u3000', '\t', '\n', '.', '-', '–', '~', '|', '/', ':', '：', '·', '•', '_', ',', '、', '(', '«', '@', '#', 'a', 'A', '1', '中', '年']

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')

/** A page with a run of `n` × `char` in every place where text meets a pattern. */
export function adversarialPage(char: string, n: number): string {
  const run = char.repeat(n)
  const text = escapeHtml(run)
  const json = JSON.stringify(run).slice(1, -1).replace(/</g, '\\u003c')
  const url = 'https://news.example/2020/01/01/' + encodeURIComponent(run) + 'x.html'
  const words = '<p>This is a paragraph with enough words for the content scorer to pick it as the article, with more words.</p>'.repeat(3)
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    '<title>Title' +
    text +
    'x | Site</title>' +
    '<link rel="canonical" href="' +
    escapeHtml(url) +
    '">' +
    '<meta name="author" content="Jane' +
    text +
    'x">' +
    '<meta property="og:title" content="Og' +
    text +
    'x">' +
    '<meta property="article:published_time" content="2020-01-01' +
    text +
    'x">' +
    '<meta name="keywords" content="k' +
    text +
    'x">' +
    '<meta name="description" content="d' +
    text +
    'x">' +
    '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H' +
    json +
    'x","author":{"@type":"Person","name":"A' +
    json +
    'x"},"datePublished":"2020-01-01' +
    json +
    'x","publisher":{"name":"P' +
    json +
    'x"}}</script>' +
    '</head><body><header class="site-header' +
    text +
    '"><nav><a href="/">Home' +
    text +
    '</a></nav></header>' +
    '<article class="post' +
    text +
    'x"><h1 class="entry-title">Headline' +
    text +
    'x</h1>' +
    '<div class="byline">By Jane' +
    text +
    'x</div>' +
    '<p class="meta">作者：张三' +
    text +
    'x 来源：新华社' +
    text +
    'x 发布时间：2020年1月1日' +
    text +
    '10:30</p>' +
    '<p>记者' +
    text +
    '李四' +
    text +
    '报道</p>' +
    '<time datetime="2020-01-01' +
    text +
    'x">January 1' +
    text +
    ', 2020' +
    text +
    '</time>' +
    '<span class="date">Published ' +
    text +
    '1' +
    text +
    '</span>' +
    '<div class="entry-content' +
    text +
    '">' +
    words +
    '<p>Text' +
    text +
    'x <em>' +
    text +
    'emphasis' +
    text +
    '</em> <strong>中文' +
    text +
    '</strong></p>' +
    '<h2>Comments' +
    text +
    '(3' +
    text +
    ')' +
    text +
    '</h2>' +
    '<p><a href="/author/' +
    encodeURIComponent(run) +
    '">Author link' +
    text +
    '</a> <img src="/a' +
    encodeURIComponent(run) +
    '.png" alt="alt' +
    text +
    'x"></p>' +
    '</div><div class="post-tags"><a rel="tag" href="/tag/a">tag' +
    text +
    'x</a></div>' +
    '<div class="related' +
    text +
    '"><h3>Related' +
    text +
    '</h3><ul><li><a href="/r">Related' +
    text +
    'x</a></li></ul></div>' +
    '</article></body></html>'
  )
}
