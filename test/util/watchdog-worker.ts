// The worker side of `convertWatched` (`watchdog.ts`): one conversion, its result posted back.
import {parentPort, workerData} from 'node:worker_threads'
import {convert} from '../../index.js'
import type {ConvertOptions} from '../../index.js'

const {input, options} = workerData as {input: string; options: ConvertOptions}
try {
  const file = await convert(input, options)
  const removals = (file.data.removals || []).map((removal) => removal.kind + ' ' + removal.rule + ' ' + removal.element)
  parentPort!.postMessage({result: {document: String(file), rules: file.messages.map((message) => String(message.ruleId)), removals}})
} catch (error) {
  parentPort!.postMessage({error: String((error as Error).message || error)})
}
