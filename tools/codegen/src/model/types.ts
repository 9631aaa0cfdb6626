// The model: what the specs say, in the terms the emitters need, and nothing
// of OpenAPI's shape or of any output. Built once by build-service.ts; every
// emitter is a function of it alone.
import type { SigningDescriptor } from '@zenlayer-reset/client-runtime'
import type { DecisionFact, Location } from '@zenlayer-reset/spec-tools'

export interface ServiceModel {
  /** `zec`: the last path segment, X-ZC-Service, and the package name prefix. */
  readonly name: string
  /** X-ZC-Version, e.g. `2025-09-01`. */
  readonly version: string
  readonly title: string
  /** The entry spec, relative to the repository root, for banners. */
  readonly specPath: string
  readonly operations: readonly OperationModel[]
  /** Every status an instance of this service can be in: what the status query answers (its items' status field). */
  readonly statuses: readonly string[]
  /** Error codes answered before an action is chosen (unknown action, wrong method...). */
  readonly protocolErrors: readonly ErrorCaseModel[]
  /** The code of each role the runtimes read (x-zc-role: `timestampExpired` -> AUTH_FAILURE_TIMESTAMP_EXPIRED). */
  readonly codeRoles: Readonly<Record<string, string>>
  readonly signing: SigningModel
}

export interface OperationModel {
  readonly service: string
  /** X-ZC-Action, PascalCase: the operation's identity with `service`. */
  readonly action: string
  /** The spec's path key, `/api/v2/zec#ResetInstances`. */
  readonly pathKey: string
  /** What goes on the wire: `/api/v2/zec`. */
  readonly path: string
  readonly version: string
  readonly summary: string
  readonly description: string
  readonly docsUrl: string
  /** Whether repeating a delivered call is harmless. */
  readonly idempotent: boolean
  /** The request body. */
  readonly request: ObjectNode
  /** The whole success body, `{requestId, response}`, as on the wire. */
  readonly reply: ObjectNode
  /** The `response` object inside the success envelope. */
  readonly response: ObjectNode
  readonly errors: readonly ErrorCaseModel[]
  readonly stateRules: readonly StateRuleModel[]
  readonly transition: TransitionModel | undefined
  readonly pagination: PaginationModel | undefined
  /** A paged query's filters (x-zc-filters): each request field, the item path it matches and how; absent: none. */
  readonly filters?: readonly FilterModel[]
  readonly batch: BatchModel | undefined
  /** Names of the fields whose values are secrets, anywhere in the request or reply (x-zc-sensitive). */
  readonly sensitiveFields: readonly string[]
  /** Decisions on the operation and on how its action is named (the X-ZC-Action parameter). */
  readonly decisions: readonly DecisionModel[]
}

/** Where the spec departs from the vendor page or fills a gap (x-zc-decision; specs/DECISIONS.md). */
export interface DecisionModel {
  /** The number of the decision in specs/DECISIONS.md, when one applies. */
  readonly ref: number | undefined
  readonly kind: 'departs-from-page' | 'fills-gap'
  readonly reason: string
  /** The page facts this decision accounts for (the docs drift check reads them). */
  readonly facts: readonly DecisionFact[]
}

export interface ErrorCaseModel {
  readonly code: string
  /** What the code means to the runtimes (x-zc-role), when it plays a role. */
  readonly role: string | undefined
  readonly status: number
  readonly description: string
  /** True when the vendor does not document this code (specs/DECISIONS.md, decision 10). */
  readonly assumed: boolean
  /** Whether the code is defined for every service (specs/shared) rather than by this operation. */
  readonly common: boolean
  readonly decisions: readonly DecisionModel[]
}

export interface StateRuleModel {
  readonly id: string
  readonly description: string
  /** The error answered, or undefined when the instance goes to the failed list instead. */
  readonly errorCode: string | undefined
  /** The request field for each role the rule reads (x-zc-state-rules fields). */
  readonly fields: Readonly<Record<string, string>>
}

export interface TransitionModel {
  readonly from: readonly string[]
  readonly via: string
  readonly alsoVia: readonly string[]
  readonly to: string
  readonly failure: string | undefined
  readonly observe: string
  /** Statuses from which the instance can never reach `to`. */
  readonly deadEnds: readonly string[]
  /** The client's waiter method, `waitUntilReset`; none when absent. */
  readonly waiter: string | undefined
  /** The client's fleet method, `resetFleet`; none when absent. */
  readonly fleet: string | undefined
  /** The request field naming the instance (or instances) the transition applies to. */
  readonly instances: string | undefined
  /** The request field naming the image the reset installs; undefined: the instance keeps its image. */
  readonly image: string | undefined
  readonly decisions: readonly DecisionModel[]
}

