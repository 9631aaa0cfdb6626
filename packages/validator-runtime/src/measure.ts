// Measures the rules need, with no zod: shared by the zod checks (rules.ts)
// and the compiled validators the generator emits (compiled.ts), so that both
// count a length or find a duplicate the same way.

/** Length of a string in bytes of UTF-8, counted without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/** Length in characters as JSON Schema counts them: Unicode code points, not UTF-16 units. */
export function codePoints(text: string): number {
  let n = text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        n--
        i++
      }
    }
  }
  return n
}

/** Below this many items a pairwise scan beats building a Set (measured with the validator bench). */
const PAIRWISE_UP_TO = 12

/**
 * The index of the first item that repeats an earlier one (JSON Schema
 * uniqueItems: strings by value, anything else by its JSON), or -1.
 */
export function firstDuplicate(items: readonly unknown[]): number {
  const n = items.length
  if (n < 2) return -1
  let allStrings = true
  for (let i = 0; i < n; i++) {
    if (typeof items[i] !== 'string') {
      allStrings = false
      break
    }
  }
  if (allStrings && n <= PAIRWISE_UP_TO) {
    for (let i = 1; i < n; i++) for (let j = 0; j < i; j++) if (items[i] === items[j]) return i
    return -1
  }
  const seen = new Set<string>()
  for (let i = 0; i < n; i++) {
    const item = items[i]
    const key = typeof item === 'string' ? `s:${item}` : `j:${JSON.stringify(item)}`
    if (seen.has(key)) return i
    seen.add(key)
  }
  return -1
}

/** Where a list of numbers first fails to go up by one (x-zc-consecutive): the index of the item that breaks it, else -1. */
export function firstGap(items: readonly unknown[]): number {
  for (let i = 1; i < items.length; i++) {
    const before = items[i - 1]
    if (typeof before !== 'number' || items[i] !== before + 1) return i
  }
  return -1
}
