import { defineConfig, mergeConfig } from 'vitest/config'
import shared from '../../vitest.shared.js'

export default mergeConfig(
  shared,
  defineConfig({
    // Snapshots of generated packages hold test files of their own: data here, not tests.
    test: { exclude: ['test/__snapshots__/**', '**/node_modules/**'] },
  }),
)
