import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'

const require = createRequire(import.meta.url)

/**
 * ajv, in its default strict mode, compiled from the JSON Schema a validator
 * package ships (json-schema/<Action>.<request|reply>.json): an independent
 * reading of the same spec.
 */
export function ajvFor(service: 'zec' | 'vm', action: string, which: 'request' | 'reply') {
  const pkg = dirname(require.resolve(`@zenlayer-reset/${service}-validator/package.json`))
  const schema = JSON.parse(readFileSync(join(pkg, 'json-schema', `${action}.${which}.json`), 'utf8'))
  return new Ajv2020({ allErrors: false }).compile(schema)
}
