// The parts of `--images` that need no network: the article's image list
// (`file.data.images`), finding files beside saved pages and in mirrors,
// file names and placement, and the Markdown rewrite.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {convert} from '../index.js'
import {findLocal} from '../lib/images/local.js'
import {imageFolder, pagePath, unsupportedImage} from '../lib/images/placement.js'
import {imageSpans, replaceDestinations} from '../lib/images/rewrite.js'
import {imageName, ImageStore} from '../lib/images/store.js'
import {collisionSuffix, PathRegistry} from '../lib/cli/path-registry.js'
import {png} from './util/image-server.js'

const page = (body: string, head = '') =>
  '<html><head><meta charset="utf-8">' +
  head +
  '<title>图片</title></head><body><h2>图片</h2><div class="entry"><p>正文第一段，记者报道了当地的情况。</p>' +
  body +
  '<p>第二段。</p></div></body></html>'

test('collect: every image with its original and resolved URL, alt, title and caption', async function () {
  const file = await convert(
    page(
      '<figure><img src="../img/a.jpg" alt="甲" title="标题"><figcaption>图一 说明</figcaption></figure>' +
        '<p><img data-src="/lazy/b.png" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="乙"></p>' +
        '<p><img src="https://cdn.example/c.png"></p>',
      '<link rel="canonical" href="https://news.example/2020/04/story.html">'
    )
  )
  assert.equal(file.data.images, [
    {original: '../img/a.jpg', url: 'https://news.example/2020/img/a.jpg', alt: '甲', candidates: [], title: '标题', caption: '图一 说明'},
    {original: '/lazy/b.png', url: 'https://news.example/lazy/b.png', alt: '乙', candidates: []},
    {original: 'https://cdn.example/c.png', url: 'https://cdn.example/c.png', alt: '', candidates: []}
  ])
})

test('collect: `srcset` and `<picture>` sources, largest first', async function () {
  const file = await convert(
    page(
      '<picture><source type="image/webp" srcset="p-800.webp 800w, p-1600.webp 1600w"><img src="p.jpg" srcset="p-400.jpg 400w, p-1200.jpg 1200w" alt="图"></picture><p><img src="d.jpg" srcset="d.jpg 1x, d@2x.jpg 2x"></p>'
    ),
    {url: 'https://news.example/a/1.html'}
  )
  const [picture, dense] = file.data.images || []
  assert.is(picture.url, 'https://news.example/a/p-1200.jpg', 'the Markdown has what normalisation picked')
  assert.equal(
    picture.candidates.map((candidate) => [candidate.original, candidate.width, candidate.type]),
    [
      ['p-1600.webp', 1600, 'image/webp'],
      ['p-1200.jpg', 1200, undefined],
      ['p-800.webp', 800, 'image/webp'],
      ['p-400.jpg', 400, undefined]
    ]
  )
  assert.equal(
    dense.candidates.map((candidate) => candidate.original),
    ['d@2x.jpg', 'd.jpg']
  )
})

test('collect: every lazy-loading attribute `rehypeNormalizeMedia` reads gives the original as written', async function () {
  const file = await convert(
    page(
      '<p><img real_src="../pics/sina.jpg" src="/img/blank.gif" alt="新浪"></p>' +
        '<p><img data-actualsrc="/zhihu/q.png" alt="知乎"></p>' +
        '<p><img data-lazy-srcset="l-300.jpg 300w, l-900.jpg 900w" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="懒"></p>'
    ),
    {url: 'https://news.example/a/b/1.html'}
  )
  assert.equal(
    file.data.images?.map((image) => [image.original, image.url, image.candidates.map((candidate) => candidate.original)]),
    [
      ['../pics/sina.jpg', 'https://news.example/a/pics/sina.jpg', []],
      ['/zhihu/q.png', 'https://news.example/zhihu/q.png', []],
      ['l-900.jpg', 'https://news.example/a/b/l-900.jpg', ['l-900.jpg', 'l-300.jpg']]
    ]
  )
})

test('collect: the same URL twice is listed twice; images outside the article are not listed', async function () {
  const html =
    '<html><body><header><img src="/logo.png"></header><h2>图片</h2><div class="entry"><p>正文第一段，记者报道了当地的情况。</p><p><img src="/x.png"></p><p>又一段文字内容。</p><p><img src="/x.png"></p></div><aside><img src="/ad.png"></aside></body></html>'
  const file = await convert(html, {url: 'https://news.example/a.html'})
  assert.equal(
    (file.data.images || []).map((image) => image.url),
    ['https://news.example/x.png', 'https://news.example/x.png']
  )
})

