import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Piscina} from 'piscina'
import type {Task, TaskResult} from './convert-task.js'

/** Runs conversion tasks, in process or in worker threads. */
export interface Pool {
  run(task: Task): Promise<TaskResult>
  close(): Promise<void>
}

/**
 * Create a pool of `jobs` worker threads (`piscina`) running
 * `convert-task`; `jobs: 1` converts in this thread. A crashed worker
 * fails only its task: the result carries a `worker-crash` error.
 */
export function createPool(jobs: number): Pool {
  // In process: load the chain only here, so pool runs keep it out of this thread.
  if (jobs <= 1) return {run: async (task) => (await import('./convert-task.js')).default(task), close: async () => {}}
  // Same extension as this module: `.ts` under `tsx`, `.js` when built.
  const here = fileURLToPath(import.meta.url)
  const filename = path.join(path.dirname(here), 'convert-task' + path.extname(here))
  const piscina = new Piscina<Task, TaskResult>({filename, minThreads: jobs, maxThreads: jobs, idleTimeout: 1000})
  return {
    async run(task) {
      try {
        return await piscina.run(task)
      } catch (error) {
        const message = {ruleId: 'worker-crash', reason: 'The worker converting this page crashed: ' + String((error as Error).message || error), line: undefined, column: undefined, fatal: true}
        return {messages: [message], error: message}
      }
    },
    close: () => piscina.destroy()
  }
}
