// The workspace packages, one owner for "which folders are packages and what
// they depend on": the pack (pack.mjs: the publishable ones) and the demo's
// build (tools/demo: what the generator and the demo import) read them here.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { root } from './env.mjs'

/** The groups of pnpm-workspace.yaml (`specs/*`, `packages/*`, `tools/*`), in that order. */
const GROUPS = ['specs', 'packages', 'tools']

/** Every workspace package as `{ name, dir, manifest }`, by group, then by folder name. */
export function workspacePackages() {
  const found = []
  for (const group of GROUPS) {
    const base = join(root, group)
    if (!existsSync(base)) continue
    const entries = readdirSync(base, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const entry of entries) {
      const file = join(base, entry.name, 'package.json')
      if (!entry.isDirectory() || !existsSync(file)) continue
      const manifest = JSON.parse(readFileSync(file, 'utf8'))
      found.push({ name: manifest.name, dir: join(base, entry.name), manifest })
    }
  }
  return found
}

/**
 * The workspace packages `name` needs at run time: its `dependencies` with a
 * `workspace:` range, theirs, and so on (devDependencies are not followed).
 * `name` itself is not included. Throws when `name` is not a workspace package.
 */
export function runtimeClosure(name, packages = workspacePackages()) {
  const byName = new Map(packages.map((p) => [p.name, p]))
  if (!byName.has(name)) throw new Error(`${name} is not a workspace package`)
  const seen = new Set()
  const visit = (pkg) => {
    for (const [dep, range] of Object.entries(pkg.manifest.dependencies ?? {})) {
      const next = byName.get(dep)
      if (!next || !String(range).startsWith('workspace:') || seen.has(dep)) continue
      seen.add(dep)
      visit(next)
    }
  }
  visit(byName.get(name))
  return packages.filter((p) => seen.has(p.name))
}
