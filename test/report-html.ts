// The CLI's verdict summary, the JSON report's page facts, and the
// `--report-html` review page, opened in headless Chromium from Debian
// (`scripts/install-browser.sh`) with the network forbidden.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import fs from 'node:fs/promises'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {parseArguments, UsageError} from '../lib/cli/arguments.js'
import {formatSummary, summarize} from '../lib/cli/report.js'
import type {Report, ReportEntry} from '../lib/cli/report.js'
import {fileLink, renderReportHtml, scriptJson} from '../lib/cli/report-html.js'
import type {ReviewData} from '../lib/cli/report-html.js'
import {countWords} from '../lib/cli/word-count.js'
import type {Verdict, VerdictStatus} from '../lib/types.js'
import {guardedPage, launchBrowser} from './util/browser.js'
import type {GuardedPage, TestBrowser} from './util/browser.js'
import {cli, folder} from './util/cli-harness.js'

/** Strings that break out of a `<script>` or an attribute if escaped badly, and run if they do. */
const hostile = '</script><script>window.__pwned=1;alert(1)</script><!--<img src=x onerror="window.__pwned=2;alert(2)">\'"\u2028\u2029&amp;'

function verdict(status: VerdictStatus, reasons: Array<string>, overrides: Partial<Verdict['measurements']> = {}): Verdict {
  return {
    status,
    reasons,
    measurements: {
      outputCharacters: 1200,
      outputParagraphs: 8,
      pageCharacters: 3000,
      sentenceTextOutsideRoot: 0.05,
      leadOutsideRoot: 0,
      titleNearRoot: true,
      linkTextShare: 0.02,
      removedCharacters: 0,
      droppedCharacters: 0,
      removedMedia: 0,
      replacementCharacters: 0,
      boilerplateTail: null,
      authorNames: 1,
      authorGlued: [],
      fields: {title: {source: 'h1', conflict: null}, date: {source: 'meta[property="article:published_time"]', conflict: {value: '2020-01-02', source: 'JSON-LD datePublished'}}},
      ...overrides
    }
  }
}

function entry(index: number, overrides: Partial<ReportEntry> = {}): ReportEntry {
  const input = 'page-' + String(index).padStart(5, '0') + '.html'
  return {
    input,
    inputPath: '/archive/' + input,
    output: 'page-' + index + '.md',
    status: 'converted',
    fields: ['title'],
    article: {title: 'Page ' + index, date: '2024-01-' + String((index % 28) + 1).padStart(2, '0'), author: 'Author ' + (index % 7), source: 'Source ' + (index % 3)},
    words: 50 + ((index * 37) % 900),
    verdict: verdict('ok', []),
    warnings: [],
    error: null,
    ...overrides
  }
}

function report(files: Array<ReportEntry>): Report {
  return {converter: 'news-markdown@test', shard: '1/1', summary: summarize(files), files}
}

/** The JSON embedded in a review page. */
function embedded(html: string): ReviewData {
  const match = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)
  assert.ok(match, 'the data element')
  return JSON.parse(match[1]) as ReviewData
}

// Without the browser.

test('report-html: the data cannot end its `<script>` element; it reads back the same', function () {
  const files = [entry(1, {article: {title: hostile, author: '<b>x</b>', source: '-->'}, input: hostile + '.html', inputPath: '/archive/' + hostile + '.html', reason: hostile})]
  const html = renderReportHtml(report(files), {file: '/archive/review.html', outDir: '/archive/out'})
  assert.is(html.match(/<script/g)?.length, 2, 'two script elements')
  assert.is(html.match(/<\/script>/g)?.length, 2, 'each closed once')
  assert.not.ok(html.includes('<!--'), 'no comment opener')
  assert.not.ok(/[\u2028\u2029]/.test(html), 'no raw line or paragraph separator')
  const data = embedded(html)
  assert.is(data.rows[0][5], hostile)
  assert.is(data.rows[0][0], hostile + '.html')
  assert.is(data.strings[data.rows[0][4] as number], hostile)
  assert.is(JSON.parse(scriptJson({a: '</script><!--\u2028&'})).a, '</script><!--\u2028&')
})

