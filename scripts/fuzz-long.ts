// The long fuzz run: at least 10,000 cases of the properties of
// `test/fuzz.ts` (see `test/util/fuzz-html.ts`) — random pages from the
// grammar (as strings, and as bytes with `url` and `allowDataImages`) and
// byte-level mutations of the fixtures. Each case runs in a worker thread
// under a watchdog, so a hang is caught (and the worker replaced) instead
// of stopping the run. Prints the figures for the README and writes every
// failing input to a folder for reproduction.
//
// Grammar pages also go through every generator layout (`checkLayouts`):
// readable frontmatter, the same text, no generator syntax left. Then a
// sample of them (`--builds`, spread over the run) is converted with
// `--layout hugo` and `--layout jekyll` and built with the real Hugo and
// Jekyll (`scripts/install-generators.sh`): the builds must succeed, no
// built page may have anything executable (`test/util/scan-html.ts`), and
// every page must read as its plain conversion.
//
// Usage: npx tsx scripts/fuzz-long.ts [--cases 10000] [--seed 1] [--timeout 60] [--builds 300]
import fs from 'node:fs/promises'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {Worker, isMainThread, parentPort} from 'node:worker_threads'
import fc from 'fast-check'
import type {Root as HastRoot} from 'hast'

type Kind = 'page' | 'bytes' | 'mutation'
interface Job {
  index: number
  kind: Kind
  seed: number
}
interface Done {
  index: number
  status: 'converted' | 'rejected' | 'crash' | 'property'
  ruleId?: string | undefined
  message?: string | undefined
  time: number
  input?: string | Uint8Array | undefined
}

if (isMainThread) await main()
else await worker()

