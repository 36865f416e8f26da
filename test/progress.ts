/**
 * Progress display of a batch (`lib/cli/progress.ts`): the bar on a
 * terminal, plain lines in logs, nothing when asked or when there is
 * nothing to do. No clock is asserted: lines are awaited (with a watchdog
 * against a hang), and their numbers come from the pages ticked.
 */
import {Writable} from 'node:stream'
import {test} from 'uvu'
import * as assert from 'uvu/assert'
import {createProgress, duration, pageRate, progressLine} from '../lib/cli/progress.js'

/** A stream that keeps what is written; `tty` makes it look like a terminal 80 columns wide. */
function stream(tty: boolean) {
  const chunks: Array<string> = []
  const writable = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(String(chunk))
      callback()
    }
  })
  if (tty) Object.assign(writable, {isTTY: true, columns: 80, rows: 24})
  return {writable, text: () => chunks.join(''), writes: () => chunks.length}
}

async function until(check: () => boolean, what: string): Promise<void> {
  // A watchdog against a hang only: the condition does not depend on how fast this machine is.
  for (let round = 0; round < 6000 && !check(); round++) await new Promise((resolve) => setTimeout(resolve, 5))
  assert.ok(check(), what)
}

test('progress: `none`, an empty batch and lines every 0 s write nothing', async function () {
  for (const [total, mode, interval] of [
    [5, 'none', 10],
    [0, 'lines', 10],
    [0, 'bar', 10],
    [5, 'lines', 0]
  ] as const) {
    const out = stream(true)
    const progress = createProgress(total, out.writable, mode, interval)
    progress.tick()
    progress.stop()
    assert.is(out.text(), '', total + ' ' + mode + ' ' + interval)
  }
})

test('progress: plain lines carry the pages done so far, and stop with `stop()`', async function () {
  const out = stream(false)
  const progress = createProgress(5, out.writable, 'lines', 10)
  for (let page = 0; page < 3; page++) progress.tick()
  await until(() => out.text().includes('\n'), 'a progress line')
  progress.stop()
  const lines = out.text().trim().split('\n')
  for (const line of lines) assert.match(line, /^news-markdown: 3\/5 pages \(60%\), \d+\.\d pages\/s, ETA (?:\d+s|\d+m \d\ds|unknown)$/)
})

test('progress: the bar on a terminal counts pages to the total; a second `stop()` does nothing', async function () {
  const out = stream(true)
  const progress = createProgress(2, out.writable, 'bar')
  progress.tick()
  progress.tick()
  progress.stop()
  const written = out.writes()
  progress.stop()
  assert.is(out.writes(), written, 'stopped once')
  assert.match(out.text(), /2\/2 pages \| [\d.]+ pages\/s \| ETA /)
})

test('progress: a line before any page is done has no ETA; durations past a minute and an hour', function () {
  assert.is(progressLine(0, 4, 0), 'news-markdown: 0/4 pages (0%), 0.0 pages/s, ETA unknown')
  assert.is(progressLine(1, 4, 1000), 'news-markdown: 1/4 pages (25%), 1.0 pages/s, ETA 3s')
  assert.is(duration(59.2), '1m 00s')
  assert.is(duration(3600), '1h 00m')
})

test('progress: the rate counts from the first page done, so the start-up does not stretch the ETA', function () {
  // Start-up took 9 s, then 4 pages a second: 10 pages of 100 done at 11.25 s.
  assert.is(progressLine(10, 100, 11_250, 9000), 'news-markdown: 10/100 pages (10%), 4.0 pages/s, ETA 23s')
  assert.is(progressLine(1, 100, 9000, 9000), 'news-markdown: 1/100 pages (1%), 0.0 pages/s, ETA unknown', 'one page: no rate yet')
  assert.is(pageRate(10, 11_250), 10 / 11.25, 'without the first page time: pages over elapsed')
})

test.run()
