import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkExamples } from '../src/check/examples.js'
import { checkExtensions, placeOf } from '../src/check/extensions.js'
import { checkOperations } from '../src/check/operations.js'
import type { CheckResult } from '../src/check/result.js'
import { runChecks } from '../src/check/run-checks.js'
import { loadSpec } from '../src/load/resolve.js'
import { minimalSpec, writeFixture } from './fixture-files.js'

const load = (text: string) => loadSpec(join(writeFixture({ 'spec.yaml': text }), 'spec.yaml'))
const failures = (results: CheckResult[]) => results.filter((r) => r.problems.length > 0)
const problems = (results: CheckResult[]) => failures(results).flatMap((r) => r.problems)

describe('the minimal fixture spec', () => {
  it('passes every check, openapi-typescript included', async () => {
    const results = await runChecks(load(minimalSpec()))
    expect(problems(results)).toEqual([])
    expect(results.map((r) => r.check)).toEqual(
      expect.arrayContaining(['example', 'action identity', 'openapi-typescript accepts']),
    )
  })
})

describe('checkExamples', () => {
  it('fails an example that breaks its schema, naming where', () => {
    const failed = failures(checkExamples(load(minimalSpec({ example: '{ name: a }' }))))
    expect(failed).toHaveLength(1)
    expect(failed[0]?.location.pointer).toBe(
      '/paths/~1api~1v2~1svc#DoThing/post/requestBody/content/application~1json/examples/one/value',
    )
    expect(failed[0]?.problems[0]).toMatch(/\/name must NOT have fewer than 2 characters/)
  })

  it('fails an example with a field the strict request does not define', () => {
    expect(problems(checkExamples(load(minimalSpec({ example: '{ name: abc, extra: 1 }' }))))).toEqual([
      '(root) must NOT have additional properties',
    ])
  })

  const schemaCases = [
    {
      name: 'a default that breaks its own schema',
      schema: '{ type: string, pattern: "^[a-z]+$", default: Eth0 }',
      bad: 1,
    },
    { name: 'a schema example that breaks it', schema: '{ type: integer, maximum: 3, examples: [1, 4] }', bad: 1 },
    {
      name: 'a string over its UTF-8 byte limit',
      schema: '{ type: string, x-zc-max-utf8-bytes: 3, examples: [abc, "é€"] }',
      bad: 1,
    },
    { name: 'valid defaults and examples', schema: '{ type: string, default: eth0, examples: [a, b] }', bad: 0 },
  ]
  it.each(schemaCases)('checks $name', ({ schema, bad }) => {
    const results = checkExamples(load(`components:\n  schemas:\n    S: ${schema}\n`))
    expect(failures(results)).toHaveLength(bad)
  })
})

describe('checkExtensions', () => {
  it.each([
    ['', 'document'],
    ['/paths/~1api~1v2~1svc#A/post', 'operation'],
    ['/components/securitySchemes/Sig', 'security-scheme'],
    ['/components/schemas/A/properties/b', 'schema'],
  ])('places %s as a %s', (pointer, place) => {
    expect(placeOf(pointer)).toBe(place)
  })

  const cases = [
    { name: 'an unknown extension', extra: 'x-zc-retries: 3', problem: /unknown extension x-zc-retries/ },
    { name: 'a misspelt one', extra: 'x-zc-idempotant: true', problem: /unknown extension x-zc-idempotant/ },
    {
      name: 'one in the wrong place',
      extra: 'x-zc-action: DoThing',
      problem: /belongs on a operation, not on a document/,
    },
    {
      name: 'a malformed value',
      extra: 'x-zc-decision: [{ kind: guess, reason: because of reasons }]',
      problem: /value\/0\/kind must be equal to one of the allowed values/,
    },
  ]
  it.each(cases)('fails $name', ({ extra, problem }) => {
    expect(problems(checkExtensions(load(`${minimalSpec()}${extra}\n`)))).toEqual([expect.stringMatching(problem)])
  })
})

describe('checkOperations', () => {
  it('fails an operationId that is not the action', () => {
    expect(problems(checkOperations(load(minimalSpec({ action: 'Other' }))))).toEqual([
      "operationId Other differs from the path's action DoThing",
    ])
  })

  it('fails an error code a rule can produce but no response documents', () => {
    const spec = minimalSpec().replace('x-zc-error-code: NAME_MALFORMED', 'x-zc-error-code: NAME_TOO_SHORT')
    expect(problems(checkOperations(load(spec)))).toEqual([
      "x-zc-error-code NAME_TOO_SHORT is not among the error responses' codes",
    ])
  })

  it('fails a state rule whose error code is undocumented', () => {
    const spec = minimalSpec().replace(
      'x-zc-idempotent: true',
      'x-zc-idempotent: true\n      x-zc-state-rules: [{ id: thing-exists, description: the thing exists, violation: { error: THING_GONE } }]',
    )
    expect(problems(checkOperations(load(spec)))).toEqual([
      'state rule thing-exists answers THING_GONE, which no error response documents',
    ])
  })

  it.each([
    ['nope', ['instances names nope, not a field of the request']],
    ['name', []],
  ])('checks that a transition names a request field as its instances (%s)', (field, expected) => {
    const spec = minimalSpec().replace(
      'x-zc-idempotent: true',
      `x-zc-idempotent: true\n      x-zc-transition: { from: [A], via: B, to: C, observe: DoThing, instances: ${field} }`,
    )
    const found = problems(checkOperations(load(spec))).filter((p) => p.startsWith('instances'))
    expect(found).toEqual(expected)
  })

  it('fails a version header that is not info.version', () => {
    const spec = minimalSpec().replace("const: '2025-01-01'", "const: '2024-01-01'")
    expect(problems(checkOperations(load(spec)))).toEqual([
      expect.stringMatching(/X-ZC-Version must be a required header with const 2025-01-01/),
    ])
  })

  it('fails a path that is not /api/v2/<service>#<Action>', () => {
    const spec = minimalSpec().replace('/api/v2/svc#DoThing:', '/api/v2/svc/DoThing:')
    expect(problems(checkOperations(load(spec)))).toEqual([expect.stringMatching(/path key must be/)])
  })
})
