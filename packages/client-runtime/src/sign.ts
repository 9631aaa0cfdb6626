// ZC2-HMAC-SHA256 request signing, as the spec's x-zc-signing describes it (specs/shared/common.yaml).
import { hmacSha256, sha256Of, toHex, utf8 } from './sha256.js'

export const SIGNATURE_METHOD = 'ZC2-HMAC-SHA256'

export interface SignInput {
  readonly accessKeyId: string
  readonly accessKeySecret: string
  /** The Content-Type header exactly as sent. */
  readonly contentType: string
  /** The Host header exactly as sent: host[:port]. */
  readonly host: string
  /** The body bytes exactly as sent. */
  readonly body: Uint8Array | string
  /** Unix seconds. */
  readonly timestamp: number
}

export interface Signature {
  readonly payloadHash: string
  readonly canonicalRequest: string
  readonly stringToSign: string
  readonly signature: string
  /** The Authorization header value. */
  readonly authorization: string
}

// A client signs every request with the same secret: encode it once.
let lastSecret: { text: string; bytes: Uint8Array } | undefined
function secretBytes(secret: string): Uint8Array {
  if (lastSecret?.text !== secret) lastSecret = { text: secret, bytes: utf8(secret) }
  return lastSecret.bytes
}

/**
 * Signs one request. The canonical URI is always `/`; the key is the raw
 * secret (no derivation); the body is hashed as the bytes sent, never a
 * re-serialisation. Synchronous: see sha256.ts.
 */
export function sign(input: SignInput): Signature {
  const payloadHash = toHex(sha256Of(input.body))
  const canonicalRequest = `POST\n/\n\ncontent-type:${input.contentType}\nhost:${input.host}\n\ncontent-type;host\n${payloadHash}`
  const stringToSign = `${SIGNATURE_METHOD}\n${input.timestamp}\n${toHex(sha256Of(canonicalRequest))}`
  const signature = toHex(hmacSha256(secretBytes(input.accessKeySecret), stringToSign))
  return {
    payloadHash,
    canonicalRequest,
    stringToSign,
    signature,
    authorization: authorizationValue(input.accessKeyId, signature),
  }
}

/** Computes the ZC2-HMAC-SHA256 signature hex of a request. */
export type Signer = (input: SignInput) => string

/** sign() as a Signer: runs anywhere. */
export const portableSigner: Signer = (input) => sign(input).signature

/** The Authorization header value of a signature. */
export function authorizationValue(accessKeyId: string, signature: string): string {
  return `${SIGNATURE_METHOD} Credential=${accessKeyId}, SignedHeaders=content-type;host, Signature=${signature}`
}