test('collect: `file:` and `data:` images are listed only when the options keep them', async function () {
  const html = page('<p><img src="file:///tmp/saved/p.png"><img src="data:image/png;base64,iVBORw0KGgo="></p>')
  assert.equal((await convert(html)).data.images, [])
  const kept = await convert(html, {allowFileImages: true, allowDataImages: true})
  assert.equal(
    (kept.data.images || []).map((image) => image.url),
    ['file:///tmp/saved/p.png', 'data:image/png;base64,iVBORw0KGgo=']
  )
  assert.match(String(kept), '![](file:///tmp/saved/p.png)')
})

let dir: string

test.before(async function () {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'news-markdown-images-'))
})

test.after(async function () {
  await fs.rm(dir, {recursive: true, force: true})
})

async function put(relative: string, content: string | Uint8Array = png(2, 2, relative)): Promise<string> {
  const file = path.join(dir, ...relative.split('/'))
  await fs.mkdir(path.dirname(file), {recursive: true})
  await fs.writeFile(file, content)
  return file
}

test('local: “Save Page As… complete” folders and relative paths', async function () {
  const image = await put('saved/Story_files/photo 1.jpg')
  const pageFile = await put('saved/Story.html', '<html></html>')
  const context = {page: pageFile, roots: [path.join(dir, 'saved')]}
  assert.equal(await findLocal({original: './Story_files/photo%201.jpg', url: './Story_files/photo%201.jpg'}, context), {path: image})
  assert.equal(await findLocal({original: 'Story_files/photo 1.jpg?v=3#x', url: 'https://news.example/Story_files/photo%201.jpg?v=3'}, context), {path: image})
  const missing = await findLocal({original: 'Story_files/gone.jpg', url: 'Story_files/gone.jpg'}, context)
  assert.match(missing?.error?.reason || '', 'does not exist')
  assert.is(await findLocal({original: 'Story_files/gone.jpg', url: 'https://news.example/Story_files/gone.jpg'}, context), undefined, 'a download may still get it')
})

test('local: web mirrors (wget, HTTrack): host folders, root-relative paths, queries in names', async function () {
  const root = path.join(dir, 'mirror')
  const image = await put('mirror/news.example/wp-content/uploads/a.jpg')
  const query = await put('mirror/news.example/wp-content/uploads/b.jpg?w=300')
  const windows = await put('mirror/news.example/wp-content/uploads/c.jpg@w=300')
  const pageFile = await put('mirror/news.example/2020/04/story.html', '<html></html>')
  const context = {page: pageFile, roots: [root]}
  assert.equal(await findLocal({original: '../../wp-content/uploads/a.jpg', url: 'https://news.example/wp-content/uploads/a.jpg'}, context), {path: image})
  assert.equal(await findLocal({original: '/wp-content/uploads/a.jpg', url: '/wp-content/uploads/a.jpg'}, context), {path: image})
  assert.equal(await findLocal({original: 'https://news.example/wp-content/uploads/a.jpg', url: 'https://news.example/wp-content/uploads/a.jpg'}, context), {path: image})
  assert.equal(await findLocal({original: 'https://news.example/wp-content/uploads/b.jpg?w=300', url: 'https://news.example/wp-content/uploads/b.jpg?w=300'}, context), {path: query})
  assert.equal(await findLocal({original: '//news.example/wp-content/uploads/c.jpg?w=300', url: 'https://news.example/wp-content/uploads/c.jpg?w=300'}, context), {path: windows})
  assert.is(await findLocal({original: 'https://other.example/a.jpg', url: 'https://other.example/a.jpg'}, context), undefined)
})

test('local: `file:` URLs, and nothing outside the roots', async function () {
  const image = await put('files/x.png')
  const pageFile = await put('files/page.html', '<html></html>')
  const context = {page: pageFile, roots: [path.join(dir, 'files')]}
  assert.equal(await findLocal({original: pathToFileURL(image).href, url: pathToFileURL(image).href}, context), {path: image})
  const secret = await put('secret.png')
  const outside = await findLocal({original: pathToFileURL(secret).href, url: pathToFileURL(secret).href}, context)
  assert.match(outside?.error?.reason || '', 'outside the input folder')
  const traversal = await findLocal({original: '../secret.png', url: '../secret.png'}, context)
  assert.match(traversal?.error?.reason || '', 'outside the input folder')
  await fs.symlink(secret, path.join(dir, 'files', 'link.png'))
  const linked = await findLocal({original: 'link.png', url: 'link.png'}, context)
  assert.match(linked?.error?.reason || '', 'outside the input folder', 'a symbolic link out of the roots is refused')
  assert.equal(await findLocal({original: '../secret.png', url: '../secret.png'}, {page: pageFile, roots: [path.join(dir, 'files'), dir]}), {path: secret}, 'an extra root allows it')
})

