/**
 * `--images copy` on references it cannot copy, from the user's side: a
 * type the layout cannot build (Astro and BMP), a relative file that is
 * gone, a reference with no path (`?id=3`), a scheme that is neither a file
 * nor downloadable (`ftp:`), a very long reference. Each stays at its URL,
 * is reported with why (`image-not-saved`, the report's `images`), and the
 * images that can be copied are.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {articlePage, cli, folder} from './util/cli-harness.js'
import {png} from './util/image-server.js'

const article = articlePage

interface ReportImage {
  url: string
  status: string
  reason?: string
  file?: string
}

/** One page's entry in a report. */
interface ReportFile {
  status: string
  output: string
  images: Array<ReportImage>
}

/** Run the CLI in `dir` with `args`, which must succeed (exit 0); the run's stderr. */
async function succeed(args: Array<string>, dir: string): Promise<string> {
  const result = await cli(args, dir)
  assert.is(result.code, 0, result.stderr)
  return result.stderr
}

/** The pages of the report `name` written in `dir`. */
async function reportFiles(dir: string, name = 'report.json'): Promise<Array<ReportFile>> {
  return (JSON.parse(await fs.readFile(path.join(dir, name), 'utf8')) as {files: Array<ReportFile>}).files
}

test('images edges: references `--images copy` cannot copy stay at their URL, each reported with why; the others are copied', async function () {
  const long = 'photos/' + 'a-very-long-folder-name/'.repeat(6) + 'missing.png'
  const dir = await folder({
    'in/a.html': article(
      '甲',
      '<p><img src="pic.bmp" alt="位图"></p><p><img src="gone.png" alt="不见"></p><p><img src="?id=3" alt="查询"></p><p><img src="ftp://ftp.example/x.png" alt="文件"></p><p><img src="' +
        long +
        '" alt="长"></p><p><img src="ok.png" alt="好"></p>'
    ),
    'in/pic.bmp': Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)]),
    'in/ok.png': png(4, 4, 'ok')
  })
  const stderr = await succeed(['in', '--out', 'out', '--layout', 'astro', '--images', 'copy', '--report', 'report.json', '-v'], dir)
  assert.match(stderr, /images: 1 saved \(0 downloaded\), 0 already in place, 5 failed/)
  const markdown = await fs.readFile(path.join(dir, 'out/甲.md'), 'utf8')
  // Astro imports relative images as files: the ones not saved are written as links (`astro-relative-image`).
  for (const kept of ['\n[位图](pic.bmp)', '\n[不见](gone.png)', '\n[查询](?id=3)', '![文件](ftp://ftp.example/x.png)', '\n[长](' + long + ')', '![好](./甲/ok-'])
    assert.ok(markdown.includes(kept), kept + ' in\n' + markdown)
  assert.match(stderr, /astro-relative-image ×4/)
  const files = await reportFiles(dir)
  const images = files[0].images
  assert.equal(
    images.map((image) => [image.url, image.status]),
    [
      ['pic.bmp', 'failed'],
      ['gone.png', 'failed'],
      ['?id=3', 'failed'],
      ['ftp://ftp.example/x.png', 'failed'],
      [long, 'failed'],
      ['ok.png', 'saved']
    ]
  )
  assert.match(images[0].reason as string, /^Astro cannot process `bmp` images in content collections/)
  assert.match(images[1].reason as string, /^the file does not exist: .*[/\\]in[/\\]gone\.png$/)
  assert.is(images[2].reason, 'not a file on disk nor a URL that can be downloaded')
  assert.is(images[3].reason, 'not a file on disk nor a URL that can be downloaded')
  // Messages shorten a long reference (100 characters and an ellipsis).
  assert.ok(stderr.includes('Image not saved, its original URL is kept: `' + long.slice(0, 100) + '…`'), stderr)
  assert.equal((await fs.readdir(path.join(dir, 'out/甲'))).length, 1, 'only the image that could be copied')
})

test('images edges: `file:` URLs inside the input folder and protocol-relative URLs found in a mirror folder are copied; a `file:` URL outside needs --image-root', async function () {
  const dir = await folder({'in/pics/f.png': png(4, 4, 'f'), 'elsewhere/o.png': png(4, 4, 'o'), 'in/mirror.example/m.png': png(4, 4, 'm')})
  const inside = 'file://' + path.join(dir, 'in/pics/f.png')
  const outside = 'file://' + path.join(dir, 'elsewhere/o.png')
  await fs.writeFile(
    path.join(dir, 'in/b.html'),
    article('乙', '<p><img src="' + inside + '" alt="文件"></p><p><img src="' + outside + '" alt="外面"></p><p><img src="//mirror.example/m.png" alt="镜像"></p>')
  )
  await succeed(['in', '--out', 'out', '--images', 'copy', '--report', 'report.json'], dir)
  const files = await reportFiles(dir)
  const images = files[0].images
  assert.equal(
    images.map((image) => [image.url, image.status]),
    [
      [inside, 'saved'],
      [outside, 'failed'],
      ['https://mirror.example/m.png', 'saved']
    ]
  )
  assert.match(images[1].reason as string, /^the file is outside the input folder \(.*elsewhere[/\\]o\.png\); add its folder with --image-root to copy it$/)
  const markdown = await fs.readFile(path.join(dir, 'out', files[0].output), 'utf8')
  assert.match(markdown, /!\[文件\]\(f-[0-9a-f]{8}\.png\)/)
  assert.match(markdown, /!\[镜像\]\(m-[0-9a-f]{8}\.png\)/)
  assert.ok(markdown.includes('![外面](' + outside + ')'), 'the one outside keeps its URL')
})

