// Reinstalling a fleet: any number of instances in one call, the dangerous
// part done once, here, for every service. Driven by the spec: batches as
// large as the batch field allows (x-zc-batch, its maxItems), single calls
// where the action names one instance (x-zc-transition instances), one waiter
// over the status query (x-zc-pagination) for all of them.
//
// The one rule that matters: an id whose call may have reached the server is
// never sent again. Only failures that prove nothing was applied (rate
// limiting, a connection refused before any byte left) put a call back in the
// queue; everything else ends that call's ids, and an id whose fate the reply
// does not tell is reported unknown until the statuses show it.
import type { CallOptions, ServiceClient, ValidationOutcome } from './client.js'
import type { OperationDescriptor, ServiceDescriptor } from './descriptor.js'
import { ApiError, InvalidInputError, ZenlayerError } from './errors.js'
import { backoffMs, retryReason } from './retry.js'
import { judge, MIN_POLL_DELAY_MS, poll } from './waiter.js'

/** How long to follow the resets; `false` in FleetOptions: report accepted ids and stop. */
export interface FleetWait {
  /** Required: the longest the whole wait may take, from the last accepted call. */
  readonly maxWaitSeconds: number
  /** First delay between poll rounds (default 2 s, at least 100 ms); each next one is 1.5 times longer. */
  readonly firstDelayMs?: number
  /** Longest delay between poll rounds (default 30 s). */
  readonly maxDelayMs?: number
  /** How long an instance may still show its starting status before it is reported as not started (default 120 s). */
  readonly startGraceSeconds?: number
}

export interface FleetOptions<Status extends string = string> {
  /** Follow every accepted instance to its end (a required maximum), or `false`. */
  readonly wait: FleetWait | false
  /** Calls in flight at once. Default: 2 for a batch action, 8 for a single one. */
  readonly concurrency?: number
  /** Ids per batch call: at most the spec's limit, which is the default. */
  readonly batchSize?: number
  /** Stops new sends at once; the ids never sent are listed as such. */
  readonly signal?: AbortSignal
  /** Called as the fleet goes: sent, accepted, refused, unknown, running, failed, rate-limited. */
  readonly onProgress?: (event: FleetEvent<Status>) => void
}

/** What became of one instance: exactly one of these. */
export type FleetOutcome<Status extends string = string> =
  /** Refused before anything was sent: the validation issue. */
  | { readonly outcome: 'invalid'; readonly code: string; readonly message: string }
  /** Refused by the server: its error code, or (code null) in the batch reply's failed list. */
  | { readonly outcome: 'refused'; readonly code: string | null; readonly requestId?: string }
  /** Whether the reset was applied is not known, and the statuses did not tell. */
  | { readonly outcome: 'unknown'; readonly reason: string; readonly status: Status | null }
  /** Reset, and now at the transition's end (RUNNING). */
  | { readonly outcome: 'reset'; readonly status: Status }
  /** The reset failed (the failure status) or can no longer succeed (a dead end). */
  | { readonly outcome: 'failed'; readonly status: Status }
  /** Accepted, still in flight at the wait's deadline. */
  | { readonly outcome: 'pending'; readonly status: Status | null }
  /** Accepted; not followed (`wait: false`). */
  | { readonly outcome: 'accepted' }
  /** Never sent: cancelled first. */
  | { readonly outcome: 'not-sent' }

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

