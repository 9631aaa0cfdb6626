// Waiting for instances to finish a transition (x-zc-transition in the spec):
// polls the observing action (DescribeInstancesStatus) with growing delays
// until every instance reaches `to`, and gives up early wherever waiting can
// no longer help. Errors that will not clear (credentials, permissions, bad
// input, unknown ids) end the wait at once; rate limiting and server or
// network trouble only cost a poll.
import type { ServiceClient } from './client.js'
import type { OperationDescriptor, ServiceDescriptor, TransitionDescriptor } from './descriptor.js'
import { ApiError, EdgeBlockedError, InvalidInputError, WaiterError, ZenlayerError } from './errors.js'
import { MAX_TIMER_MS } from './timing.js'

/** The observing action's request and reply fields (DescribeInstancesStatus on both services). */
/** At most this many ids per poll, the observing action's limit. */
export const IDS_PER_POLL = 100
/** The shortest delay between polls a caller may ask for: a waiter must not flood the API. */
export const MIN_POLL_DELAY_MS = 100
/** How long a poll may take when the wait's time is up: the waiter ends at most this long after its deadline. */
const LAST_POLL_MS = 1000
/** The longest wait a caller may ask for: 30 days, far past any reinstall. */
const MAX_WAIT_MS = 30 * 24 * 3600 * 1000

export interface WaitOptions<Status extends string = string> {
  readonly instanceIds: readonly string[]
  /** Required: the longest the whole wait may take. */
  readonly maxWaitSeconds: number
  readonly signal?: AbortSignal
  /** Called after every poll. */
  readonly onProgress?: (progress: WaitProgress<Status>) => void
  /** First delay between polls (default 2 s, at least 100 ms); each next one is 1.5 times longer. */
  readonly firstDelayMs?: number
  /** Longest delay between polls (default 30 s). */
  readonly maxDelayMs?: number
  /** How long an instance may still show its starting status (STOPPED) before the wait fails (default 120 s). */
  readonly startGraceSeconds?: number
}

/**
 * `Status` is the service's status union (generated clients pass theirs: the
 * spec's statuses, open to one the vendor adds later).
 */
export interface WaitProgress<Status extends string = string> {
  readonly elapsedMs: number
  readonly polls: number
  /** Last status of each instance; null before it was first seen. */
  readonly statuses: Readonly<Record<string, Status | null>>
  readonly done: readonly string[]
  readonly pending: readonly string[]
}

export interface WaitResult<Status extends string = string> {
  readonly elapsedMs: number
  readonly polls: number
  readonly statuses: Readonly<Record<string, Status>>
}

function isFatal(error: unknown): boolean {
  if (error instanceof InvalidInputError || error instanceof EdgeBlockedError) return true
  if (error instanceof ApiError)
    return error.status === 400 || error.status === 401 || error.status === 403 || error.status === 404
  return !(error instanceof ZenlayerError)
}

/** The timing a wait takes: how long in all, between polls, and the grace before a reset must have started. */
export interface WaitTiming {
  readonly maxWaitSeconds: number
  readonly firstDelayMs?: number
  readonly maxDelayMs?: number
  readonly startGraceSeconds?: number
}

/**
 * Checks a wait's timing before anything is sent or polled (the waiter's and the fleet's, one rule): every
 * value a finite number a timer can hold. `prefix` names where the options sit (`wait.` in a fleet's options).
 */
export function checkWaitTiming(timing: Partial<Record<keyof WaitTiming, unknown>>, prefix: string): void {
  const wrong = (message: string) => new ZenlayerError('INVALID_WAIT', `${prefix}${message}`)
  const seconds = timing.maxWaitSeconds
  if (typeof seconds !== 'number' || !(seconds > 0) || !(seconds * 1000 <= MAX_WAIT_MS)) {
    throw wrong(`maxWaitSeconds must be a positive, finite number of seconds, at most ${MAX_WAIT_MS / 1000}`)
  }
  for (const key of ['firstDelayMs', 'maxDelayMs'] as const) {
    const v = timing[key]
    if (v !== undefined && !(typeof v === 'number' && v >= MIN_POLL_DELAY_MS && v <= MAX_TIMER_MS)) {
      throw wrong(`${key} must be a finite number of milliseconds from ${MIN_POLL_DELAY_MS} to ${MAX_TIMER_MS}`)
    }
  }
  const grace = timing.startGraceSeconds
  if (grace !== undefined && !(typeof grace === 'number' && grace >= 0 && Number.isFinite(grace))) {
    throw wrong('startGraceSeconds must be a finite number of seconds, at least 0')
  }
}

