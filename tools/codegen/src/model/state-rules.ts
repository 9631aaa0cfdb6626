// The state rules a spec may name, and the request fields each reads by role:
// the engine's own list (@zenlayer-reset/mock-engine/rule-ids, data only). A
// spec naming any other rule, or giving a rule other roles than the engine
// reads, stops generation: a rule nobody implements, or one that would read a
// field the spec does not name, must not pass as enforced.
import { RULE_FIELD_ROLES } from '@zenlayer-reset/mock-engine/rule-ids'

const ROLES: Readonly<Record<string, readonly string[]>> = RULE_FIELD_ROLES

export const KNOWN_STATE_RULES: ReadonlySet<string> = new Set(Object.keys(ROLES))

/** The roles whose request fields rule `id` reads; undefined for an unknown rule. */
export function ruleFieldRoles(id: string): readonly string[] | undefined {
  return Object.hasOwn(ROLES, id) ? ROLES[id] : undefined
}