/** How many times one call may meet rate limiting or a refused connection before its ids are reported refused. */
export const MAX_REQUEUES = 8

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
  options: FleetOptions<Status>,
  validate?: Validate,
): Promise<FleetResult<Status>> {
  const clock = client.config.clock
  const started = clock()
  const t = op.transition
  const field = op.batch?.instances ?? t?.instances
  if (!t || !field) throw new ZenlayerError('NO_TRANSITION', `${op.action} starts no transition on named instances`)
  const { instanceIds, ...rest } = input ?? ({} as FleetInput)
  if (!Array.isArray(instanceIds)) throw refusal(op, 'instanceIds', 'instanceIds must be a list of instance ids')
  const seen = new Set<string>()
  for (const [i, id] of instanceIds.entries()) {
    if (typeof id !== 'string' || id === '')
      throw refusal(op, `instanceIds[${i}]`, `instanceIds[${i}] must be a non-empty string`)
    if (seen.has(id))
      throw refusal(op, `instanceIds[${i}]`, `instanceIds[${i}] repeats ${clip(id)}: an instance is reset once`)
    seen.add(id)
  }
  if (options === null || typeof options !== 'object' || options.wait === undefined) {
    throw new ZenlayerError(
      'INVALID_WAIT',
      'options.wait is required: { maxWaitSeconds } to follow the resets, or false',
    )
  }
  const outcomes = new Map<string, FleetOutcome<Status>>()
  const emit = (event: FleetEvent<Status>) => {
    try {
      options.onProgress?.(event)
    } catch {
      // a progress callback's failure is not the fleet's
    }
  }
  const requestOf = (ids: readonly string[]) => ({ ...rest, [field]: op.batch ? ids : ids[0] })

  // Validated once before anything is sent: each id in the request it will go in. An issue of the id is that
  // id's outcome; an issue of the other fields would refuse every id, so the whole fleet is refused.
  let ready = [...instanceIds]
  if (validate) {
    ready = []
    for (const id of instanceIds) {
      const verdict = validate(requestOf([id]))
      if (verdict.ok) ready.push(id)
      else {
        const own = verdict.issues.filter(
          (i) => i.path === field || i.path.startsWith(`${field}[`) || i.path.startsWith(`${field}.`),
        )
        const other = verdict.issues.find((i) => !own.includes(i))
        if (other) throw new InvalidInputError(other.code, verdict.issues, op.action)
        outcomes.set(id, { outcome: 'invalid', code: verdict.code, message: own.map((i) => i.message).join('; ') })
      }
    }
  }

  // Batches as large as the spec allows (a smaller batchSize if asked); one id per call for a single action.
  const limit = op.batch ? (op.batch.maxIds ?? 100) : 1
  const size = op.batch ? Math.max(1, Math.min(limit, Math.floor(options.batchSize ?? limit))) : 1
  const queue: { ids: string[]; requeues: number }[] = []
  for (let i = 0; i < ready.length; i += size) queue.push({ ids: ready.slice(i, i + size), requeues: 0 })
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? (op.batch ? 2 : 8)))
  const requests = { resets: 0, polls: 0 }
  const accepted: string[] = []
  const unknown: string[] = []
  // One pace for every worker: rate limiting anywhere holds every next send until it passes.
  let resumeAt = 0
  let limitedInARow = 0
  const signal = options.signal

  const settle = (ids: readonly string[], outcome: FleetOutcome<Status>) => {
    for (const id of ids) outcomes.set(id, outcome)
  }
  const worker = async () => {
    for (;;) {
      if (signal?.aborted) return
      const wait = resumeAt - clock()
      if (wait > 0) {
        try {
          await client.config.sleep(wait, signal)
        } catch {
          return // cancelled while held: the queue's ids are never sent
        }
        continue
      }
      const job = queue.shift()
      if (!job) return
      requests.resets++
      emit({ type: 'sent', ids: job.ids })
      const callOptions: CallOptions = signal ? { retry: false, signal } : { retry: false }
      try {
        const reply = (await client.call(op, requestOf(job.ids), callOptions)) as Record<string, unknown>
        limitedInARow = 0
        const failed = new Set(op.batch ? ((reply.failedInstanceIds as string[] | undefined) ?? []) : [])
        const ok = job.ids.filter((id) => !failed.has(id))
        const refused = job.ids.filter((id) => failed.has(id))
        accepted.push(...ok)
        if (ok.length > 0) emit({ type: 'accepted', ids: ok })
        if (refused.length > 0) {
          const requestId = typeof reply.requestId === 'string' ? reply.requestId : undefined
          settle(
            refused,
            requestId ? { outcome: 'refused', code: null, requestId } : { outcome: 'refused', code: null },
          )
          emit({ type: 'refused', ids: refused, code: null })
        }
      } catch (error) {
        if (notApplied(error) && job.requeues < MAX_REQUEUES && !signal?.aborted) {
          // Provably not applied: back to the front of the queue, after the shared pause.
          job.requeues++
          limitedInARow++
          const hinted = (error as { retryAfterMs?: number }).retryAfterMs
          const delay = Math.max(
            backoffMs(Math.min(limitedInARow, 6), client.config.retry, client.config.random),
            hinted ?? 0,
          )
          resumeAt = Math.max(resumeAt, clock() + delay)
          emit({ type: 'rate-limited', delayMs: delay })
          queue.unshift(job)
          continue
        }
        if (error instanceof ZenlayerError && !error.mayHaveBeenApplied) {
          const requestId = error instanceof ApiError ? error.requestId : undefined
          settle(
            job.ids,
            requestId ? { outcome: 'refused', code: error.code, requestId } : { outcome: 'refused', code: error.code },
          )
          emit({ type: 'refused', ids: job.ids, code: error.code })
        } else {
          // It may have reached the server: never sent again; the statuses may tell.
          unknown.push(...job.ids)
          const reason = error instanceof ZenlayerError ? error.code : signal?.aborted ? 'CANCELLED' : 'UNEXPECTED'
          emit({ type: 'unknown', ids: job.ids, reason })
        }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker))
  for (const job of queue) settle(job.ids, { outcome: 'not-sent' })
  const unknownReason = 'the call may have reached the server and its reply did not say'

  if (options.wait === false || signal?.aborted) {
    settle(accepted, { outcome: 'accepted' })
    settle(unknown, { outcome: 'unknown', reason: unknownReason, status: null })
  } else {
    await follow(client, service, op, options.wait, accepted, unknown, outcomes, requests, emit, signal, unknownReason)
  }

  const ordered: Record<string, FleetOutcome<Status>> = {}
  const totals = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<FleetOutcomeKind, number>
  for (const id of instanceIds) {
    const outcome =
      outcomes.get(id) ?? ({ outcome: 'unknown', reason: 'no outcome was recorded', status: null } as const)
    ordered[id] = outcome
    totals[outcome.outcome]++
  }
  return { outcomes: ordered, totals, requests, elapsedMs: clock() - started }
}

