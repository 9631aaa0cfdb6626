// Verifying what the client signed: ZC2-HMAC-SHA256 over the raw body bytes and
// the Content-Type and Host exactly as received, within the clock-skew window;
// or a bearer token.
import { type SignInput, sign } from '@zenlayer-reset/client-runtime'
import type { WireRequest } from './wire.js'

export interface MockCredentials {
  /** Access key id -> secret. */
  readonly accessKeys?: Readonly<Record<string, string>>
  readonly tokens?: readonly string[]
}

export const DEFAULT_CREDENTIALS: MockCredentials = {
  accessKeys: { 'mock-access-key': 'mock-access-secret' },
  tokens: ['mock-token'],
}

export type AuthFailure = { code: string; message: string }

/**
 * Computes the ZC2-HMAC-SHA256 signature hex of a request. The default is the
 * portable implementation of @zenlayer-reset/client-runtime (runs anywhere MSW
 * does); a Node server may pass one built on node:crypto, which is faster.
 */
export type Signer = (input: SignInput) => string

export const portableSigner: Signer = (input) => sign(input).signature

const AUTHORIZATION = /^ZC2-HMAC-SHA256 Credential=([^,\s]+), SignedHeaders=([^,\s]+), Signature=([0-9a-f]{64})$/

/** Compares two secrets in time that does not depend on where they differ. */
export function equalConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}

/** Undefined when the request is authentic; else the 401 code and a message that holds no secret. */
export function checkAuth(
  request: WireRequest,
  credentials: MockCredentials,
  nowMs: number,
  maxSkewSeconds: number,
  signer: Signer = portableSigner,
): AuthFailure | undefined {
  const header = request.headers.authorization
  if (!header) return { code: 'AUTH_FAILURE_CREDENTIALS_MISSING', message: 'Authorization header is required.' }
  if (header.startsWith('Bearer ')) {
    const token = header.slice('Bearer '.length)
    return (credentials.tokens ?? []).some((t) => equalConstantTime(t, token))
      ? undefined
      : { code: 'AUTH_FAILURE_TOKEN_INVALID', message: 'The bearer token is not valid.' }
  }
  const match = AUTHORIZATION.exec(header)
  const method = request.headers['x-zc-signature-method']
  const stamp = request.headers['x-zc-timestamp']
  if (match?.[2] !== 'content-type;host' || method !== 'ZC2-HMAC-SHA256' || !stamp || !/^\d{1,12}$/.test(stamp)) {
    return {
      code: 'AUTH_FAILURE_AUTHORIZATION_MALFORMED',
      message:
        'Expected Authorization: ZC2-HMAC-SHA256 Credential=<id>, SignedHeaders=content-type;host, Signature=<hex>, with X-ZC-Signature-Method and X-ZC-Timestamp.',
    }
  }
  // Indexed rather than destructured: destructuring walks the match with an iterator, on every request.
  const keyId = match[1] as string
  const signature = match[3] as string
  // Own keys only: a Credential of `constructor` or `__proto__` names no key.
  const keys = credentials.accessKeys
  const secret = keys !== undefined && Object.hasOwn(keys, keyId) ? keys[keyId] : undefined
  if (secret === undefined)
    return { code: 'AUTH_FAILURE_ACCESS_KEY_NOT_FOUND', message: `Access key ${keyId} is unknown.` }
  const skew = Math.abs(Math.floor(nowMs / 1000) - Number(stamp))
  if (skew > maxSkewSeconds) {
    return {
      code: 'AUTH_FAILURE_TIMESTAMP_EXPIRED',
      message: `X-ZC-Timestamp is ${skew} s from the server's clock; at most ${maxSkewSeconds} s are allowed.`,
    }
  }
  const expected = signer({
    accessKeyId: keyId,
    accessKeySecret: secret,
    contentType: request.headers['content-type'] ?? '',
    host: request.headers.host ?? '',
    body: request.body,
    timestamp: Number(stamp),
  })
  return equalConstantTime(expected, signature)
    ? undefined
    : { code: 'AUTH_FAILURE_SIGNATURE_MISMATCH', message: 'The signature does not match the request as received.' }
}
