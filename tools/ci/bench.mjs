#!/usr/bin/env node
// `npm run bench`: builds what the benchmarks need, runs every benchmark of the
// repository one after another (each package's `bench` script: two cores are
// not shared between two of them), echoes each one's report, and writes them
// all to bench/RESULTS.md with the machine and Node they ran on. The medians
// and same-run ratios are each benchmark's own: this file collects, it does
// not compute. `npm run bench -- --only <package>` runs one.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, freemem, totalmem } from 'node:os'
import { join, relative } from 'node:path'
import { env, root } from './env.mjs'

const onlyAt = process.argv.indexOf('--only')
const only = onlyAt === -1 ? undefined : process.argv[onlyAt + 1]

/** Every workspace folder whose package.json has a `bench` script. */
function benchmarks() {
  const found = []
  for (const group of ['packages', 'tools']) {
    for (const entry of readdirSync(join(root, group), { withFileTypes: true })) {
      const manifest = join(root, group, entry.name, 'package.json')
      if (!entry.isDirectory() || !existsSync(manifest)) continue
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'))
      if (pkg.scripts?.bench)
        found.push({ name: pkg.name, dir: join(root, group, entry.name), script: pkg.scripts.bench })
    }
  }
  return found.filter((b) => only === undefined || b.name === only || b.name.endsWith(`/${only}`))
}

const build = spawnSync(process.execPath, [join(root, 'tools/ci/turbo.mjs'), 'run', 'build', '--quiet'], {
  stdio: 'inherit',
  env,
})
if (build.status !== 0) process.exit(build.status ?? 1)

const started = new Date()
const results = []
for (const bench of benchmarks()) {
  console.log(`\n== ${bench.name} (${bench.script})`)
  const t0 = Date.now()
  // The script as package.json writes it, from its folder, with the repo's bin first on PATH.
  const run = spawnSync(bench.script, {
    cwd: bench.dir,
    shell: true,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  process.stdout.write(run.stdout)
  process.stderr.write(run.stderr)
  results.push({ ...bench, status: run.status, seconds: (Date.now() - t0) / 1000, output: run.stdout.trimEnd() })
}

const cpu = cpus()
const lines = [
  '# Benchmark results',
  '',
  'Written by `npm run bench` (tools/ci/bench.mjs); every figure below is printed by the benchmark named,',
  'from medians of several runs and ratios against a baseline measured in the same run. Figures from',
  "another machine are not this one's: run `npm run bench` where you need them.",
  '',
  `- date: ${started.toISOString()}`,
  `- machine: ${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} GiB free at the start)`,
  `- Node ${process.version} on ${process.platform}/${process.arch}`,
  '',
]
for (const r of results) {
  lines.push(
    `## ${r.name}`,
    '',
    `\`${r.script}\` in \`${relative(root, r.dir)}\`: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`}, ${r.seconds.toFixed(0)} s`,
    '',
    '```',
    r.output,
    '```',
    '',
  )
}
if (only === undefined) {
  mkdirSync(join(root, 'bench'), { recursive: true })
  writeFileSync(join(root, 'bench', 'RESULTS.md'), `${lines.join('\n')}`)
  console.log(`\nwrote bench/RESULTS.md (${results.length} benchmarks)`)
}
process.exitCode = results.every((r) => r.status === 0) ? 0 : 1
