// Every output kind the generator has, as a target (target.ts). A new kind is
// a new entry here and its own folder under emit/; the pipeline (generate.ts)
// and the change tools read this list and nothing else.
import { cliTarget } from './emit/cli/target.js'
import { clientTarget } from './emit/client/target.js'
import { mcpTarget } from './emit/mcp/target.js'
import { mockTarget } from './emit/mock/target.js'
import { validatorTarget } from './emit/validator/target.js'
import type { Target } from './target.js'

export const TARGETS: readonly Target[] = [clientTarget, validatorTarget, mockTarget, cliTarget, mcpTarget]

/** The target of a kind; undefined for a kind no target has. */
export function targetOf(kind: string): Target | undefined {
  return TARGETS.find((t) => t.kind === kind)
}
