// Preloaded with `--import` into every thread: a worker thread whose heap is capped under 128 MB fills it while it
// starts (so every page goes to the retry worker, whose larger heap lets it start and convert).
import {isMainThread, resourceLimits} from 'node:worker_threads'

if (!isMainThread && (resourceLimits.maxOldGenerationSizeMb ?? Infinity) < 128) {
  const kept = []
  for (let index = 0; index < 1e8; index++) kept.push({index, text: 'held ' + index})
  globalThis.kept = kept
}
