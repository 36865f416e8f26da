// Benchmark of the `--report-html` review page (not part of the tests).
//
//   bash scripts/install-browser.sh && npx tsx scripts/bench-report-html.ts [--sizes 1000,10000,100000] [--rounds 3]
//
// For each size, a report of that many realistic pages (CJK titles, verdicts
// with measurements and metadata sources, two warnings each) is rendered to
// HTML in Node (time), written (bytes), and opened in headless Chromium
// (time until the table is drawn; the main thread's script, style and
// layout time from the DevTools metrics), then sorted and filtered in the page (time of
// the synchronous work). Sizes run interleaved, round after round; the first
// size is run twice per round (A/A control: its two rows should agree).
// Prints medians over the rounds.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {summarize} from '../lib/cli/report.js'
import type {Report, ReportEntry} from '../lib/cli/report.js'
import {renderReportHtml} from '../lib/cli/report-html.js'
import type {VerdictStatus} from '../lib/types.js'
import {guardedPage, launchBrowser} from '../test/util/browser.js'

const {values} = parseArgs({options: {sizes: {type: 'string', default: '1000,10000,100000'}, rounds: {type: 'string', default: '3'}}})
const sizes = String(values.sizes).split(',').map(Number)
const rounds = Number(values.rounds)
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'report-html-bench-'))

const words = ['城市', '图书馆', '延长', '开放', '时间', '夜间', '阅览室', '座无虚席', '市民', '记者', '报道', '当地', '政府', '宣布', '新的', '措施']
function pageEntry(index: number): ReportEntry {
  const title = Array.from({length: 6 + (index % 7)}, (_, k) => words[(index * 7 + k * 3) % words.length]).join('')
  const status: VerdictStatus = index % 9 === 0 ? 'review' : index % 31 === 0 ? 'failed' : 'ok'
  const reasons = status === 'ok' ? [] : status === 'failed' ? ['empty-output'] : index % 2 ? ['text-outside-root'] : ['text-outside-root', 'title-not-near-root']
  const input = 'archive/' + (2000 + (index % 25)) + '/' + String(index).padStart(6, '0') + '-' + title.slice(0, 6) + '.html'
  return {
    input,
    inputPath: path.join(work, input),
    output: 'posts/' + title.slice(0, 10) + '-' + index + '.md',
    status: 'converted',
    fields: ['title', 'date', 'author', 'source', 'url', 'tags'],
    article: {
      title,
      date: '20' + String(10 + (index % 15)) + '-0' + ((index % 9) + 1) + '-1' + (index % 10) + 'T08:30:00+08:00',
      author: '记者' + words[index % words.length],
      source: ['美国之音', '自由亚洲电台', '德国之声', 'BBC中文'][index % 4],
      url: 'https://www.example.com/news/' + index + '.html'
    },
    words: Math.round(200 + 1800 * Math.abs(Math.sin(index))),
    verdict: {
      status,
      reasons,
      measurements: {
        outputCharacters: 4000 + (index % 1000),
        outputParagraphs: 12 + (index % 20),
        pageCharacters: 9000 + (index % 3000),
        sentenceTextOutsideRoot: (index % 100) / 400,
        leadOutsideRoot: 0,
        titleNearRoot: index % 9 !== 0,
        linkTextShare: (index % 50) / 500,
        removedCharacters: index % 13 === 0 ? 240 : 0,
        droppedCharacters: index % 26 === 0 ? 240 : 0,
        removedMedia: index % 17 === 0 ? 1 : 0,
        replacementCharacters: 0,
        boilerplateTail: null,
        authorNames: 1,
        authorGlued: [],
        fields: {
          title: {source: 'h1.entry-title', conflict: null},
          date: {source: 'meta[property="article:published_time"]', conflict: index % 11 === 0 ? {value: '2019-01-01', source: 'JSON-LD datePublished'} : null},
          author: {source: 'byline', conflict: null},
          source: {source: 'credit-line', conflict: null},
          url: {source: 'link[rel=canonical]', conflict: null}
        }
      }
    },
    warnings: [
      {ruleId: 'missing-author', reason: 'No author was found', line: null, column: null, kind: 'warning'},
      {ruleId: 'dropped-content', reason: 'Removed 120 characters of text from inside the article (`div.share`, rule `link-list`): “分享到微博 分享到微信”', line: 12, column: 3, kind: 'warning'}
    ],
    error: null
  }
}