export async function waitUntil<Status extends string = string>(
  client: Pick<ServiceClient<object>, 'call' | 'config'>,
  service: ServiceDescriptor,
  op: OperationDescriptor,
  options: WaitOptions<Status>,
): Promise<WaitResult<Status>> {
  const clock = { now: client.config.clock }
  const t = op.transition
  if (!t) throw new ZenlayerError('NO_TRANSITION', `${op.action} starts no transition to wait for`)
  const observe = service.operations[t.observe]
  if (!observe) throw new ZenlayerError('NO_TRANSITION', `${t.observe} is not an action of ${service.name}`)
  // The field names the waiter reads and sends are the spec's (x-zc-pagination): none is written here.
  if (!observe.pagination?.ids) {
    throw new ZenlayerError(
      'NO_TRANSITION',
      `${t.observe} cannot be asked about given instances (no x-zc-pagination ids)`,
    )
  }
  if (options === null || typeof options !== 'object') {
    throw new ZenlayerError('INVALID_WAIT', 'options must be an object: { instanceIds, maxWaitSeconds }')
  }
  checkWaitTiming(options, '')
  if (!Array.isArray(options.instanceIds) || !options.instanceIds.every((id) => typeof id === 'string' && id !== '')) {
    throw new ZenlayerError('INVALID_WAIT', 'instanceIds must be an array of instance ids (non-empty strings)')
  }
  const ids = [...new Set(options.instanceIds)]
  if (ids.length === 0) throw new ZenlayerError('INVALID_WAIT', 'instanceIds is empty: nothing to wait for')

  const started = clock.now()
  const limitMs = options.maxWaitSeconds * 1000
  const graceMs = (options.startGraceSeconds ?? 120) * 1000
  const maxDelay = options.maxDelayMs ?? 30_000
  let delay = options.firstDelayMs ?? 2_000
  const statuses: Record<string, string | null> = Object.fromEntries(ids.map((id) => [id, null]))
  // What the server answered, typed as the caller's status union (an open one: any string the reply carries).
  const typed = (s: Record<string, string | null>) => s as Record<string, Status | null>
  const moved = new Set<string>()
  // Every poll is bounded by what is left of the wait, so a poll that hangs
  // cannot hold the waiter past its deadline.
  const left = () => limitMs - (clock.now() - started)
  for (let polls = 1; ; polls++) {
    const seen = await poll(client, observe, ids, statuses, options.signal, left)
    const elapsedMs = clock.now() - started
    const verdict = judge(t, ids, statuses, seen, moved, elapsedMs > graceMs)
    options.onProgress?.({
      elapsedMs,
      polls,
      statuses: typed({ ...statuses }),
      done: verdict.done,
      pending: verdict.pending,
    })
    if (Object.keys(verdict.failed).length > 0) {
      throw new WaiterError(
        'RESET_FAILED',
        `${op.action}: ${describe(verdict.failed)} cannot reach ${t.to}`,
        verdict.failed,
      )
    }
    if (verdict.missing.length > 0) {
      throw new WaiterError(
        'INSTANCE_NOT_FOUND',
        `${op.action}: no such instance: ${describe(pick(statuses, verdict.missing))}`,
        pick(statuses, verdict.missing),
      )
    }
    if (verdict.notStarted.length > 0) {
      const stuck = pick(statuses, verdict.notStarted)
      throw new WaiterError(
        'RESET_NOT_STARTED',
        `${op.action}: ${describe(stuck)} did not start within ${graceMs / 1000} s`,
        stuck,
      )
    }
    if (verdict.pending.length === 0) return { elapsedMs, polls, statuses: statuses as Record<string, Status> }
    const remaining = limitMs - elapsedMs
    if (remaining <= 0) {
      const left = pick(statuses, verdict.pending)
      throw new WaiterError(
        'WAIT_TIMEOUT',
        `${op.action}: ${describe(left)} not ${t.to} after ${options.maxWaitSeconds} s`,
        left,
      )
    }
    await client.config.sleep(Math.min(delay, remaining), options.signal)
    delay = Math.min(Math.round(delay * 1.5), maxDelay)
  }
}