test('local: what is no local file (bad `file:` URLs, folders, data, fragments, ports, other schemes)', async function () {
  const image = await put('edge/news.example+8080/a.jpg')
  await put('edge/folder.jpg/inside.png')
  await put('edge/100%.png')
  const pageFile = await put('edge/page.html', '<html></html>')
  const context = {page: pageFile, roots: [path.join(dir, 'edge')], folders: new Map<string, Promise<boolean>>()}
  const reason = async (original: string, url = original) => (await findLocal({original, url}, context))?.error?.reason
  assert.is(await reason('file://server/share/a.png'), 'the `file:` URL names no local file')
  assert.is(await reason(pathToFileURL(path.join(dir, 'edge/gone.png')).href), 'the file does not exist: ' + path.join(dir, 'edge/gone.png'))
  // A folder with an image's name is no image file.
  assert.is(await reason('folder.jpg'), 'the file does not exist: ' + path.join(dir, 'edge/folder.jpg'))
  // A `%` that starts no escape is kept as it is.
  assert.equal(await findLocal({original: '100%.png', url: '100%.png'}, context), {path: path.join(dir, 'edge/100%.png')})
  for (const original of ['data:image/png;base64,iVBORw0KGgo=', '#top', '?v=1', 'https://news.example/photos/', 'ftp://news.example/a.jpg', 'http://[bad/a.jpg']) {
    assert.is(await findLocal({original, url: original}, context), undefined, original)
  }
  // A mirror folder named `host+port` (wget on a non-default port); the folder lookups are cached.
  assert.equal(await findLocal({original: 'http://news.example:8080/a.jpg', url: 'http://news.example:8080/a.jpg'}, context), {path: image})
  assert.ok(context.folders.size > 0)
  assert.is(await context.folders.get(path.join(dir, 'edge', 'news.example+8080')), true)
})

test('store: names from the URL and the content hash, safe in any file system and Markdown', function () {
  const hash = 'ab12cd34'.padEnd(64, '0')
  assert.is(imageName('https://news.example/wp-content/2020/04/Protest-Photo.JPG?w=300', hash, 'jpg'), 'protest-photo-ab12cd34.jpg')
  assert.is(imageName('https://news.example/%E7%85%A7%E7%89%87.png', hash, 'png'), '照片-ab12cd34.png')
  assert.is(imageName('data:image/png;base64,xxx', hash, 'png'), 'image-ab12cd34.png')
  assert.is(imageName('https://news.example/', hash, 'gif'), 'image-ab12cd34.gif')
  assert.is(imageName('../../etc/passwd', hash, 'png'), 'passwd-ab12cd34.png')
  assert.is(imageName('https://x.example/CON.png', hash, 'png'), 'con_-ab12cd34.png')
  assert.is(imageName('https://x.example/' + 'a'.repeat(300) + '.png', hash, 'png').length, 48 + 13)
  assert.is(imageName('https://x.example/(a) [b] & c.png', hash, 'png'), 'a-b-c-ab12cd34.png')
})

test('store: one file per content; a user file with the name is never replaced', async function () {
  const store = new ImageStore()
  const source = await put('store-src/a.png', png(3, 3, 'store'))
  const {createHash} = await import('node:crypto')
  const hash = createHash('sha256')
    .update(await fs.readFile(source))
    .digest('hex')
  const folder = path.join(dir, 'store-out')
  const first = await store.place({source, hash, folder, name: 'a-' + hash.slice(0, 8) + '.png'})
  assert.ok(first.written)
  const again = await store.place({source, hash, folder, name: 'a-' + hash.slice(0, 8) + '.png'})
  assert.equal(again, {file: first.file, written: false})
  await fs.writeFile(path.join(folder, 'b.png'), 'mine')
  const beside = await new ImageStore().place({source, hash, folder, name: 'b.png'})
  assert.is(path.basename(beside.file), 'b-2.png')
  assert.is(await fs.readFile(path.join(folder, 'b.png'), 'utf8'), 'mine')
  assert.equal(
    (await fs.readdir(folder)).filter((name) => name.startsWith('.')),
    [],
    'no temporary file left'
  )
})

