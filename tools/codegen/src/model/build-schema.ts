// From a resolved JSON Schema to a SchemaNode. Only the subset the specs use is
// accepted; anything else stops generation with the file and JSON pointer,
// because an emitter that skipped a keyword would emit a validator that is
// silently looser than the spec.
import { appendPointer, isObject, type Location, SpecError } from '@zenlayer-reset/spec-tools'
import { decisionsOf } from './decisions.js'
import type {
  ArrayNode,
  BooleanNode,
  DistinctRule,
  ExclusiveRule,
  NodeMeta,
  NumberNode,
  ObjectNode,
  PatternRule,
  PropertyNode,
  SchemaNode,
  StringNode,
} from './types.js'

export interface SchemaContext {
  /** Where each resolved object was defined. */
  readonly origins: WeakMap<object, Location>
}

type Obj = Record<string, unknown>

const ANNOTATIONS = new Set(['description', 'title', 'examples', 'example', 'deprecated', 'x-zc-decision'])
const META = new Set(['default', 'x-zc-error-code', 'x-zc-sensitive'])
const BY_TYPE: Record<SchemaNode['kind'], ReadonlySet<string>> = {
  object: new Set(['type', 'properties', 'required', 'additionalProperties', 'allOf', 'x-zc-distinct']),
  array: new Set(['type', 'items', 'minItems', 'maxItems', 'uniqueItems', 'x-zc-consecutive', 'x-zc-first-item']),
  string: new Set([
    'type',
    'minLength',
    'maxLength',
    'pattern',
    'enum',
    'const',
    'format',
    'allOf',
    'x-zc-max-utf8-bytes',
  ]),
  integer: new Set(['type', 'minimum', 'maximum', 'format', 'enum']),
  number: new Set(['type', 'minimum', 'maximum', 'format', 'enum']),
  boolean: new Set(['type']),
}

export function buildSchema(schema: unknown, at: Location, ctx: SchemaContext): SchemaNode {
  if (!isObject(schema)) throw new SpecError(at, 'expected a schema object')
  const loc = ctx.origins.get(schema) ?? at
  // `allOf: [<one schema>]` beside annotations only: the spec's way to reuse a
  // named schema with its own description, default or error code.
  if (schema.type === undefined && Array.isArray(schema.allOf) && schema.allOf.length === 1) {
    const extra = Object.keys(schema).filter((k) => k !== 'allOf' && !ANNOTATIONS.has(k) && !META.has(k))
    if (extra.length > 0) throw new SpecError(loc, `keyword '${extra[0]}' beside a one-schema allOf is not supported`)
    const inner = buildSchema(schema.allOf[0], { ...loc, pointer: appendPointer(loc.pointer, 'allOf', '0') }, ctx)
    const own = meta(schema, loc, undefined)
    return {
      ...inner,
      name: own.name,
      location: loc,
      description: own.description ?? inner.description,
      default: own.default ?? inner.default,
      examples: own.examples.length > 0 ? own.examples : inner.examples,
      errorCode: own.errorCode ?? inner.errorCode,
      sensitive: own.sensitive || inner.sensitive,
      decisions: [...own.decisions, ...inner.decisions],
    }
  }
  const kind = kindOf(schema, loc)
  const allowed = BY_TYPE[kind]
  for (const key of Object.keys(schema)) {
    if (!allowed.has(key) && !ANNOTATIONS.has(key) && !META.has(key)) {
      throw new SpecError(loc, `keyword '${key}' is not supported on a ${kind} schema by the generator`)
    }
  }
  const m = meta(schema, loc, nameOf(loc))
  switch (kind) {
    case 'object':
      return objectNode(schema, loc, m, ctx)
    case 'array':
      return arrayNode(schema, loc, m, ctx)
    case 'string':
      return stringNode(schema, loc, m)
    case 'integer':
    case 'number':
      return numberNode(kind, schema, loc, m)
    case 'boolean':
      return { kind: 'boolean', ...m } satisfies BooleanNode
  }
}