function median(list: Array<number>): number {
  const sorted = [...list].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

const load = os.loadavg()[0]
const runs = [sizes[0], ...sizes]
const labels = runs.map((size, index) => size.toLocaleString('en') + (index === 0 ? ' (A)' : index === 1 ? ' (A/A)' : ''))
const results: Array<Record<string, Array<number>>> = runs.map(() => ({}))
const bytes: Array<number> = []
const chromium = await launchBrowser()
try {
  for (let round = 0; round < rounds; round++) {
    for (const [index, size] of runs.entries()) {
      const files = Array.from({length: size}, (_, k) => pageEntry(k))
      const report: Report = {converter: 'news-markdown@bench', shard: '1/1', summary: summarize(files), files}
      const file = path.join(work, 'review-' + index + '.html')
      const cpu = process.cpuUsage()
      const start = performance.now()
      const html = renderReportHtml(report, {file, outDir: path.join(work, 'out')})
      const renderMs = performance.now() - start
      const renderCpu = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000
      await fs.writeFile(file, html)
      bytes[index] = Buffer.byteLength(html)
      const guarded = await guardedPage(chromium.browser)
      const before = await guarded.page.metrics()
      const opened = performance.now()
      await guarded.page.goto(pathToFileURL(file).href, {timeout: 300_000})
      await guarded.page.waitForSelector('html[data-ready]', {timeout: 120_000})
      const openMs = performance.now() - opened
      const after = await guarded.page.metrics()
      const inPage = await guarded.page.evaluate(() => {
        const ready = performance.getEntriesByName('report-ready')[0].startTime
        const time = (action: () => void) => {
          const start = performance.now()
          action()
          return performance.now() - start
        }
        const select = document.getElementById('f-verdict') as HTMLSelectElement
        const search = document.getElementById('f-search') as HTMLInputElement
        const form = document.getElementById('filters') as HTMLFormElement
        return {
          ready,
          sortTitle: time(() => (document.querySelector('#pages th[data-key="title"] button') as HTMLButtonElement).click()),
          sortWords: time(() => (document.querySelector('#pages th[data-key="words"] button') as HTMLButtonElement).click()),
          filter: time(() => {
            select.value = 'attention'
            select.dispatchEvent(new Event('change'))
          }),
          search: time(() => {
            search.value = '图书馆 2003'
            form.requestSubmit()
          }),
          rows: document.querySelectorAll('#pages tbody tr.page').length
        }
      })
      if (guarded.network.length > 0 || guarded.errors.length > 0) throw new Error('The page tried the network or failed: ' + [...guarded.network, ...guarded.errors].join('; '))
      await guarded.page.close()
      const figures = {
        renderMs,
        renderCpu,
        openMs,
        readyMs: inPage.ready,
        scriptCpu: ((after.ScriptDuration || 0) - (before.ScriptDuration || 0)) * 1000,
        layoutCpu: ((after.LayoutDuration || 0) - (before.LayoutDuration || 0) + (after.RecalcStyleDuration || 0) - (before.RecalcStyleDuration || 0)) * 1000,
        sortTitle: inPage.sortTitle,
        sortWords: inPage.sortWords,
        filter: inPage.filter,
        search: inPage.search
      }
      for (const [key, value] of Object.entries(figures)) (results[index][key] ||= []).push(value)
    }
  }
} finally {
  await chromium.close()
  await fs.rm(work, {recursive: true, force: true})
}

console.log(
  'Chromium ' +
    (await import('node:child_process')).execFileSync('/usr/bin/chromium', ['--version']).toString().trim().split(' ').slice(0, 2).join(' ') +
    ', ' +
    os.availableParallelism() +
    ' cores, load ' +
    load.toFixed(2) +
    ', median of ' +
    rounds +
    ' interleaved rounds'
)
console.log(
  '| pages | HTML | render in Node (wall / CPU) | open → drawn (wall) | drawn at (page clock) | page script (main thread) | style + layout (main thread) | sort by title | sort by words | filter verdict | text search |'
)
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const [index, label] of labels.entries()) {
  const m = (key: string) => median(results[index][key]).toFixed(0) + ' ms'
  console.log(
    '| ' +
      label +
      ' | ' +
      (bytes[index] / 1024 / 1024).toFixed(2) +
      ' MB | ' +
      m('renderMs') +
      ' / ' +
      m('renderCpu') +
      ' | ' +
      m('openMs') +
      ' | ' +
      m('readyMs') +
      ' | ' +
      m('scriptCpu') +
      ' | ' +
      m('layoutCpu') +
      ' | ' +
      m('sortTitle') +
      ' | ' +
      m('sortWords') +
      ' | ' +
      m('filter') +
      ' | ' +
      m('search') +
      ' |'
  )
}
