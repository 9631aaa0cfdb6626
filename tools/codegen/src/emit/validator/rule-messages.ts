// What each rule of a schema node says when broken, without the field name
// (the runtime's fieldMessage puts it in front): one owner for both printers,
// the zod schemas (zod-printer.ts) and the compiled validators
// (compiled-printer.ts), so the two routes can only report the same words.
// The runtime owns the messages of the rules it measures (characters, UTF-8
// bytes, duplicates, whole numbers; @zenlayer-reset/validator-runtime/compiled).
import type { PatternRule } from '../../model/types.js'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export const ruleMessages = {
  type: {
    object: 'must be an object',
    array: 'must be a list',
    string: 'must be a string',
    number: 'must be a number',
    boolean: 'must be true or false',
  },
  minItems: (n: number) => `must have at least ${plural(n, 'item')}`,
  maxItems: (n: number) => `must have at most ${plural(n, 'item')}`,
  minimum: (n: number) => `must be at least ${n}`,
  maximum: (n: number) => `must be at most ${n}`,
  /** A one-value enumeration (a `const`) says the value; a longer one lists them. */
  enum: (values: readonly string[]) =>
    values.length === 1 ? `must be ${values[0]}` : `must be one of ${values.join(', ')}`,
  pattern: (rule: PatternRule) => rule.message ?? `must match ${rule.pattern}`,
} as const
