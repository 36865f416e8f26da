// Benchmark of the CLI on a generated corpus (not part of the tests).
//
//   npm run build && npx tsx scripts/bench-cli.ts [--pages 2000] [--sizes 500,5000]
//
// Prints pages/s with `--jobs 1` and `--jobs 2`, the speedup, the speedup of
// an unchanged rerun, peak RSS (via `/usr/bin/time -v` when installed), and
// the time per page at each corpus size (it should stay flat).
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'bin/news-markdown.js')
const {values} = parseArgs({options: {pages: {type: 'string', default: '2000'}, sizes: {type: 'string', default: '500,5000'}}})
const pages = Number(values.pages)
const sizes = String(values.sizes).split(',').map(Number)
const hasTime = await fs.access('/usr/bin/time').then(
  () => true,
  () => false
)

await fs.access(path.join(root, 'dist/lib/cli.js')).catch(() => {
  throw new Error('Build first: `npm run build`')
})

const templates = await loadTemplates()
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'news-markdown-bench-'))
console.log('corpus in ' + work + ', ' + templates.length + ' template(s), ' + os.availableParallelism() + ' cores')

const corpus = await generate(path.join(work, 'pages'), pages)
const one = await measure(['--jobs', '1'], corpus, path.join(work, 'out1'))
const two = await measure(['--jobs', '2'], corpus, path.join(work, 'out2'))
const rerun = await measure(['--jobs', '2'], corpus, path.join(work, 'out2'))
row('--jobs 1', pages, one)
row('--jobs 2', pages, two)
row('rerun (unchanged)', pages, rerun)
console.log('speedup --jobs 2 / --jobs 1: ' + (one.seconds / two.seconds).toFixed(2) + '×')
console.log('rerun speedup: ' + (two.seconds / rerun.seconds).toFixed(1) + '×')
for (const size of sizes) {
  const folder = await generate(path.join(work, 'size-' + size), size)
  const result = await measure(['--jobs', '2'], folder, path.join(work, 'out-size-' + size))
  row('--jobs 2 at ' + size, size, result)
}
await fs.rm(work, {recursive: true, force: true})

interface Measure {
  seconds: number
  rssMb: number | undefined
}

function row(name: string, count: number, result: Measure) {
  const rss = result.rssMb === undefined ? 'n/a' : result.rssMb.toFixed(0) + ' MB'
  console.log(name.padEnd(22) + (count / result.seconds).toFixed(1).padStart(8) + ' pages/s  ' + ((result.seconds * 1000) / count).toFixed(2).padStart(7) + ' ms/page  peak RSS ' + rss)
}

async function measure(args: Array<string>, input: string, out: string): Promise<Measure> {
  const command = hasTime ? '/usr/bin/time' : process.execPath
  const argv = [...(hasTime ? ['-v', process.execPath] : []), bin, input, '--out', out, '--layout', 'hugo', '--quiet', ...args]
  const start = process.hrtime.bigint()
  const result = await new Promise<string>((resolve, reject) => {
    execFile(command, argv, {maxBuffer: 64 * 1024 * 1024}, (error, _stdout, stderr) => (error && error.code !== 1 ? reject(error) : resolve(stderr)))
  })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(result)
  return {seconds, rssMb: match ? Number(match[1]) / 1024 : undefined}
}

async function generate(folder: string, count: number): Promise<string> {
  const words = ['记者', '报道', '当地', '政府', '市民', '经济', '疫情', '学校', '医院', '交通', '选举', '法院']
  for (let index = 0; index < count; index++) {
    const template = templates[index % templates.length]
    const paragraphs: Array<string> = []
    for (let p = 0; p < 3 + (index % 9); p++) {
      let text = ''
      for (let w = 0; w < 20 + ((index * 7 + p) % 60); w++) text += words[(index + p * 3 + w * 5) % words.length]
      paragraphs.push('<p>' + text + '。第' + index + '篇。</p>')
    }
    const html = template
      .replaceAll('{{title}}', '第' + index + '篇：' + words[index % words.length] + '新闻')
      .replaceAll('{{id}}', String(1_000_000 + index))
      .replace('{{body}}', paragraphs.join(''))
    const file = path.join(folder, String(Math.floor(index / 500)), 'page-' + index + '.html')
    await fs.mkdir(path.dirname(file), {recursive: true})
    await fs.writeFile(file, html)
  }
  return folder
}

async function loadTemplates(): Promise<Array<string>> {
  const templates: Array<string> = []
  const names = await fs.readdir(path.join(root, 'fixtures')).catch(() => [] as Array<string>)
  for (const name of names.sort()) {
    const html = await fs.readFile(path.join(root, 'fixtures', name, 'input.html'), 'utf8').catch(() => undefined)
    // Fixture pages: swap in a unique title and canonical id, add paragraphs.
    if (html && /<\/body>/i.test(html)) {
      templates.push(
        html
          .replace(/<title>[^<]*<\/title>/i, '<title>{{title}}</title>')
          .replace(/(<div class="entry">)/, '$1{{body}}')
          .replace(/(\/\d{8}\/)\d+(\.html)/g, '$1{{id}}$2')
      )
    }
  }
  if (templates.length === 0) {
    templates.push(
      '<!doctype html><html><head><meta charset="utf-8"><link rel="canonical" href="https://www.bannedbook.org/bnews/zh/20200406/{{id}}.html"><title>{{title}}</title></head><body>' +
        '<h2>{{title}}</h2><div class="entry"><p>（来源：美國之音, 文章內容並不代表本網立場和觀點。）</p>{{body}}</div>' +
        '<div class="postfooter">本文标签：<a rel="tag" href="/tag/1">新闻</a></div></body></html>'
    )
  }
  return templates
}
