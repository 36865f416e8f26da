/**
 * Metadata in less common shapes: a JSON-LD author given as `givenName` and
 * `familyName`, JSON-LD values as `{"@value": …}` objects, microdata with an
 * organisation as author, a `<time>` without `datetime` and an empty
 * `<meta itemprop>`, a profile date in a `datetime` without offset read in
 * the profile's time zone.
 */
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {convert, validateProfile} from '../index.js'

const body = '<body><article><h1>标题在此</h1><p>正文第一段，记者报道了当地的情况，内容足够长，足够长。</p><p>第二段。</p></article></body>'
const withJsonLd = (data: unknown) => '<html><head><script type="application/ld+json">' + JSON.stringify(data) + '</script></head>' + body + '</html>'

async function frontmatter(html: string, options = {}): Promise<string> {
  const text = String(await convert(html, options))
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text)
  assert.ok(match, text)
  return match[1]
}

test('meta edges: a JSON-LD author with only `givenName` and `familyName` is named by both', async function () {
  const yaml = await frontmatter(withJsonLd({'@type': 'NewsArticle', headline: '标题在此', author: {'@type': 'Person', givenName: 'Anna', familyName: 'Berg'}}))
  assert.match(yaml, /^author: Anna Berg$/m)
})

test('meta edges: JSON-LD values given as `{"@value": …}` objects are read', async function () {
  const yaml = await frontmatter(withJsonLd({'@type': 'NewsArticle', headline: {'@value': '标题在此', '@language': 'zh'}, datePublished: {'@value': '2021-03-04T10:00:00+08:00'}}))
  assert.match(yaml, /^title: 标题在此$/m)
  assert.match(yaml, /^date: '?2021-03-04T10:00:00\+08:00'?$/m)
})

test('meta edges: microdata: an organisation is not an author; a `<time>` without `datetime` gives its text; an empty `<meta itemprop>` gives nothing', async function () {
  const yaml = await frontmatter(
    '<html><head></head><body><article itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">标题在此</h1><span itemprop="author" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">某机构</span></span><span itemprop="author">李明</span><time itemprop="datePublished">2021-03-04</time><meta itemprop="dateModified"><p>正文第一段，记者报道了当地的情况，内容足够长，足够长。</p><p>第二段。</p></article></body></html>'
  )
  assert.match(yaml, /^author: 李明$/m)
  assert.not.match(yaml, /某机构/)
  assert.match(yaml, /^date: '?2021-03-04'?$/m)
  assert.not.match(yaml, /modified/)
})

test('meta edges: a profile date in a `datetime` without offset takes the profile’s time zone', async function () {
  const profile = validateProfile({id: 'tz-news', hosts: ['news.example'], content: ['article'], title: ['h1'], date: ['time.pub'], timeZone: 'Asia/Shanghai'})
  const yaml = await frontmatter('<article><h1>T</h1><time class="pub" datetime="2021-03-04T10:00">4 March</time><p>Body text of the story here.</p></article>', {
    url: 'https://news.example/x',
    profiles: [profile]
  })
  assert.match(yaml, /^date: '?2021-03-04T10:00:00\+08:00'?$/m)
})

test.run()
