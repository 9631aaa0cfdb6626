#!/usr/bin/env node
// pnpm bench (in tools/codegen): wall time of a full regeneration, as a user
// runs it (a fresh `zr-codegen` process), in scratch copies of the repo:
//   1. both real specs, 6 packages (client, validator and mock per spec),
//      alternating run by run with the peer, orval 7.21, generating from the
//      same two bundled specs what comes closest (a fetch client with MSW
//      handlers, and zod schemas, per spec, in a fresh output folder each
//      run). Targets: a median under 0.5 s, and at most 0.25 of orval's (4x
//      faster), the ratio taken from the medians of this run;
//   2. a synthetic zec spec with 200 actions, 3 packages (target: under 3 s);
// beside two baselines measured in the same run: a bare `node` start, and
// openapi-typescript alone on the real zec spec (what a generator that runs it
// pays). Medians of RUNS runs each.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

/**
 * A scratch folder for orval: both bundled specs (as the specs' build writes
 * them) and a config asking, per spec, for a fetch client with MSW mocks and
 * for zod schemas. orval is told nothing about formatting (its default: none).
 */
function orvalScratch() {
  const root = mkdtempSync(join(tmpdir(), 'zr-bench-orval-'))
  const projects = {}
  for (const service of ['zec', 'vm']) {
    const bundled = join(repo, 'specs', service, 'dist', 'bundled.json')
    if (!existsSync(bundled)) throw new Error(`${bundled} is missing: build the specs first (pnpm bench does)`)
    cpSync(bundled, join(root, `${service}.json`))
    projects[service] = {
      input: `./${service}.json`,
      output: { target: `./out/${service}/client.ts`, client: 'fetch', mock: true, mode: 'single' },
    }
    projects[`${service}Zod`] = {
      input: `./${service}.json`,
      output: { target: `./out/${service}/zod.ts`, client: 'zod', mode: 'single' },
    }
  }
  writeFileSync(join(root, 'orval.config.mjs'), `export default ${JSON.stringify(projects, null, 2)}\n`)
  return root
}

const orvalDir = join(here, '..', 'node_modules', 'orval')
const orvalBin = join(orvalDir, 'dist', 'bin', 'orval.js')
const orvalVersion = JSON.parse(readFileSync(join(orvalDir, 'package.json'), 'utf8')).version

function time(command, args, cwd) {
  const started = process.hrtime.bigint()
  const run = spawnSync(command, args, { encoding: 'utf8', cwd })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`)
  return ms
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

/** One run of each way, `RUNS` times, the order flipped each time: drift falls on both alike. */
function measureAlternating(ways) {
  const samples = ways.map(() => [])
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 === 0 ? ways.map((_, k) => k) : ways.map((_, k) => ways.length - 1 - k)
    for (const k of order) samples[k].push(ways[k].run())
  }
  return ways.map((way, k) => ({ label: way.label, median: median(samples[k]), samples: samples[k] }))
}

function measure(label, makeArgs, fresh) {
  return measureAlternating([{ label, run: () => once(makeArgs, fresh) }])[0]
}

function once(makeArgs, fresh) {
  const root = fresh?.()
  try {
    return time(process.execPath, makeArgs(root))
  } finally {
    if (root) rmSync(root, { recursive: true, force: true })
  }
}

const orvalRoot = orvalScratch()
const orvalOnce = () => {
  rmSync(join(orvalRoot, 'out'), { recursive: true, force: true })
  const ms = time(process.execPath, [orvalBin, '--config', './orval.config.mjs'], orvalRoot)
  for (const service of ['zec', 'vm'])
    for (const file of ['client.ts', 'zod.ts'])
      if (!existsSync(join(orvalRoot, 'out', service, file))) throw new Error(`orval wrote no ${service}/${file}`)
  return ms
}

const otsScript = `import openapiTS from 'openapi-typescript'; import { pathToFileURL } from 'node:url'; await openapiTS(pathToFileURL(${JSON.stringify(join(repo, 'specs', 'zec', 'openapi.yaml'))}), { silent: true })`
const synthetic = syntheticSpec(200)
const results = [
  measure('node start (baseline)', () => ['-e', '']),
  measure('openapi-typescript alone, zec spec (baseline)', () => ['--input-type=module', '-e', otsScript]),
  ...measureAlternating([
    {
      label: 'full regeneration, both specs, 6 packages',
      run: () => once((root) => [cli, '--root', root], scratchRepo),
    },
    { label: `orval ${orvalVersion}, both bundled specs, fetch client + MSW + zod (peer)`, run: orvalOnce },
  ]),
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
rmSync(orvalRoot, { recursive: true, force: true })
const full = results[2].median
const orval = results[3].median
const big = results[4].median
const ratio = full / orval
console.log(
  `  full regeneration / orval: ${ratio.toFixed(2)} (ours ${(orval / full).toFixed(1)}x faster), from the medians of this run`,
)
const verdict = (ok) => (ok ? 'met' : 'MISSED')
console.log(
  `targets: full < 500 ms: ${verdict(full < 500)}; full <= 0.25 of orval: ${verdict(ratio <= 0.25)}; 200 actions < 3000 ms: ${verdict(big < 3000)}`,
)
