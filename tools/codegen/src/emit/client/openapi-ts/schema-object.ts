// transformSchemaObject of openapi-typescript (transform/schema-object), with
// the options we run it with (defaultNonNullable false, every other option
// off): $ref, const, enum, the type keywords, arrays, objects with their
// properties and additionalProperties, allOf, anyOf, oneOf, nullable. What the
// type ignores (validation keywords, `not`) it ignores here too. $defs,
// patternProperties, tuples, object and array literals, and allOf members that
// openapi-typescript would wrap in WithRequired<> are refused (discriminators,
// which change the whole document's output, are refused by document.ts).
import type { Context } from './context.js'
import { jsdoc } from './jsdoc.js'
import { literalType, propertyName } from './literals.js'
import {
  arrayOf,
  BOOLEAN,
  EMPTY_RECORD,
  isPrimitive,
  type Member,
  NEVER,
  NULL,
  NUMBER,
  STRING,
  type TypeNode,
  tsIntersection,
  tsUnion,
  typeLiteral,
  UNKNOWN,
  unionNode,
} from './nodes.js'
import { refType } from './refs.js'
import { isObj, type Obj, unsupported } from './unsupported.js'

export function schemaType(schema: unknown, ctx: Context, at: string): TypeNode {
  if (!schema) return NEVER
  if (schema === true) return UNKNOWN
  if (!isObj(schema)) return unsupported('a schema that is neither an object nor a boolean', at)
  if ('$ref' in schema) return refType(schema.$ref, at)
  if (schema.const !== null && schema.const !== undefined) return literalType(schema.const, `${at}/const`)
  if (
    Array.isArray(schema.enum) &&
    (!('type' in schema) || schema.type !== 'object') &&
    !('properties' in schema) &&
    !('additionalProperties' in schema)
  ) {
    const values = schema.enum.map((v, i) => literalType(v, `${at}/enum/${i}`))
    if ((Array.isArray(schema.type) && schema.type.includes('null')) || schema.nullable) values.push(NULL)
    return tsUnion(values)
  }
  if ('type' in schema && schema.type === 'object' && schema.enum && !schema.oneOf) {
    unsupported('an object enum', at)
  }

  let type: TypeNode | undefined
  const core = coreType(schema, ctx, at)
  const allOf = allOfTypes(list(schema, 'allOf', at), schema.required, ctx, at)
  if (core || allOf.length > 0) {
    const all = allOf.length > 0 ? tsIntersection(allOf) : undefined
    type = tsIntersection([...(core ? [core] : []), ...(all ? [all] : [])])
  }
  const anyOf = list(schema, 'anyOf', at).map((s, i) => schemaType(s, ctx, `${at}/anyOf/${i}`))
  if (anyOf.length > 0) type = tsUnion([...(type ? [type] : []), ...anyOf])
  const oneOf = list(schema, 'oneOf', at).map((s, i) => schemaType(s, ctx, `${at}/oneOf/${i}`))
  if (oneOf.length > 0) {
    type = oneOf.every(isPrimitive)
      ? tsUnion([...(type ? [type] : []), ...oneOf])
      : tsIntersection([...(type ? [type] : []), tsUnion(oneOf)])
  }
  type ??= 'type' in schema ? EMPTY_RECORD : UNKNOWN
  // By identity, as openapi-typescript compares: an `unknown` is never made nullable.
  return type !== UNKNOWN && schema.nullable ? unionNode([type, NULL]) : type
}

/** allOf, anyOf or oneOf: iterated as arrays; a missing one (a falsy oneOf) is none. */
function list(schema: Obj, key: 'allOf' | 'anyOf' | 'oneOf', at: string): readonly unknown[] {
  const value = schema[key]
  if (value === undefined || value === null || (key === 'oneOf' && !value)) return []
  if (!Array.isArray(value)) return unsupported(`${key} that is not an array`, at)
  return value
}

