// Masking of secrets in anything that may be shown to a person: log events
// and errors. Three rules, applied together:
// - a field named as sensitive (x-zc-sensitive in the spec) is masked at any
//   depth, in requests and replies, whatever its value;
// - the request's own secret values (and the credentials) are scrubbed from
//   any text, so a server that echoes them does not leak them;
// - headers that carry credentials are masked whole.

export const MASK = '***'

/** Headers whose whole value is a credential. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie'])

/** Deeper than this, a value is masked whole rather than walked. */
const MAX_DEPTH = 32

/** What to hide: field names (compared case-insensitively) and literal values. */
export interface Secrets {
  readonly names: ReadonlySet<string>
  readonly values: readonly string[]
}

/**
 * Values shorter than this are not scrubbed from text: a one- or two-letter
 * "secret" would shred every word it occurs in, and is no secret. Fields named
 * sensitive are masked whatever their length.
 */
export const MIN_SCRUBBED_LENGTH = 4

export function secretsOf(sensitiveFields: readonly string[], values: readonly string[] = []): Secrets {
  // Longest first, so that a secret containing another is replaced whole.
  const all = new Set<string>()
  for (const v of values) if (v.length >= MIN_SCRUBBED_LENGTH) for (const w of spellings(v)) all.add(w)
  return {
    names: new Set(sensitiveFields.map((f) => f.toLowerCase())),
    values: [...all].filter((v) => v.length >= MIN_SCRUBBED_LENGTH).sort((a, b) => b.length - a.length),
  }
}

const memo = new Map<string, readonly string[]>()

/**
 * The ways a server may write a secret back: as is, JSON-escaped (also with
 * `\/` and with every non-ASCII character as `\uXXXX`, as PHP and Python
 * write JSON), URL-encoded, and base64 of its UTF-8 bytes.
 */
export function spellings(value: string): readonly string[] {
  const known = memo.get(value)
  if (known) return known
  const json = JSON.stringify(value).slice(1, -1)
  const ascii = json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  const forms = new Set([value, json, json.replaceAll('/', '\\/'), ascii, ascii.replaceAll('/', '\\/')])
  try {
    forms.add(encodeURIComponent(value))
  } catch {
    // a lone surrogate has no URL encoding
  }
  forms.add(base64(value))
  const list = [...forms]
  if (memo.size > 64) memo.clear()
  memo.set(value, list)
  return list
}

function base64(value: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(value)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** Whether `text` holds any of `values` (already spelt out by secretsOf). */
export function holdsAny(text: string, secrets: Secrets): boolean {
  return secrets.values.some((v) => text.includes(v))
}

/** The values of every field named sensitive in `body`, at any depth (what a request would leak if echoed). */
export function sensitiveValues(body: unknown, names: ReadonlySet<string>): string[] {
  const found: string[] = []
  const walk = (value: unknown, inside: boolean, depth: number): void => {
    if (depth > MAX_DEPTH) return
    if (typeof value === 'string') {
      if (inside) found.push(value)
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      if (inside) found.push(String(value))
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, inside, depth + 1)
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, inside || names.has(key.toLowerCase()), depth + 1)
    }
  }
  walk(body, false, 0)
  return found
}

/** `text` with every secret value replaced by the mask. */
export function scrub(text: string, secrets: Secrets): string {
  let out = text
  for (const value of secrets.values) if (out.includes(value)) out = out.split(value).join(MASK)
  return out
}

/** A copy of `value` with sensitive fields masked at any depth and secret values scrubbed from strings. */
export function redactValue(value: unknown, secrets: Secrets, depth = 0, seen = new Set<object>()): unknown {
  if (typeof value === 'string') return scrub(value, secrets)
  if (typeof value === 'number') return secrets.values.includes(String(value)) ? MASK : value
  if (value === null || typeof value !== 'object') return value
  if (depth > MAX_DEPTH || seen.has(value)) return MASK
  seen.add(value)
  let out: unknown
  if (Array.isArray(value)) out = value.map((item) => redactValue(item, secrets, depth + 1, seen))
  else {
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      const v = secrets.names.has(key.toLowerCase()) ? MASK : redactValue(item, secrets, depth + 1, seen)
      // defineProperty: a `__proto__` key in a reply stays a key, not the copy's prototype.
      Object.defineProperty(copy, scrub(key, secrets), {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    out = copy
  }
  seen.delete(value)
  return out
}

/** A copy of a request or reply body with every sensitive field masked, at any depth. Non-objects are masked whole. */
export function redactBody(body: unknown, sensitiveFields: readonly string[], values: readonly string[] = []): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return MASK
  return redactValue(body, secretsOf(sensitiveFields, values))
}

/** The same for a body as text; text that is not a JSON object is masked whole. */
export function redactBodyText(
  text: string,
  sensitiveFields: readonly string[],
  values: readonly string[] = [],
): string {
  try {
    return JSON.stringify(redactBody(JSON.parse(text), sensitiveFields, values))
  } catch {
    return MASK
  }
}

/** Headers as a plain object: credential headers masked whole, secret values scrubbed from the others. */
export function redactHeaders(
  headers: Headers | Iterable<[string, string]>,
  secrets: Secrets = secretsOf([]),
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of headers) {
    const lower = name.toLowerCase()
    out[scrub(lower, secrets)] = SECRET_HEADERS.has(lower) ? MASK : scrub(value, secrets)
  }
  return out
}
