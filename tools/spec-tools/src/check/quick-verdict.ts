// A verdict on a value against one of the vocabulary's small JSON Schemas
// (extensions/vocabulary.ts) without ajv: compiling a validator per extension
// costs a quarter of a second, the generator checks every spec on every run,
// and nearly every value is valid. Only the keywords those schemas use are
// read, each as ajv reads it (lengths in code points, `u` regexps, a property
// that is `undefined` missing); a keyword or a value it does not read leaves
// the verdict open. The caller trusts only "valid": anything else goes to
// ajv, which also words the problems.

type Schema = Readonly<Record<string, unknown>>
/** true: ajv accepts the value; false: ajv rejects it; undefined: cannot tell. */
type Verdict = boolean | undefined

const KNOWN = new Set([
  'type',
  'pattern',
  'const',
  'enum',
  'required',
  'additionalProperties',
  'properties',
  'items',
  'minItems',
  'minProperties',
  'maxProperties',
  'maxItems',
  'uniqueItems',
  'minLength',
  'minimum',
  'maximum',
  'oneOf',
])

const patterns = new Map<string, RegExp | undefined>()

const isPrimitive = (v: unknown): v is string | number | boolean | null =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))

const isPlainObject = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Whether ajv would certainly accept `value` against `schema`. */
export function quicklyValid(schema: Schema, value: unknown): boolean {
  return judge(schema, value) === true
}

/** A conjunction: false as soon as one keyword is, true only when every one is. */
function all(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes(false)) return false
  return verdicts.includes(undefined) ? undefined : true
}

function judge(schema: unknown, value: unknown): Verdict {
  if (typeof schema === 'boolean') return schema
  if (!isPlainObject(schema)) return undefined
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined
  const verdicts: Verdict[] = Object.keys(schema).map((k) => (KNOWN.has(k) ? true : undefined))
  if ('type' in schema) verdicts.push(hasType(schema.type, value))
  if ('const' in schema) verdicts.push(isPrimitive(schema.const) ? schema.const === value : undefined)
  if ('enum' in schema) {
    const values = schema.enum
    verdicts.push(
      Array.isArray(values) && values.every(isPrimitive) ? (values as unknown[]).includes(value) : undefined,
    )
  }
  if (typeof value === 'string') verdicts.push(...stringVerdicts(schema, value))
  if (typeof value === 'number') verdicts.push(...numberVerdicts(schema, value))
  if (Array.isArray(value)) verdicts.push(...arrayVerdicts(schema, value))
  if (isPlainObject(value)) verdicts.push(...objectVerdicts(schema, value))
  if ('oneOf' in schema) {
    const options = Array.isArray(schema.oneOf) ? schema.oneOf.map((option) => judge(option, value)) : [undefined]
    verdicts.push(options.includes(undefined) ? undefined : options.filter((v) => v).length === 1)
  }
  return all(verdicts)
}

function hasType(type: unknown, value: unknown): Verdict {
  switch (type) {
    case 'string':
      return typeof value === 'string'
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
    case 'number':
      return typeof value === 'number'
    case 'boolean':
      return typeof value === 'boolean'
    case 'null':
      return value === null
    case 'array':
      return Array.isArray(value)
    case 'object':
      return isPlainObject(value)
    default:
      return undefined
  }
}

const bound = (limit: unknown, ok: (n: number) => boolean): Verdict =>
  typeof limit === 'number' ? ok(limit) : undefined

function stringVerdicts(schema: Schema, value: string): Verdict[] {
  const verdicts: Verdict[] = []
  if ('minLength' in schema) verdicts.push(bound(schema.minLength, (n) => [...value].length >= n))
  if ('pattern' in schema) verdicts.push(pattern(schema.pattern)?.test(value))
  return verdicts
}

/** The pattern as ajv compiles it (`u` flag); undefined when it is no string or no valid regexp. */
function pattern(source: unknown): RegExp | undefined {
  if (typeof source !== 'string') return undefined
  if (!patterns.has(source)) {
    let re: RegExp | undefined
    try {
      re = new RegExp(source, 'u')
    } catch {
      re = undefined
    }
    patterns.set(source, re)
  }
  return patterns.get(source)
}

function numberVerdicts(schema: Schema, value: number): Verdict[] {
  const verdicts: Verdict[] = []
  if ('minimum' in schema) verdicts.push(bound(schema.minimum, (n) => value >= n))
  if ('maximum' in schema) verdicts.push(bound(schema.maximum, (n) => value <= n))
  return verdicts
}

function arrayVerdicts(schema: Schema, value: readonly unknown[]): Verdict[] {
  const verdicts: Verdict[] = []
  if ('minItems' in schema) verdicts.push(bound(schema.minItems, (n) => value.length >= n))
  if ('maxItems' in schema) verdicts.push(bound(schema.maxItems, (n) => value.length <= n))
  if ('uniqueItems' in schema && schema.uniqueItems !== false) {
    const primitives = schema.uniqueItems === true && value.every(isPrimitive)
    // -0 and 0 are one value to ajv as to String().
    verdicts.push(primitives ? new Set(value.map((v) => `${typeof v}:${String(v)}`)).size === value.length : undefined)
  }
  if ('items' in schema) verdicts.push(all(value.map((item) => judge(schema.items, item))))
  return verdicts
}

function objectVerdicts(schema: Schema, value: Readonly<Record<string, unknown>>): Verdict[] {
  const verdicts: Verdict[] = []
  // ajv counts every own key, one whose value is undefined too.
  const count = Object.keys(value).length
  if ('minProperties' in schema) verdicts.push(bound(schema.minProperties, (n) => count >= n))
  if ('maxProperties' in schema) verdicts.push(bound(schema.maxProperties, (n) => count <= n))
  const properties = schema.properties
  if ('properties' in schema && !isPlainObject(properties)) return [undefined]
  const props = (properties ?? {}) as Readonly<Record<string, unknown>>
  if ('required' in schema) {
    const required = schema.required
    verdicts.push(
      Array.isArray(required) && required.every((k) => typeof k === 'string')
        ? required.every((k) => value[k] !== undefined)
        : undefined,
    )
  }
  for (const [key, sub] of Object.entries(props)) if (value[key] !== undefined) verdicts.push(judge(sub, value[key]))
  if ('additionalProperties' in schema) {
    const extra = schema.additionalProperties
    const others = Object.keys(value).filter((k) => !Object.hasOwn(props, k))
    if (extra === false) verdicts.push(others.length === 0)
    else verdicts.push(...others.map((k) => judge(extra, value[k])))
  }
  return verdicts
}
