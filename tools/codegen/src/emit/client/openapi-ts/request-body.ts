// transformRequestBodyObject: `{ content: { <media type>: T } }`, with
// `"*/*"?: never` for a body that lists no media type.
import type { Context } from './context.js'
import { contentOf, mediaTypeMembers } from './media-types.js'
import { NEVER, type TypeNode, typeLiteral } from './nodes.js'
import { isObj, unsupported } from './unsupported.js'

export function requestBodyType(body: unknown, ctx: Context, at: string): TypeNode {
  if (!isObj(body)) return unsupported('a request body that is not an object', at)
  const content = contentOf(body, at)
  const members = content ? mediaTypeMembers(content, ctx, `${at}/content`, true) : []
  const listed = members.length > 0 ? members : [anyMediaType()]
  return typeLiteral([
    {
      kind: 'property',
      name: 'content',
      optional: false,
      readonly: false,
      type: typeLiteral(listed),
      comment: undefined,
    },
  ])
}

function anyMediaType() {
  return { kind: 'property', name: '"*/*"', optional: true, readonly: false, type: NEVER, comment: undefined } as const
}
