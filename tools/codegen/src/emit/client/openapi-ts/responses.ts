// transformResponsesObject, transformResponseObject and transformHeaderObject:
// each status a reference or `{ headers, content }`. A response's headers end
// in `[name: string]: unknown`; a header is optional unless it is a $ref or
// required. A response without content has `content?: never`.
import type { Context } from './context.js'
import { jsdoc } from './jsdoc.js'
import { propertyName } from './literals.js'
import { contentOf, mediaTypeMembers } from './media-types.js'
import { type Member, NEVER, type Property, type TypeNode, typeLiteral, UNKNOWN } from './nodes.js'
import { refType } from './refs.js'
import { schemaType } from './schema-object.js'
import { isObj, type Obj, unsupported } from './unsupported.js'

/** The `responses` member's type: one property per status, `never` when there is none. */
export function responsesType(responses: unknown, ctx: Context, at: string): TypeNode {
  if (responses !== undefined && responses !== null && !isObj(responses)) {
    unsupported('responses that are not an object', at)
  }
  const members = Object.entries(responses ?? {}).map(([status, response]): Property => {
    const here = `${at}/${status}`
    if (!isObj(response)) return unsupported('a response that is not an object', here)
    return {
      kind: 'property',
      name: propertyName(status),
      optional: false,
      readonly: false,
      type: '$ref' in response ? refType(response.$ref, here) : responseType(response, ctx, here),
      comment: jsdoc(response, here),
    }
  })
  return members.length > 0 ? typeLiteral(members) : NEVER
}

export function responseType(response: unknown, ctx: Context, at: string): TypeNode {
  if (!isObj(response)) return unsupported('a response that is not an object', at)
  const headers = response.headers
  if (headers !== undefined && headers !== null && !isObj(headers)) unsupported('headers that are not an object', at)
  const headerMembers: Member[] = Object.entries((headers ?? {}) as Obj).map(([name, header]): Property => {
    const here = `${at}/headers/${name}`
    if (!isObj(header)) return unsupported('a header that is not an object', here)
    const ref = '$ref' in header
    return {
      kind: 'property',
      name: propertyName(name),
      optional: !ref && !header.required,
      readonly: false,
      type: ref ? refType(header.$ref, here) : headerType(header, ctx, here),
      comment: jsdoc(header, here),
    }
  })
  headerMembers.push({ kind: 'index', param: 'name', type: UNKNOWN })
  const content = contentOf(response, at)
  const media = content ? mediaTypeMembers(content, ctx, `${at}/content`, false) : []
  return typeLiteral([
    {
      kind: 'property',
      name: 'headers',
      optional: false,
      readonly: false,
      type: typeLiteral(headerMembers),
      comment: undefined,
    },
    media.length > 0
      ? {
          kind: 'property',
          name: 'content',
          optional: false,
          readonly: false,
          type: typeLiteral(media),
          comment: undefined,
        }
      : { kind: 'property', name: 'content', optional: true, readonly: false, type: NEVER, comment: undefined },
  ])
}

/** A header's schema type; with `content` instead, a type literal of its media types; else `unknown`. */
export function headerType(header: unknown, ctx: Context, at: string): TypeNode {
  if (!isObj(header)) return unsupported('a header that is not an object', at)
  if (header.schema) return schemaType(header.schema, ctx, `${at}/schema`)
  const content = header.content
  if (!content) return UNKNOWN
  if (!isObj(content)) return unsupported('content that is not an object', at)
  return typeLiteral(mediaTypeMembers(content, ctx, `${at}/content`, true))
}
