/**
 * `convert()` in a worker thread with a bounded wait, for tests of inputs
 * that once made it run forever: a regression fails the test (the worker is
 * terminated) instead of stalling the suite. The limit is a watchdog, not a
 * speed check: it is minutes, far above what any page of a test takes on a
 * loaded machine.
 */
import {createRequire} from 'node:module'
import {pathToFileURL} from 'node:url'
import {Worker} from 'node:worker_threads'
import type {ConvertOptions} from '../../index.js'

/** What a conversion in the worker gave. */
export interface WatchedResult {
  /** The output document (frontmatter and Markdown). */
  document: string
  /** Rule ids of the messages, in order. */
  rules: Array<string>
  /** `kind rule element` of each removal (`file.data.removals`). */
  removals: Array<string>
}

/** Default bound, in ms: generous on a shared 2-core machine (a worker with tsx takes seconds to start there). */
export const watchdogMs = 180_000

/**
 * Convert `input` with `options` in a fresh worker; rejects with a
 * `convert() gave no result after … s` error when it takes longer than
 * `limitMs`, and with the conversion's own error when it fails.
 */
export async function convertWatched(input: string, options: ConvertOptions = {}, limitMs = watchdogMs): Promise<WatchedResult> {
  // tsx's hooks are not inherited by workers: register them there, then load the worker module.
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs')
  ).href
  const module = new URL('watchdog-worker.ts', import.meta.url).href
  const worker = new Worker('import(' + JSON.stringify(api) + ').then(({register}) => { register(); return import(' + JSON.stringify(module) + ') })', {
    eval: true,
    workerData: {input, options}
  })
  try {
    return await new Promise<WatchedResult>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('convert() gave no result after ' + limitMs / 1000 + ' s (it loops?)')), limitMs)
      worker.once('message', (message: {result?: WatchedResult; error?: string}) => {
        clearTimeout(timer)
        if (message.result) resolve(message.result)
        else reject(new Error(message.error))
      })
      worker.once('error', (error) => {
        clearTimeout(timer)
        reject(error)
      })
    })
  } finally {
    await worker.terminate()
  }
}
