// What each kind of action does to the state. An action is a reset when the
// spec gives it a transition (x-zc-transition), batch when it also has
// x-zc-batch, and a status query when it pages (x-zc-pagination).
import type { MockOperation, StateRuleRef } from './descriptor.js'
import { askedFilters, filterTest } from './filters.js'
import type { InFlight } from './progression.js'
import { RULES, type Rule, type RuleContext } from './rules.js'
import type { Store } from './store.js'
import type { Image, Instance } from './types.js'

export type ActionOutcome =
  | {
      readonly kind: 'ok'
      readonly response: Record<string, unknown>
      readonly accepted: readonly Instance[]
      /** The instances a status query listed. */
      readonly shown: readonly string[]
    }
  | { readonly kind: 'error'; readonly code: string; readonly message: string }

function ruleOf(id: string): Rule {
  const rule = (RULES as Readonly<Record<string, Rule>>)[id]
  if (!rule) throw new Error(`state rule ${id} is not implemented`)
  return rule
}

/** A rule of one operation, its fields bound to the spec's names for them. */
interface ResolvedRule {
  readonly ref: StateRuleRef
  readonly perInstance: boolean
  readonly holds: (ctx: RuleContext) => boolean
  readonly explain: (ctx: RuleContext) => string
}
function resolve(ref: StateRuleRef): ResolvedRule {
  const rule = ruleOf(ref.id)
  return {
    ref,
    perInstance: rule.perInstance,
    holds: (ctx) => rule.holds(ctx, ref.fields),
    explain: (ctx) => rule.explain(ctx, ref.fields),
  }
}

/** The first rule, in the spec's order, that does not hold; undefined when all hold. */
function firstBroken(rules: readonly ResolvedRule[], ctx: RuleContext): ResolvedRule | undefined {
  for (const rule of rules) if (!rule.holds(ctx)) return rule
  return undefined
}

// The rules of an operation, resolved and split once: request-wide ones and per-instance ones.
interface SplitRules {
  readonly all: readonly ResolvedRule[]
  readonly requestRules: readonly ResolvedRule[]
  readonly instanceRules: readonly ResolvedRule[]
}
const split = new WeakMap<MockOperation, SplitRules>()
function rulesOf(op: MockOperation): SplitRules {
  let rules = split.get(op)
  if (!rules) {
    const resolved = op.stateRules.map(resolve)
    rules = {
      all: resolved,
      requestRules: resolved.filter((r) => !r.perInstance),
      instanceRules: resolved.filter((r) => r.perInstance),
    }
    split.set(op, rules)
  }
  return rules
}

