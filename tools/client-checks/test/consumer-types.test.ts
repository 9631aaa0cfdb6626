import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

// The packed packages in a strict TypeScript project, under node16 and bundler
// resolution: the common programs compile and the mistakes stay errors
// (consumer/programs.ts; scripts/consumer-types.mjs packs, installs, compiles).
it('compiles the consumer programs from the tarballs under node16 and bundler resolution', () => {
  const script = fileURLToPath(new URL('../scripts/consumer-types.mjs', import.meta.url))
  const run = spawnSync(process.execPath, [script], { encoding: 'utf8' })
  expect(run.stdout).toContain('node16: compiles')
  expect(run.stdout).toContain('bundler: compiles')
  expect(run.status, run.stdout + run.stderr).toBe(0)
}, 300_000)
