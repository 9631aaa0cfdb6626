// The fleet's sending: batches through a few workers sharing one pace, and
// the one rule that matters: an id whose call may have reached the server is
// never sent again. Only failures that prove nothing was applied (rate
// limiting, a connection refused before any byte left) put a call back in the
// queue; everything else ends that call's ids, and an id whose fate the reply
// does not tell is left for the statuses to tell.
//
// Nothing here may reject: whatever goes wrong once a call may have gone out
// becomes the outcome of the ids it touched, and the rest are not sent, with why.
import type { CallOptions, ServiceClient } from './client.js'
import type { OperationDescriptor } from './descriptor.js'
import { ApiError, ZenlayerError } from './errors.js'
import type { FleetEvent, FleetOutcome } from './fleet.js'
import type { FleetPlan } from './fleet-input.js'
import { clip, oneLine } from './one-line.js'
import { backoffMs, DEFAULT_RETRY, type RetryPolicy, retryReason } from './retry.js'

/** How many times one call may meet rate limiting or a refused connection before its ids are reported refused. */
export const MAX_REQUEUES = 8

/** What sending left for the wait: ids the server took, and ids whose call may have reached it. */
export interface Sent {
  readonly accepted: string[]
  readonly doubtful: string[]
}

interface Job {
  readonly ids: string[]
  requeues: number
}

type Client = Pick<ServiceClient<object>, 'call' | 'config'>

export async function sendAll<Status extends string>(
  client: Client,
  op: OperationDescriptor,
  plan: FleetPlan<Status>,
  ready: readonly string[],
  outcomes: Map<string, FleetOutcome<Status>>,
  requests: { resets: number },
  emit: (event: FleetEvent<Status>) => void,
): Promise<Sent> {
  const { signal } = plan
  const field = (op.batch?.instances ?? op.transition?.instances) as string
  const queue: Job[] = []
  for (let i = 0; i < ready.length; i += plan.batchSize) {
    queue.push({ ids: ready.slice(i, i + plan.batchSize), requeues: 0 })
  }
  const sent: Sent = { accepted: [], doubtful: [] }
  // The client's own cap on a wait applies; with its retries off, the fleet still paces itself by the defaults.
  const pace: RetryPolicy = client.config.retry.maxAttempts > 1 ? client.config.retry : DEFAULT_RETRY
  // One pace for every worker: rate limiting anywhere holds every next send until it passes.
  let resumeAt = 0
  let limitedInARow = 0
  // Why sending stopped early; every id still queued then is not sent, for this reason.
  let halt: string | undefined
  const settle = (ids: readonly string[], outcome: FleetOutcome<Status>) => {
    for (const id of ids) outcomes.set(id, outcome)
  }
  const doubt = (ids: readonly string[], reason: string) => {
    sent.doubtful.push(...ids)
    emit({ type: 'unknown', ids, reason })
  }

  /** After a call that provably did nothing: back to the front of the queue, and the shared pause grows. */
  const requeue = (job: Job, error: ZenlayerError) => {
    queue.unshift(job)
    job.requeues++
    limitedInARow++
    const hinted = (error as { retryAfterMs?: number }).retryAfterMs
    if (hinted !== undefined && hinted > pace.maxDelayMs) {
      halt = `rate limited, and the server asked to wait ${Math.ceil(hinted / 1000)} s (Retry-After), longer than retry.maxDelayMs (${pace.maxDelayMs} ms)`
      return
    }
    const delay = Math.max(backoffMs(Math.min(limitedInARow, 6), pace, client.config.random), hinted ?? 0)
    resumeAt = Math.max(resumeAt, client.config.clock() + delay)
    emit({ type: 'rate-limited', delayMs: delay })
  }

  /** The reply of a call that went through: the batch reply's failed list is refused, the rest accepted. */
  const record = (job: Job, reply: Record<string, unknown>) => {
    const listed = op.batch ? reply.failedInstanceIds : undefined
    const failed = new Set(Array.isArray(listed) ? listed : [])
    const ok = job.ids.filter((id) => !failed.has(id))
    const refused = job.ids.filter((id) => failed.has(id))
    sent.accepted.push(...ok)
    if (ok.length > 0) emit({ type: 'accepted', ids: ok })
    if (refused.length > 0) {
      const requestId = typeof reply.requestId === 'string' ? reply.requestId : undefined
      settle(refused, requestId ? { outcome: 'refused', code: null, requestId } : { outcome: 'refused', code: null })
      emit({ type: 'refused', ids: refused, code: null })
    }
  }

  /** A call that failed: requeued only when provably not applied; refused when the server said no; else in doubt. */
  const fail = (job: Job, error: unknown) => {
    if (notApplied(error) && job.requeues < MAX_REQUEUES && !signal?.aborted) {
      requeue(job, error as ZenlayerError)
    } else if (error instanceof ZenlayerError && !error.mayHaveBeenApplied) {
      const requestId = error instanceof ApiError ? error.requestId : undefined
      // The server's sentence (scrubbed of the request's secrets by the client), or the client's own message.
      const reason = reasonText(error instanceof ApiError ? error.serverMessage : error.message)
      settle(job.ids, {
        outcome: 'refused',
        code: error.code,
        ...(requestId ? { requestId } : {}),
        ...(reason ? { reason } : {}),
      })
      emit({ type: 'refused', ids: job.ids, code: error.code })
    } else {
      doubt(job.ids, error instanceof ZenlayerError ? error.code : signal?.aborted ? 'CANCELLED' : why(error))
    }
  }

  const worker = async () => {
    // The job whose call may have gone out and whose outcome is not yet recorded.
    let inFlight: Job | undefined
    try {
      for (;;) {
        if (signal?.aborted || halt !== undefined) return
        const wait = resumeAt - client.config.clock()
        if (wait > 0) {
          await client.config.sleep(wait, signal)
          continue
        }
        const job = queue.shift()
        if (!job) return
        inFlight = job
        requests.resets++
        emit({ type: 'sent', ids: job.ids })
        // Not the fleet's signal: cancelling stops the sends not yet made, and a call already on its way runs to
        // its reply (bounded by the client's attempt timeout). Cutting it off would not unsend it; it would only
        // turn what the reply would have said (accepted, refused) into "unknown".
        const callOptions: CallOptions = { retry: false }
        let reply: Record<string, unknown> | undefined
        let failure: unknown
        try {
          reply = (await client.call(op, requestOf(plan, field, op, job.ids), callOptions)) as Record<string, unknown>
        } catch (error) {
          failure = error
        }
        if (reply !== undefined) {
          limitedInARow = 0
          inFlight = undefined
          record(job, reply)
        } else {
          inFlight = undefined
          fail(job, failure)
        }
      }
    } catch (error) {
      // Cancelled while held: the queue is not sent. A pause, a clock or a callback that fails otherwise stops the sending.
      if (signal?.aborted && !inFlight) return
      halt ??= `sending stopped: ${why(error)}`
      if (inFlight) doubt(inFlight.ids, `${why(error)}, after the call may have gone out`)
    }
  }

  await Promise.all(Array.from({ length: Math.min(plan.concurrency, queue.length) }, worker))
  const notSent = halt ?? 'cancelled before it was sent'
  for (const job of queue) settle(job.ids, { outcome: 'not-sent', reason: notSent })
  return sent
}

