// The whole of schema.ts as openapi-typescript prints it for a bundled
// document (transform/index: paths, webhooks, components, $defs, then the
// operations its paths collected), or Unsupported when the document holds
// anything this printer does not reproduce exactly. Checked on the whole
// document first: the OpenAPI version openapi-typescript accepts, no
// discriminator anywhere (it rewrites the schemas it maps), no webhooks, no
// root $defs, no repeated operationId and no dangling $ref (its lint refuses
// those). The rest of what its lint checks (the document's structure) the
// specs' own lint and `zr-spec check`, which runs openapi-typescript, check.
import { componentsMembers } from './components.js'
import { contextOf } from './context.js'
import { EMPTY_RECORD, type Member, type TypeNode } from './nodes.js'
import { pathsMembers } from './paths.js'
import { printMembers, printType } from './print.js'
import { resolveRef } from './refs.js'
import { isObj, type Obj, unsupported } from './unsupported.js'

/** schema.ts for `document`, exactly as `astToString(await openapiTS(document, { defaultNonNullable: false }))`. */
export function printDocument(document: Obj): string {
  checkDocument(document)
  const ctx = contextOf(document)
  const paths = isObj(document.paths) ? pathsMembers(document.paths, ctx) : { paths: [], operations: [] }
  // Its bundler gives every document a `components` object: all six kinds, as `never`, when it had none.
  const components = componentsMembers(isObj(document.components) ? document.components : {}, ctx)
  return [
    declaration('paths', paths.paths),
    declaration('webhooks', []),
    declaration('components', components),
    declaration('$defs', []),
    declaration('operations', paths.operations),
  ].join('')
}

/** An interface when it has members, else `Record<string, never>`. */
function declaration(name: string, members: readonly Member[]): string {
  if (members.length === 0) return alias(name, EMPTY_RECORD)
  return `export interface ${name} {\n${printMembers(members, 1)}}\n`
}

function alias(name: string, type: TypeNode): string {
  return `export type ${name} = ${printType(type, 0)};\n`
}

function checkDocument(document: Obj): void {
  const version = document.openapi
  const number = typeof version === 'string' ? Number.parseFloat(version) : Number.NaN
  if (document.swagger || !(number >= 3 && number < 4)) unsupported('an OpenAPI version other than 3.x', '#/openapi')
  if (document.paths !== undefined && !isObj(document.paths)) unsupported('paths that are not an object', '#/paths')
  if (document.components !== undefined && !isObj(document.components)) {
    unsupported('components that are not an object', '#/components')
  }
  if (document.webhooks) unsupported('webhooks', '#/webhooks')
  if (document.$defs) unsupported('$defs', '#/$defs')
  walk(document, [], (node, at) => {
    if (node.discriminator) unsupported('a discriminator', pointer(at))
    // openapi-typescript's lint refuses a $ref to nothing; this printer would print it.
    if (typeof node.$ref === 'string' && resolveRef(document, node.$ref) === undefined) {
      unsupported('a dangling $ref', pointer(at))
    }
  })
  const ids = new Set<string>()
  for (const item of Object.values(isObj(document.paths) ? document.paths : {})) {
    if (!isObj(item)) continue
    for (const operation of Object.values(item)) {
      if (!isObj(operation) || typeof operation.operationId !== 'string') continue
      if (ids.has(operation.operationId)) unsupported(`the operationId ${operation.operationId} twice`, '#/paths')
      ids.add(operation.operationId)
    }
  }
}

/** Every object of the document, as openapi-typescript's own walk visits them; `at` holds the keys down to it. */
function walk(node: unknown, at: string[], visit: (node: Obj, at: readonly string[]) => void): void {
  if (typeof node !== 'object' || node === null) return
  const isList = Array.isArray(node)
  if (!isList) visit(node as Obj, at)
  for (const key in node) {
    at.push(key)
    walk((node as Obj)[key], at, visit)
    at.pop()
  }
}

const pointer = (keys: readonly string[]): string => `#/${keys.join('/')}`
