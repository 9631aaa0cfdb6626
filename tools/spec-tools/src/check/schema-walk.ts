import { isObject } from '../load/json-pointer.js'

const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'] as const
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const
const SUBSCHEMA_SINGLE = [
  'items',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'propertyNames',
] as const

/** Calls `visit` on `schema` and on every subschema below it, each object once. */
export function walkSchema(
  schema: unknown,
  visit: (node: Record<string, unknown>) => void,
  seen = new Set<object>(),
): void {
  if (!isObject(schema) || seen.has(schema)) return
  seen.add(schema)
  visit(schema)
  for (const key of SUBSCHEMA_SINGLE) walkSchema(schema[key], visit, seen)
  for (const key of SUBSCHEMA_LISTS) {
    const list = schema[key]
    if (Array.isArray(list)) for (const item of list) walkSchema(item, visit, seen)
  }
  for (const key of SUBSCHEMA_MAPS) {
    const map = schema[key]
    if (isObject(map)) for (const item of Object.values(map)) walkSchema(item, visit, seen)
  }
}

/** Every string `const` reachable from a schema: the error codes an error body may carry. */
export function constStrings(schema: unknown): string[] {
  const found: string[] = []
  walkSchema(schema, (node) => {
    if (typeof node.const === 'string') found.push(node.const)
    if (Array.isArray(node.enum)) for (const v of node.enum) if (typeof v === 'string') found.push(v)
  })
  return found
}
