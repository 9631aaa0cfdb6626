// The publishable packages (every workspace package that is not `private`)
// and their tarballs as `pnpm pack` makes them: what `changeset publish`
// uploads, with `workspace:` ranges replaced by versions. Used by the pack
// smoke test (tools/contract/scripts/pack-smoke.mjs) and the package lint
// (lint-packages.mjs).
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { bin, env, root } from './env.mjs'

/** The workspace folders (pnpm-workspace.yaml: specs/*, packages/*, tools/*) whose package is not private. */
export function publishableDirs() {
  const dirs = []
  for (const group of ['specs', 'packages', 'tools']) {
    const base = join(root, group)
    if (!existsSync(base)) continue
    for (const entry of readdirSync(base, { withFileTypes: true })) {
      const manifest = join(base, entry.name, 'package.json')
      if (!entry.isDirectory() || !existsSync(manifest)) continue
      if (JSON.parse(readFileSync(manifest, 'utf8')).private !== true) dirs.push(join(base, entry.name))
    }
  }
  return dirs
}

/**
 * Packs each folder into `destination` with the repository's pnpm and returns
 * `{ name, version, dir, tarball }` per package, in the order given. Throws
 * (with pnpm's message on stderr) when a folder cannot be packed.
 */
export function pack(dirs, destination) {
  return dirs.map((dir) => {
    const out = execFileSync(bin('pnpm'), ['pack', '--pack-destination', destination, '--json'], {
      cwd: dir,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const { name, version, filename } = JSON.parse(out)
    return { name, version, dir, tarball: filename }
  })
}
