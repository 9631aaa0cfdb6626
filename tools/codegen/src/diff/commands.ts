// The three commands built on the classifier: `diff` (what changed, and its
// class), `changeset` (write the changeset for it) and `changeset-check` (the
// CI gate: every generated package changed since the last release has a
// pending changeset with at least the bump its changes need).

import { SCOPE } from '../emit/shared/files.js'
import { allPackages, packageNames } from '../generate.js'
import {
  bumpAtLeast,
  pendingBumps,
  pendingChangesets,
  renderChangeset,
  requiredClasses,
  show,
  writeChangeset,
} from './changeset.js'
import { classify, type SpecChange } from './classify.js'
import { changedPackages, lastRelease, resolveRef, snapshotsAt, snapshotsIn } from './git-base.js'
import { BUMP, RULES } from './rules.js'

export interface Classified {
  readonly base: string
  readonly changes: readonly SpecChange[]
  /** npm names of the generated packages whose files differ from the base. */
  readonly changedPackages: ReadonlySet<string>
}

/** Every spec change from `baseRef` to the working tree, and the generated packages that changed. */
export function classifySince(root: string, baseRef: string): Classified {
  const base = resolveRef(root, baseRef)
  const before = snapshotsAt(root, base)
  const after = snapshotsIn(root)
  const services = [...new Set([...before.keys(), ...after.keys()])].sort()
  const changes = services.flatMap((s) => classify(before.get(s), after.get(s)))
  const dirs = [...new Set([...allPackages(root), ...packageNames([...before.keys()])])]
  const changed = new Set([...changedPackages(root, base, dirs)].map((d) => `${SCOPE}/${d}`))
  return { base, changes, changedPackages: changed }
}

export function diffLines(result: Classified): string[] {
  const lines = result.changes.map((c) => {
    const where = [c.service, c.action].filter(Boolean).join(' ')
    const values = `${show(c.before)} -> ${show(c.after)}`
    return `${c.class.toUpperCase().padEnd(8)} ${where} ${c.path}: ${RULES[c.rule].title} (${values}) [${c.rule}; ${c.packages.join(', ')}]`
  })
  const required = requiredClasses(result.changes, result.changedPackages)
  const bumps = [...required].map(([pkg, cls]) => `${pkg} ${BUMP[cls]}`).join(', ')
  lines.push(
    `zr-codegen diff: ${result.changes.length} change(s) since ${result.base.slice(0, 12)}; ${required.size === 0 ? 'no generated package needs a release' : `bumps: ${bumps}`}`,
  )
  return lines
}

export function diffJson(result: Classified): string {
  const required = requiredClasses(result.changes, result.changedPackages)
  return JSON.stringify(
    {
      base: result.base,
      changes: result.changes.map((c) => ({ ...c, title: RULES[c.rule].title, why: RULES[c.rule].why })),
      changedPackages: [...result.changedPackages].sort(),
      bumps: Object.fromEntries([...required].map(([pkg, cls]) => [pkg, BUMP[cls]])),
    },
    null,
    2,
  )
}

/** Writes one changeset for the changes since `baseRef`; undefined when no generated package changed. */
export function writeSpecChangeset(root: string, baseRef: string): { file: string; text: string } | undefined {
  const result = classifySince(root, baseRef)
  const required = requiredClasses(result.changes, result.changedPackages)
  if (required.size === 0) return undefined
  const unexplained = [...required.keys()].filter((pkg) => !result.changes.some((c) => c.packages.includes(pkg)))
  const note =
    unexplained.length > 0
      ? `Regenerated without a spec change (generator output changed): ${unexplained.join(', ')}.`
      : undefined
  const text = renderChangeset(result.changes, required, note)
  return { file: writeChangeset(root, text), text }
}

export interface GateResult {
  readonly base: string
  readonly missing: readonly {
    readonly pkg: string
    readonly need: string
    readonly have: string | undefined
    readonly because: readonly string[]
  }[]
  readonly required: ReadonlyMap<string, string>
}

/** The CI gate: every generated package changed since the base has a pending changeset with at least its bump. */
export function checkChangesets(root: string, baseRef?: string): GateResult {
  const result = classifySince(root, baseRef ?? lastRelease(root))
  const required = requiredClasses(result.changes, result.changedPackages)
  const have = pendingBumps(pendingChangesets(root))
  const missing = [...required]
    .filter(([pkg, cls]) => !bumpAtLeast(have.get(pkg), BUMP[cls]))
    .map(([pkg, cls]) => ({
      pkg,
      need: BUMP[cls],
      have: have.get(pkg),
      because: result.changes
        .filter((c) => c.packages.includes(pkg) && c.class === cls)
        .map((c) => `${c.rule} ${[c.action, c.path].filter(Boolean).join(' ')}`),
    }))
  return { base: result.base, missing, required: new Map([...required].map(([p, c]) => [p, BUMP[c]])) }
}
