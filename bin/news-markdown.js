#!/usr/bin/env node
// Output files are written many at once, each with an fsync that holds a
// libuv thread: more threads than the default 4 keep input reads moving.
// Set before anything uses the thread pool (hence the dynamic import).
process.env.UV_THREADPOOL_SIZE ||= '16'
const {run} = await import('../dist/lib/cli.js')

// Ctrl-C (SIGINT) or SIGTERM: the run stops starting pages, finishes the
// writes in flight, saves the manifest, releases its lock and exits 130
// (143 for SIGTERM). A second signal, or a run still busy after 30 s,
// exits at once: every write is atomic and journaled, so nothing is lost.
const controller = new AbortController()
let signalled
const onSignal = (name, code) => () => {
  if (signalled) process.exit(signalled)
  signalled = code
  controller.abort(name)
  setTimeout(() => process.exit(code), 30_000).unref()
}
process.on('SIGINT', onSignal('SIGINT', 130))
process.on('SIGTERM', onSignal('SIGTERM', 143))

const code = await run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  isTTY: process.stdin.isTTY === true,
  signal: controller.signal
})
process.exitCode = signalled && code === 130 ? signalled : code
