import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Piscina} from 'piscina'
import type {Task, TaskMessage, TaskResult} from './convert-task.js'
import {failure} from './convert-task.js'

/** Runs conversion tasks in worker threads. */
export interface Pool {
  run(task: Task): Promise<TaskResult>
  close(): Promise<void>
}

/** How conversions run. */
export interface PoolOptions {
  /** Worker threads converting at once. */
  jobs: number
  /** Old-generation heap of each worker, in MB (`resourceLimits`). */
  heapMb: number
  /** Heap of the one worker that retries a page that ran out of memory, in MB. */
  retryHeapMb: number
  /** Longest time one conversion may take, in ms (`0`: no limit). */
  timeoutMs: number
}

/** Old-generation heap of a worker: enough for common pages (a 1.6 MB article needs about 150 MB). */
export const defaultHeapMb = 256

/**
 * Heap of the retry worker: half the memory this process may use (its
 * cgroup limit, else the machine's), between 1 GB and 8 GB.
 * `NEWS_MARKDOWN_RETRY_HEAP=<MB>` sets it (for tests).
 */
export function retryHeapMb(): number {
  const forced = Number(process.env.NEWS_MARKDOWN_RETRY_HEAP)
  if (Number.isSafeInteger(forced) && forced >= 16) return forced
  return Math.round(Math.min(8192, Math.max(1024, availableMemory() / 2 / 2 ** 20)))
}

/** Bytes of memory this process may use: its cgroup limit, else the machine's memory. */
export function availableMemory(): number {
  const constrained = typeof process.constrainedMemory === 'function' ? process.constrainedMemory() : 0
  const total = os.totalmem()
  return constrained && constrained > 0 && constrained < total ? constrained : total
}

/**
 * Most worker threads this machine can run usefully: one per CPU (each
 * conversion keeps one busy), and no more than fit in memory next to the
 * retry worker (each worker needs its heap and about 64 MB besides).
 */
export function maxJobs(heapMb = defaultHeapMb): number {
  const perWorker = (heapMb + 64) * 2 ** 20
  const byMemory = Math.floor((availableMemory() - retryHeapMb() * 2 ** 20) / perWorker)
  return Math.max(1, Math.min(os.availableParallelism(), byMemory))
}

/**
 * Create a pool of `jobs` worker threads (`piscina`) running
 * `convert-task`, even for one job: a page that exhausts memory, hangs or
 * crashes fails alone, never the run.
 *
 * - Each worker's heap is capped at `heapMb` (`resourceLimits`), so memory
 *   stays bounded however many pages go through it. A page that exhausts
 *   it is retried once in a fresh worker with `retryHeapMb`; one retry at a
 *   time, so at most one large heap exists. A page the retry converts gets
 *   a `worker-memory-retry` note (info); one that exhausts that heap too
 *   fails with `out-of-memory`.
 * - A conversion still running after `timeoutMs` is stopped (its worker
 *   is terminated and replaced) and fails with `timeout`.
 * - A worker that dies otherwise fails its page with `worker-crash`.
 *
 * At most `jobs` tasks run at once and the clock of each starts when it
 * does, so a timeout never counts time spent waiting for a worker.
 *
 * Worker threads are shared by the runs of one process (`run()` called
 * again, as in tests) and do not keep it alive when idle (`piscina` unrefs
 * them); `close` waits for this run's tasks only.
 */
export function createPool(options: PoolOptions): Pool {
  const jobs = Math.max(1, options.jobs)
  const slots = new Slots(jobs)
  const retrySlots = new Slots(1)

  const attempt = async (threads: number, heapMb: number, task: Task): Promise<TaskResult | 'out-of-memory'> => {
    const pool = shared(threads, heapMb)
    // The worker writes when it starts the task (shared memory): the time a
    // new worker takes to start is not counted.
    const started = new BigInt64Array(new SharedArrayBuffer(8))
    const controller = new AbortController()
    let timer: NodeJS.Timeout | undefined
    const check = () => {
      const since = Number(Atomics.load(started, 0))
      const left = since === 0 ? options.timeoutMs : since + options.timeoutMs - Date.now()
      if (left > 0) timer = setTimeout(check, left)
      else controller.abort()
    }
    if (options.timeoutMs > 0) timer = setTimeout(check, options.timeoutMs)
    // A worker that dies while starting (before it takes any page) makes `piscina` stop
    // starting workers for good: a page still waiting would wait forever. Stop waiting.
    let startFailure: {code?: string; message?: string} | undefined
    const onStartFailure = (error: {code?: string; message?: string}) => {
      if (Atomics.load(started, 0) !== 0n) return
      startFailure = error
      controller.abort()
    }
    pool.on('error', onStartFailure)
    running.set(pool, (running.get(pool) || 0) + 1)
    try {
      return await pool.run({...task, started}, {signal: controller.signal})
    } catch (error) {
      const cause = startFailure || (error as {code?: string; name?: string; message?: string})
      if (cause.code === 'ERR_WORKER_OUT_OF_MEMORY') return 'out-of-memory'
      if (startFailure) {
        return failure('worker-crash', 'The worker that was to convert this page died while starting: ' + String(cause.message) + '; the batch goes on')
      }
      if (controller.signal.aborted) {
        return failure('timeout', 'Converting this page took longer than ' + seconds(options.timeoutMs) + ' (`--page-timeout`): stopped; the batch goes on')
      }
      return failure('worker-crash', 'The worker converting this page crashed: ' + String(cause.message || error))
    } finally {
      clearTimeout(timer)
      pool.off('error', onStartFailure)
      done(pool)
    }
  }

  return {
    async run(task) {
      const first = await slots.use(() => attempt(jobs, options.heapMb, task))
      if (first !== 'out-of-memory') return first
      if (options.retryHeapMb <= options.heapMb) return outOfMemory(options.heapMb)
      // A fresh worker with a large heap, one at a time; it goes away when idle.
      const second = await retrySlots.use(() => attempt(0, options.retryHeapMb, task))
      if (second === 'out-of-memory') return outOfMemory(options.retryHeapMb)
      if (!second.error) second.messages.push(retried(options.heapMb, options.retryHeapMb))
      return second
    },
    async close() {
      await Promise.all([slots.drained(), retrySlots.drained()])
    }
  }
}

