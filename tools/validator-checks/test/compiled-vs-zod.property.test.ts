import * as bmc from '@zenlayer-reset/bmc-validator'
import * as vm from '@zenlayer-reset/vm-validator'
import * as zec from '@zenlayer-reset/zec-validator'
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { schemaOf } from './shipped-schema.js'
import { expectSameAsZod, type Validate } from './three-way.js'

// The compiled validators against the zod route on messy input: values
// shaped by the shipped JSON Schema of each request and reply (every field,
// at and around each bound, of the right type or not, lists with repeats,
// unknown keys, missing ones), so that several rules break at once and at any
// depth. The whole report must match: every issue's path, rule, code and
// message, in order (three-way.ts).
const RUNS = 3_000
type Json = Record<string, unknown>

const anyValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 5 }),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
)

/** Values around the rules of a JSON Schema node, or of another type. */
function shaped(node: Json, defs: Json, depth = 0): fc.Arbitrary<unknown> {
  if (typeof node.$ref === 'string') return shaped(defs[node.$ref.replace('#/$defs/', '')] as Json, defs, depth)
  const own = ownShape(node, defs, depth)
  return fc.oneof({ weight: 5, arbitrary: own }, { weight: 1, arbitrary: anyValue })
}

function ownShape(node: Json, defs: Json, depth: number): fc.Arbitrary<unknown> {
  if (Array.isArray(node.anyOf)) return fc.oneof(...node.anyOf.map((n) => shaped(n as Json, defs, depth)))
  if (Array.isArray(node.enum)) return fc.oneof(fc.constantFrom(...node.enum), fc.string({ maxLength: 4 }))
  if (node.const !== undefined) return fc.oneof(fc.constant(node.const), fc.string({ maxLength: 4 }))
  switch (node.type) {
    case 'object': {
      const props = (node.properties ?? {}) as Record<string, Json>
      const fields = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, shaped(v, defs, depth + 1)]))
      const extra = fc.dictionary(fc.constantFrom('extra', 'other', 'x1'), anyValue, { maxKeys: 1 })
      return fc
        .tuple(fc.record(fields, { requiredKeys: [] }), fc.oneof(fc.constant({}), extra))
        .map(([known, more]) => ({ ...more, ...known }))
    }
    case 'array': {
      const items = shaped(node.items as Json, defs, depth + 1)
      const max = typeof node.maxItems === 'number' ? Math.min(node.maxItems + 2, 8) : 4
      return fc
        .array(items, { maxLength: max })
        .chain((list) =>
          list.length > 0 ? fc.oneof(fc.constant(list), fc.constant([...list, list[0]])) : fc.constant(list),
        )
    }
    case 'string':
      return stringAround(node)
    case 'integer':
    case 'number': {
      const lo = typeof node.minimum === 'number' ? node.minimum : 0
      const hi = typeof node.maximum === 'number' ? node.maximum : lo + 10
      return fc.oneof(fc.constantFrom(lo - 1, lo, hi, hi + 1, lo + 0.5), fc.integer({ min: lo - 2, max: hi + 2 }))
    }
    case 'boolean':
      return fc.boolean()
    default:
      return anyValue
  }
}

function stringAround(node: Json): fc.Arbitrary<string> {
  const lengths = [node.minLength, node.maxLength].filter((n): n is number => typeof n === 'number')
  const near = lengths.flatMap((n) => [n - 1, n, n + 1]).filter((n) => n >= 0 && n <= 80)
  const chars = fc.constantFrom('a', 'Z', '9', '-', '.', '_', '+', '!', ' ', 'é', '😀', '/')
  return fc.oneof(
    fc.string({ unit: chars, maxLength: 20 }),
    near.length > 0
      ? fc.constantFrom(...near).chain((n) => fc.string({ unit: chars, minLength: n, maxLength: n }))
      : fc.string(),
    fc.constantFrom(
      'Example+123',
      'Ab(defg1',
      'eth0',
      'lan0',
      'wan0',
      '/',
      'C',
      'T1A2B3C4D-5E6F-4708-9A0B-1C2D3E4F5A6B',
    ),
  )
}

const packages = { zec, vm, bmc } as const
const cases = (['zec', 'vm', 'bmc'] as const).flatMap((service) =>
  Object.entries(packages[service].validators.actions).flatMap(([action, pair]) =>
    (['request', 'response'] as const).map((direction) => ({
      title: `${service} ${action} ${direction}`,
      compiled: pair[direction] as Validate,
      zod: (packages[service].zodValidators.actions as Record<string, Record<string, Validate>>)[action]?.[
        direction
      ] as Validate,
      schema: schemaOf(service, action, direction === 'request' ? 'request' : 'reply'),
    })),
  ),
)

describe.each(cases)('$title: compiled and zod give the same report', ({ compiled, zod, schema }) => {
  it(`on ${RUNS} inputs shaped by the spec, breaking any number of rules`, () => {
    const input = fc.oneof({ weight: 9, arbitrary: shaped(schema, schema.$defs as Json) }, anyValue)
    fc.assert(
      fc.property(input, (value) => {
        expectSameAsZod(compiled, zod, value)
      }),
      { numRuns: RUNS, seed: 20261202 },
    )
  })
})