/** The request for these ids: the action's other fields, and the ids in the spec's instance field. */
export function requestOf(
  plan: Pick<FleetPlan<string>, 'rest'>,
  field: string,
  op: OperationDescriptor,
  ids: readonly string[],
): Record<string, unknown> {
  return { ...plan.rest, [field]: op.batch ? ids : ids[0] }
}

/**
 * A failure that proves the server did not act and that waiting helps (rate limiting, a connection never
 * made): the client's own rule for retrying a non-idempotent call (retry.ts), so the two cannot disagree.
 */
function notApplied(error: unknown): boolean {
  return error instanceof ZenlayerError && retryReason(error, false) !== undefined
}

/** Why, in a few words: a Zenlayer error's code and message (already masked), or another error's name and message. */
export function why(error: unknown): string {
  if (error instanceof ZenlayerError) return `${error.code}: ${clipped(error.message)}`
  if (error instanceof Error) return `${error.name}: ${clipped(error.message)}`
  return `a thrown ${typeof error}`
}

/** The longest refusal reason kept: a sentence, not a page. */
export const MAX_REASON = 300

/** A refusal's sentence as an outcome's reason: one line, safe on a terminal, at most MAX_REASON characters. */
function reasonText(text: string): string {
  return clip(oneLine(text), MAX_REASON)
}

function clipped(text: string): string {
  return text.length > 160 ? `${text.slice(0, 160)}...` : text
}
