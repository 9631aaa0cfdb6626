#!/usr/bin/env node
// How long `zenlayer-reset --help` takes to start and answer, against a bare
// `node -e 0` on the same machine in the same run (runs interleaved, medians).
// The target: at most 1.5 times the bare node. A figure, not a test.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const BIN = fileURLToPath(new URL('../bin/zenlayer-reset.js', import.meta.url))
const RUNS = Number(process.env.BENCH_RUNS ?? 31)

function time(args) {
  const t0 = process.hrtime.bigint()
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`)
  return ms
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

// One warm-up of each (the file system cache), then interleaved runs.
time(['-e', '0'])
time([BIN, '--help'])
const bare = []
const help = []
for (let i = 0; i < RUNS; i++) {
  bare.push(time(['-e', '0']))
  help.push(time([BIN, '--help']))
}
const b = median(bare)
const h = median(help)
console.log(`node -e 0               median ${b.toFixed(1)} ms (${RUNS} runs)`)
console.log(`zenlayer-reset --help   median ${h.toFixed(1)} ms (${RUNS} runs)`)
console.log(`ratio ${(h / b).toFixed(2)}x (target: at most 1.5x)`)
