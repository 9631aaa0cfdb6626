#!/usr/bin/env node
// npm run bench (in tools/codegen): wall time of a full regeneration, as a user
// runs it (a fresh `zr-codegen` process), alternating run by run with the
// peer, orval 7.21, generating from the same bundled specs (every spec of the
// repository) what comes closest (a fetch client with MSW handlers, and zod
// schemas, per spec, in a fresh output folder each run):
//   1. every real spec: client, validator and mock per spec, and the command
//      line and MCP server for all (which orval has no counterpart of), in
//      a scratch copy of the repository made for each run (nothing there but
//      the specs and the root files a package carries: every file is written);
//   2. the same, in the repository itself, as a user types it from its root
//      (`node tools/codegen/bin/zr-codegen.js`): whatever the real tree adds
//      (its node_modules, dist folders, history; the bundle the bin starts or
//      not) is in this figure, and so is what it has that a scratch copy has
//      not: the formatter's cache of an earlier run (src/write/format-cache.ts;
//      one untimed run first, as a user's second regeneration finds it). The
//      same with --no-cache (a checkout's first run) is measured beside it.
//      Run only while `zr-codegen --check` says the generated packages match
//      the specs, so that it writes nothing; after the runs every generated
//      file must have its size and time as before;
//   3. a synthetic zec spec with 200 actions, 3 packages (target: under 3 s).
// Targets for 1 and 2: a median under 0.5 s, and at most 0.25 of orval's (4x
// faster), the ratio taken from the medians of this run. Beside two baselines
// measured in the same run: a bare `node` start, and openapi-typescript alone
// on the real zec spec (what a generator that runs it pays). Medians of RUNS
// runs each.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freshBundle } from '../bin/fresh-bundle.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const here = fileURLToPath(new URL('.', import.meta.url))
const repo = fileURLToPath(new URL('../../..', import.meta.url))
const cli = join(here, '..', 'bin', 'zr-codegen.js')

/** Every service spec of the repository (specs/<name>/openapi.yaml): orval is given each of them too. */
const SERVICES = readdirSync(join(repo, 'specs'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(repo, 'specs', e.name, 'openapi.yaml')))
  .map((e) => e.name)
  .sort()
/** What a full regeneration makes: three packages per service, and the command line and MCP server for all. */
const FULL = `${SERVICES.length} specs, ${SERVICES.length * 3 + 2} packages`

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
    for (const service of SERVICES) if (service !== 'zec') rmSync(join(root, 'specs', service), { recursive: true })
    writeFileSync(join(root, 'specs', 'zec', 'openapi.yaml'), zecSpec)
  }
  return root
}

/** The zec spec with ResetInstances copied into `count` actions (ResetInstances, ResetInstances2...). */
function syntheticSpec(count) {
  const text = readFileSync(join(repo, 'specs', 'zec', 'openapi.yaml'), 'utf8')
  const start = text.indexOf('  /api/v2/zec#ResetInstances:')
  // The block ends where the next action's path begins (ResetInstance follows it since issue 29).
  const next = /^ {2}\/api\/v2\/zec#/m.exec(text.slice(start + 1))
  const end = next ? start + 1 + next.index : -1
  if (start < 0 || end < 0)
    throw new Error('syntheticSpec: the zec spec no longer has ResetInstances followed by another action')
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
  for (const service of SERVICES) {
    const bundled = join(repo, 'specs', service, 'dist', 'bundled.json')
    if (!existsSync(bundled)) throw new Error(`${bundled} is missing: build the specs first (npm run bench does)`)
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
  for (const service of SERVICES)
    for (const file of ['client.ts', 'zod.ts'])
      if (!existsSync(join(orvalRoot, 'out', service, file))) throw new Error(`orval wrote no ${service}/${file}`)
  return ms
}

/** The generated packages of the repository itself: packages/<service>-<kind> for each spec. */
function generatedDirs() {
  const services = readdirSync(join(repo, 'specs')).filter((s) => existsSync(join(repo, 'specs', s, 'openapi.yaml')))
  return readdirSync(join(repo, 'packages')).filter((name) => {
    const cut = name.lastIndexOf('-')
    return cut > 0 && services.includes(name.slice(0, cut)) && existsSync(join(repo, 'packages', name, 'package.json'))
  })
}

const OUTSIDE = new Set(['node_modules', 'dist', '.turbo', 'test-results'])

/** Every file of the generated packages (what the generator writes, and more), with its size and time. */
function treeState() {
  const state = new Map()
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (!OUTSIDE.has(entry.name)) walk(path)
      } else if (entry.isFile()) {
        const { size, mtimeMs } = statSync(path)
        state.set(path, `${size} bytes, modified ${mtimeMs}`)
      }
    }
  }
  for (const name of generatedDirs()) walk(join(repo, 'packages', name))
  return state
}

/** Files whose size or time differ between two states, or that one of them lacks. */
function changedFiles(before, after) {
  const paths = new Set([...before.keys(), ...after.keys()])
  return [...paths].filter((p) => before.get(p) !== after.get(p)).map((p) => p.slice(repo.length))
}

/** `zr-codegen --check` in the repository itself: whether a regeneration there would write nothing. */
function repoInSync() {
  const run = spawnSync(process.execPath, [cli, '--check'], { cwd: repo, encoding: 'utf8' })
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() }
}

const bundleUrl = new URL('../dist/cli.bundle.js', import.meta.url)
const bundleState = () =>
  freshBundle(bundleUrl, new URL('cli.bundle.inputs.json', bundleUrl))
    ? 'the bundle (dist/cli.bundle.js)'
    : 'the modules tsc wrote (dist/cli.js): the bundle is missing, or a file it was made from changed since'

