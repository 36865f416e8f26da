// Benchmark of `--images download` (not part of the tests): prints figures.
//
//   npm run build && npx tsx scripts/bench-images.ts [--pages 1000] [--rounds 3] [--images 2000]
//
// Against a local server on 127.0.0.1 (5 ms latency per request):
//
// 1. Downloader alone (`ImageFetcher`, default settings: 4 per host): images/s.
// 2. The CLI on the bench corpus (the fixture pages with varied content, as
//    `scripts/bench-cli.ts` makes it; every image of it replaced by 1–4
//    images on the local server, shared between pages), `--layout hugo
//    --jobs 2`: `--images download` against `--images keep`, in interleaved
//    rounds, with an A/A control row (`keep` against `keep`); wall time, CPU
//    time (user + system, of the CLI process) and peak RSS per run; medians
//    and the median of the paired ratios.
// 3. Peak RSS of `--images download` with 1,000 and 10,000 distinct images
//    (20 KB each, 10 per page) and with 20 images of 15 MB: it should stay
//    flat (images stream to disk; none is held whole in memory).
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {convert} from '../lib/convert.js'
import {ImageFetcher} from '../lib/images/fetch.js'
import {startImageServer} from '../test/util/image-server.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'bin/news-markdown.js')
const {values} = parseArgs({
  options: {pages: {type: 'string', default: '1000'}, rounds: {type: 'string', default: '3'}, images: {type: 'string', default: '2000'}, steps: {type: 'string', default: '1,2,3'}}
})
const steps = new Set(String(values.steps).split(',').map(Number))
const pageCount = Number(values.pages)
const rounds = Number(values.rounds)
const imageCount = Number(values.images)
const hasTime = await fs.access('/usr/bin/time').then(
  () => true,
  () => false
)
await fs.access(path.join(root, 'dist/lib/cli.js')).catch(() => {
  throw new Error('Build first: `npm run build`')
})

const server = await startImageServer({latency: 5})
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'news-markdown-bench-images-'))
console.log('work folder ' + work + ', ' + os.availableParallelism() + ' cores, Node ' + process.version + ', server ' + server.origin + ' (5 ms latency)')

// 1. The downloader alone.
if (steps.has(1)) {
  const fetcher = new ImageFetcher()
  const folder = path.join(work, 'fetch')
  await fs.mkdir(folder)
  const cpu = process.cpuUsage()
  const start = performance.now()
  await Promise.all(Array.from({length: imageCount}, (_, index) => fetcher.fetch(server.origin + '/img/f' + index + '.png?size=32', path.join(folder, String(index)))))
  const seconds = (performance.now() - start) / 1000
  const used = process.cpuUsage(cpu)
  await fetcher.close()
  console.log(
    '\n1. downloader, default settings (4 per host, 16 in all): ' +
      imageCount +
      ' images in ' +
      seconds.toFixed(2) +
      ' s = ' +
      (imageCount / seconds).toFixed(0) +
      ' images/s; CPU ' +
      ((used.user + used.system) / 1e6).toFixed(2) +
      ' s'
  )
  await fs.rm(folder, {recursive: true, force: true})
}

// 2. The CLI on the bench corpus, download against keep.
if (steps.has(2)) {
  const corpus = path.join(work, 'corpus')
  const corpusImages = await generateCorpus(corpus, pageCount)
  console.log('\n2. CLI, ' + pageCount + ' pages (' + corpusImages + ' image references, ' + server.origin + ' only), --layout hugo --jobs 2, ' + rounds + ' interleaved rounds')
  const runs: Record<string, Array<Measure>> = {keep: [], 'keep (A/A)': [], download: []}
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? ['keep', 'download', 'keep (A/A)'] : ['download', 'keep (A/A)', 'keep']
    for (const name of order) {
      const out = path.join(work, 'out-' + round + '-' + name.replace(/\W+/g, ''))
      runs[name].push(await measure([corpus, '--out', out, '--layout', 'hugo', '--jobs', '2', '--quiet', '--images', name === 'download' ? 'download' : 'keep']))
      await fs.rm(out, {recursive: true, force: true})
    }
  }
  console.log('run'.padEnd(14) + 'pages/s'.padStart(9) + 'wall s'.padStart(9) + 'CPU s'.padStart(9) + 'peak RSS'.padStart(11) + '   ratio to keep (median of rounds)')
  for (const [name, list] of Object.entries(runs)) {
    const ratios = list.map((item, index) => runs.keep[index].seconds / item.seconds)
    console.log(
      name.padEnd(14) +
        (pageCount / median(list.map((item) => item.seconds))).toFixed(1).padStart(9) +
        median(list.map((item) => item.seconds))
          .toFixed(2)
          .padStart(9) +
        median(list.map((item) => item.cpu))
          .toFixed(2)
          .padStart(9) +
        (median(list.map((item) => item.rssMb)).toFixed(0) + ' MB').padStart(11) +
        '   ' +
        median(ratios).toFixed(2) +
        '× pages/s'
    )
  }
}

