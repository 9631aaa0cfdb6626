// The shape of the operation tables the generator emits (see
// tools/codegen/src/emit/shared/descriptor.ts): plain data about each action.
import type { ClientCodes } from './code-roles.js'

export interface SigningDescriptor {
  readonly algorithm: string
  readonly authorizationHeader: string
  readonly timestampHeader: string
  readonly signatureMethodHeader: string
  readonly canonicalUri: string
  readonly signedHeaders: readonly string[]
  readonly maxClockSkewSeconds: number
  readonly envAccessKeyId: string
  readonly envAccessKeySecret: string
}

export interface OperationDescriptor {
  readonly service: string
  /** X-ZC-Action. */
  readonly action: string
  /** X-ZC-Version. */
  readonly version: string
  /** What is on the wire: `/api/v2/zec`. */
  readonly path: string
  /** The spec's path key, `/api/v2/zec#ResetInstances`, as openapi-fetch knows it. */
  readonly pathKey: string
  /** Whether repeating a delivered call is harmless. */
  readonly idempotent: boolean
  /** Names of the fields holding secrets, in the request or the reply, at any depth (x-zc-sensitive). */
  readonly sensitiveFields: readonly string[]
  /** The request's top-level fields: any other field sent is masked wherever it could be shown. */
  readonly requestFields: readonly string[]
  /** The status path an accepted instance follows, when the action starts one. */
  readonly transition: TransitionDescriptor | null
  readonly pagination: PaginationDescriptor | null
  /** For a batch action: which request field lists instances and which response field the failed ones. */
  readonly batch: BatchDescriptor | null
}

export interface TransitionDescriptor {
  readonly from: readonly string[]
  readonly via: string
  readonly alsoVia: readonly string[]
  readonly to: string
  readonly failure: string | null
  readonly deadEnds: readonly string[]
  /** The action that shows the status (DescribeInstancesStatus). */
  readonly observe: string
  /** The request field naming the instance (or instances) the transition applies to. */
  readonly instances: string | null
  readonly waiter: string | null
  /** The client's fleet method (`resetFleet`); null when the spec names none. */
  readonly fleet: string | null
}

export interface PaginationDescriptor {
  readonly pageNumber: string
  readonly pageSize: string
  readonly total: string
  readonly items: string
  /** The request field listing the instances to query; null when the query cannot name instances. */
  readonly ids: string | null
  /** Each item's instance id and status fields. */
  readonly itemId: string
  readonly itemStatus: string
  /** The most ids one query may name (the ids field's maxItems); null when the spec sets none. */
  readonly maxIds: number | null
  /** The largest page (the page size field's maximum); null when the spec sets none. */
  readonly maxPageSize: number | null
}

export interface BatchDescriptor {
  readonly instances: string
  readonly failed: string
  /** The most ids one call may name (the instances field's maxItems); null when the spec sets none. */
  readonly maxIds: number | null
}

export interface ServiceDescriptor {
  readonly name: string
  readonly version: string
  readonly path: string
  readonly signing: SigningDescriptor
  /** The spec's code for each role the runtime reads (x-zc-role; code-roles.ts lists the roles). */
  readonly codes: ClientCodes
  readonly operations: Readonly<Record<string, OperationDescriptor>>
}
