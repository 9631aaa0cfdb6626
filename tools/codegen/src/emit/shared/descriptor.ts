// The operation tables the client and the mock carry: everything about a
// service the hand-written runtimes need, as plain data. Typed by the
// runtimes' own descriptor types (type-only imports), so a mismatch between
// what the generator emits and what a runtime reads fails here, when the
// generator is built, not when a generated package is typechecked.
import type { OperationDescriptor, ServiceDescriptor } from '@zenlayer-reset/client-runtime'
import type { MockOperation, MockService } from '@zenlayer-reset/mock-engine'
import { CLIENT_CODE_ROLES, MOCK_CODE_ROLES } from '../../model/code-roles.js'
import type { ObjectNode, OperationModel, SchemaNode, ServiceModel } from '../../model/types.js'
import { codesFor } from './codes.js'

/**
 * The length rule of an instance id, as the spec writes it: the schema of the
 * first transition's `instances` field (or of its items). The mock checks
 * seeded ids against it, so a state file cannot hold an id no request could name.
 */
function instanceIdRule(service: ServiceModel): MockService['instanceId'] {
  for (const op of service.operations) {
    const field = op.transition?.instances
    const prop = field ? op.request.properties.find((p) => p.name === field) : undefined
    const node: SchemaNode | undefined = prop?.schema.kind === 'array' ? prop.schema.items : prop?.schema
    if (node?.kind === 'string') return { minLength: node.minLength ?? 1, maxLength: node.maxLength ?? 256 }
  }
  return null
}

function operation(op: OperationModel): OperationDescriptor {
  return {
    service: op.service,
    action: op.action,
    version: op.version,
    path: op.path,
    pathKey: op.pathKey,
    idempotent: op.idempotent,
    sensitiveFields: op.sensitiveFields,
    requestFields: op.request.properties.map((p) => p.name),
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
          fleet: op.transition.fleet ?? null,
          instances: op.transition.instances ?? null,
        }
      : null,
    pagination: op.pagination
      ? {
          ...op.pagination,
          ids: op.pagination.ids ?? null,
          maxIds: op.pagination.maxIds ?? null,
          maxPageSize: op.pagination.maxPageSize ?? null,
        }
      : null,
    batch: op.batch ? { ...op.batch, maxIds: op.batch.maxIds ?? null } : null,
  }
}

function common(service: ServiceModel) {
  return { name: service.name, version: service.version, path: `/api/v2/${service.name}`, signing: service.signing }
}

/** The client's table. The documented codes are types only (is<Action>Error), not data in its bundle. */
export function clientDescriptor(service: ServiceModel): ServiceDescriptor {
  return {
    ...common(service),
    codes: codesFor(service, CLIENT_CODE_ROLES, 'the client runtime'),
    operations: Object.fromEntries(service.operations.map((op) => [op.action, operation(op)])),
  }
}

/** The mock's table: the client's, and what the engine needs to keep state and answer each documented code. */
export function mockDescriptor(service: ServiceModel): MockService {
  return {
    ...common(service),
    codes: codesFor(service, MOCK_CODE_ROLES, 'the mock engine'),
    statuses: service.statuses,
    instanceId: instanceIdRule(service),
    protocolErrors: codeTable(service.protocolErrors),
    operations: Object.fromEntries(
      service.operations.map((op): [string, MockOperation] => [
        op.action,
        {
          ...operation(op),
          errors: codeTable(op.errors),
          stateRules: op.stateRules.map((r) => ({
            id: r.id,
            errorCode: r.errorCode ?? null,
            description: r.description,
            fields: r.fields,
          })),
          image: op.transition?.image ?? null,
          carries: carries(service, op),
          itemTemplate: (itemNode(op)?.examples[0] as Record<string, unknown> | undefined) ?? null,
          itemImage: itemImage(service, op),
          filters: op.filters ?? [],
        },
      ]),
    ),
  }
}

function codeTable(errors: ServiceModel['protocolErrors']): Record<string, number> {
  return Object.fromEntries(errors.map((e) => [e.code, e.status]))
}

/** The schema of a status query's items; undefined for an action that does not page. */
export function itemNode(op: OperationModel): ObjectNode | undefined {
  const list = op.pagination ? op.response.properties.find((p) => p.name === op.pagination?.items)?.schema : undefined
  return list?.kind === 'array' && list.items.kind === 'object' ? list.items : undefined
}

/**
 * The request fields of a reset that the observing action's items show too: a successful reset leaves them on the
 * instance. Not the instance id, not the image (the engine tracks it), never a secret.
 */
function carries(service: ServiceModel, op: OperationModel): MockOperation['carries'] {
  const t = op.transition
  const observe = t ? service.operations.find((o) => o.action === t.observe) : undefined
  const shown = new Set((observe ? itemNode(observe)?.properties : undefined)?.map((p) => p.name) ?? [])
  return op.request.properties
    .filter((p) => shown.has(p.name) && p.name !== t?.instances && p.name !== t?.image && !p.schema.sensitive)
    .map((p) => ({ field: p.name, default: p.schema.default ?? null }))
}

/** The item field that shows an instance's image: the image field of a reset this action observes, if items have it. */
function itemImage(service: ServiceModel, op: OperationModel): string | null {
  const names = new Set(itemNode(op)?.properties.map((p) => p.name) ?? [])
  for (const reset of service.operations) {
    const image = reset.transition?.observe === op.action ? reset.transition.image : undefined
    if (image && names.has(image)) return image
  }
  return null
}
