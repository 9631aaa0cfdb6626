// Makes a package folder match what the generator produced, or (check) says
// how it differs: changed files, and stale ones in the folders only the
// generator writes.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'

export interface PackageChanges {
  readonly dir: string
  /** Repo-relative paths that differ from what is on disk (written, or to be written). */
  readonly changed: readonly string[]
  /** Generated files on disk that the generator no longer produces. */
  readonly stale: readonly string[]
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
 * The writes run concurrently: on a disk where creating a file costs about a
 * millisecond (this project's CI machines), a first generation of a hundred
 * files would otherwise wait for each in turn.
 */
export async function syncPackage(
  repoRoot: string,
  dir: string,
  files: ReadonlyMap<string, string>,
  /** The folders only the generator writes (the target's): stale files there are removed. */
  ownedDirs: readonly string[],
  check: boolean,
): Promise<PackageChanges> {
  const changed: string[] = []
  // Each folder made once: a recursive mkdir costs a few syscalls, and several files share a folder.
  const made = new Set<string>()
  const writes: Promise<void>[] = []
  for (const [path, content] of files) {
    const abs = join(repoRoot, path)
    const current = existsSync(abs) ? readFileSync(abs, 'utf8') : undefined
    if (current === content) continue
    changed.push(path)
    if (!check) {
      const folder = dirname(abs)
      if (!made.has(folder)) mkdirSync(folder, { recursive: true })
      made.add(folder)
      writes.push(writeFile(abs, content))
    }
  }
  await Promise.all(writes)
  const stale = ownedDirs.flatMap((d) => listFiles(repoRoot, `${dir}/${d}`)).filter((p) => !files.has(p))
  if (!check) for (const path of stale) rmSync(join(repoRoot, path))
  return { dir, changed: changed.sort(), stale: stale.sort() }
}
