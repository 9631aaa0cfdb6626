// Nothing the server says holds a secret: every result, plan, progress
// message, log notification and stderr line goes through one mask, made per
// call from the action's sensitive fields (x-zc-sensitive, in the client's
// descriptor), the values the input gave them, and the credentials' secrets.
import { MASK, redactBody } from '@zenlayer-reset/client-runtime'

export interface Mask {
  /** A copy of a JSON object with sensitive fields masked and secret values scrubbed, at any depth. */
  readonly value: <T>(value: T) => T
  /** A line of text with secret values scrubbed. */
  readonly text: (text: string) => string
}

/** The values of fields named in `names`, at any depth of `input`. */
export function secretValues(input: unknown, names: readonly string[]): string[] {
  const lower = new Set(names.map((n) => n.toLowerCase()))
  const found: string[] = []
  const walk = (value: unknown, inside: boolean, depth: number): void => {
    if (depth > 32) return
    if (typeof value === 'string' || typeof value === 'number') {
      if (inside) found.push(String(value))
    } else if (Array.isArray(value)) for (const item of value) walk(item, inside, depth + 1)
    else if (value !== null && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) walk(item, inside || lower.has(key.toLowerCase()), depth + 1)
  }
  walk(input, false, 0)
  return found
}

export function maskFor(sensitiveFields: readonly string[], values: readonly string[]): Mask {
  const value = <T>(v: T): T => {
    if (v === null || typeof v !== 'object') return v
    if (Array.isArray(v)) return (redactBody({ v }, sensitiveFields, values) as { v: T }).v
    return redactBody(v, sensitiveFields, values) as T
  }
  const text = (t: string): string => {
    const masked = redactBody({ zrMaskedText: t }, sensitiveFields, values) as { zrMaskedText: unknown }
    return typeof masked.zrMaskedText === 'string' ? masked.zrMaskedText : MASK
  }
  return { value, text }
}
