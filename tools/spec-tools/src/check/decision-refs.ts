import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { appendPointer } from '../load/json-pointer.js'
import type { LoadedSpec } from '../load/resolve.js'
import type { Location } from '../load/spec-error.js'
import { type CheckResult, result } from './result.js'

/** The record of decisions: `specs/DECISIONS.md`, one folder above each service's spec. */
export function decisionsFile(spec: LoadedSpec): string {
  return join(dirname(dirname(spec.entry)), 'DECISIONS.md')
}

/** The decision numbers a DECISIONS.md defines, by their `<a id="dN">` anchors. */
export function decisionIds(markdown: string): Set<number> {
  return new Set([...markdown.matchAll(/<a id="d(\d+)"><\/a>/g)].map((m) => Number(m[1])))
}

/**
 * Every `x-zc-decision` ref, in every file the spec reads, must name a
 * decision written down in the repository, so that a reader of the spec (or
 * of a drift report) can look it up without anything outside the checkout.
 */
export function checkDecisionRefs(spec: LoadedSpec): CheckResult[] {
  const file = decisionsFile(spec)
  const known = existsSync(file) ? decisionIds(readFileSync(file, 'utf8')) : new Set<number>()
  const results: CheckResult[] = []
  const visit = (node: unknown, loc: Location): void => {
    if (typeof node !== 'object' || node === null) return
    for (const [key, value] of Object.entries(node)) {
      const at = { ...loc, pointer: appendPointer(loc.pointer, key) }
      if (key === 'x-zc-decision' && Array.isArray(value)) {
        value.forEach((note, i) => {
          const ref = (note as { ref?: unknown } | null)?.ref
          if (typeof ref !== 'number') return
          const problems = known.has(ref) ? [] : [`decision ${ref} is not defined in ${file} (no <a id="d${ref}">)`]
          results.push(
            result('decision ref', String(ref), { ...at, pointer: appendPointer(at.pointer, String(i)) }, problems),
          )
        })
      } else visit(value, at)
    }
  }
  for (const [path, doc] of spec.files) visit(doc, { file: path, pointer: '' })
  return results
}
