// The ids an earlier run may have reset, whose fate its journal does not
// tell: never sent again, followed by their statuses with the client's
// waiter. The waiter stops at the first instance that fails, is not found or
// never started; each stop settles those instances and the wait goes on for
// the others, so every id ends with an outcome.
import {
  type FleetOutcome,
  type ServiceClient,
  type ServiceDescriptor,
  WaiterError,
  type WaitProgress,
  waitUntil,
} from '@zenlayer-reset/client-runtime'

type Client = Pick<ServiceClient<object>, 'call' | 'config'>

export async function followInFlight(
  client: Client,
  service: ServiceDescriptor,
  action: string,
  ids: readonly string[],
  wait: { maxWaitSeconds: number } | false,
  signal: AbortSignal,
  clock: () => number = Date.now,
): Promise<{ outcomes: Map<string, FleetOutcome>; polls: number }> {
  const outcomes = new Map<string, FleetOutcome>()
  const op = service.operations[action]
  const unknown = (reason: string, status: string | null = null): FleetOutcome => ({
    outcome: 'unknown',
    reason,
    status,
  })
  const earlier = 'sent by an earlier run (journal)'
  if (!op || wait === false) {
    for (const id of ids) outcomes.set(id, unknown(`${earlier}; not followed (--no-wait)`))
    return { outcomes, polls: 0 }
  }
  const deadline = clock() + wait.maxWaitSeconds * 1000
  let remaining = [...ids]
  let polls = 0
  // Seen at the end state in any round: reset, even if a later round (cut short by the deadline) did not ask again.
  const reached = new Map<string, string>()
  while (remaining.length > 0) {
    let last: WaitProgress | undefined
    const seconds = Math.max(1, Math.ceil((deadline - clock()) / 1000))
    try {
      const done = await waitUntil(client, service, op, {
        instanceIds: remaining,
        maxWaitSeconds: seconds,
        // An id still in its first status after this long was most likely never applied; it is not sent again.
        startGraceSeconds: Math.min(120, seconds),
        signal,
        onProgress: (p) => {
          last = p
          for (const id of p.done) reached.set(id, p.statuses[id] as string)
        },
      })
      polls += done.polls
      for (const id of remaining) outcomes.set(id, { outcome: 'reset', status: done.statuses[id] as string })
      return { outcomes, polls }
    } catch (error) {
      polls += last?.polls ?? 0
      for (const [id, status] of reached) outcomes.set(id, { outcome: 'reset', status })
      if (!(error instanceof WaiterError)) {
        const reason = `${earlier}; waiting stopped: ${(error as Error)?.message ?? String(error)}`
        for (const id of remaining) if (!outcomes.has(id)) outcomes.set(id, unknown(reason, last?.statuses[id] ?? null))
        return { outcomes, polls }
      }
      for (const [id, status] of Object.entries(error.instances as Record<string, string | null>)) {
        if (reached.has(id) || error.code === 'WAIT_TIMEOUT') continue
        if (error.code === 'RESET_FAILED') outcomes.set(id, { outcome: 'failed', status: status as string })
        else if (error.code === 'INSTANCE_NOT_FOUND') outcomes.set(id, unknown(`${earlier}; no such instance now`))
        else outcomes.set(id, unknown(`${earlier}; still ${status}: probably never applied, not sent again`, status))
      }
      remaining = remaining.filter((id) => !outcomes.has(id))
      if (error.code === 'WAIT_TIMEOUT' || clock() >= deadline || signal.aborted) {
        for (const id of remaining) {
          const status = last?.statuses[id] ?? null
          // Still where a reset starts from, at the deadline: no evidence it was ever applied, nor that it was not.
          outcomes.set(
            id,
            status !== null && op.transition?.from.includes(status)
              ? unknown(`${earlier}; still ${status}: probably never applied, not sent again`, status)
              : { outcome: 'pending', status, reason: earlier },
          )
        }
        return { outcomes, polls }
      }
    }
  }
  return { outcomes, polls }
}
