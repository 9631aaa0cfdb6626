// The quick check checkExtensions trusts before ajv (quick-verdict.ts) may
// only ever say "valid" where ajv does: on every extension value of the real
// specs (where it must also say it, or the generator would load ajv anyway),
// and on many values broken from them, one change at a time.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { quicklyValid } from '../src/check/quick-verdict.js'
import { createSchemaValidator } from '../src/check/schema-validator.js'
import { EXTENSIONS } from '../src/extensions/vocabulary.js'
import { loadSpec } from '../src/load/resolve.js'

const repo = fileURLToPath(new URL('../../..', import.meta.url))
const ajv = createSchemaValidator()

/** Every extension value of the spec's files, by extension. */
function extensionValues(file: string): [string, unknown][] {
  const found: [string, unknown][] = []
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-') && EXTENSIONS[key]) found.push([key, value])
      else visit(value)
    }
  }
  for (const doc of loadSpec(file).files.values()) visit(doc)
  return found
}

// Every service's spec: one whose values the quick check cannot pass makes every regeneration load ajv.
const specFiles = readdirSync(join(repo, 'specs'))
  .map((name) => join(repo, 'specs', name, 'openapi.yaml'))
  .filter((file) => existsSync(file))
const values = specFiles.flatMap((file) => extensionValues(file))

/** Values one change away: each leaf replaced, each key dropped or added, each list emptied or doubled. */
function variants(value: unknown): unknown[] {
  const out: unknown[] = [
    null,
    0,
    -1,
    1.5,
    '',
    'x',
    'NOT_AN_ERROR_CODE_',
    true,
    false,
    [],
    {},
    Number.POSITIVE_INFINITY,
  ]
  if (Array.isArray(value)) {
    out.push([...value, ...value], value.slice(1))
    value.forEach((item, i) => {
      for (const v of variants(item)) out.push(value.map((x, j) => (j === i ? v : x)))
    })
  } else if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
    out.push({ ...value, unexpected: 1 })
    for (const [key, item] of entries) {
      out.push(Object.fromEntries(entries.filter(([k]) => k !== key)))
      for (const v of variants(item)) out.push({ ...value, [key]: v })
    }
  } else if (typeof value === 'string') {
    out.push(value.toLowerCase(), `${value}-`, value.slice(1), `😀${value}`)
  }
  return out
}

describe('quicklyValid', () => {
  it('passes every extension value of the real specs, as ajv does', () => {
    expect(specFiles.length).toBeGreaterThanOrEqual(3)
    expect(values.length).toBeGreaterThan(20)
    for (const [key, value] of values) {
      const schema = EXTENSIONS[key]?.valueSchema ?? {}
      expect(ajv.validate(schema, value), key).toBe(true)
      expect(quicklyValid(schema, value), key).toBe(true)
    }
  })

  it('never passes a value ajv refuses', () => {
    let refused = 0
    for (const [key, value] of values) {
      const schema = EXTENSIONS[key]?.valueSchema ?? {}
      for (const variant of variants(value)) {
        const valid = ajv.validate(schema, variant)
        if (!valid) refused++
        if (quicklyValid(schema, variant)) expect(valid, `${key}: ${JSON.stringify(variant)}`).toBe(true)
      }
    }
    expect(refused).toBeGreaterThan(100)
  })

  it('leaves what it does not read to ajv', () => {
    expect(quicklyValid({ type: 'string', format: 'email' }, 'a')).toBe(false)
    expect(quicklyValid({ type: ['string', 'null'] }, 'a')).toBe(false)
    expect(quicklyValid({ const: { a: 1 } }, { a: 1 })).toBe(false)
    expect(quicklyValid({ type: 'array', uniqueItems: true }, [{ a: 1 }])).toBe(false)
    expect(quicklyValid({ type: 'number' }, Number.NaN)).toBe(false)
    expect(quicklyValid({ type: 'string', minLength: 2 }, '😀')).toBe(false)
    expect(quicklyValid({ type: 'string', pattern: '^.$' }, '😀')).toBe(true)
    expect(quicklyValid({ type: 'object', minProperties: 1 }, {})).toBe(false)
    expect(quicklyValid({ type: 'object', minProperties: 1 }, { a: undefined })).toBe(true)
    expect(quicklyValid({ type: 'object', maxProperties: 1 }, { a: 1, b: 2 })).toBe(false)
    expect(quicklyValid({ type: 'object', minProperties: '1' }, { a: 1 })).toBe(false)
  })
})
