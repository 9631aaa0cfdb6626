// The test settings every package shares; each package's vitest.config.ts re-exports this.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: CI runs several packages' tests at once on two cores.
    testTimeout: 30_000,
    // Every package writes its counts where tools/ci/run-suite.mjs adds them up.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
})
