// The spec's schema nodes as the JSON Schema an MCP tool declares. Inputs
// carry every rule the validator checks that JSON Schema can say (lengths,
// patterns, values, bounds, items, fields never set together) and, for agents
// that read only words, each field's rules, default and example in its
// description. Outputs are structural only (types, fields, which are always
// there): a reply's enumerations are open (a status the vendor adds later is
// still a string) and the client has checked the reply's rules already.
import type { ObjectNode, SchemaNode } from '../../model/types.js'
import { ruleWords } from '../client/ts-types.js'

export type Json = Record<string, unknown>

/** One line of text from a spec description (which may be folded YAML). */
export function oneLine(text: string | undefined): string {
  return (text ?? '').trim().replace(/\s+/g, ' ')
}

/** A field's words: its description, its rules, its default and an example (never a secret's). */
export function fieldWords(node: SchemaNode): string {
  const parts: string[] = []
  const description = oneLine(node.description)
  if (description) parts.push(description)
  const rules = ruleWords(node)
  if (rules.length > 0) parts.push(`Rules: ${rules.join('; ')}.`)
  if (node.kind === 'object') for (const rule of node.exclusive) parts.push(`Rule: ${oneLine(rule.message)}.`)
  if (node.default !== undefined) parts.push(`Default: ${JSON.stringify(node.default)}.`)
  const example = node.examples[0]
  if (example !== undefined && !node.sensitive) parts.push(`Example: ${JSON.stringify(example)}.`)
  if (node.sensitive) parts.push('A secret: never echoed in a plan, a result, a progress message or a log.')
  return parts.join(' ')
}

/** The input schema of a node: every rule JSON Schema can say, and the words. */
export function inputSchema(node: SchemaNode): Json {
  const out: Json = {}
  const words = fieldWords(node)
  switch (node.kind) {
    case 'string': {
      out.type = 'string'
      if (node.values) out.enum = [...node.values]
      if (node.minLength !== undefined) out.minLength = node.minLength
      if (node.maxLength !== undefined) out.maxLength = node.maxLength
      const [first, ...more] = node.patterns
      if (first && more.length === 0) out.pattern = first.pattern
      else if (first) out.allOf = node.patterns.map((p) => ({ pattern: p.pattern }))
      break
    }
    case 'integer':
    case 'number':
      out.type = node.kind
      if (node.minimum !== undefined) out.minimum = node.minimum
      if (node.maximum !== undefined) out.maximum = node.maximum
      break
    case 'boolean':
      out.type = 'boolean'
      break
    case 'array':
      out.type = 'array'
      out.items = inputSchema(node.items)
      if (node.minItems !== undefined) out.minItems = node.minItems
      if (node.maxItems !== undefined) out.maxItems = node.maxItems
      if (node.uniqueItems) out.uniqueItems = true
      break
    case 'object':
      Object.assign(out, objectInput(node))
      break
  }
  if (words) out.description = words
  if (node.default !== undefined) out.default = node.default
  if (node.examples.length > 0 && !node.sensitive) out.examples = [...node.examples]
  return out
}

function objectInput(node: ObjectNode, skip: readonly string[] = []): Json {
  const props = node.properties.filter((p) => !skip.includes(p.name))
  const out: Json = {
    type: 'object',
    properties: Object.fromEntries(props.map((p) => [p.name, inputSchema(p.schema)])),
  }
  const required = props.filter((p) => p.required).map((p) => p.name)
  if (required.length > 0) out.required = required
  if (!node.additionalProperties) out.additionalProperties = false
  const nots = node.exclusive.map((rule) => ({ not: { required: [...rule.fields] } }))
  if (nots.length === 1) Object.assign(out, nots[0])
  else if (nots.length > 1) out.allOf = nots
  return out
}

/**
 * A reset tool's input: the action's fields with its instance field replaced
 * by `instanceIds`, any number of ids each checked by the field's own rules
 * (the server's --max-instances caps them), and the confirmation token.
 */
export function fleetInputSchema(request: ObjectNode, field: string): Json {
  const own = request.properties.find((p) => p.name === field)
  if (!own) throw new Error(`mcp target: the instance field ${field} is not a request field`)
  const item = own.schema.kind === 'array' ? own.schema.items : own.schema
  const base = objectInput(request, [field])
  const instanceIds = {
    type: 'array',
    items: inputSchema(item),
    minItems: 1,
    uniqueItems: true,
    description: `The instances to reset, any number (the server's --max-instances is the limit), each once; sent in as many calls as ${field} allows. Each: ${fieldWords(item) || 'an instance id.'}`,
  }
  const confirmationToken = {
    type: 'string',
    minLength: 1,
    description:
      'Leave out on the first call: nothing is sent, and the result is the plan and a confirmationToken. After a person has read the plan and said yes, call again with exactly the same input and that token. Not used when the client asks the person itself (elicitation).',
  }
  const properties = { instanceIds, ...(base.properties as Json), confirmationToken }
  return {
    ...base,
    properties,
    required: ['instanceIds', ...((base.required as string[] | undefined) ?? [])],
  }
}

/** An output schema: the fields and their types, open enumerations, no rules. */
export function outputSchema(node: SchemaNode): Json {
  const out: Json = {}
  switch (node.kind) {
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
      out.type = node.kind
      break
    case 'array':
      out.type = 'array'
      out.items = outputSchema(node.items)
      break
    case 'object': {
      out.type = 'object'
      out.properties = Object.fromEntries(node.properties.map((p) => [p.name, outputSchema(p.schema)]))
      const required = node.properties.filter((p) => p.required).map((p) => p.name)
      if (required.length > 0) out.required = required
      break
    }
  }
  const description = oneLine(node.description)
  if (description) out.description = description
  return out
}
