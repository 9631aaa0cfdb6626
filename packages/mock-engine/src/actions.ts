// What each kind of action does to the state. An action is a reset when the
// spec gives it a transition (x-zc-transition), batch when it also has
// x-zc-batch, and a status query when it pages (x-zc-pagination).
import type { MockOperation, StateRuleRef } from './descriptor.js'
import type { InFlight } from './progression.js'
import { RULES, type Rule, type RuleContext } from './rules.js'
import type { Store } from './store.js'
import type { Image, Instance } from './types.js'

export type ActionOutcome =
  | { readonly kind: 'ok'; readonly response: Record<string, unknown>; readonly accepted: readonly Instance[] }
  | { readonly kind: 'error'; readonly code: string; readonly message: string }

/** The request field naming the one instance of a non-batch reset (vm ResetInstance). */
const SINGLE_INSTANCE_FIELD = 'instanceId'

function ruleOf(id: string): Rule {
  const rule = RULES[id]
  if (!rule) throw new Error(`state rule ${id} is not implemented`)
  return rule
}

// The rules of an operation, resolved and split once: request-wide ones and per-instance ones.
interface ResolvedRule extends Rule {
  readonly ref: StateRuleRef
}
interface SplitRules {
  readonly requestRules: readonly ResolvedRule[]
  readonly instanceRules: readonly ResolvedRule[]
}
const split = new WeakMap<MockOperation, SplitRules>()
function rulesOf(op: MockOperation): SplitRules {
  let rules = split.get(op)
  if (!rules) {
    const resolved: ResolvedRule[] = op.stateRules.map((ref) => ({ ref, ...ruleOf(ref.id) }))
    rules = {
      requestRules: resolved.filter((r) => !r.perInstance),
      instanceRules: resolved.filter((r) => r.perInstance),
    }
    split.set(op, rules)
  }
  return rules
}

function context(store: Store, input: Record<string, unknown>, instance: Instance | undefined): RuleContext {
  const imageId = typeof input.imageId === 'string' ? input.imageId : instance?.imageId
  const image: Image | undefined = imageId === undefined ? undefined : store.images.get(imageId)
  return {
    input,
    instance,
    image,
    images: store.images,
    keyPairs: store.keyPairs,
  }
}

export function reset(
  op: MockOperation,
  store: Store,
  inFlight: ReadonlyMap<string, InFlight>,
  input: Record<string, unknown>,
): ActionOutcome {
  const { requestRules, instanceRules } = rulesOf(op)
  if (op.batch) {
    // Problems of the request as a whole are errors; problems of one instance put it in the failed list (specs/DECISIONS.md, decision 8).
    const requestCtx = context(store, input, undefined)
    for (const r of requestRules) {
      if (!r.holds(requestCtx)) return violation(op, r.ref, input, r.explain(requestCtx))
    }
    const ids = (input[op.batch.instances] as string[]) ?? []
    const failed: string[] = []
    const accepted: Instance[] = []
    for (const id of ids) {
      const ctx = context(store, input, store.instances.get(id))
      const instance = ctx.instance
      let ok = instance !== undefined && !inFlight.has(id)
      for (let r = 0; ok && r < instanceRules.length; r++) ok = (instanceRules[r] as ResolvedRule).holds(ctx)
      if (ok && instance) accepted.push(instance)
      else failed.push(id)
    }
    return { kind: 'ok', response: failed.length > 0 ? { [op.batch.failed]: failed } : {}, accepted }
  }
  const id = String(input[SINGLE_INSTANCE_FIELD])
  const instance = store.instances.get(id)
  // Rules are checked in the spec's order: the first broken one answers.
  const ctx = context(store, input, instance)
  for (const r of op.stateRules) {
    const rule = ruleOf(r.id)
    if (r.id === 'instance-powered-off' && inFlight.has(id)) {
      return violation(op, r, input, `${id.slice(0, 64)} is being reset (${instance?.status}); a reset needs STOPPED`)
    }
    if (!rule.holds(ctx)) return violation(op, r, input, rule.explain(ctx))
  }
  return { kind: 'ok', response: {}, accepted: instance ? [instance] : [] }
}

function violation(op: MockOperation, rule: StateRuleRef, input: Record<string, unknown>, why: string): ActionOutcome {
  const subject =
    typeof input[SINGLE_INSTANCE_FIELD] === 'string'
      ? `instance ${String(input[SINGLE_INSTANCE_FIELD]).slice(0, 64)}`
      : op.action
  return {
    kind: 'error',
    code: rule.errorCode ?? 'OPERATION_DENIED',
    message: `${op.action} refused for ${subject}: ${why}. (Rule ${rule.id}: ${rule.description})`,
  }
}

/** The paged status list (DescribeInstancesStatus). Ids that name no instance are left out. */
export function describe(op: MockOperation, store: Store, input: Record<string, unknown>): ActionOutcome {
  const page = op.pagination
  if (!page) throw new Error(`${op.action} has no pagination`)
  const asked = Array.isArray(input.instanceIds) ? (input.instanceIds as string[]) : undefined
  const matching = asked
    ? [...new Set(asked)].flatMap((id) => {
        const instance = store.instances.get(id)
        return instance ? [instance] : []
      })
    : [...store.instances.values()].sort((a, b) =>
        a.instanceId < b.instanceId ? -1 : a.instanceId > b.instanceId ? 1 : 0,
      )
  const size = typeof input[page.pageSize] === 'number' ? (input[page.pageSize] as number) : 20
  const number = typeof input[page.pageNumber] === 'number' ? (input[page.pageNumber] as number) : 1
  const start = (number - 1) * size
  const items = start < matching.length ? matching.slice(start, start + size) : []
  return {
    kind: 'ok',
    response: {
      [page.total]: matching.length,
      [page.items]: items.map((i) => ({ instanceId: i.instanceId, instanceStatus: i.status })),
    },
    accepted: [],
  }
}