/**
 * One round of polls, at most `perPoll` ids each (the status query's own limit,
 * by default IDS_PER_POLL). Returns the ids whose poll answered; `onPoll` counts them.
 */
export async function poll(
  client: Pick<ServiceClient<object>, 'call' | 'config'>,
  observe: OperationDescriptor,
  ids: readonly string[],
  statuses: Record<string, string | null>,
  signal: AbortSignal | undefined,
  left: () => number,
  perPoll: number = IDS_PER_POLL,
  onPoll?: () => void,
): Promise<Set<string>> {
  const answered = new Set<string>()
  const page = observe.pagination as NonNullable<OperationDescriptor['pagination']>
  const idsField = page.ids as string
  for (let i = 0; i < ids.length; i += perPoll) {
    const chunk = ids.slice(i, i + perPoll)
    // The round's first poll always runs (a wait that ends at its deadline
    // still looks once more), bounded by what is left of the wait, or 1 s.
    if (i > 0 && left() <= 0) break
    const timeoutMs = Math.min(Math.max(Math.ceil(left()), LAST_POLL_MS), client.config.callTimeoutMs)
    let reply: Record<string, unknown>
    try {
      const options = signal ? { signal, timeoutMs } : { timeoutMs }
      onPoll?.()
      reply = await client.call(observe, { [idsField]: chunk, [page.pageSize]: chunk.length }, options)
    } catch (error) {
      if (signal?.aborted) throw signal.reason
      if (isFatal(error)) throw error
      continue // rate limited past the retries, or server/network trouble: poll again next round
    }
    for (const id of chunk) answered.add(id)
    const items = Array.isArray(reply[page.items]) ? (reply[page.items] as Record<string, unknown>[]) : []
    // One status per id: an id listed twice with two statuses is no evidence of either.
    const shown = new Map<string, string | undefined>()
    for (const item of items) {
      const id = String(item[page.itemId])
      const status = String(item[page.itemStatus])
      shown.set(id, shown.has(id) && shown.get(id) !== status ? undefined : status)
    }
    for (const id of chunk) {
      if (!shown.has(id)) statuses[id] = null
      else if (shown.get(id) === undefined) answered.delete(id)
      else statuses[id] = shown.get(id) as string
    }
  }
  return answered
}

export interface Verdict {
  done: string[]
  pending: string[]
  failed: Record<string, string>
  missing: string[]
  notStarted: string[]
}

export function judge(
  t: TransitionDescriptor,
  ids: readonly string[],
  statuses: Record<string, string | null>,
  answered: Set<string>,
  moved: Set<string>,
  pastGrace: boolean,
): Verdict {
  const v: Verdict = { done: [], pending: [], failed: {}, missing: [], notStarted: [] }
  for (const id of ids) {
    const status = statuses[id] ?? null
    if (!answered.has(id)) v.pending.push(id)
    else if (status === null) v.missing.push(id)
    // A status the transition may also start from (bmc reinstalls RUNNING and INSTALL_FAILED servers) is no
    // evidence of the end until the instance was seen to move: until then it is read as not started yet.
    else if (t.from.includes(status) && !moved.has(id)) {
      if (pastGrace) v.notStarted.push(id)
      else v.pending.push(id)
    } else if (status === t.to) v.done.push(id)
    else if (status === t.failure || t.deadEnds.includes(status)) v.failed[id] = status
    // Back at the start after having moved: the transition ended without success.
    else if (t.from.includes(status)) v.failed[id] = status
    else {
      moved.add(id)
      v.pending.push(id)
    }
  }
  return v
}

function pick(statuses: Record<string, string | null>, ids: readonly string[]): Record<string, string | null> {
  return Object.fromEntries(ids.map((id) => [id, statuses[id] ?? null]))
}

/** The instances for a message: each status cut to 40 characters, at most 20 instances named. */
function describe(instances: Record<string, string | null>): string {
  const entries = Object.entries(instances)
  const shown = entries
    .slice(0, 20)
    .map(([id, status]) => `${clip(id)} (${status === null ? 'not seen' : clip(status)})`)
    .join(', ')
  return entries.length > 20 ? `${shown} and ${entries.length - 20} more` : shown
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}...` : text
}
