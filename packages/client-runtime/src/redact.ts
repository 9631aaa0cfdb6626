// Masking of secrets in anything that may be shown to a person: request
// bodies (by the fields the spec marks x-zc-sensitive) and headers
// (Authorization carries the signature or the bearer token).

export const MASK = '***'

const SECRET_HEADERS = new Set(['authorization'])

/** A copy of a request body with every sensitive field's value masked. Non-objects are masked whole. */
export function redactBody(body: unknown, sensitiveFields: readonly string[]): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return MASK
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(body)) out[key] = sensitiveFields.includes(key) ? MASK : value
  return out
}

/** The same for a body as text; text that is not a JSON object is masked whole. */
export function redactBodyText(text: string, sensitiveFields: readonly string[]): string {
  try {
    return JSON.stringify(redactBody(JSON.parse(text), sensitiveFields))
  } catch {
    return MASK
  }
}

/** Headers as a plain object, with the Authorization value masked after its scheme. */
export function redactHeaders(headers: Headers | Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of headers) {
    const lower = name.toLowerCase()
    out[lower] = SECRET_HEADERS.has(lower) ? `${value.split(' ')[0] ?? ''} ${MASK}` : value
  }
  return out
}
