import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The package lint (tools/ci/lint-packages.mjs) on packages made up here: one
// that a TypeScript user can install with confidence passes, and each kind of
// mistake it exists to catch fails it, by name.
const script = fileURLToPath(new URL('../lint-packages.mjs', import.meta.url))
let scratch: string

function write(dir: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  return dir
}

const map = (file: string, source: string) =>
  JSON.stringify({ version: 3, file, sources: [source], names: [], mappings: 'AAAA' })

/** An ES module package as tsc builds this repository's: dist with maps, src, LICENSE, README. */
function goodPackage(name: string, extra: Record<string, string> = {}, manifest: Record<string, unknown> = {}) {
  return write(join(scratch, name), {
    'package.json': JSON.stringify({
      name: `@fixture/${name}`,
      version: '1.0.0',
      license: 'MIT',
      type: 'module',
      repository: { type: 'git', url: 'git+https://github.com/fixture/fixture.git' },
      homepage: 'https://github.com/fixture/fixture#readme',
      bugs: { url: 'https://github.com/fixture/fixture/issues' },
      keywords: ['fixture'],
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' },
      files: ['dist', 'src'],
      ...manifest,
    }),
    'src/index.ts': 'export const answer: number = 42\n',
    'dist/index.js': 'export const answer = 42;\n//# sourceMappingURL=index.js.map\n',
    'dist/index.js.map': map('index.js', '../src/index.ts'),
    'dist/index.d.ts': 'export declare const answer: number;\n//# sourceMappingURL=index.d.ts.map\n',
    'dist/index.d.ts.map': map('index.d.ts', '../src/index.ts'),
    LICENSE: 'MIT License\n',
    'README.md': '# fixture\n',
    ...extra,
  })
}

function lint(...dirs: string[]) {
  const run = spawnSync(process.execPath, [script, ...dirs], { encoding: 'utf8' })
  return { status: run.status, out: `${run.stdout}${run.stderr}` }
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'lint-packages-test-'))
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('lint-packages', () => {
  it('passes a well-made ES module package, listing what only CommonJS and node10 resolution lack', () => {
    const { status, out } = lint(goodPackage('good'))
    expect(out).toContain('@fixture/good@1.0.0: ok')
    expect(out).toMatch(/not counted \(ES modules only\): .*NoResolution \(node10\)/)
    expect(out).toContain('linted 1 packed packages with publint and arethetypeswrong: 0 failed')
    expect(status).toBe(0)
  })

  it('fails an export whose file is not in the package (publint)', () => {
    const dir = goodPackage('missing', {}, { exports: { '.': { types: './dist/index.d.ts', default: './lib/x.js' } } })
    const { status, out } = lint(dir)
    expect(out).toMatch(/ERROR publint FILE_DOES_NOT_EXIST/)
    expect(status).toBe(1)
  })

  it('fails an entry point without types (arethetypeswrong)', () => {
    const dir = goodPackage(
      'untyped',
      { 'dist/extra.js': 'export const extra = 1;\n' },
      {
        exports: {
          '.': { types: './dist/index.d.ts', default: './dist/index.js' },
          './extra': './dist/extra.js',
        },
      },
    )
    const { status, out } = lint(dir)
    expect(out).toMatch(/ERROR attw UntypedResolution at \.\/extra \(.*bundler.*\)/)
    expect(status).toBe(1)
  })

  it('fails source maps naming sources it does not ship, and a license without its text', () => {
    const dir = goodPackage('nosrc', { LICENSE: '' }, { files: ['dist'] })
    rmSync(join(dir, 'LICENSE'))
    const { status, out } = lint(dir)
    expect(out).toContain('ERROR 2 source maps name 1 sources the package does not ship (src/index.ts)')
    expect(out).toContain('ERROR license is MIT, but the package ships no LICENSE file with its text')
    expect(status).toBe(1)
  })

  it('passes maps that embed their sources, and names missing repository links as notes only', () => {
    const embedded = JSON.stringify({
      version: 3,
      file: 'index.js',
      sources: ['../src/index.ts'],
      sourcesContent: ['export const answer: number = 42\n'],
      names: [],
      mappings: 'AAAA',
    })
    const dir = goodPackage(
      'embedded',
      { 'dist/index.js.map': embedded, 'dist/index.d.ts.map': embedded },
      { files: ['dist'], repository: undefined },
    )
    const { status, out } = lint(dir)
    expect(out).toContain('@fixture/embedded@1.0.0: ok')
    expect(out).toContain('note package.json has no "repository"')
    expect(status).toBe(0)
  })
})
