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
const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'))
const VARIANT = '89AB'

const word = (random: () => number): number => (random() * 4294967296) >>> 0
const hex8 = (w: number): string =>
  `${BYTE_HEX[w >>> 24]}${BYTE_HEX[(w >>> 16) & 255]}${BYTE_HEX[(w >>> 8) & 255]}${BYTE_HEX[w & 255]}`

/**
 * A request id shaped like the vendor's: `T` + upper-case UUID (version 4
 * layout) from four random words. Joined from parts rather than written as one
 * template: a template of this many parts is a tree of about twenty string
 * nodes, and a mock keeps every request id in its history.
 */
export function requestIdFrom(random: () => number): string {
  const a = word(random)
  const b = word(random)
  const c = word(random)
  const d = word(random)
  return [
    'T',
    hex8(a),
    '-',
    BYTE_HEX[b >>> 24],
    BYTE_HEX[(b >>> 16) & 255],
    '-4',
    HEX[(b >>> 8) & 15],
    BYTE_HEX[b & 255],
    '-',
    VARIANT[(c >>> 28) & 3],
    HEX[(c >>> 24) & 15],
    BYTE_HEX[(c >>> 16) & 255],
    '-',
    BYTE_HEX[(c >>> 8) & 255],
    BYTE_HEX[c & 255],
    hex8(d),
  ].join('')
}
