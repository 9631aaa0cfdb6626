// Verifying what the client signed: ZC2-HMAC-SHA256 over the raw body bytes and
// the Content-Type and Host exactly as received, within the clock-skew window;
// or a bearer token.
import { type SignInput, type SigningDescriptor, sign } from '@zenlayer-reset/client-runtime'
import type { MockCodeRole } from './code-roles.js'
import { type CryptoFunctions, cryptoSigner } from './crypto-signer.js'
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

/**
 * Computes the ZC2-HMAC-SHA256 signature hex of a request. The default
 * (defaultSigner) is node:crypto's where the platform has it, else the portable
 * implementation of @zenlayer-reset/client-runtime (runs anywhere MSW does).
 */
export type Signer = (input: SignInput) => string

export const portableSigner: Signer = (input) => sign(input).signature

/** What lends node's built-in modules without an import: `process` on Node 20.16+ (also Deno and Bun). */
export interface BuiltinModules {
  getBuiltinModule?(id: string): unknown
}

/**
 * The signer for `platform`: node:crypto's (several times faster than the
 * portable one) when `platform.getBuiltinModule` lends node:crypto's `hash` and
 * node:buffer, and it signs a known request as the portable one does; else the
 * portable one (browsers, and bundlers that stub `process`).
 */
export function platformSigner(platform: BuiltinModules | undefined): Signer {
  try {
    if (typeof platform?.getBuiltinModule !== 'function') return portableSigner
    const crypto = platform.getBuiltinModule('node:crypto') as Partial<CryptoFunctions> | undefined
    const buffer = platform.getBuiltinModule('node:buffer') as Partial<CryptoFunctions> | undefined
    if (typeof crypto?.hash !== 'function' || typeof buffer?.Buffer !== 'function') return portableSigner
    const signer = cryptoSigner({ hash: crypto.hash, Buffer: buffer.Buffer })
    return SELF_CHECK.every((input) => signer(input) === portableSigner(input)) ? signer : portableSigner
  } catch {
    return portableSigner
  }
}

// Both ways the node:crypto signer computes an HMAC: an ASCII secret, and one longer than a block, not ASCII.
const SELF_CHECK: readonly SignInput[] = [
  { secret: 'mock-access-secret', body: '{"instanceIds":["a"]}' },
  { secret: `clé-${'😀'.repeat(20)}`, body: new Uint8Array([0x7b, 0x7d]) },
].map(({ secret, body }) => ({
  accessKeyId: 'k',
  accessKeySecret: secret,
  contentType: 'application/json',
  host: 'console.zenlayer.com',
  body,
  timestamp: 1673361177,
}))

let chosen: Signer | undefined
/** The signer a mock uses when given none: platformSigner(globalThis.process), chosen once. */
export function defaultSigner(): Signer {
  chosen ??= platformSigner((globalThis as { process?: BuiltinModules }).process)
  return chosen
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