// 3. Peak RSS against the number and size of images, the pages the same.
if (steps.has(3)) {
  console.log('\n3. peak RSS, 1,000 pages, --layout hugo --jobs 2')
  for (const [label, pages, perPage, bytes, mode] of [
    ['keep (no download)', 1000, 10, 20_000, 'keep'],
    ['1,000 images of 20 KB', 1000, 1, 20_000, 'download'],
    ['10,000 images of 20 KB', 1000, 10, 20_000, 'download'],
    ['20 images of 15 MB', 1000, 0.02, 15_000_000, 'download']
  ] as const) {
    const folder = path.join(work, 'rss-' + label.replace(/\W+/g, ''))
    for (let index = 0; index < pages; index++) {
      const count = perPage >= 1 ? perPage : index % Math.round(1 / perPage) === 0 ? 1 : 0
      const images = Array.from({length: count}, (_, n) => '<p><img src="' + server.origin + '/huge/' + bytes + '/' + label.replace(/\W+/g, '') + '-' + index + '-' + n + '.jpg" alt="图"></p>').join(
        ''
      )
      await write(path.join(folder, 'p' + index + '.html'), page('第' + index + '篇', images))
    }
    const out = path.join(work, 'rss-out')
    const result = await measure([folder, '--out', out, '--layout', 'hugo', '--jobs', '2', '--quiet', ...(mode === 'download' ? ['--images', 'download', '--image-max-size', '20M'] : [])])
    const files = (await fs.readdir(out, {recursive: true}).catch(() => [] as Array<string>)).filter((name) => String(name).endsWith('.jpg')).length
    if (mode === 'download' && files === 0) console.log(result.stderr.slice(-2000))
    console.log(
      label.padEnd(24) +
        result.seconds.toFixed(2).padStart(8) +
        ' s  CPU ' +
        result.cpu.toFixed(2).padStart(6) +
        ' s  peak RSS ' +
        result.rssMb.toFixed(0).padStart(4) +
        ' MB  (' +
        files +
        ' image files written)'
    )
    await fs.rm(out, {recursive: true, force: true})
    await fs.rm(folder, {recursive: true, force: true})
  }
}

await server.close()
await fs.rm(work, {recursive: true, force: true})

interface Measure {
  seconds: number
  cpu: number
  rssMb: number
  stderr: string
}

function median(list: Array<number>): number {
  const sorted = [...list].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

async function measure(args: Array<string>): Promise<Measure> {
  const command = hasTime ? '/usr/bin/time' : process.execPath
  const argv = [...(hasTime ? ['-f', 'TIME %e %U %S %M', process.execPath] : []), bin, ...args]
  const start = process.hrtime.bigint()
  const stderr = await new Promise<string>((resolve, reject) => {
    execFile(command, argv, {maxBuffer: 64 * 1024 * 1024}, (error, _stdout, stderr) => (error && error.code !== 1 ? reject(error) : resolve(stderr)))
  })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const match = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stderr)
  return {seconds, cpu: match ? Number(match[2]) + Number(match[3]) : Number.NaN, rssMb: match ? Number(match[4]) / 1024 : Number.NaN, stderr}
}

function page(title: string, body: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>' +
    title +
    '</title></head><body><h1>' +
    title +
    '</h1><div class="entry"><p>正文第一段，记者报道了当地的情况。</p>' +
    body +
    '<p>第二段内容。</p></div></body></html>'
  )
}

async function write(file: string, content: string): Promise<void> {
  await fs.mkdir(path.dirname(file), {recursive: true})
  await fs.writeFile(file, content)
}

/**
 * The bench corpus of `scripts/bench-cli.ts` (fixture pages, varied titles,
 * ids and paragraphs) with every image, `<picture>` and `<source>` of the
 * fixtures removed and 1–4 images on the local server put in: shared
 * images (one in 10 pages' worth) and page-own ones. Every page is
 * converted once here to check that it names no image on any other host.
 */
async function generateCorpus(folder: string, count: number): Promise<number> {
  const templates: Array<string> = []
  for (const name of (await fs.readdir(path.join(root, 'fixtures'))).sort()) {
    const html = await fs.readFile(path.join(root, 'fixtures', name, 'input.html'), 'utf8').catch(() => undefined)
    if (!html || !/<\/body>/i.test(html) || !/<div class="entry">/.test(html)) continue
    const stripped = html.replace(/<img\b[^>]*>|<\/?picture\b[^>]*>|<source\b[^>]*>|<noscript\b[\s\S]*?<\/noscript>/gi, '')
    templates.push(
      stripped
        .replace(/<title>[^<]*<\/title>/i, '<title>{{title}}</title>')
        .replace(/(<div class="entry">)/, '$1{{body}}')
        .replace(/(\/\d{8}\/)\d+(\.html)/g, '$1{{id}}$2')
    )
  }
  const words = ['记者', '报道', '当地', '政府', '市民', '经济', '疫情', '学校', '医院', '交通', '选举', '法院']
  let references = 0
  for (let index = 0; index < count; index++) {
    const paragraphs: Array<string> = []
    for (let p = 0; p < 3 + (index % 9); p++) {
      let text = ''
      for (let w = 0; w < 20 + ((index * 7 + p) % 60); w++) text += words[(index + p * 3 + w * 5) % words.length]
      paragraphs.push('<p>' + text + '。第' + index + '篇。</p>')
    }
    const images = 1 + (index % 4)
    for (let n = 0; n < images; n++) {
      const url = n === 0 ? server.origin + '/img/shared-' + (index % Math.max(count / 10, 1)) + '.png?size=48' : server.origin + '/img/own-' + index + '-' + n + '.png?size=' + (16 + n * 8)
      paragraphs.splice(1 + n, 0, '<p><img src="' + url + '" alt="图' + n + '"></p>')
      references++
    }
    const template = templates[index % templates.length]
    const html = template
      .replaceAll('{{title}}', '第' + index + '篇：' + words[index % words.length] + '新闻')
      .replaceAll('{{id}}', String(1_000_000 + index))
      .replace('{{body}}', paragraphs.join(''))
    const file = await convert(html, {allowDataImages: true, allowFileImages: true})
    const foreign = (file.data.images || []).filter((image) => !image.url.startsWith(server.origin + '/'))
    if (foreign.length > 0) throw new Error('page ' + index + ' names an image outside the local server: ' + foreign[0].url)
    await write(path.join(folder, String(Math.floor(index / 500)), 'page-' + index + '.html'), html)
  }
  return references
}
