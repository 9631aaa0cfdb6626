import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

// `npm run pack`'s refusals, which come before any build: a bad argument, and
// a folder that holds more than tarballs (its contents are replaced, so it is
// never emptied). The packing itself is what the package lint and the pack
// smoke test do with the same listing (pack.mjs).
const script = fileURLToPath(new URL('../pack-all.mjs', import.meta.url))
const scratch = mkdtempSync(join(tmpdir(), 'pack-all-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const run = (...args: string[]) => {
  const outcome = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 30_000 })
  return { status: outcome.status, out: `${outcome.stdout}${outcome.stderr}` }
}

describe('pack-all.mjs', () => {
  it('refuses an option it does not know: one line saying so, then the usage', () => {
    const { status, out } = run('--all')
    expect(status).toBe(2)
    expect(out).toBe(
      'pack: unexpected argument --all\nusage: npm run pack [-- <folder>]   (default: dist-packs/ in the repository)\n',
    )
  })

  it('never empties a folder holding anything but tarballs', () => {
    const folder = join(scratch, 'mine')
    mkdirSync(folder)
    writeFileSync(join(folder, 'notes.txt'), 'keep me')
    writeFileSync(join(folder, 'old.tgz'), '')
    const { status, out } = run(folder)
    expect(status).toBe(2)
    expect(out).toContain('holds more than tarballs (notes.txt); name another folder')
    expect(readdirSync(folder).sort()).toEqual(['notes.txt', 'old.tgz'])
  })

  it('refuses a folder whose parent does not exist', () => {
    const { status, out } = run(join(scratch, 'no', 'such'))
    expect(status).toBe(2)
    expect(out).toContain(`${join(scratch, 'no')} does not exist`)
  })
})
