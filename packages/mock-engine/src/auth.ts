// Verifying what the client signed: ZC2-HMAC-SHA256 over the raw body bytes and
// the Content-Type and Host exactly as received, within the clock-skew window;
// or a bearer token.
import { defaultSigner, type Signer, type SigningDescriptor } from '@zenlayer-reset/client-runtime'
import type { MockCodeRole } from './code-roles.js'
import type { WireRequest } from './wire.js'

// The signer (node:crypto's on Node, else the portable one) is the client's: one owner.
export { defaultSigner, portableSigner, type Signer } from '@zenlayer-reset/client-runtime'

export interface MockCredentials {
  /** Access key id -> secret. */
  readonly accessKeys?: Readonly<Record<string, string>>
  readonly tokens?: readonly string[]
}

export const DEFAULT_CREDENTIALS: MockCredentials = {
  accessKeys: { 'mock-access-key': 'mock-access-secret' },
  tokens: ['mock-token'],
}

/** Why a request is not authentic: the role of the 401 code (the spec names the code) and a message that holds no secret. */
export type AuthFailure = {
  role: Extract<
    MockCodeRole,
    | 'credentialsMissing'
    | 'tokenInvalid'
    | 'authorizationMalformed'
    | 'accessKeyUnknown'
    | 'timestampExpired'
    | 'signatureMismatch'
  >
  message: string
}

const AUTHORIZATION = /^ZC2-HMAC-SHA256 Credential=([^,\s]+), SignedHeaders=([^,\s]+), Signature=([0-9a-f]{64})$/

/** Compares two secrets in time that does not depend on where they differ. */
export function equalConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}

/**
 * Undefined when the request is authentic; else why not. The header names,
 * the signed headers and the clock-skew window are the spec's (x-zc-signing).
 */
export function checkAuth(
  request: WireRequest,
  credentials: MockCredentials,
  nowMs: number,
  signing: SigningDescriptor,
  signer: Signer = defaultSigner(),
): AuthFailure | undefined {
  const header = request.headers[signing.authorizationHeader.toLowerCase()]
  if (!header) return { role: 'credentialsMissing', message: `${signing.authorizationHeader} header is required.` }
  if (header.startsWith('Bearer ')) {
    const token = header.slice('Bearer '.length)
    return (credentials.tokens ?? []).some((t) => equalConstantTime(t, token))
      ? undefined
      : { role: 'tokenInvalid', message: 'The bearer token is not valid.' }
  }
  const match = AUTHORIZATION.exec(header)
  const method = request.headers[signing.signatureMethodHeader.toLowerCase()]
  const stamp = request.headers[signing.timestampHeader.toLowerCase()]
  const signed = signedHeadersOf(signing)
  if (match?.[2] !== signed || method !== signing.algorithm || !stamp || !/^\d{1,12}$/.test(stamp)) {
    return {
      role: 'authorizationMalformed',
      message: `Expected ${signing.authorizationHeader}: ${signing.algorithm} Credential=<id>, SignedHeaders=${signed}, Signature=<hex>, with ${signing.signatureMethodHeader} and ${signing.timestampHeader}.`,
    }
  }
  // Indexed rather than destructured: destructuring walks the match with an iterator, on every request.
  const keyId = match[1] as string
  const signature = match[3] as string
  // Own keys only: a Credential of `constructor` or `__proto__` names no key.
  const keys = credentials.accessKeys
  const secret = keys !== undefined && Object.hasOwn(keys, keyId) ? keys[keyId] : undefined
  if (secret === undefined) return { role: 'accessKeyUnknown', message: `Access key ${keyId} is unknown.` }
  const skew = Math.abs(Math.floor(nowMs / 1000) - Number(stamp))
  const maxSkewSeconds = signing.maxClockSkewSeconds
  if (skew > maxSkewSeconds) {
    return {
      role: 'timestampExpired',
      message: `${signing.timestampHeader} is ${skew} s from the server's clock; at most ${maxSkewSeconds} s are allowed.`,
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
    : { role: 'signatureMismatch', message: 'The signature does not match the request as received.' }
}

// Joined once per signing table, not on every request.
const joined = new WeakMap<SigningDescriptor, string>()
function signedHeadersOf(signing: SigningDescriptor): string {
  let value = joined.get(signing)
  if (value === undefined) {
    value = signing.signedHeaders.join(';')
    joined.set(signing, value)
  }
  return value
}
