import { dirname, resolve } from 'node:path'
import { appendPointer, getAt, isObject, parsePointer } from './json-pointer.js'
import { isLiteralEntry, isNamedMap, refOf, splitRef } from './keywords.js'
import { readDocument } from './read-document.js'
import { type Location, SpecError } from './spec-error.js'

/** A spec with every `$ref`, local or in another file, replaced by its target. */
export interface LoadedSpec {
  /** Absolute path of the entry document. */
  readonly entry: string
  /**
   * The entry document with references resolved. A target reached twice is the
   * same object both times, so identity tells what the spec shares.
   */
  readonly document: Record<string, unknown>
  /** Where each resolved object was defined (for errors and for names). */
  readonly origins: WeakMap<object, Location>
  /** Every file read, as parsed, by absolute path. */
  readonly files: ReadonlyMap<string, unknown>
}

// What may stand beside a $ref without changing what it means.
const ANNOTATIONS_BESIDE_REF = new Set([
  'description',
  'summary',
  'title',
  'default',
  'examples',
  'example',
  'deprecated',
  'readOnly',
  'writeOnly',
])

export function loadSpec(entryFile: string): LoadedSpec {
  const entry = resolve(entryFile)
  const files = new Map<string, unknown>()
  const origins = new WeakMap<object, Location>()
  const done = new Map<string, unknown>()
  const inProgress: string[] = []

  const fileAt = (file: string, from: Location): unknown => {
    if (!files.has(file)) {
      try {
        files.set(file, readDocument(file))
      } catch (error) {
        if (error instanceof SpecError && file !== entry) {
          throw new SpecError(from, `$ref target ${error.message}`)
        }
        throw error
      }
    }
    return files.get(file)
  }

  const walk = (node: unknown, loc: Location, isMap: boolean, parentKey: string): unknown => {
    if (typeof node !== 'object' || node === null) return node
    const key = `${loc.file}#${loc.pointer}`
    if (done.has(key)) return done.get(key)
    if (inProgress.includes(key)) {
      const chain = [...inProgress.slice(inProgress.indexOf(key)), key].join(' -> ')
      throw new SpecError(loc, `recursive $ref chain is not supported: ${chain}`)
    }
    inProgress.push(key)
    let out: unknown
    if (Array.isArray(node)) {
      out = node.map((item, i) => walk(item, { ...loc, pointer: appendPointer(loc.pointer, String(i)) }, false, ''))
    } else if (refOf(node, isMap) !== undefined) {
      out = followRef(node as Record<string, unknown>, loc)
    } else {
      const obj: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
        obj[k] = isLiteralEntry(k, v, isMap)
          ? v
          : walk(v, { file: loc.file, pointer: appendPointer(loc.pointer, k) }, isNamedMap(k, isMap, parentKey), k)
      }
      out = obj
    }
    inProgress.pop()
    done.set(key, out)
    if (!origins.has(out as object)) origins.set(out as object, loc)
    return out
  }

  const followRef = (node: Record<string, unknown>, loc: Location): unknown => {
    const ref = node.$ref as string
    const { filePart, pointer } = splitRef(ref)
    if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) {
      throw new SpecError(loc, `$ref '${ref}' points outside the specs; only relative file references are supported`)
    }
    const file = filePart === '' ? loc.file : resolve(dirname(loc.file), filePart)
    const tokens = parsePointer(pointer)
    if (tokens === undefined) throw new SpecError(loc, `$ref '${ref}' has an invalid JSON pointer '${pointer}'`)
    const targetRaw = getAt(fileAt(file, loc), tokens)
    if (targetRaw === undefined) throw new SpecError(loc, `unresolvable $ref '${ref}': nothing at that pointer`)

    const siblings = Object.keys(node).filter((k) => k !== '$ref')
    const changing = siblings.filter((k) => !ANNOTATIONS_BESIDE_REF.has(k) && !k.startsWith('x-'))
    if (changing.length > 0) {
      throw new SpecError(loc, `keyword '${changing[0]}' beside $ref is not supported; wrap the $ref in allOf`)
    }
    const target = walk(targetRaw, { file, pointer }, false, '')
    if (siblings.length === 0 || !isObject(target)) return target
    const merged: Record<string, unknown> = { ...target }
    for (const k of siblings) merged[k] = node[k]
    const targetOrigin = origins.get(target)
    if (targetOrigin) origins.set(merged, targetOrigin)
    return merged
  }

  const document = walk(fileAt(entry, { file: entry, pointer: '' }), { file: entry, pointer: '' }, false, '')
  if (!isObject(document)) throw new SpecError({ file: entry, pointer: '' }, 'the document is not an object')
  return { entry, document, origins, files }
}

/** A file of the spec as parsed (raw, references not followed), read if the loader has not. */
export function readDocumentAt(spec: LoadedSpec, file: string): unknown {
  return spec.files.get(file) ?? readDocument(file)
}
