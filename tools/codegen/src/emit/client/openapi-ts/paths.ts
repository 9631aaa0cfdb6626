// transformPathsObject and transformPathItemObject: one property per path,
// its `parameters` and all eight methods (`get?: never` for those it has not).
// An operation with an operationId is a reference into the `operations`
// interface (`#` in the id read as `/`), which collects its type; one without
// is typed inline. Path items and operations that are $refs are refused.
import type { Context } from './context.js'
import { jsdoc } from './jsdoc.js'
import { propertyName, quoted } from './literals.js'
import { type Member, NEVER, type Property, text, typeLiteral } from './nodes.js'
import { operationMembers } from './operation.js'
import { parametersMember } from './parameters.js'
import { isObj, type Obj, unsupported } from './unsupported.js'

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

/** The members of `paths`, and those of `operations` in the order openapi-typescript adds them. */
export interface PathsOutput {
  readonly paths: Property[]
  readonly operations: Property[]
}

export function pathsMembers(paths: Obj, ctx: Context): PathsOutput {
  const out: PathsOutput = { paths: [], operations: [] }
  for (const [url, item] of Object.entries(paths)) {
    // Not an object: skipped, as openapi-typescript skips it.
    if (!item || typeof item !== 'object') continue
    const at = `#/paths/${url}`
    if (!isObj(item)) unsupported('a path item that is a list', at)
    if ('$ref' in item) unsupported('a path item $ref', at)
    const type = typeLiteral(pathItemMembers(item, ctx, at, out.operations))
    out.paths.push({
      kind: 'property',
      name: propertyName(url),
      optional: false,
      readonly: false,
      type,
      comment: undefined,
    })
  }
  return out
}

function pathItemMembers(item: Obj, ctx: Context, at: string, operations: Property[]): Member[] {
  const members: Member[] = [parametersMember(item.parameters, ctx, `${at}/parameters`)]
  for (const method of METHODS) {
    const operation = item[method]
    const here = `${at}/${method}`
    if (!operation) {
      members.push({ kind: 'property', name: method, optional: true, readonly: false, type: NEVER, comment: undefined })
      continue
    }
    if (!isObj(operation)) unsupported('an operation that is not an object', here)
    if ('$ref' in operation) unsupported('an operation $ref', here)
    const parameters = mergedParameters(item.parameters, operation.parameters, ctx, here)
    let type: Property['type']
    if (operation.operationId) {
      if (typeof operation.operationId !== 'string') unsupported('an operationId that is not a string', here)
      // The id goes through a JSON pointer and back: `%` would be decoded on the way.
      if (operation.operationId.includes('%')) unsupported('an operationId with %', here)
      const id = operation.operationId.replace(/#/g, '/')
      type = text(`operations[${quoted(id)}]`)
      operations.push({
        kind: 'property',
        name: propertyName(id),
        optional: false,
        readonly: false,
        type: typeLiteral(operationMembers(operation, parameters, ctx, here)),
        comment: undefined,
      })
    } else {
      type = typeLiteral(operationMembers(operation, parameters, ctx, here))
    }
    members.push({
      kind: 'property',
      name: method,
      optional: false,
      readonly: false,
      type,
      comment: jsdoc(operation, here),
    })
  }
  return members
}

/** The path item's parameters then the operation's, one per `in` and name, a later one replacing an earlier in place. */
function mergedParameters(shared: unknown, own: unknown, ctx: Context, at: string): unknown[] {
  for (const list of [shared, own]) {
    if (list !== undefined && list !== null && !Array.isArray(list)) unsupported('parameters that are not a list', at)
  }
  const keyed = new Map<string, unknown>()
  for (const parameter of [...((shared ?? []) as unknown[]), ...((own ?? []) as unknown[])]) {
    if (!isObj(parameter)) return unsupported('a parameter that is not an object', at)
    let target: unknown = parameter
    if ('$ref' in parameter) {
      if (typeof parameter.$ref !== 'string') unsupported('a $ref that is not a string', at)
      target = ctx.resolve(parameter.$ref)
    }
    const where = isObj(target) ? target.in : undefined
    const name = isObj(target) ? target.name : undefined
    keyed.set(`${String(where)}-${String(name)}`, parameter)
  }
  return [...keyed.values()]
}
