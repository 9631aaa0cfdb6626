#!/usr/bin/env node
// turbo with its telemetry (and redocly's) off: this repo's scripts call turbo through here.
// `--quiet` (ours, not turbo's): nothing is printed unless turbo fails, and then
// everything it printed is (task logs: errors only, unless --output-logs says otherwise).
import { spawn, spawnSync } from 'node:child_process'
import { bin, env } from './env.mjs'

const args = process.argv.slice(2)
const quiet = args.includes('--quiet')
const turboArgs = args.filter((a) => a !== '--quiet')

if (!quiet) {
  const outcome = spawnSync(bin('turbo'), turboArgs, { stdio: 'inherit', env: env })
  process.exitCode = outcome.status ?? 1
} else {
  if (!turboArgs.some((a) => a.startsWith('--output-logs'))) turboArgs.push('--output-logs=errors-only')
  const child = spawn(bin('turbo'), turboArgs, { stdio: ['inherit', 'pipe', 'pipe'], env: env })
  // Both streams, in the order they came, for a failure.
  const held = []
  child.stdout.on('data', (chunk) => held.push([process.stdout, chunk]))
  child.stderr.on('data', (chunk) => held.push([process.stderr, chunk]))
  child.on('error', (error) => {
    console.error(`turbo could not be started: ${error.message}`)
    process.exitCode = 1
  })
  child.on('close', (code) => {
    if (code !== 0) for (const [stream, chunk] of held) stream.write(chunk)
    process.exitCode = code ?? 1
  })
}
