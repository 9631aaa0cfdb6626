// Seeded randomness: the same seed gives the same request ids and the same behaviour.

/** mulberry32: small, fast, good enough for ids and jitter; not for secrets. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const HEX = '0123456789ABCDEF'

/** A request id shaped like the vendor's: `T` + upper-case UUID (version 4 layout). */
export function requestIdFrom(random: () => number): string {
  let out = 'T'
  for (let i = 0; i < 32; i++) {
    if (i === 8 || i === 12 || i === 16 || i === 20) out += '-'
    let digit = Math.floor(random() * 16)
    if (i === 12) digit = 4
    if (i === 16) digit = 8 + (digit & 3)
    out += HEX[digit]
  }
  return out
}
