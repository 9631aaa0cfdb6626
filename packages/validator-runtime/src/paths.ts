// How an issue names its field, and which x-zc-error-code applies there. The
// zod route calls these on zod's issue paths; the generator calls
// `nearestCode` while emitting the compiled validators, so both answer the
// same code for the same field.

/** `['instanceIds', 3]` -> `instanceIds[3]`; `['a', 'b']` -> `a.b`; `[]` -> ''. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part)
  return out
}

/** The nearest x-zc-error-code at or above a path: `instanceIds[3]` looks up `instanceIds[]`, then `instanceIds`, then ''. */
export function nearestCode(codes: Readonly<Record<string, string>>, path: readonly PropertyKey[]): string | undefined {
  for (let n = path.length; n >= 0; n--) {
    const key = formatPath(path.slice(0, n).map((p) => (typeof p === 'number' ? 0 : p))).replace(/\[0\]/g, '[]')
    const code = codes[key]
    if (code) return code
  }
  return undefined
}
