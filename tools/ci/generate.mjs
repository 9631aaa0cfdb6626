#!/usr/bin/env node
// `npm run generate -- [--check] [--changeset [--base <git-ref>]] [--quiet]`. Without --check:
// turbo runs each generated package's `generate` task (cached by spec and
// generator). With --check: the generator compares everything with the disk
// and writes nothing, so a cache can never hide drift. With --changeset: after
// generating, one changeset is written for the spec changes since <git-ref>
// (default HEAD), covering exactly the generated packages they touch. With
// --quiet: turbo prints nothing unless it fails.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const args = process.argv.slice(2)
const node = (script, scriptArgs) =>
  spawnSync(process.execPath, [script, ...scriptArgs], { cwd: root, stdio: 'inherit' }).status ?? 1
const turbo = (turboArgs) => node('tools/ci/turbo.mjs', turboArgs)

const known = new Set(['--check', '--changeset', '--base', '--quiet'])
const baseAt = args.indexOf('--base')
const base = baseAt >= 0 ? args[baseAt + 1] : undefined
// The word after --base is its ref; without --base, every word must be known (baseAt + 1 would be 0).
const unknown = args.filter((a, i) => !known.has(a) && (baseAt < 0 || i !== baseAt + 1))
if (unknown.length > 0 || (baseAt >= 0 && !base)) {
  console.error(
    `generate: ${unknown.length > 0 ? `unknown argument ${unknown[0]}` : '--base needs a git ref'}\nusage: npm run generate -- [--check] [--changeset [--base <git-ref>]] [--quiet]`,
  )
  process.exit(2)
}
const check = args.includes('--check')
const changeset = args.includes('--changeset')
const quiet = args.includes('--quiet') ? ['--quiet'] : []

let status = turbo([...quiet, 'run', 'build', '--filter=@zenlayer-reset/codegen', '--output-logs=errors-only'])
if (status === 0) {
  status = check
    ? node('tools/codegen/bin/zr-codegen.js', ['--check'])
    : turbo([...quiet, 'run', 'generate', `--output-logs=${quiet.length > 0 ? 'errors-only' : 'new-only'}`])
}
if (status === 0 && changeset) {
  status = node('tools/codegen/bin/zr-codegen.js', ['changeset', ...(base ? ['--base', base] : [])])
}
process.exitCode = status