/** collectAllOfCompositions: each member, an inline one with the parent's `required` added to its own. */
function allOfTypes(members: readonly unknown[], required: unknown, ctx: Context, at: string): TypeNode[] {
  if (required !== undefined && required !== null && !Array.isArray(required)) {
    unsupported('a required that is not a list', at)
  }
  const parentRequired: readonly unknown[] = required ?? []
  return members.map((member, i) => {
    const here = `${at}/allOf/${i}`
    if (!isObj(member)) return unsupported('an allOf member that is not an object', here)
    if ('$ref' in member) {
      const type = schemaType(member, ctx, here)
      const resolved = ctx.resolve(member.$ref as string)
      if (isObj(resolved) && 'properties' in resolved && parentRequired.length > 0) {
        const properties = resolved.properties
        if (properties !== undefined && properties !== null && !isObj(properties)) {
          unsupported('properties that are not an object', member.$ref as string)
        }
        if (parentRequired.some((k) => properties?.[String(k)])) {
          unsupported('an allOf $ref whose properties the parent requires (WithRequired)', here)
        }
      }
      return type
    }
    const own = Array.isArray(member.required) ? member.required : []
    return schemaType({ ...member, required: [...parentRequired, ...own] }, ctx, here)
  })
}

/** transformSchemaObjectCore: the type keyword's type, or an object's members; undefined when neither. */
function coreType(schema: Obj, ctx: Context, at: string): TypeNode | undefined {
  const t = schema.type
  if ('type' in schema && t) {
    if (t === 'null') return NULL
    if (t === 'string') return STRING
    if (t === 'number' || t === 'integer') return NUMBER
    if (t === 'boolean') return BOOLEAN
    if (t === 'array') return arrayType(schema, ctx, at)
    if (Array.isArray(t)) {
      if (Array.isArray(schema.oneOf)) unsupported('a list of types beside oneOf', at)
      return tsUnion(
        t.map((one) => (one === 'null' || one === null ? NULL : schemaType({ ...schema, type: one }, ctx, at))),
      )
    }
  }
  const properties = schema.properties
  if (properties && !isObj(properties)) unsupported('properties that are not an object', at)
  const hasProperties = isObj(properties) && Object.keys(properties).length > 0
  if (!hasProperties && !schema.additionalProperties && !schema.patternProperties && !schema.$defs) return undefined
  if (schema.patternProperties) unsupported('patternProperties', at)
  if (schema.$defs) unsupported('$defs in a schema', at)
  const members: Member[] = hasProperties ? propertyMembers(schema, properties, ctx, at) : []
  const extra = schema.additionalProperties
  if (extra !== undefined && typeof extra !== 'boolean' && !isObj(extra)) {
    unsupported('additionalProperties that is neither a schema nor a boolean', at)
  }
  const index: TypeNode[] = []
  if (isObj(extra) && Object.keys(extra).length > 0) index.push(schemaType(extra, ctx, `${at}/additionalProperties`))
  else if (extra === true || isObj(extra)) index.push(UNKNOWN)
  if (index.length === 0) return members.length > 0 ? typeLiteral(members) : undefined
  return tsIntersection([
    ...(members.length > 0 ? [typeLiteral(members)] : []),
    typeLiteral([{ kind: 'index', param: 'key', type: tsUnion(index) }]),
  ])
}

function arrayType(schema: Obj, ctx: Context, at: string): TypeNode {
  if (schema.prefixItems || Array.isArray(schema.items)) unsupported('a tuple (prefixItems)', at)
  const items = schema.items
  if (!items) return arrayOf(UNKNOWN)
  const item = schemaType(items, ctx, `${at}/items`)
  // An array of arrays is `T[][]`: openapi-typescript wraps the inner one once more.
  if (isObj(items) && 'type' in items && items.type === 'array') return arrayOf(item)
  return item.kind === 'array' ? item : arrayOf(item)
}

function propertyMembers(schema: Obj, properties: Obj, ctx: Context, at: string): Member[] {
  const required = schema.required
  if (required !== undefined && !Array.isArray(required)) unsupported('a required that is not a list', at)
  return Object.entries(properties).map(([name, value]): Member => {
    const here = `${at}/properties/${name}`
    if (typeof value !== 'boolean' && !isObj(value)) return unsupported('a property that is not a schema', here)
    const ref = isObj(value) && '$ref' in value ? value.$ref : undefined
    return {
      kind: 'property',
      name: propertyName(name),
      optional: !(Array.isArray(required) && required.includes(name)),
      readonly: isObj(value) && 'readOnly' in value && Boolean(value.readOnly),
      type: ref ? refType(ref, here) : schemaType(value, ctx, here),
      comment: jsdoc(value, here),
    }
  })
}
