// Character sets as both sides state them: the page in words ("lowercase
// letters", "digits: 0-9", "special characters: ~!@$"), the spec as regular
// expression classes. Both become the set of printable ASCII characters they
// allow, written as a sorted string, so that "[a-zA-Z]" and "uppercase and
// lowercase letters" compare equal.

const PRINTABLE = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i))

/** The printable ASCII characters a regular-expression class body (`a-z0-9_`) matches, sorted. */
export function classChars(body: string): string | undefined {
  let re: RegExp
  try {
    re = new RegExp(`^[${body}]$`)
  } catch {
    return undefined
  }
  return PRINTABLE.filter((c) => re.test(c)).join('')
}

export function union(...sets: readonly string[]): string {
  return [...new Set(sets.join(''))].sort().join('')
}

export function intersect(a: string, b: string): string {
  return [...a].filter((c) => b.includes(c)).join('')
}

export const LOWER = classChars('a-z') ?? ''
export const UPPER = classChars('A-Z') ?? ''
export const DIGITS = classChars('0-9') ?? ''
export const LETTERS = union(LOWER, UPPER)

function kind(code: number): number {
  const c = String.fromCharCode(code)
  return /[0-9]/.test(c) ? 1 : /[A-Z]/.test(c) ? 2 : /[a-z]/.test(c) ? 3 : 0
}

/** A set as people read it: runs of three or more become ranges (`0-9 A-Z a-z !#$`). */
export function describeSet(set: string): string {
  const codes = [...set].map((c) => c.charCodeAt(0)).sort((a, b) => a - b)
  const ranges: string[] = []
  const singles: string[] = []
  for (let i = 0; i < codes.length; ) {
    let j = i
    // A range stays within one kind: `0-9`, `A-Z`, `a-z`, never `@-Z`.
    while (
      j + 1 < codes.length &&
      codes[j + 1] === (codes[j] ?? 0) + 1 &&
      kind(codes[j + 1] ?? 0) === kind(codes[i] ?? 0)
    )
      j++
    const from = String.fromCharCode(codes[i] ?? 0)
    const to = String.fromCharCode(codes[j] ?? 0)
    if (j - i >= 2 && /[0-9A-Za-z]/.test(from)) ranges.push(`${from}-${to}`)
    else for (let k = i; k <= j; k++) singles.push(String.fromCharCode(codes[k] ?? 0))
    i = j + 1
  }
  return [...ranges, singles.join('')].filter(Boolean).join(' ')
}
