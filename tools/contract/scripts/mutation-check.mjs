#!/usr/bin/env node
// Proof that the suite can fail: on a scratch clone of the committed tree,
// break one rule in each route of a generated validator (the zod schemas and
// the compiled functions) and one transition in the mock engine, rebuild just
// those, and check that the packages' own test scripts (the contract suite
// among them) go red. Exit 0 only if every mutation is caught; the real tree
// is never touched.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const clone = join(mkdtempSync(join(tmpdir(), 'zenlayer-reset-mutants-')), 'repo')
// The clone's own bin folder first: turbo runs its tasks with the clone's pnpm.
const env = {
  ...process.env,
  PATH: `${join(clone, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
  TURBO_TELEMETRY_DISABLED: '1',
}
const sh = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'], env })

sh('git', ['clone', '--quiet', root, clone], root)
sh(
  join(root, 'node_modules', '.bin', 'pnpm'),
  ['install', '--offline', '--frozen-lockfile', '--reporter=silent'],
  clone,
)
sh(
  join(clone, 'node_modules', '.bin', 'turbo'),
  ['run', 'build', '--output-logs=none', `--cache-dir=${join(root, '.turbo', 'cache')}`],
  clone,
)

const mutants = [
  {
    name: 'zec zod validator: instanceIds allows 101 ids',
    file: 'packages/zec-validator/src/generated/schemas.ts',
    // The list's limit, in the zod/mini form the generator prints (`z.maxLength(100, ...)`) or zod's (`.max(100, ...)`).
    from: /(max(?:Length)?)\(100, (\{ error: ["']must have at most 100 items["'] \})\)/,
    to: '$1(101, $2)',
    rebuild: 'packages/zec-validator',
    test: 'packages/zec-validator',
  },
  {
    name: 'zec compiled validator: instanceIds allows 101 ids',
    file: 'packages/zec-validator/src/generated/validate.ts',
    // The list's limit as the compiled printer writes it: one `if` on the length.
    from: /\.length > 100\)/,
    to: '.length > 101)',
    rebuild: 'packages/zec-validator',
    test: 'packages/zec-validator',
  },
  {
    name: 'mock engine: an accepted reset skips its transitional state',
    file: 'packages/mock-engine/src/service-mock.ts',
    from: 'instance.status = t.via',
    to: 'instance.status = t.to',
    rebuild: 'packages/mock-engine',
    test: 'packages/zec-mock',
  },
]

let caught = 0
for (const m of mutants) {
  const file = join(clone, m.file)
  const source = readFileSync(file, 'utf8')
  // A string or a pattern; either way the first occurrence only.
  const mutated = source.replace(m.from, m.to)
  if (mutated === source) {
    console.log(`${m.name}: could not apply the mutation (source changed?)`)
    continue
  }
  writeFileSync(file, mutated)
  sh(join(clone, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], join(clone, m.rebuild))
  const run = spawnSync(join(clone, 'node_modules', '.bin', 'vitest'), ['run', '--reporter=dot'], {
    cwd: join(clone, m.test),
    encoding: 'utf8',
  })
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI colours
  const plain = run.stdout.replace(/\x1b\[[0-9;]*m/g, '')
  const failedTests = /Tests\s+(\d+) failed/.exec(plain)?.[1] ?? '0'
  const red = run.status !== 0 && Number(failedTests) > 0
  console.log(`${m.name}: ${red ? `caught (${failedTests} tests failed in ${m.test})` : 'NOT CAUGHT'}`)
  if (red) caught++
  writeFileSync(file, source)
  sh(join(clone, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], join(clone, m.rebuild))
}
console.log(`${caught} of ${mutants.length} mutants caught`)
process.exitCode = caught === mutants.length ? 0 : 1
