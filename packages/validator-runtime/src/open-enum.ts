import { z } from 'zod'

/**
 * An enumeration in a reply: any string is accepted, typed as the values the
 * spec knows or another string. The vendor may add a value (a new instance
 * status) before these packages are regenerated; a reply carrying it is still
 * a valid reply, and code written against the known values keeps compiling
 * (`switch` needs its `default` branch, which the type asks for).
 */
export function openEnum<const T extends readonly string[]>(_known: T): z.ZodType<T[number] | (string & {})> {
  return z.string({ error: 'must be a string' }) as unknown as z.ZodType<T[number] | (string & {})>
}
