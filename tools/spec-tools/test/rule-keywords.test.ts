// The rule extensions JSON Schema cannot say are enforced on the specs'
// examples (zr-spec check), as the validators enforce them: an example that
// breaks one fails, naming the keyword.
import { describe, expect, it } from 'vitest'
import { createSchemaValidator } from '../src/check/schema-validator.js'

const ajv = createSchemaValidator()
const valid = (schema: object, data: unknown) => ajv.validate(schema, data)

describe('rule extensions on examples', () => {
  it('x-zc-consecutive: each integer one more than the one before', () => {
    const schema = { type: 'array', items: { type: 'integer' }, 'x-zc-consecutive': true }
    expect(valid(schema, [1, 2, 3])).toBe(true)
    expect(valid(schema, [])).toBe(true)
    expect(valid(schema, [1, 3])).toBe(false)
    expect(valid(schema, [2, 1])).toBe(false)
  })
  it('x-zc-distinct: the set fields differ', () => {
    const schema = { type: 'object', 'x-zc-distinct': { fields: ['a', 'b'], message: 'a and b must differ' } }
    expect(valid(schema, { a: 'x', b: 'y' })).toBe(true)
    expect(valid(schema, { a: 'x' })).toBe(true)
    expect(valid(schema, { a: 'x', b: 'x' })).toBe(false)
  })
  it("x-zc-first-item: the first item's field is one of the values", () => {
    const schema = { type: 'array', 'x-zc-first-item': { field: 'at', values: ['/', 'C'] } }
    expect(valid(schema, [{ at: '/' }, { at: '/data' }])).toBe(true)
    expect(valid(schema, [])).toBe(true)
    expect(valid(schema, [{ at: '/data' }, { at: '/' }])).toBe(false)
    expect(ajv.errorsText()).toContain('x-zc-first-item')
  })
})