test('report-html: the page allows only its own inline style and script (Content-Security-Policy)', function () {
  const html = renderReportHtml(report([entry(1)]), {file: '/archive/review.html', outDir: '/archive/out'})
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] || ''
  assert.match(policy, /default-src 'none'/)
  assert.match(policy, /script-src 'sha256-[A-Za-z0-9+/]+=*'(;|$)/)
  assert.match(policy, /style-src 'sha256-[A-Za-z0-9+/]+=*'(;|$)/)
  assert.not.match(html, /\b(?:src|href)="https?:/, 'nothing from the network')
})

test('report-html: links are relative to the page (the page percent-encodes each segment)', function () {
  assert.is(fileLink('/a/review', '/a/in/新闻 报道#1.html'), '../in/新闻 报道#1.html')
  assert.is(fileLink('/a', '/a/out/50%?.md'), 'out/50%?.md')
  assert.is(fileLink('/a', '/a'), '')
  const data = embedded(
    renderReportHtml(report([entry(1, {input: '二/一.html', output: 'posts/二.md', inputPath: '/site/in/二/一.html'}), entry(2, {input: 'y.html', inputPath: '/elsewhere/x.html'})]), {
      file: '/site/reports/r.html',
      outDir: '/site/out'
    })
  )
  assert.is(data.outLink, '../out')
  // The input link is stored as a shared prefix, or whole when the input path is not its end.
  assert.is(data.strings[data.rows[0][1] as number], '../in/')
  assert.is(data.rows[1][1], '../../elsewhere/x.html')
})

test('report-html: words count CJK characters one each, other words by spaces, no URLs or markers', function () {
  assert.is(countWords(''), 0)
  assert.is(countWords('记者报道了当地的情况。'), 10)
  assert.is(countWords('Hello world, it is 10⁶.'), 5)
  assert.is(countWords('東京タワーは 333 m'), 8)
  assert.is(countWords('See [the report](https://ex.com/a_(b)?x=1 "T") and ![photo](/x.png) <https://a.b/c> http://x.y/z'), 5)
  assert.is(countWords('1. one\n2. two\n- three\n> 4. four\n\n| a | — |'), 5)
  assert.is(countWords('𠀀𠀁 naïve Ünïcödé'), 4)
  assert.is(countWords('ภาษาไทยง่ายนิดเดียว'), 5)
})

