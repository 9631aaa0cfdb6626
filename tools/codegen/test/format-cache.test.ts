// A regeneration that writes takes from the disk each file biome formatted
// before into what is on disk now (src/write/format-cache.ts), and formats
// the rest; --check formats everything. The cache can confirm the disk, never
// supply a text: a hand-edited generated file is formatted and reported as
// without it.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../src/cli.js'
import { generate } from '../src/generate.js'
import { formatFiles } from '../src/write/format.js'
import { FormatCache, formatCacheDir } from '../src/write/format-cache.js'
import { fixtureRepo } from './fixture-repo.js'

const RAW = "import { b } from './b.js'\nimport { a } from './a.js'\nexport const x = { a, b,\n}\n"

function repoWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'zr-format-cache-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

describe('FormatCache', () => {
  const inputs = ['biome 1', '{ "formatter": {} }']

  it('gives the file on disk back only while raw text and disk are both what was recorded, under the same key', () => {
    const root = repoWith({ 'packages/p/src/a.ts': 'formatted\n' })
    const first = new FormatCache(root, inputs)
    expect(first.formattedOnDisk('packages/p/src/a.ts', 'raw')).toBeUndefined()
    first.record('packages/p/src/a.ts', 'raw', 'formatted\n')
    first.save()

    const again = new FormatCache(root, inputs)
    expect(again.formattedOnDisk('packages/p/src/a.ts', 'raw')).toBe('formatted\n')
    expect(again.formattedOnDisk('packages/p/src/a.ts', 'raw, edited')).toBeUndefined()
    expect(new FormatCache(root, ['biome 2', inputs[1] as string]).formattedOnDisk('packages/p/src/a.ts', 'raw')).toBe(
      undefined,
    )
    writeFileSync(join(root, 'packages/p/src/a.ts'), 'hand-edited\n')
    expect(new FormatCache(root, inputs).formattedOnDisk('packages/p/src/a.ts', 'raw')).toBeUndefined()
    rmSync(join(root, 'packages/p/src/a.ts'))
    expect(new FormatCache(root, inputs).formattedOnDisk('packages/p/src/a.ts', 'raw')).toBeUndefined()
  })

  it('keeps one file per package folder, and reads a damaged one as empty', () => {
    const root = repoWith({ 'packages/p/a.ts': 'A', 'packages/q/b.ts': 'B' })
    const cache = new FormatCache(root, inputs)
    cache.record('packages/p/a.ts', 'a', 'A')
    cache.record('packages/q/b.ts', 'b', 'B')
    cache.save()
    expect(readdirSync(formatCacheDir(root)).sort()).toEqual(['packages+p.json', 'packages+q.json'])

    writeFileSync(join(formatCacheDir(root), 'packages+p.json'), '{ not json')
    const read = new FormatCache(root, inputs)
    expect(read.formattedOnDisk('packages/p/a.ts', 'a')).toBeUndefined()
    expect(read.formattedOnDisk('packages/q/b.ts', 'b')).toBe('B')
  })
})

describe('formatFiles with the cache', () => {
  it('makes what it makes without the cache, on a first run, a second, and after a hand edit', async () => {
    const root = repoWith({})
    writeFileSync(join(root, 'biome.json'), readFileSync(new URL('../../../biome.json', import.meta.url)))
    const files = new Map([
      ['packages/p/src/x.ts', RAW],
      ['packages/p/package.json', '{"name":"p",\n"private":true}'],
    ])
    const plain = await formatFiles(root, files)
    expect(plain.get('packages/p/src/x.ts')).toBe(
      "import { a } from './a.js'\nimport { b } from './b.js'\nexport const x = { a, b }\n",
    )

    expect(await formatFiles(root, files, { cache: true })).toEqual(plain)
    for (const [path, text] of plain) {
      mkdirSync(join(root, path, '..'), { recursive: true })
      writeFileSync(join(root, path), text)
    }
    expect(await formatFiles(root, files, { cache: true })).toEqual(plain)

    // A hand edit of a generated file is not what biome made: the file is formatted again, not taken.
    writeFileSync(join(root, 'packages/p/src/x.ts'), `${plain.get('packages/p/src/x.ts')}// hand edit\n`)
    expect(await formatFiles(root, files, { cache: true })).toEqual(plain)
  })
})

describe('generate and the cache', () => {
  it('--check neither reads nor writes it; a regeneration that writes records every formatted file', async () => {
    const root = fixtureRepo()
    expect(await main(['--root', root, '--no-cache'])).toBe(0)
    expect(existsSync(formatCacheDir(root))).toBe(false)
    expect(await main(['--root', root, '--check'])).toBe(0)
    expect(existsSync(formatCacheDir(root))).toBe(false)

    const written = await generate({ repoRoot: root })
    expect(written.flatMap((p) => [...p.changed, ...p.stale])).toEqual([])
    // One cache file per package folder written (packages/cli and packages/mcp serve every service: one each).
    expect(readdirSync(formatCacheDir(root)).sort()).toEqual(
      [...new Set(written.map((p) => `${p.dir.replace('/', '+')}.json`))].sort(),
    )
    expect(readdirSync(formatCacheDir(root))).toContain('packages+demo-client.json')
    // With the cache warm, a hand edit is still found and undone.
    const edited = join(root, 'packages/demo-client/src/generated/client.ts')
    const text = readFileSync(edited, 'utf8')
    writeFileSync(edited, `${text}// hand edit\n`)
    const again = await generate({ repoRoot: root })
    expect(again.flatMap((p) => p.changed)).toEqual(['packages/demo-client/src/generated/client.ts'])
    expect(readFileSync(edited, 'utf8')).toBe(text)
  })
})
