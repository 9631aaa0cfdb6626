import { EXTENSIONS, type ExtensionPlace } from '../extensions/vocabulary.js'
import { appendPointer, parsePointer } from '../load/json-pointer.js'
import type { LoadedSpec } from '../load/resolve.js'
import type { Location } from '../load/spec-error.js'
import { quicklyValid } from './quick-verdict.js'
import { type CheckResult, result } from './result.js'
import { createSchemaValidator, type ValidateFunction } from './schema-validator.js'

// One compiled validator per extension for the whole process: compiling is
// most of the cost of this check, and the vocabulary never changes.
const compiled = new Map<string, ValidateFunction>()
let sharedAjv: ReturnType<typeof createSchemaValidator> | undefined
function valueValidator(key: string, schema: Record<string, unknown>): ValidateFunction {
  let fn = compiled.get(key)
  if (!fn) {
    sharedAjv ??= createSchemaValidator()
    fn = sharedAjv.compile(schema)
    compiled.set(key, fn)
  }
  return fn
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'])

/** What kind of place a JSON pointer names, as far as extensions care. */
export function placeOf(pointer: string): Exclude<ExtensionPlace, 'anywhere'> {
  const tokens = parsePointer(pointer) ?? []
  if (tokens.length === 0) return 'document'
  if (tokens.length === 3 && tokens[0] === 'paths' && HTTP_METHODS.has(tokens[2] ?? '')) return 'operation'
  if (tokens.length === 3 && tokens[0] === 'components' && tokens[1] === 'securitySchemes') return 'security-scheme'
  return 'schema'
}

/**
 * Every `x-` key in every file of the spec must be one of the vocabulary's,
 * at a place where it means something, with a value of the right shape.
 * Extension values are data and are not searched for further extensions
 * (their own schemas say which they may hold).
 */
export function checkExtensions(spec: LoadedSpec): CheckResult[] {
  const results: CheckResult[] = []
  // The pointer only: a Location is made for the extensions found, not for every node walked.
  const visit = (node: unknown, file: string, pointer: string): void => {
    if (typeof node !== 'object' || node === null) return
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        visit(item, file, appendPointer(pointer, String(i)))
      })
      return
    }
    for (const [key, value] of Object.entries(node)) {
      const at = appendPointer(pointer, key)
      if (key.startsWith('x-')) results.push(checkOne(key, value, pointer, { file, pointer: at }))
      else visit(value, file, at)
    }
  }
  const checkOne = (key: string, value: unknown, holder: string, at: Location): CheckResult => {
    const def = EXTENSIONS[key]
    if (!def) return result('extension known', key, at, [`unknown extension ${key}; see specs/README.md`])
    const problems: string[] = []
    const place = placeOf(holder)
    if (def.place !== 'anywhere' && def.place !== place) {
      problems.push(`${key} belongs on a ${def.place}, not on a ${place}`)
    }
    // ajv only for a value the quick check cannot pass (its compile is most of this check's cost).
    if (quicklyValid(def.valueSchema, value)) return result('extension well-formed', key, at, problems)
    const validate = valueValidator(key, def.valueSchema)
    if (!validate(value)) {
      for (const e of validate.errors ?? []) problems.push(`value${e.instancePath} ${e.message ?? 'is invalid'}`)
    }
    return result('extension well-formed', key, at, problems)
  }
  for (const [file, doc] of spec.files) visit(doc, file, '')
  return results
}
