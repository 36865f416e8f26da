// Runs every suite in one process, in order, then prints uvu's summary once
// (`Total`, `Passed`, `Skipped`), which `.ci/run` turns into its last line.
declare global {
  var UVU_DEFER: number | undefined
  var UVU_QUEUE: Array<Array<unknown>>
  var UVU_INDEX: number | undefined
}

const suites = [
  './api.js',
  './credit-line.js',
  './cjk-byline.js',
  './wechat.js',
  './credit-roles.js',
  './site-suffix.js',
  './decode.js',
  './normalize-date.js',
  './generic-meta.js',
  './closing-byline.js',
  './byline-forms.js',
  './byline-kinds.js',
  './latin-news-grid.js',
  './emphasis.js',
  './text-fidelity.js',
  './media.js',
  './fixtures.js',
  './cli.js',
  './cli-arguments.js',
  './write-atomic.js',
  './write-output.js',
  './layouts.js',
  './frontmatter.js',
  './render-page.js',
  './images.js',
  './images-fetch.js',
  './images-fetch-edges.js',
  './images-store.js',
  './images-cli.js',
  './generators.js',
  './images-generators.js',
  './report-html.js',
  './redirects.js',
  './redirect-servers.js',
  './migration.js',
  './merge.js',
  './progress.js',
  './article-root.js',
  './cleaning.js',
  './source-order.js',
  './parse5-to-hast.js',
  './verdict.js',
  './structure.js',
  './walks.js',
  './headings-wrapped.js',
  './header-texts.js',
  './walk-in-order.js',
  './scoped-value.js',
  './profiles.js',
  './pool.js',
  './reliability.js',
  './security.js',
  './faults.js',
  './fuzz.js',
  './text-handler.js',
  './rendered-lines.js',
  './bounded-text.js',
  './cli-edges.js',
  './media-edges.js',
  './kicker.js',
  './related-edges.js',
  './article-tail.js',
  './credit-line-edges.js',
  './select.js',
  './images-edges.js',
  './lock.js',
  './promos-edges.js',
  './profile-edges.js',
  './verdict-fields.js',
  './meta-edges.js',
  './images-fetch-errors.js',
  './json-ld.js',
  './batch-edges.js',
  './footnotes-bytes.js',
  './footnotes-edges.js',
  './page-index.js',
  './remark-stages.js',
  './media-urls.js',
  './match-profile.js',
  './batch-runs.js',
  './zh-news-grid.js'
]

// `NEWS_MARKDOWN_SKIP=generators,redirect-servers` leaves suites out (those
// that need Hugo, Jekyll, web servers, Chromium or GNU parallel, on a machine without root).
const skip = new Set(
  (process.env.NEWS_MARKDOWN_SKIP || '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
)
for (const name of skip) if (!suites.includes('./' + name + '.js')) throw new Error('NEWS_MARKDOWN_SKIP: no suite `' + name + '`')

globalThis.UVU_DEFER = 1
globalThis.UVU_QUEUE = []
const {exec} = await import('uvu')
for (const [index, suite] of suites.filter((suite) => !skip.has(suite.replace(/^\.\/|\.js$/g, ''))).entries()) {
  globalThis.UVU_QUEUE.push([suite.replace(/^\.\/|\.js$/g, '')])
  globalThis.UVU_INDEX = index
  await import(suite)
}
// `NEWS_MARKDOWN_TIMES=1` prints each suite's wall and CPU time (CPU of this
// process, its worker threads included; child processes not) after the run.
if (process.env.NEWS_MARKDOWN_TIMES) {
  const times: Array<string> = []
  for (const group of globalThis.UVU_QUEUE) {
    const name = String(group[0])
    let wall = 0
    let cpu = process.cpuUsage()
    group.splice(1, 0, () => {
      wall = performance.now()
      cpu = process.cpuUsage()
      return ['', 0, 0, 0]
    })
    group.push(() => {
      const used = process.cpuUsage(cpu)
      times.push(name + '\t' + ((performance.now() - wall) / 1000).toFixed(1) + ' s wall\t' + ((used.user + used.system) / 1e6).toFixed(1) + ' s CPU')
      return ['', 0, 0, 0]
    })
  }
  process.on('exit', () => console.error('Suite times:\n' + times.join('\n')))
}
await exec()
// End the `--jobs` worker threads the suites left idle, so each writes its
// coverage record (a thread still alive when the process exits may not).
const {closePools} = await import('../lib/cli/pool.js')
await closePools()
