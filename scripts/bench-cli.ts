// Benchmark of the CLI (not part of the tests).
//
//   npm run build && npx tsx scripts/bench-cli.ts [--pages 2000] [--sizes 500,5000]
//   npm run build && npx tsx scripts/bench-cli.ts --corpus real [--pages 10000] [--real DIR] [--ceiling]
//
// Prints pages/s with `--jobs 1` and `--jobs 2`, CPU time per page (user +
// system of the whole command, children included), the speedup, the speedup
// of an unchanged rerun, peak RSS (via `/usr/bin/time -v` when installed),
// and the time per page at each corpus size (it should stay flat).
//
// `--corpus generated` (the default) builds pages from the fixtures with
// varied text: cheap pages, about 3 ms each. `--corpus real` repeats the
// saved news pages of the shared generic corpus (`--real DIR`, else
// `NEWS_MARKDOWN_CORPUS`, `corpus/generic` under `NEWS_MARKDOWN_SHARED`, the
// project's sibling `../shared` or `/work/shared`, as `bench/corpus.mjs`
// finds it) up to `--pages` files, each copy made distinct by a comment (so
// its hash differs; names and URLs repeat, as in a re-crawled archive), and
// measures no size series. `--ceiling` also runs
// `scripts/parallel-ceiling.ts` on the same distinct pages and prints the
// `--jobs 2` speedup as a share of the machine's ceiling for two converters.
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'bin/news-markdown.js')
const {values} = parseArgs({
  options: {
    pages: {type: 'string', default: '2000'},
    sizes: {type: 'string', default: '500,5000'},
    corpus: {type: 'string', default: 'generated'},
    real: {type: 'string'},
    ceiling: {type: 'boolean', default: false}
  }
})
const pages = Number(values.pages)
const real = values.corpus === 'real'
if (!real && values.corpus !== 'generated') throw new Error('`--corpus` is `generated` or `real`, not `' + values.corpus + '`')
const sizes = real ? [] : String(values.sizes).split(',').map(Number)
const hasTime = await fs.access('/usr/bin/time').then(
  () => true,
  () => false
)

await fs.access(path.join(root, 'dist/lib/cli.js')).catch(() => {
  throw new Error('Build first: `npm run build`')
})

const work = await fs.mkdtemp(path.join(os.tmpdir(), 'news-markdown-bench-'))
const realPages = real ? await loadRealPages() : []
const templates = real ? [] : await loadTemplates()
console.log(
  'corpus in ' +
    work +
    ', ' +
    (real ? realPages.length + ' real page(s) repeated to ' + pages : templates.length + ' template(s)') +
    ', ' +
    os.availableParallelism() +
    ' cores, load average ' +
    os
      .loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')
)

const corpus = real ? await repeat(path.join(work, 'pages'), pages) : await generate(path.join(work, 'pages'), pages)
const one = await measure(['--jobs', '1'], corpus, path.join(work, 'out1'))
const two = await measure(['--jobs', '2'], corpus, path.join(work, 'out2'))
const rerun = await measure(['--jobs', '2'], corpus, path.join(work, 'out2'))
row('--jobs 1', pages, one)
row('--jobs 2', pages, two)
row('rerun (unchanged)', pages, rerun)
console.log('speedup --jobs 2 / --jobs 1: ' + (one.seconds / two.seconds).toFixed(2) + '×')
console.log('rerun speedup: ' + (two.seconds / rerun.seconds).toFixed(1) + '×')
if (values.ceiling) {
  // The same distinct pages, converted in memory by one and two converters at once.
  const folder = real ? path.join(work, 'distinct') : path.join(root, 'fixtures')
  if (real) await writeDistinct(folder)
  const printed = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'scripts', 'parallel-ceiling.ts'), '--passes', real ? '1' : '3', ...(real ? ['--dir', folder] : [])],
      (error, stdout) => (error ? reject(error) : resolve(stdout))
    )
  })
  process.stdout.write(printed)
  const ratios = [...printed.matchAll(/([\d.]+)× one (process|thread)/g)].map((match) => Number(match[1]))
  const ceiling = Math.max(...ratios)
  console.log('--jobs 2 speedup as a share of the ceiling (' + ceiling.toFixed(2) + '×): ' + ((100 * one.seconds) / two.seconds / ceiling).toFixed(0) + ' %')
}
for (const size of sizes) {
  const folder = await generate(path.join(work, 'size-' + size), size)
  const result = await measure(['--jobs', '2'], folder, path.join(work, 'out-size-' + size))
  row('--jobs 2 at ' + size, size, result)
}
await fs.rm(work, {recursive: true, force: true})

