import { describe, expect, it } from 'vitest'
import { redactBody, redactBodyText, redactHeaders } from '../src/redact.js'

describe('redaction', () => {
  it('masks the sensitive fields of a body and keeps the rest', () => {
    expect(
      redactBody({ instanceIds: ['a'], password: 'Example+123', userData: 'echo hi' }, ['password', 'userData']),
    ).toEqual({
      instanceIds: ['a'],
      password: '***',
      userData: '***',
    })
  })

  it.each([['not json'], ['[1,2]'], ['"a string"']])('masks %s whole', (text) => {
    expect(redactBodyText(text, ['password'])).toBe(text.startsWith('[') || text.startsWith('"') ? '"***"' : '***')
  })

  it('masks the Authorization header after its scheme', () => {
    const headers = new Headers({ Authorization: 'Bearer tok-123', 'X-ZC-Action': 'ResetInstance' })
    expect(redactHeaders(headers)).toEqual({ authorization: 'Bearer ***', 'x-zc-action': 'ResetInstance' })
  })
})
