import type { ValidationIssue, ValidationResult } from '@zenlayer-reset/validator-runtime'
import type { ErrorObject, ValidateFunction } from 'ajv'
import { expect } from 'vitest'

// The three readings of one spec held against each other on one input: the
// compiled validator (what the client and the mock run), the zod route of the
// same package (createValidator over the zod schemas) and ajv on the shipped
// JSON Schema.
//
// - compiled and zod: the same verdict, the same value, and the same report:
//   every issue's path, rule, code and message, in the same order;
// - ajv: the same verdict (but where a rule is one JSON Schema cannot state),
//   and its first error names a field the compiled report names too. ajv stops
//   at its first error and orders keywords its own way (a list's length
//   before its items), so only "one of ours" can be asked of it; it knows no
//   API error codes, so codes are held two ways.
export type Validate = (input: unknown) => ValidationResult<unknown>

/**
 * zod's report as the compiled validators give it. One known difference: zod
 * runs a list's length checks on any value with a `length`, even one that is
 * not a list (`instanceIds: ""` also gets "must have at least 1 item"); the
 * compiled validators report the wrong type alone, as they do for every
 * other node. Those extra issues are dropped here, and only those.
 */
export function comparableZodIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const wrongType = new Set(issues.filter((i) => i.rule === 'type').map((i) => i.path))
  return issues.filter((i) => !(LENGTH_RULES.has(i.rule) && wrongType.has(i.path)))
}
const LENGTH_RULES = new Set(['minItems', 'maxItems', 'minLength', 'maxLength'])

/** ajv's error as our paths spell it: `/instanceIds/3` -> `instanceIds[3]`, a missing or unknown key appended. */
export function ajvPath(error: ErrorObject): string {
  const parts = error.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
  const params = error.params as { missingProperty?: string; additionalProperty?: string }
  if (error.keyword === 'required' && params.missingProperty) parts.push(params.missingProperty)
  if (error.keyword === 'additionalProperties' && params.additionalProperty) parts.push(params.additionalProperty)
  let out = ''
  for (const part of parts) out += /^\d+$/.test(part) ? `[${part}]` : out ? `.${part}` : part
  return out
}

/** Compiled and zod give the same result; returns the compiled one. */
export function expectSameAsZod(compiled: Validate, zod: Validate, input: unknown): ValidationResult<unknown> {
  const ours = compiled(input)
  const theirs = zod(input)
  expect(ours.ok, 'compiled and zod verdicts').toBe(theirs.ok)
  if (ours.ok && theirs.ok) expect(ours.value).toEqual(theirs.value)
  if (!ours.ok && !theirs.ok) {
    expect(ours.issues).toEqual(comparableZodIssues(theirs.issues))
    expect(ours.code).toBe(theirs.code)
  }
  return ours
}

/** All three agree on `input` (ajv on the verdict and on a field); returns the compiled result. */
export function expectThreeWay(
  compiled: Validate,
  zod: Validate,
  ajv: ValidateFunction,
  input: unknown,
): ValidationResult<unknown> {
  const ours = expectSameAsZod(compiled, zod, input)
  expect(ajv(input), 'ajv and compiled verdicts').toBe(ours.ok)
  if (!ours.ok) {
    const first = ajv.errors?.[0]
    expect(first, 'ajv names an error').toBeDefined()
    if (first) expect(ours.issues.map((i) => i.path)).toContain(ajvPath(first))
  }
  return ours
}