test('images edges: a `keep` run, then `--images copy --image-root`: the page is converted again, a file from the image root copied; the manifest says where each copy came from', async function () {
  const dir = await folder({'in/pics/f.png': png(4, 4, 'f'), 'elsewhere/o.png': png(4, 4, 'o')})
  const inside = 'file://' + path.join(dir, 'in/pics/f.png')
  const outside = 'file://' + path.join(dir, 'elsewhere/o.png')
  await fs.writeFile(path.join(dir, 'in/b.html'), article('乙', '<p><img src="' + inside + '" alt="文件"></p><p><img src="' + outside + '" alt="外面"></p>'))
  await succeed(['in', '--out', 'out', '--report', 'keep.json'], dir)
  await succeed(['in', '--out', 'out', '--images', 'copy', '--image-root', 'elsewhere', '--report', 'copy.json'], dir)
  const files = await reportFiles(dir, 'copy.json')
  assert.is(files[0].status, 'converted', 'not unchanged: the images were kept at their URLs before')
  assert.equal(
    files[0].images.map((image) => [image.url, image.status]),
    [
      [inside, 'saved'],
      [outside, 'saved']
    ]
  )
  const manifest = JSON.parse(await fs.readFile(path.join(dir, 'out/.news-markdown-manifest.json'), 'utf8')) as {files: Record<string, {images?: Array<{url: string; from?: string}>}>}
  const images = manifest.files['b.html'].images || []
  assert.equal(
    images.map((image) => [image.url, image.from]),
    [
      [inside, 'pics/f.png'],
      [outside, path.join(dir, 'elsewhere/o.png')]
    ],
    'inside the input folder: relative to it; from the image root: its absolute path'
  )
  const markdown = await fs.readFile(path.join(dir, 'out', files[0].output), 'utf8')
  assert.match(markdown, /!\[外面\]\(o-[0-9a-f]{8}\.png\)/)
})

test('images edges: a local image larger than one read is copied whole; a local SVG with a script past its first bytes is not copied, and says why', async function () {
  const big = png(300, 300, 'big')
  assert.ok(big.byteLength > 128 * 1024, 'more than two reads of the file: ' + big.byteLength)
  const dir = await folder({
    'in/pics/big.png': big,
    // The script comes after the first 4,100 bytes, which the type is told from.
    'in/pics/bad.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4">' + '<rect width="4" height="4"/>'.repeat(300) + '<script>alert(1)</script></svg>'
  })
  await fs.writeFile(path.join(dir, 'in/c.html'), article('丙', '<p><img src="pics/big.png" alt="大图"></p><p><img src="pics/bad.svg" alt="脚本"></p>'))
  await succeed(['in', '--out', 'out', '--images', 'copy', '--report', 'report.json'], dir)
  const files = await reportFiles(dir)
  const images = files[0].images
  assert.equal(
    images.map((image) => [image.url, image.status]),
    [
      ['pics/big.png', 'saved'],
      ['pics/bad.svg', 'failed']
    ]
  )
  assert.is(images[1].reason, 'an SVG with scripts, event handlers or foreign objects is not copied')
  assert.equal(await fs.readFile(path.join(dir, 'out', images[0].file as string)), big)
  const markdown = await fs.readFile(path.join(dir, 'out', files[0].output), 'utf8')
  assert.ok(markdown.includes('![脚本](pics/bad.svg)'), 'the SVG keeps its reference')
})

test('images edges: a root-relative image of a page in a plain folder is found under the input folder; an `--image-root` that does not exist is passed over', async function () {
  const dir = await folder({'in/img/root.png': png(4, 4, 'root'), 'in/news/d.html': article('丁', '<p><img src="/img/root.png" alt="根"></p>')})
  await succeed(['in', '--out', 'out', '--images', 'copy', '--image-root', 'no-such-folder', '--report', 'report.json'], dir)
  const files = await reportFiles(dir)
  assert.equal(
    files[0].images.map((image) => [image.url, image.status]),
    [['/img/root.png', 'saved']]
  )
  assert.equal(await fs.readFile(path.join(dir, 'out', files[0].images[0].file as string)), png(4, 4, 'root'))
})

test.run()
