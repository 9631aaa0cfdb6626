// The shape of the route tables the generator emits for mocks
// (tools/codegen/src/emit/shared/descriptor.ts with state): plain data.
import type { OperationDescriptor, ServiceDescriptor } from '@zenlayer-reset/client-runtime'
import type { MockCodes } from './code-roles.js'

export interface StateRuleRef {
  readonly id: string
  /** The error answered, or null: the instance goes to the failed list (batch actions). */
  readonly errorCode: string | null
  /** What the rule requires, in the spec's words; the message when it is broken. */
  readonly description: string
  /** The request field for each role the rule reads (rule-ids.ts lists the roles of each rule). */
  readonly fields: Readonly<Record<string, string>>
}

export interface MockOperation extends OperationDescriptor {
  /** Documented error codes and their HTTP statuses. */
  readonly errors: Readonly<Record<string, number>>
  readonly stateRules: readonly StateRuleRef[]
  /** The request field naming the image a reset installs (x-zc-transition image); null: it keeps its image. */
  readonly image: string | null
  /**
   * A reset's request fields that the observing action's items also show (bmc `hostname`, `raidConfig`...), secrets
   * never: a successful reset leaves each on the instance, the given value or else the field's default (none: kept).
   */
  readonly carries: readonly { readonly field: string; readonly default: unknown }[]
  /** A status query's plausible item (its schema's first example): what an item shows beyond id and status; null: nothing. */
  readonly itemTemplate: Readonly<Record<string, unknown>> | null
  /** The item field showing the instance's image (the reset's image field, when the items have it); null: none. */
  readonly itemImage: string | null
  /**
   * A paged query's filters (x-zc-filters): the request field, the item path it is matched against (`tags.tags[].key`)
   * and how. Absent: none (a table made before filters existed).
   */
  readonly filters?: readonly RequestFilter[]
}

/** One filter of a paged query: an item is shown only when it matches every filter the request gives. */
export interface RequestFilter {
  readonly field: string
  /** Names joined by `.`, `[]` after a list's name for each of its elements. */
  readonly item: string
  /**
   * equal: a value at the path equals the request's; anyOf: equals one of the request's list (an object in the list
   * matches an item object with the same value in each field it gives); wildcard: equal, or, when the request's value
   * ends with `*`, contains what precedes it.
   */
  readonly match: 'equal' | 'anyOf' | 'wildcard'
}

export interface MockService extends Omit<ServiceDescriptor, 'operations' | 'codes'> {
  /** The spec's code for each role the engine answers (x-zc-role; code-roles.ts lists the roles). */
  readonly codes: MockCodes
  /** Every status an instance of the service can be in (the spec's enum). */
  readonly statuses: readonly string[]
  /** The length of an instance id, from the spec's id schema; null when the spec has no transition. */
  readonly instanceId: { readonly minLength: number; readonly maxLength: number } | null
  /** Codes answered before an action is chosen, with their statuses. */
  readonly protocolErrors: Readonly<Record<string, number>>
  readonly operations: Readonly<Record<string, MockOperation>>
}

/** The table a generated validator package exports (`validators`): each action's request validator. */
export interface ValidatorTable {
  readonly service: string
  readonly actions: Readonly<Record<string, { readonly request: RequestValidator }>>
}

/** What a generated request validator returns (@zenlayer-reset/<service>-validator). */
export type RequestValidator = (
  input: unknown,
) =>
  | { readonly ok: true }
  | { readonly ok: false; readonly code: string; readonly issues: readonly { message: string }[] }
