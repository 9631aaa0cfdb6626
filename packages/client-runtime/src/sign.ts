// ZC2-HMAC-SHA256 request signing (shared/reference/zenlayer-api.md, section 2).
// WebCrypto only, so the same code runs in Node and browsers.

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

const encoder = new TextEncoder()

function hex(bytes: ArrayBuffer): string {
  let out = ''
  for (const b of new Uint8Array(bytes)) out += b.toString(16).padStart(2, '0')
  return out
}

async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data
  return hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
}

// Importing an HMAC key costs more than the HMAC itself; clients sign with one secret.
type HmacKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>
let cachedKey: { secret: string; key: Promise<HmacKey> } | undefined
function hmacKey(secret: string): Promise<HmacKey> {
  if (cachedKey?.secret !== secret) {
    const key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ])
    cachedKey = { secret, key }
  }
  return cachedKey.key
}

/** Signs one request. The canonical URI is always `/`; the key is the raw secret (no derivation). */
export async function sign(input: SignInput): Promise<Signature> {
  const payloadHash = await sha256Hex(input.body)
  const canonicalRequest = `POST\n/\n\ncontent-type:${input.contentType}\nhost:${input.host}\n\ncontent-type;host\n${payloadHash}`
  const stringToSign = `${SIGNATURE_METHOD}\n${input.timestamp}\n${await sha256Hex(canonicalRequest)}`
  const key = await hmacKey(input.accessKeySecret)
  const signature = hex(await crypto.subtle.sign('HMAC', key, encoder.encode(stringToSign)))
  return {
    payloadHash,
    canonicalRequest,
    stringToSign,
    signature,
    authorization: `${SIGNATURE_METHOD} Credential=${input.accessKeyId}, SignedHeaders=content-type;host, Signature=${signature}`,
  }
}
