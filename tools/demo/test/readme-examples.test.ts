import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { startMockServer } from '@zenlayer-reset/mock-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Every ```ts example of the hand-written packages' READMEs runs, as written,
// over the built packages: a README that names an export the package no
// longer has, or shows a call that no longer works, fails here. Examples that
// talk to `zenlayer-mock` on its default port get a mock started here instead.
const root = fileURLToPath(new URL('../../../', import.meta.url))
// Under this package, so that the examples' imports resolve to its dependencies.
const scratch = fileURLToPath(new URL('../test-results/readme-examples/', import.meta.url))
const READMES = ['client-runtime', 'validator-runtime', 'mock-engine', 'mock-server']
const DEFAULT_MOCK_URL = 'http://127.0.0.1:8787'
// Not spawnSync: the mock serving the examples runs in this process, and must keep answering.
const run = promisify(execFile)

const examples = READMES.flatMap((pkg) => {
  const text = readFileSync(join(root, 'packages', pkg, 'README.md'), 'utf8')
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => ({
    name: `${pkg} example ${i + 1}`,
    code: m[1] ?? '',
  }))
})

let server: Awaited<ReturnType<typeof startMockServer>>
beforeAll(async () => {
  server = await startMockServer({ port: 0 })
  mkdirSync(scratch, { recursive: true })
})
afterAll(async () => {
  await server.close()
  rmSync(scratch, { recursive: true, force: true })
})

describe('README examples', () => {
  it('every hand-written package shows at least one', () => {
    for (const pkg of READMES) expect(examples.some((e) => e.name.startsWith(`${pkg} `))).toBe(true)
  })

  it.each(examples)('$name runs', async ({ name, code }) => {
    const file = join(scratch, `${name.replaceAll(' ', '-')}.mjs`)
    writeFileSync(file, code.replaceAll(DEFAULT_MOCK_URL, server.url))
    // Rejects (and fails the test, with the output) on a non-zero exit.
    const { stderr } = await run(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 })
    expect(stderr).toBe('')
  })
})
