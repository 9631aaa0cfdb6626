// The JSDoc comment openapi-typescript puts on a property (addJSDocComment in
// its lib/ts), as the text it hands to ts.addSyntheticLeadingComment: title,
// summary, `Format:`, @deprecated, @description, @default, @example (one per
// `examples` entry too), @constant, @enum {type}, in that order. A single
// line is `* text `; more are `*\n * a\n * b\n `, continuation lines of a
// value indented under it. print.ts lays the lines out as TypeScript does.
import { isObj, unsupported } from './unsupported.js'

const LINE_BREAK = /\r?\n/g
const CONTINUATION = '\n *     '

/** A value as one entry: objects as indented JSON, every line break continued under the tag. */
function entry(value: unknown): string {
  const serialized = typeof value === 'object' ? JSON.stringify(value, null, 2) : value
  return String(serialized).trim().replace(LINE_BREAK, CONTINUATION)
}

/** The comment's inner text for a schema, parameter, operation, response, header or media type; undefined when it has none. */
export function jsdoc(node: unknown, at: string): string | undefined {
  if (!isObj(node)) return undefined
  const lines: string[] = []
  for (const field of ['title', 'summary'] as const) {
    const value = node[field]
    if (!value) continue
    if (typeof value !== 'string') unsupported(`a ${field} that is not a string`, at)
    lines.push(value.trim().replace(LINE_BREAK, CONTINUATION))
  }
  if (node.format) lines.push(`Format: ${String(node.format)}`)
  if (node.deprecated) lines.push('@deprecated')
  for (const field of ['description', 'default', 'example'] as const) {
    const value = node[field]
    if (value === undefined || (value === '' && field === 'description')) continue
    lines.push(`@${field} ${entry(value)}`)
  }
  if (Array.isArray(node.examples)) for (const example of node.examples) lines.push(`@example ${entry(example)}`)
  if ('const' in node) lines.push('@constant')
  if (node.enum) {
    const type = Array.isArray(node.type) ? node.type.join('|') : typeof node.type === 'string' ? node.type : 'unknown'
    lines.push(`@enum {${type}${node.nullable ? '|null' : ''}}`)
  }
  if (lines.length === 0) return undefined
  const multiline = lines.some((l) => l.includes('\n'))
  const body = lines.length === 1 && !multiline ? `* ${lines.join('\n')} ` : `*\n * ${lines.join('\n * ')}\n `
  // TypeScript splits a comment on every line break it knows (a lone CR, U+2028, U+2029), not just `\n`.
  if (/[\r\u2028\u2029]/.test(body)) unsupported('a line break other than \\n in a comment', at)
  return body.replace(/\*\//g, '*\\/')
}
