import { describe, expect, it } from 'vitest'
import {
  MASK,
  redactBody,
  redactBodyText,
  redactHeaders,
  redactValue,
  scrub,
  secretsOf,
  sensitiveValues,
} from '../src/redact.js'

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

  it('masks sensitive fields at any depth, in objects and arrays, whatever their case', () => {
    const body = {
      extra: { password: 'p1', Password: 'p2', inner: [{ userData: { script: 'x' } }] },
      list: [{ userData: 'u1' }, 'plain'],
      keep: 1,
    }
    expect(redactBody(body, ['password', 'userData'])).toEqual({
      extra: { password: MASK, Password: MASK, inner: [{ userData: MASK }] },
      list: [{ userData: MASK }, 'plain'],
      keep: 1,
    })
  })

  it('collects the values of sensitive fields at any depth', () => {
    const names = secretsOf(['password', 'userData']).names
    expect(sensitiveValues({ a: { password: 'p1' }, b: [{ userData: { x: 'u1', y: 7 } }], c: 'no' }, names)).toEqual([
      'p1',
      'u1',
      '7',
    ])
  })

  it('scrubs secret values from any text, also in their JSON-escaped spelling', () => {
    const secrets = secretsOf([], ['pa"ss', 'line\nbreak', 'x', 'abc'])
    expect(scrub('echo: pa"ss and {"v":"pa\\"ss"} and line\\nbreak', secrets)).toBe(
      `echo: ${MASK} and {"v":"${MASK}"} and ${MASK}`,
    )
    expect(redactValue({ message: 'your password pa"ss is weak', n: ['pa"ss'] }, secrets)).toEqual({
      message: `your password ${MASK} is weak`,
      n: [MASK],
    })
  })

  it('leaves values too short to be secrets in place (fields named sensitive are still masked)', () => {
    expect(redactValue({ a: 'abc', password: 'ab' }, secretsOf(['password'], ['abc', 'ab']))).toEqual({
      a: 'abc',
      password: MASK,
    })
  })

  it('survives cycles and depth', () => {
    const a: Record<string, unknown> = { name: 'a' }
    a.self = a
    let deep: Record<string, unknown> = { end: true }
    for (let i = 0; i < 100; i++) deep = { deep }
    expect(redactValue(a, secretsOf([]))).toEqual({ name: 'a', self: MASK })
    expect(JSON.stringify(redactValue(deep, secretsOf([])))).toContain(MASK)
  })

  it.each([['not json'], ['[1,2]'], ['"a string"']])('masks %s whole', (text) => {
    expect(redactBodyText(text, ['password'])).toBe(text.startsWith('[') || text.startsWith('"') ? '"***"' : '***')
  })

  it('masks credential headers whole and scrubs secrets from the others', () => {
    const headers = new Headers({
      Authorization: 'Bearer tok-123',
      'Proxy-Authorization': 'Basic abc',
      Cookie: 'session=abc',
      'Set-Cookie': 'id=1',
      'X-Echo': 'the token is schemeless-token',
      'X-ZC-Action': 'ResetInstance',
    })
    expect(redactHeaders(headers, secretsOf([], ['schemeless-token']))).toEqual({
      authorization: MASK,
      'proxy-authorization': MASK,
      cookie: MASK,
      'set-cookie': MASK,
      'x-echo': `the token is ${MASK}`,
      'x-zc-action': 'ResetInstance',
    })
  })
})