test('report-html: the summary ends with the pages that need review and the top reasons', function () {
  const files = [
    entry(1, {verdict: verdict('review', ['text-outside-root', 'title-not-near-root'])}),
    entry(2, {verdict: verdict('review', ['text-outside-root'])}),
    entry(3, {verdict: verdict('failed', ['empty-output', 'text-outside-root'])}),
    entry(4),
    entry(5, {status: 'unchanged', verdict: null, article: null, words: null}),
    entry(6, {status: 'failed', output: null, verdict: null, article: null, words: null, error: {ruleId: 'not-html', reason: 'binary', line: null, column: null, kind: 'fatal'}})
  ]
  const summary = summarize(files)
  assert.equal(summary.verdicts, {ok: 1, review: 2, failed: 1, unassessed: 1})
  assert.equal(summary.reasons, {'text-outside-root': 3, 'title-not-near-root': 1, 'empty-output': 1})
  const lines = formatSummary(summary).trimEnd().split('\n')
  assert.is(lines.at(-1), 'which pages, and why: rerun with --report-html FILE (a review page) or --report FILE')
  assert.is(lines.at(-2), '3 pages need review (verdicts: 2 review, 1 failed: output unlike its source): text-outside-root ×3, empty-output ×1, title-not-near-root ×1')
  assert.match(lines.at(-3) || '', /^1 page not assessed/)
  // Many reasons: the five most frequent, then how many more.
  const many = summarize(
    Array.from({length: 8}, (_, index) =>
      entry(index, {
        verdict: verdict(
          'review',
          Array.from({length: index + 1}, (_, k) => 'rule-' + k)
        )
      })
    )
  )
  assert.match(
    formatSummary(many, {report: 'r.json', reportHtml: 'r.html'}),
    /8 pages need review: rule-0 ×8, rule-1 ×7, rule-2 ×6, rule-3 ×5, rule-4 ×4, and 3 more\nwhich pages, and why: r\.html, r\.json\n$/
  )
  assert.match(formatSummary(summarize([entry(1), entry(2)])), /\nno page needs review \(2 assessed\)\n$/)
  // Dates without a UTC offset (not date-only ones): one hint naming `--timezone`.
  const local = summarize([entry(1, {article: {date: '2024-01-02T08:00:00'}}), entry(2, {article: {date: '2024-01-02T08:00'}}), entry(3, {article: {date: '2024-01-02T08:00:00+01:00'}}), entry(4)])
  assert.is(local.datesWithoutOffset, 2)
  assert.match(formatSummary(local), /\n2 pages have dates without a UTC offset, written as the page gives them .*: pass --timezone ZONE .*\n/)
  assert.not.match(formatSummary(summarize([entry(3, {article: {date: '2024-01-02T08:00:00Z'}})])), /--timezone/)
  // Embeds dropped from articles (`dropped-embed`, an info): counted by rule on a line of their own, never among the warnings.
  const info = (rule: string) => ({
    ruleId: 'dropped-embed',
    reason: 'Removed embed `https://ads.example/x` from inside the article (`iframe.rule `x`-box`, rule `' + rule + '`)',
    line: null,
    column: null,
    kind: 'info' as const
  })
  const embeds = summarize([entry(1, {warnings: [info('ad-embed'), info('no-source')]}), entry(2, {warnings: [info('ad-embed')]}), entry(3)])
  assert.equal(embeds.droppedEmbeds, {'ad-embed': 2, 'no-source': 1})
  assert.is(embeds.droppedEmbedPages, 2)
  assert.equal(embeds.warnings, {})
  assert.match(formatSummary(embeds), /\ndropped embeds: 3 on 2 pages \(dropped-embed, info\), by rule: ad-embed ×2, no-source ×1\n/)
  assert.equal(summarize([entry(1, {warnings: [{...info('x'), reason: 'Removed an embed'}]})]).droppedEmbeds, {unknown: 1})
  assert.equal(summarize([entry(1, {warnings: [{...info('x'), reason: 'Removed an embed (rule `'}]})]).droppedEmbeds, {unknown: 1})
  assert.not.match(formatSummary(summarize([entry(1)])), /dropped embeds/)
  // No verdict at all (pages not assessed): nothing is claimed.
  assert.is(formatSummary(summarize([entry(1, {verdict: null}), entry(2, {verdict: null})])), '2 converted, 0 unchanged, 0 skipped, 0 failed to convert\n')
})

test('report-html: `--report-html` needs inputs and another file than `--report`', async function () {
  for (const [argv, message] of [
    [['--report-html', 'r.html'], /`--report-html` and `--redirects` need files/],
    [['a.html', '--out', 'o', '--report', 'r.html', '--report-html', './r.html'], /name the same file/]
  ] as const) {
    try {
      await parseArguments([...argv], '/tmp')
      assert.unreachable('expected a usage error for ' + argv.join(' '))
    } catch (error) {
      assert.instance(error, UsageError)
      assert.match((error as Error).message, message)
    }
  }
  assert.is((await parseArguments(['a.html', '--out', 'o', '--report-html', 'r.html'], '/tmp')).reportHtml, 'r.html')
})

// In the browser.

let chromium: TestBrowser | undefined

test.before(async function () {
  chromium = await launchBrowser()
})

test.after(async function () {
  await chromium?.close()
})

