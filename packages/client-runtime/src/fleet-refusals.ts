// Why the server refused an id that a batch reply lists as failed: the reply
// gives no reason, but the status query can. Read-only, one poll per page of
// ids, and never a reason to fail the fleet: a poll that fails leaves the
// refusals as they were.
import type { ServiceClient } from './client.js'
import type { OperationDescriptor, ServiceDescriptor } from './descriptor.js'
import type { FleetOutcome } from './fleet.js'
import { poll } from './waiter.js'

/** How long the look-up may take in all: a reason is worth a moment, not a stall. */
const LOOKUP_MS = 30_000

export async function explainRefusals<Status extends string>(
  client: Pick<ServiceClient<object>, 'call' | 'config'>,
  service: ServiceDescriptor,
  op: OperationDescriptor,
  outcomes: Map<string, FleetOutcome<Status>>,
  requests: { polls: number },
  signal: AbortSignal | undefined,
): Promise<void> {
  const t = op.transition
  const observe = t ? service.operations[t.observe] : undefined
  if (!t || !observe?.pagination?.ids || signal?.aborted) return
  const silent = [...outcomes].filter(([, o]) => o.outcome === 'refused' && o.code === null).map(([id]) => id)
  if (silent.length === 0) return
  const statuses: Record<string, string | null> = {}
  let answered: Set<string>
  try {
    const clock = client.config.clock
    const started = clock()
    const left = () => LOOKUP_MS - (clock() - started)
    const perPoll = observe.pagination.maxIds ?? undefined
    answered = await poll(client, observe, silent, statuses, signal, left, perPoll, () => requests.polls++)
  } catch {
    return // the refusals stand without a reason
  }
  for (const id of silent) {
    const refused = outcomes.get(id)
    if (!answered.has(id) || refused?.outcome !== 'refused') continue
    const seen = statuses[id] ?? null
    const status = seen !== null && seen.length > 40 ? `${seen.slice(0, 40)}...` : seen
    const reason =
      status === null
        ? `no such instance: ${t.observe} does not know it`
        : t.from.includes(status)
          ? `refused while ${status}, which ${op.action} accepts: the server gave no reason`
          : `${status}: ${op.action} needs ${t.from.join(' or ')}`
    outcomes.set(id, { ...refused, reason })
  }
}
