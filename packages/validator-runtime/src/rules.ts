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
import { codePoints, firstDuplicate, firstGap, utf8Length } from './measure.js'
import {
  consecutiveMessage,
  duplicateMessage,
  INTEGER_MESSAGE,
  maxCharsMessage,
  maxUtf8BytesMessage,
  minCharsMessage,
} from './messages.js'

type Payload<T> = core.ParsePayload<T>

/** Reports a broken rule as zod's own checks do; `continue` keeps the other checks running, so every issue is reported. */
function report(payload: Payload<unknown>, message: string, params: Record<string, unknown>): void {
  payload.issues.push({ code: 'custom', message, input: payload.value, params, continue: true })
}

/** At most `max` bytes of UTF-8 (the spec's x-zc-max-utf8-bytes). */
export function maxUtf8Bytes(max: number): (payload: Payload<string>) => void {
  return (payload) => {
    const bytes = utf8Length(payload.value)
    if (bytes > max) report(payload, maxUtf8BytesMessage(max, bytes), { rule: 'maxUtf8Bytes' })
  }
}

/** No value twice in a list (JSON Schema uniqueItems); names the first duplicate. */
export function noDuplicates(payload: Payload<readonly unknown[]>): void {
  const at = firstDuplicate(payload.value)
  if (at !== -1) report(payload, duplicateMessage(payload.value[at]), { rule: 'uniqueItems' })
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

/** JSON Schema minLength: at least `min` code points (zod's .min() counts UTF-16 units). */
export function minChars(min: number): (payload: Payload<string>) => void {
  return (payload) => {
    const value = payload.value
    // A string has at least half as many code points as UTF-16 units: count only when that bound is not enough.
    if (value.length < min || (value.length < 2 * min && codePoints(value) < min))
      report(payload, minCharsMessage(min), { rule: 'minLength' })
  }
}

/** JSON Schema maxLength: at most `max` code points. */
export function maxChars(max: number): (payload: Payload<string>) => void {
  return (payload) => {
    const value = payload.value
    if (value.length <= max || codePoints(value) <= max) return
    report(payload, maxCharsMessage(max), { rule: 'maxLength' })
  }
}

/** JSON Schema `type: integer`: any whole number, not only a safe integer as z.int() demands. */
export function wholeNumber(payload: Payload<number>): void {
  if (!Number.isInteger(payload.value)) report(payload, INTEGER_MESSAGE, { rule: 'type' })
}

/** Each number one more than the one before (the spec's x-zc-consecutive); names the first pair that is not. */
export function consecutive(payload: Payload<readonly unknown[]>): void {
  const at = firstGap(payload.value)
  if (at !== -1) report(payload, consecutiveMessage(payload.value[at - 1], payload.value[at]), { rule: 'consecutive' })
}

/** The set ones of `fields` hold different values (the spec's x-zc-distinct). */
export function distinct(
  fields: readonly string[],
  message: string,
): (payload: Payload<Record<string, unknown>>) => void {
  return (payload) => {
    const values = fields.map((f) => payload.value[f]).filter((v) => v !== undefined)
    if (new Set(values).size !== values.length) report(payload, message, { rule: 'distinct', fields: [...fields] })
  }
}

/**
 * The first item's `field`, when it is a string, is one of `values` (the spec's x-zc-first-item). The issue is the
 * field's own (`partitions[0].fsPath`), so its message names that path.
 */
export function firstItemIn(
  field: string,
  values: readonly string[],
  message: string,
): (payload: Payload<readonly unknown[]>) => void {
  return (payload) => {
    const first = payload.value[0]
    if (first === null || typeof first !== 'object') return
    const value = (first as Record<string, unknown>)[field]
    if (typeof value === 'string' && !values.includes(value)) {
      payload.issues.push({
        code: 'custom',
        message,
        input: value,
        path: [0, field],
        params: { rule: 'firstItem' },
        continue: true,
      })
    }
  }
}

/** One of the listed numbers (an integer `enum`); zod's literal union would report no rule. */
export function numberIn(values: readonly number[], message: string): (payload: Payload<number>) => void {
  return (payload) => {
    if (!values.includes(payload.value)) report(payload, message, { rule: 'enum' })
  }
}