async function open(file: string, hash = ''): Promise<GuardedPage> {
  const guarded = await guardedPage((chromium as TestBrowser).browser)
  await guarded.page.goto(pathToFileURL(file).href + hash)
  // Drawn, or stopped on unreadable data (a broken page fails at once, with what happened).
  const seen = () => [...guarded.errors, ...guarded.dialogs, ...guarded.network].join('; ')
  try {
    await guarded.page.waitForSelector('html[data-ready], #app-error:not(:empty)', {timeout: 20_000})
  } catch {
    assert.unreachable('the page never drew the report (' + seen() + ')')
  }
  assert.is(await guarded.page.$eval('#app-error', (node) => node.textContent), '', 'the page drew the report (' + seen() + ')')
  return guarded
}

/** Rows of the table as the page shows them. */
async function tableRows(guarded: GuardedPage): Promise<Array<Record<string, string>>> {
  return guarded.page.$$eval('#pages tbody tr.page', (rows) =>
    rows.map((row) => {
      const cells = (row as HTMLTableRowElement).cells
      const text = (index: number) => (cells[index].textContent || '').trim()
      const href = (index: number) => cells[index].querySelector('a')?.href || ''
      const attribute = (index: number) => cells[index].querySelector('a')?.getAttribute('href') || ''
      return {
        title: text(0),
        date: text(1),
        author: text(2),
        source: text(3),
        words: text(4),
        status: text(5),
        verdict: text(6),
        reasons: text(7),
        input: text(8),
        output: text(9),
        inputHref: href(8),
        outputHref: href(9),
        inputAttribute: attribute(8)
      }
    })
  )
}

async function countLine(guarded: GuardedPage): Promise<string> {
  return guarded.page.$eval('#count', (node) => node.textContent || '')
}

function clean(guarded: GuardedPage) {
  assert.equal(guarded.network, [], 'no network request')
  assert.equal(guarded.dialogs, [], 'no dialog')
  assert.equal(guarded.errors, [], 'no script error or policy violation')
}

