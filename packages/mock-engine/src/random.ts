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

const word = (random: () => number): number => (random() * 4294967296) >>> 0
const hex8 = (w: number): string =>
  `${BYTE_HEX[w >>> 24]}${BYTE_HEX[(w >>> 16) & 255]}${BYTE_HEX[(w >>> 8) & 255]}${BYTE_HEX[w & 255]}`

const ID_WORDS = new Uint32Array(4)
/** The id requestIdFrom made last, whose words ID_WORDS still holds: the journal keeps it next, twice. */
let lastMade: string | undefined

/**
 * A request id shaped like the vendor's: `T` + upper-case UUID (version 4
 * layout) from four random words, the version nibble set to 4 and the variant
 * to 8-B.
 */
export function requestIdFrom(random: () => number): string {
  const a = word(random)
  const b = word(random)
  const c = word(random)
  const d = word(random)
  ID_WORDS[0] = a
  ID_WORDS[1] = ((b & 0xffff0fff) | 0x4000) >>> 0
  ID_WORDS[2] = (((8 + ((c >>> 28) & 3)) << 28) | (c & 0x0fffffff)) >>> 0
  ID_WORDS[3] = d
  lastMade = requestIdFromWords(ID_WORDS, 0)
  return lastMade
}

const ID_LENGTH = 37

/** `acc` followed by `count` upper-case hex digits of `text` from `start`, or -1 if one is not such a digit. */
function hexDigits(text: string, start: number, count: number, acc: number): number {
  let value = acc
  for (let i = start; i < start + count; i++) {
    const c = text.charCodeAt(i)
    // Upper-case only, so that requestIdFromWords gives back the very same string.
    const nibble = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : -1
    if (nibble < 0 || value < 0) return -1
    value = value * 16 + nibble
  }
  return value
}

/**
 * The four words of an id made by requestIdFrom, written to `out` at `offset`;
 * false (nothing written) for any other string. The journal keeps ids as these
 * numbers rather than as strings the garbage collector must trace.
 */
export function requestIdToWords(id: string, out: Uint32Array, offset: number): boolean {
  // The id just made (what a reset records): its words are known, nothing to parse.
  if (id === lastMade) {
    out.set(ID_WORDS, offset)
    return true
  }
  if (id.length !== ID_LENGTH || id.charCodeAt(0) !== 84 /* T */) return false
  if (id.charCodeAt(9) !== 45 || id.charCodeAt(14) !== 45 || id.charCodeAt(19) !== 45 || id.charCodeAt(24) !== 45)
    return false
  // T 0-8 - 10-13 - 15-18 - 20-23 - 25-36: words of 8 digits across the dashes.
  const a = hexDigits(id, 1, 8, 0)
  const b = hexDigits(id, 15, 4, hexDigits(id, 10, 4, 0))
  const c = hexDigits(id, 25, 4, hexDigits(id, 20, 4, 0))
  const d = hexDigits(id, 29, 8, 0)
  if (a < 0 || b < 0 || c < 0 || d < 0) return false
  out[offset] = a
  out[offset + 1] = b
  out[offset + 2] = c
  out[offset + 3] = d
  return true
}

/** The id whose words requestIdToWords wrote at `offset`. */
export function requestIdFromWords(words: Uint32Array, offset: number): string {
  const a = words[offset] as number
  const b = words[offset + 1] as number
  const c = words[offset + 2] as number
  const d = words[offset + 3] as number
  // T 8-4-4-4-12, joined from two-digit parts in one go (no intermediate string to slice).
  return [
    'T',
    hex8(a),
    '-',
    BYTE_HEX[b >>> 24],
    BYTE_HEX[(b >>> 16) & 255],
    '-',
    BYTE_HEX[(b >>> 8) & 255],
    BYTE_HEX[b & 255],
    '-',
    BYTE_HEX[c >>> 24],
    BYTE_HEX[(c >>> 16) & 255],
    '-',
    BYTE_HEX[(c >>> 8) & 255],
    BYTE_HEX[c & 255],
    hex8(d),
  ].join('')
}