/**
 * A failure that proves the server did not act and that waiting helps (rate limiting, a connection never
 * made): the client's own rule for retrying a non-idempotent call (retry.ts), so the two cannot disagree.
 */
function notApplied(error: unknown): boolean {
  return error instanceof ZenlayerError && retryReason(error, false) !== undefined
}

/** One waiter for the whole fleet: polls only ids still in flight, as many per call as the status query takes. */
async function follow<Status extends string>(
  client: Pick<ServiceClient<object>, 'call' | 'config'>,
  service: ServiceDescriptor,
  op: OperationDescriptor,
  wait: FleetWait,
  accepted: readonly string[],
  unknown: readonly string[],
  outcomes: Map<string, FleetOutcome<Status>>,
  requests: { resets: number; polls: number },
  emit: (event: FleetEvent<Status>) => void,
  signal: AbortSignal | undefined,
  unknownReason: string,
): Promise<void> {
  const t = op.transition as NonNullable<OperationDescriptor['transition']>
  const observe = service.operations[t.observe]
  if (!observe?.pagination?.ids)
    throw new ZenlayerError('NO_TRANSITION', `${t.observe} cannot be asked about given instances`)
  if (!(wait.maxWaitSeconds > 0) || !Number.isFinite(wait.maxWaitSeconds))
    throw new ZenlayerError('INVALID_WAIT', 'wait.maxWaitSeconds must be a positive, finite number of seconds')
  for (const [name, value] of [
    ['firstDelayMs', wait.firstDelayMs],
    ['maxDelayMs', wait.maxDelayMs],
  ] as const) {
    if (value !== undefined && !(value >= MIN_POLL_DELAY_MS))
      throw new ZenlayerError('INVALID_WAIT', `wait.${name} must be at least ${MIN_POLL_DELAY_MS} ms`)
  }
  const clock = client.config.clock
  const started = clock()
  const limitMs = wait.maxWaitSeconds * 1000
  const graceMs = (wait.startGraceSeconds ?? 120) * 1000
  const maxDelay = wait.maxDelayMs ?? 30_000
  let delay = wait.firstDelayMs ?? 2_000
  const perPoll = observe.pagination.maxIds ?? 100
  const doubtful = new Set(unknown)
  let pending = [...accepted, ...unknown]
  const statuses: Record<string, string | null> = Object.fromEntries(pending.map((id) => [id, null]))
  const moved = new Set<string>()
  const left = () => limitMs - (clock() - started)
  const decide = (ids: readonly string[], outcome: (id: string) => FleetOutcome<Status>) => {
    for (const id of ids) outcomes.set(id, outcome(id))
  }
  const status = (id: string) => (statuses[id] ?? null) as Status | null
  for (;;) {
    if (pending.length > 0 && !signal?.aborted) {
      let answered: Set<string>
      try {
        // Many ids still in flight: every instance, a page of the largest size at a time, costs fewer calls.
        const pageSize = observe.pagination.maxPageSize
        answered =
          pageSize !== null && pending.length > 2 * perPoll
            ? await listAll(client, observe, pending, statuses, signal, left, pageSize, () => requests.polls++)
            : await poll(client, observe, pending, statuses, signal, left, perPoll, () => requests.polls++)
      } catch {
        answered = new Set() // cancelled, or an error that will not clear: what is known stands
        if (!signal?.aborted) break
      }
      const v = judge(t, pending, statuses, answered, moved, clock() - started > graceMs)
      if (v.done.length > 0) {
        decide(v.done, (id) => ({ outcome: 'reset', status: status(id) as Status }))
        emit({ type: 'running', ids: v.done })
      }
      for (const [id, s] of Object.entries(v.failed)) {
        outcomes.set(id, { outcome: 'failed', status: s as Status })
        emit({ type: 'failed', ids: [id], status: s as Status })
      }
      decide(v.missing, () => ({ outcome: 'unknown', reason: `${t.observe} does not know the instance`, status: null }))
      decide(v.notStarted, (id) => ({
        outcome: 'unknown',
        reason: doubtful.has(id)
          ? `${unknownReason}, and it still shows ${statuses[id]}: probably never applied`
          : `accepted, but still ${statuses[id]} after ${graceMs / 1000} s: the reset did not start`,
        status: status(id),
      }))
      const decided = new Set([...v.done, ...Object.keys(v.failed), ...v.missing, ...v.notStarted])
      pending = pending.filter((id) => !decided.has(id))
    }
    if (pending.length === 0) return
    const remaining = left()
    if (remaining <= 0 || signal?.aborted) break
    try {
      await client.config.sleep(Math.min(delay, remaining), signal)
    } catch {
      break
    }
    delay = Math.min(Math.round(delay * 1.5), maxDelay)
  }
  // The deadline (or cancellation): what is still in flight, as last seen.
  decide(pending, (id) =>
    doubtful.has(id)
      ? { outcome: 'unknown', reason: unknownReason, status: status(id) }
      : { outcome: 'pending', status: status(id) },
  )
}

