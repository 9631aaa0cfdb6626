// Reinstalling a fleet: any number of instances in one call, the dangerous
// part done once, here, for every service. Driven by the spec: batches as
// large as the batch field allows (x-zc-batch, its maxItems), single calls
// where the action names one instance (x-zc-transition instances), one waiter
// over the status query (x-zc-pagination) for all of them.
//
// Two promises to the caller, in this order:
// - every input and option is checked before the first send (fleet-input.ts):
//   a mistake rejects with nothing sent;
// - once anything may have been sent, the method resolves, with one outcome
//   per id, whatever happens next (fleet-send.ts, fleet-follow.ts): an
//   unexpected error becomes the outcome of the ids it touched, with why.
// And the rule under both: an id whose call may have reached the server is
// never sent again.
import { harmless } from './callbacks.js'
import type { ServiceClient, ValidationOutcome } from './client.js'
import type { OperationDescriptor, ServiceDescriptor } from './descriptor.js'
import { InvalidInputError, ZenlayerError } from './errors.js'
import { follow } from './fleet-follow.js'
import { type FleetPlan, readFleet } from './fleet-input.js'
import { explainRefusals } from './fleet-refusals.js'
import { requestOf, sendAll, why } from './fleet-send.js'
import type { WaitTiming } from './waiter.js'

export { MAX_FLEET_IDS } from './fleet-input.js'
export { MAX_REQUEUES } from './fleet-send.js'

/** How long to follow the resets; `false` in FleetOptions: report accepted ids and stop. */
export interface FleetWait extends WaitTiming {
  /** Required: the longest the whole wait may take, from the last accepted call (at most 30 days). */
  readonly maxWaitSeconds: number
  /** First delay between poll rounds (default 2 s, at least 100 ms); each next one is 1.5 times longer. */
  readonly firstDelayMs?: number
  /** Longest delay between poll rounds (default 30 s). */
  readonly maxDelayMs?: number
  /** How long an instance may still show its starting status before it is reported as not started (default 120 s). */
  readonly startGraceSeconds?: number
}

export interface FleetOptions<Status extends string = string> {
  /** Follow every accepted instance to its end, at most this long, or `false`. Default: `{ maxWaitSeconds: 3600 }`. */
  readonly wait?: FleetWait | false
  /** Calls in flight at once. Default: 2 for a batch action, 8 for a single one. */
  readonly concurrency?: number
  /** Ids per batch call: at most the spec's limit, which is the default. */
  readonly batchSize?: number
  /**
   * Stops new sends at once; the ids never sent are listed as such. A call already on its way is not cut off
   * (that would not unsend it): its reply, within the client's attempt timeout, still says what became of its ids.
   */
  readonly signal?: AbortSignal
  /** Called as the fleet goes: sent, accepted, refused, unknown, running, failed, rate-limited. What it throws or rejects is dropped. */
  readonly onProgress?: (event: FleetEvent<Status>) => unknown
}

/** What became of one instance: exactly one of these. */
export type FleetOutcome<Status extends string = string> =
  /** Refused before anything was sent: the validation issue. */
  | { readonly outcome: 'invalid'; readonly code: string; readonly message: string }
  /**
   * Refused by the server: its error code and `reason` its sentence (one line, at most 300 characters, the
   * request's secrets scrubbed); or (code null) in the batch reply's failed list, which gives no reason: then
   * `reason` says what the status query showed (`RUNNING; ResetInstances needs STOPPED`).
   */
  | { readonly outcome: 'refused'; readonly code: string | null; readonly requestId?: string; readonly reason?: string }
  /** Whether the reset was applied is not known, and the statuses did not tell. */
  | { readonly outcome: 'unknown'; readonly reason: string; readonly status: Status | null }
  /** Reset, and now at the transition's end (RUNNING). */
  | { readonly outcome: 'reset'; readonly status: Status }
  /** The reset failed (the failure status) or can no longer succeed (a dead end). */
  | { readonly outcome: 'failed'; readonly status: Status }
  /** Accepted, still in flight at the wait's deadline (or when waiting had to stop: the reason says why). */
  | { readonly outcome: 'pending'; readonly status: Status | null; readonly reason?: string }
  /** Accepted; not followed (`wait: false`). */
  | { readonly outcome: 'accepted' }
  /** Never sent: cancelled first, or sending stopped (a Retry-After past the client's cap...), as the reason says. */
  | { readonly outcome: 'not-sent'; readonly reason: string }

export type FleetOutcomeKind = FleetOutcome['outcome']

export interface FleetResult<Status extends string = string> {
  readonly outcomes: Readonly<Record<string, FleetOutcome<Status>>>
  readonly totals: Readonly<Record<FleetOutcomeKind, number>>
  /** Calls made: resets (each attempt, rate-limited ones included) and status polls. */
  readonly requests: { readonly resets: number; readonly polls: number }
  readonly elapsedMs: number
}

export type FleetEvent<Status extends string = string> =
  | { readonly type: 'sent'; readonly ids: readonly string[] }
  | { readonly type: 'accepted'; readonly ids: readonly string[] }
  | { readonly type: 'refused'; readonly ids: readonly string[]; readonly code: string | null }
  | { readonly type: 'unknown'; readonly ids: readonly string[]; readonly reason: string }
  | { readonly type: 'running'; readonly ids: readonly string[] }
  | { readonly type: 'failed'; readonly ids: readonly string[]; readonly status: Status }
  | { readonly type: 'rate-limited'; readonly delayMs: number }
  /** After each round of status polls while waiting: the ids still in flight, and their last statuses counted. */
  | {
      readonly type: 'polled'
      readonly round: number
      readonly elapsedMs: number
      readonly inFlight: number
      readonly statuses: Readonly<Record<string, number>>
    }

