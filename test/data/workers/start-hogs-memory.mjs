// Preloaded with `--import` into every thread: a worker thread fills its heap while it starts.
import {isMainThread} from 'node:worker_threads'

if (!isMainThread) {
  const kept = []
  for (let index = 0; index < 1e8; index++) kept.push({index, text: 'held ' + index})
  globalThis.kept = kept
}
