import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { VERSION_PLACEHOLDER } from '../emit/shared/package-files.js'

/** Folders of a generated package that only the generator writes: stale files there are removed. */
const OWNED_DIRS = ['src/generated', 'json-schema']

export interface PackageChanges {
  readonly dir: string
  /** Repo-relative paths that differ from what is on disk (written, or to be written). */
  readonly changed: readonly string[]
  /** Generated files on disk that the generator no longer produces. */
  readonly stale: readonly string[]
}

/** The version changesets gave the package, carried into the generated package.json. */
export function carryVersion(repoRoot: string, dir: string, packageJson: string): string {
  const file = join(repoRoot, dir, 'package.json')
  if (!existsSync(file)) return packageJson
  const version = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version
  if (typeof version !== 'string') return packageJson
  return packageJson.replace(`"version": "${VERSION_PLACEHOLDER}"`, `"version": ${JSON.stringify(version)}`)
}

function listFiles(root: string, dir: string): string[] {
  const abs = join(root, dir)
  if (!existsSync(abs)) return []
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
}

/**
 * Compares a package's generated files with the disk and, unless `check`,
 * makes the disk match: changed files written, stale generated files removed.
 */
export function syncPackage(
  repoRoot: string,
  dir: string,
  files: ReadonlyMap<string, string>,
  check: boolean,
): PackageChanges {
  const changed: string[] = []
  for (const [path, content] of files) {
    const abs = join(repoRoot, path)
    const current = existsSync(abs) ? readFileSync(abs, 'utf8') : undefined
    if (current === content) continue
    changed.push(path)
    if (!check) {
      mkdirSync(dirname(abs), { recursive: true })
      writeFileSync(abs, content)
    }
  }
  const stale = OWNED_DIRS.flatMap((d) => listFiles(repoRoot, `${dir}/${d}`)).filter((p) => !files.has(p))
  if (!check) for (const path of stale) rmSync(join(repoRoot, path))
  return { dir, changed: changed.sort(), stale: stale.sort() }
}
