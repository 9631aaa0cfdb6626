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

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'))

/** A request id shaped like the vendor's: `T` + upper-case UUID (version 4 layout). */
export function requestIdFrom(random: () => number): string {
  let hex = ''
  for (let i = 0; i < 4; i++) {
    const word = (random() * 4294967296) >>> 0
    hex += `${BYTE_HEX[word >>> 24]}${BYTE_HEX[(word >>> 16) & 255]}${BYTE_HEX[(word >>> 8) & 255]}${BYTE_HEX[word & 255]}`
  }
  const variant = '89AB'.charAt(Number.parseInt(hex.charAt(16), 16) & 3)
  return `T${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