const otsScript = `import openapiTS from 'openapi-typescript'; import { pathToFileURL } from 'node:url'; await openapiTS(pathToFileURL(${JSON.stringify(join(repo, 'specs', 'zec', 'openapi.yaml'))}), { silent: true })`
const synthetic = syntheticSpec(200)
const sync = repoInSync()
const before = sync.ok ? treeState() : undefined
// The untimed run that leaves the formatter's cache as a user's earlier regeneration would (it writes nothing else).
if (sync.ok) time(process.execPath, [cli], repo)
const startedWith = bundleState()
const fullWays = [
  {
    label: `full regeneration, ${FULL}, scratch copy`,
    run: () => once((root) => [cli, '--root', root], scratchRepo),
  },
  ...(sync.ok
    ? [
        {
          label: `full regeneration, ${FULL}, in the repository itself`,
          run: () => time(process.execPath, [cli], repo),
        },
        {
          label: 'the same with --no-cache (every file formatted, as on the first run in a checkout)',
          run: () => time(process.execPath, [cli, '--no-cache'], repo),
        },
      ]
    : []),
  {
    label: `orval ${orvalVersion}, the ${SERVICES.length} bundled specs, fetch client + MSW + zod (peer)`,
    run: orvalOnce,
  },
]
const results = [
  measure('node start (baseline)', () => ['-e', '']),
  measure('openapi-typescript alone, zec spec (baseline)', () => ['--input-type=module', '-e', otsScript]),
  ...measureAlternating(fullWays),
  measure(
    'synthetic spec, 200 actions, 3 packages',
    // Its own three packages only: the command line and MCP server are measured in the full runs.
    (root) => [cli, '--root', root, '--package', 'zec-client', '--package', 'zec-validator', '--package', 'zec-mock'],
    () => scratchRepo(synthetic),
  ),
]
const after = before ? treeState() : undefined
const endedWith = bundleState()
const ots = results[1].median
console.log(
  `zr-codegen regeneration, ${RUNS} runs each (the full ones alternating with orval, the order flipped each time), fresh process per run`,
)
for (const r of results) {
  const samples = r.samples.map((s) => s.toFixed(0)).join(', ')
  console.log(
    `  ${r.label}: median ${r.median.toFixed(0)} ms (x${(r.median / ots).toFixed(2)} of openapi-typescript alone) [${samples}]`,
  )
}
rmSync(orvalRoot, { recursive: true, force: true })
const scratch = results[2]
const inRepo = sync.ok ? results[3] : undefined
const inRepoCold = sync.ok ? results[4] : undefined
const orval = results[sync.ok ? 5 : 3]
const big = results[sync.ok ? 6 : 4]
const verdict = (ok) => (ok ? 'met' : 'MISSED')
const ratioLine = (way) => {
  const ratio = way.median / orval.median
  // Each run against orval's run of the same round: drift over the run falls on both alike.
  const rounds = way.samples.map((ms, i) => (ms / orval.samples[i]).toFixed(2)).join(', ')
  return {
    ratio,
    text: `${ratio.toFixed(2)} (ours ${(orval.median / way.median).toFixed(1)}x faster; per round ${rounds})`,
  }
}
const scratchRatio = ratioLine(scratch)
console.log(`  full regeneration / orval, scratch copy: ${scratchRatio.text}, from the medians of this run`)
let repoTargets
if (inRepo) {
  const repoRatio = ratioLine(inRepo)
  const coldRatio = ratioLine(inRepoCold)
  console.log(`  full regeneration / orval, the repository itself: ${repoRatio.text}, from the medians of this run`)
  console.log(`  the same with --no-cache / orval: ${coldRatio.text}`)
  console.log(
    `  the repository itself minus the scratch copy: ${(inRepo.median - scratch.median).toFixed(0)} ms, with --no-cache ${(inRepoCold.median - scratch.median).toFixed(0)} ms (medians); the bin started ${startedWith === endedWith ? startedWith : `${startedWith} at the start, ${endedWith} at the end`}`,
  )
  const changed = changedFiles(before, after)
  console.log(
    changed.length === 0
      ? `  the repository's generated packages after ${RUNS} regenerations there: no file written, added or removed (sizes and times as before)`
      : `  the repository's generated packages CHANGED by the regenerations there: ${changed.slice(0, 10).join(', ')}${changed.length > 10 ? ` and ${changed.length - 10} more` : ''}`,
  )
  repoTargets = `in the repository itself < 500 ms: ${verdict(inRepo.median < 500)}; in the repository itself <= 0.25 of orval: ${verdict(repoRatio.ratio <= 0.25)} (with --no-cache: ${verdict(inRepoCold.median < 500)}, ${verdict(coldRatio.ratio <= 0.25)})`
  if (changed.length > 0) process.exitCode = 1
} else {
  console.log(
    `  the repository itself: NOT MEASURED: \`zr-codegen --check\` says its generated packages differ from the specs, and a regeneration would write them; run \`npm run generate\` first\n${sync.output
      .split('\n')
      .filter((l) => !l.endsWith(': unchanged'))
      .map((l) => `    ${l}`)
      .join('\n')}`,
  )
  repoTargets = 'in the repository itself: NOT MEASURED'
  process.exitCode = 1
}
console.log(
  `targets: scratch copy < 500 ms: ${verdict(scratch.median < 500)}; scratch copy <= 0.25 of orval: ${verdict(scratchRatio.ratio <= 0.25)}; ${repoTargets}; 200 actions < 3000 ms: ${verdict(big.median < 3000)}`,
)
