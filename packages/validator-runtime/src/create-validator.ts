// zod's core types: a schema of zod/mini (what the generated packages use) or of zod classic.
import type * as core from 'zod/v4/core'
import { fieldMessage, requiredMessage, unknownMessage } from './messages.js'
import { formatPath, nearestCode } from './paths.js'
import type { ValidationIssue, ValidationResult, ValidatorMeta } from './result.js'

export type { ValidationIssue, ValidationResult, ValidatorMeta }

type Issue = core.$ZodIssue

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
      message: unknownMessage(key, meta.action),
      code: meta.generic.parameterUnknown,
    }))
  }
  if (issue.code === 'invalid_type' && issue.path.length > 0 && valueAt(input, issue.path) === undefined) {
    return [{ path, rule: 'required', message: requiredMessage(label), code: meta.generic.parameterMissing }]
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
  const message = path === '' && issue.code === 'custom' ? issue.message : fieldMessage(label, issue.message)
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
