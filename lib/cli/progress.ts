import {SingleBar} from 'cli-progress'

/** Progress display. */
export interface Progress {
  tick(): void
  /** End the display: the bar's line is ended, the timer of plain lines stopped. */
  stop(): void
}

/** How progress is shown: a bar on a terminal, plain lines elsewhere (CI logs, `nohup`), or nothing. */
export type ProgressMode = 'bar' | 'lines' | 'none'

/** Seconds between two plain progress lines, by default. */
export const defaultProgressInterval = 5

/**
 * Progress of `total` pages on `stream`: a `cli-progress` bar (`bar`, for a
 * terminal), a plain line every `intervalMs` (`lines`: count, percentage,
 * rate and ETA, for logs), or nothing.
 */
export function createProgress(total: number, stream: NodeJS.WritableStream, mode: ProgressMode, intervalMs = defaultProgressInterval * 1000): Progress {
  if (mode === 'none' || total === 0) return {tick() {}, stop() {}}
  const start = Date.now()
  let done = 0
  // When the first page was done (ms after `start`): the rate is measured from then on.
  let firstMs: number | undefined
  if (mode === 'lines') {
    if (intervalMs <= 0) return {tick() {}, stop() {}}
    const timer = setInterval(() => stream.write(progressLine(done, total, Date.now() - start, firstMs) + '\n'), intervalMs)
    // A progress line never keeps the process alive.
    timer.unref()
    return {
      tick() {
        done++
        if (firstMs === undefined) firstMs = Date.now() - start
      },
      stop() {
        clearInterval(timer)
      }
    }
  }
  const bar = new SingleBar({
    stream: stream as NodeJS.WriteStream,
    // Our own rate and ETA (`pageRate`), not the bar's: it would count the start-up in.
    format: '{bar} {value}/{total} pages | {rate} pages/s | ETA {estimate}',
    hideCursor: true,
    fps: 5
  })
  bar.start(total, 0, {rate: '0.0', estimate: 'unknown'})
  let stopped = false
  return {
    tick() {
      done++
      const elapsedMs = Date.now() - start
      if (firstMs === undefined) firstMs = elapsedMs
      const rate = pageRate(done, elapsedMs, firstMs)
      bar.update(done, {rate: rate.toFixed(1), estimate: estimate(done, total, rate)})
    },
    stop() {
      if (stopped) return
      stopped = true
      bar.stop()
    }
  }
}

/**
 * One plain progress line: `news-markdown: 120/1000 pages (12%), 8.3 pages/s, ETA 1m 46s`
 * (`ETA unknown` until the rate is known; see `pageRate`).
 *
 * @param done
 *   Pages done.
 * @param total
 *   Pages in the batch.
 * @param elapsedMs
 *   Milliseconds since the batch started.
 * @param firstMs
 *   Milliseconds from the start to the first page done, when known.
 */
export function progressLine(done: number, total: number, elapsedMs: number, firstMs?: number | undefined): string {
  const rate = pageRate(done, elapsedMs, firstMs)
  return 'news-markdown: ' + done + '/' + total + ' pages (' + Math.floor((done / total) * 100) + '%), ' + rate.toFixed(1) + ' pages/s, ETA ' + estimate(done, total, rate)
}

/**
 * Pages per second. With `firstMs` (when the first page was done), the
 * rate counts from then: starting workers and loading modules is paid once,
 * before the first page, and counted in it would make the first estimates
 * far too long (a 30 s batch first said 15 minutes). Until a second page is
 * done, the rate is unknown (0). Without `firstMs`: `done / elapsed`.
 */
export function pageRate(done: number, elapsedMs: number, firstMs?: number | undefined): number {
  if (firstMs === undefined) return elapsedMs > 0 ? done / (elapsedMs / 1000) : 0
  return done > 1 && elapsedMs > firstMs ? (done - 1) / ((elapsedMs - firstMs) / 1000) : 0
}

/** Time left at `rate` pages per second, or `unknown` (rate 0). */
function estimate(done: number, total: number, rate: number): string {
  return rate > 0 ? duration((total - done) / rate) : 'unknown'
}

/** `45s`, `1m 46s`, `2h 05m`. */
export function duration(seconds: number): string {
  const whole = Math.ceil(seconds)
  if (whole < 60) return whole + 's'
  if (whole < 3600) return Math.floor(whole / 60) + 'm ' + String(whole % 60).padStart(2, '0') + 's'
  return Math.floor(whole / 3600) + 'h ' + String(Math.floor((whole % 3600) / 60)).padStart(2, '0') + 'm'
}
