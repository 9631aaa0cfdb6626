// The rules zod has no built-in check for. Each reports a `custom` issue
// tagged with the rule's name (and, where the spec gives one, its own API
// error code) so that reports say which rule broke.
//
// They are zod checks (`.check(rule)`), not refinements (`.superRefine`):
// superRefine adds an `addIssue` closure to every parse payload it sees, and
// on a server validating thousands of requests a second those mutated
// payloads make V8 promote each request's garbage to the old generation
// (measured in the mock server: 3.5x the young-generation GC time).
import type * as core from 'zod/v4/core'

type Payload<T> = core.ParsePayload<T>

/** Reports a broken rule as zod's own checks do; `continue` keeps the other checks running, so every issue is reported. */
function report(payload: Payload<unknown>, message: string, params: Record<string, unknown>): void {
  payload.issues.push({ code: 'custom', message, input: payload.value, params, continue: true })
}

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

/** At most `max` bytes of UTF-8 (the spec's x-zc-max-utf8-bytes). */
export function maxUtf8Bytes(max: number): (payload: Payload<string>) => void {
  return (payload) => {
    const bytes = utf8Length(payload.value)
    if (bytes > max) report(payload, `must be at most ${max} bytes of UTF-8 (has ${bytes})`, { rule: 'maxUtf8Bytes' })
  }
}

/** No value twice in a list (JSON Schema uniqueItems); names the first duplicate. */
export function noDuplicates(payload: Payload<readonly unknown[]>): void {
  const seen = new Set<string>()
  for (const item of payload.value) {
    const key = typeof item === 'string' ? `s:${item}` : `j:${JSON.stringify(item)}`
    if (seen.has(key)) {
      report(payload, `has a duplicate: ${typeof item === 'string' ? item : JSON.stringify(item)}`, {
        rule: 'uniqueItems',
      })
      return
    }
    seen.add(key)
  }
}

/** At most one of `fields` is set (JSON Schema `not: {required: [a, b]}`). */
export function atMostOneOf(
  fields: readonly string[],
  message: string,
  code: string | null,
): (payload: Payload<Record<string, unknown>>) => void {
  return (payload) => {
    const present = fields.filter((f) => payload.value[f] !== undefined)
    if (present.length === fields.length)
      report(payload, message, { rule: 'exclusive', fields: present, ...(code ? { code } : {}) })
  }
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

const plural = (n: number) => `${n} character${n === 1 ? '' : 's'}`

/** JSON Schema minLength: at least `min` code points (zod's .min() counts UTF-16 units). */
export function minChars(min: number): (payload: Payload<string>) => void {
  return (payload) => {
    const value = payload.value
    // A string has at least half as many code points as UTF-16 units: count only when that bound is not enough.
    if (value.length < min || (value.length < 2 * min && codePoints(value) < min))
      report(payload, `must be at least ${plural(min)}`, { rule: 'minLength' })
  }
}

/** JSON Schema maxLength: at most `max` code points. */
export function maxChars(max: number): (payload: Payload<string>) => void {
  return (payload) => {
    const value = payload.value
    if (value.length <= max || codePoints(value) <= max) return
    report(payload, `must be at most ${plural(max)}`, { rule: 'maxLength' })
  }
}

/** JSON Schema `type: integer`: any whole number, not only a safe integer as z.int() demands. */
export function wholeNumber(payload: Payload<number>): void {
  if (!Number.isInteger(payload.value)) report(payload, 'must be an integer', { rule: 'type' })
}