/** The fleet's input: the action's other fields, and every instance id. */
export type FleetInput = Readonly<Record<string, unknown>> & { readonly instanceIds: readonly string[] }

/**
 * A generated fleet method's input: the action's input without its instance
 * field (`Field`), and `instanceIds`, any number of them. Each member of an
 * input union (password or keyId...) keeps its rule.
 */
export type FleetInputOf<Input, Field extends string> = (Input extends unknown ? Omit<Input, Field> : never) & {
  readonly instanceIds: readonly string[]
}

/** A request validator, as the client holds it (its `validator` option). */
type Validate = (input: unknown) => ValidationOutcome

const KINDS: readonly FleetOutcomeKind[] = [
  'invalid',
  'refused',
  'unknown',
  'reset',
  'failed',
  'pending',
  'accepted',
  'not-sent',
]

export async function resetFleet<Status extends string = string>(
  client: Pick<ServiceClient<object>, 'call' | 'config'>,
  service: ServiceDescriptor,
  op: OperationDescriptor,
  input: FleetInput,
  options: FleetOptions<Status> = {},
  validate?: Validate,
): Promise<FleetResult<Status>> {
  // Before the first send: the action, the input, every option, and each id's request.
  const t = op.transition
  const field = op.batch?.instances ?? t?.instances
  if (!t || !field) throw new ZenlayerError('NO_TRANSITION', `${op.action} starts no transition on named instances`)
  const plan = readFleet(op, input, options)
  if (plan.wait !== false && !service.operations[t.observe]?.pagination?.ids)
    throw new ZenlayerError('NO_TRANSITION', `${t.observe} cannot be asked about given instances`)
  const outcomes = new Map<string, FleetOutcome<Status>>()
  const ready = validate ? validateEach(op, field, plan, validate, outcomes) : [...plan.ids]
  const clock = client.config.clock
  const started = clock()

  // From here on nothing rejects: whatever fails becomes the outcome of the ids it touched.
  const onProgress = harmless(plan.onProgress)
  const emit = (event: FleetEvent<Status>) => onProgress?.(event)
  const requests = { resets: 0, polls: 0 }
  const sent = await sendAll(client, op, plan, ready, outcomes, requests, emit)
  await explainRefusals(client, service, op, outcomes, requests, plan.signal)
  const doubtReason = 'the call may have reached the server and its reply did not say'
  const { accepted, doubtful } = sent
  if (plan.wait === false || plan.signal?.aborted) {
    for (const id of accepted) outcomes.set(id, { outcome: 'accepted' })
    for (const id of doubtful) outcomes.set(id, { outcome: 'unknown', reason: doubtReason, status: null })
  } else {
    try {
      await follow(
        client,
        service,
        op,
        plan.wait,
        accepted,
        doubtful,
        outcomes,
        requests,
        emit,
        plan.signal,
        doubtReason,
      )
    } catch (error) {
      const reason = `waiting stopped: ${why(error)}`
      for (const id of accepted) if (!outcomes.has(id)) outcomes.set(id, { outcome: 'pending', status: null, reason })
      for (const id of doubtful)
        if (!outcomes.has(id))
          outcomes.set(id, { outcome: 'unknown', reason: `${doubtReason}; ${reason}`, status: null })
    }
  }
  return result(plan.ids, outcomes, requests, elapsed(clock, started))
}

/**
 * Each id validated in the request it will go in. An issue of the id is that id's outcome; an issue of the
 * other fields would refuse every id, so the whole fleet is refused (nothing has been sent).
 */
function validateEach<Status extends string>(
  op: OperationDescriptor,
  field: string,
  plan: FleetPlan<Status>,
  validate: Validate,
  outcomes: Map<string, FleetOutcome<Status>>,
): string[] {
  const ready: string[] = []
  for (const id of plan.ids) {
    const verdict = validate(requestOf(plan, field, op, [id]))
    if (verdict.ok) {
      ready.push(id)
      continue
    }
    const own = verdict.issues.filter(
      (i) => i.path === field || i.path.startsWith(`${field}[`) || i.path.startsWith(`${field}.`),
    )
    const other = verdict.issues.find((i) => !own.includes(i))
    if (other) throw new InvalidInputError(other.code, verdict.issues, op.action)
    outcomes.set(id, { outcome: 'invalid', code: verdict.code, message: own.map((i) => i.message).join('; ') })
  }
  return ready
}

/** The elapsed time, or 0 when the clock itself fails: the outcomes matter more. */
function elapsed(clock: () => number, started: number): number {
  try {
    return clock() - started
  } catch {
    return 0
  }
}

/** One outcome per id, in the order given, and the totals. */
function result<Status extends string>(
  ids: readonly string[],
  outcomes: Map<string, FleetOutcome<Status>>,
  requests: { resets: number; polls: number },
  elapsedMs: number,
): FleetResult<Status> {
  const ordered: Record<string, FleetOutcome<Status>> = {}
  const totals = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<FleetOutcomeKind, number>
  for (const id of ids) {
    const outcome =
      outcomes.get(id) ?? ({ outcome: 'unknown', reason: 'no outcome was recorded', status: null } as const)
    ordered[id] = outcome
    totals[outcome.outcome]++
  }
  return { outcomes: ordered, totals, requests, elapsedMs }
}
