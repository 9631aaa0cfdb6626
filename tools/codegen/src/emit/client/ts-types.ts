// The client's input and output types, printed from the model (not from
// openapi-typescript, whose types serve the raw openapi-fetch client): every
// field carries its rules in words, its default and an example as JSDoc, so a
// user hovering `password` reads what the server will check. Inputs accept
// readonly lists and forbid what the spec forbids ("at most one of password and
// keyId" is a type error); outputs are readonly and their enumerations open
// (a status the vendor adds tomorrow is typed as a string, not refused).
import type { ArrayNode, NumberNode, ObjectNode, SchemaNode, StringNode } from '../../model/types.js'
import { literal } from '../shared/files.js'

export type Direction = 'input' | 'output'

export interface PrintOptions {
  readonly direction: Direction
  /** Fields of the top-level object left out (the batch's raw failed list, replaced by the runtime's outcome). */
  readonly omit?: readonly string[]
  /** An enumeration already printed as a named type: its values, and the name used instead of repeating them. */
  readonly named?: { readonly values: readonly string[]; readonly name: string }
}

/** A TypeScript type for a schema node. */
export function printType(node: SchemaNode, options: PrintOptions, depth = 0): string {
  switch (node.kind) {
    case 'string':
      return options.named && sameValues(node.values, options.named.values)
        ? options.named.name
        : stringType(node, options.direction)
    case 'integer':
    case 'number':
      // As for strings: an input takes only the listed numbers, a reply may carry one the spec does not list yet.
      if (!node.values) return 'number'
      return options.direction === 'output' ? `${node.values.join(' | ')} | (number & {})` : node.values.join(' | ')
    case 'boolean':
      return 'boolean'
    case 'array':
      return `readonly ${wrap(printType(node.items, inner(options), depth))}[]`
    case 'object':
      return objectType(node, options, depth)
  }
}

/** The options for nodes below the top level (what is omitted applies to the top only). */
function inner(options: PrintOptions): PrintOptions {
  return { direction: options.direction, ...(options.named ? { named: options.named } : {}) }
}

function sameValues(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((v, i) => v === b[i])
}

function stringType(node: StringNode, direction: Direction): string {
  if (!node.values) return 'string'
  const known = node.values.map((v) => JSON.stringify(v)).join(' | ')
  // A reply may carry a value the spec does not list yet: kept, and typed as a string.
  return direction === 'output' && node.values.length > 1 ? `${known} | (string & {})` : known
}

/** Parenthesised when a union would otherwise bind wrongly inside `T[]`. */
function wrap(type: string): string {
  return type.includes(' | ') || type.includes(' & ') ? `(${type})` : type
}

function objectType(node: ObjectNode, options: PrintOptions, depth: number): string {
  const pad = '  '.repeat(depth + 1)
  const omit = new Set(depth === 0 ? (options.omit ?? []) : [])
  const fields = node.properties
    .filter((p) => !omit.has(p.name))
    .map((p) => {
      const doc = jsDoc(fieldDoc(p.schema, options.direction), pad)
      // An optional input also takes undefined (sent as absent), so a caller can forward an optional value of its own.
      const optional = p.required ? '' : '?'
      const absent = p.required || options.direction === 'output' ? '' : ' | undefined'
      return `${doc}${pad}readonly ${safeKey(p.name)}${optional}: ${printType(p.schema, inner(options), depth + 1)}${absent}`
    })
  const body = fields.length > 0 ? `{\n${fields.join('\n')}\n${'  '.repeat(depth)}}` : '{}'
  if (options.direction === 'output' || node.exclusive.length === 0) return body
  // "At most one of a, b": for each field, the others absent. Sending both matches no member, and the
  // compiler's message ends on NotTogether<'the rule in words'>, a type no value has.
  const rules = node.exclusive.map((rule) => {
    const words = literal(
      `${rule.fields.join(' and ')}: set one of them, or none, never ${rule.fields.length > 2 ? 'two' : 'both'}`,
    )
    return `(${rule.fields
      .map(
        (f) =>
          `{ ${rule.fields
            .filter((o) => o !== f)
            .map((o) => `readonly ${safeKey(o)}?: NotTogether<${words}> | undefined`)
            .join('; ')} }`,
      )
      .join(' | ')})`
  })
  return [body, ...rules].join(' & ')
}

function safeKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name)
}

/**
 * What a field's JSDoc says: the spec's description, then (for inputs: what
 * the validator and the server check) its rules, its default and an example.
 */
export function fieldDoc(node: SchemaNode, direction: Direction): string[] {
  const lines: string[] = []
  if (node.description) lines.push(node.description.trim().replace(/\s+/g, ' '))
  const rules = direction === 'input' ? ruleWords(node) : []
  if (rules.length > 0) lines.push(`Rules: ${rules.join('; ')}.`)
  if (node.sensitive) lines.push('A secret: masked in every log, error and result.')
  if (node.default !== undefined) lines.push(`@defaultValue ${JSON.stringify(node.default)}`)
  const example = node.examples[0]
  if (example !== undefined && !node.sensitive) lines.push(`@example ${JSON.stringify(example)}`)
  return lines
}

/** The node's rules in words, as the validator and the server check them. */
export function ruleWords(node: SchemaNode): string[] {
  switch (node.kind) {
    case 'string':
      return stringRules(node)
    case 'integer':
    case 'number':
      return numberRules(node)
    case 'array':
      return arrayRules(node)
    default:
      return []
  }
}

function range(min: number | undefined, max: number | undefined, unit: string): string | undefined {
  // "1 character", "2 characters": the unit is given in the plural.
  const of = (n: number) => (unit === '' ? `${n}` : `${n} ${n === 1 ? unit.replace(/s$/, '') : unit}`)
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${of(min)}` : `${min} to ${of(max)}`
  if (min !== undefined) return `at least ${of(min)}`
  if (max !== undefined) return `at most ${of(max)}`
  return undefined
}

function stringRules(node: StringNode): string[] {
  const out: string[] = []
  if (node.values) out.push(`one of ${node.values.map((v) => JSON.stringify(v)).join(', ')}`)
  const length = range(node.minLength, node.maxLength, 'characters')
  if (length) out.push(length)
  if (node.maxUtf8Bytes !== undefined) out.push(`at most ${node.maxUtf8Bytes} bytes of UTF-8`)
  for (const p of node.patterns) out.push(p.message ?? `matches /${p.pattern}/`)
  return out
}

function numberRules(node: NumberNode): string[] {
  const out: string[] = node.kind === 'integer' ? ['a whole number'] : []
  if (node.values) out.push(`one of ${node.values.join(', ')}`)
  const bounds = range(node.minimum, node.maximum, '')
  if (bounds) out.push(bounds)
  return out
}

function arrayRules(node: ArrayNode): string[] {
  const out: string[] = []
  const count = range(node.minItems, node.maxItems, 'items')
  if (count) out.push(count)
  if (node.uniqueItems) out.push('no duplicates')
  if (node.consecutive) out.push('each one more than the one before')
  if (node.firstItem) out.push(`the first ${node.firstItem.field} one of ${node.firstItem.values.join(', ')}`)
  const items = ruleWords(node.items)
  if (items.length > 0) out.push(`each: ${items.join(', ')}`)
  return out
}

/** A JSDoc block at `pad`; empty when there is nothing to say. `*\/` in text cannot close it early. */
export function jsDoc(lines: readonly string[], pad: string): string {
  if (lines.length === 0) return ''
  const safe = lines.map((l) => l.replace(/\*\//g, '*\\/'))
  if (safe.length === 1) return `${pad}/** ${safe[0]} */\n`
  return `${pad}/**\n${safe.map((l) => `${pad} * ${l}`).join('\n')}\n${pad} */\n`
}
