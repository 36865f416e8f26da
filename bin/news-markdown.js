#!/usr/bin/env node
// Output files are written many at once, each with an fsync that holds a
// libuv thread: more threads than the default 4 keep input reads moving.
// Set before anything uses the thread pool (hence the dynamic import).
process.env.UV_THREADPOOL_SIZE ||= '16'
const {run} = await import('../dist/lib/cli.js')

process.exitCode = await run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  isTTY: process.stdin.isTTY === true
})
