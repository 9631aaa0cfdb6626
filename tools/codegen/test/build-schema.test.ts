import { describe, expect, it } from 'vitest'
import { buildSchema } from '../src/model/build-schema.js'

const at = { file: '/spec.yaml', pointer: '/s' }
const ctx = { origins: new WeakMap<object, { file: string; pointer: string }>() }
const build = (schema: unknown) => buildSchema(schema, at, ctx)

describe('buildSchema', () => {
  const cases: { name: string; given: unknown; want: Record<string, unknown> }[] = [
    {
      name: 'a string with its limits and parts',
      given: {
        type: 'string',
        minLength: 8,
        maxLength: 16,
        allOf: [{ pattern: '[0-9]', 'x-zc-message': 'must contain a digit' }],
      },
      want: {
        kind: 'string',
        minLength: 8,
        maxLength: 16,
        patterns: [{ pattern: '[0-9]', message: 'must contain a digit', errorCode: undefined }],
      },
    },
    {
      name: 'a const as a one-value list, typed by its value',
      given: { const: 'A' },
      want: { kind: 'string', values: ['A'] },
    },
    {
      name: 'a UTF-8 byte limit',
      given: { type: 'string', 'x-zc-max-utf8-bytes': 32768 },
      want: { kind: 'string', maxUtf8Bytes: 32768 },
    },
    {
      name: 'an array with limits and uniqueness',
      given: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 100, uniqueItems: true },
      want: { kind: 'array', minItems: 1, maxItems: 100, uniqueItems: true },
    },
    {
      name: 'an integer range with a default',
      given: { type: 'integer', minimum: 1, maximum: 1000, default: 20 },
      want: { kind: 'integer', minimum: 1, maximum: 1000, default: 20 },
    },
    {
      name: 'a secret with its error code',
      given: { type: 'string', 'x-zc-sensitive': true, 'x-zc-error-code': 'PW_BAD' },
      want: { kind: 'string', sensitive: true, errorCode: 'PW_BAD' },
    },
    {
      name: 'a strict object with an exclusive pair',
      given: {
        type: 'object',
        additionalProperties: false,
        required: ['a'],
        properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' } },
        allOf: [
          { not: { required: ['b', 'c'] }, 'x-zc-message': 'b and c cannot both be set', 'x-zc-error-code': 'BOTH' },
        ],
      },
      want: {
        kind: 'object',
        additionalProperties: false,
        exclusive: [{ fields: ['b', 'c'], message: 'b and c cannot both be set', errorCode: 'BOTH' }],
      },
    },
    {
      name: 'a one-schema allOf with its own default and code',
      given: {
        allOf: [{ type: 'string', minLength: 4 }],
        default: 'eth0',
        'x-zc-error-code': 'WAN_BAD',
        description: 'WAN',
      },
      want: { kind: 'string', minLength: 4, default: 'eth0', errorCode: 'WAN_BAD', description: 'WAN' },
    },
    {
      name: 'an integer enumeration',
      given: { type: 'integer', enum: [0, 1, 5, 10] },
      want: { kind: 'integer', values: [0, 1, 5, 10] },
    },
    {
      name: 'a list of consecutive integers',
      given: { type: 'array', items: { type: 'integer' }, 'x-zc-consecutive': true },
      want: { kind: 'array', consecutive: true, firstItem: undefined },
    },
    {
      name: "a list whose first item's field is one of some values",
      given: {
        type: 'array',
        items: { type: 'object', properties: { fsPath: { type: 'string' } } },
        'x-zc-first-item': { field: 'fsPath', values: ['/', 'C'] },
      },
      want: { kind: 'array', consecutive: false, firstItem: { field: 'fsPath', values: ['/', 'C'] } },
    },
    {
      name: 'an object whose two fields must differ',
      given: {
        type: 'object',
        properties: { wan: { type: 'string' }, lan: { type: 'string' } },
        'x-zc-distinct': { fields: ['wan', 'lan'], message: 'wan and lan must differ' },
      },
      want: { kind: 'object', distinct: [{ fields: ['wan', 'lan'], message: 'wan and lan must differ' }] },
    },
  ]
  it.each(cases)('models $name', ({ given, want }) => {
    expect(build(given)).toMatchObject(want)
  })

  it('keeps the order and requiredness of fields', () => {
    const node = build({
      type: 'object',
      required: ['z'],
      properties: { z: { type: 'boolean' }, a: { type: 'number' } },
    })
    expect(node.kind === 'object' && node.properties.map((p) => [p.name, p.required, p.schema.kind])).toEqual([
      ['z', true, 'boolean'],
      ['a', false, 'number'],
    ])
  })

  const refused: { name: string; given: unknown; problem: RegExp }[] = [
    {
      name: 'oneOf',
      given: { type: 'string', oneOf: [{ const: 'a' }] },
      problem: /keyword 'oneOf' is not supported on a string schema/,
    },
    { name: 'a schema without a type', given: { minLength: 1 }, problem: /schema has no type/ },
    { name: 'a type list', given: { type: ['string', 'null'] }, problem: /schema has \["string","null"\]/ },
    {
      name: 'schemas for extra fields',
      given: { type: 'object', additionalProperties: { type: 'string' } },
      problem: /additionalProperties must be true or false/,
    },
    {
      name: 'a required field that is not a property',
      given: { type: 'object', required: ['x'] },
      problem: /required field 'x' is not among the properties/,
    },
    {
      name: 'other rules in an object allOf',
      given: { type: 'object', allOf: [{ minProperties: 1 }] },
      problem: /allOf may only hold `not: \{required/,
    },
    {
      name: 'x-zc-consecutive on a list of strings',
      given: { type: 'array', items: { type: 'string' }, 'x-zc-consecutive': true },
      problem: /x-zc-consecutive needs integer items/,
    },
    {
      name: 'x-zc-first-item naming a field the items lack',
      given: {
        type: 'array',
        items: { type: 'object', properties: { a: { type: 'string' } } },
        'x-zc-first-item': { field: 'b', values: ['x'] },
      },
      problem: /x-zc-first-item needs object items with a string field 'b'/,
    },
    {
      name: 'x-zc-distinct naming a field the object lacks',
      given: {
        type: 'object',
        properties: { a: { type: 'string' } },
        'x-zc-distinct': { fields: ['a', 'b'], message: 'a and b differ' },
      },
      problem: /field 'b' is not among the properties/,
    },
    {
      name: 'a number enum of strings',
      given: { type: 'integer', enum: ['1'] },
      problem: /a number enum must list numbers/,
    },
    {
      name: 'a pattern that is not ECMA-262 with u',
      given: { type: 'string', pattern: '\\p{Nope}' },
      problem: /not a valid ECMA-262 regular expression/,
    },
    { name: 'an array without items', given: { type: 'array' }, problem: /needs items/ },
  ]
  it.each(refused)('refuses $name, naming the place', ({ given, problem }) => {
    expect(() => build(given)).toThrow(problem)
    expect(() => build(given)).toThrow(/spec\.yaml#\/s/)
  })
})
