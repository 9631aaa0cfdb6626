// The next place a pattern occurs, asked for at positions that only grow.
// The readers use it instead of a regular expression that tries every start
// and scans ahead from each (`<a\s[^>]*>`, `\[[^\]]*\]`): those scan the same
// text again for every start, which is quadratic on a cell that repeats the
// start a hundred thousand times without ever closing it. Here each search
// begins where the last one ended, so a whole string costs one pass.

/** `(from) => index` of the first match at or after `from`, or -1; `from` must not decrease between calls. */
export type Forward = (from: number) => number

export function forward(text: string, pattern: RegExp): Forward {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)
  // -2: not searched yet; -1: no match after the last search's start, hence none after any later start.
  let found = -2
  return (from) => {
    if (found === -1 || found >= from) return found
    re.lastIndex = from
    found = re.exec(text)?.index ?? -1
    return found
  }
}

/** Line terminators, as `.` in a regular expression does not cross them. */
export const LINE_END = /[\n\r\u2028\u2029]/
