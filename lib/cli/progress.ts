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
  if (mode === 'lines') {
    if (intervalMs <= 0) return {tick() {}, stop() {}}
    const timer = setInterval(() => stream.write(progressLine(done, total, Date.now() - start) + '\n'), intervalMs)
    // A progress line never keeps the process alive.
    timer.unref()
    return {
      tick() {
        done++
      },
      stop() {
        clearInterval(timer)
      }
    }
  }
  const bar = new SingleBar({
    stream: stream as NodeJS.WriteStream,
    format: '{bar} {value}/{total} pages | {rate} pages/s | ETA {eta_formatted}',
    hideCursor: true,
    etaBuffer: 50,
    fps: 5
  })
  bar.start(total, 0, {rate: '0'})
  let stopped = false
  return {
    tick() {
      done++
      const seconds = (Date.now() - start) / 1000
      bar.update(done, {rate: seconds > 0 ? (done / seconds).toFixed(1) : '0'})
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
 * (`ETA unknown` before the first page is done).
 */
export function progressLine(done: number, total: number, elapsedMs: number): string {
  const seconds = elapsedMs / 1000
  const rate = seconds > 0 ? done / seconds : 0
  const eta = rate > 0 ? duration((total - done) / rate) : 'unknown'
  return 'news-markdown: ' + done + '/' + total + ' pages (' + Math.floor((done / total) * 100) + '%), ' + rate.toFixed(1) + ' pages/s, ETA ' + eta
}

/** `45s`, `1m 46s`, `2h 05m`. */
export function duration(seconds: number): string {
  const whole = Math.ceil(seconds)
  if (whole < 60) return whole + 's'
  if (whole < 3600) return Math.floor(whole / 60) + 'm ' + String(whole % 60).padStart(2, '0') + 's'
  return Math.floor(whole / 3600) + 'h ' + String(Math.floor((whole % 3600) / 60)).padStart(2, '0') + 'm'
}
