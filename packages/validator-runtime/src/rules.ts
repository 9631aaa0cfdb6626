// The rules zod has no built-in check for. Each reports a `custom` issue
// tagged with the rule's name (and, where the spec gives one, its own API
// error code) so that reports say which rule broke.
import type { z } from 'zod'

type Ctx = z.RefinementCtx

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
export function maxUtf8Bytes(max: number): (value: string, ctx: Ctx) => void {
  return (value, ctx) => {
    const bytes = utf8Length(value)
    if (bytes > max) {
      ctx.addIssue({
        code: 'custom',
        message: `must be at most ${max} bytes of UTF-8 (has ${bytes})`,
        params: { rule: 'maxUtf8Bytes' },
      })
    }
  }
}

/** No value twice in a list (JSON Schema uniqueItems); names the first duplicate. */
export function noDuplicates(list: readonly unknown[], ctx: Ctx): void {
  const seen = new Set<string>()
  for (const item of list) {
    const key = typeof item === 'string' ? `s:${item}` : `j:${JSON.stringify(item)}`
    if (seen.has(key)) {
      ctx.addIssue({
        code: 'custom',
        message: `has a duplicate: ${typeof item === 'string' ? item : JSON.stringify(item)}`,
        params: { rule: 'uniqueItems' },
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
): (value: Record<string, unknown>, ctx: Ctx) => void {
  return (value, ctx) => {
    const present = fields.filter((f) => value[f] !== undefined)
    if (present.length === fields.length) {
      ctx.addIssue({
        code: 'custom',
        message,
        params: { rule: 'exclusive', fields: present, ...(code ? { code } : {}) },
      })
    }
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
export function minChars(min: number): (value: string, ctx: Ctx) => void {
  return (value, ctx) => {
    // A string has at least half as many code points as UTF-16 units: count only when that bound is not enough.
    if (value.length < min || (value.length < 2 * min && codePoints(value) < min)) {
      ctx.addIssue({ code: 'custom', message: `must be at least ${plural(min)}`, params: { rule: 'minLength' } })
    }
  }
}

/** JSON Schema maxLength: at most `max` code points. */
export function maxChars(max: number): (value: string, ctx: Ctx) => void {
  return (value, ctx) => {
    if (value.length <= max || codePoints(value) <= max) return
    ctx.addIssue({ code: 'custom', message: `must be at most ${plural(max)}`, params: { rule: 'maxLength' } })
  }
}

/** JSON Schema `type: integer`: any whole number, not only a safe integer as z.int() demands. */
export function wholeNumber(value: number, ctx: Ctx): void {
  if (!Number.isInteger(value))
    ctx.addIssue({ code: 'custom', message: 'must be an integer', params: { rule: 'type' } })
}
