// From classified changes to changesets (.changeset/*.md): which packages,
// which bump, and a summary a release note can use as it is; and the pending
// changesets read back for the CI gate.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SpecChange } from './classify.js'
import { BUMP, type ChangeClass, CLASS_ORDER, maxClass, RULES } from './rules.js'

export type Bump = 'major' | 'minor' | 'patch'
const BUMP_ORDER: readonly Bump[] = ['patch', 'minor', 'major']

export function bumpAtLeast(have: Bump | undefined, need: Bump): boolean {
  return have !== undefined && BUMP_ORDER.indexOf(have) >= BUMP_ORDER.indexOf(need)
}

/**
 * The class each generated package needs: the highest class among the spec
 * changes that touch it (by the rules' package lists: a request rule changes
 * the mock's behaviour through the validator it runs, even when no file of the
 * mock changes), and a patch for a package whose files changed with no spec
 * change behind it (a generator change).
 */
export function requiredClasses(
  changes: readonly SpecChange[],
  changed?: ReadonlySet<string>,
): Map<string, ChangeClass> {
  const byPackage = new Map<string, ChangeClass[]>()
  for (const c of changes) {
    for (const pkg of c.packages) byPackage.set(pkg, [...(byPackage.get(pkg) ?? []), c.class])
  }
  for (const pkg of changed ?? []) if (!byPackage.has(pkg)) byPackage.set(pkg, ['fix'])
  const entries = [...byPackage].map(([pkg, classes]): [string, ChangeClass] => [pkg, maxClass(classes) ?? 'fix'])
  return new Map(entries.sort((x, y) => (x[0] < y[0] ? -1 : 1)))
}

export function show(v: unknown): string {
  if (v === undefined) return '(none)'
  const text = typeof v === 'string' ? v : JSON.stringify(v)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

/** One line of a release note for one change. */
export function changeLine(c: SpecChange): string {
  const rule = RULES[c.rule]
  const where = [c.service, c.action].filter(Boolean).join(' ')
  const values = c.before === undefined && c.after === undefined ? '' : ` (${show(c.before)} -> ${show(c.after)})`
  const care = 'care' in rule ? ` Note: ${rule.care}.` : ''
  return `${where}: ${rule.title}, \`${c.path}\`${values}. ${rule.why[0]?.toUpperCase()}${rule.why.slice(1)}.${care}`
}

const HEADINGS: Record<ChangeClass, string> = { breaking: 'Breaking changes', feature: 'Features', fix: 'Fixes' }

/** The changeset text: frontmatter with each package's bump, then the changes grouped by class. */
export function renderChangeset(
  changes: readonly SpecChange[],
  required: ReadonlyMap<string, ChangeClass>,
  extraNote?: string,
): string {
  const front = [...required].map(([pkg, cls]) => `"${pkg}": ${BUMP[cls]}`).join('\n')
  const sections: string[] = []
  for (const cls of [...CLASS_ORDER].reverse()) {
    const lines = changes
      .filter((c) => c.class === cls && c.packages.some((p) => required.has(p)))
      .map((c) => `- ${changeLine(c)}`)
    if (lines.length > 0) sections.push(`${HEADINGS[cls]}:\n\n${lines.join('\n')}`)
  }
  if (extraNote) sections.push(extraNote)
  return `---\n${front}\n---\n\n${sections.join('\n\n')}\n`
}

/** Writes a changeset under a name derived from its text, so a rerun overwrites rather than duplicates. */
export function writeChangeset(root: string, text: string): string {
  const name = `spec-${createHash('sha256').update(text).digest('hex').slice(0, 10)}.md`
  writeFileSync(join(root, '.changeset', name), text)
  return join('.changeset', name)
}

export interface PendingChangeset {
  readonly file: string
  readonly bumps: ReadonlyMap<string, Bump>
}

/**
 * One front-matter line, `"<package>": <bump>` (quotes optional). Read by
 * hand, not by a regular expression: a pull request writes these files, and
 * `^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$` backtracks
 * polynomially on a line of spaces (8,000 took over 30 s), so one file could
 * stall the gate. Each step here is one pass over the line.
 */
function frontMatterBump(line: string): [string, Bump] | undefined {
  const colon = line.indexOf(':')
  if (colon < 0) return undefined
  const bump = line.slice(colon + 1).trim()
  if (bump !== 'major' && bump !== 'minor' && bump !== 'patch') return undefined
  let name = line.slice(0, colon).trim()
  if (name.startsWith('"') || name.startsWith("'")) name = name.slice(1)
  if (name.endsWith('"') || name.endsWith("'")) name = name.slice(0, -1)
  name = name.trim()
  // A name holds no quote; an empty one names no package.
  return name === '' || /["']/.test(name) ? undefined : [name, bump]
}

/** The changesets not yet consumed by a release, with the bump each gives each package. */
export function pendingChangesets(root: string): PendingChangeset[] {
  const dir = join(root, '.changeset')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8')
      const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? ''
      const bumps = new Map<string, Bump>()
      for (const line of front.split(/\r?\n/)) {
        const bump = frontMatterBump(line)
        if (bump) bumps.set(bump[0], bump[1])
      }
      return { file: join('.changeset', file), bumps }
    })
}

/** The highest bump the pending changesets give each package. */
export function pendingBumps(pending: readonly PendingChangeset[]): Map<string, Bump> {
  const out = new Map<string, Bump>()
  for (const c of pending) {
    for (const [pkg, bump] of c.bumps) {
      const have = out.get(pkg)
      if (!have || BUMP_ORDER.indexOf(bump) > BUMP_ORDER.indexOf(have)) out.set(pkg, bump)
    }
  }
  return out
}
