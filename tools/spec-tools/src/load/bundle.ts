import { dirname, relative, resolve } from 'node:path'
import { appendPointer, getAt, isObject, parsePointer } from './json-pointer.js'
import { isLiteralEntry, isNamedMap, refOf, splitRef } from './keywords.js'
import { readDocument } from './read-document.js'
import { type Location, SpecError } from './spec-error.js'

/**
 * One self-contained OpenAPI document: every component another file defines
 * is copied into this one's `components` under its own name, and each
 * `$ref` becomes local. Names must not collide: the specs define each thing
 * once. The result is deterministic: same files, same object, same key order.
 * `parsed` may hold files already read (a LoadedSpec's `files`); they are not
 * modified.
 */
export function bundleSpec(entryFile: string, parsed?: ReadonlyMap<string, unknown>): Record<string, unknown> {
  const entry = resolve(entryFile)
  // Files the loader already parsed are reused rather than read again.
  const files = new Map<string, unknown>(parsed)
  const read = (file: string): unknown => {
    if (!files.has(file)) files.set(file, readDocument(file))
    return files.get(file)
  }
  const root = read(entry)
  if (!isObject(root)) throw new SpecError({ file: entry, pointer: '' }, 'the document is not an object')

  // kind -> name -> { from, value }; value is filled after the walk reaches it.
  const hoisted = new Map<string, Map<string, { from: string; value?: unknown }>>()
  const ownComponents = isObject(root.components) ? root.components : {}

  const hoist = (kind: string, name: string, file: string, at: Location): void => {
    const own = ownComponents[kind]
    // `Name: {$ref: other.yaml#/components/kind/Name}` in the entry is an alias, not a second definition.
    if (isObject(own) && Object.hasOwn(own, name) && !isAliasOf(own[name], file, kind, name)) {
      throw new SpecError(
        at,
        `component ${kind}/${name} is defined in the entry and in ${relative(dirname(entry), file)}`,
      )
    }
    const byName = hoisted.get(kind) ?? new Map<string, { from: string; value?: unknown }>()
    hoisted.set(kind, byName)
    const seen = byName.get(name)
    if (seen) {
      if (seen.from !== file) throw new SpecError(at, `component ${kind}/${name} is defined in two files`)
      return
    }
    const slot: { from: string; value?: unknown } = { from: file }
    byName.set(name, slot)
    const pointer = appendPointer('', 'components', kind, name)
    slot.value = rewrite(getAt(read(file), ['components', kind, name]), { file, pointer }, false, '')
  }

  const rewrite = (node: unknown, loc: Location, inMap: boolean, parentKey: string): unknown => {
    if (typeof node !== 'object' || node === null) return node
    if (Array.isArray(node)) {
      return node.map((item, i) => rewrite(item, { ...loc, pointer: appendPointer(loc.pointer, String(i)) }, false, ''))
    }
    const out: Record<string, unknown> = {}
    const ref = refOf(node, inMap)
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && ref !== undefined) out[k] = localRef(ref, loc)
      else if (isLiteralEntry(k, v, inMap)) out[k] = v
      else out[k] = rewrite(v, { ...loc, pointer: appendPointer(loc.pointer, k) }, isNamedMap(k, inMap, parentKey), k)
    }
    return out
  }

  const isAliasOf = (node: unknown, file: string, kind: string, name: string): boolean => {
    const ref = refOf(node, false)
    if (ref === undefined || Object.keys(node as object).length !== 1) return false
    const { filePart, pointer } = splitRef(ref)
    return resolve(dirname(entry), filePart) === file && pointer === appendPointer('', 'components', kind, name)
  }

  const localRef = (ref: string, at: Location): string => {
    const { filePart, pointer } = splitRef(ref)
    const file = filePart === '' ? at.file : resolve(dirname(at.file), filePart)
    const tokens = parsePointer(pointer)
    if (tokens === undefined) throw new SpecError(at, `$ref '${ref}' has an invalid JSON pointer`)
    if (getAt(read(file), tokens) === undefined) throw new SpecError(at, `unresolvable $ref '${ref}'`)
    if (file === entry) return `#${pointer}`
    const [components, kind, name, ...rest] = tokens
    if (components !== 'components' || kind === undefined || name === undefined || rest.length > 0) {
      throw new SpecError(at, `$ref '${ref}' must name a component (#/components/<kind>/<name>) of the other file`)
    }
    hoist(kind, name, file, at)
    return `#${appendPointer('', 'components', kind, name)}`
  }

  const bundled = rewrite(root, { file: entry, pointer: '' }, false, '') as Record<string, unknown>
  if (hoisted.size === 0) return bundled
  // The entry's own components first, in their order, then the hoisted ones by name.
  const components: Record<string, Record<string, unknown>> = {}
  const rewrittenOwn = isObject(bundled.components) ? bundled.components : {}
  for (const [kind, own] of Object.entries(rewrittenOwn)) components[kind] = { ...(own as Record<string, unknown>) }
  for (const [kind, byName] of [...hoisted].sort(byKey)) {
    const target = components[kind] ?? {}
    for (const [name, slot] of [...byName].sort(byKey)) target[name] = slot.value
    components[kind] = target
  }
  return { ...bundled, components }
}

// Code-unit order, not locale order: the bundle must not depend on the machine.
function byKey([a]: [string, unknown], [b]: [string, unknown]): number {
  return a < b ? -1 : a > b ? 1 : 0
}
