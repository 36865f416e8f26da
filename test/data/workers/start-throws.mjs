// Preloaded with `--import` into every thread: a worker thread dies while it starts.
import {isMainThread} from 'node:worker_threads'

if (!isMainThread) throw new Error('this worker cannot start')
