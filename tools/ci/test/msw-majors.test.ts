import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

// msw 2 (on this Node) and msw 3 (on the registry's node@24) each installed
// with the packed mocks by a plain `npm install`, then signed and unsigned
// resets through each mock's MSW handlers (../msw-majors.mjs). Needs the
// registry: without it, or without node@24, it fails saying why.
it('installs and runs the mocks with msw 2 and with msw 3 (on Node 24)', () => {
  const script = fileURLToPath(new URL('../msw-majors.mjs', import.meta.url))
  const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 570_000, killSignal: 'SIGKILL' })
  const out = `${run.stdout}${run.stderr}`
  expect(out).toMatch(/^msw 2\.\d+\.\d+\S* on Node v\d+\.\d+\.\d+: ok /m)
  expect(out).toMatch(/^msw 3\.\d+\.\d+\S* on Node v24\.\d+\.\d+: ok /m)
  expect(run.status, out).toBe(0)
}, 600_000)
