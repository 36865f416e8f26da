import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Piscina} from 'piscina'
import type {Task, TaskResult} from './convert-task.js'
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
 */
export function retryHeapMb(): number {
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
 *   time, so at most one large heap exists. A page that exhausts that too
 *   fails with `out-of-memory`.
 * - A conversion still running after `timeoutMs` is stopped (its worker
 *   is terminated and replaced) and fails with `timeout`.
 * - A worker that dies otherwise fails its page with `worker-crash`.
 *
 * At most `jobs` tasks run at once and the clock of each starts when it
 * does, so a timeout never counts time spent waiting for a worker.
 */
export function createPool(options: PoolOptions): Pool {
  // Same extension as this module: `.ts` under `tsx`, `.js` when built.
  const here = fileURLToPath(import.meta.url)
  const filename = path.join(path.dirname(here), 'convert-task' + path.extname(here))
  const jobs = Math.max(1, options.jobs)
  const main = new Piscina<Task, TaskResult>({filename, minThreads: jobs, maxThreads: jobs, idleTimeout: 1000, resourceLimits: {maxOldGenerationSizeMb: options.heapMb}})
  const slots = new Slots(jobs)
  const retrySlots = new Slots(1)
  let retry: Piscina<Task, TaskResult> | undefined

  const attempt = async (pool: Piscina<Task, TaskResult>, task: Task): Promise<TaskResult | 'out-of-memory'> => {
    const signal = options.timeoutMs > 0 ? AbortSignal.timeout(options.timeoutMs) : undefined
    try {
      return await pool.run(task, {signal})
    } catch (error) {
      const cause = error as {code?: string; name?: string; message?: string}
      if (cause.code === 'ERR_WORKER_OUT_OF_MEMORY') return 'out-of-memory'
      if (signal?.aborted) {
        return failure('timeout', 'Converting this page took longer than ' + seconds(options.timeoutMs) + ' (`--page-timeout`): stopped; the batch goes on')
      }
      return failure('worker-crash', 'The worker converting this page crashed: ' + String(cause.message || error))
    }
  }

  return {
    async run(task) {
      const first = await slots.use(() => attempt(main, task))
      if (first !== 'out-of-memory') return first
      // A fresh worker with a large heap, one at a time; it goes away when idle.
      retry ||= new Piscina<Task, TaskResult>({filename, minThreads: 0, maxThreads: 1, idleTimeout: 2000, resourceLimits: {maxOldGenerationSizeMb: options.retryHeapMb}})
      const second = await retrySlots.use(() => attempt(retry as Piscina<Task, TaskResult>, task))
      if (second !== 'out-of-memory') return second
      return failure('out-of-memory', 'Converting this page ran out of memory, also in a worker with a ' + options.retryHeapMb + ' MB heap: not converted (it has too much text or too many nodes; lower --max-size or --max-elements to refuse such pages at once)')
    },
    async close() {
      await Promise.all([main.destroy(), retry?.destroy()])
    }
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
    }
  }
}
