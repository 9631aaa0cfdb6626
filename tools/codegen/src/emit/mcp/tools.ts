// One service's tool table: for each action of the spec, the tool's name, its
// description and input schema (from the request: every rule, in words and in
// JSON Schema), its output schema, and its annotations read from what the spec
// says the action does, never from the HTTP verb (every action is a POST):
// an action that starts a transition on named instances (x-zc-transition) is
// a reset, destructive and never idempotent, run as a fleet; a paginated
// status query (x-zc-pagination) is read-only. Data only: what every tool does
// is @zenlayer-reset/mcp-runtime's.
import type { OperationModel, ServiceModel } from '../../model/types.js'
import { fleetInputSchema, inputSchema, type Json, oneLine, outputSchema } from './json-schema.js'

/** `ResetInstances` -> `reset_instances`, `DescribeInstancesStatus` -> `describe_instances_status`. */
export function snake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
}

/** The tool of an action: `zec_reset_instances`. */
export function toolName(service: string, action: string): string {
  return `${service}_${snake(action)}`
}

type Kind = 'fleet' | 'query' | 'call'

function kindOf(op: OperationModel): Kind {
  // A transition on named instances runs as the client runtime's fleet (whether or not the generated client
  // names a fleet method for it: the runtime calls resetFleet with the descriptor).
  const t = op.transition
  if (t && (op.batch?.instances ?? t.instances)) return 'fleet'
  if (op.pagination) return 'query'
  return 'call'
}

function description(service: ServiceModel, op: OperationModel, kind: Kind): string {
  const lines = [`${oneLine(op.summary)} (${service.name} ${op.action}, API ${op.version}).`, oneLine(op.description)]
  const t = op.transition
  if (kind === 'fleet' && t) {
    lines.push(
      `Destructive: a reinstall erases each instance's system disk. Only instances in ${t.from.join(' or ')} can be reset; each then goes ${[t.via, ...t.alsoVia].join(' or ')} and ends ${t.to}${t.failure ? ` (or ${t.failure} when the reinstall fails)` : ''}.`,
      'Takes any number of instanceIds: it is sent in as many calls as the API allows, never twice for an instance, and each instance is followed to its end. Nothing is sent until a person has said yes to exactly this input: the client asks them (elicitation) or, when it cannot, the first call returns the plan (current statuses, which ids would be refused and why) and a confirmationToken to send back with the same input.',
    )
    for (const rule of op.stateRules) lines.push(`Rule: ${oneLine(rule.description)}`)
  }
  if (kind === 'query') lines.push('Read-only: sends one status query and changes nothing.')
  if (op.docsUrl) lines.push(`Vendor documentation: ${op.docsUrl}`)
  return lines.filter((l) => l !== '').join('\n')
}

function callOutputSchema(op: OperationModel): Json {
  const base = outputSchema(op.response)
  const properties: Json = {
    requestId: { type: 'string', description: 'The API request id.' },
    ...(base.properties as Json),
  }
  if (op.batch) {
    properties.failedInstanceIds = { type: 'array', items: { type: 'string' } }
    properties.succeededInstanceIds = { type: 'array', items: { type: 'string' } }
  }
  return { type: 'object', properties, required: ['requestId', ...((base.required as string[] | undefined) ?? [])] }
}

function tool(service: ServiceModel, op: OperationModel) {
  const kind = kindOf(op)
  const field = op.batch?.instances ?? op.transition?.instances
  return {
    name: toolName(service.name, op.action),
    action: op.action,
    kind,
    title: oneLine(op.summary),
    description: description(service, op, kind),
    inputSchema: kind === 'fleet' && field ? fleetInputSchema(op.request, field) : inputSchema(op.request),
    // A fleet's result is the runtime's (plan, outcomes, totals): its schema is the runtime's too.
    outputSchema: kind === 'fleet' ? null : callOutputSchema(op),
    annotations: {
      title: oneLine(op.summary),
      readOnlyHint: kind === 'query',
      // A transition that names no instances is still destructive: the runtime refuses to run it.
      destructiveHint: op.transition !== undefined,
      idempotentHint: op.transition ? false : op.idempotent,
      openWorldHint: true,
    },
  }
}

/** The tool table of a service, as the runtime's ServiceTools reads it (without `load`, which is code). */
export function toolTable(service: ServiceModel) {
  return {
    service: service.name,
    version: service.version,
    title: oneLine(service.title),
    tools: service.operations.map((op) => tool(service, op)),
  }
}