async function worker(): Promise<void> {
  const {checkConversion, checkLayouts, fixtureInputs, mutatedFixture, page} = await import('../test/util/fuzz-html.js')
  const {convert} = await import('../index.js')
  const mutations = mutatedFixture(fixtureInputs())
  // Ready: the watchdog starts with the first job, not while this worker loads (seconds on a loaded machine).
  queueMicrotask(() => parentPort!.postMessage('ready'))
  parentPort!.on('message', async (job: Job) => {
    let input: string | Uint8Array = ''
    try {
      if (job.kind === 'mutation') {
        const [mutated] = fc.sample(mutations, {seed: job.seed, numRuns: 1})
        input = mutated.bytes
        const outcome = await checkConversion(input, {path: mutated.name})
        parentPort!.postMessage({index: job.index, status: outcome.status, ruleId: outcome.ruleId, time: outcome.time} satisfies Done)
      } else {
        const [generated] = fc.sample(page, {seed: job.seed, numRuns: 1})
        input = job.kind === 'bytes' ? new TextEncoder().encode(generated.html) : generated.html
        const options = job.kind === 'bytes' ? {url: 'https://www.bannedbook.org/bnews/zh/20200406/' + job.index + '.html', allowDataImages: true} : {}
        const outcome = await checkConversion(input, options, generated)
        if (outcome.status === 'converted') checkLayouts(await convert(input, {...options, frontmatter: false, path: 'page.html'}), 'page.html')
        parentPort!.postMessage({index: job.index, status: outcome.status, ruleId: outcome.ruleId, time: outcome.time} satisfies Done)
      }
    } catch (error) {
      const message = String((error as Error).message || error)
      parentPort!.postMessage({index: job.index, status: message.startsWith('crash:') ? 'crash' : 'property', message, time: 0, input} satisfies Done)
    }
  })
}

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {cases: {type: 'string', default: '10000'}, seed: {type: 'string', default: '1'}, timeout: {type: 'string', default: '60'}, builds: {type: 'string', default: '300'}}
  })
  const cases = Number(values.cases)
  const baseSeed = Number(values.seed)
  const timeout = Number(values.timeout) * 1000
  const failures = await fs.mkdtemp(path.join(os.tmpdir(), 'news-markdown-fuzz-'))
  // 60% grammar pages, 10% grammar pages as bytes with options, 30% mutated fixtures.
  const kindOf = (index: number): Kind => (index % 10 < 6 ? 'page' : index % 10 === 6 ? 'bytes' : 'mutation')
  const tally = {converted: 0, rejected: 0, crashes: 0, hangs: 0, properties: 0}
  const rejected: Record<string, number> = {}
  const problems: Array<string> = []
  let slowest = {time: 0, index: -1}
  const start = performance.now()

  let current: Worker
  let next = 0
  await new Promise<void>((resolve) => {
    let timer: NodeJS.Timeout | undefined
    const spawn = () => {
      // tsx's hooks are not inherited by workers: register them there, then load this file.
      const api = pathToFileURL(
        createRequire(import.meta.url)
          .resolve('tsx/esm/api')
          .replace(/\.cjs$/, '.mjs')
      ).href
      current = new Worker('import(' + JSON.stringify(api) + ').then(({register}) => { register(); return import(' + JSON.stringify(import.meta.url) + ') })', {eval: true})
      current.on('message', async (done: Done | 'ready') => {
        if (done === 'ready') {
          send()
          return
        }
        clearTimeout(timer)
        const kind = kindOf(done.index)
        if (done.status === 'converted') tally.converted++
        else if (done.status === 'rejected') {
          tally.rejected++
          rejected[done.ruleId || '?'] = (rejected[done.ruleId || '?'] || 0) + 1
        } else {
          if (done.status === 'crash') tally.crashes++
          else tally.properties++
          const file = path.join(failures, 'case-' + done.index + (typeof done.input === 'string' ? '.html' : '.bin'))
          if (done.input !== undefined) await fs.writeFile(file, done.input)
          problems.push('#' + done.index + ' (' + kind + ', seed ' + (baseSeed + done.index) + '): ' + String(done.message).slice(0, 200) + ' → ' + file)
        }
        if (done.time > slowest.time) slowest = {time: done.time, index: done.index}
        if ((done.index + 1) % 1000 === 0) console.log('%d cases, %s s', done.index + 1, ((performance.now() - start) / 1000).toFixed(0))
        send()
      })
      current.on('error', (error) => {
        clearTimeout(timer)
        tally.crashes++
        problems.push('#' + (next - 1) + ': worker died: ' + String(error.message))
        spawn()
      })
    }
    const send = () => {
      if (next >= cases) {
        void current.terminate()
        resolve()
        return
      }
      const job: Job = {index: next, kind: kindOf(next), seed: baseSeed + next}
      next++
      timer = setTimeout(() => {
        // A hang: record it, replace the worker, go on.
        tally.hangs++
        problems.push('#' + job.index + ' (' + job.kind + ', seed ' + job.seed + '): no result after ' + timeout / 1000 + ' s')
        current.removeAllListeners()
        void current.terminate()
        spawn()
      }, timeout)
      current.postMessage(job)
    }
    spawn()
  })

  const time = (performance.now() - start) / 1000
  console.log('')
  console.log(
    'cases:               %d (grammar pages %d, as bytes %d, mutated fixtures %d), seed %d',
    cases,
    [...Array(cases).keys()].filter((i) => kindOf(i) === 'page').length,
    [...Array(cases).keys()].filter((i) => kindOf(i) === 'bytes').length,
    [...Array(cases).keys()].filter((i) => kindOf(i) === 'mutation').length,
    baseSeed
  )
  console.log('converted:           %d', tally.converted)
  console.log('rejected (documented): %d %s', tally.rejected, JSON.stringify(rejected))
  console.log('crashes:             %d', tally.crashes)
  console.log('hangs (> %d s):       %d', timeout / 1000, tally.hangs)
  console.log('property failures:   %d', tally.properties)
  console.log('slowest case:        %d ms (#%d)', Math.round(slowest.time), slowest.index)
  console.log('time:                %s s', time.toFixed(1))
  for (const problem of problems.slice(0, 50)) console.log('FAILURE ' + problem)

  // Real builds of a sample of the grammar pages.
  const pageIndexes = [...Array(cases).keys()].filter((index) => kindOf(index) === 'page')
  const builds = Math.min(Number(values.builds), pageIndexes.length)
  if (builds > 0) {
    const step = pageIndexes.length / builds
    const sample = Array.from({length: builds}, (_, index) => pageIndexes[Math.floor(index * step)])
    const found = await buildSample(sample, baseSeed, failures)
    for (const problem of found.slice(0, 30)) console.log('FAILURE ' + problem)
    problems.push(...found)
  }

  if (problems.length === 0) await fs.rm(failures, {recursive: true, force: true})
  else console.log('failing inputs in ' + failures)
  process.exitCode = problems.length > 0 ? 1 : 0
}

