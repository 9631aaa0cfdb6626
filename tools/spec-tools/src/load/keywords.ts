// How a walker over an OpenAPI document tells keywords, named maps and
// literal data apart. Shared by the resolver and the bundler so that both
// agree on what a `$ref` is.
import { isObject } from './json-pointer.js'

// Keys whose value is a map of named entries rather than keywords: a property
// called `default` or `enum` is a schema, not a literal.
const MAP_KEYS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'dependentSchemas',
  'paths',
  'webhooks',
  'components',
  'schemas',
  'responses',
  'parameters',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'callbacks',
  'pathItems',
  'content',
  'encoding',
  'variables',
])
// Keys whose value is data, never resolved: an example may contain "$ref".
const LITERAL_KEYS = new Set(['example', 'examples', 'const', 'default', 'enum', 'value'])

/** Whether the value under `key` is data to copy as it is (extensions included). */
export function isLiteralEntry(key: string, value: unknown, inMap: boolean): boolean {
  if (inMap) return false
  if (key.startsWith('x-')) return true
  return LITERAL_KEYS.has(key) && !(key === 'examples' && isObject(value))
}

/**
 * Whether the value under `key` is a map of named entries. `inMap` says
 * whether the object holding `key` is itself such a map, `parentKey` under
 * which key that object sits (the maps of `components` hold maps).
 */
export function isNamedMap(key: string, inMap: boolean, parentKey: string): boolean {
  if (inMap) return parentKey === 'components'
  return MAP_KEYS.has(key) || key === 'examples'
}

/** A `$ref` object, as opposed to a map entry that happens to be called `$ref`. */
export function refOf(node: unknown, inMap: boolean): string | undefined {
  if (inMap || !isObject(node)) return undefined
  return typeof node.$ref === 'string' ? node.$ref : undefined
}

/** Splits a `$ref` into its file part ('' for the same file) and JSON pointer. */
export function splitRef(ref: string): { filePart: string; pointer: string } {
  const hash = ref.indexOf('#')
  if (hash === -1) return { filePart: ref, pointer: '' }
  return { filePart: ref.slice(0, hash), pointer: decodeURIComponent(ref.slice(hash + 1)) }
}
