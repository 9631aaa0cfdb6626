// The state rules a spec may name: those the mock engine implements. The list
// is the engine's (@zenlayer-reset/mock-engine/rule-ids, data only); a spec
// naming any other rule stops generation, since a rule nobody implements must
// not pass as enforced.
import { RULE_IDS } from '@zenlayer-reset/mock-engine/rule-ids'

export const KNOWN_STATE_RULES: ReadonlySet<string> = new Set(RULE_IDS)