/**
 * Convert the grammar pages of `indexes` with the hugo and jekyll layouts,
 * build them with the real generators and check the built sites; prints
 * the figures and returns the problems found.
 */
async function buildSample(indexes: Array<number>, baseSeed: number, failures: string): Promise<Array<string>> {
  const {page} = await import('../test/util/fuzz-html.js')
  const {convert} = await import('../index.js')
  const {run} = await import('../lib/cli.js')
  const {executableContent} = await import('../test/util/scan-html.js')
  const {buildSite, plainTexts, readSite, squash} = await import('../test/util/site-check.js')
  const {select} = await import('hast-util-select')
  const {toString} = await import('hast-util-to-string')
  const {Readable, Writable} = await import('node:stream')
  const problems: Array<string> = []
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'news-markdown-fuzz-build-'))
  const input = path.join(work, 'in')
  await fs.mkdir(input)
  const plain = new Map<string, Array<string>>()
  for (const index of indexes) {
    const [generated] = fc.sample(page, {seed: baseSeed + index, numRuns: 1})
    const name = 'case-' + index + '.html'
    await fs.writeFile(path.join(input, name), generated.html)
    // What the page reads as: the plain conversion of the bytes on disk.
    const file = await convert(await fs.readFile(path.join(input, name)), {frontmatter: false}).catch(() => undefined)
    if (file) plain.set(name, plainTexts(String(file)))
  }
  const sink = () => new Writable({write: (_chunk, _encoding, callback) => callback()})
  for (const generator of ['hugo', 'jekyll'] as const) {
    const start = performance.now()
    const out = path.join(work, generator + '-content')
    const destination = path.join(work, generator + '-built')
    await run([input, '--out', out, '--layout', generator, '--quiet', '--report', path.join(work, generator + '-report.json')], {
      stdin: Readable.from([]),
      stdout: sink(),
      stderr: sink(),
      cwd: work,
      isTTY: false
    })
    const report = JSON.parse(await fs.readFile(path.join(work, generator + '-report.json'), 'utf8')) as {files: Array<{input: string; output?: string; status: string}>}
    const converted = report.files.filter((entry) => entry.status === 'converted')
    const built = await buildSite(generator, out, work, destination)
    let pages = 0
    let findings = 0
    let differences = 0
    if (built.ok) {
      const site = await readSite(destination)
      const bySource = new Map<string, {tree: HastRoot; file: string}>()
      for (const page of site.values()) {
        const source = select('meta[name=source]', page.tree)?.properties.content
        if (typeof source === 'string') bySource.set(source, page)
        const stub = select('meta[http-equiv=refresh]', page.tree) && typeof source !== 'string'
        if (stub) continue
        const found = executableContent(page.tree, ['link'])
        if (found.length > 0) {
          findings += found.length
          problems.push(generator + ' build: ' + path.relative(destination, page.file) + ' has ' + found.join(', '))
        }
      }
      for (const entry of converted) {
        const output = entry.output as string
        const page = bySource.get(output)
        if (!page) {
          problems.push(generator + ' build: no page built from ' + output)
          continue
        }
        pages++
        const body = squash(toString(select('.body', page.tree) || page.tree))
        const missing = (plain.get(entry.input) || []).find((value) => !body.includes(squash(value)))
        if (missing !== undefined) {
          differences++
          problems.push(generator + ' build: ' + entry.input + ' does not read ' + JSON.stringify(missing.slice(0, 80)))
          await fs.copyFile(path.join(input, entry.input), path.join(failures, generator + '-' + entry.input))
        }
      }
    } else {
      problems.push(generator + ' build failed (' + built.status + '): ' + built.output.slice(0, 500))
    }
    console.log(
      '%s build:%s %d sampled pages, %d converted, %d built and checked, %d executable findings, %d pages reading differently (%s s)',
      generator,
      ' '.repeat(7 - generator.length),
      indexes.length,
      converted.length,
      pages,
      findings,
      differences,
      ((performance.now() - start) / 1000).toFixed(1)
    )
  }
  if (process.env.NEWS_MARKDOWN_KEEP_SITES) console.log('sites kept in ' + work)
  else await fs.rm(work, {recursive: true, force: true})
  return problems
}
