import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const fixture = fileURLToPath(new URL('./fixtures/repo', import.meta.url))
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))

/** A scratch copy of the fixture repo (specs/shared, specs/demo) with the real biome.json. */
export function fixtureRepo(edit?: { file: string; from: string | RegExp; to: string }): string {
  const root = mkdtempSync(join(tmpdir(), 'zr-codegen-fixture-'))
  cpSync(fixture, root, { recursive: true })
  cpSync(join(repoRoot, 'biome.json'), join(root, 'biome.json'))
  // What every published package carries of the repository: its LICENSE, its address.
  cpSync(join(repoRoot, 'LICENSE'), join(root, 'LICENSE'))
  cpSync(join(repoRoot, 'package.json'), join(root, 'package.json'))
  writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages: []\n')
  if (edit) {
    const file = join(root, edit.file)
    const text = readFileSync(file, 'utf8')
    const next = text.replace(edit.from, edit.to)
    if (next === text) throw new Error(`fixture edit did not apply to ${edit.file}`)
    writeFileSync(file, next)
  }
  return root
}

export const DEMO_SPEC = 'specs/demo/openapi.yaml'
