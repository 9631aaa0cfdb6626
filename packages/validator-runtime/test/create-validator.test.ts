import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { atMostOneOf, createValidator, maxUtf8Bytes, noDuplicates, utf8Length } from '../src/index.js'

const schema = z
  .strictObject({
    ids: z
      .array(z.string().min(1, { error: 'must be at least 1 character' }))
      .max(2, { error: 'must have at most 2 items' })
      .check(noDuplicates),
    password: z.string().regex(/[0-9]/u, { error: 'must contain a digit' }).optional(),
    keyId: z.string().optional(),
    script: z.string().check(maxUtf8Bytes(4)).optional(),
  })
  .check(atMostOneOf(['password', 'keyId'], 'password and keyId cannot both be set', 'CONFLICT'))

const validate = createValidator(schema, {
  service: 'svc',
  action: 'DoThing',
  direction: 'request',
  codes: { ids: 'IDS_MALFORMED', password: 'PASSWORD_MALFORMED', script: 'SCRIPT_TOO_LONG' },
  // The generic codes are the spec's (x-zc-role), not the runtime's: made-up ones here prove it.
  generic: {
    parameterMissing: 'SVC_MISSING',
    parameterUnknown: 'SVC_UNKNOWN',
    valueMalformed: 'SVC_BAD_VALUE',
    bodyMalformed: 'SVC_BAD_BODY',
  },
})

describe('createValidator', () => {
  it('passes valid input through unchanged', () => {
    const input = { ids: ['a'], password: 'x1' }
    expect(validate(input)).toEqual({ ok: true, value: input })
  })

  const cases = [
    {
      name: 'a missing field',
      input: {},
      issue: { path: 'ids', rule: 'required', message: 'ids is required', code: 'SVC_MISSING' },
    },
    {
      name: 'an unknown field',
      input: { ids: ['a'], extra: 1 },
      issue: {
        path: 'extra',
        rule: 'unknown',
        message: 'extra is not a parameter of DoThing',
        code: 'SVC_UNKNOWN',
      },
    },
    {
      name: 'a broken pattern, with its message',
      input: { ids: ['a'], password: 'abc' },
      issue: {
        path: 'password',
        rule: 'pattern',
        message: 'password must contain a digit',
        code: 'PASSWORD_MALFORMED',
      },
    },
    {
      name: 'an item rule, taking the list code',
      input: { ids: [''] },
      issue: {
        path: 'ids[0]',
        rule: 'minLength',
        message: 'ids[0] must be at least 1 character',
        code: 'IDS_MALFORMED',
      },
    },
    {
      name: 'too many items',
      input: { ids: ['a', 'b', 'c'] },
      issue: { path: 'ids', rule: 'maxItems', message: 'ids must have at most 2 items', code: 'IDS_MALFORMED' },
    },
    {
      name: 'a duplicate, named',
      input: { ids: ['a', 'a'] },
      issue: { path: 'ids', rule: 'uniqueItems', message: 'ids has a duplicate: a', code: 'IDS_MALFORMED' },
    },
    {
      name: 'too many UTF-8 bytes',
      input: { ids: ['a'], script: 'é€' },
      issue: {
        path: 'script',
        rule: 'maxUtf8Bytes',
        message: 'script must be at most 4 bytes of UTF-8 (has 5)',
        code: 'SCRIPT_TOO_LONG',
      },
    },
    {
      name: 'two exclusive fields, with the rule code',
      input: { ids: ['a'], password: 'x1', keyId: 'k' },
      issue: {
        path: '',
        rule: 'exclusive',
        message: 'password and keyId cannot both be set',
        code: 'CONFLICT',
      },
    },
    {
      name: 'a body that is not an object',
      input: 'nope',
      issue: { path: '', rule: 'type', code: 'SVC_BAD_BODY' },
    },
    {
      name: 'a wrong type, without a field code',
      input: { ids: ['a'], keyId: 5 },
      issue: { path: 'keyId', rule: 'type', code: 'SVC_BAD_VALUE' },
    },
  ]
  it.each(cases)('reports $name', ({ input, issue }) => {
    const result = validate(input)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues[0]).toMatchObject(issue)
    expect(result.code).toBe(issue.code)
  })

  it('never puts the value of a field in a message', () => {
    const secret = 'Sup3r-Secret'
    const result = validate({ ids: ['a'], password: secret, keyId: 'k', extra: secret })
    expect(JSON.stringify(result)).not.toContain(secret)
  })
})

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['\ud800', 3],
  ])('%j is %i bytes, as TextEncoder counts', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes)
    expect(new TextEncoder().encode(text).length).toBe(bytes)
  })
})
