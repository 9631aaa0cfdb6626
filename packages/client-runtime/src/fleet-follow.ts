// The fleet's wait: one waiter for every accepted instance (and every one
// whose call may have reached the server), over the status query named by
// the transition (x-zc-transition observe, x-zc-pagination). Its options were
// checked before the first send (fleet-input.ts); here it only decides.
import type { CallOptions, ServiceClient } from './client.js'
import type { OperationDescriptor, ServiceDescriptor } from './descriptor.js'
import type { FleetEvent, FleetOutcome, FleetWait } from './fleet.js'
import { judge, poll } from './waiter.js'

/** One waiter for the whole fleet: polls only ids still in flight, as many per call as the status query takes. */
export async function follow<Status extends string>(
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
  const observe = service.operations[t.observe] as OperationDescriptor & {
    pagination: NonNullable<OperationDescriptor['pagination']>
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
  let rounds = 0
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
      rounds++
      // Every round says where the fleet stands, so a progress bar moves during a long reinstall.
      emit({
        type: 'polled',
        round: rounds,
        elapsedMs: clock() - started,
        inFlight: pending.length,
        statuses: tally(pending, statuses),
      })
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

/** How many of `ids` were last seen in each status (`unseen` before a poll found them). */
function tally(ids: readonly string[], statuses: Record<string, string | null>): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const id of ids) {
    const status = statuses[id] ?? 'unseen'
    counts[status] = (counts[status] ?? 0) + 1
  }
  return counts
}
