import type { SchemaNode } from '../../model/types.js'

/** The children of a node, in field order. */
export function childrenOf(node: SchemaNode): SchemaNode[] {
  if (node.kind === 'object') return node.properties.map((p) => p.schema)
  if (node.kind === 'array') return [node.items]
  return []
}

/** Whether an object node is anywhere below (or at) `node`. */
export function containsObject(node: SchemaNode): boolean {
  return node.kind === 'object' || childrenOf(node).some(containsObject)
}

/**
 * Named schemas that can be printed once and shared, dependencies first.
 * Objects are never shared: the same object is strict in a request and loose
 * in a response.
 */
export function sharedNamedNodes(roots: readonly SchemaNode[]): Map<SchemaNode, string> {
  const out = new Map<SchemaNode, string>()
  const taken = new Map<string, SchemaNode>()
  const visit = (node: SchemaNode): void => {
    for (const child of childrenOf(node)) visit(child)
    if (!node.name || out.has(node) || containsObject(node)) return
    const clash = taken.get(node.name)
    if (clash && clash !== node) return
    taken.set(node.name, node)
    out.set(node, node.name)
  }
  for (const root of roots) visit(root)
  return out
}

/**
 * The API error code of each field path that has one of its own, for the
 * validator's "nearest code above a broken rule" lookup. Paths are dotted,
 * array items are `[]`: `instanceIds[]`.
 */
export function errorCodesByPath(root: SchemaNode): Record<string, string> {
  const codes: Record<string, string> = {}
  const visit = (node: SchemaNode, path: string): void => {
    if (node.errorCode) codes[path] = node.errorCode
    if (node.kind === 'object') for (const p of node.properties) visit(p.schema, path ? `${path}.${p.name}` : p.name)
    if (node.kind === 'array') visit(node.items, `${path}[]`)
  }
  visit(root, '')
  return codes
}
