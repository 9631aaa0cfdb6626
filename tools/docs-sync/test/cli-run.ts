// The command as a user runs it, for the tests: a scratch copy of the specs to
// run against, and main() with what it printed and its exit code.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { vi } from 'vitest'
import { main } from '../src/cli.js'
import { ROOT } from './helpers.js'

/** A scratch root with the specs (no record) and an empty `pages` folder. */
export function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zr-docs-cli-'))
  cpSync(join(ROOT, 'specs'), join(dir, 'specs'), {
    recursive: true,
    filter: (src) => !/node_modules|[/\\]dist([/\\]|$)|vendor-pages\.json$/.test(src),
  })
  writeFileSync(join(dir, 'pnpm-workspace.yaml'), 'packages: []\n')
  mkdirSync(join(dir, 'pages'))
  return dir
}

export async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')))
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')))
  try {
    const code = await main(args)
    return { code, out: out.join('\n'), err: err.join('\n') }
  } finally {
    log.mockRestore()
    error.mockRestore()
  }
}