test('placement: per layout', function () {
  const cases: Array<[Parameters<typeof imageFolder>[0], string, string, string]> = [
    ['plain', 'a/b/page.md', 'a/b', 'x-1.png'],
    ['plain', 'page.md', '', 'x-1.png'],
    ['hugo', 'posts/slug/index.md', 'posts/slug', 'x-1.png'],
    ['eleventy', 'posts/slug/index.md', 'posts/slug', 'x-1.png'],
    ['jekyll', '_posts/2020-04-06-slug.md', 'assets/images/2020-04-06-slug', '/assets/images/2020-04-06-slug/x-1.png'],
    ['jekyll', '_drafts/新闻.md', 'assets/images/新闻', '/assets/images/新闻/x-1.png'],
    ['astro', 'slug.md', 'slug', './slug/x-1.png'],
    ['astro', 'a b.md', 'a b', './a%20b/x-1.png']
  ]
  for (const [layout, output, folder, url] of cases) {
    const result = imageFolder(layout, output)
    assert.is(result.folder, folder, layout + ' ' + output)
    assert.is(result.url('x-1.png'), url, layout + ' ' + output)
  }
  assert.is(pagePath('hugo', 'download', 'posts/slug.md'), 'posts/slug/index.md')
  assert.is(pagePath('eleventy', 'copy', 'posts/slug.md'), 'posts/slug/index.md')
  assert.is(pagePath('hugo', 'keep', 'posts/slug.md'), 'posts/slug.md')
  assert.is(pagePath('jekyll', 'copy', '_posts/2020-01-01-a.md'), '_posts/2020-01-01-a.md')
  assert.match(unsupportedImage('astro', 'bmp') || '', 'Astro cannot process `bmp` images')
  assert.is(unsupportedImage('astro', 'webp'), undefined)
  assert.is(unsupportedImage('hugo', 'bmp'), undefined)
})

test('placement: bundles with the same slug get suffixed folders', function () {
  const registry = new PathRegistry()
  assert.is(registry.claim('posts/a/index.md', 'https://e.com/1'), 'posts/a/index.md')
  assert.is(registry.claim('posts/a/index.md', 'https://e.com/2'), 'posts/a-' + collisionSuffix('https://e.com/2') + '/index.md')
  assert.is(registry.claim('posts/A/index.md', 'https://e.com/3'), 'posts/A-' + collisionSuffix('https://e.com/3') + '/index.md')
})

test('rewrite: destinations replaced in place, everything else byte for byte', function () {
  const markdown =
    '---\ntitle: "![not](an-image.png)"\n---\n\n' +
    'Text *with* \\*escapes\\* ![a \\] b](https://x.example/a.png "t") and ![c](<https://x.example/c d.png>).\n\n' +
    '| a | b |\n| - | - |\n| ![i](https://x.example/a.png) | x\\|y |\n\n' +
    '> ![q](https://x.example/q.png?a=1\\&b=2)\n\n' +
    '- [![linked](https://x.example/l.png)](https://x.example/page)\n\n' +
    '```\n![code](https://x.example/code.png)\n```\n'
  const spans = imageSpans(markdown)
  assert.equal(
    spans.map((span) => span.url),
    ['https://x.example/a.png', 'https://x.example/c d.png', 'https://x.example/a.png', 'https://x.example/q.png?a=1&b=2', 'https://x.example/l.png']
  )
  for (const span of spans) assert.ok(markdown.slice(span.start, span.end).length > 0)
  const map = new Map([
    ['https://x.example/a.png', 'a-1.png'],
    ['https://x.example/c d.png', './slug/c-2.png'],
    ['https://x.example/q.png?a=1&b=2', '/assets/images/p/q-3.png'],
    ['https://x.example/l.png', 'l-4.png']
  ])
  const rewritten = replaceDestinations(markdown, spans, (url) => map.get(url))
  assert.is(
    rewritten,
    '---\ntitle: "![not](an-image.png)"\n---\n\n' +
      'Text *with* \\*escapes\\* ![a \\] b](a-1.png "t") and ![c](<./slug/c-2.png>).\n\n' +
      '| a | b |\n| - | - |\n| ![i](a-1.png) | x\\|y |\n\n' +
      '> ![q](/assets/images/p/q-3.png)\n\n' +
      '- [![linked](l-4.png)](https://x.example/page)\n\n' +
      '```\n![code](https://x.example/code.png)\n```\n'
  )
  assert.is(
    replaceDestinations(markdown, spans, () => undefined),
    markdown
  )
  assert.throws(() => replaceDestinations(markdown, spans, () => 'a b.png'), /escaping/)
})

test.run()
