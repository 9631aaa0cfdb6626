import { appendPointer, isObject } from '../load/json-pointer.js'
import type { LoadedSpec } from '../load/resolve.js'
import type { Location } from '../load/spec-error.js'
import { type CheckResult, result } from './result.js'
import { createSchemaValidator, type ValidateFunction } from './schema-validator.js'
import { walkSchema } from './schema-walk.js'

// Not holders of examples, or walked as schemas instead (a property could be called `schema`).
const SKIPPED_KEYS = new Set(['schema', 'example', 'examples', 'schemas', 'properties'])

/**
 * Validates every example in a spec against the schema it illustrates:
 * media-type, parameter and header examples, schema `examples` and
 * `default` values. One result per example.
 */
export function checkExamples(spec: LoadedSpec): CheckResult[] {
  const ajv = createSchemaValidator()
  const results: CheckResult[] = []
  const seenHolders = new Set<object>()
  const seenSchemas = new Set<object>()
  const where = (node: object, fallback: Location): Location => spec.origins.get(node) ?? fallback

  const compile = (schema: Record<string, unknown>, at: Location): ValidateFunction | string => {
    try {
      return ajv.compile(schema)
    } catch (error) {
      results.push(result('schema compiles', 'schema', at, [(error as Error).message]))
      return 'not compiled'
    }
  }
  const validate = (check: string, schema: Record<string, unknown>, value: unknown, at: Location): void => {
    const fn = compile(schema, at)
    if (typeof fn === 'string') return
    const problems = fn(value)
      ? []
      : (fn.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`)
    results.push(result(check, at.pointer, at, problems))
  }

  const checkSchemaValues = (schema: unknown): void => {
    walkSchema(
      schema,
      (node) => {
        const at = where(node, { file: spec.entry, pointer: '' })
        if (Array.isArray(node.examples)) {
          node.examples.forEach((value, i) => {
            validate('schema example', node, value, {
              ...at,
              pointer: appendPointer(at.pointer, 'examples', String(i)),
            })
          })
        }
        if ('default' in node) {
          const { default: value, ...rest } = node
          validate('schema default', rest, value, { ...at, pointer: appendPointer(at.pointer, 'default') })
        }
      },
      seenSchemas,
    )
  }

  // Media types, parameters and headers: any object holding a `schema`.
  const visit = (node: unknown, fallback: Location): void => {
    if (typeof node !== 'object' || node === null || seenHolders.has(node)) return
    seenHolders.add(node)
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        visit(item, { ...fallback, pointer: appendPointer(fallback.pointer, String(i)) })
      })
      return
    }
    const obj = node as Record<string, unknown>
    const at = where(obj, fallback)
    if (isObject(obj.schema)) {
      checkSchemaValues(obj.schema)
      if ('example' in obj)
        validate('example', obj.schema, obj.example, { ...at, pointer: appendPointer(at.pointer, 'example') })
      if (isObject(obj.examples)) {
        for (const [name, ex] of Object.entries(obj.examples)) {
          if (!isObject(ex) || !('value' in ex)) continue
          const exAt = where(ex, { ...at, pointer: appendPointer(at.pointer, 'examples', name) })
          validate('example', obj.schema, ex.value, { ...exAt, pointer: appendPointer(exAt.pointer, 'value') })
        }
      }
    }
    for (const [key, value] of Object.entries(obj)) {
      if (SKIPPED_KEYS.has(key) || key.startsWith('x-')) continue
      visit(value, { ...at, pointer: appendPointer(at.pointer, key) })
    }
  }
  visit(spec.document, { file: spec.entry, pointer: '' })
  const schemas = isObject(spec.document.components) ? spec.document.components.schemas : undefined
  if (isObject(schemas)) for (const schema of Object.values(schemas)) checkSchemaValues(schema)
  return results
}
