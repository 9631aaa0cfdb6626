import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The demo's JavaScript-only compile (lib/compile-js.mjs) must write what
// `tsc -p tsconfig.build.json` writes, .js and .js.map byte for byte, since a
// later `npm run build` only adds declarations over it. A made-up package, in
// a scratch folder under the repository (its tsconfig extends the root's).
const root = fileURLToPath(new URL('../../../', import.meta.url))
const { compileJs } = (await import(new URL('../lib/compile-js.mjs', import.meta.url).href)) as {
  compileJs: (dirs: string[]) => { files: number; written: number }
}

const SOURCES: Record<string, string> = {
  'src/index.ts':
    "import type { Shape } from './shape.js'\nexport { area } from './shape.js'\nexport const unit: Shape['unit'] = 'm'\n",
  'src/shape.ts':
    "export interface Shape { unit: 'm' | 'cm'; side: number }\n/** A square's area. */\nexport function area(s: Shape): number {\n  return s.side ** 2\n}\n",
  'src/nested/enum.ts': 'export enum Kind {\n  A = 1,\n  B,\n}\nexport const kinds = Object.values(Kind)\n',
}

let scratch: string
function makePackage(name: string): string {
  const dir = join(scratch, name)
  for (const [file, text] of Object.entries(SOURCES)) {
    mkdirSync(join(dir, file, '..'), { recursive: true })
    writeFileSync(join(dir, file), text)
  }
  const base = join(root, 'tsconfig.base.json').replaceAll('\\', '/')
  writeFileSync(
    join(dir, 'tsconfig.build.json'),
    JSON.stringify({ extends: base, compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src'] }),
  )
  return dir
}
const list = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.replaceAll('\\', '/'))
    .sort()

beforeAll(() => {
  // Under the repository, where tsc finds @types/node; test-results/ is not committed.
  const results = fileURLToPath(new URL('../test-results/', import.meta.url))
  mkdirSync(results, { recursive: true })
  scratch = mkdtempSync(join(results, 'compile-js-'))
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('compileJs', () => {
  it("writes tsc's JavaScript and source maps, and nothing else", () => {
    const ours = makePackage('ours')
    const theirs = makePackage('theirs')
    expect(compileJs([ours])).toEqual({ files: 3, written: 6 })
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: theirs,
    })
    const js = list(join(theirs, 'dist')).filter((f) => !f.includes('.d.ts'))
    expect(list(join(ours, 'dist'))).toEqual(js)
    for (const f of js)
      expect(readFileSync(join(ours, 'dist', f), 'utf8'), f).toBe(readFileSync(join(theirs, 'dist', f), 'utf8'))
  }, 60_000)

  it('leaves a file alone when it already holds what would be written', () => {
    const dir = makePackage('again')
    compileJs([dir])
    const before = statSync(join(dir, 'dist', 'index.js')).mtimeMs
    writeFileSync(join(dir, 'src', 'shape.ts'), `${SOURCES['src/shape.ts']}export const two = 2\n`)
    expect(compileJs([dir]).written).toBe(2)
    expect(statSync(join(dir, 'dist', 'index.js')).mtimeMs).toBe(before)
  })

  it('refuses a syntax error, naming the package and the file', () => {
    const dir = makePackage('broken')
    writeFileSync(join(dir, 'src', 'shape.ts'), 'export const = 1\n')
    expect(() => compileJs([dir])).toThrow(/broken: .*src[\\/]shape\.ts.*error TS1134/s)
  })
})
