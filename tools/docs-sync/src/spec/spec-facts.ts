// The spec's side: one operation of the generator's model read into the same
// neutral facts as a page, each carrying the place it is defined and the
// decisions recorded there.
import { relative } from 'node:path'
import type { DecisionModel, ObjectNode, OperationModel, SchemaNode } from '@zenlayer-reset/codegen'
import { classChars, union } from '../charset.js'
import type { ErrorFact, Fact, FactValue, FieldFacts, FieldLimit, OperationFacts, SpecSource } from '../facts.js'

type Place = { readonly file: string; readonly pointer: string }

export function specSource(place: Place, decisions: readonly DecisionModel[], root: string): SpecSource {
  return {
    witness: 'spec',
    place: `${relative(root, place.file).split('\\').join('/')}#${place.pointer}`,
    decisions: decisions.map((d) => ({ ref: d.ref, kind: d.kind, reason: d.reason, facts: d.facts })),
  }
}

/** The type as the pages write it, lower-case: `string`, `array of string`. */
export function specType(node: SchemaNode): string {
  return node.kind === 'array' ? `array of ${specType(node.items)}` : node.kind
}

interface Characters {
  charset?: string | undefined
  firstChar?: string | undefined
  mustContain: string[]
}

/**
 * What a string's patterns say about its characters. The spec writes them in
 * three shapes: `^[set]*$` or `^[set]+$` (the allowed characters),
 * `^[first][set]*$` (and the first one), and a bare `[set]` (one of these
 * is required). Another shape says nothing the pages could state.
 */
export function patternCharacters(patterns: readonly string[]): Characters {
  const out: Characters = { mustContain: [] }
  for (const pattern of patterns) {
    const allowed = /^\^\[((?:\\.|[^\]])+)\](?:[*+]|\{\d+(?:,\d*)?\})\$$/.exec(pattern)
    const withFirst = /^\^\[((?:\\.|[^\]])+)\]\[((?:\\.|[^\]])+)\](?:[*+]|\{\d+(?:,\d*)?\})\$$/.exec(pattern)
    const contains = /^\[((?:\\.|[^\]])+)\]$/.exec(pattern)
    if (allowed?.[1]) out.charset = classChars(allowed[1])
    else if (withFirst?.[1] && withFirst[2]) {
      out.firstChar = classChars(withFirst[1])
      out.charset = union(out.firstChar ?? '', classChars(withFirst[2]) ?? '')
    } else if (contains?.[1]) {
      const set = classChars(contains[1])
      if (set) out.mustContain.push(set)
    }
  }
  return out
}

export function fieldFacts(name: string, required: boolean | undefined, node: SchemaNode, root: string): FieldFacts {
  const source = specSource(node.location, node.decisions, root)
  const fact = <T extends FactValue>(value: T | undefined): Fact<T> | undefined =>
    value === undefined ? undefined : { value, source }
  const limits: Partial<Record<FieldLimit, Fact>> = {}
  const put = (limit: FieldLimit, value: FactValue | undefined): void => {
    const f = fact(value)
    if (f) limits[limit] = f
  }
  if (node.kind === 'string') {
    put('minLength', node.minLength)
    put('maxLength', node.maxLength)
    const chars = patternCharacters(node.patterns.map((p) => p.pattern))
    put('charset', chars.charset)
    put('firstChar', chars.firstChar)
    if (chars.mustContain.length > 0) put('mustContain', chars.mustContain)
    if (node.values && node.values.length > 1) put('enum', node.values)
  }
  if (node.kind === 'array') {
    put('minItems', node.minItems)
    put('maxItems', node.maxItems)
  }
  const def = node.default
  if (typeof def === 'string' || typeof def === 'number' || typeof def === 'boolean') put('default', def)
  return { name, source, required: fact(required), type: fact(specType(node)), limits }
}

/** Item schemas nested deeper than this are not read (no API here nests past 3). */
const MAX_NESTING = 6

/**
 * The fields of an object, and those of the objects nested in it, named as the
 * witnesses name them: `nic.wanName` inside an object, `dataSet[].instanceStatus`
 * inside a list of objects. A nested field's `required` is its own object's.
 */
export function fieldsOf(
  object: ObjectNode,
  withRequired: boolean,
  root: string,
  prefix = '',
  depth = 0,
): FieldFacts[] {
  const out: FieldFacts[] = []
  for (const p of object.properties) {
    const name = `${prefix}${p.name}`
    out.push(fieldFacts(name, withRequired ? p.required : undefined, p.schema, root))
    if (depth >= MAX_NESTING) continue
    let inner: SchemaNode = p.schema
    let suffix = ''
    while (inner.kind === 'array') {
      inner = inner.items
      suffix += '[]'
    }
    if (inner.kind === 'object') out.push(...fieldsOf(inner, withRequired, root, `${name}${suffix}.`, depth + 1))
  }
  return out
}

/** Everything the spec says about one operation that a vendor page also says. */
export function specFacts(op: OperationModel, root: string): OperationFacts {
  const opPlace = op.request.location
  const opSource = specSource(
    { file: opPlace.file, pointer: `/paths/${op.pathKey.replace(/~/g, '~0').replace(/\//g, '~1')}/post` },
    op.decisions,
    root,
  )
  const errors: ErrorFact[] = op.errors.map((e) => {
    const source = specSource({ file: opPlace.file, pointer: opSource.place.split('#')[1] ?? '' }, e.decisions, root)
    return { code: e.code, status: { value: e.status, source }, source, common: e.common }
  })
  const t = op.transition
  const statuses = t
    ? [...new Set([...t.from, t.via, ...t.alsoVia, t.to, ...(t.failure ? [t.failure] : [])])]
    : undefined
  const transitionSource = t
    ? {
        ...opSource,
        place: `${opSource.place}/x-zc-transition`,
        decisions: [...opSource.decisions, ...specSource(opPlace, t.decisions, root).decisions],
      }
    : opSource
  return {
    service: op.service,
    action: op.action,
    input: fieldsOf(op.request, true, root),
    output: fieldsOf(op.response, false, root),
    errors,
    exclusive: op.request.exclusive.map((rule) => ({
      fields: [...rule.fields].sort(),
      rule: { value: 'at most one' as const, source: specSource(op.request.location, rule.decisions, root) },
    })),
    statuses: statuses ? { value: statuses, source: transitionSource } : undefined,
    actionName: { value: op.action, source: opSource },
    version: { value: op.version, source: { ...opSource, place: `${opSource.place.split('#')[0]}#/info/version` } },
  }
}
