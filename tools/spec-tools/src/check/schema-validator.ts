import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { EXTENSIONS } from '../extensions/vocabulary.js'

// ajv-formats is CommonJS; under NodeNext its function may arrive as `.default`.
type AddFormats = (ajv: Ajv2020) => Ajv2020
const formatsExport = addFormatsModule as unknown as AddFormats & { default?: AddFormats }
const addFormats: AddFormats = formatsExport.default ?? formatsExport

/** UTF-8 length of a string, without allocating a buffer. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/**
 * An ajv instance that reads schemas as OpenAPI 3.1 does: JSON Schema 2020-12
 * with unknown keywords refused, plus the OpenAPI annotation keywords and every x-zc-*
 * extension. `x-zc-max-utf8-bytes` is enforced; the others are annotations.
 */
export function createSchemaValidator(): Ajv2020 {
  // strictTypes and strictRequired would reject plain JSON Schema idioms the
  // specs use on purpose (`not: {required: [a, b]}`, patterns in allOf).
  const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allErrors: true })
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
    } else {
      ajv.addKeyword({ keyword })
    }
  }
  return ajv
}

export type { ValidateFunction }
