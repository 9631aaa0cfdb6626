import { fileURLToPath } from 'node:url'
import { defineConfig, mergeConfig } from 'vitest/config'
import shared from '../../vitest.shared.js'

// The tests run the sources: package.json "imports" maps #default-signer to dist/, so say where it is in src/.
export default mergeConfig(
  shared,
  defineConfig({
    resolve: {
      alias: { '#default-signer': fileURLToPath(new URL('./src/default-signer.node.ts', import.meta.url)) },
    },
  }),
)
