// zod/mini, as a namespace: a bundle keeps only z.string.
import * as z from 'zod/mini'

/**
 * An enumeration in a reply: any string is accepted, typed as the values the
 * spec knows or another string. The vendor may add a value (a new instance
 * status) before these packages are regenerated; a reply carrying it is still
 * a valid reply, and code written against the known values keeps compiling
 * (`switch` needs its `default` branch, which the type asks for).
 */
export function openEnum<const T extends readonly string[]>(_known: T): z.ZodMiniType<T[number] | (string & {})> {
  return z.string({ error: 'must be a string' }) as unknown as z.ZodMiniType<T[number] | (string & {})>
}
