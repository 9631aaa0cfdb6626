// $refs as openapi-typescript reads them (with @redocly/openapi-core's
// parseRef): a reference becomes an indexed access on the root interface,
// `components["schemas"]["Name"]`, skipping `properties` segments below the
// component; ctx.resolve follows a pointer through the document, then any
// $ref the target is.
import { quoted } from './literals.js'
import { type TypeNode, text } from './nodes.js'
import { isObj, type Obj, unsupported } from './unsupported.js'

/** parseRef's pointer: the part after `#/`, split on `/`, each segment unescaped, empty ones dropped. */
export function refPointer(ref: string): string[] {
  const pointer = ref.split('#/')[1] ?? ''
  return pointer
    .split('/')
    .map((s) => decodeURIComponent(s.replace(/~1/g, '/').replace(/~0/g, '~')))
    .filter((s) => s !== '')
}

/** oapiRef, for a reference that is no parameter's (see parameters.ts for those). */
export function refType(ref: unknown, at: string): TypeNode {
  if (typeof ref !== 'string' || !ref.startsWith('#/')) unsupported('a $ref outside the document', at)
  const pointer = refPointer(ref)
  const [root, ...rest] = pointer
  if (root === undefined) unsupported(`the $ref ${ref}`, at)
  const segments = [...rest.slice(0, 2), ...rest.slice(2).filter((s) => s !== 'properties')]
  return text(`${root}${segments.map((s) => `[${quoted(s)}]`).join('')}`)
}

/** resolveRef: the node a $ref points to, through any chain of $refs; undefined when it points nowhere or in a circle. */
export function resolveRef(document: Obj, ref: string, visited: readonly string[] = []): unknown {
  const pointer = refPointer(ref)
  if (pointer.length === 0) return undefined
  let node: unknown = document
  for (const key of pointer) {
    // openapi-typescript steps only into truthy values.
    const next = isObj(node) || Array.isArray(node) ? (node as Obj)[key] : undefined
    if (!next) return undefined
    node = next
  }
  if (isObj(node) && node.$ref) {
    const target = node.$ref
    if (typeof target !== 'string' || !target.startsWith('#/')) return unsupported(`the $ref ${String(target)}`, ref)
    if (visited.includes(target)) return undefined
    return resolveRef(document, target, [...visited, target])
  }
  return node
}
