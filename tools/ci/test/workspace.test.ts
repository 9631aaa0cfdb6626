import { describe, expect, it } from 'vitest'

// The one listing of the workspace (workspace.mjs) and of what is publishable
// (pack.mjs), read by `npm run pack`, the package lint, the pack smoke test
// and `npm run demo`. Imported by URL: the modules are plain JavaScript.
interface Pkg {
  name: string
  dir: string
  manifest: { private?: boolean }
}
const workspace = (await import(new URL('../workspace.mjs', import.meta.url).href)) as {
  workspacePackages: () => Pkg[]
  runtimeClosure: (name: string) => Pkg[]
}
const packing = (await import(new URL('../pack.mjs', import.meta.url).href)) as {
  publishablePackages: () => Pkg[]
  publishableDirs: () => string[]
}
const names = (list: Pkg[]) => list.map((p) => p.name)

describe('workspace.mjs', () => {
  it('lists every package once, by group then folder, so that every listing is in one order', () => {
    const all = workspace.workspacePackages()
    expect(new Set(names(all)).size).toBe(all.length)
    const dirs = all.map((p) => p.dir.replace(/\\/g, '/').split('/').slice(-2).join('/'))
    const order = (d: string) => ['specs', 'packages', 'tools'].indexOf(d.split('/')[0] ?? '')
    expect([...dirs].sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1))).toEqual(dirs)
    expect(dirs).toContain('packages/zec-client')
    expect(dirs).toContain('tools/codegen')
  })

  it("follows `workspace:` dependencies only: what the generator imports, and not the demo's tools", () => {
    expect(names(workspace.runtimeClosure('@zenlayer-reset/codegen')).sort()).toEqual([
      '@zenlayer-reset/client-runtime',
      '@zenlayer-reset/mock-engine',
      '@zenlayer-reset/spec-tools',
      '@zenlayer-reset/validator-runtime',
    ])
    const demo = names(workspace.runtimeClosure('@zenlayer-reset/demo'))
    expect(demo).toContain('@zenlayer-reset/mock-server')
    expect(demo).toContain('@zenlayer-reset/vm-validator')
    expect(demo).not.toContain('@zenlayer-reset/codegen')
    expect(demo).not.toContain('@zenlayer-reset/demo')
  })

  it('refuses a name that is not a workspace package, naming it', () => {
    expect(() => workspace.runtimeClosure('@zenlayer-reset/nope')).toThrow(
      '@zenlayer-reset/nope is not a workspace package',
    )
  })
})

describe('pack.mjs', () => {
  it('publishes exactly the packages that are not private, all of them under packages/', () => {
    const publishable = packing.publishablePackages()
    const expected = workspace.workspacePackages().filter((p) => p.manifest.private !== true)
    expect(names(publishable)).toEqual(names(expected))
    expect(publishable.length).toBeGreaterThan(0)
    for (const p of publishable) expect(p.dir.replace(/\\/g, '/')).toMatch(/\/packages\/[^/]+$/)
    expect(packing.publishableDirs()).toEqual(publishable.map((p) => p.dir))
  })
})
