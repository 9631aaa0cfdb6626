// transformOperationObject: an operation's parameters, its request body
// (optional unless required, `requestBody?: never` when it has none) and its
// responses, as the members of a type literal.
import type { Context } from './context.js'
import { jsdoc } from './jsdoc.js'
import { type Member, NEVER } from './nodes.js'
import { parametersMember } from './parameters.js'
import { refType } from './refs.js'
import { requestBodyType } from './request-body.js'
import { responsesType } from './responses.js'
import { isObj, type Obj, unsupported } from './unsupported.js'

/** `parameters` is the list the path item merged (its own and the operation's, keyed by in and name). */
export function operationMembers(operation: Obj, parameters: readonly unknown[], ctx: Context, at: string): Member[] {
  const members: Member[] = [parametersMember(parameters, ctx, `${at}/parameters`)]
  const body = operation.requestBody
  if (body) {
    if (!isObj(body)) unsupported('a request body that is not an object', `${at}/requestBody`)
    const ref = '$ref' in body
    if (ref && typeof body.$ref !== 'string') unsupported('a $ref that is not a string', `${at}/requestBody`)
    const resolved = ref ? ctx.resolve(body.$ref as string) : body
    members.push({
      kind: 'property',
      name: 'requestBody',
      optional: !(isObj(resolved) && resolved.required),
      readonly: false,
      type: ref ? refType(body.$ref, `${at}/requestBody`) : requestBodyType(body, ctx, `${at}/requestBody`),
      comment: jsdoc(body, `${at}/requestBody`),
    })
  } else {
    members.push({
      kind: 'property',
      name: 'requestBody',
      optional: true,
      readonly: false,
      type: NEVER,
      comment: undefined,
    })
  }
  members.push({
    kind: 'property',
    name: 'responses',
    optional: false,
    readonly: false,
    type: responsesType(operation.responses, ctx, `${at}/responses`),
    comment: undefined,
  })
  return members
}
