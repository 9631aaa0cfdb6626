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

const hex8 = (n: number): string => (n >>> 0).toString(16).toUpperCase().padStart(8, '0')

/** A request id shaped like the vendor's: `T` + upper-case UUID (version 4 layout). */
export function requestIdFrom(random: () => number): string {
  const a = hex8(random() * 2 ** 32)
  const b = hex8(random() * 2 ** 32)
  const c = hex8(random() * 2 ** 32)
  const d = hex8(random() * 2 ** 32)
  const variant = (8 + (Number.parseInt(c.charAt(0), 16) & 3)).toString(16).toUpperCase()
  return `T${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`
}