test('report-html: the real CLI writes a review page: every row, links to files that exist, hostile titles inert', async function () {
  const article = (title: string, body: string) =>
    '<!doctype html><html><head><meta charset="utf-8"><title>' +
    title.replace(/&/g, '&amp;').replace(/</g, '&lt;') +
    '</title>' +
    '<meta property="og:title" content="' +
    title.replace(/&/g, '&amp;').replace(/"/g, '&quot;') +
    '"></head><body><article><h1>' +
    title.replace(/&/g, '&amp;').replace(/</g, '&lt;') +
    '</h1>' +
    body +
    '</article></body></html>'
  const paragraphs = (count: number, text: string) => Array.from({length: count}, (_, index) => '<p>' + text + ' ' + index + '。</p>').join('')
  const dir = await folder({
    'in/新闻 报道#1.html': article('城市图书馆延长开放时间', paragraphs(12, '记者报道了当地图书馆的情况，市民反应热烈')),
    'in/sub/50%.html': article('Short English piece', paragraphs(3, 'The council met on Monday and agreed on the budget for next year')),
    'in/x"><img src=x onerror=alert(3)>.html': article(hostile, paragraphs(6, 'A page whose title tries to break out of the report')),
    'in/bad.html': new Uint8Array([0, 1, 2, 3, 255, 254, 0, 0, 9, 8]),
    'in/long.html': article('长篇报道', paragraphs(60, '这是一个很长的段落，用来检验直方图和排序是否正确地反映了页面的长度'))
  })
  const result = await cli(['in', '--out', 'out', '--report', 'report.json', '--report-html', 'review/report.html'], dir)
  assert.is(result.code, 1, 'one page failed')
  const json = JSON.parse(await fs.readFile(path.join(dir, 'report.json'), 'utf8')) as Report
  assert.is(json.files.length, 5)
  for (const file of json.files) {
    assert.ok(path.isAbsolute(file.inputPath) && existsSync(file.inputPath), file.input)
    if (file.status !== 'converted') continue
    assert.type(file.words, 'number')
    assert.ok((file.words as number) > 0, file.input + ' has words')
    assert.type(file.article?.title, 'string')
    assert.ok(file.verdict === null || ['ok', 'review', 'failed'].includes(file.verdict.status), 'a verdict or none, never made up')
  }
  const hostileTitle = json.files.find((file) => file.article?.title?.includes('</script><script>window.__pwned=1;alert(1)</script><!--<img'))?.article?.title
  assert.type(hostileTitle, 'string', 'the hostile title is a page title')

  const guarded = await open(path.join(dir, 'review/report.html'))
  const rows = await tableRows(guarded)
  assert.is(rows.length, 5, 'every page has a row')
  assert.is(await countLine(guarded), 'Showing all 5 pages')
  const byInput = new Map(rows.map((row) => [row.input, row]))
  for (const file of json.files) {
    const row = byInput.get(file.input)
    assert.ok(row, 'a row for ' + file.input)
    assert.is(row.status, file.status)
    assert.is(row.verdict, file.verdict ? file.verdict.status : file.status === 'converted' ? 'not assessed' : 'not converted')
    if (file.article?.title) assert.is(row.title, file.article.title)
    if (file.words !== null) assert.is(Number(row.words.replace(/,/g, '')), file.words)
    // Links resolve to the input and the output on disk.
    assert.is(fileURLToPath(row.inputHref), file.inputPath)
    if (file.output === null) assert.is(row.outputHref, '')
    else {
      assert.is(fileURLToPath(row.outputHref), path.join(dir, 'out', file.output))
      assert.ok(existsSync(fileURLToPath(row.outputHref)), 'output exists: ' + file.output)
    }
  }
  // Relative to the page (in `review/`), percent-encoded.
  assert.is(byInput.get('新闻 报道#1.html')?.inputAttribute, '../in/%E6%96%B0%E9%97%BB%20%E6%8A%A5%E9%81%93%231.html')
  assert.is(byInput.get('sub/50%.html')?.inputAttribute, '../in/sub/50%25.html')
  // The hostile title is text: nothing ran, nothing was injected.
  assert.is(await guarded.page.evaluate(() => (window as unknown as {__pwned?: number}).__pwned), undefined)
  assert.is(await guarded.page.$$eval('img, iframe, object, embed', (nodes) => nodes.length), 0, 'no injected element')
  assert.is(await guarded.page.$$eval('script', (nodes) => nodes.length), 2, 'only the page’s own scripts')
  assert.ok(
    rows.some((row) => row.title === hostileTitle),
    'the hostile title shown as text'
  )
  // The details panel shows it as text too.
  await guarded.page.evaluate(() => {
    const buttons = [...document.querySelectorAll('#pages tbody td:first-child button')] as Array<HTMLButtonElement>
    buttons.find((button) => (button.textContent || '').includes('__pwned'))?.click()
  })
  assert.is(await guarded.page.$eval('#details-title', (node) => node.textContent), hostileTitle)
  assert.is(await guarded.page.evaluate(() => (window as unknown as {__pwned?: number}).__pwned), undefined)
  // Histogram: one bar group per bin, the bins hold every converted page.
  const bins = await guarded.page.$$eval('#histogram .bin', (nodes) => nodes.map((node) => Number(node.getAttribute('data-total'))))
  assert.ok(bins.length > 0, 'histogram bars')
  assert.is(
    bins.reduce((a, b) => a + b, 0),
    json.summary.converted
  )
  // Sorting by words: descending, then ascending (the failed page without words last both ways).
  await guarded.page.click('#pages th[data-key="words"] button')
  const down = (await tableRows(guarded)).map((row) => row.words)
  await guarded.page.click('#pages th[data-key="words"] button')
  const up = (await tableRows(guarded)).map((row) => row.words)
  const numbers = (list: Array<string>) => list.filter((value) => value !== '—').map((value) => Number(value.replace(/,/g, '')))
  assert.equal(
    numbers(down),
    [...numbers(down)].sort((a, b) => b - a)
  )
  assert.equal(
    numbers(up),
    [...numbers(up)].sort((a, b) => a - b)
  )
  assert.is(down.at(-1), '—')
  assert.is(up.at(-1), '—')
  assert.is(await guarded.page.$eval('#pages th[data-key="words"]', (node) => node.getAttribute('aria-sort')), 'ascending')
  // Filtering by conversion status.
  await guarded.page.select('#f-status', 'failed')
  assert.equal(
    (await tableRows(guarded)).map((row) => row.input),
    ['bad.html']
  )
  clean(guarded)
  await guarded.page.close()
})

test('report-html: a second run keeps the facts of unchanged pages (in the manifest); a page without recorded facts is converted again', async function () {
  const dir = await folder({
    'in/a.html':
      '<!doctype html><html><head><meta charset="utf-8"><title>标题</title></head><body><article><h1>标题</h1><p>正文第一段，记者报道了当地的情况。</p><p>第二段内容。</p></article></body></html>'
  })
  assert.is((await cli(['in', '--out', 'out', '--report', 'first.json'], dir)).code, 0)
  assert.is((await cli(['in', '--out', 'out', '--report', 'second.json'], dir)).code, 0)
  const first = JSON.parse(await fs.readFile(path.join(dir, 'first.json'), 'utf8')) as Report
  const second = JSON.parse(await fs.readFile(path.join(dir, 'second.json'), 'utf8')) as Report
  assert.is(second.files[0].status, 'unchanged')
  assert.equal(second.files[0].article, first.files[0].article)
  assert.is(second.files[0].words, first.files[0].words)
  assert.equal(second.files[0].verdict, first.files[0].verdict)
  assert.equal(second.summary.verdicts, first.summary.verdicts)
  // As from an older version: the manifest lists the page without facts.
  const manifestFile = path.join(dir, 'out/.news-markdown-manifest.json')
  const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8')) as {files: Record<string, {facts?: {words: number}}>}
  assert.is(manifest.files['a.html'].facts?.words, first.files[0].words)
  delete manifest.files['a.html'].facts
  await fs.writeFile(manifestFile, JSON.stringify(manifest))
  const output = await fs.stat(path.join(dir, 'out', first.files[0].output as string))
  assert.is((await cli(['in', '--out', 'out', '--report', 'third.json'], dir)).code, 0)
  const third = JSON.parse(await fs.readFile(path.join(dir, 'third.json'), 'utf8')) as Report
  assert.is(third.files[0].status, 'converted')
  assert.equal(third.files[0].article, first.files[0].article)
  assert.is((await fs.stat(path.join(dir, 'out', first.files[0].output as string))).mtimeMs, output.mtimeMs, 'the same output is not rewritten')
  const again = JSON.parse(await fs.readFile(manifestFile, 'utf8')) as {files: Record<string, {facts?: {words: number}}>}
  assert.is(again.files['a.html'].facts?.words, first.files[0].words)
})

/** 40 pages with verdicts, reasons and lengths of every kind. */
function verdictReport(): Report {
  const kinds: Array<[VerdictStatus | null, Array<string>]> = [
    ['ok', []],
    ['review', ['text-outside-root']],
    ['review', ['title-not-near-root', 'link-heavy']],
    ['failed', ['empty-output']],
    [null, []]
  ]
  const files = Array.from({length: 40}, (_, index) => {
    const [status, reasons] = kinds[index % kinds.length]
    return entry(index, {
      inputPath: '/archive/page-' + index + '.html',
      verdict: status ? verdict(status, reasons, {removedCharacters: index * 10}) : null,
      words: status === 'failed' ? index % 3 : 80 + index * 45
    })
  })
  files.push(
    entry(40, {status: 'failed', output: null, article: null, words: null, verdict: null, error: {ruleId: 'not-html', reason: 'Input is not an HTML page', line: null, column: null, kind: 'fatal'}})
  )
  files.push(entry(41, {article: {title: 'Hostile URL', url: 'javascript:alert(5)'}, verdict: verdict('review', ['text-outside-root'])}))
  return report(files)
}

test('report-html: filtering by verdict, reason, words and text; counts; details; state in the URL', async function () {
  const dir = await folder()
  const data = verdictReport()
  const file = path.join(dir, 'review.html')
  await fs.writeFile(file, renderReportHtml(data, {file, outDir: path.join(dir, 'out')}))
  const guarded = await open(file)
  const expect = (predicate: (file: ReportEntry) => boolean) =>
    data.files
      .filter(predicate)
      .map((file) => file.input)
      .sort()
  const shown = async () => (await tableRows(guarded)).map((row) => row.input).sort()

  assert.is((await tableRows(guarded)).length, 42)
  // The default order: worst verdict first.
  assert.is((await tableRows(guarded))[0].verdict, 'failed')
  // Counts by verdict and by reason.
  const chips = await guarded.page.$$eval('#verdict-counts .chip', (nodes) => nodes.map((node) => [(node as HTMLElement).dataset.verdict, node.querySelector('b')?.textContent]))
  assert.equal(Object.fromEntries(chips), {attention: '25', failed: '8', review: '17', ok: '8', none: '8'})
  const reasons = await guarded.page.$$eval('#reasons tbody tr', (nodes) => nodes.map((node) => [(node as HTMLElement).dataset.reason, (node as HTMLTableRowElement).cells[1].textContent]))
  assert.equal(reasons, [
    ['text-outside-root', '9'],
    ['empty-output', '8'],
    ['link-heavy', '8'],
    ['title-not-near-root', '8']
  ])

  // Verdict select.
  for (const [value, predicate] of [
    ['review', (file: ReportEntry) => file.verdict?.status === 'review'],
    ['failed', (file: ReportEntry) => file.verdict?.status === 'failed'],
    ['ok', (file: ReportEntry) => file.verdict?.status === 'ok'],
    ['none', (file: ReportEntry) => file.verdict === null && file.status === 'converted'],
    ['attention', (file: ReportEntry) => file.verdict?.status === 'review' || file.verdict?.status === 'failed']
  ] as const) {
    await guarded.page.select('#f-verdict', value)
    assert.equal(await shown(), expect(predicate), 'verdict ' + value)
    const rows = await tableRows(guarded)
    if (value !== 'attention')
      assert.ok(
        rows.every((row) => row.verdict === (value === 'none' ? 'not assessed' : value)),
        'verdict cells ' + value
      )
  }
  assert.match(guarded.page.url(), /#verdict=attention$/)
  // A chip sets the same filter; pressing it again clears it.
  await guarded.page.click('#verdict-counts .chip[data-verdict="ok"]')
  assert.equal(
    await shown(),
    expect((file) => file.verdict?.status === 'ok')
  )
  await guarded.page.click('#verdict-counts .chip[data-verdict="ok"]')
  assert.is((await tableRows(guarded)).length, 42)

  // A reason in the counts table filters by it.
  await guarded.page.click('#reasons tbody tr[data-reason="link-heavy"] button')
  assert.equal(
    await shown(),
    expect((file) => Boolean(file.verdict?.reasons.includes('link-heavy')))
  )
  assert.is(await guarded.page.$eval('#f-reason', (node) => (node as HTMLSelectElement).value), 'link-heavy')
  assert.ok((await tableRows(guarded)).every((row) => row.reasons.includes('link-heavy')))

  // Text search (with the reason filter still on), then cleared.
  await guarded.page.type('#f-search', 'page 12')
  await guarded.page.waitForFunction(() => document.querySelectorAll('#pages tbody tr.page').length === 1)
  assert.equal(await shown(), ['page-00012.html'])
  await guarded.page.click('#f-reset')
  assert.is((await tableRows(guarded)).length, 42)
  assert.is(await guarded.page.$eval('#f-search', (node) => (node as HTMLInputElement).value), '')

  // A histogram bar filters by its words range.
  const bin = await guarded.page.$eval('#histogram .bin[data-total]:not([data-total="0"])', (node) => ({
    min: Number(node.getAttribute('data-min')),
    max: node.getAttribute('data-max'),
    total: Number(node.getAttribute('data-total'))
  }))
  await guarded.page.click('#histogram .bin[data-total]:not([data-total="0"]) .hit')
  const inRange = (await tableRows(guarded)).map((row) => Number(row.words.replace(/,/g, '')))
  assert.is(inRange.length, bin.total)
  assert.ok(
    inRange.every((words) => words >= bin.min && (bin.max === '' || words <= Number(bin.max))),
    'rows in the bar’s range'
  )
  const histogramTotal = (await guarded.page.$$eval('#histogram .bin', (nodes) => nodes.map((node) => Number(node.getAttribute('data-total'))))).reduce((a, b) => a + b, 0)
  assert.is(histogramTotal, data.files.filter((file) => file.words !== null).length)

  // The state is in the URL: a reload shows the same rows.
  await guarded.page.click('#f-reset')
  await guarded.page.select('#f-verdict', 'review')
  await guarded.page.click('#pages th[data-key="title"] button')
  const before = (await tableRows(guarded)).map((row) => row.input)
  await guarded.page.reload()
  await guarded.page.waitForSelector('html[data-ready]')
  assert.equal(
    (await tableRows(guarded)).map((row) => row.input),
    before
  )
  assert.is(await guarded.page.$eval('#f-verdict', (node) => (node as HTMLSelectElement).value), 'review')

  // Details: measurements, metadata sources and conflicts; a `javascript:` URL stays text.
  await guarded.page.evaluate(() => {
    const buttons = [...document.querySelectorAll('#pages tbody td:first-child button')] as Array<HTMLButtonElement>
    buttons.find((button) => button.textContent === 'Hostile URL')?.click()
  })
  const details = await guarded.page.$eval('#details', (node) => ({
    hidden: (node as HTMLElement).hidden,
    text: node.textContent || '',
    links: [...node.querySelectorAll('a')].map((a) => a.getAttribute('href'))
  }))
  assert.not.ok(details.hidden)
  assert.match(details.text, /text-outside-root/)
  assert.match(details.text, /sentence-like text outside the article5\.0%/)
  assert.match(details.text, /2020-01-02 \(JSON-LD datePublished\)/)
  assert.match(details.text, /javascript:alert\(5\)/)
  assert.not.ok(
    details.links.some((href) => /^javascript:/i.test(href || '')),
    'no javascript: link'
  )
  await guarded.page.keyboard.press('Escape')
  assert.ok(await guarded.page.$eval('#details', (node) => (node as HTMLElement).hidden))
  clean(guarded)
  await guarded.page.close()
})

test('report-html: 10,000 pages: the count is right, few rows are in the document, scrolling reaches the last', async function () {
  const dir = await folder()
  const files = Array.from({length: 10_000}, (_, index) => entry(index, {verdict: index % 10 === 0 ? verdict('review', ['text-outside-root']) : verdict('ok', [])}))
  const file = path.join(dir, 'review.html')
  await fs.writeFile(file, renderReportHtml(report(files), {file, outDir: path.join(dir, 'out')}))
  const guarded = await open(file, '#sort=input&dir=asc')
  assert.is(await countLine(guarded), 'Showing all 10,000 pages')
  const inDocument = await guarded.page.$$eval('#pages tbody tr.page', (nodes) => nodes.length)
  assert.ok(inDocument > 10 && inDocument < 200, inDocument + ' rows in the document')
  assert.is((await tableRows(guarded))[0].input, 'page-00000.html')
  await guarded.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  await guarded.page.waitForFunction(() => [...document.querySelectorAll('#pages tbody tr.page')].some((row) => (row as HTMLElement).dataset.input === 'page-09999.html'))
  const last = await guarded.page.$$eval('#pages tbody tr.page', (nodes) => (nodes.at(-1) as HTMLElement).dataset.input)
  assert.is(last, 'page-09999.html')
  await guarded.page.select('#f-verdict', 'review')
  assert.is(await countLine(guarded), 'Showing 1,000 of 10,000 pages')
  clean(guarded)
  await guarded.page.close()
})

test.run()
