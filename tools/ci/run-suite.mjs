#!/usr/bin/env node
// Runs the whole suite and ends with one line, `N passed, N failed`.
// Every test runner in the repo writes a JSON report with numPassedTests and
// numFailedTests into its package's test-results/; each other step (format,
// lint, typecheck, drift check) counts as one check. Steps keep going after a
// failure so that one run shows everything that is wrong.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { bin, root, env as toolEnv } from './env.mjs'

const env = { ...toolEnv, FORCE_COLOR: '0' }

/** Package folders that may hold a test-results/ report. */
function packageDirs() {
  const dirs = []
  for (const group of ['specs', 'packages', 'tools']) {
    const base = join(root, group)
    if (!existsSync(base)) continue
    for (const entry of readdirSync(base, { withFileTypes: true }))
      if (entry.isDirectory()) dirs.push(join(base, entry.name))
  }
  return dirs
}

function run(label, command, args) {
  console.log(`\n=== ${label}: ${command.replace(root, '')} ${args.join(' ')}`)
  const outcome = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' })
  const ok = outcome.status === 0
  console.log(`=== ${label}: ${ok ? 'ok' : `FAILED (exit ${outcome.status ?? outcome.signal})`}`)
  return ok
}

for (const dir of packageDirs()) rmSync(join(dir, 'test-results'), { recursive: true, force: true })

const steps = [
  ['format and lint (biome)', bin('biome'), ['ci', '--error-on-warnings', '.']],
  ['GitHub workflows are valid', process.execPath, ['tools/ci/lint-workflows.mjs']],
  // The drift check runs before the full build, whose `generate` tasks would rewrite the files it checks.
  [
    'build the generator',
    bin('turbo'),
    ['run', 'build', '--filter=@zenlayer-reset/codegen', '--output-logs=errors-only'],
  ],
  ['generated packages match the specs', process.execPath, ['tools/codegen/bin/zr-codegen.js', '--check']],
  // Since the last release, every generated package that changed has a pending changeset with at least the bump its spec changes need.
  ['generated changes carry changesets', process.execPath, ['tools/codegen/bin/zr-codegen.js', 'changeset-check']],
  ['build', bin('turbo'), ['run', 'build', '--output-logs=errors-only']],
  [
    'spec lint (redocly) and typecheck',
    bin('turbo'),
    ['run', 'lint', 'typecheck', '--continue', '--output-logs=errors-only'],
  ],
  ['tests', bin('turbo'), ['run', 'test', '--continue', '--concurrency=3', '--output-logs=new-only']],
]
// The specs' descriptions against their own schemas, always; and the vendor's real pages and catalog
// files, when the maintainers' ../shared/seeds and ../shared/vendor-catalog are beside the checkout
// (they are in CI), compared in full and together: every one in sync or accepted (tools/docs-sync).
steps.push([
  'the spec descriptions agree with their schemas (docs drift check)',
  process.execPath,
  ['tools/docs-sync/bin/zr-docs.js', '--spec'],
])
const witnesses = ['seeds', 'vendor-catalog'].map((d) => join(root, '..', 'shared', d)).filter((d) => existsSync(d))
if (witnesses.length > 0) {
  steps.push([
    'the vendor pages and catalog agree with the specs (docs drift check)',
    process.execPath,
    ['tools/docs-sync/bin/zr-docs.js', '--full', ...witnesses],
  ])
}
// The packages as users install them, and proof that the suite can go red.
steps.push(
  [
    'packed packages pass publint and arethetypeswrong, and ship their sources, license and README',
    process.execPath,
    ['tools/ci/lint-packages.mjs'],
  ],
  [
    'packed packages install and run on Node 20 and Node 24',
    process.execPath,
    ['tools/contract/scripts/pack-smoke.mjs'],
  ],
  [
    'the suite catches a broken validator rule and a broken transition',
    process.execPath,
    ['tools/contract/scripts/mutation-check.mjs'],
  ],
)
// In CI the checkout is fresh: building and testing must leave every tracked file as committed.
if (process.env.CI) steps.push(['the build leaves the tree as committed', 'git', ['diff', '--exit-code', '--stat']])
let passed = 0
let failed = 0
const failures = []
for (const [label, command, args] of steps) {
  if (run(label, command, args)) passed += 1
  else {
    failed += 1
    failures.push(label)
  }
}

for (const dir of packageDirs()) {
  const reports = join(dir, 'test-results')
  if (!existsSync(reports)) continue
  for (const file of readdirSync(reports).filter((f) => f.endsWith('.json'))) {
    const report = JSON.parse(readFileSync(join(reports, file), 'utf8'))
    const name = `${dir.replace(root, '')}/test-results/${file}`
    console.log(
      `  ${name}: ${report.numPassedTests} passed, ${Math.max(report.numFailedTests, report.numFailedTestSuites ?? 0)} failed`,
    )
    // A test file that fails to load fails no test but fails its suite: count it.
    const failedHere = Math.max(report.numFailedTests, report.numFailedTestSuites ?? 0)
    passed += report.numPassedTests
    failed += failedHere
    if (failedHere > 0) failures.push(name)
  }
}
if (failures.length > 0) console.log(`\nfailed: ${failures.join('; ')}`)
console.log(`${passed} passed, ${failed} failed`)
process.exitCode = failed === 0 ? 0 : 1
