#!/usr/bin/env node
// pnpm bench (in tools/codegen): wall time of a full regeneration, as a user
// runs it (a fresh `zr-codegen` process), in scratch copies of the repo:
//   1. both real specs, 6 packages (target: median under 1 s);
//   2. a synthetic zec spec with 200 actions, 3 packages (target: under 3 s);
// beside two baselines measured in the same run: a bare `node` start, and
// openapi-typescript alone on the real zec spec (what any generator built on
// it pays). Medians of RUNS runs each.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const here = fileURLToPath(new URL('.', import.meta.url))
const repo = fileURLToPath(new URL('../../..', import.meta.url))
const cli = join(here, '..', 'bin', 'zr-codegen.js')

function scratchRepo(zecSpec) {
  const root = mkdtempSync(join(tmpdir(), 'zr-bench-'))
  cpSync(join(repo, 'specs'), join(root, 'specs'), {
    recursive: true,
    filter: (src) => !src.includes('node_modules') && !src.includes(`${join('x', 'dist').slice(1)}`),
  })
  // The formatter's settings, and what every package carries of the repository (LICENSE, its address).
  for (const file of ['biome.json', 'LICENSE', 'package.json']) cpSync(join(repo, file), join(root, file))
  writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages: []\n')
  if (zecSpec) {
    rmSync(join(root, 'specs', 'vm'), { recursive: true })
    writeFileSync(join(root, 'specs', 'zec', 'openapi.yaml'), zecSpec)
  }
  return root
}

/** The zec spec with ResetInstances copied into `count` actions (ResetInstances, ResetInstances2...). */
function syntheticSpec(count) {
  const text = readFileSync(join(repo, 'specs', 'zec', 'openapi.yaml'), 'utf8')
  const start = text.indexOf('  /api/v2/zec#ResetInstances:')
  const end = text.indexOf('  /api/v2/zec#DescribeInstancesStatus:')
  const block = text.slice(start, end)
  const copies = []
  for (let i = 2; i <= count - 1; i++) {
    copies.push(
      block
        .replace('/api/v2/zec#ResetInstances:', `/api/v2/zec#ResetInstances${i}:`)
        .replace('operationId: ResetInstances', `operationId: ResetInstances${i}`)
        .replace('x-zc-action: ResetInstances', `x-zc-action: ResetInstances${i}`)
        .replace('const: ResetInstances', `const: ResetInstances${i}`),
    )
  }
  return text.slice(0, end) + copies.join('') + text.slice(end)
}

function time(command, args) {
  const started = process.hrtime.bigint()
  const run = spawnSync(command, args, { encoding: 'utf8' })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`)
  return ms
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function measure(label, makeArgs, fresh) {
  const samples = []
  for (let i = 0; i < RUNS; i++) {
    const root = fresh?.()
    samples.push(time(process.execPath, makeArgs(root)))
    if (root) rmSync(root, { recursive: true, force: true })
  }
  return { label, median: median(samples), samples }
}

const otsScript = `import openapiTS from 'openapi-typescript'; import { pathToFileURL } from 'node:url'; await openapiTS(pathToFileURL(${JSON.stringify(join(repo, 'specs', 'zec', 'openapi.yaml'))}), { silent: true })`
const synthetic = syntheticSpec(200)
const results = [
  measure('node start (baseline)', () => ['-e', '']),
  measure('openapi-typescript alone, zec spec (baseline)', () => ['--input-type=module', '-e', otsScript]),
  measure(
    'full regeneration, both specs, 6 packages',
    (root) => [cli, '--root', root],
    () => scratchRepo(),
  ),
  measure(
    'synthetic spec, 200 actions, 3 packages',
    (root) => [cli, '--root', root],
    () => scratchRepo(synthetic),
  ),
]
const ots = results[1].median
console.log(`zr-codegen regeneration, ${RUNS} runs each, fresh process and scratch repo per run`)
for (const r of results) {
  const samples = r.samples.map((s) => s.toFixed(0)).join(', ')
  console.log(
    `  ${r.label}: median ${r.median.toFixed(0)} ms (x${(r.median / ots).toFixed(2)} of openapi-typescript alone) [${samples}]`,
  )
}
const full = results[2].median
const big = results[3].median
console.log(
  `targets: full < 1000 ms: ${full < 1000 ? 'met' : 'MISSED'}; 200 actions < 3000 ms: ${big < 3000 ? 'met' : 'MISSED'}`,
)
