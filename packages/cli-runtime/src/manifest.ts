// Which package this is: the generated one's package.json (the bin passes its
// URL), so `--version` names the package the user installed, with the version
// changesets gave it, never this runtime's. Read only for --version.
import { readFileSync } from 'node:fs'

export interface Manifest {
  readonly name: string
  readonly version: string
}

/** The name and version in the package.json at `url`; undefined when there is none or it says neither. */
export function readManifest(url: URL | undefined): Manifest | undefined {
  if (url === undefined) return undefined
  try {
    const pkg = JSON.parse(readFileSync(url, 'utf8')) as { name?: unknown; version?: unknown }
    return typeof pkg.name === 'string' && typeof pkg.version === 'string'
      ? { name: pkg.name, version: pkg.version }
      : undefined
  } catch {
    return undefined
  }
}
