import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runChecks } from '../src/check/run-checks.js'
import { bundleSpec } from '../src/load/bundle.js'
import { loadSpec } from '../src/load/resolve.js'

// The checks themselves run per spec package (`pnpm --filter @zenlayer-reset/spec-zec test`);
// here only what the tools must do with the real files: load, bundle, and stay deterministic.
const specs = ['zec', 'vm'].map((s) => fileURLToPath(new URL(`../../../specs/${s}/openapi.yaml`, import.meta.url)))

describe.each(specs)('%s', (file) => {
  it('bundles into a document with no reference to another file', () => {
    const text = JSON.stringify(bundleSpec(file))
    expect(text).not.toMatch(/"\$ref":"[^#]/)
    expect(JSON.stringify(bundleSpec(file))).toBe(text)
  })

  // Loads openapi-typescript (and TypeScript): slow on a busy machine.
  it('bundles into a document that passes the same checks', { timeout: 60_000 }, async () => {
    const results = await runChecks(loadSpec(file))
    expect(results.filter((r) => r.problems.length > 0)).toEqual([])
  })
})
