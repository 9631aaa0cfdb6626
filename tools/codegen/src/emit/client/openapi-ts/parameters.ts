// transformParametersArray and transformParameterObject: a `parameters` member
// with query, header, path and cookie, each a type literal of its parameters
// (a $ref'd one as a reference to it, its comment from what it points to) or
// `never`, and optional (`?`) when every one in it is optional. A path
// parameter is never optional.
import type { Context } from './context.js'
import { jsdoc } from './jsdoc.js'
import { propertyName } from './literals.js'
import { type Member, NEVER, type Property, STRING, type TypeNode, typeLiteral } from './nodes.js'
import { refPointer, refType } from './refs.js'
import { schemaType } from './schema-object.js'
import { isObj, unsupported } from './unsupported.js'

const LOCATIONS = ['query', 'header', 'path', 'cookie'] as const

/** transformParameterObject: the parameter's schema's type, `string` when it has none. */
export function parameterType(parameter: unknown, ctx: Context, at: string): TypeNode {
  if (!isObj(parameter)) return unsupported('a parameter that is not an object', at)
  return parameter.schema ? schemaType(parameter.schema, ctx, `${at}/schema`) : STRING
}

/** The `parameters` member of a path item or an operation. */
export function parametersMember(parameters: unknown, ctx: Context, at: string): Property {
  if (parameters !== undefined && parameters !== null && !Array.isArray(parameters)) {
    unsupported('parameters that are not a list', at)
  }
  const list = (parameters ?? []) as readonly unknown[]
  const entries = list.map((original, i) => {
    const here = `${at}/${i}`
    if (!isObj(original)) return unsupported('a parameter that is not an object', here)
    if (!('$ref' in original)) return { original, resolved: original, at: here }
    if (typeof original.$ref !== 'string') return unsupported('a $ref that is not a string', here)
    return { original, resolved: ctx.resolve(original.$ref), at: here }
  })
  const locations = LOCATIONS.map((where): Property => {
    const members: Property[] = []
    for (const { original, resolved, at: here } of entries) {
      if (!isObj(resolved) || resolved.in !== where) continue
      if (typeof resolved.name !== 'string') unsupported('a parameter without a name', here)
      members.push({
        kind: 'property',
        name: propertyName(resolved.name),
        optional: where !== 'path' && !resolved.required,
        readonly: false,
        type: '$ref' in original ? parameterRef(original.$ref, here) : parameterType(resolved, ctx, here),
        comment: jsdoc(resolved, here),
      })
    }
    return {
      kind: 'property',
      name: where,
      optional: members.every((m) => m.optional),
      readonly: false,
      type: members.length > 0 ? typeLiteral(members) : NEVER,
      comment: undefined,
    }
  })
  const type = typeLiteral(locations as Member[])
  return { kind: 'property', name: 'parameters', optional: false, readonly: false, type, comment: undefined }
}

/**
 * oapiRef with the parameter it resolves to: a reference deeper than a
 * component (`#/paths/.../parameters/0`) would end in the parameter's `in`
 * and name instead of its index, which this printer does not reproduce.
 */
function parameterRef(ref: unknown, at: string): TypeNode {
  if (typeof ref === 'string' && refPointer(ref).length > 3) unsupported('a $ref to a parameter below a component', at)
  return refType(ref, at)
}
