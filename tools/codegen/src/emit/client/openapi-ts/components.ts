// transformComponentsObject: schemas, responses, parameters, requestBodies,
// headers and pathItems, always all six, each a type literal of its entries
// (commented from the entry itself) or `never` when it has none. Path items
// among the components would add operations: refused.
import type { Context } from './context.js'
import { jsdoc } from './jsdoc.js'
import { propertyName } from './literals.js'
import { NEVER, type Property, type TypeNode, typeLiteral } from './nodes.js'
import { parameterType } from './parameters.js'
import { requestBodyType } from './request-body.js'
import { headerType, responseType } from './responses.js'
import { schemaType } from './schema-object.js'
import { isObj, type Obj, unsupported } from './unsupported.js'

type Transform = (item: unknown, ctx: Context, at: string) => TypeNode

const KINDS: readonly (readonly [string, Transform])[] = [
  ['schemas', schemaType],
  ['responses', responseType],
  ['parameters', parameterType],
  ['requestBodies', requestBodyType],
  ['headers', headerType],
  ['pathItems', (_item, _ctx, at) => unsupported('a path item among the components', at)],
]

export function componentsMembers(components: Obj, ctx: Context): Property[] {
  return KINDS.map(([kind, transform]): Property => {
    const entries = components[kind]
    if (entries && !isObj(entries)) unsupported(`components.${kind} that is not an object`, '#/components')
    const members = Object.entries((entries || {}) as Obj).map(([name, item]): Property => {
      const at = `#/components/${kind}/${name}`
      return {
        kind: 'property',
        name: propertyName(name),
        optional: false,
        readonly: false,
        type: transform(item, ctx, at),
        comment: jsdoc(item, at),
      }
    })
    const type = members.length > 0 ? typeLiteral(members) : NEVER
    return { kind: 'property', name: kind, optional: false, readonly: false, type, comment: undefined }
  })
}
