// The few TypeScript type nodes openapi-typescript builds, as plain data, and
// the constructors it builds them with. What matters for the printed text is
// kept exactly: its helpers drop repeated primitive keywords (tsDedupe), and
// TypeScript's node factory wraps a union or intersection in parentheses where
// it stands in an intersection, a union or before `[]`. Nodes that are
// singletons there (UNKNOWN, NULL...) are singletons here: openapi-typescript
// compares them by identity (`finalType !== UNKNOWN`).

/** A property of a type literal, with the JSDoc text openapi-typescript attaches to it. */
export interface Property {
  readonly kind: 'property'
  /** The printed name: an identifier, a number or a quoted string (see literals.ts). */
  readonly name: string
  readonly optional: boolean
  readonly readonly: boolean
  readonly type: TypeNode
  /** The comment's inner text, as passed to ts.addSyntheticLeadingComment (see jsdoc.ts). */
  readonly comment: string | undefined
}

/** `[param: string]: type` */
export interface IndexSignature {
  readonly kind: 'index'
  readonly param: string
  readonly type: TypeNode
}

export type Member = Property | IndexSignature

export type TypeNode =
  /** Printed as is; `primitive` for the keywords tsIsPrimitive accepts (string, number, boolean, never, undefined, null). */
  | { readonly kind: 'text'; readonly text: string; readonly primitive: boolean }
  | { readonly kind: 'array'; readonly element: TypeNode }
  | { readonly kind: 'union' | 'intersection'; readonly types: readonly TypeNode[] }
  | { readonly kind: 'parenthesized'; readonly type: TypeNode }
  | { readonly kind: 'literal'; readonly members: readonly Member[] }

const keyword = (text: string, primitive: boolean): TypeNode => ({ kind: 'text', text, primitive })

export const STRING = keyword('string', true)
export const NUMBER = keyword('number', true)
export const BOOLEAN = keyword('boolean', true)
export const NEVER = keyword('never', true)
export const NULL = keyword('null', true)
export const UNKNOWN = keyword('unknown', false)
export const TRUE = keyword('true', false)
export const FALSE = keyword('false', false)

/** A node printed as `text`, not a primitive (a literal, a reference). */
export function text(value: string): TypeNode {
  return { kind: 'text', text: value, primitive: false }
}

/** tsIsPrimitive: a union whose members all are primitives stays a union under oneOf. */
export function isPrimitive(type: TypeNode): boolean {
  return type.kind === 'text' && type.primitive
}

/** tsDedupe: a primitive keyword seen once already is left out; everything else is kept. */
function dedupe(types: readonly TypeNode[]): TypeNode[] {
  const seen = new Set<string>()
  const kept: TypeNode[] = []
  for (const t of types) {
    if (t.kind === 'text' && t.primitive) {
      if (seen.has(t.text)) continue
      seen.add(t.text)
    }
    kept.push(t)
  }
  return kept
}

/** TypeScript's factory parenthesizes a union or an intersection inside a union, an intersection or an array. */
function constituent(type: TypeNode): TypeNode {
  return type.kind === 'union' || type.kind === 'intersection' ? { kind: 'parenthesized', type } : type
}

/** ts.factory.createUnionTypeNode */
export function unionNode(types: readonly TypeNode[]): TypeNode {
  return { kind: 'union', types: types.map(constituent) }
}

/** ts.factory.createIntersectionTypeNode */
export function intersectionNode(types: readonly TypeNode[]): TypeNode {
  return { kind: 'intersection', types: types.map(constituent) }
}

/** tsUnion: never when empty, the type itself when alone. */
export function tsUnion(types: readonly TypeNode[]): TypeNode {
  if (types.length === 0) return NEVER
  if (types.length === 1) return types[0] as TypeNode
  return unionNode(dedupe(types))
}

/** tsIntersection: never when empty, the type itself when alone. */
export function tsIntersection(types: readonly TypeNode[]): TypeNode {
  if (types.length === 0) return NEVER
  if (types.length === 1) return types[0] as TypeNode
  return intersectionNode(dedupe(types))
}

/** ts.factory.createArrayTypeNode */
export function arrayOf(element: TypeNode): TypeNode {
  return { kind: 'array', element: constituent(element) }
}

/** ts.factory.createTypeLiteralNode */
export function typeLiteral(members: readonly Member[]): TypeNode {
  return { kind: 'literal', members }
}

/** tsRecord(STRING, NEVER), what openapi-typescript writes for an object that may hold nothing. */
export const EMPTY_RECORD = text('Record<string, never>')
