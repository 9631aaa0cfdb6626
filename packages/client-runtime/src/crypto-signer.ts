// The ZC2-HMAC-SHA256 signature on node:crypto's one-shot `hash()`: the same
// algorithm as client-runtime's portable `sign`, several times faster. Every
// digest is a one-shot `hash()` with text output: a Hash or Hmac object, or a
// Buffer-valued digest, costs more than hashing a small body. So the HMAC is
// spelled out (RFC 2104) over key blocks padded once per secret.
//
// No import of node:crypto here: the functions are handed in, by
// default-signer.node.ts (what `#default-signer` is on Node; a browser bundle
// gets default-signer.ts and none of this) and by the mock server's entry
// point (@zenlayer-reset/mock-engine/node).
import { portableSigner, type Signer, type SignInput } from './sign.js'

/** What the signer needs of node:crypto and node:buffer. */
export interface CryptoFunctions {
  readonly hash: typeof import('node:crypto').hash
  readonly Buffer: typeof import('node:buffer').Buffer
}

const BLOCK = 64

interface PaddedKey {
  /**
   * key ^ ipad as text, when every byte is ASCII: hash() encodes text as
   * UTF-8, which leaves ASCII byte for byte. Undefined for other keys.
   */
  readonly innerAscii: string | undefined
  /** key ^ ipad. */
  readonly inner: Buffer
  /** key ^ opad, then room for the inner digest. */
  readonly outer: Buffer
}

export function cryptoSigner({ hash, Buffer }: CryptoFunctions): Signer {
  // Padded key blocks per secret, made once: a mock checks many requests of few keys.
  const keys = new Map<string, PaddedKey>()
  function paddedKey(secret: string): PaddedKey {
    let key = keys.get(secret)
    if (!key) {
      let bytes = Buffer.from(secret, 'utf8')
      if (bytes.length > BLOCK) bytes = hash('sha256', bytes, 'buffer')
      const inner = Buffer.alloc(BLOCK, 0x36)
      const outer = Buffer.alloc(BLOCK + 32, 0x5c)
      for (let i = 0; i < bytes.length; i++) {
        inner[i] = (inner[i] as number) ^ (bytes[i] as number)
        outer[i] = (outer[i] as number) ^ (bytes[i] as number)
      }
      key = { innerAscii: inner.every((byte) => byte < 0x80) ? inner.toString('latin1') : undefined, inner, outer }
      if (keys.size > 1000) keys.clear()
      keys.set(secret, key)
    }
    return key
  }
  function hmacSha256(key: PaddedKey, message: string): string {
    const inner =
      key.innerAscii === undefined
        ? hash('sha256', Buffer.concat([key.inner, Buffer.from(message, 'utf8')]))
        : hash('sha256', key.innerAscii + message)
    key.outer.write(inner, BLOCK, 'hex')
    return hash('sha256', key.outer)
  }
  return ({ accessKeySecret, contentType, host, body, timestamp }) => {
    const canonical = `POST\n/\n\ncontent-type:${contentType}\nhost:${host}\n\ncontent-type;host\n${hash('sha256', body)}`
    const stringToSign = `ZC2-HMAC-SHA256\n${timestamp}\n${hash('sha256', canonical)}`
    return hmacSha256(paddedKey(accessKeySecret), stringToSign)
  }
}

/**
 * cryptoSigner(functions) when they sign known requests as the portable
 * signer does, else the portable signer: a platform whose `hash` is missing
 * or wrong (a partial polyfill) never sends a wrong signature.
 */
export function checkedCryptoSigner(
  functions: {
    readonly [K in keyof CryptoFunctions]?: CryptoFunctions[K] | undefined
  },
): Signer {
  try {
    if (typeof functions.hash !== 'function' || typeof functions.Buffer !== 'function') return portableSigner
    const signer = cryptoSigner({ hash: functions.hash, Buffer: functions.Buffer })
    // Both ways the HMAC is computed: an ASCII secret, and one longer than a block, not ASCII.
    const known: SignInput[] = [
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
    return known.every((input) => signer(input) === portableSigner(input)) ? signer : portableSigner
  } catch {
    return portableSigner
  }
}
