// The reference table of when a failed call is tried again. A reset (not
// idempotent) is repeated only when the server provably did not act on it.
import { describe, expect, it } from 'vitest'
import {
  ApiError,
  EdgeBlockedError,
  InvalidInputError,
  NetworkError,
  ProtocolError,
  RedirectError,
  TimeoutError,
  type ZenlayerError,
} from '../src/errors.js'
import { retryAfterMs, retryReason, serverSeconds } from '../src/retry.js'

const api = (status: number, code: string) => new ApiError(code, 'm', 'req', status, 'A')
const rows: [string, ZenlayerError, string | undefined, string | undefined][] = [
  // name, error, reason for a reset, reason for an idempotent action
  ['429 with the envelope', api(429, 'REQUEST_LIMIT_EXCEEDED'), 'rate-limited', 'rate-limited'],
  ['429 with another code', api(429, 'SOMETHING'), 'rate-limited', 'rate-limited'],
  ['429 without the envelope', new EdgeBlockedError(429, 'rate-limited', 'A'), 'rate-limited', 'rate-limited'],
  ['500 carrying the rate-limit code', api(500, 'REQUEST_LIMIT_EXCEEDED'), undefined, 'server-error'],
  ['502 carrying the rate-limit code', api(502, 'REQUEST_LIMIT_EXCEEDED'), undefined, 'server-error'],
  ['503 carrying the rate-limit code', api(503, 'REQUEST_LIMIT_EXCEEDED'), undefined, 'server-error'],
  ['504 carrying the rate-limit code', api(504, 'REQUEST_LIMIT_EXCEEDED'), undefined, 'server-error'],
  ['400 carrying the rate-limit code', api(400, 'REQUEST_LIMIT_EXCEEDED'), undefined, undefined],
  ['503 SERVICE_TEMPORARY_UNAVAILABLE', api(503, 'SERVICE_TEMPORARY_UNAVAILABLE'), undefined, 'server-error'],
  ['an HTML 502 from a gateway', new EdgeBlockedError(502, 'not-json', 'A'), undefined, 'server-error'],
  ['an edge challenge', new EdgeBlockedError(403, 'challenge', 'A'), undefined, undefined],
  ['404', api(404, 'INVALID_IMAGE_NOT_FOUND'), undefined, undefined],
  ['401 timestamp expired', api(401, 'AUTH_FAILURE_TIMESTAMP_EXPIRED'), undefined, undefined],
  ['connection refused', new NetworkError('A', true, new Error('x')), 'not-sent', 'not-sent'],
  ['connection dropped', new NetworkError('A', false, new Error('x')), undefined, 'transient'],
  ['attempt timeout', new TimeoutError('A', 1, 'attempt'), undefined, 'transient'],
  ['a redirect', new RedirectError('A', 307), undefined, undefined],
  ['a malformed reply', new ProtocolError('REPLY_MALFORMED', 'A', 200, 'd', []), undefined, undefined],
  ['an oversized reply', new ProtocolError('REPLY_TOO_LARGE', 'A', 200, 'd', []), undefined, undefined],
  ['invalid input', new InvalidInputError('X', [], 'A'), undefined, undefined],
]

describe('retryReason', () => {
  it.each(rows)('%s', (_name, error, forReset, forIdempotent) => {
    expect(retryReason(error, false)).toBe(forReset)
    expect(retryReason(error, true)).toBe(forIdempotent)
  })
})

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')
  it.each([
    ['0', 0],
    ['1', 1000],
    [' 7 ', 7000],
    ['86400', 86_400_000],
    ['-1', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['', undefined],
    ['1e3', undefined],
    ['Thu, 01 Jan 2026 00:00:05 GMT', 5000],
    ['Wed, 31 Dec 2025 23:00:00 GMT', 0],
    ['Thursday, 01-Jan-26 00:00:05 GMT', 5000],
    ['2026-01-01', undefined],
    ['99999999999999999999', undefined],
  ])('%j -> %s', (header, expected) => {
    expect(retryAfterMs(header, now)).toBe(expected)
  })
  it('absent -> undefined', () => {
    expect(retryAfterMs(null, now)).toBeUndefined()
  })
})

describe('serverSeconds', () => {
  it('reads an HTTP date and refuses anything else', () => {
    expect(serverSeconds('Thu, 01 Jan 2026 00:00:05 GMT')).toBe(Date.parse('2026-01-01T00:00:05Z') / 1000)
    expect(serverSeconds('yesterday')).toBeUndefined()
    expect(serverSeconds('1767225605')).toBeUndefined()
    expect(serverSeconds(null)).toBeUndefined()
  })
})
