import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// `turbo.mjs --quiet` (what `npm run pack` and `npm run bench` build with): silent when turbo
// succeeds, everything turbo said when it fails, and turbo's exit code.
const script = fileURLToPath(new URL('../turbo.mjs', import.meta.url))
const run = (...args: string[]) => {
  const outcome = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 60_000 })
  return { status: outcome.status, stdout: outcome.stdout, stderr: outcome.stderr }
}

describe('turbo.mjs --quiet', () => {
  it('prints nothing when turbo succeeds', () => {
    const loud = run('run', 'build', '--filter=@zenlayer-reset/spec-shared', '--dry')
    expect(loud.status).toBe(0)
    expect(loud.stdout).toContain('Packages in Scope')
    const quiet = run('--quiet', 'run', 'build', '--filter=@zenlayer-reset/spec-shared', '--dry')
    expect(quiet).toEqual({ status: 0, stdout: '', stderr: '' })
  }, 60_000)

  it("prints turbo's own output, and fails, when turbo fails", () => {
    const quiet = run('--quiet', 'run', 'no-such-task')
    expect(quiet.status).not.toBe(0)
    expect(`${quiet.stdout}${quiet.stderr}`).toContain('Could not find task `no-such-task`')
  }, 60_000)
})
