// Names and literal values as openapi-typescript prints them. Property names
// go through tsPropertyIndex (an identifier, a number, or a string literal that
// TypeScript's printer quotes and escapes, non-ASCII included); literal types
// through tsLiteral, which prints a string const as JSON.stringify gives it.
import { FALSE, NULL, TRUE, type TypeNode, text } from './nodes.js'
import { unsupported } from './unsupported.js'

const IDENTIFIER = /^[A-Za-z_$][A-Za-z_$0-9]*$/

// TypeScript's escapeString for a double-quoted literal (utilities.ts), then escapeNonAsciiString.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it escapes.
const ESCAPED = /[\\"\u0000-\u001f\u2028\u2029\u0085]/g
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is everything outside ASCII.
const NON_ASCII = /[^\u0000-\u007F]/g
const ESCAPES: Readonly<Record<string, string>> = {
  '\t': '\\t',
  '\v': '\\v',
  '\f': '\\f',
  '\b': '\\b',
  '\r': '\\r',
  '\n': '\\n',
  '\\': '\\\\',
  '"': '\\"',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
  '\u0085': '\\u0085',
}

function utf16Escape(c: string): string {
  return `\\u${`0000${c.charCodeAt(0).toString(16).toUpperCase()}`.slice(-4)}`
}

/** A string literal as TypeScript's printer writes a synthesized one: double quotes, non-ASCII escaped. */
export function quoted(value: string): string {
  const escaped = value.replace(ESCAPED, (c, offset: number, input: string) => {
    if (c === '\u0000') {
      const next = input.charCodeAt(offset + 1)
      return next >= 48 && next <= 57 ? '\\x00' : '\\0'
    }
    return ESCAPES[c] ?? utf16Escape(c)
  })
  return `"${escaped.replace(NON_ASCII, utf16Escape)}"`
}

/** tsPropertyIndex: a canonical non-negative number as is, an identifier as is, anything else quoted. */
export function propertyName(name: string): string {
  if (String(Number(name)) === name && name[0] !== '-') return name
  return IDENTIFIER.test(name) ? name : quoted(name)
}

/** tsLiteral, for the values a const or an enum of ours holds: strings, numbers, booleans, null. */
export function literalType(value: unknown, at: string): TypeNode {
  if (typeof value === 'string') return text(JSON.stringify(value))
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) unsupported(`the number ${value}`, at)
    // A negative number is a prefix minus before the number's absolute value.
    return text(value < 0 ? `-${String(Math.abs(value))}` : String(value))
  }
  if (typeof value === 'boolean') return value ? TRUE : FALSE
  if (value === null) return NULL
  return unsupported('an object or array literal (const or enum value)', at)
}
