import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The budget: an app importing only create<Service>Client, minified and
// gzipped with all it pulls in, is at most 18.7 kB, and pulls in no zod,
// validator or mock code. Measured by scripts/bundle-size.mjs (esbuild).
interface Bundle {
  service: string
  gzipped: number
  budget: number
  packages: string[]
  forbidden: string[]
}

const script = fileURLToPath(new URL('../scripts/bundle-size.mjs', import.meta.url))
const bundles = JSON.parse(execFileSync(process.execPath, [script, '--json'], { encoding: 'utf8' })) as Bundle[]

describe.each(bundles)('$service-client bundle', (bundle) => {
  it('is within the 18.7 kB gzipped budget', () => {
    expect(bundle.gzipped).toBeLessThanOrEqual(18_700)
  })
  it('pulls in only the client, its runtime and openapi-fetch', () => {
    expect(bundle.forbidden).toEqual([])
    expect(bundle.packages).toEqual(
      ['@zenlayer-reset/client-runtime', `@zenlayer-reset/${bundle.service}-client`, '<stdin>', 'openapi-fetch'].sort(),
    )
  })
})