function kindOf(schema: Obj, loc: Location): SchemaNode['kind'] {
  const type = schema.type ?? (typeof schema.const === 'string' ? 'string' : undefined)
  if (typeof type !== 'string' || !(type in BY_TYPE)) {
    const shown = type === undefined ? 'no type' : JSON.stringify(type)
    throw new SpecError(loc, `schema has ${shown}; the generator needs one of ${Object.keys(BY_TYPE).join(', ')}`)
  }
  return type as SchemaNode['kind']
}

/** A component's name when the node is defined at #/components/schemas/<Name>. */
function nameOf(loc: Location): string | undefined {
  return /^\/components\/schemas\/([^/]+)$/.exec(loc.pointer)?.[1]
}

function meta(schema: Obj, location: Location, name: string | undefined): NodeMeta {
  const code = schema['x-zc-error-code']
  return {
    name,
    description: typeof schema.description === 'string' ? schema.description : undefined,
    default: schema.default,
    examples: Array.isArray(schema.examples) ? schema.examples : schema.example !== undefined ? [schema.example] : [],
    errorCode: typeof code === 'string' ? code : undefined,
    sensitive: schema['x-zc-sensitive'] === true,
    location,
    decisions: decisionsOf(schema),
  }
}

function num(schema: Obj, key: string, loc: Location): number | undefined {
  const v = schema[key]
  if (v === undefined) return undefined
  if (typeof v !== 'number')
    throw new SpecError({ ...loc, pointer: appendPointer(loc.pointer, key) }, `${key} must be a number`)
  return v
}

function objectNode(schema: Obj, loc: Location, m: NodeMeta, ctx: SchemaContext): ObjectNode {
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : [])
  const props = isObject(schema.properties) ? schema.properties : {}
  const properties: PropertyNode[] = Object.entries(props).map(([name, sub]) => ({
    name,
    required: required.has(name),
    schema: buildSchema(sub, { ...loc, pointer: appendPointer(loc.pointer, 'properties', name) }, ctx),
  }))
  for (const name of required) {
    if (!(name in props)) throw new SpecError(loc, `required field '${name}' is not among the properties`)
  }
  const ap = schema.additionalProperties
  if (ap !== undefined && typeof ap !== 'boolean') {
    throw new SpecError(loc, 'additionalProperties must be true or false; schemas for extra fields are not supported')
  }
  const exclusive: ExclusiveRule[] = (Array.isArray(schema.allOf) ? schema.allOf : []).map((part, i) => {
    const partAt = { ...loc, pointer: appendPointer(loc.pointer, 'allOf', String(i)) }
    const not = isObject(part) ? part.not : undefined
    const fields = isObject(not) && Array.isArray(not.required) ? not.required.map(String) : undefined
    const extra = isObject(part)
      ? Object.keys(part).filter((k) => !['not', 'x-zc-message', 'x-zc-error-code', 'x-zc-decision'].includes(k))
      : []
    if (!fields || fields.length < 2 || Object.keys(not as Obj).length !== 1 || extra.length > 0) {
      throw new SpecError(partAt, 'on an object, allOf may only hold `not: {required: [a, b, ...]}` rules')
    }
    for (const f of fields) if (!(f in props)) throw new SpecError(partAt, `field '${f}' is not among the properties`)
    const p = part as Obj
    return {
      fields,
      message: typeof p['x-zc-message'] === 'string' ? p['x-zc-message'] : `${fields.join(' and ')} cannot all be set`,
      errorCode: typeof p['x-zc-error-code'] === 'string' ? p['x-zc-error-code'] : undefined,
      // A rule's reasons may sit on the rule or on the object that holds it.
      decisions: [...decisionsOf(p), ...m.decisions],
    }
  })
  const distinct = distinctRules(schema['x-zc-distinct'], props, loc)
  return { kind: 'object', ...m, properties, additionalProperties: ap !== false, exclusive, distinct }
}

function distinctRules(value: unknown, props: Obj, loc: Location): DistinctRule[] {
  if (value === undefined) return []
  const at = { ...loc, pointer: appendPointer(loc.pointer, 'x-zc-distinct') }
  const rule = value as { fields: string[]; message: string }
  for (const f of rule.fields) if (!(f in props)) throw new SpecError(at, `field '${f}' is not among the properties`)
  return [{ fields: rule.fields, message: rule.message }]
}

