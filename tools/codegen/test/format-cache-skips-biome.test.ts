// With the cache warm and the disk as biome left it, a regeneration that
// writes starts no biome at all; --check, and a changed text, start it again.
import * as childProcess from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { generate } from '../src/generate.js'
import { fixtureRepo } from './fixture-repo.js'

vi.mock('node:child_process', async (original) => {
  const actual = await original<typeof childProcess>()
  return { ...actual, spawn: vi.fn(actual.spawn) }
})

const spawned = () => vi.mocked(childProcess.spawn).mock.calls.length

describe('biome runs with the cache', () => {
  it('none for a warm regeneration that changes nothing; some for --check and for a changed text', async () => {
    const root = fixtureRepo()
    await generate({ repoRoot: root })
    const cold = spawned()
    expect(cold).toBeGreaterThan(0)

    const warm = await generate({ repoRoot: root })
    expect(warm.flatMap((p) => p.changed)).toEqual([])
    expect(spawned()).toBe(cold)

    await generate({ repoRoot: root, check: true })
    expect(spawned()).toBeGreaterThan(cold)

    // A changed spec text changes some generated texts: those (only) go through biome.
    const before = spawned()
    const spec = join(root, 'specs/demo/openapi.yaml')
    writeFileSync(spec, readFileSync(spec, 'utf8').replace(/description: ([^\n]+)/, 'description: $1 Edited.'))
    const edited = await generate({ repoRoot: root })
    expect(edited.flatMap((p) => p.changed).length).toBeGreaterThan(0)
    expect(spawned()).toBeGreaterThan(before)
    expect((await generate({ repoRoot: root, check: true })).flatMap((p) => p.changed)).toEqual([])
  })
})
