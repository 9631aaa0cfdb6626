import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { type CompiledContext, printChecks } from '../src/emit/validator/compiled-printer.js'
import { buildSchema } from '../src/model/build-schema.js'

// The compiled printer rule by rule, on shapes the two specs do not all use
// (nested strict objects, lists of objects, long enumerations, a literal, a
// rule deeper than the body): each schema is printed, run, and its report
// compared with the one written here. The real specs' validators are held to
// the zod route and ajv in tools/validator-checks.
const at = { file: '/spec.yaml', pointer: '' }
const node = (schema: unknown) => buildSchema(schema, at, { origins: new WeakMap() })
const generic = {
  parameterMissing: 'MISSING',
  parameterUnknown: 'UNKNOWN',
  valueMalformed: 'BAD',
  bodyMalformed: 'BODY',
}

// Printed functions are written beside this file, so that their import of the runtime resolves.
const scratch = mkdtempSync(join(fileURLToPath(new URL('.', import.meta.url)), '.compiled-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
let count = 0

type Issue = { path: string; rule: string; message: string; code: string }
type Validate = (input: unknown) => { ok: true; value: unknown } | { ok: false; code: string; issues: Issue[] }

async function compile(schema: unknown, mode: 'strict' | 'loose' = 'strict', codes = {}): Promise<Validate> {
  const constants = new Map<string, string>()
  const runtime = new Set<string>(['addIssue'])
  const ctx: CompiledContext = { mode, action: 'Do', direction: 'request', codes, generic, constants, runtime }
  const { body, tracksHard } = printChecks(node(schema), ctx)
  const source = `import { ${[...runtime].join(', ')} } from '@zenlayer-reset/validator-runtime/compiled'
${[...constants].map(([src, name]) => `const ${name} = ${src}`).join('\n')}
export function validate(input: unknown) {
  let issues: { path: string; rule: string; message: string; code: string }[] | undefined
  ${tracksHard ? 'let hard = 0' : ''}
  ${body}
  return issues === undefined ? { ok: true, value: input } : { ok: false, code: issues[0]?.code, issues }
}
`
  const file = join(scratch, `v${count++}.ts`)
  writeFileSync(file, source)
  return ((await import(file)) as { validate: Validate }).validate
}

const issues = (validate: Validate, input: unknown) => {
  const result = validate(input)
  return result.ok ? [] : result.issues
}

describe('printChecks', () => {
  it('a nested strict object: its unknown keys and its rules are named by their full path', async () => {
    const v = await compile({
      type: 'object',
      additionalProperties: false,
      properties: {
        inner: {
          type: 'object',
          additionalProperties: false,
          properties: { a: { type: 'string' }, b: { type: 'string' } },
          allOf: [{ not: { required: ['a', 'b'] }, 'x-zc-message': 'cannot have both' }],
        },
      },
    })
    expect(issues(v, { inner: { a: 'x', b: 'y', c: 1 } })).toEqual([
      { path: 'inner.c', rule: 'unknown', message: 'c is not a parameter of Do', code: 'UNKNOWN' },
      { path: 'inner', rule: 'exclusive', message: 'inner cannot have both', code: 'BAD' },
    ])
    expect(issues(v, { inner: { a: 1, b: 'y' } }).map((i) => i.rule)).toEqual(['type'])
  })

  it('a list of objects: item paths carry the index, a missing item field is required', async () => {
    const v = await compile(
      {
        type: 'array',
        uniqueItems: true,
        items: { type: 'object', properties: { id: { type: 'string', minLength: 2 } }, required: ['id'] },
      },
      'strict',
      { '[].id': 'ID_BAD' },
    )
    expect(issues(v, [{ id: 'ab' }, {}, { id: 'a' }])).toEqual([
      { path: '[1].id', rule: 'required', message: '[1].id is required', code: 'MISSING' },
      { path: '[2].id', rule: 'minLength', message: '[2].id must be at least 2 characters', code: 'ID_BAD' },
    ])
    // Duplicates are looked for only when every item had the right shape (zod's order: items, then the list).
    expect(issues(v, [{ id: 'ab' }, { id: 'ab' }])).toEqual([
      { path: '', rule: 'uniqueItems', message: 'request has a duplicate: {"id":"ab"}', code: 'BAD' },
    ])
  })

  it('a hole in a list is a missing item, a wrong item a wrong type', async () => {
    const v = await compile({ type: 'array', items: { type: 'integer' } })
    expect(issues(v, [1, undefined, 'x', 2.5])).toEqual([
      { path: '[1]', rule: 'required', message: '[1] is required', code: 'MISSING' },
      { path: '[2]', rule: 'type', message: '[2] must be a number', code: 'BAD' },
      { path: '[3]', rule: 'type', message: '[3] must be an integer', code: 'BAD' },
    ])
  })

  it.each([
    [
      'a long enumeration (a set)',
      { type: 'string', enum: ['A', 'B', 'C', 'D', 'E'] },
      'E',
      'F',
      'must be one of A, B, C, D, E',
    ],
    ['a short one (comparisons)', { type: 'string', enum: ['A', 'B'] }, 'B', 3, 'must be one of A, B'],
    ['a literal', { const: 'ONLY' }, 'ONLY', 'OTHER', 'must be ONLY'],
  ])('%s: membership alone, a value of another type breaks it too', async (_name, schema, good, bad, message) => {
    const v = await compile({ type: 'object', properties: { f: schema } })
    expect(issues(v, { f: good })).toEqual([])
    expect(issues(v, { f: bad })).toEqual([{ path: 'f', rule: 'enum', message: `f ${message}`, code: 'BAD' }])
  })

  it('in a reply, an enumeration is open: any string', async () => {
    const v = await compile({ type: 'object', properties: { s: { type: 'string', enum: ['UP', 'DOWN'] } } }, 'loose')
    expect(issues(v, { s: 'HIBERNATING', extra: 1 })).toEqual([])
    expect(issues(v, { s: 1 }).map((i) => i.rule)).toEqual(['type'])
  })

  it('numbers: bounds inclusive, NaN and the infinities are no numbers', async () => {
    const v = await compile({ type: 'object', properties: { n: { type: 'number', minimum: 1, maximum: 2 } } })
    expect(issues(v, { n: 1 })).toEqual([])
    expect(issues(v, { n: 2 })).toEqual([])
    expect(issues(v, { n: 2.5 }).map((i) => i.rule)).toEqual(['maximum'])
    expect(issues(v, { n: Number.NaN }).map((i) => i.rule)).toEqual(['type'])
    expect(issues(v, { n: Number.POSITIVE_INFINITY }).map((i) => i.rule)).toEqual(['type'])
  })

  it('UTF-8 bytes: counted only when the string could be over, and the count is reported', async () => {
    const v = await compile({ type: 'object', properties: { t: { type: 'string', 'x-zc-max-utf8-bytes': 4 } } })
    expect(issues(v, { t: 'é' })).toEqual([])
    expect(issues(v, { t: 'éé' })).toEqual([])
    expect(issues(v, { t: 'é€' })).toEqual([
      { path: 't', rule: 'maxUtf8Bytes', message: 't must be at most 4 bytes of UTF-8 (has 5)', code: 'BAD' },
    ])
  })

  it('the body itself: not an object is the body code, under the direction', async () => {
    const v = await compile({ type: 'object', additionalProperties: false, properties: {} })
    expect(issues(v, [])).toEqual([{ path: '', rule: 'type', message: 'request must be an object', code: 'BODY' }])
    expect(issues(v, { any: 1 })).toEqual([
      { path: 'any', rule: 'unknown', message: 'any is not a parameter of Do', code: 'UNKNOWN' },
    ])
  })
})
