// What every transform of this printer reads besides the node in hand: the
// whole (bundled) document, for the few places where openapi-typescript
// resolves a $ref (ctx.resolve) to decide what it prints.
import { resolveRef } from './refs.js'
import type { Obj } from './unsupported.js'

export interface Context {
  readonly document: Obj
  /** ctx.resolve: the node a $ref points to, or undefined. */
  readonly resolve: (ref: string) => unknown
}

export function contextOf(document: Obj): Context {
  return { document, resolve: (ref) => resolveRef(document, ref) }
}
