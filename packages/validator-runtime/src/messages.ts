// What a validation issue says, for the rules this runtime owns and for the
// issue's frame (which field, required, unknown). One owner for the text:
// the zod route (create-validator.ts, rules.ts) and the compiled validators
// (which the generator emits, calling these at generation time for a fixed
// field and at run time below a list) read the same words. No zod here.

/** "password must contain a digit": every message but a body-level rule's starts with the field (or `request`/`response`). */
export function fieldMessage(label: string, text: string): string {
  return `${label} ${text}`
}

export function requiredMessage(label: string): string {
  return `${label} is required`
}

export function unknownMessage(key: string, action: string): string {
  return `${key} is not a parameter of ${action}`
}

const chars = (n: number) => `${n} character${n === 1 ? '' : 's'}`

export function minCharsMessage(min: number): string {
  return `must be at least ${chars(min)}`
}

export function maxCharsMessage(max: number): string {
  return `must be at most ${chars(max)}`
}

export function maxUtf8BytesMessage(max: number, bytes: number): string {
  return `must be at most ${max} bytes of UTF-8 (has ${bytes})`
}

/** Names the repeated value: lists with uniqueItems hold ids, never secrets. */
export function duplicateMessage(item: unknown): string {
  return `has a duplicate: ${typeof item === 'string' ? item : JSON.stringify(item)}`
}

export const INTEGER_MESSAGE = 'must be an integer'

/** A list of numbers that must count up by one (x-zc-consecutive); names the pair that does not (disk numbers, never secrets). */
export function consecutiveMessage(before: unknown, after: unknown): string {
  return `must hold consecutive numbers, each one more than the one before (${JSON.stringify(before)} is followed by ${JSON.stringify(after)})`
}
