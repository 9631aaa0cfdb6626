// The specs and generated packages as they were at a git ref: the base a
// change is classified against.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { findServices } from '../generate.js'
import { buildService } from '../model/build-service.js'
import { type ServiceSnapshot, serviceSnapshot } from './snapshot.js'

/** Git's empty tree: the base of a repository that has never released anything. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904'

export function git(root: string, args: readonly string[]): string {
  return execFileSync('git', ['-C', root, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Resolves a ref to a commit (or the empty tree), with an error that names it. */
export function resolveRef(root: string, ref: string): string {
  if (ref === EMPTY_TREE) return ref
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim()
  } catch {
    throw new Error(`git ref '${ref}' names no commit in ${root}`)
  }
}

/**
 * The last release: the newest commit that consumed changesets (`changeset
 * version` deletes them), or the empty tree when nothing was ever released.
 */
export function lastRelease(root: string): string {
  const out = git(root, ['log', '-1', '--format=%H', '--diff-filter=D', '--', '.changeset/*.md']).trim()
  return out || EMPTY_TREE
}

/** Each service's snapshot as the specs stood at `ref`. */
export function snapshotsAt(root: string, ref: string): Map<string, ServiceSnapshot> {
  const files = git(root, ['ls-tree', '-r', '--name-only', ref, '--', 'specs'])
    .split('\n')
    .filter((f) => /\.(ya?ml|json)$/.test(f) && !f.includes('/dist/') && !f.includes('/node_modules/'))
  const scratch = mkdtempSync(join(tmpdir(), 'zr-base-'))
  try {
    for (const file of files) {
      const target = join(scratch, file)
      mkdirSync(dirname(target), { recursive: true })
      writeFileSync(target, git(root, ['show', `${ref}:${file}`]))
    }
    mkdirSync(join(scratch, 'specs'), { recursive: true })
    return snapshotsIn(scratch, `${ref.slice(0, 12)}`)
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/** Each service's snapshot as the specs stand in a directory (the working tree). */
export function snapshotsIn(root: string, label = 'the working tree'): Map<string, ServiceSnapshot> {
  const out = new Map<string, ServiceSnapshot>()
  for (const service of findServices(root)) {
    try {
      out.set(service, serviceSnapshot(buildService(join(root, 'specs', service, 'openapi.yaml'), root)))
    } catch (error) {
      throw new Error(`the ${service} spec of ${label} cannot be modelled: ${(error as Error).message}`)
    }
  }
  return out
}

/**
 * The generated packages whose files differ between `ref` and the working tree,
 * by folder name. A changed version field alone (set by changesets) or a
 * changelog does not count.
 */
export function changedPackages(root: string, ref: string, dirs: readonly string[]): Set<string> {
  const changed = new Set<string>()
  for (const dir of dirs) {
    const tracked = git(root, ['diff', '--name-only', ref, '--', `packages/${dir}`])
      .split('\n')
      .filter(Boolean)
    const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '--', `packages/${dir}`])
      .split('\n')
      .filter(Boolean)
    const real = [...tracked, ...untracked].filter((f) => {
      if (f.endsWith('CHANGELOG.md')) return false
      if (!f.endsWith('package.json') || ref === EMPTY_TREE) return true
      const diff = git(root, ['diff', '-U0', ref, '--', f])
      const lines = diff.split('\n').filter((l) => /^[+-]\s/.test(l))
      return !lines.every((l) => /^[+-]\s*"version":/.test(l))
    })
    if (real.length > 0) changed.add(dir)
  }
  return changed
}
