// What every validator answers, zod-backed or compiled. No zod here.
import type { ValidatorCodes } from './code-roles.js'

/** One broken rule: where, which rule, what to tell a person, and the API error code. */
export interface ValidationIssue {
  /** `instanceIds[3]`, `password`, or '' for the body itself. */
  readonly path: string
  /** `required`, `unknown`, `type`, `minLength`, `maxItems`, `pattern`, `enum`, `uniqueItems`, `maxUtf8Bytes`, `exclusive`... */
  readonly rule: string
  /** Starts with the field: "password must contain a digit". Never holds the value of a secret. */
  readonly message: string
  readonly code: string
}

export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: string; readonly issues: readonly ValidationIssue[] }

export interface ValidatorMeta {
  readonly service: string
  readonly action: string
  readonly direction: 'request' | 'response'
  /** The spec's x-zc-error-code by field path (`instanceIds[]` for items); the nearest applies. */
  readonly codes: Readonly<Record<string, string>>
  /** The spec's generic codes (x-zc-role): for a missing or unknown field, a broken rule without its own code, a body that is no object. */
  readonly generic: ValidatorCodes
}

/** Appends a broken rule to a report that may not exist yet: a valid input allocates none. */
export function addIssue(issues: ValidationIssue[] | undefined, issue: ValidationIssue): ValidationIssue[] {
  if (issues === undefined) return [issue]
  issues.push(issue)
  return issues
}
