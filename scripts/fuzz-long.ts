// The long fuzz run: at least 10,000 cases of the properties of
// `test/fuzz.ts` (see `test/util/fuzz-html.ts`) — random pages from the
// grammar (as strings, and as bytes with `url` and `allowDataImages`) and
// byte-level mutations of the fixtures. Each case runs in a worker thread
// under a watchdog, so a hang is caught (and the worker replaced) instead
// of stopping the run. Prints the figures for the README and writes every
// failing input to a folder for reproduction.
//
// Usage: npx tsx scripts/fuzz-long.ts [--cases 10000] [--seed 1] [--timeout 60]
import fs from 'node:fs/promises'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {Worker, isMainThread, parentPort} from 'node:worker_threads'
import fc from 'fast-check'

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
  const {checkConversion, fixtureInputs, mutatedFixture, page} = await import('../test/util/fuzz-html.js')
  const mutations = mutatedFixture(fixtureInputs())
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
        parentPort!.postMessage({index: job.index, status: outcome.status, ruleId: outcome.ruleId, time: outcome.time} satisfies Done)
      }
    } catch (error) {
      const message = String((error as Error).message || error)
      parentPort!.postMessage({index: job.index, status: message.startsWith('crash:') ? 'crash' : 'property', message, time: 0, input} satisfies Done)
    }
  })
}

async function main(): Promise<void> {
  const {values} = parseArgs({options: {cases: {type: 'string', default: '10000'}, seed: {type: 'string', default: '1'}, timeout: {type: 'string', default: '60'}}})
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
      const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
      current = new Worker('import(' + JSON.stringify(api) + ').then(({register}) => { register(); return import(' + JSON.stringify(import.meta.url) + ') })', {eval: true})
      current.on('message', async (done: Done) => {
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
        send()
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
        send()
      }, timeout)
      current.postMessage(job)
    }
    spawn()
    send()
  })

  const time = (performance.now() - start) / 1000
  console.log('')
  console.log('cases:               %d (grammar pages %d, as bytes %d, mutated fixtures %d), seed %d', cases, [...Array(cases).keys()].filter((i) => kindOf(i) === 'page').length, [...Array(cases).keys()].filter((i) => kindOf(i) === 'bytes').length, [...Array(cases).keys()].filter((i) => kindOf(i) === 'mutation').length, baseSeed)
  console.log('converted:           %d', tally.converted)
  console.log('rejected (documented): %d %s', tally.rejected, JSON.stringify(rejected))
  console.log('crashes:             %d', tally.crashes)
  console.log('hangs (> %d s):       %d', timeout / 1000, tally.hangs)
  console.log('property failures:   %d', tally.properties)
  console.log('slowest case:        %d ms (#%d)', Math.round(slowest.time), slowest.index)
  console.log('time:                %s s', time.toFixed(1))
  for (const problem of problems.slice(0, 50)) console.log('FAILURE ' + problem)
  if (problems.length === 0) await fs.rm(failures, {recursive: true, force: true})
  else console.log('failing inputs in ' + failures)
  process.exitCode = problems.length > 0 ? 1 : 0
}
