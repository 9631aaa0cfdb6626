// What the generated package (@zenlayer-reset/mcp) hands the runtime: one tool
// table per service, read from the spec by the generator. The runtime knows no
// service, action or field name: everything it reads is here or in the
// generated client's descriptor (transition, batch, pagination, secrets).
import type { ServiceDescriptor, ValidationOutcome } from '@zenlayer-reset/client-runtime'

/** What the spec says an action is: a reset run as a fleet, a read-only status query, or another call. */
export type ToolKind = 'fleet' | 'query' | 'call'

export interface ToolAnnotationsSpec {
  readonly title: string
  readonly readOnlyHint: boolean
  readonly destructiveHint: boolean
  readonly idempotentHint: boolean
  readonly openWorldHint: boolean
}

export interface ToolSpec {
  /** `zec_reset_instances`. */
  readonly name: string
  /** The action, `ResetInstances`: with the service, the operation's identity. */
  readonly action: string
  readonly kind: ToolKind
  readonly title: string
  readonly description: string
  readonly inputSchema: Readonly<Record<string, unknown>>
  /** The result's schema; null for a fleet, whose result is the runtime's (FLEET_OUTPUT_SCHEMA). */
  readonly outputSchema: Readonly<Record<string, unknown>> | null
  readonly annotations: ToolAnnotationsSpec
}

export interface RequestValidatorTable {
  readonly service: string
  readonly actions: Readonly<Record<string, { readonly request: (input: unknown) => ValidationOutcome }>>
}

/**
 * What a service's table loads when a tool runs: the generated client's
 * descriptor (what the client runtime reads to call, wait and run fleets) and
 * the generated validators.
 */
export interface LoadedService {
  readonly service: ServiceDescriptor
  readonly validators: RequestValidatorTable
}

export interface ServiceTools {
  readonly service: string
  readonly version: string
  readonly title: string
  readonly tools: readonly ToolSpec[]
  readonly load: () => Promise<LoadedService>
}

/** Every service's table, loaded only when served. */
export type ServiceIndex = Readonly<Record<string, () => Promise<ServiceTools>>>
