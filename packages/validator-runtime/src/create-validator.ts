// zod's core types: a schema of zod/mini (what the generated packages use) or of zod classic.
import type * as core from 'zod/v4/core'
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

type Issue = core.$ZodIssue

function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part)
  return out
}

/** The nearest x-zc-error-code at or above a path: `instanceIds[3]` looks up `instanceIds[]`, then `instanceIds`, then ''. */
function nearestCode(codes: Readonly<Record<string, string>>, path: readonly PropertyKey[]): string | undefined {
  for (let n = path.length; n >= 0; n--) {
    const key = formatPath(path.slice(0, n).map((p) => (typeof p === 'number' ? 0 : p))).replace(/\[0\]/g, '[]')
    const code = codes[key]
    if (code) return code
  }
  return undefined
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<PropertyKey, unknown>)[part]
  }
  return node
}

const RULES: Record<string, Record<string, string>> = {
  too_small: { string: 'minLength', array: 'minItems', number: 'minimum', int: 'minimum' },
  too_big: { string: 'maxLength', array: 'maxItems', number: 'maximum', int: 'maximum' },
}

function toIssues(issue: Issue, input: unknown, meta: ValidatorMeta): ValidationIssue[] {
  const path = formatPath(issue.path)
  const label = path || meta.direction
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: path ? `${path}.${key}` : key,
      rule: 'unknown',
      message: `${key} is not a parameter of ${meta.action}`,
      code: meta.generic.parameterUnknown,
    }))
  }
  if (issue.code === 'invalid_type' && issue.path.length > 0 && valueAt(input, issue.path) === undefined) {
    return [{ path, rule: 'required', message: `${label} is required`, code: meta.generic.parameterMissing }]
  }
  let rule: string
  let own: string | undefined
  if (issue.code === 'custom') {
    const params = (issue.params ?? {}) as { rule?: string; code?: string }
    rule = params.rule ?? 'custom'
    own = params.code
  } else if (issue.code === 'too_small' || issue.code === 'too_big') {
    rule = RULES[issue.code]?.[issue.origin] ?? issue.code
  } else if (issue.code === 'invalid_format') {
    rule = 'pattern'
  } else if (issue.code === 'invalid_value') {
    rule = 'enum'
  } else if (issue.code === 'invalid_type') {
    rule = 'type'
  } else {
    rule = issue.code
  }
  const code =
    own ??
    nearestCode(meta.codes, issue.path) ??
    (issue.path.length === 0 && rule === 'type' ? meta.generic.bodyMalformed : meta.generic.valueMalformed)
  // A rule on the body itself ("password and keyId cannot both be set") already names its fields.
  const message = path === '' && issue.code === 'custom' ? issue.message : `${label} ${issue.message}`
  return [{ path, rule, message, code }]
}

/**
 * A validator from a generated zod schema: `{ok: true, value}` with the input
 * as given (no defaults applied), or `{ok: false, code, issues}` where `code`
 * is the API error code the server would answer (that of the first issue).
 */
export function createValidator<S extends core.$ZodType>(
  schema: S,
  meta: ValidatorMeta,
): (input: unknown) => ValidationResult<core.output<S>> {
  // The Standard Schema entry point hands back zod's finalized issues without
  // constructing a ZodError (an Error, with a stack trace to capture).
  const standard = schema['~standard']
  return (input) => {
    const result = standard.validate(input)
    if (result instanceof Promise) throw new Error(`${meta.action}: the generated schema is unexpectedly asynchronous`)
    if (!result.issues) return { ok: true, value: result.value as core.output<S> }
    const issues = (result.issues as readonly Issue[]).flatMap((issue) => toIssues(issue, input, meta))
    return { ok: false, code: issues[0]?.code ?? meta.generic.valueMalformed, issues }
  }
}
