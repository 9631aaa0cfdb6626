import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The budget: an app that takes a whole validator package (every schema and
// validator of one service, zod included), minified and gzipped, is at most
// 20 kB, and pulls in none of zod classic. Measured by scripts/bundle-size.mjs
// (esbuild). An app that takes only the compiled validators (`validators`, what
// a client's `validator` option needs) bundles no zod at all.
interface Bundle {
  service: string
  gzipped: number
  budget: number
  classic: string[]
  compiled: { gzipped: number; zod: string[] }
}

const script = fileURLToPath(new URL('../scripts/bundle-size.mjs', import.meta.url))
const bundles = JSON.parse(execFileSync(process.execPath, [script, '--json'], { encoding: 'utf8' })) as Bundle[]

describe.each(bundles)('$service-validator bundle', (bundle) => {
  it('is within the 20 kB gzipped budget', () => {
    expect(bundle.gzipped).toBeLessThanOrEqual(20_000)
  })
  it('pulls in only zod/mini, not zod classic', () => {
    expect(bundle.classic).toEqual([])
  })
  it('taking only the compiled validators, pulls in no zod and is smaller', () => {
    expect(bundle.compiled.zod).toEqual([])
    expect(bundle.compiled.gzipped).toBeLessThan(bundle.gzipped)
  })
})