const pools = new Map<string, Piscina<Task, TaskResult>>()
/** Pages in hand or waiting, per pool. */
const running = new Map<Piscina<Task, TaskResult>, number>()
/** Pools that start no more workers: ended when their last page is done. */
const retired = new Set<Piscina<Task, TaskResult>>()

function done(pool: Piscina<Task, TaskResult>): void {
  const left = (running.get(pool) || 1) - 1
  if (left > 0) {
    running.set(pool, left)
    return
  }
  running.delete(pool)
  if (retired.delete(pool)) void pool.destroy()
}

/**
 * The pool of `threads` workers with `heapMb` heaps (`0` threads: one
 * worker started on demand, ended when idle for 2 s).
 */
function shared(threads: number, heapMb: number): Piscina<Task, TaskResult> {
  const key = threads + ':' + heapMb
  let pool = pools.get(key)
  if (!pool) {
    // Same extension as this module: `.ts` under `tsx`, `.js` when built.
    const here = fileURLToPath(import.meta.url)
    const filename = path.join(path.dirname(here), 'convert-task' + path.extname(here))
    pool = new Piscina<Task, TaskResult>({
      filename,
      execArgv: workerArgv(),
      minThreads: threads,
      maxThreads: Math.max(threads, 1),
      idleTimeout: threads > 0 ? 1000 : 2000,
      resourceLimits: {maxOldGenerationSizeMb: heapMb}
    })
    // A worker that dies holding no page (out of memory while starting or idle, under a
    // tight `--worker-memory`) is an `error` event on the pool: unhandled, it would end
    // the whole batch. Pages in hand fail on their own; pages waiting give up (see
    // `attempt`). After such a death `piscina` starts no more workers in this pool, so
    // the next page gets a new one; this one ends when its last page is done.
    const failed = pool
    failed.on('error', () => {
      if (pools.get(key) !== failed) return
      pools.delete(key)
      if (running.has(failed)) retired.add(failed)
      else void failed.destroy()
    })
    pools.set(key, pool)
  }
  return pool
}

/**
 * This process's Node.js options for the workers (loaders such as `tsx`
 * carry over), without those that only apply to a main script (`--eval`,
 * `--input-type`: a worker started with them fails) or that workers
 * ignore (heap sizes: `resourceLimits` sets theirs).
 */
function workerArgv(): Array<string> {
  const argv: Array<string> = []
  const withValue = new Set(['-e', '--eval', '-p', '--print', '--input-type', '--max-old-space-size', '--max-semi-space-size'])
  for (let index = 0; index < process.execArgv.length; index++) {
    const arg = process.execArgv[index]
    const name = arg.split('=')[0]
    if (/^(?:-e|--eval|-p|--print|--input-type|--max-old-space-size|--max-semi-space-size)$/.test(name)) {
      if (!arg.includes('=') && withValue.has(name)) index++
      continue
    }
    argv.push(arg)
  }
  return argv
}

/** End every worker thread (for embedders that want them gone at once). */
export async function closePools(): Promise<void> {
  const all = [...pools.values(), ...retired]
  pools.clear()
  retired.clear()
  await Promise.all(all.map((pool) => pool.destroy()))
}

function outOfMemory(heapMb: number): TaskResult {
  return failure(
    'out-of-memory',
    'Converting this page ran out of memory (a ' + heapMb + ' MB heap): not converted; the batch goes on (lower --max-size, --max-elements or --max-nodes to refuse such pages at once)'
  )
}

/** The note on a page converted by the retry worker (`worker-memory-retry`, info). */
function retried(heapMb: number, retryHeapMb: number): TaskMessage {
  return {
    ruleId: 'worker-memory-retry',
    reason: 'Converting this page exhausted a ' + heapMb + ' MB worker heap (`--worker-memory`): converted again in a fresh worker with a ' + retryHeapMb + ' MB heap',
    line: undefined,
    column: undefined,
    fatal: undefined
  }
}

function seconds(ms: number): string {
  return (ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(1)) + ' s'
}

/** A counting semaphore. */
class Slots {
  private free: number
  private readonly waiting: Array<() => void> = []

  constructor(count: number) {
    this.free = count
    this.size = count
  }

  private readonly idle: Array<() => void> = []

  private readonly size: number

  /** Resolves when no slot is in use. */
  drained(): Promise<void> {
    if (this.free === this.size && this.waiting.length === 0) return Promise.resolve()
    return new Promise((resolve) => this.idle.push(resolve))
  }

  async use<T>(action: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--
    else await new Promise<void>((resolve) => this.waiting.push(resolve))
    try {
      return await action()
    } finally {
      const next = this.waiting.shift()
      if (next) next()
      else this.free++
      if (this.free === this.size) for (const resolve of this.idle.splice(0)) resolve()
    }
  }
}
