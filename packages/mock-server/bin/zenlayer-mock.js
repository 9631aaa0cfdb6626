#!/usr/bin/env node
// zenlayer-mock: both services' mocks on one port (see --help).
// The server runs with SERVER_NODE_FLAGS (dist/node-flags.js says why); V8
// reads them only at start, so without them this process starts the server as
// a child with them and passes signals and the exit code through.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { missingNodeFlags } from '../dist/node-flags.js'

const missing = missingNodeFlags(process.execArgv)
if (missing.length === 0) {
  const { main } = await import('../dist/cli.js')
  process.exitCode = await main(process.argv.slice(2))
} else {
  const script = fileURLToPath(import.meta.url)
  // An IPC channel: when this process goes away, even killed (SIGKILL), the server sees it and stops.
  const child = spawn(process.execPath, [...process.execArgv, ...missing, script, ...process.argv.slice(2)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  })
  // A signal sent to this process alone (kill <pid>, a test runner) must reach the server; the server ignores a
  // second one while it stops (Ctrl-C in a terminal signals both processes).
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('error', (error) => {
    console.error(`zenlayer-mock: could not start the server: ${error.message}`)
    process.exitCode = 1
  })
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0)
  })
}