interface Measure {
  seconds: number
  /** User and system CPU seconds of the command (`/usr/bin/time`), workers included. */
  cpuSeconds: number | undefined
  rssMb: number | undefined
}

function row(name: string, count: number, result: Measure) {
  const rss = result.rssMb === undefined ? 'n/a' : result.rssMb.toFixed(0) + ' MB'
  const cpu = result.cpuSeconds === undefined ? 'n/a' : ((result.cpuSeconds * 1000) / count).toFixed(2)
  console.log(
    name.padEnd(22) +
      (count / result.seconds).toFixed(1).padStart(8) +
      ' pages/s  ' +
      ((result.seconds * 1000) / count).toFixed(2).padStart(7) +
      ' ms/page  ' +
      cpu.padStart(7) +
      ' ms CPU/page  peak RSS ' +
      rss
  )
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
  const user = /User time \(seconds\): ([\d.]+)/.exec(result)
  const system = /System time \(seconds\): ([\d.]+)/.exec(result)
  return {seconds, cpuSeconds: user && system ? Number(user[1]) + Number(system[1]) : undefined, rssMb: match ? Number(match[1]) / 1024 : undefined}
}

/** Where the shared generic corpus is (as `bench/corpus.mjs` looks for it). */
async function realFolder(): Promise<string> {
  const candidates = [
    values.real,
    process.env.NEWS_MARKDOWN_CORPUS,
    process.env.NEWS_MARKDOWN_SHARED && path.join(process.env.NEWS_MARKDOWN_SHARED, 'corpus', 'generic'),
    path.join(root, '..', 'shared', 'corpus', 'generic'),
    '/work/shared/corpus/generic'
  ]
  for (const candidate of candidates) {
    if (candidate && (await fs.stat(candidate).catch(() => undefined))?.isDirectory()) return path.resolve(candidate)
  }
  throw new Error('No real corpus found: pass `--real DIR` (a folder of saved .html pages)')
}

/** The real corpus's pages (bytes, any charset), sorted by name. */
async function loadRealPages(): Promise<Array<{name: string; bytes: Buffer}>> {
  const folder = await realFolder()
  const names = (await fs.readdir(folder, {recursive: true})).map(String).filter((name) => /\.html?$/i.test(name))
  const found = []
  for (const name of names.sort()) found.push({name, bytes: await fs.readFile(path.join(folder, name))})
  if (found.length === 0) throw new Error('No .html pages in ' + folder)
  return found
}

/** `count` files cycling through the real pages, 500 to a folder, each with a comment of its own at the end. */
async function repeat(folder: string, count: number): Promise<string> {
  for (let index = 0; index < count; index++) {
    const page = realPages[index % realPages.length]
    const file = path.join(folder, String(Math.floor(index / 500)), index + '-' + path.basename(page.name))
    await fs.mkdir(path.dirname(file), {recursive: true})
    await fs.writeFile(file, Buffer.concat([page.bytes, Buffer.from('\n<!-- copy ' + index + ' -->\n')]))
  }
  return folder
}

/** The distinct real pages once, for the parallel ceiling. */
async function writeDistinct(folder: string): Promise<void> {
  for (const [index, page] of realPages.entries()) {
    await fs.mkdir(folder, {recursive: true})
    await fs.writeFile(path.join(folder, index + '-' + path.basename(page.name)), page.bytes)
  }
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
