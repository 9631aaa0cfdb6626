// --help is what a person types first, and what shell completion runs: it
// loads the command tables and the help, never the client, a validator or zod
// (packages/cli/bench/startup.mjs holds it within 1.5x a bare node start).
// One import of the client-runtime package's main entry pulled in every
// module of the client (the output's text helpers once did), unseen until the
// benchmark; this sees it.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { BIN } from './helpers.js'

const HOOK = fileURLToPath(new URL('./fixtures/log-imports.mjs', import.meta.url))

function loadedBy(args: string[]): string[] {
  const run = spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], { encoding: 'utf8' })
  expect(run.status).toBe(0)
  return run.stderr
    .split('\n')
    .filter((line) => line.startsWith('import: '))
    .map((line) => line.slice('import: '.length))
}

describe('zenlayer-reset --help', () => {
  it.each([[['--help']], [['zec', '--help']], [['bmc', 'reinstall-instance', '--help']]])(
    '%j loads no client, validator or zod',
    (args) => {
      const loaded = loadedBy(args)
      expect(loaded.some((url) => url.includes('/cli-runtime/'))).toBe(true)
      const heavy = loaded.filter((url) =>
        /\/client-runtime\/dist\/index\.js$|-client\/|-validator\/|validator-runtime|\/zod\/|openapi-fetch/.test(url),
      )
      expect(heavy).toEqual([])
    },
  )
})
