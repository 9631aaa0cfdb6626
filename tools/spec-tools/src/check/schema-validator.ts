import { createRequire } from 'node:module'
import type { Ajv2020, FuncKeywordDefinition, ValidateFunction } from 'ajv/dist/2020.js'
import { EXTENSIONS } from '../extensions/vocabulary.js'

// ajv (with ajv-formats) takes a sixth of a second to import: required (both
// are CommonJS) on the first validator asked for, not when spec-tools is
// imported, so that a caller whose values all pass a quick check (the
// generator, see extensions.ts) never loads it.
type AddFormats = (ajv: Ajv2020) => Ajv2020
const require = createRequire(import.meta.url)
function loadAjv(): { Ajv: typeof Ajv2020; addFormats: AddFormats } {
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')
  // ajv-formats' function may arrive as `.default`.
  const formatsExport = require('ajv-formats') as AddFormats & { default?: AddFormats }
  return { Ajv, addFormats: formatsExport.default ?? formatsExport }
}

/** UTF-8 length of a string, without allocating a buffer. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

type KeywordRule = Omit<FuncKeywordDefinition, 'keyword'>

// The rule extensions other than the UTF-8 length, as ajv keywords (what each means: vocabulary.ts).
const ENFORCED: Record<string, KeywordRule> = {
  'x-zc-consecutive': {
    type: 'array',
    error: { message: 'must hold consecutive integers' },
    validate: (_on: true, data: number[]) => data.every((v, i) => i === 0 || v === (data[i - 1] ?? 0) + 1),
  },
  'x-zc-distinct': {
    type: 'object',
    error: { message: 'must hold different values in the x-zc-distinct fields' },
    validate: (rule: { fields: string[] }, data: Record<string, unknown>) => {
      const set = rule.fields.filter((f) => data[f] !== undefined).map((f) => data[f])
      return new Set(set).size === set.length
    },
  },
  'x-zc-first-item': {
    type: 'array',
    error: { message: 'must start with an item whose x-zc-first-item field is one of its values' },
    validate: (rule: { field: string; values: string[] }, data: unknown[]) => {
      const first = data[0] as Record<string, unknown> | undefined
      return first === undefined || typeof first !== 'object' || rule.values.includes(first[rule.field] as string)
    },
  },
}

/**
 * An ajv instance that reads schemas as OpenAPI 3.1 does: JSON Schema 2020-12
 * with unknown keywords refused, plus the OpenAPI annotation keywords and every x-zc-*
 * extension. The extensions that state a rule (`x-zc-max-utf8-bytes`, `x-zc-consecutive`, `x-zc-distinct`,
 * `x-zc-first-item`) are enforced, so an example breaking one fails; the others are annotations.
 */
export function createSchemaValidator(): Ajv2020 {
  // strictTypes and strictRequired would reject plain JSON Schema idioms the
  // specs use on purpose (`not: {required: [a, b]}`, patterns in allOf).
  const { Ajv, addFormats } = loadAjv()
  const ajv = new Ajv({ strict: true, strictTypes: false, strictRequired: false, allErrors: true })
  addFormats(ajv)
  // OpenAPI's own formats; a password is any string, the format only masks it in UIs.
  ajv.addFormat('password', true)
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 })
  ajv.addFormat('int64', { type: 'number', validate: Number.isInteger })
  for (const keyword of ['example', 'discriminator', 'xml', 'externalDocs']) ajv.addKeyword({ keyword })
  for (const keyword of Object.keys(EXTENSIONS)) {
    if (keyword === 'x-zc-max-utf8-bytes') {
      ajv.addKeyword({
        keyword,
        type: 'string',
        schemaType: 'number',
        error: { message: ({ schema }) => `must be at most ${String(schema)} bytes of UTF-8` },
        validate: (max: number, data: string) => utf8Length(data) <= max,
      })
    } else if (keyword in ENFORCED) {
      ajv.addKeyword({ keyword, ...ENFORCED[keyword] })
    } else {
      ajv.addKeyword({ keyword })
    }
  }
  return ajv
}

export type { ValidateFunction }
