// RFC 6901 JSON pointers: the way every error and finding names a place.

export function escapeToken(token: string): string {
  // Most tokens need no escape; the loaders build a pointer for every node of every spec.
  if (!token.includes('~') && !token.includes('/')) return token
  return token.replaceAll('~', '~0').replaceAll('/', '~1')
}

export function formatPointer(tokens: readonly string[]): string {
  let pointer = ''
  for (const t of tokens) pointer += `/${escapeToken(t)}`
  return pointer
}

export function appendPointer(pointer: string, ...tokens: string[]): string {
  return pointer + formatPointer(tokens)
}

/** Splits a pointer into tokens; `undefined` when it is not a valid pointer. */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return []
  if (!pointer.startsWith('/')) return undefined
  const tokens = pointer.slice(1).split('/')
  if (tokens.some((t) => /~[^01]|~$/.test(t))) return undefined
  return tokens.map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'))
}

/** The value at `tokens` inside `doc`, or `undefined` when there is none. */
export function getAt(doc: unknown, tokens: readonly string[]): unknown {
  let node = doc
  for (const token of tokens) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined
      node = node[Number(token)]
    } else if (isObject(node) && Object.hasOwn(node, token)) {
      node = node[token]
    } else {
      return undefined
    }
  }
  return node
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
