// The publishable packages (every workspace package that is not `private`)
// and their tarballs as `pnpm pack` makes them: what `changeset publish`
// uploads, with `workspace:` ranges replaced by versions. The one owner of
// "which packages are publishable": used by `npm run pack` (pack-all.mjs),
// the package lint (lint-packages.mjs), the pack smoke test
// (tools/contract/scripts/pack-smoke.mjs) and the consumer type check
// (tools/client-checks/scripts/consumer-types.mjs).
import { execFileSync } from 'node:child_process'
import { bin, env } from './env.mjs'
import { workspacePackages } from './workspace.mjs'

/** The publishable workspace packages, `{ name, dir, manifest }` each, in workspace order. */
export function publishablePackages() {
  return workspacePackages().filter((p) => p.manifest.private !== true)
}

/** The folders of the publishable packages (publishablePackages). */
export function publishableDirs() {
  return publishablePackages().map((p) => p.dir)
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
