// The ZC2-HMAC-SHA256 signature on node:crypto's one-shot `hash()`: the same
// algorithm as client-runtime's portable `sign`, several times faster. Every
// digest is a one-shot `hash()` with text output: a Hash or Hmac object, or a
// Buffer-valued digest, costs more than hashing a small body. So the HMAC is
// spelled out (RFC 2104) over key blocks padded once per secret.
//
// No import of node:crypto here: the functions are handed in, by node-signer.ts
// (the HTTP server's entry point, which imports them) and by defaultSigner()
// (which asks the platform for them, so that the main entry point still loads
// in browsers, where the portable signer stays the default).
import type { Signer } from './auth.js'

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
