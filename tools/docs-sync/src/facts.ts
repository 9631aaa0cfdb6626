// The neutral model every side of the check is read into: what a witness (a
// vendor page, a file of the vendor's YAML catalog, the spec, one day a vendor
// SDK) says about one operation, fact by fact, each fact with where it came
// from. It knows nothing of markdown, YAML or OpenAPI, so a new witness only
// needs a reader that produces it.
import type { DecisionFact } from '@zenlayer-reset/spec-tools'

/**
 * A fact kind a decision can name (owned by spec-tools' vocabulary), an error
 * code's presence, or the API version (which no decision can accept: the spec
 * describes one version, the one the vendor documents).
 */
export type FactKind = DecisionFact | 'errorCode' | 'version'

/** The vendor witnesses the check reads. */
export type WitnessKind = 'page' | 'catalog'

/** The limits a field can carry, in the order reports list them. */
export const FIELD_LIMITS = [
  'minLength',
  'maxLength',
  'charset',
  'firstChar',
  'mustContain',
  'minItems',
  'maxItems',
  'enum',
  'default',
] as const satisfies readonly DecisionFact[]
export type FieldLimit = (typeof FIELD_LIMITS)[number]

/** A fact's value: always plain JSON, compared by its canonical form. Character sets are strings of their characters, sorted. */
export type FactValue = string | number | boolean | readonly string[]

/** Where a vendor witness's fact was read (a page, a catalog file): enough to quote it and to find it again. */
export interface PageSource {
  readonly witness: WitnessKind
  /** The file or URL. */
  readonly page: string
  /** A page's `title`, `notes`, `input`, `output`, `example` or `errors`; a catalog file's `parameters`, `response`, `long` or `sdk`. */
  readonly table: string
  /** 1-based data row of a table; undefined outside tables. */
  readonly row: number | undefined
  /** The column, for a table cell. */
  readonly cell: string | undefined
  /** 1-based line in the page. */
  readonly line: number
  /** The words the fact was read from, cleaned of markup. */
  readonly quote: string
}

/** A decision as the spec records it, reduced to what a report shows. */
export interface DecisionNote {
  readonly ref: number | undefined
  readonly kind: 'departs-from-page' | 'fills-gap'
  readonly reason: string
  readonly facts: readonly DecisionFact[]
}

/** Where a spec fact lives, and the decisions recorded at that place. */
export interface SpecSource {
  readonly witness: 'spec'
  /** `specs/vm/openapi.yaml#/components/schemas/Password`. */
  readonly place: string
  readonly decisions: readonly DecisionNote[]
}

export type Source = PageSource | SpecSource

export interface Fact<T extends FactValue = FactValue> {
  readonly value: T
  readonly source: Source
}

export interface FieldFacts {
  readonly name: string
  readonly source: Source
  /** Absent for output fields, whose tables have no Required column. */
  readonly required: Fact<boolean> | undefined
  /** `string`, `boolean`, `integer`, `number`, `object`, `array of string`... */
  readonly type: Fact<string> | undefined
  readonly limits: Partial<Record<FieldLimit, Fact>>
}

export interface ErrorFact {
  readonly code: string
  readonly status: Fact<number>
  readonly source: Source
  /** Codes every service shares (the page defers them to its common error codes page). */
  readonly common: boolean
}

/** "At most one of" / "exactly one of" a set of request fields. */
export interface ExclusiveFact {
  /** The fields, sorted. */
  readonly fields: readonly string[]
  readonly rule: Fact<'at most one' | 'exactly one'>
}

export interface OperationFacts {
  readonly service: string
  readonly action: string
  readonly input: readonly FieldFacts[]
  readonly output: readonly FieldFacts[]
  readonly errors: readonly ErrorFact[]
  readonly exclusive: readonly ExclusiveFact[]
  /** Instance statuses the witness names for this action (the page's notes; the spec's transition). */
  readonly statuses: Fact<readonly string[]> | undefined
  /** The X-ZC-Action value the witness sends (the page's example; the catalog's sdk.action; the spec's action). */
  readonly actionName: Fact<string> | undefined
  /** The API version (X-ZC-Version) the witness documents: the catalog's sdk.version, the spec's info.version. */
  readonly version?: Fact<string> | undefined
  /**
   * Facts (bare keys, `output.requestId`) this witness never states by its
   * nature: a catalog file lists the reply's fields, not the envelope's
   * requestId, and no error codes (`errors`). The spec stating one is not a
   * witness gone silent.
   */
  readonly silentOn?: readonly string[]
}

/** One value's canonical form, so that equal facts compare equal whatever their order. */
export function canonical(value: FactValue | undefined): string {
  if (value === undefined) return ''
  if (Array.isArray(value)) return JSON.stringify([...value].sort())
  return JSON.stringify(value)
}

/** The facts without their sources: what a record keeps, and what two versions of a page are diffed on. */
export function bareFacts(op: OperationFacts): Record<string, FactValue> {
  const out: Record<string, FactValue> = {}
  const put = (key: string, fact: Fact | undefined): void => {
    if (fact) out[key] = fact.value
  }
  for (const [side, fields] of [
    ['input', op.input],
    ['output', op.output],
  ] as const) {
    for (const f of fields) {
      out[`${side}.${f.name}`] = true
      put(`${side}.${f.name}.required`, f.required)
      put(`${side}.${f.name}.type`, f.type)
      for (const limit of FIELD_LIMITS) put(`${side}.${f.name}.${limit}`, f.limits[limit])
    }
  }
  for (const e of op.errors) put(`errors.${e.code}.status`, e.status)
  for (const x of op.exclusive) put(`exclusive.${x.fields.join('+')}`, x.rule)
  put('statuses', op.statuses)
  put('actionName', op.actionName)
  put('version', op.version)
  return out
}
