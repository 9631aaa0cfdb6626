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

const DASHES = [9, 14, 19, 24]
const SCRATCH = new Uint32Array(4)
const ID_LENGTH = 37

/**
 * The four words of an id made by requestIdFrom, written to `out` at `offset`;
 * false (nothing written) for any other string. The journal keeps ids as these
 * numbers rather than as strings the garbage collector must trace.
 */
export function requestIdToWords(id: string, out: Uint32Array, offset: number): boolean {
  if (id.length !== ID_LENGTH || id.charCodeAt(0) !== 84 /* T */) return false
  for (const at of DASHES) if (id.charCodeAt(at) !== 45 /* - */) return false
  // Read all four words before writing any: a string that fails late leaves `out` as it was.
  const words = SCRATCH.fill(0)
  let digits = 0
  for (let i = 1; i < ID_LENGTH; i++) {
    if (i === 9 || i === 14 || i === 19 || i === 24) continue
    const c = id.charCodeAt(i)
    // Upper-case hex only, so that requestIdFromWords gives back the very same string.
    const nibble = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : -1
    if (nibble < 0) return false
    const w = digits >>> 3
    words[w] = (words[w] as number) * 16 + nibble
    digits++
  }
  out.set(words, offset)
  return true
}

/** The id whose words requestIdToWords wrote at `offset`. */
export function requestIdFromWords(words: Uint32Array, offset: number): string {
  const hex =
    hex8(words[offset] as number) +
    hex8(words[offset + 1] as number) +
    hex8(words[offset + 2] as number) +
    hex8(words[offset + 3] as number)
  return `T${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
