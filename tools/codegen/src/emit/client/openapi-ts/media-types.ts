// transformMediaTypeObject, and the `content` type literal a request body or
// a header lists its media types in: each media type's schema type (`unknown`
// without one), commented with what the media type object itself says (an
// `example`, say). A request body's media type may be a bare $ref, typed as
// that reference.
import type { Context } from './context.js'
import { jsdoc } from './jsdoc.js'
import { propertyName } from './literals.js'
import { type Property, type TypeNode, UNKNOWN } from './nodes.js'
import { schemaType } from './schema-object.js'
import { isObj, type Obj, unsupported } from './unsupported.js'

export function mediaTypeType(mediaType: unknown, ctx: Context, at: string): TypeNode {
  if (!isObj(mediaType)) return unsupported('a media type that is not an object', at)
  return mediaType.schema ? schemaType(mediaType.schema, ctx, `${at}/schema`) : UNKNOWN
}

/** One property per media type; `refs` says whether a `$ref` media type is typed as its reference (request bodies do). */
export function mediaTypeMembers(content: Obj, ctx: Context, at: string, refs: boolean): Property[] {
  return Object.entries(content).map(([contentType, mediaType]): Property => {
    const here = `${at}/${contentType}`
    if (!isObj(mediaType)) return unsupported('a media type that is not an object', here)
    return {
      kind: 'property',
      name: propertyName(contentType),
      optional: false,
      readonly: false,
      type: refs && '$ref' in mediaType ? schemaType(mediaType, ctx, here) : mediaTypeType(mediaType, ctx, here),
      comment: jsdoc(mediaType, here),
    }
  })
}

/** A `content` object openapi-typescript iterates: a plain object, or none. */
export function contentOf(owner: Obj, at: string): Obj | undefined {
  const content = owner.content
  if (content === undefined || content === null) return undefined
  if (!isObj(content)) return unsupported('content that is not an object', at)
  return content
}