/**
 * Every instance's status, page by page at the largest page size: what a poll by ids would tell, in fewer
 * calls when most of the account is in flight. An id no page lists is not known to the service (null).
 * A page that fails ends the round: the ids not yet seen are not answered this round.
 */
async function listAll(
  client: Pick<ServiceClient<object>, 'call' | 'config'>,
  observe: OperationDescriptor,
  ids: readonly string[],
  statuses: Record<string, string | null>,
  signal: AbortSignal | undefined,
  left: () => number,
  pageSize: number,
  onPoll: () => void,
): Promise<Set<string>> {
  const page = observe.pagination as NonNullable<OperationDescriptor['pagination']>
  const wanted = new Set(ids)
  const shown = new Map<string, string>()
  let total = Number.POSITIVE_INFINITY
  for (let n = 1; (n - 1) * pageSize < total; n++) {
    if (n > 1 && left() <= 0) return new Set()
    const timeoutMs = Math.min(Math.max(Math.ceil(left()), 1000), client.config.callTimeoutMs)
    let reply: Record<string, unknown>
    try {
      onPoll()
      const options: CallOptions = signal ? { signal, timeoutMs } : { timeoutMs }
      reply = await client.call(observe, { [page.pageNumber]: n, [page.pageSize]: pageSize }, options)
    } catch {
      if (signal?.aborted) throw signal.reason
      return new Set() // this round tells nothing; the next one asks again
    }
    total = typeof reply[page.total] === 'number' ? (reply[page.total] as number) : 0
    const items = Array.isArray(reply[page.items]) ? (reply[page.items] as Record<string, unknown>[]) : []
    for (const item of items) {
      const id = String(item[page.itemId])
      if (wanted.has(id)) shown.set(id, String(item[page.itemStatus]))
    }
    if (items.length === 0) break
  }
  for (const id of ids) statuses[id] = shown.get(id) ?? null
  return new Set(ids)
}

function refusal(op: OperationDescriptor, path: string, message: string): InvalidInputError {
  return new InvalidInputError(
    'INVALID_FLEET_INPUT',
    [{ path, rule: 'fleet', message, code: 'INVALID_FLEET_INPUT' }],
    op.action,
  )
}

function clip(text: string): string {
  return text.length > 64 ? `${text.slice(0, 64)}...` : text
}
