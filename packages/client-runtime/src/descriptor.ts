// The shape of the operation tables the generator emits (see
// tools/codegen/src/emit/shared/descriptor.ts): plain data about each action.

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
  /** Top-level request fields holding secrets. */
  readonly sensitiveFields: readonly string[]
  /** Documented error codes and their HTTP statuses. */
  readonly errors: Readonly<Record<string, number>>
}

export interface ServiceDescriptor {
  readonly name: string
  readonly version: string
  readonly path: string
  readonly signing: SigningDescriptor
  readonly operations: Readonly<Record<string, OperationDescriptor>>
}
