import { DECISION_FACTS, type DecisionFact } from '@zenlayer-reset/spec-tools'
import type { DecisionModel } from './types.js'

const FACTS = new Set<string>(DECISION_FACTS)

/**
 * The `x-zc-decision` notes of one spec object, as the model keeps them. The
 * vocabulary check has already refused a malformed note, so this only reads.
 */
export function decisionsOf(node: unknown): DecisionModel[] {
  const notes = (node as Record<string, unknown> | null)?.['x-zc-decision']
  if (!Array.isArray(notes)) return []
  return notes.map((raw): DecisionModel => {
    const note = raw as Record<string, unknown>
    const facts = Array.isArray(note.facts) ? note.facts.filter((f): f is DecisionFact => FACTS.has(String(f))) : []
    return {
      ref: typeof note.ref === 'number' ? note.ref : undefined,
      kind: note.kind === 'departs-from-page' ? 'departs-from-page' : 'fills-gap',
      reason: typeof note.reason === 'string' ? note.reason.trim() : '',
      facts,
    }
  })
}
