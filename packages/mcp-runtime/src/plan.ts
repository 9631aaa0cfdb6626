// What a reset would do, found without sending it: each id checked by the
// action's validator in the request it would go in, and the instances'
// current statuses from the status query the spec names (x-zc-transition
// observe, paged as x-zc-pagination says). An id whose status is not one the
// transition starts from, or that the query does not know, would be refused.
// Only reads are sent here.
import type { OperationDescriptor, ServiceClient, ServiceDescriptor } from '@zenlayer-reset/client-runtime'
import { ToolRefusal } from './errors.js'
import type { RequestValidatorTable } from './tables.js'

export interface PlannedInstance {
  readonly instanceId: string
  /** The status the query answered; null when it does not know the instance. */
  readonly status: string | null
  readonly verdict: 'would-reset' | 'would-be-refused'
  readonly reason?: string
}

export interface Plan {
  readonly instances: readonly PlannedInstance[]
  readonly wouldReset: number
  readonly wouldBeRefused: number
}

/** The request one id goes in: the other fields, and the id as the action names instances. */
export function requestFor(op: OperationDescriptor, field: string, rest: object, id: string): object {
  return { ...rest, [field]: op.batch ? [id] : id }
}

/**
 * Each id's validation issue (the id would be refused); an issue of the other
 * fields refuses the whole call, nothing sent, naming the field and the rule.
 */
export function validateIds(
  op: OperationDescriptor,
  field: string,
  validators: RequestValidatorTable,
  rest: object,
  ids: readonly string[],
): Map<string, string> {
  const validate = validators.actions[op.action]?.request
  const invalid = new Map<string, string>()
  if (!validate) return invalid
  for (const id of ids) {
    const verdict = validate(requestFor(op, field, rest, id))
    if (verdict.ok) continue
    const own = verdict.issues.filter(
      (i) => i.path === field || i.path.startsWith(`${field}[`) || i.path.startsWith(`${field}.`),
    )
    const other = verdict.issues.find((i) => !own.includes(i))
    if (other) throw new ToolRefusal(other.code, `${other.path}: ${other.message}`)
    invalid.set(id, own.map((i) => i.message.replaceAll(`${field}[0]`, 'the id')).join('; '))
  }
  return invalid
}

/** The current status of each id (null: unknown to the query), by as many status queries as the spec's limits need. */
export async function currentStatuses(
  client: ServiceClient<object>,
  service: ServiceDescriptor,
  observe: string,
  ids: readonly string[],
  signal: AbortSignal | undefined,
): Promise<Map<string, string | null>> {
  const op = service.operations[observe]
  const page = op?.pagination
  if (!op || !page?.ids) throw new ToolRefusal('NO_STATUS_QUERY', `${observe} cannot be asked about given instances`)
  const found = new Map<string, string | null>(ids.map((id) => [id, null]))
  const perQuery = page.maxIds ?? 100
  for (let start = 0; start < ids.length; start += perQuery) {
    const chunk = ids.slice(start, start + perQuery)
    const size = Math.min(chunk.length, page.maxPageSize ?? chunk.length)
    // Pages until every id of the chunk is seen or the pages run out; at most one page per id.
    for (let number = 1; number <= chunk.length; number++) {
      const query = { [page.ids]: chunk, [page.pageSize]: size, [page.pageNumber]: number }
      const reply = await client.call<Record<string, unknown>>(op, query, signal ? { signal } : {})
      const items = Array.isArray(reply[page.items]) ? (reply[page.items] as Record<string, unknown>[]) : []
      for (const item of items) {
        const id = item[page.itemId]
        const status = item[page.itemStatus]
        if (typeof id === 'string' && found.has(id) && typeof status === 'string') found.set(id, status)
      }
      const total = typeof reply[page.total] === 'number' ? (reply[page.total] as number) : 0
      if (items.length === 0 || number * size >= total) break
    }
  }
  return found
}

export function makePlan(
  op: OperationDescriptor,
  ids: readonly string[],
  statuses: ReadonlyMap<string, string | null>,
  invalid: ReadonlyMap<string, string>,
): Plan {
  const from = op.transition?.from ?? []
  const instances = ids.map((instanceId): PlannedInstance => {
    const status = statuses.get(instanceId) ?? null
    const bad = invalid.get(instanceId)
    if (bad) return { instanceId, status, verdict: 'would-be-refused', reason: `invalid id: ${bad}` }
    if (status === null)
      return { instanceId, status, verdict: 'would-be-refused', reason: 'the status query does not know this instance' }
    if (!from.includes(status))
      return {
        instanceId,
        status,
        verdict: 'would-be-refused',
        reason: `${status}; ${op.action} needs ${from.join(' or ')}`,
      }
    return { instanceId, status, verdict: 'would-reset' }
  })
  const wouldReset = instances.filter((i) => i.verdict === 'would-reset').length
  return { instances, wouldReset, wouldBeRefused: instances.length - wouldReset }
}
