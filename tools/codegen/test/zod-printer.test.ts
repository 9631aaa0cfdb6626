import { describe, expect, it } from 'vitest'
import { type PrintContext, printSchema, regexLiteral } from '../src/emit/validator/zod-printer.js'
import { buildSchema } from '../src/model/build-schema.js'
import type { SchemaNode } from '../src/model/types.js'

const at = { file: '/spec.yaml', pointer: '' }
const node = (schema: unknown) => buildSchema(schema, at, { origins: new WeakMap() })
const context = (mode: 'strict' | 'loose' = 'strict'): PrintContext => ({
  mode,
  named: new Map<SchemaNode, string>(),
  helpers: new Set(),
})

describe('printSchema', () => {
  const cases: { name: string; given: unknown; mode?: 'strict' | 'loose'; want: string; helpers?: string[] }[] = [
    { name: 'a boolean', given: { type: 'boolean' }, want: `z.boolean({ error: "must be true or false" })` },
    {
      name: 'an integer range',
      given: { type: 'integer', minimum: 1, maximum: 3 },
      want: `z.number({ error: "must be a number" }).check(wholeNumber, z.gte(1, { error: "must be at least 1" }), z.lte(3, { error: "must be at most 3" }))`,
      helpers: ['wholeNumber'],
    },
    {
      name: 'a string with a pattern part',
      given: { type: 'string', minLength: 1, allOf: [{ pattern: '[0-9]', 'x-zc-message': 'must contain a digit' }] },
      want: `z.string({ error: "must be a string" }).check(minChars(1), z.regex(/[0-9]/u, { error: "must contain a digit" }))`,
      helpers: ['minChars'],
    },
    {
      name: 'a pattern part with its own code, as a tagged refinement',
      given: { type: 'string', allOf: [{ pattern: 'a', 'x-zc-message': 'needs a', 'x-zc-error-code': 'NO_A' }] },
      want: `z.string({ error: "must be a string" }).check(z.refine((v: string) => /a/u.test(v), { error: "needs a", params: { rule: 'pattern', code: "NO_A" } }))`,
    },
    {
      name: 'an enum',
      given: { type: 'string', enum: ['A', 'B'] },
      want: `z.enum(["A","B"], { error: "must be one of A, B" })`,
    },
    { name: 'a const', given: { const: 'A' }, want: `z.literal("A", { error: "must be A" })` },
    {
      name: 'a UTF-8 limit',
      given: { type: 'string', 'x-zc-max-utf8-bytes': 9 },
      want: `z.string({ error: "must be a string" }).check(maxUtf8Bytes(9))`,
      helpers: ['maxUtf8Bytes'],
    },
    {
      name: 'a unique list',
      given: { type: 'array', items: { type: 'boolean' }, maxItems: 1, uniqueItems: true },
      want: `z.array(z.boolean({ error: "must be true or false" }), { error: "must be a list" }).check(z.maxLength(1, { error: "must have at most 1 item" }), noDuplicates)`,
      helpers: ['noDuplicates'],
    },
    {
      name: 'a strict request object',
      given: {
        type: 'object',
        additionalProperties: false,
        required: ['a'],
        properties: { a: { type: 'boolean' }, b: { type: 'boolean' } },
      },
      want: `z.strictObject({ "a": z.boolean({ error: "must be true or false" }), "b": z.optional(z.boolean({ error: "must be true or false" })) }, { error: "must be an object" })`,
    },
    {
      name: 'the same object in a reply, loose',
      given: { type: 'object', additionalProperties: false, properties: { a: { type: 'boolean' } } },
      mode: 'loose',
      want: `z.looseObject({ "a": z.optional(z.boolean({ error: "must be true or false" })) }, { error: "must be an object" })`,
    },
    {
      name: 'an exclusive pair',
      given: {
        type: 'object',
        properties: { a: { type: 'boolean' }, b: { type: 'boolean' } },
        allOf: [{ not: { required: ['a', 'b'] }, 'x-zc-message': 'not both', 'x-zc-error-code': 'BOTH' }],
      },
      want: `z.looseObject({ "a": z.optional(z.boolean({ error: "must be true or false" })), "b": z.optional(z.boolean({ error: "must be true or false" })) }, { error: "must be an object" }).check(atMostOneOf(["a","b"], "not both", "BOTH"))`,
      helpers: ['atMostOneOf'],
    },
  ]
  it.each(cases)('prints $name', ({ given, mode, want, helpers }) => {
    const ctx = context(mode)
    expect(printSchema(node(given), ctx)).toBe(want)
    expect([...ctx.helpers]).toEqual(helpers ?? [])
  })

  it('refuses a format it cannot check', () => {
    expect(() => printSchema(node({ type: 'string', format: 'email' }), context())).toThrow(/format 'email'/)
  })

  it.each([
    ['a/b', '/a\\/b/u'],
    ['a\\/b', '/a\\/b/u'],
    ['^[a-z]+$', '/^[a-z]+$/u'],
  ])('writes %s as the regex literal %s', (pattern, want) => {
    expect(regexLiteral(pattern)).toBe(want)
  })
})