export interface BatchModel {
  /** Request field listing the instances. */
  readonly instances: string
  /** Response field listing the instances that failed (absent means none). */
  readonly failed: string
  /** The most ids one call may name: the instances field's maxItems. */
  readonly maxIds: number | undefined
}

/** One filter of a paged query (x-zc-filters). */
export interface FilterModel {
  /** The request field. */
  readonly field: string
  /** The item path it is matched against: names joined by `.`, `[]` after a list for each element. */
  readonly item: string
  readonly match: 'equal' | 'anyOf' | 'wildcard'
}

export interface PaginationModel {
  readonly pageNumber: string
  readonly pageSize: string
  readonly total: string
  readonly items: string
  /** The request field listing the instances to query; undefined when the query cannot name instances. */
  readonly ids: string | undefined
  /** Each item's instance id field. */
  readonly itemId: string
  /** Each item's status field. */
  readonly itemStatus: string
  /** The most ids one query may name: the ids field's maxItems. */
  readonly maxIds: number | undefined
  /** The largest page: the page size field's maximum. */
  readonly maxPageSize: number | undefined
}

/** How requests are signed: the client runtime's own descriptor type, which the generated code must satisfy. */
export type SigningModel = SigningDescriptor

// ---- schemas: a small tree that knows the rules, not JSON Schema's spelling

/** What every schema node carries besides its rules. */
export interface NodeMeta {
  /** The component name when the node is a named schema. */
  readonly name: string | undefined
  readonly description: string | undefined
  readonly default: unknown
  /** Example values of the node (`examples`, or `example`), for documentation. */
  readonly examples: readonly unknown[]
  /** Error code for any rule of this node that has none of its own. */
  readonly errorCode: string | undefined
  readonly sensitive: boolean
  readonly location: Location
  /** Decisions on this node (and, for a reused named schema, on the schema it reuses). */
  readonly decisions: readonly DecisionModel[]
}

export interface ObjectNode extends NodeMeta {
  readonly kind: 'object'
  readonly properties: readonly PropertyNode[]
  /** Whether fields the schema does not name are allowed. */
  readonly additionalProperties: boolean
  /** "At most one of these fields" (JSON Schema `not: {required: [...]}`). */
  readonly exclusive: readonly ExclusiveRule[]
  /** "These fields, when set, differ" (x-zc-distinct). */
  readonly distinct: readonly DistinctRule[]
}

export interface DistinctRule {
  readonly fields: readonly string[]
  readonly message: string
}

export interface PropertyNode {
  readonly name: string
  readonly required: boolean
  readonly schema: SchemaNode
}

export interface ExclusiveRule {
  readonly fields: readonly string[]
  readonly decisions: readonly DecisionModel[]
  readonly message: string
  readonly errorCode: string | undefined
}

export interface ArrayNode extends NodeMeta {
  readonly kind: 'array'
  readonly items: SchemaNode
  readonly minItems: number | undefined
  readonly maxItems: number | undefined
  readonly uniqueItems: boolean
  /** Each item one more than the one before (x-zc-consecutive). */
  readonly consecutive: boolean
  /** The first item's field holds one of these values (x-zc-first-item). */
  readonly firstItem: { readonly field: string; readonly values: readonly string[] } | undefined
}

export interface StringNode extends NodeMeta {
  readonly kind: 'string'
  readonly minLength: number | undefined
  readonly maxLength: number | undefined
  readonly maxUtf8Bytes: number | undefined
  readonly patterns: readonly PatternRule[]
  /** Allowed values (`enum`, or a `const` as a one-value list). */
  readonly values: readonly string[] | undefined
  readonly format: string | undefined
}

export interface PatternRule {
  readonly pattern: string
  readonly message: string | undefined
  readonly errorCode: string | undefined
}

export interface NumberNode extends NodeMeta {
  readonly kind: 'integer' | 'number'
  readonly minimum: number | undefined
  readonly maximum: number | undefined
  /** Allowed values (`enum`). */
  readonly values: readonly number[] | undefined
}

export interface BooleanNode extends NodeMeta {
  readonly kind: 'boolean'
}

export type SchemaNode = ObjectNode | ArrayNode | StringNode | NumberNode | BooleanNode
