/**
 * Keep worker-thread coverage apart from main-thread coverage before `c8 report`.
 *
 * Under `tsx`, a module loaded in a worker thread (the `--jobs` pool runs
 * `lib/cli/convert-task.ts` there) is compiled to CommonJS, in the main
 * thread to ESM: two different scripts under one URL. `c8` merges raw V8
 * coverage by URL and byte offset before it applies source maps, so the two
 * would be summed at the wrong offsets (whole functions reported as never
 * run), and one thread's source map applied to both. Giving each thread's
 * scripts their own file name (`decode.thread-3.ts`; the source map still
 * names `decode.ts`) makes c8 map each through its own source map and then
 * add them up per line of the original file.
 *
 * Usage: `tsx scripts/coverage-threads.ts [coverage/tmp]` (run by `npm run coverage`).
 */
import fs from 'node:fs/promises'
import path from 'node:path'

const folder = process.argv[2] || 'coverage/tmp'

interface ProcessCoverage {
  result: Array<{url: string}>
  'source-map-cache'?: Record<string, unknown>
}

let moved = 0
for (const name of await fs.readdir(folder)) {
  // `coverage-PID-TIMESTAMP-THREAD.json`: thread 0 is the main thread.
  const thread = /^coverage-\d+-\d+-(\d+)\.json$/.exec(name)?.[1]
  if (!thread || thread === '0') continue
  const file = path.join(folder, name)
  const data = JSON.parse(await fs.readFile(file, 'utf8')) as ProcessCoverage
  const cache = data['source-map-cache'] || {}
  const renamed: Record<string, unknown> = {}
  for (const script of data.result) {
    if (!script.url.startsWith('file:') || script.url.includes('.thread-')) continue
    const url = script.url.replace(/(\.[a-z]+)?$/, '.thread-' + thread + '$1')
    if (Object.hasOwn(cache, script.url)) renamed[url] = cache[script.url]
    script.url = url
  }
  for (const [url, value] of Object.entries(cache)) if (!url.startsWith('file:') || url.includes('.thread-')) renamed[url] = value
  data['source-map-cache'] = renamed
  await fs.writeFile(file, JSON.stringify(data))
  moved++
}
console.log('coverage: ' + moved + ' worker-thread report' + (moved === 1 ? '' : 's') + ' kept apart')
