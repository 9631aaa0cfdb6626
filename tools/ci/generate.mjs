#!/usr/bin/env node
// `pnpm generate [--check]`. Without --check: turbo runs each generated
// package's `generate` task (cached by spec and generator). With --check:
// the generator compares everything with the disk and writes nothing, so a
// cache can never hide drift.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const turbo = (args) =>
  spawnSync(process.execPath, ['tools/ci/turbo.mjs', ...args], { cwd: root, stdio: 'inherit' }).status ?? 1
const check = process.argv.includes('--check')

let status = turbo(['run', 'build', '--filter=@zenlayer-reset/codegen', '--output-logs=errors-only'])
if (status === 0) {
  status = check
    ? (spawnSync(process.execPath, ['tools/codegen/bin/zr-codegen.js', '--check'], { cwd: root, stdio: 'inherit' })
        .status ?? 1)
    : turbo(['run', 'generate', '--output-logs=new-only'])
}
process.exitCode = status
