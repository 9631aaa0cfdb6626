// The pipeline knows no package kind: a made-up target (here a JSON "facts"
// package with its own formatter and owned folder) is generated, kept and
// cleaned by generate() with no change to the pipeline.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generate } from '../src/generate.js'
import type { Target } from '../src/target.js'
import { TARGETS } from '../src/targets.js'
import { fixtureRepo } from './fixture-repo.js'

const factsTarget: Target = {
  kind: 'facts',
  emit: (model) => ({
    dir: `packages/${model.name}-facts`,
    name: `${model.name}-facts`,
    files: [
      { path: 'facts/actions.json', content: JSON.stringify(model.operations.map((o) => o.action)) },
      { path: 'VERSION', content: 'generated' },
    ],
  }),
  ownedDirs: ['facts'],
  // Its own formatter: pretty JSON, one run for the whole group.
  formatter: {
    id: 'pretty-json',
    format: async (_root, files) =>
      new Map(
        [...files].map(([path, text]) => [
          path,
          path.endsWith('.json') ? `${JSON.stringify(JSON.parse(text), null, 1)}\n` : text,
        ]),
      ),
  },
  // What it keeps of the disk: a VERSION file someone bumped.
  keep: (path, generated, onDisk) => (path === 'VERSION' ? onDisk : generated),
}

describe('a new output kind is a new target', () => {
  it('is generated, formatted, keeps what it says, and its stale files are removed', async () => {
    const root = fixtureRepo()
    const targets = [...TARGETS, factsTarget]
    const dir = join(root, 'packages/demo-facts')
    mkdirSync(join(dir, 'facts'), { recursive: true })
    writeFileSync(join(dir, 'facts/old.json'), '[]')
    writeFileSync(join(dir, 'VERSION'), 'bumped by hand')
    const changes = await generate({ repoRoot: root, packages: ['demo-facts'], targets })
    expect(changes.map((c) => c.dir)).toEqual(['packages/demo-facts'])
    expect(readFileSync(join(dir, 'facts/actions.json'), 'utf8')).toBe('[\n "CreateThing",\n "DescribeThings"\n]\n')
    expect(readFileSync(join(dir, 'VERSION'), 'utf8')).toBe('bumped by hand')
    expect(existsSync(join(dir, 'facts/old.json'))).toBe(false)
    // Without the target, the kind is unknown: nothing in the pipeline knew it.
    await expect(generate({ repoRoot: root, packages: ['demo-facts'] })).rejects.toThrow(/unknown package demo-facts/)
  })
})
