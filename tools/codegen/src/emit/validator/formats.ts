// What a string node's format and patterns become in JavaScript, for both
// printers (zod-printer.ts, compiled-printer.ts).
import type { StringNode } from '../../model/types.js'

/** Formats the specs may use that constrain nothing (they only hint UIs). */
const ANNOTATION_FORMATS = new Set(['password', 'int32', 'int64'])

/** Stops generation on a format no printer checks: a validator that skipped it would be looser than the spec. */
export function checkableFormat(node: StringNode): void {
  if (node.format !== undefined && !ANNOTATION_FORMATS.has(node.format)) {
    throw new Error(`format '${node.format}' has no check in the generator (${node.location.pointer})`)
  }
}

/** A regex literal with the u flag, as JSON Schema patterns are read. */
export function regexLiteral(pattern: string): string {
  return `/${pattern.replace(/\\\/|\//g, (m) => (m === '/' ? '\\/' : m))}/u`
}
