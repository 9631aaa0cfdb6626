// SHA-256 and HMAC-SHA256 (FIPS 180-4, RFC 2104) in plain TypeScript.
// Synchronous and dependency-free: WebCrypto is asynchronous and, in Node,
// costs a thread-pool round trip per digest, several times what hashing a
// small request body takes here; importing node:crypto would keep the client
// out of browsers. On Node, signer.ts uses node:crypto's one-shot hash when
// the platform lends it without an import, and this file elsewhere. Checked against the reference's signature vectors and NIST's
// examples in test/sha256.test.ts.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
])
const INIT = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
])
const W = new Int32Array(64)
const encoder = new TextEncoder()

/** One 64-byte block at `offset` of `data` into `state` (8 words). */
function compress(state: Int32Array, data: Uint8Array, offset: number): void {
  for (let t = 0; t < 16; t++) {
    const i = offset + t * 4
    W[t] =
      ((data[i] as number) << 24) |
      ((data[i + 1] as number) << 16) |
      ((data[i + 2] as number) << 8) |
      (data[i + 3] as number)
  }
  for (let t = 16; t < 64; t++) {
    const w15 = W[t - 15] as number
    const w2 = W[t - 2] as number
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3)
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10)
    W[t] = ((W[t - 16] as number) + s0 + (W[t - 7] as number) + s1) | 0
  }
  let a = state[0] as number
  let b = state[1] as number
  let c = state[2] as number
  let d = state[3] as number
  let e = state[4] as number
  let f = state[5] as number
  let g = state[6] as number
  let h = state[7] as number
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + (K[t] as number) + (W[t] as number)) | 0
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0
    h = g
    g = f
    f = e
    e = (d + t1) | 0
    d = c
    c = b
    b = a
    a = (t1 + t2) | 0
  }
  state[0] = ((state[0] as number) + a) | 0
  state[1] = ((state[1] as number) + b) | 0
  state[2] = ((state[2] as number) + c) | 0
  state[3] = ((state[3] as number) + d) | 0
  state[4] = ((state[4] as number) + e) | 0
  state[5] = ((state[5] as number) + f) | 0
  state[6] = ((state[6] as number) + g) | 0
  state[7] = ((state[7] as number) + h) | 0
}

const BLOCK = new Uint8Array(128)

/**
 * The digest of `data` (bytes, or a string of ASCII characters read as their
 * bytes), continuing from `state` after `prefixBytes` bytes already
 * compressed into it (HMAC reuses its key blocks that way). Works in a reused
 * block buffer: hashing allocates nothing but the digest.
 */
function finish(state: Int32Array, data: Uint8Array | string, prefixBytes: number): Uint8Array {
  const length = data.length
  const whole = length - (length % 64)
  if (typeof data === 'string') {
    for (let offset = 0; offset < whole; offset += 64) {
      for (let i = 0; i < 64; i++) BLOCK[i] = data.charCodeAt(offset + i)
      compress(state, BLOCK, 0)
    }
  } else {
    for (let offset = 0; offset < whole; offset += 64) compress(state, data, offset)
  }
  const rest = length - whole
  const end = rest < 56 ? 64 : 128
  BLOCK.fill(0, 0, end)
  if (typeof data === 'string') for (let i = 0; i < rest; i++) BLOCK[i] = data.charCodeAt(whole + i)
  else BLOCK.set(data.subarray(whole), 0)
  BLOCK[rest] = 0x80
  const bits = (prefixBytes + length) * 8
  const high = Math.floor(bits / 2 ** 32)
  BLOCK[end - 8] = high >>> 24
  BLOCK[end - 7] = high >>> 16
  BLOCK[end - 6] = high >>> 8
  BLOCK[end - 5] = high
  BLOCK[end - 4] = bits >>> 24
  BLOCK[end - 3] = bits >>> 16
  BLOCK[end - 2] = bits >>> 8
  BLOCK[end - 1] = bits
  for (let offset = 0; offset < end; offset += 64) compress(state, BLOCK, offset)
  const out = new Uint8Array(32)
  for (let i = 0; i < 8; i++) {
    const word = state[i] as number
    out[i * 4] = word >>> 24
    out[i * 4 + 1] = word >>> 16
    out[i * 4 + 2] = word >>> 8
    out[i * 4 + 3] = word
  }
  return out
}

/** Whether every character of `text` is ASCII, so that its bytes are its char codes. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false
  return true
}

/** SHA-256 of bytes, or of a string as UTF-8. */
export function sha256Of(data: Uint8Array | string): Uint8Array {
  return finish(INIT.slice(), typeof data === 'string' && !isAscii(data) ? encoder.encode(data) : data, 0)
}

export function sha256(data: Uint8Array): Uint8Array {
  return finish(INIT.slice(), data, 0)
}

/** UTF-8 bytes of a string; ASCII (the usual case for what is signed) without TextEncoder's allocation. */
export function utf8(text: string): Uint8Array {
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c > 0x7f) return encoder.encode(text)
    out[i] = c
  }
  return out
}

// HMAC's inner and outer key blocks, compressed once per key.
let lastKey: { key: Uint8Array; inner: Int32Array; outer: Int32Array } | undefined

function keyStates(key: Uint8Array): { inner: Int32Array; outer: Int32Array } {
  if (lastKey?.key === key) return lastKey
  const block = new Uint8Array(64)
  block.set(key.length > 64 ? sha256(key) : key)
  const ipad = new Uint8Array(64)
  const opad = new Uint8Array(64)
  for (let i = 0; i < 64; i++) {
    ipad[i] = (block[i] as number) ^ 0x36
    opad[i] = (block[i] as number) ^ 0x5c
  }
  const inner = INIT.slice()
  const outer = INIT.slice()
  compress(inner, ipad, 0)
  compress(outer, opad, 0)
  lastKey = { key, inner, outer }
  return lastKey
}

export function hmacSha256(key: Uint8Array, message: Uint8Array | string): Uint8Array {
  const { inner, outer } = keyStates(key)
  const bytes = typeof message === 'string' && !isAscii(message) ? encoder.encode(message) : message
  const innerDigest = finish(inner.slice(), bytes, 64)
  return finish(outer.slice(), innerDigest, 64)
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

export function toHex(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) out += HEX[b]
  return out
}