function arrayNode(schema: Obj, loc: Location, m: NodeMeta, ctx: SchemaContext): ArrayNode {
  if (schema.items === undefined) throw new SpecError(loc, 'an array schema needs items')
  const items = buildSchema(schema.items, { ...loc, pointer: appendPointer(loc.pointer, 'items') }, ctx)
  const consecutive = schema['x-zc-consecutive'] === true
  if (consecutive && items.kind !== 'integer') throw new SpecError(loc, 'x-zc-consecutive needs integer items')
  const first = schema['x-zc-first-item'] as { field: string; values: string[] } | undefined
  if (first !== undefined) {
    const field = items.kind === 'object' ? items.properties.find((p) => p.name === first.field) : undefined
    if (field?.schema.kind !== 'string') {
      throw new SpecError(
        { ...loc, pointer: appendPointer(loc.pointer, 'x-zc-first-item') },
        `x-zc-first-item needs object items with a string field '${first.field}'`,
      )
    }
  }
  return {
    kind: 'array',
    ...m,
    items,
    minItems: num(schema, 'minItems', loc),
    maxItems: num(schema, 'maxItems', loc),
    uniqueItems: schema.uniqueItems === true,
    consecutive,
    firstItem: first === undefined ? undefined : { field: first.field, values: first.values },
  }
}

function stringNode(schema: Obj, loc: Location, m: NodeMeta): StringNode {
  const patterns: PatternRule[] = []
  if (typeof schema.pattern === 'string')
    patterns.push({ pattern: schema.pattern, message: undefined, errorCode: undefined })
  ;(Array.isArray(schema.allOf) ? schema.allOf : []).forEach((part, i) => {
    const partAt = { ...loc, pointer: appendPointer(loc.pointer, 'allOf', String(i)) }
    const keys = isObject(part) ? Object.keys(part) : []
    if (
      !isObject(part) ||
      typeof part.pattern !== 'string' ||
      keys.some((k) => !['pattern', 'x-zc-message', 'x-zc-error-code'].includes(k))
    ) {
      throw new SpecError(
        partAt,
        'on a string, allOf may only hold `pattern` rules (with x-zc-message, x-zc-error-code)',
      )
    }
    patterns.push({
      pattern: part.pattern,
      message: typeof part['x-zc-message'] === 'string' ? part['x-zc-message'] : undefined,
      errorCode: typeof part['x-zc-error-code'] === 'string' ? part['x-zc-error-code'] : undefined,
    })
  })
  for (const p of patterns) {
    try {
      new RegExp(p.pattern, 'u')
    } catch {
      throw new SpecError(loc, `pattern ${p.pattern} is not a valid ECMA-262 regular expression with the u flag`)
    }
  }
  let values: string[] | undefined
  if (Array.isArray(schema.enum)) values = schema.enum.map(String)
  if (typeof schema.const === 'string') values = [schema.const]
  const bytes = schema['x-zc-max-utf8-bytes']
  return {
    kind: 'string',
    ...m,
    minLength: num(schema, 'minLength', loc),
    maxLength: num(schema, 'maxLength', loc),
    maxUtf8Bytes: typeof bytes === 'number' ? bytes : undefined,
    patterns,
    values,
    format: typeof schema.format === 'string' ? schema.format : undefined,
  }
}

function numberNode(kind: 'integer' | 'number', schema: Obj, loc: Location, m: NodeMeta): NumberNode {
  let values: number[] | undefined
  if (Array.isArray(schema.enum)) {
    if (!schema.enum.every((v) => typeof v === 'number'))
      throw new SpecError({ ...loc, pointer: appendPointer(loc.pointer, 'enum') }, 'a number enum must list numbers')
    values = schema.enum as number[]
  }
  return { kind, ...m, minimum: num(schema, 'minimum', loc), maximum: num(schema, 'maximum', loc), values }
}
