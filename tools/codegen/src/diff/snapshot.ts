// What a service's API is, as the packages' users see it: the model reduced to
// plain JSON without places or OpenAPI, so two versions compare key by key.
import type { ErrorCaseModel, OperationModel, SchemaNode, ServiceModel } from '../model/types.js'

export interface SchemaSnapshot {
  readonly kind: SchemaNode['kind']
  readonly description?: string | undefined
  readonly default?: unknown | undefined
  readonly errorCode?: string | undefined
  readonly sensitive?: boolean | undefined
  // object
  readonly properties?:
    | Readonly<Record<string, { readonly required: boolean; readonly schema: SchemaSnapshot }>>
    | undefined
  readonly additionalProperties?: boolean | undefined
  readonly exclusive?: readonly string[] | undefined
  /** x-zc-distinct: each rule's fields, sorted, joined with `+`. */
  readonly distinct?: readonly string[] | undefined
  // array
  readonly items?: SchemaSnapshot | undefined
  readonly minItems?: number | undefined
  readonly maxItems?: number | undefined
  readonly uniqueItems?: boolean | undefined
  readonly consecutive?: boolean | undefined
  /** x-zc-first-item: `fsPath in /,C`. */
  readonly firstItem?: string | undefined
  // string
  readonly minLength?: number | undefined
  readonly maxLength?: number | undefined
  readonly maxUtf8Bytes?: number | undefined
  readonly patterns?: readonly string[] | undefined
  /** A string or number enum. */
  readonly values?: readonly (string | number)[] | undefined
  readonly format?: string | undefined
  // number
  readonly minimum?: number | undefined
  readonly maximum?: number | undefined
}

export interface OperationSnapshot {
  readonly summary: string
  readonly description: string
  readonly docsUrl: string
  readonly idempotent: boolean
  readonly request: SchemaSnapshot
  readonly response: SchemaSnapshot
  readonly errors: Readonly<Record<string, { readonly status: number; readonly description: string }>>
  readonly stateRules: Readonly<
    Record<
      string,
      {
        readonly errorCode: string | null
        readonly description: string
        readonly fields: Readonly<Record<string, string>>
      }
    >
  >
  readonly transition: Readonly<Record<string, unknown>> | null
  readonly pagination: Readonly<Record<string, unknown>> | null
  readonly batch: Readonly<Record<string, unknown>> | null
  /** Each filtered request field (x-zc-filters): the item path it matches, and how. */
  readonly filters: Readonly<Record<string, { readonly item: string; readonly match: string }>>
  readonly sensitiveFields: readonly string[]
}

export interface ServiceSnapshot {
  readonly service: string
  readonly version: string
  readonly statuses: readonly string[]
  readonly signing: Readonly<Record<string, unknown>>
  readonly protocolErrors: Readonly<Record<string, { readonly status: number; readonly description: string }>>
  readonly operations: Readonly<Record<string, OperationSnapshot>>
}

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}

export function schemaSnapshot(node: SchemaNode): SchemaSnapshot {
  const meta = {
    kind: node.kind,
    description: node.description,
    default: node.default,
    errorCode: node.errorCode,
    sensitive: node.sensitive || undefined,
  }
  switch (node.kind) {
    case 'object':
      return defined({
        ...meta,
        properties: Object.fromEntries(
          node.properties.map((p) => [p.name, { required: p.required, schema: schemaSnapshot(p.schema) }]),
        ),
        additionalProperties: node.additionalProperties,
        exclusive: node.exclusive.map((x) => [...x.fields].sort().join('+')),
        distinct: node.distinct.length > 0 ? node.distinct.map((x) => [...x.fields].sort().join('+')) : undefined,
      })
    case 'array':
      return defined({
        ...meta,
        items: schemaSnapshot(node.items),
        minItems: node.minItems,
        maxItems: node.maxItems,
        uniqueItems: node.uniqueItems || undefined,
        consecutive: node.consecutive || undefined,
        firstItem: node.firstItem ? `${node.firstItem.field} in ${node.firstItem.values.join(',')}` : undefined,
      })
    case 'string':
      return defined({
        ...meta,
        minLength: node.minLength,
        maxLength: node.maxLength,
        maxUtf8Bytes: node.maxUtf8Bytes,
        patterns: node.patterns.length > 0 ? node.patterns.map((p) => p.pattern) : undefined,
        values: node.values,
        format: node.format,
      })
    case 'integer':
    case 'number':
      return defined({ ...meta, minimum: node.minimum, maximum: node.maximum, values: node.values })
    case 'boolean':
      return defined(meta)
  }
}

function errorTable(errors: readonly ErrorCaseModel[]) {
  return Object.fromEntries(errors.map((e) => [e.code, { status: e.status, description: e.description }]))
}

function withoutLimit<T extends { maxIds: number | undefined; maxPageSize?: number | undefined }>(
  value: T,
): Omit<T, 'maxIds' | 'maxPageSize'> {
  const { maxIds: _ids, maxPageSize: _page, ...rest } = value
  return rest
}

function operationSnapshot(op: OperationModel): OperationSnapshot {
  const t = op.transition
  return {
    summary: op.summary,
    description: op.description,
    docsUrl: op.docsUrl,
    idempotent: op.idempotent,
    request: schemaSnapshot(op.request),
    response: schemaSnapshot(op.response),
    errors: errorTable(op.errors),
    stateRules: Object.fromEntries(
      op.stateRules.map((r) => [
        r.id,
        { errorCode: r.errorCode ?? null, description: r.description, fields: r.fields },
      ]),
    ),
    transition: t
      ? {
          from: t.from,
          via: t.via,
          alsoVia: t.alsoVia,
          to: t.to,
          failure: t.failure ?? null,
          observe: t.observe,
          deadEnds: t.deadEnds,
          waiter: t.waiter ?? null,
          fleet: t.fleet ?? null,
          instances: t.instances ?? null,
          image: t.image ?? null,
        }
      : null,
    // The id limits (maxIds) are the request schema's maxItems, already compared there: not twice.
    pagination: op.pagination ? withoutLimit(op.pagination) : null,
    batch: op.batch ? withoutLimit(op.batch) : null,
    filters: Object.fromEntries((op.filters ?? []).map((f) => [f.field, { item: f.item, match: f.match }])),
    sensitiveFields: op.sensitiveFields,
  }
}

export function serviceSnapshot(model: ServiceModel): ServiceSnapshot {
  return {
    service: model.name,
    version: model.version,
    statuses: model.statuses,
    signing: { ...model.signing },
    protocolErrors: errorTable(model.protocolErrors),
    operations: Object.fromEntries(model.operations.map((op) => [op.action, operationSnapshot(op)])),
  }
}
