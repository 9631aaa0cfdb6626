// The operation table both the client and the mock carry: everything about a
// service the hand-written runtimes need, as plain data.
import type { SchemaNode, ServiceModel } from '../../model/types.js'

/**
 * The length rule of an instance id, as the spec writes it: the schema of the
 * first transition's `instances` field (or of its items). The mock checks
 * seeded ids against it, so a state file cannot hold an id no request could name.
 */
function instanceIdRule(service: ServiceModel): { minLength: number; maxLength: number } | null {
  for (const op of service.operations) {
    const field = op.transition?.instances
    const prop = field ? op.request.properties.find((p) => p.name === field) : undefined
    const node: SchemaNode | undefined = prop?.schema.kind === 'array' ? prop.schema.items : prop?.schema
    if (node?.kind === 'string') return { minLength: node.minLength ?? 1, maxLength: node.maxLength ?? 256 }
  }
  return null
}

export function serviceDescriptor(service: ServiceModel, withState: boolean): Record<string, unknown> {
  return {
    name: service.name,
    version: service.version,
    path: `/api/v2/${service.name}`,
    signing: service.signing,
    ...(withState
      ? {
          statuses: service.statuses,
          instanceId: instanceIdRule(service),
          protocolErrors: codeTable(service.protocolErrors),
        }
      : {}),
    operations: Object.fromEntries(
      service.operations.map((op) => [
        op.action,
        {
          service: op.service,
          action: op.action,
          version: op.version,
          path: op.path,
          pathKey: op.pathKey,
          idempotent: op.idempotent,
          sensitiveFields: op.sensitiveFields,
          transition: op.transition
            ? {
                from: op.transition.from,
                via: op.transition.via,
                alsoVia: op.transition.alsoVia,
                to: op.transition.to,
                failure: op.transition.failure ?? null,
                observe: op.transition.observe,
                deadEnds: op.transition.deadEnds,
                waiter: op.transition.waiter ?? null,
                instances: op.transition.instances ?? null,
              }
            : null,
          pagination: op.pagination ? { ...op.pagination, ids: op.pagination.ids ?? null } : null,
          batch: op.batch ?? null,
          // The mock answers each documented code with its status; the client
          // needs them as types only (is<Action>Error), not as data in its bundle.
          ...(withState
            ? {
                errors: codeTable(op.errors),
                stateRules: op.stateRules.map((r) => ({
                  id: r.id,
                  errorCode: r.errorCode ?? null,
                  description: r.description,
                })),
              }
            : {}),
        },
      ]),
    ),
  }
}

function codeTable(errors: ServiceModel['protocolErrors']): Record<string, number> {
  return Object.fromEntries(errors.map((e) => [e.code, e.status]))
}
