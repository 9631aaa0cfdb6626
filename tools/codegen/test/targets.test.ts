// The pipeline knows no package kind: a made-up target (here a JSON "facts"
// package with its own formatter and owned folder) is generated, kept and
// cleaned by generate() with no change to the pipeline.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { allPackages, generate } from '../src/generate.js'
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

// A suite target: one package made from every service at once (the command line, the MCP server are two).
const indexTarget: Target = {
  kind: 'index',
  emitSuite: (services) => ({
    dir: 'packages/index',
    name: 'index',
    files: services.map(({ model }) => ({
      path: `services/${model.name}.json`,
      content: JSON.stringify(model.operations.map((o) => o.action)),
    })),
  }),
  ownedDirs: ['services'],
  formatter: { id: 'none', format: async (_root, files) => new Map(files) },
}

describe('a package for every service is a suite target', () => {
  it('is made once from every service, named by its kind, and a removed service leaves nothing behind', async () => {
    const root = fixtureRepo()
    const second = join(root, 'specs/other')
    cpSync(join(root, 'specs/demo'), second, { recursive: true })
    const spec = join(second, 'openapi.yaml')
    writeFileSync(spec, readFileSync(spec, 'utf8').replaceAll('demo', 'other'))
    const targets = [...TARGETS, indexTarget]
    expect(allPackages(root, targets).filter((p) => !p.includes('-'))).toEqual(['cli', 'mcp', 'index'])
    const emitted: string[][] = []
    const counting: Target = {
      ...indexTarget,
      emitSuite: (services) => {
        emitted.push(services.map((s) => s.model.name))
        return indexTarget.emitSuite(services)
      },
    }
    await generate({ repoRoot: root, packages: ['index'], targets: [counting] })
    expect(emitted).toEqual([['demo', 'other']])
    expect(readdirSync(join(root, 'packages/index/services')).sort()).toEqual(['demo.json', 'other.json'])
    rmSync(second, { recursive: true })
    await generate({ repoRoot: root, packages: ['index'], targets: [indexTarget] })
    expect(readdirSync(join(root, 'packages/index/services'))).toEqual(['demo.json'])
  })
})