function context(
  op: MockOperation,
  store: Store,
  input: Record<string, unknown>,
  instance: Instance | undefined,
  inFlight: boolean,
  startsFrom: readonly string[],
): RuleContext {
  // The image the reset would install: the one the request names (the spec's transition `image` field), else the current one.
  const asked = op.image === null ? undefined : input[op.image]
  const imageId = typeof asked === 'string' ? asked : instance?.imageId
  const image: Image | undefined = imageId === undefined ? undefined : store.images.get(imageId)
  return {
    input,
    instance,
    inFlight,
    startsFrom,
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
  const { all, requestRules, instanceRules } = rulesOf(op)
  if (op.batch) {
    // Problems of the request as a whole are errors; problems of one instance put it in the failed list (specs/DECISIONS.md, decision 8).
    const requestCtx = context(op, store, input, undefined, false, op.transition?.from ?? [])
    const broken = firstBroken(requestRules, requestCtx)
    const ids = (input[op.batch.instances] as string[]) ?? []
    // A request-wide rule whose violation is the failed list fails every instance named.
    if (broken?.ref.errorCode === null)
      return { kind: 'ok', response: { [op.batch.failed]: [...ids] }, accepted: [], shown: [] }
    if (broken) return violation(op, broken.ref, input, broken.explain(requestCtx))
    const failed: string[] = []
    const accepted: Instance[] = []
    for (const id of ids) {
      const instance = store.instances.get(id)
      const ctx = context(op, store, input, instance, inFlight.has(id), op.transition?.from ?? [])
      // An id that names no instance can never be accepted, whichever rules the spec lists.
      if (instance && !firstBroken(instanceRules, ctx)) accepted.push(instance)
      else failed.push(id)
    }
    return { kind: 'ok', response: failed.length > 0 ? { [op.batch.failed]: failed } : {}, accepted, shown: [] }
  }
  // The field naming the one instance is the spec's (x-zc-transition instances).
  const id = String(input[op.transition?.instances ?? ''])
  const instance = store.instances.get(id)
  // Rules are checked in the spec's order, request-wide and per-instance alike: the first broken one answers.
  const ctx = context(op, store, input, instance, inFlight.has(id), op.transition?.from ?? [])
  const broken = firstBroken(all, ctx)
  if (broken) return violation(op, broken.ref, input, broken.explain(ctx))
  return { kind: 'ok', response: {}, accepted: instance ? [instance] : [], shown: [] }
}

function violation(op: MockOperation, rule: StateRuleRef, input: Record<string, unknown>, why: string): ActionOutcome {
  // A rule of the whole request (a batch's image or key pair) has no one instance to name.
  const one = op.batch ? undefined : input[op.transition?.instances ?? '']
  const subject = typeof one === 'string' ? ` for instance ${one.slice(0, 64)}` : ''
  // The generator refuses a failed-list violation on an action without a failed list; were one to get here, the
  // engine's own failure (500) says so rather than a code the spec never named.
  if (rule.errorCode === null) throw new Error(`${op.action}: rule ${rule.id} has no error code and no failed list`)
  return {
    kind: 'error',
    code: rule.errorCode,
    message: `${op.action} refused${subject}: ${why}. (Rule ${rule.id}: ${rule.description})`,
  }
}

/** The paged status list (DescribeInstancesStatus). Ids that name no instance are left out; the spec's filters apply. */
export function describe(op: MockOperation, store: Store, input: Record<string, unknown>): ActionOutcome {
  const page = op.pagination
  if (!page) throw new Error(`${op.action} has no pagination`)
  const asked = page.ids && Array.isArray(input[page.ids]) ? (input[page.ids] as string[]) : undefined
  const listed = asked
    ? [...new Set(asked)].flatMap((id) => {
        const instance = store.instances.get(id)
        return instance ? [instance] : []
      })
    : [...store.instances.values()].sort((a, b) =>
        a.instanceId < b.instanceId ? -1 : a.instanceId > b.instanceId ? 1 : 0,
      )
  // The spec's filters (x-zc-filters) judge each instance as the query would show it.
  const filtered = askedFilters(op.filters, input).length > 0
  const test = filterTest(op.filters, input)
  const matching = filtered ? listed.filter((i) => test(item(op, i))) : listed
  const size = typeof input[page.pageSize] === 'number' ? (input[page.pageSize] as number) : 20
  const number = typeof input[page.pageNumber] === 'number' ? (input[page.pageNumber] as number) : 1
  const start = (number - 1) * size
  const items = start < matching.length ? matching.slice(start, start + size) : []
  return {
    kind: 'ok',
    response: { [page.total]: matching.length, [page.items]: items.map((i) => item(op, i)) },
    accepted: [],
    shown: items.map((i) => i.instanceId),
  }
}

/**
 * One instance as the status query shows it: the spec's example item (its own id, wherever it shows it, replaced by
 * the instance's), the fields its seed gave (`item`), the image the instance runs, what resets left on it, then its
 * id and status.
 */
function item(op: MockOperation, instance: Instance): Record<string, unknown> {
  const page = op.pagination as NonNullable<MockOperation['pagination']>
  const shown: Record<string, unknown> = {}
  const template = op.itemTemplate
  if (template) {
    const ownId = template[page.itemId]
    for (const [key, value] of Object.entries(template)) shown[key] = value === ownId ? instance.instanceId : value
    if (instance.item) Object.assign(shown, instance.item)
    if (op.itemImage) shown[op.itemImage] = instance.imageId
  }
  if (instance.attributes) Object.assign(shown, instance.attributes)
  shown[page.itemId] = instance.instanceId
  shown[page.itemStatus] = instance.status
  return shown
}
