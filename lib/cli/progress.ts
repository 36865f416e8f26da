import {SingleBar} from 'cli-progress'

/** Progress display; a no-op when not on a TTY. */
export interface Progress {
  tick(): void
  stop(): void
}

/**
 * A `cli-progress` bar on `stream` (count, rate, ETA) when `enabled`,
 * else nothing.
 */
export function createProgress(total: number, stream: NodeJS.WritableStream, enabled: boolean): Progress {
  if (!enabled || total === 0) return {tick() {}, stop() {}}
  const start = Date.now()
  const bar = new SingleBar({
    stream: stream as NodeJS.WriteStream,
    format: '{bar} {value}/{total} pages | {rate} pages/s | ETA {eta_formatted}',
    hideCursor: true,
    etaBuffer: 50,
    fps: 5
  })
  bar.start(total, 0, {rate: '0'})
  let done = 0
  return {
    tick() {
      done++
      const seconds = (Date.now() - start) / 1000
      bar.update(done, {rate: seconds > 0 ? (done / seconds).toFixed(1) : '0'})
    },
    stop() {
      bar.stop()
    }
  }
}
